/**
 * The 汇总 workbook of a roll-up, written with ExcelJS: the 汇总 sheet (one row per district
 * indicator, a column per unit, then the district's total, target, rate and growth as real
 * formulas over the unit columns, so that the bureau can audit and extend it), the 目标 and
 * 上年同期 sheets the formulas add up, and a 说明 sheet with the units and the findings.
 * Every formula also carries its result, so that a reader without a calculation engine (and
 * this tool itself) sees the same figures as Excel. Cell places come from core's rollupLayout.
 */
import * as ExcelJS from "exceljs";
import { columnLetters } from "../core/address";
import { SEVERITY_LABELS } from "../core/findings";
import {
  MISSING_FIELD_WORDS,
  PERIOD_WORDS,
  RATE_BASE_WORDS,
  apartWords,
} from "../core/lexicon/district";
import { DistrictIndicator, Rollup, UnitFigure, rollupLayout } from "../core/rollup";
import { blankUnits, rateBlank, reportingCount } from "../core/rollup/summary";
import {
  FIRST_UNIT_COL,
  HEADER_ROW,
  NOTES_SHEET,
  PREVIOUS_SHEET,
  SUMMARY_HEADERS,
  SUMMARY_SHEET,
  SummaryColumn,
  TARGET_SHEET,
} from "../core/rollup/layout";

const BEHIND_FILL: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FFFCE4D6" },
};
const HELD_FILL: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FFFFF2CC" },
};
const HEADER_FILL: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FFDDEBF7" },
};

type Field = "target" | "actual" | "previous";

/** "0" for whole numbers, else as many decimals as the figures have (at most 4). */
function numberFormat(d: DistrictIndicator, field: Field): string {
  let decimals = 0;
  for (const f of d.figures) {
    const v = f[field];
    if (v === undefined || Number.isInteger(v)) continue;
    decimals = Math.max(decimals, Math.min(4, (String(v).split(".")[1] ?? "").length));
  }
  return decimals === 0 ? "0" : `0.${"0".repeat(decimals)}`;
}

function coverage(d: DistrictIndicator, rollup: Rollup): string {
  const reported = reportingCount(d);
  const other = new Map((d.otherMeasure ?? []).map((o) => [o.unit, o.unitOfMeasure]));
  const missing = d.missing
    .filter((u) => !other.has(u))
    .map((u) => rollup.units[u].name)
    .join("、");
  const measures = [...other]
    .map(([u, measure]) => `${rollup.units[u].name}（${measure || "无"}）`)
    .join("、");
  const held = (["actual", "target", "previous"] as const)
    .flatMap((field) => {
      const v = d[field];
      if (v.kind !== "withheld" || (field !== "actual" && d.actual.kind === "withheld")) return [];
      return [`；暂不引用：${v.message}`];
    })
    .join("");
  // The units a target or last year's sum, and the rate or growth from it, leave out.
  const names = (units: number[]) => units.map((u) => rollup.units[u].name).join("、");
  const leftOut = [
    d.target.kind === "sum" && d.target.lacking
      ? `；${MISSING_FIELD_WORDS.targetLeftOut(names(d.target.lacking))}`
      : "",
    d.previous.kind === "sum" && d.previous.lacking
      ? `；${MISSING_FIELD_WORDS.previousLeftOut(names(d.previous.lacking))}`
      : "",
  ].join("");
  const rate = d.isRate ? `；比率不加总${rateNote(d, rollup)}` : "";
  if (d.apartFrom)
    return `${reported}/${rollup.units.length}（${apartWords(d.unit, d.apartFrom.unit)}）`;
  const blank = blankUnits(d)
    .map((u) => rollup.units[u].name)
    .join("、");
  const off = d.figures
    .filter((f) => f.offPeriod)
    .map((f) => rollup.units[f.unit].name)
    .join("、");
  const gaps = [
    missing ? `缺：${missing}` : "",
    measures ? `计量单位不同，未计入：${measures}` : "",
    off ? `${PERIOD_WORDS.notAdded}：${off}` : "",
    blank ? `未填数：${blank}` : "",
  ]
    .filter(Boolean)
    .join("；");
  return `${reported}/${rollup.units.length}${gaps ? `（${gaps}）` : ""}${rate}${held}${leftOut}`;
}

/** How a rate's district value was computed, or why there is none when that is news. */
function rateNote(d: DistrictIndicator, rollup: Rollup): string {
  const base = d.rateBase;
  if (base && base.kind !== "none")
    return `；${RATE_BASE_WORDS.note(rollup.unitKind, base.base, base.numerator)}`;
  const blank = rateBlank(d);
  return blank ? `；${blank}` : "";
}

/**
 * A rate's district value on the 汇总 sheet: a formula over the rows it is computed from when
 * they are district indicators of exactly its units (Σnumerator÷Σdenominator, or
 * SUMPRODUCT(rates, bases)÷SUM(bases)), else the value with a note.
 */
