/**
 * A one-sheet 台账 as many offices keep it in WPS: every line of work of the year on one sheet,
 *
 *   序号 | 类别 | 工作指标 | 计量单位 | 年度目标 | 1-10月完成 | 去年同期 | 完成率 | 备注
 *
 * with section rows 一、… 七、 merged across the whole row, 类别 cells merged down their rows,
 * 其中 rows, two rows of one name under different 类别 (检查场所 under 消防检查 and 燃气检查),
 * a 合计 that adds up, a hidden helper sheet of drop-down lists and a stale copy marked 勿用.
 * The indicators are of the kinds the real summaries quote (党建, 经济, 民生, 疫苗, 治理,
 * 安全, 城建). Tests read LEDGER_SECTIONS instead of repeating literals.
 */
import * as ExcelJS from "exceljs";

export const LEDGER_FILE_NAME = "街道工作台账（单表）.xlsx";
export const LEDGER_YEAR = 2023;
export const LEDGER_MONTHS = 10;

export interface LedgerItem {
  /** 类别 column: merged down the rows of one kind. */
  kind: string;
  name: string;
  unit: string;
  target: number | string | null;
  actual: number | string | null;
  previous: number | null;
  /** Written in the 序号 column; parts (其中) have none. */
  numbered?: boolean;
}

export interface LedgerSection {
  /** "一、党建工作": the text of the row merged across the table. */
  heading: string;
  items: LedgerItem[];
}

const n = true;

// prettier-ignore
export const LEDGER_SECTIONS: LedgerSection[] = [
  {
    heading: "一、党的建设",
    items: [
      { kind: "组织建设", name: "发展党员", unit: "人", target: 10, actual: 12, previous: 9, numbered: n },
      { kind: "组织建设", name: "开展党史学习教育活动", unit: "次", target: 20, actual: 26, previous: 18, numbered: n },
      { kind: "宣传工作", name: "宣传稿件发表", unit: "篇", target: 30, actual: 41, previous: 35, numbered: n },
    ],
  },
  {
    heading: "二、经济发展",
    items: [
      { kind: "投资", name: "固定资产投资", unit: "亿元", target: 12, actual: 10.5, previous: 9.8, numbered: n },
      { kind: "企业", name: "新增四上企业入库", unit: "家", target: 10, actual: 11, previous: 8, numbered: n },
      { kind: "企业", name: "规模工业产值", unit: "亿元", target: 20, actual: "20以上", previous: 18.6, numbered: n },
      { kind: "商贸", name: "限上批发零售业销售额", unit: "亿元", target: 25, actual: 21.3, previous: 20.6, numbered: n },
    ],
  },
  {
    heading: "三、民生保障",
    items: [
      { kind: "就业", name: "城镇新增就业", unit: "人", target: 1000, actual: 952, previous: 890, numbered: n },
      { kind: "就业", name: "其中：高校毕业生", unit: "人", target: null, actual: 280, previous: 251 },
      { kind: "就业", name: "失业人员再就业", unit: "人", target: 300, actual: 276, previous: 250, numbered: n },
      { kind: "就业", name: "城镇登记失业率", unit: "%", target: "≤3.5", actual: 2.8, previous: 3.1, numbered: n },
      { kind: "社保", name: "城乡居民医保参保人数", unit: "人", target: 25000, actual: 24650, previous: 24100, numbered: n },
      { kind: "社保", name: "城乡居民养老保险续保率", unit: "%", target: 95, actual: 96.3, previous: 94.8, numbered: n },
      { kind: "救助", name: "低保户数", unit: "户", target: null, actual: 226, previous: 231, numbered: n },
      { kind: "救助", name: "低保人数", unit: "人", target: null, actual: 410, previous: 428, numbered: n },
      { kind: "救助", name: "发放低保金", unit: "万元", target: null, actual: 293.51, previous: 301.2, numbered: n },
    ],
  },
  {
    heading: "四、疫苗接种",
    items: [
      { kind: "新冠疫苗", name: "第一剂次接种（18岁以上）", unit: "人", target: 44000, actual: 43185, previous: null, numbered: n },
      { kind: "新冠疫苗", name: "加强免疫接种（60岁以上）", unit: "人", target: 10500, actual: 9800, previous: null, numbered: n },
      { kind: "新冠疫苗", name: "老年人接种率", unit: "%", target: 100, actual: 100, previous: null, numbered: n },
    ],
  },
  {
    heading: "五、社会治理",
    items: [
      { kind: "信访", name: "信访事项办结", unit: "件", target: 60, actual: 58, previous: 52, numbered: n },
      { kind: "人口", name: "办理居住证", unit: "张", target: 300, actual: 320, previous: 290, numbered: n },
      { kind: "征兵", name: "输送新兵", unit: "人", target: 8, actual: 9, previous: 7, numbered: n },
    ],
  },
  {
    heading: "六、安全生产",
    items: [
      { kind: "消防检查", name: "检查场所", unit: "家", target: 400, actual: 436, previous: 390, numbered: n },
      { kind: "燃气检查", name: "检查场所", unit: "家", target: 300, actual: 315, previous: 280, numbered: n },
      { kind: "隐患整改", name: "排查整改隐患", unit: "处", target: null, actual: 128, previous: 97, numbered: n },
    ],
  },
  {
    heading: "七、城市建设",
    items: [
      { kind: "市政", name: "新建公厕", unit: "座", target: 5, actual: 5, previous: 2, numbered: n },
      { kind: "市政", name: "整修道路", unit: "条", target: 10, actual: 12, previous: 8, numbered: n },
      { kind: "投入", name: "道路整修投资", unit: "万元", target: null, actual: 860, previous: 640, numbered: n },
      { kind: "投入", name: "公厕建设投资", unit: "万元", target: null, actual: 140, previous: 95, numbered: n },
      { kind: "投入", name: "合计", unit: "万元", target: null, actual: 1000, previous: 735 },
      { kind: "征拆", name: "征地补偿款", unit: "万元", target: null, actual: 1200, previous: 980, numbered: n },
    ],
  },
];

