/**
 * The demo workbook: a year of indicators of a sub-district of about 60,000 residents (2023).
 * The data below is what the sheets say; tests read it instead of repeating literals.
 * Deliberate problems, and only these: 社保's stated 完成进度 for 缴费金额 (99.6% against 98.6%),
 * 经济's 税收收入 entered in 元 instead of 万元, and 就业's 开发公益性岗位 上年同期 "待核实".
 */
import * as ExcelJS from "exceljs";

export const SAMPLE_FILE_NAME = "街道指标台账.xlsx";
export const SAMPLE_YEAR = 2023;

/** A cell as typed: a number, a text, or nothing. */
export type Written = number | string | null;

/** "formula": a formula whose cached result is computed from the row; else the value typed into the cell. */
export type Stated = "formula" | number | string;

export interface SampleRow {
  name: string;
  unit: string;
  target: Written;
  actual: Written;
  previous: Written;
  rate?: Stated;
  growth?: Stated;
  /** 序号 column, where the sheet has one. */
  index?: number;
  note?: string;
}

export interface SampleSheet {
  sheet: string;
  /** Excel table name; absent for a plain range. */
  table?: string;
  /** Title line above the table and its merge (A1 ranges), when there is one. */
  title?: string;
  titleMerge?: string;
  /** Lines under the title, e.g. "填报单位：XX街道办事处". */
  subtitles: string[];
  headers: string[];
  /** 1-based row of the header. */
  headerRow: number;
  /** The table (header and data rows) as an A1 range. */
  range: string;
  /** 1-based column of the stated 完成率/完成进度/同比. */
  statedColumn: number;
  rows: SampleRow[];
  footnote?: string;
}

/** completed ÷ target, the cached result of a 完成率 formula. */
export function rateOf(row: SampleRow): number | undefined {
  return typeof row.actual === "number" && typeof row.target === "number"
    ? row.actual / row.target
    : undefined;
}

/** completed ÷ last year − 1, the cached result of a 同比 formula. */
export function growthOf(row: SampleRow): number | undefined {
  return typeof row.actual === "number" && typeof row.previous === "number"
    ? row.actual / row.previous - 1
    : undefined;
}

/** The value a 完成率 or 同比 cell shows: the formula's cached result or what was typed. */
export function statedValue(
  row: SampleRow,
  column: "rate" | "growth"
): number | string | undefined {
  const stated = row[column];
  if (stated !== "formula") return stated;
  return column === "rate" ? rateOf(row) : growthOf(row);
}

export const EMPLOYMENT: SampleSheet = {
  sheet: "就业",
  title: "2023年就业工作指标完成情况表",
  titleMerge: "A1:H1",
  subtitles: ["填报单位：XX街道办事处"],
  headers: ["序号", "指标名称", "单位", "年度目标", "1—12月完成", "完成率", "上年同期", "备注"],
  headerRow: 3,
  range: "A3:H9",
  statedColumn: 6,
  // prettier-ignore
  rows: [
    { index: 1, name: "城镇新增就业", unit: "人", target: 1000, actual: 1126, previous: 1050, rate: "formula" },
    { name: "其中：高校毕业生就业", unit: "人", target: null, actual: 320, previous: 300 },
    { index: 2, name: "失业人员再就业", unit: "人", target: 300, actual: 342, previous: 328, rate: "formula" },
    { index: 3, name: "就业困难人员再就业", unit: "人", target: 80, actual: 91, previous: 85, rate: "formula" },
    { index: 4, name: "城镇登记失业率", unit: "%", target: "≤3.5", actual: 2.8, previous: 3.1, note: "控制性指标" },
    { index: 5, name: "开发公益性岗位", unit: "个", target: 50, actual: 56, previous: "待核实", rate: "formula" },
  ],
  footnote: "注：数据截至2023年12月31日。",
};

export const INSURANCE: SampleSheet = {
  sheet: "社保",
  table: "社会保险",
  subtitles: [],
  headers: ["项目", "目标任务", "累计完成", "计量单位", "去年同期", "完成进度"],
  headerRow: 1,
  range: "A1:F5",
  statedColumn: 6,
  // prettier-ignore
  rows: [
    { name: "城乡居民医保参保人数", target: 25000, actual: 24650, unit: "人", previous: 24100, rate: "formula" },
    // Deliberate: typed over the formula; 986 ÷ 1000 is 98.6%.
    { name: "城乡居民医保缴费金额", target: 1000, actual: 986, unit: "万元", previous: 955, rate: 0.996 },
    { name: "城乡居民养老保险续保率", target: 95, actual: 96.3, unit: "%", previous: 95.1, rate: "formula" },
    { name: "养老保险参保人数", target: 8000, actual: 8120, unit: "人", previous: 7900, rate: "formula" },
  ],
};

