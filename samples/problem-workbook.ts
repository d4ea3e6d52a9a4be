/**
 * A workbook full of problems, one per row, for the validation rules and the demo of findings.
 * PROBLEM_ROWS says what each row is meant to show; tests read it instead of repeating literals.
 */
import * as ExcelJS from "exceljs";
import { growthOf, rateOf } from "./sample-workbook";

export const PROBLEM_FILE_NAME = "问题示例.xlsx";
export const PROBLEM_SHEET = "问题数据";
export const PROBLEM_TITLE = "2023年重点工作指标完成情况（问题示例）";
export const PROBLEM_TITLE_MERGE = "A1:G1";
export const PROBLEM_HEADERS = ["指标名称", "单位", "目标", "完成", "上年同期", "完成率", "同比"];
/** 1-based row of the header; data starts on the next row. */
export const PROBLEM_HEADER_ROW = 2;

export type ProblemKind =
  | "unreadable-value"
  | "excel-error"
  | "empty-name"
  | "missing-target"
  | "missing-actual"
  | "negative-count"
  | "zero-target"
  | "duplicate-name"
  | "part-exceeds-total"
  | "stated-rate-wrong"
  | "stated-growth-wrong"
  | "percent-over-100"
  | "growth-too-high"
  | "unit-slip"
  | "full-width-digits"
  | "thousands-separator-text"
  | "wan-suffix-text"
  | "approximate-about"
  | "approximate-over"
  | "dash-placeholder"
  | "ceiling-not-met";

type Written = number | string | null;

export interface ProblemRow {
  /** Absent for a row that is only there as the total of the next row. */
  problem?: ProblemKind;
  name: string;
  unit: string;
  target: Written;
  actual: Written;
  previous: Written;
  /** Typed into 完成率/同比; "formula" writes a formula with its cached result (an error when it fails). */
  rate?: "formula" | number;
  growth?: "formula" | number;
  /** Alignment indent of the name cell (a part of the row above). */
  indent?: number;
}

// prettier-ignore
export const PROBLEM_ROWS: ProblemRow[] = [
  { problem: "unreadable-value", name: "城镇新增就业", unit: "人", target: 1000, actual: "一千二", previous: 1050 },
  { problem: "excel-error", name: "新增四上企业入库", unit: "家", target: 10, actual: 12, previous: 0, growth: "formula" },
  { problem: "empty-name", name: "", unit: "人", target: 500, actual: 520, previous: 480 },
  { problem: "missing-target", name: "残疾人两项补贴发放", unit: "人", target: null, actual: 356, previous: 340 },
  { problem: "missing-actual", name: "低保户动态管理", unit: "户", target: 120, actual: null, previous: 115 },
  { problem: "negative-count", name: "退役军人服务", unit: "人次", target: 200, actual: -15, previous: 180 },
  { problem: "zero-target", name: "开发公益性岗位", unit: "个", target: 0, actual: 56, previous: 50 },
  { problem: "duplicate-name", name: "新增市场主体", unit: "户", target: 500, actual: 532, previous: 510 },
  { problem: "duplicate-name", name: "新增市场主体", unit: "户", target: 500, actual: 528, previous: 510 },
  { name: "失业人员再就业", unit: "人", target: 300, actual: 342, previous: 328, rate: "formula" },
  { problem: "part-exceeds-total", name: "高校毕业生", unit: "人", target: null, actual: 360, previous: 300, indent: 1 },
  { name: "征兵报名人数", unit: "人", target: 100, actual: 120, previous: 110, rate: "formula" },
  { problem: "part-exceeds-total", name: "其中：大学生", unit: "人", target: null, actual: 150, previous: 130 },
  { problem: "stated-rate-wrong", name: "城乡居民医保参保人数", unit: "人", target: 25000, actual: 24650, previous: 24100, rate: 0.996 },
  { problem: "stated-growth-wrong", name: "固定资产投资", unit: "亿元", target: 12, actual: 12.6, previous: 11.54, growth: 0.12 },
  { problem: "percent-over-100", name: "城乡居民养老保险续保率", unit: "%", target: 95, actual: 135, previous: 95.1 },
  { problem: "growth-too-high", name: "限上批发零售业销售额", unit: "亿元", target: 25, actual: 44.4, previous: 24.67, growth: "formula" },
  { problem: "unit-slip", name: "城乡居民医保缴费金额", unit: "万元", target: 1000, actual: 9860000, previous: 955 },
  { problem: "full-width-digits", name: "农村劳动力转移就业", unit: "人", target: 1000, actual: "１１２６", previous: 1050 },
  { problem: "thousands-separator-text", name: "职业技能培训", unit: "人次", target: 1000, actual: "1,126", previous: 980 },
  { problem: "wan-suffix-text", name: "临时救助金发放", unit: "元", target: 40000, actual: "4.2万", previous: 38000 },
  { problem: "approximate-about", name: "社区志愿服务", unit: "人次", target: 480, actual: "约500", previous: 450 },
  { problem: "approximate-over", name: "老年人健康体检", unit: "人", target: 450, actual: "500余", previous: 430 },
  { problem: "dash-placeholder", name: "家庭医生签约服务", unit: "人", target: 800, actual: "—", previous: 760 },
  { problem: "ceiling-not-met", name: "城镇登记失业率", unit: "%", target: "控制在3.5%以内", actual: 3.9, previous: 3.1 },
];