export const LEDGER_HEADERS = [
  "序号",
  "类别",
  "工作指标",
  "计量单位",
  "年度目标",
  "1-10月完成",
  "去年同期",
  "完成率",
  "备注",
];

/** Writes the ledger with the layout described above. */
export function buildLedgerWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("2023年工作台账");
  const width = LEDGER_HEADERS.length;
  sheet.getCell(1, 1).value = `XX街道${LEDGER_YEAR}年1-10月重点工作任务完成情况台账`;
  sheet.mergeCells(1, 1, 1, width);
  sheet.getCell(2, 1).value = "填报单位：XX街道办事处";
  sheet.mergeCells(2, 1, 2, width);
  LEDGER_HEADERS.forEach((h, i) => (sheet.getCell(3, i + 1).value = h));
  let row = 4;
  for (const section of LEDGER_SECTIONS) {
    sheet.getCell(row, 1).value = section.heading;
    sheet.mergeCells(row, 1, row, width);
    row++;
    let index = 0;
    let kindStart = row;
    section.items.forEach((item, i) => {
      if (item.numbered) sheet.getCell(row, 1).value = ++index;
      sheet.getCell(row, 2).value = item.kind;
      sheet.getCell(row, 3).value = item.name;
      sheet.getCell(row, 4).value = item.unit;
      if (item.target !== null) sheet.getCell(row, 5).value = item.target;
      if (item.actual !== null) sheet.getCell(row, 6).value = item.actual;
      if (item.previous !== null) sheet.getCell(row, 7).value = item.previous;
      if (typeof item.target === "number" && typeof item.actual === "number") {
        sheet.getCell(row, 8).value = {
          formula: `F${row}/E${row}`,
          result: item.actual / item.target,
        };
        sheet.getCell(row, 8).numFmt = "0.00%";
      }
      const next = section.items[i + 1];
      if (!next || next.kind !== item.kind) {
        if (row > kindStart) sheet.mergeCells(kindStart, 2, row, 2);
        kindStart = row + 1;
      }
      row++;
    });
  }
  sheet.getCell(row + 1, 1).value = "填报人：张三    审核人：李四";

  // Drop-down lists for data validation, hidden as WPS users keep them.
  const lists = workbook.addWorksheet("下拉选项");
  ["类别", "党建", "经济", "民生", "治理", "安全", "城建"].forEach(
    (v, i) => (lists.getCell(i + 1, 1).value = v)
  );
  ["计量单位", "人", "户", "家", "万元", "亿元", "%"].forEach(
    (v, i) => (lists.getCell(i + 1, 2).value = v)
  );
  lists.state = "hidden";

  // Last month's copy, kept for reference: stale, marked 勿用, hidden.
  const stale = workbook.addWorksheet("9月备份（勿用）");
  stale.getCell(1, 1).value = "1-9月台账备份（已作废，勿用）";
  ["工作指标", "计量单位", "年度目标", "1-9月完成", "去年同期"].forEach(
    (h, i) => (stale.getCell(2, i + 1).value = h)
  );
  const staleRows: [string, string, number, number, number][] = [
    ["城镇新增就业", "人", 1000, 861, 890],
    ["固定资产投资", "亿元", 12, 9.1, 9.8],
    ["整修道路", "条", 10, 9, 8],
  ];
  staleRows.forEach((r, i) => r.forEach((v, c) => (stale.getCell(3 + i, c + 1).value = v)));
  stale.state = "hidden";
  return workbook;
}