export const VACCINATION: SampleSheet = {
  sheet: "疫苗接种",
  table: "疫苗接种",
  title: "2023年疫苗接种工作完成情况",
  subtitles: [],
  headers: ["指标", "单位", "任务数", "完成数", "完成率"],
  headerRow: 3,
  range: "A3:E6",
  statedColumn: 5,
  // prettier-ignore
  rows: [
    { name: "第一剂次接种（18岁以上）", unit: "人", target: 44000, actual: 43185, previous: null, rate: "formula" },
    { name: "加强免疫接种（60岁以上）", unit: "人", target: 10500, actual: 9800, previous: null, rate: "formula" },
    { name: "全程接种", unit: "人", target: 42000, actual: 41020, previous: null, rate: "97.67%" },
  ],
};

export const ECONOMY: SampleSheet = {
  sheet: "经济",
  table: "经济指标",
  title: "2023年经济指标完成情况",
  subtitles: ["单位：亿元、家"],
  headers: ["Indicator", "Unit", "Target", "Actual", "Last year", "YoY"],
  headerRow: 3,
  range: "A3:F8",
  statedColumn: 6,
  // prettier-ignore
  rows: [
    { name: "固定资产投资", unit: "亿元", target: 12, actual: 12.6, previous: 11.54, growth: "formula" },
    { name: "新增四上企业入库", unit: "家", target: 10, actual: 12, previous: null },
    { name: "限上批发零售业销售额", unit: "亿元", target: 25, actual: 24.1, previous: 24.67, growth: "formula" },
    { name: "规上工业总产值", unit: "亿元", target: 30, actual: 31.2, previous: 28.4, growth: "formula" },
    // Deliberate: 52,000,000 元 typed in a 万元 row, 10 000 times last year's 4800.
    { name: "税收收入", unit: "万元", target: 5000, actual: 52000000, previous: 4800, growth: "formula" },
  ],
};

export const NOTES_SHEET = "说明";
export const NOTES_LINES = [
  "填表说明",
  "1. 本台账由XX街道办事处统计员按月填报，数据来源于区人社局、区医保局、社区卫生服务中心和区统计局。",
  "2. 完成率＝完成数÷年度目标×100%；同比增长＝（本期－上年同期）÷上年同期×100%。",
  "3. 城镇登记失业率为控制性指标，不高于目标值即为完成。",
  "4. 各科室如有数据变动，请于每月5日前报送统计员。",
];

export const SAMPLE_SHEETS: SampleSheet[] = [EMPLOYMENT, INSURANCE, VACCINATION, ECONOMY];
export const SAMPLE_SHEET_NAMES = [
  EMPLOYMENT.sheet,
  INSURANCE.sheet,
  VACCINATION.sheet,
  ECONOMY.sheet,
  NOTES_SHEET,
];

/** Fixed so that two runs of the generator give the same workbook content. */
const WRITTEN_ON = new Date(Date.UTC(2024, 0, 5, 9, 0, 0));

export function buildSampleWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "XX街道办事处统计员";
  workbook.created = WRITTEN_ON;
  workbook.modified = WRITTEN_ON;
  addEmploymentSheet(workbook);
  addInsuranceSheet(workbook);
  addVaccinationSheet(workbook);
  addEconomySheet(workbook);
  addNotesSheet(workbook);
  return workbook;
}

// ---------------------------------------------------------------------------
// Shared helpers

const PERCENT_2 = "0.00%";
const PERCENT_1 = "0.0%";
const THOUSANDS = "#,##0";
const thin: Partial<ExcelJS.Border> = { style: "thin" };
const ALL_BORDERS: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

/** A 完成率/同比 cell: a formula with its cached result, or the typed value. */
export function statedCellValue(
  row: SampleRow,
  column: "rate" | "growth",
  formula: string
): ExcelJS.CellValue {
  const stated = row[column];
  if (stated === undefined) return null;
  if (stated !== "formula") return stated;
  const result = statedValue(row, column);
  return result === undefined ? null : { formula, result: result as number };
}

function addTitle(ws: ExcelJS.Worksheet, spec: SampleSheet): void {
  if (!spec.title) return;
  const title = ws.getCell("A1");
  title.value = spec.title;
  title.font = { bold: true, size: 14 };
  if (spec.titleMerge) {
    ws.mergeCells(spec.titleMerge);
    title.alignment = { horizontal: "center", vertical: "middle" };
  }
  spec.subtitles.forEach((line, i) => (ws.getCell(2 + i, 1).value = line));
}

function setWidths(ws: ExcelJS.Worksheet, widths: number[]): void {
  widths.forEach((width, i) => (ws.getColumn(i + 1).width = width));
}