function rateCell(cell: ExcelJS.Cell, d: DistrictIndicator, k: number, rollup: Rollup): void {
  const base = d.rateBase;
  if (!base || base.kind === "none") return;
  const layout = rollupLayout(rollup.units.length);
  const total = columnLetters(layout.col("total"));
  const first = columnLetters(layout.unitCol(0));
  const last = columnLetters(layout.unitCol(rollup.units.length - 1));
  const r = layout.row(k) + 1;
  const same = (g: number | undefined) => {
    if (g === undefined) return false;
    const units = rollup.indicators[g].figures.map((f) => f.unit);
    return units.length === base.units.length && base.units.every((u) => units.includes(u));
  };
  const summed = (g: number) => rollup.indicators[g].actual.kind === "sum";
  const rowOf = (g: number) => layout.row(g) + 1;
  if (base.kind === "ratio" && same(base.numeratorGroup) && same(base.baseGroup)) {
    const n = base.numeratorGroup as number;
    const b = base.baseGroup as number;
    if (summed(n) && summed(b))
      cell.value = { formula: `${total}${rowOf(n)}/${total}${rowOf(b)}*100`, result: base.value };
  } else if (base.kind === "weighted" && same(base.baseGroup)) {
    const b = rowOf(base.baseGroup as number);
    cell.value = {
      formula: `SUMPRODUCT(${first}${r}:${last}${r},${first}${b}:${last}${b})/SUM(${first}${b}:${last}${b})`,
      result: base.value,
    };
  }
  if (cell.value === null || cell.value === undefined) cell.value = base.value;
  cell.numFmt = "0.00";
  cell.note = RATE_BASE_WORDS.note(rollup.unitKind, base.base, base.numerator);
}

/** A unit's value that says where it comes from: converted, or held back. */
function hasSourceNote(f: UnitFigure): boolean {
  return f.factor !== 1 || Boolean(f.withheld);
}

function sourceNote(f: UnitFigure, field: Field): string | undefined {
  const cell = f.cells[field];
  if (!cell) return undefined;
  if (!hasSourceNote(f)) return undefined;
  const lines = [`来自 ${cell.file} ${cell.sheet}!${cell.cell}`];
  if (f.factor !== 1) lines.push(`原表计量单位为${f.unitOfMeasure}，已换算`);
  if (f.withheld) lines.push(`本单位的数有误：${f.withheld}`);
  return lines.join("\n");
}

/** What stands for the cells and name of a unit's figure the workbook does not show: shared. */
const UNSHOWN = { name: "", cells: { name: { file: "", sheet: "", cell: "" } } };

/**
 * The roll-up as far as the workbook reads it, to hand to another thread cheaply: without the
 * report and the trace, and with a unit's cells only where its note names them (sourceNote);
 * elsewhere one shared object, which a structured clone copies once.
 */
export function rollupForWorkbook(rollup: Rollup): Rollup {
  return {
    ...rollup,
    sections: [],
    paragraphs: [],
    districtIndicators: [],
    trace: {},
    indicators: rollup.indicators.map((d) => ({
      ...d,
      figures: d.figures.map((f) => (hasSourceNote(f) ? f : { ...f, ...UNSHOWN })),
    })),
  };
}

function header(sheet: ExcelJS.Worksheet, title: string, headers: string[], note: string): void {
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, Math.max(headers.length, 1));
  sheet.getCell(2, 1).value = note;
  sheet.getCell(2, 1).font = { color: { argb: "FF595959" } };
  const row = sheet.getRow(HEADER_ROW + 1);
  headers.forEach((h, i) => {
    const cell = row.getCell(i + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
  });
  sheet.views = [{ state: "frozen", xSplit: FIRST_UNIT_COL, ySplit: HEADER_ROW + 1 }];
  sheet.getColumn(1).width = 6;
  sheet.getColumn(2).width = 28;
  sheet.getColumn(3).width = 9;
}

/** The units (of `count`) not in `of`. */
function notIn(of: number[], count: number): Set<number> {
  const kept = new Set(of);
  const left = new Set<number>();
  for (let u = 0; u < count; u++) if (!kept.has(u)) left.add(u);
  return left;
}

/**
 * SUM over a row's unit columns, leaving out the units not added up (another period):
 * SUM(D5:O5), or SUM(D5:E5,G5:O5).
 */
function sumFormula(
  layout: ReturnType<typeof rollupLayout>,
  units: number,
  left: Set<number>,
  r: number
): string {
  const runs: string[] = [];
  let start: number | undefined;
  for (let u = 0; u <= units; u++) {
    const inside = u < units && !left.has(u);
    if (inside && start === undefined) start = u;
    if (!inside && start !== undefined) {
      const from = `${columnLetters(layout.unitCol(start))}${r}`;
      const to = `${columnLetters(layout.unitCol(u - 1))}${r}`;
      runs.push(from === to ? from : `${from}:${to}`);
      start = undefined;
    }
  }
  return `SUM(${runs.join(",")})`;
}