/** 1-based sheet row of PROBLEM_ROWS[i]. */
export function problemRowNumber(i: number): number {
  return PROBLEM_HEADER_ROW + 1 + i;
}

const WRITTEN_ON = new Date(Date.UTC(2024, 0, 5, 9, 0, 0));

export function buildProblemWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "XX街道办事处统计员";
  workbook.created = WRITTEN_ON;
  workbook.modified = WRITTEN_ON;
  const ws = workbook.addWorksheet(PROBLEM_SHEET);
  addTitleAndHeader(ws);
  PROBLEM_ROWS.forEach((row, i) => writeProblemRow(ws, row, problemRowNumber(i)));
  [28, 8, 16, 12, 12, 10, 10].forEach((width, i) => (ws.getColumn(i + 1).width = width));
  return workbook;
}

function addTitleAndHeader(ws: ExcelJS.Worksheet): void {
  ws.mergeCells(PROBLEM_TITLE_MERGE);
  const title = ws.getCell("A1");
  title.value = PROBLEM_TITLE;
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: "center" };
  const header = ws.getRow(PROBLEM_HEADER_ROW);
  header.values = PROBLEM_HEADERS;
  header.font = { bold: true };
}

function writeProblemRow(ws: ExcelJS.Worksheet, row: ProblemRow, r: number): void {
  ws.getRow(r).values = [
    row.name === "" ? null : row.name,
    row.unit,
    row.target,
    row.actual,
    row.previous,
    rateCell(row, r),
    growthCell(row, r),
  ];
  if (row.indent) ws.getCell(r, 1).alignment = { indent: row.indent };
  ws.getCell(r, 6).numFmt = "0.00%";
  ws.getCell(r, 7).numFmt = "0.00%";
}

function rateCell(row: ProblemRow, r: number): ExcelJS.CellValue {
  if (row.rate !== "formula") return row.rate ?? null;
  return formulaCell(`D${r}/C${r}`, rateOf(row));
}

function growthCell(row: ProblemRow, r: number): ExcelJS.CellValue {
  if (row.growth !== "formula") return row.growth ?? null;
  return formulaCell(`D${r}/E${r}-1`, growthOf(row));
}

/** A formula with its cached result; a division by zero caches #DIV/0! as Excel would. */
function formulaCell(formula: string, result: number | undefined): ExcelJS.CellValue {
  if (result === undefined || !Number.isFinite(result))
    return { formula, result: { error: "#DIV/0!" } };
  return { formula, result };
}
