/**
 * Where each figure stands in the 汇总 workbook, decided once for the paragraphs (which trace
 * their numbers to these cells) and the writer (which puts them there):
 *
 *   汇总:     序号 | 指标名称 | 计量单位 | one column per unit | 全区合计 | 全区目标 | 完成率 | 上年同期 | 同比增长 | 填报情况
 *   目标, 上年同期: 序号 | 指标名称 | 计量单位 | one column per unit | 合计
 */
import { toA1 } from "../address";

export const SUMMARY_SHEET = "汇总";
export const TARGET_SHEET = "目标";
export const PREVIOUS_SHEET = "上年同期";
export const NOTES_SHEET = "说明";

/** 0-based row of the header; the indicators follow it. */
export const HEADER_ROW = 2;
/** 0-based column of the first unit. */
export const FIRST_UNIT_COL = 3;

export type SummaryColumn = "total" | "target" | "rate" | "previous" | "growth" | "coverage";
const SUMMARY_COLUMNS: SummaryColumn[] = [
  "total",
  "target",
  "rate",
  "previous",
  "growth",
  "coverage",
];

export const SUMMARY_HEADERS: Record<SummaryColumn, string> = {
  total: "全区合计",
  target: "全区目标",
  rate: "完成率",
  previous: "上年同期",
  growth: "同比增长",
  coverage: "填报情况",
};

export interface RollupLayout {
  units: number;
  /** 0-based sheet row of the n-th district indicator. */
  row: (indicator: number) => number;
  unitCol: (unit: number) => number;
  /** The 汇总 sheet's own columns after the units. */
  col: (column: SummaryColumn) => number;
  /** The 合计 column of the 目标 and 上年同期 sheets. */
  sumCol: number;
  /** A1 address of a cell. */
  at: (row: number, col: number) => string;
}

export function rollupLayout(units: number): RollupLayout {
  const after = FIRST_UNIT_COL + units;
  return {
    units,
    row: (indicator) => HEADER_ROW + 1 + indicator,
    unitCol: (unit) => FIRST_UNIT_COL + unit,
    col: (column) => after + SUMMARY_COLUMNS.indexOf(column),
    sumCol: after,
    at: toA1,
  };
}

/** A workbook this tool wrote as a roll-up (its 汇总, 目标, 上年同期 and 说明 sheets): not a unit. */
export function isRollupWorkbook(sheetNames: string[]): boolean {
  return [SUMMARY_SHEET, TARGET_SHEET, PREVIOUS_SHEET, NOTES_SHEET].every((n) =>
    sheetNames.includes(n)
  );
}