/**
 * One style object per look (number format, fill) for the units' cells: ExcelJS works out the
 * style of each style object once, so a grid of 90 000 cells costs a few styles, not 90 000.
 * A style handed out here is shared: it is never changed through a cell afterwards.
 */
function sharedStyles(): (
  numFmt: string,
  fill: ExcelJS.Fill | undefined
) => Partial<ExcelJS.Style> {
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  const fills = new Map<ExcelJS.Fill | undefined, number>();
  return (numFmt, fill) => {
    if (!fills.has(fill)) fills.set(fill, fills.size);
    const key = `${fills.get(fill)}|${numFmt}`;
    let style = styles.get(key);
    if (!style) {
      style = fill ? { numFmt, fill } : { numFmt };
      styles.set(key, style);
    }
    return style;
  };
}

/** The grid of one field (完成, 目标 or 上年同期): units' values, then their SUM. */
function writeGrid(
  sheet: ExcelJS.Worksheet,
  rollup: Rollup,
  field: Field,
  sumCol: number | undefined
): void {
  const layout = rollupLayout(rollup.units.length);
  const styleOf = sharedStyles();
  rollup.indicators.forEach((d, k) => {
    const row = sheet.getRow(layout.row(k) + 1);
    row.getCell(1).value = k + 1;
    row.getCell(2).value = d.parentId ? `  其中：${d.name}` : d.name;
    row.getCell(3).value = d.unit;
    const format = numberFormat(d, field);
    for (const f of d.figures) {
      const value = f[field];
      if (value === undefined) continue;
      const cell = row.getCell(layout.unitCol(f.unit) + 1);
      cell.value = value;
      const held = f.withheld || d.outliers.includes(f.unit);
      const behind = field === "actual" && f.standing === "behind";
      cell.style = styleOf(
        d.isRate ? "0.0#" : format,
        held ? HELD_FILL : behind ? BEHIND_FILL : undefined
      );
      const note = sourceNote(f, field);
      if (note) cell.note = note;
    }
    if (sumCol === undefined || d.isRate) return;
    const total = d[field];
    const cell = row.getCell(sumCol + 1);
    if (total.kind === "withheld") {
      // A sum over a likely slip would be a wrong number on the sheet: held, with the reason.
      cell.value = "暂不引用";
      cell.fill = HELD_FILL;
      cell.note = total.message;
      return;
    }
    if (total.kind !== "sum") return;
    const r = layout.row(k) + 1;
    const off = new Set(d.figures.filter((f) => f.offPeriod).map((f) => f.unit));
    cell.value = { formula: sumFormula(layout, rollup.units.length, off, r), result: total.value };
    cell.numFmt = format;
  });
}

function writeSummary(workbook: ExcelJS.Workbook, rollup: Rollup, title: string): void {
  const layout = rollupLayout(rollup.units.length);
  const sheet = workbook.addWorksheet(SUMMARY_SHEET);
  const summaryColumns: SummaryColumn[] = [
    "total",
    "target",
    "rate",
    "previous",
    "growth",
    "coverage",
  ];
  header(
    sheet,
    title,
    [
      "序号",
      "指标名称",
      "计量单位",
      ...rollup.units.map((u) => u.name),
      ...summaryColumns.map((c) => SUMMARY_HEADERS[c]),
    ],
    `各${rollup.unitKind}为完成数；全区合计为各${rollup.unitKind}之和（公式），目标、上年同期见同名工作表；完成率、同比增长由合计计算，不取平均。`
  );
  writeGrid(sheet, rollup, "actual", layout.col("total"));
  const letter = (c: SummaryColumn) => columnLetters(layout.col(c));
  rollup.indicators.forEach((d, k) => {
    const r = layout.row(k) + 1;
    const row = sheet.getRow(r);
    const sumLetter = columnLetters(layout.sumCol);
    if (d.isRate) rateCell(row.getCell(layout.col("total") + 1), d, k, rollup);
    if (!d.isRate) {
      for (const [field, column, sheetName] of [
        ["target", "target", TARGET_SHEET],
        ["previous", "previous", PREVIOUS_SHEET],
      ] as const) {
        const total = d[field];
        const cell = row.getCell(layout.col(column) + 1);
        if (total.kind === "sum")
          cell.value = { formula: `'${sheetName}'!${sumLetter}${r}`, result: total.value };
        else if (total.kind === "withheld" && d.actual.kind !== "withheld") {
          // Held for this field alone (a slip in one unit's target or last year's value).
          cell.value = "暂不引用";
          cell.fill = HELD_FILL;
          cell.note = total.message;
        }
      }
      row.getCell(layout.col("target") + 1).numFmt = numberFormat(d, "target");
      row.getCell(layout.col("previous") + 1).numFmt = numberFormat(d, "previous");
      // Over the units a target or last year's sum covers (same units), when not all give it.
      const over = (v: DistrictIndicator["target"]) =>
        v.kind === "sum" && v.lacking
          ? sumFormula(layout, rollup.units.length, notIn(v.of, rollup.units.length), r)
          : `${letter("total")}${r}`;
      if (d.completionRate !== undefined) {
        const cell = row.getCell(layout.col("rate") + 1);
        cell.value = {
          formula: `${over(d.target)}/${letter("target")}${r}`,
          result: d.completionRate,
        };
        cell.numFmt = "0.00%";
        // Behind the share of the year elapsed (序时进度), or the whole target at the year's end.
        if (d.completionRate < Math.min(1, rollup.months / 12)) cell.fill = BEHIND_FILL;
      }
      if (d.growth !== undefined) {
        const cell = row.getCell(layout.col("growth") + 1);
        cell.value = {
          formula: `${over(d.previous)}/${letter("previous")}${r}-1`,
          result: d.growth,
        };
        cell.numFmt = "0.00%";
      }
    }
    row.getCell(layout.col("coverage") + 1).value = coverage(d, rollup);
  });
  for (let u = 0; u < rollup.units.length; u++) sheet.getColumn(layout.unitCol(u) + 1).width = 12;
  for (const c of summaryColumns)
    sheet.getColumn(layout.col(c) + 1).width = c === "coverage" ? 30 : 12;
}

