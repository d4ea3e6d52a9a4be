/**
 * A workbook for the report tests: the indicators that the employment, insurance,
 * vaccination and investment sentences of the real drafts (samples/draft-seeds.txt) quote,
 * named the way a statistician's ledger names them (not always as the drafts do), and,
 * optionally, a 报告配置 sheet with the report's outline and templates.
 */
import * as ExcelJS from "exceljs";

export const REPORT_WORKBOOK_FILE = "报告测试台账.xlsx";
export const REPORT_YEAR = 2021;

export interface LedgerRow {
  name: string;
  unit: string;
  target: number | string | null;
  actual: number | null;
  previous: number | null;
}

export interface LedgerSheet {
  sheet: string;
  title?: string;
  headers: string[];
  rows: LedgerRow[];
}

// prettier-ignore
export const LEDGER: LedgerSheet[] = [
  {
    sheet: "就业",
    title: "2021年就业工作指标完成情况表",
    headers: ["指标名称", "单位", "年度目标", "1—12月完成", "上年同期"],
    rows: [
      { name: "城镇新增就业", unit: "人", target: 1000, actual: 1126, previous: 1050 },
      { name: "失业人员再就业", unit: "人", target: 300, actual: 342, previous: 328 },
      { name: "就业困难人员再就业", unit: "人", target: 80, actual: 91, previous: 85 },
      { name: "开发公益性岗位", unit: "个", target: 50, actual: 56, previous: 48 },
      { name: "城镇登记失业率", unit: "%", target: "≤3.5", actual: 2.8, previous: 3.1 },
    ],
  },
  {
    sheet: "社保",
    title: "2021年社会保险工作完成情况",
    headers: ["项目", "计量单位", "目标任务", "累计完成", "去年同期"],
    rows: [
      { name: "城乡居民医保缴费人数", unit: "人", target: 25000, actual: 24650, previous: 24100 },
      { name: "城乡居民医保缴费金额", unit: "万元", target: 780, actual: 763.15, previous: 702.4 },
      { name: "城乡居民养老保险缴费人数", unit: "人", target: 8000, actual: 8120, previous: 7900 },
      { name: "城乡居民养老保险缴费金额", unit: "万元", target: 650, actual: 634.52, previous: 610 },
      { name: "城乡居民养老保险续保率", unit: "%", target: 95, actual: 96.3, previous: 95.1 },
    ],
  },
  {
    sheet: "疫苗接种",
    title: "2021年新冠疫苗接种情况",
    headers: ["指标", "单位", "任务数", "完成数", "上年同期"],
    rows: [
      { name: "第一剂次接种（18岁以上）", unit: "剂次", target: 44000, actual: 43185, previous: null },
      { name: "第二剂次接种（18岁以上）", unit: "剂次", target: 44000, actual: 41876, previous: null },
      { name: "全程两剂接种", unit: "剂", target: 88000, actual: 85061, previous: null },
      { name: "加强免疫接种（60岁以上）", unit: "剂次", target: 10500, actual: 9800, previous: null },
    ],
  },
  {
    sheet: "经济",
    title: "2021年经济指标完成情况",
    headers: ["指标", "单位", "目标", "完成", "上年同期"],
    rows: [
      { name: "固定资产投资", unit: "亿元", target: 12, actual: 12.6, previous: 11.54 },
      { name: "规上工业总产值", unit: "亿元", target: 30, actual: 31.2, previous: 28.4 },
      { name: "批发业主营业务收入", unit: "亿元", target: 8.5, actual: 8.72, previous: 8.1 },
      { name: "零售业主营业务收入", unit: "亿元", target: 5.2, actual: 5.37, previous: 5.58 },
      { name: "规上服务业营业收入", unit: "万元", target: 3600, actual: 3842, previous: 3510 },
      { name: "商品房销售面积", unit: "万平方米", target: 6.5, actual: 7.02, previous: 6.8 },
      { name: "住宿餐饮业营业额", unit: "万元", target: 2600, actual: 2731.6, previous: 2480 },
      { name: "建筑业总产值", unit: "亿元", target: 15, actual: 16.48, previous: 14.9 },
      { name: "新增四上企业入库", unit: "家", target: 10, actual: 12, previous: 9 },
      { name: "四上企业总数", unit: "家", target: 80, actual: 86, previous: 74 },
    ],
  },
];

