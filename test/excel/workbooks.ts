/**
 * Workbook models for the adapter tests: many indicator tables spread over sheets, each with
 * a merged title, a header, a percentage column, an indented part row and, now and then, an
 * error value; tables sit away from A1 so used ranges have offsets.
 */
import { CellModel, SheetModel, WorkbookModel } from "../../src/core/workbook";

export const TABLES_PER_SHEET = 4;
/** Rows one table takes, title and blank line included. */
const TABLE_HEIGHT = 7;
/** Tables start in column B and row 3. */
const LEFT = 1;
const TOP = 2;

const HEADERS = ["指标名称", "单位", "目标", "完成", "完成率"];

function text(value: string): CellModel {
  return { value };
}

function num(value: number, numFmt?: string): CellModel {
  return numFmt ? { value, numFmt } : { value };
}

/** A workbook with `count` tables, TABLES_PER_SHEET to a sheet; Excel tables for odd ones. */
export function tablesWorkbook(count: number): WorkbookModel {
  const sheets: SheetModel[] = [];
  for (let t = 0; t < count; t++) {
    const sheetIndex = Math.floor(t / TABLES_PER_SHEET);
    if (!sheets[sheetIndex]) {
      sheets[sheetIndex] = {
        name: sheetIndex === 1 ? "社保 医保" : `台账${sheetIndex + 1}`,
        rows: [],
        merges: [],
        tables: [],
      };
      if (sheetIndex === 2) sheets[sheetIndex].hidden = true;
    }
    const sheet = sheets[sheetIndex];
    const top = TOP + (t % TABLES_PER_SHEET) * TABLE_HEIGHT;
    const target = 1000 + t;
    const actual = 1100 + 2 * t;
    const rows: (CellModel | undefined)[][] = [
      [text(`表${t + 1} 新增就业完成情况`)],
      HEADERS.map(text),
      [
        text(`新增就业${t + 1}`),
        text("人"),
        num(target),
        num(actual),
        num(actual / target, "0.00%"),
      ],
      [{ value: `其中：大学生${t + 1}`, indent: 1 }, text("人"), undefined, num(300 + t, "#,##0")],
      [
        text(`医保缴费${t + 1}`),
        text("万元"),
        num(986.5),
        t % 7 === 3 ? { value: { error: "#DIV/0!" } } : num(990.25, "0.00"),
        t % 7 === 3 ? { value: { error: "#N/A" } } : num(990.25 / 986.5, "0.0%"),
      ],
    ];
    rows.forEach((row, i) => {
      const r = top + i;
      const cells: (CellModel | undefined)[] = [];
      for (let c = 0; c < LEFT; c++) cells.push(undefined);
      let last = 0;
      row.forEach((cell, j) => {
        cells.push(cell);
        if (cell) last = LEFT + j + 1;
      });
      cells.length = last;
      while (sheet.rows.length < r) sheet.rows.push([]);
      sheet.rows[r] = cells;
    });
    sheet.merges.push({ top, left: LEFT, bottom: top, right: LEFT + HEADERS.length - 1 });
    if (t % 2 === 1) {
      sheet.tables.push({
        name: `指标表${t + 1}`,
        range: { top: top + 1, left: LEFT, bottom: top + 4, right: LEFT + HEADERS.length - 1 },
        hasHeaderRow: true,
      });
    }
  }
  return { sheets };
}

/** The domain's realistic sample, as one sheet with a title, a merged title and an Excel table. */
export const SAMPLE_ROWS: [string, string, number | string, number, number?][] = [
  ["城镇新增就业", "人", 1000, 1126, 1050],
  ["失业人员再就业", "人", 300, 342],
  ["就业困难人员再就业", "人", 80, 91],
  ["城镇登记失业率", "%", "≤3.5", 2.8],
  ["城乡居民医保参保人数", "人", 25000, 24650],
  ["城乡居民医保缴费金额", "万元", 1000, 986],
  ["城乡居民养老保险续保率", "%", 95, 96.3],
  ["固定资产投资", "亿元", 12.0, 12.6, 11.54],
  ["新增四上企业入库", "家", 10, 12],
  ["限上批发零售业销售额", "亿元", 25, 24.1, 24.67],
];