function writeFieldSheet(
  workbook: ExcelJS.Workbook,
  rollup: Rollup,
  name: string,
  field: Field
): void {
  const layout = rollupLayout(rollup.units.length);
  const sheet = workbook.addWorksheet(name);
  header(
    sheet,
    `各${rollup.unitKind}${name}`,
    ["序号", "指标名称", "计量单位", ...rollup.units.map((u) => u.name), "合计"],
    `合计为各${rollup.unitKind}之和（公式）。`
  );
  writeGrid(sheet, rollup, field, layout.sumCol);
}

function writeNotes(workbook: ExcelJS.Workbook, rollup: Rollup): void {
  const sheet = workbook.addWorksheet(NOTES_SHEET);
  sheet.addRow([`参加汇总的${rollup.unitKind}`]).font = { bold: true };
  sheet.addRow(["序号", "单位", "文件", "名称取自", "报告期（月）"]).font = { bold: true };
  const from = { title: "标题", reporter: "填报单位", file: "文件名" } as const;
  for (const u of rollup.units)
    sheet.addRow([u.index + 1, u.name, u.file, from[u.nameFrom], u.months]);
  for (const d of rollup.duplicates)
    sheet.addRow(["—", "未计入（重复）", d.file, `与${d.of}相同`, ""]);
  for (const u of rollup.unread) sheet.addRow(["—", "未计入（无法读取）", u.file, u.message, ""]);
  sheet.addRow([]);
  sheet.addRow([`发现的问题（${rollup.findings.length}）`]).font = { bold: true };
  sheet.addRow(["级别", "文件", "工作表", "单元格", "说明"]).font = { bold: true };
  for (const f of rollup.findings)
    sheet.addRow([SEVERITY_LABELS[f.severity].zh, f.file, f.sheet, f.cell ?? "", f.message]);
  sheet.addRow([]);
  sheet.addRow(["图例：浅红为未完成目标任务，浅黄为暂不引用（数值存疑）。"]);
  sheet.getColumn(2).width = 16;
  sheet.getColumn(3).width = 28;
  sheet.getColumn(5).width = 90;
}

export function rollupWorkbook(rollup: Rollup, title: string): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "指标报告助手";
  writeSummary(workbook, rollup, title);
  writeFieldSheet(workbook, rollup, TARGET_SHEET, "target");
  writeFieldSheet(workbook, rollup, PREVIOUS_SHEET, "previous");
  writeNotes(workbook, rollup);
  return workbook;
}

/**
 * The 汇总 workbook's bytes. `stored`: its parts left uncompressed, for a caller that deflates
 * them faster than ExcelJS does (the CLI, with Node's zlib: deflate-zip.ts).
 */
export async function rollupToBuffer(
  rollup: Rollup,
  title: string,
  options: { stored?: boolean } = {}
): Promise<Uint8Array> {
  const workbook = rollupWorkbook(rollup, title);
  const buffer = await workbook.xlsx.writeBuffer(
    options.stored ? { zip: { compression: "STORE" } } : undefined
  );
  return new Uint8Array(buffer as ArrayBuffer);
}