export const CONFIG_SHEET = "报告配置";
export const CONFIG_TITLE = "2021年度工作总结";

/** The 报告配置 table: 序号, 标题, 指标或类别, 模板. Header on row 3. */
// prettier-ignore
export const CONFIG_ROWS: [string, string, string, string][] = [
  ["一、", "就业和社会保障", "", ""],
  ["（一）", "就业工作", "就业", ""],
  ["（二）", "社会保险", "社保", ""],
  ["二、", "疫苗接种", "第一剂次接种、第二剂次接种、全程两剂接种", ""],
  ["三、", "经济发展", "", ""],
  ["（一）", "固定资产投资", "", "全年完成固定资产投资{固定资产投资}，{固定资产投资.增长}，{?固定资产投资 已完成}{固定资产投资.状态}{:}完成目标任务的{固定资产投资.完成率}{/}。"],
  ["1.", "商贸流通", "批发业主营业务收入、零售业主营业务收入", ""],
  ["（1）", "住宿餐饮", "", "住宿餐饮业实现营业额{住宿餐饮业营业额}，完成目标任务的{住宿餐饮业营业额.完成率:1}，{住宿餐饮业营业额.增长}。"],
  ["（二）", "企业培育", "新增四上企业入库", ""],
];
export const CONFIG_HEADER_ROW = 3;

const thin: Partial<ExcelJS.Border> = { style: "thin" };
const BORDERS: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

function addLedgerSheet(workbook: ExcelJS.Workbook, spec: LedgerSheet): void {
  const ws = workbook.addWorksheet(spec.sheet);
  let row = 1;
  if (spec.title) {
    ws.getCell(row, 1).value = spec.title;
    ws.getCell(row, 1).font = { bold: true, size: 14 };
    ws.mergeCells(row, 1, row, spec.headers.length);
    row += 2;
  }
  ws.getRow(row).values = spec.headers;
  ws.getRow(row).font = { bold: true };
  const headerRow = row;
  for (const r of spec.rows) {
    row++;
    ws.getRow(row).values = [r.name, r.unit, r.target, r.actual, r.previous];
  }
  for (let rr = headerRow; rr <= row; rr++)
    for (let c = 1; c <= spec.headers.length; c++) ws.getCell(rr, c).border = BORDERS;
  ws.getColumn(1).width = 28;
}

function addConfigSheet(workbook: ExcelJS.Workbook): void {
  const ws = workbook.addWorksheet(CONFIG_SHEET);
  ws.getCell(1, 1).value = `报告标题：${CONFIG_TITLE}`;
  ws.getRow(CONFIG_HEADER_ROW).values = ["序号", "标题", "指标或类别", "模板"];
  ws.getRow(CONFIG_HEADER_ROW).font = { bold: true };
  CONFIG_ROWS.forEach((values, i) => (ws.getRow(CONFIG_HEADER_ROW + 1 + i).values = values));
  ws.getColumn(2).width = 16;
  ws.getColumn(3).width = 40;
  ws.getColumn(4).width = 80;
}

/** The ledger; with `config`, also the 报告配置 sheet. */
export function buildReportWorkbook(options: { config?: boolean } = {}): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "XX街道办事处统计员";
  const when = new Date(Date.UTC(2022, 0, 10, 9, 0, 0));
  workbook.created = when;
  workbook.modified = when;
  for (const spec of LEDGER) addLedgerSheet(workbook, spec);
  if (options.config) addConfigSheet(workbook);
  return workbook;
}