function formatColumn(ws: ExcelJS.Worksheet, spec: SampleSheet, col: number, numFmt: string): void {
  spec.rows.forEach((_, i) => (ws.getCell(spec.headerRow + 1 + i, col).numFmt = numFmt));
}

function addTable(ws: ExcelJS.Worksheet, spec: SampleSheet, rows: ExcelJS.CellValue[][]): void {
  ws.addTable({
    name: spec.table ?? spec.sheet,
    ref: `A${spec.headerRow}`,
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: spec.headers.map((name) => ({ name, filterButton: true })),
    rows,
  });
}

// ---------------------------------------------------------------------------
// Sheets

function addEmploymentSheet(workbook: ExcelJS.Workbook): void {
  const spec = EMPLOYMENT;
  const ws = workbook.addWorksheet(spec.sheet);
  addTitle(ws, spec);
  const header = ws.getRow(spec.headerRow);
  header.values = spec.headers;
  header.font = { bold: true };
  header.alignment = { horizontal: "center", vertical: "middle", wrapText: true };

  spec.rows.forEach((row, i) => {
    const r = spec.headerRow + 1 + i;
    ws.getRow(r).values = [
      row.index ?? null,
      row.name,
      row.unit,
      row.target,
      row.actual,
      statedCellValue(row, "rate", `E${r}/D${r}`),
      row.previous,
      row.note ?? null,
    ];
    const isRate = row.unit === "%";
    for (const col of [4, 5, 7]) ws.getCell(r, col).numFmt = isRate ? "0.0" : THOUSANDS;
    ws.getCell(r, 6).numFmt = PERCENT_2;
  });
  borderRange(ws, spec.headerRow, spec.headerRow + spec.rows.length, 1, spec.headers.length);

  const footRow = spec.headerRow + spec.rows.length + 2;
  ws.getCell(footRow, 1).value = spec.footnote ?? null;
  ws.mergeCells(footRow, 1, footRow, spec.headers.length);
  setWidths(ws, [6, 24, 6, 10, 12, 10, 10, 12]);
}

function borderRange(
  ws: ExcelJS.Worksheet,
  top: number,
  bottom: number,
  left: number,
  right: number
): void {
  for (let r = top; r <= bottom; r++) {
    for (let c = left; c <= right; c++) ws.getCell(r, c).border = ALL_BORDERS;
  }
}

function addInsuranceSheet(workbook: ExcelJS.Workbook): void {
  const spec = INSURANCE;
  const ws = workbook.addWorksheet(spec.sheet);
  const rows = spec.rows.map((row, i) => {
    const r = spec.headerRow + 1 + i;
    return [
      row.name,
      row.target,
      row.actual,
      row.unit,
      row.previous,
      statedCellValue(row, "rate", `C${r}/B${r}`),
    ];
  });
  addTable(ws, spec, rows);
  formatColumn(ws, spec, 6, PERCENT_1);
  setWidths(ws, [26, 12, 12, 10, 12, 12]);
}

function addVaccinationSheet(workbook: ExcelJS.Workbook): void {
  const spec = VACCINATION;
  const ws = workbook.addWorksheet(spec.sheet);
  addTitle(ws, spec);
  const rows = spec.rows.map((row, i) => {
    const r = spec.headerRow + 1 + i;
    return [
      row.name,
      row.unit,
      row.target,
      row.actual,
      statedCellValue(row, "rate", `D${r}/C${r}`),
    ];
  });
  addTable(ws, spec, rows);
  formatColumn(ws, spec, 3, THOUSANDS);
  formatColumn(ws, spec, 4, THOUSANDS);
  formatColumn(ws, spec, 5, PERCENT_2);
  setWidths(ws, [28, 8, 10, 10, 10]);
}

function addEconomySheet(workbook: ExcelJS.Workbook): void {
  const spec = ECONOMY;
  const ws = workbook.addWorksheet(spec.sheet);
  addTitle(ws, spec);
  const rows = spec.rows.map((row, i) => {
    const r = spec.headerRow + 1 + i;
    return [
      row.name,
      row.unit,
      row.target,
      row.actual,
      row.previous,
      statedCellValue(row, "growth", `D${r}/E${r}-1`),
    ];
  });
  addTable(ws, spec, rows);
  formatColumn(ws, spec, 6, PERCENT_2);
  setWidths(ws, [24, 8, 10, 12, 12, 10]);
}

function addNotesSheet(workbook: ExcelJS.Workbook): void {
  const ws = workbook.addWorksheet(NOTES_SHEET);
  NOTES_LINES.forEach((line, i) => (ws.getCell(i + 1, 1).value = line));
  ws.getCell(1, 1).font = { bold: true };
  setWidths(ws, [90]);
}
