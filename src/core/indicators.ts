/**
 * Reading a discovered table's rows into indicators: names, units, values with their cells,
 * parts (其中 rows, indented rows), totals (合计), section rows ("一、就业") and direction.
 */
import { categoryOfLabel, categoryOfText, onSheetsOfTwoLines } from "./categories";
import { TableLayout } from "./discover";
import { FieldName, makeFinding } from "./findings";
import {
  Category,
  ColumnRole,
  Direction,
  Finding,
  Indicator,
  SectionHeading,
  SourcedNumber,
} from "./model";
import { compactName, leadingSpaces, normalizeForMatch, toHalfWidth } from "./text";
import { baseUnit, isKnownUnit, isPercentUnit, normalizeUnit, unitScale } from "./units";
import { CellReading, NumberReading, readCell } from "./values";
import { cellAddress } from "./transpose";
import { cellAt } from "./workbook";
import { namesWorkDone } from "./lexicon/frames";
import { numberingLevel as levelOfRowNumber } from "./lexicon/numbering";

/** Indicators to keep low: done when the value stays at or under the target. */
const CEILING_NAMES =
  /失业率|发生率|死亡率|事故|发案|犯罪率|能耗|空置率|欠薪|投诉|差错率|超标|火灾|信访|控制|命案|刑事案件|伤亡|unemploymentrate|accident|complaint|crimerate|vacancyrate/;
/** Rates to keep low; every other rate (办结率, 覆盖率, 接种率, 满意度) is one to raise, even at 100. */
const CEILING_RATES =
  /(失业|发生|死亡|犯罪|发案|空置|差错|超标|事故|投诉|返贫|辍学|能耗)率$|unemploymentrate|crimerate|vacancyrate/;
const PART_PREFIX = /^(其中|含|包括|内含)[:：,，]?/;
const BULLET_PREFIX = /^[-—–·•●○◆▪]+/;
const NUMBERING_PREFIX =
  /^([(（][0-9一二三四五六七八九十]+[)）]|[0-9]+[.、．](?!\d)|[一二三四五六七八九十]+[、.．])/;
const TOTAL_NAMES = new Set([
  "合计",
  "总计",
  "小计",
  "合计数",
  "总数",
  "汇总",
  "total",
  "sum",
  "subtotal",
]);
const SECTION_HEADING =
  /^([一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+[部分类项])/;
const SCALE_WORDS: Record<number, string> = {
  1e3: "千",
  1e4: "万",
  1e6: "百万",
  1e7: "千万",
  1e8: "亿",
};

export interface ReadResult {
  indicators: Indicator[];
  findings: Finding[];
}

interface Cleaned {
  name: string;
  unit?: string;
  isPart: boolean;
  hasBullet: boolean;
}

/** "其中：高校毕业生（人）" → name 高校毕业生, unit 人, a part. */
export function cleanIndicatorName(label: string): Cleaned {
  let name = compactName(label);
  let isPart = false;
  let hasBullet = false;
  if (PART_PREFIX.test(name)) {
    isPart = true;
    name = name.replace(PART_PREFIX, "");
  }
  if (BULLET_PREFIX.test(name)) {
    hasBullet = true;
    name = name.replace(BULLET_PREFIX, "");
  }
  name = name.replace(NUMBERING_PREFIX, "");
  if (PART_PREFIX.test(name)) {
    isPart = true;
    name = name.replace(PART_PREFIX, "");
  }
  let unit: string | undefined;
  const paren = /^(.+?)[(（]([^()（）]+)[)）]$/.exec(name);
  if (paren && isKnownUnit(paren[2].replace(/^单位[:：]/, ""))) {
    name = paren[1];
    unit = normalizeUnit(paren[2].replace(/^单位[:：]/, ""));
  }
  return { name, unit, isPart, hasBullet };
}

export function isTotalName(name: string): boolean {
  return TOTAL_NAMES.has(normalizeForMatch(name));
}

export function isCeilingName(name: string): boolean {
  const normalized = normalizeForMatch(name);
  if (/率$/.test(compactName(name))) return CEILING_RATES.test(normalized);
  if (!CEILING_NAMES.test(normalized)) return false;
  // 信访事项办结, 火灾隐患整改: work done about something kept low is a count to raise.
  return !namesWorkDone(compactName(name));
}

/** Each layout's first column of each role, found once: every row asks for them again. */
const columnsOfLayout = new WeakMap<TableLayout, Map<ColumnRole, number>>();

function columnOf(layout: TableLayout, role: ColumnRole): number | undefined {
  let columns = columnsOfLayout.get(layout);
  if (!columns) {
    columns = new Map();
    for (const c of layout.table.columns) if (!columns.has(c.role)) columns.set(c.role, c.col);
    columnsOfLayout.set(layout, columns);
  }
  return columns.get(role);
}

/** A cell's text; a cell inside a merged range (a 类别 or 单位 merged down rows) shows the range's value. */
function cellText(layout: TableLayout, row: number, col: number | undefined): string {
  if (col === undefined) return "";
  const merge = layout.merges.at(row, col);
  const value = merge
    ? cellAt(layout.sheet, merge.top, merge.left)?.value
    : cellAt(layout.sheet, row, col)?.value;
  return typeof value === "string" || typeof value === "number" ? String(value) : "";
}

function rowIsBlank(layout: TableLayout, row: number): boolean {
  return layout.table.columns.every((c) => {
    const value = cellAt(layout.sheet, row, c.col)?.value;
    return (
      value === null || value === undefined || (typeof value === "string" && value.trim() === "")
    );
  });
}

function unitFromReading(reading: NumberReading): string | undefined {
  if (reading.percent) return "%";
  if (!reading.unitText) return undefined;
  return `${reading.scale !== 1 ? (SCALE_WORDS[reading.scale] ?? "") : ""}${reading.unitText}`;
}

/** The number in the indicator's unit: "4.2万" in 人 → 42000; "4200万元" in 亿元 → 0.42. */
function inUnit(reading: NumberReading, unit: string): number {
  if (reading.scale === 1 && !reading.unitText) return reading.value;
  const written =
    reading.value * reading.scale * (reading.unitText ? unitScale(reading.unitText) : 1);
  return Number.parseFloat((written / unitScale(unit)).toPrecision(12));
}

/** Completion rates and growth as fractions: "112.6%" → 1.126; a bare 112.6 → 1.126. */
function statedFraction(
  reading: NumberReading,
  headerSaysPercent: boolean,
  role: "statedRate" | "statedGrowth"
) {
  if (reading.percent || headerSaysPercent) return { value: reading.value / 100, ambiguous: false };
  const plain = reading.value;
  if (role === "statedRate") return { value: plain > 3 ? plain / 100 : plain, ambiguous: true };
  return { value: Math.abs(plain) >= 2 ? plain / 100 : plain, ambiguous: true };
}

interface RowContext {
  layout: TableLayout;
  row: number;
  findings: Finding[];
  label: string;
  /** Set once the row is known to be a part of the row above. */
  partOf?: Indicator;
}

function ref(ctx: RowContext, col: number) {
  return { sheet: ctx.layout.sheet.name, cell: cellAddress(ctx.layout.sheet, ctx.row, col) };
}

function readingAt(
  ctx: RowContext,
  role: ColumnRole
): { reading: CellReading; col: number } | undefined {
  const col = columnOf(ctx.layout, role);
  if (col === undefined) return undefined;
  return { reading: readCell(cellAt(ctx.layout.sheet, ctx.row, col)), col };
}

const BAD_READING_CODES = {
  error: "EXCEL_ERROR",
  unreadable: "VALUE_UNREADABLE",
  implausible: "VALUE_IMPLAUSIBLE",
  uncalculated: "FORMULA_NOT_CALCULATED",
} as const;

function reportBadReading(
  ctx: RowContext,
  field: FieldName,
  reading: CellReading,
  col: number
): void {
  if (reading.kind === "empty" || reading.kind === "none" || reading.kind === "number") return;
  const code = BAD_READING_CODES[reading.kind];
  ctx.findings.push(
    makeFinding(code, {
      ...ref(ctx, col),
      indicator: ctx.label || undefined,
      field,
      raw: reading.raw,
    })
  );
}

function sourced(
  ctx: RowContext,
  reading: NumberReading,
  col: number,
  value: number
): SourcedNumber {
  const number: SourcedNumber = { value, raw: reading.raw, ref: ref(ctx, col) };
  if (reading.approx) number.approx = reading.approx;
  if (reading.bound) number.bound = reading.bound;
  return number;
}

type ValueRole = "target" | "actual" | "previous" | "priorPeriod";
const VALUE_ROLES: ValueRole[] = ["target", "actual", "previous", "priorPeriod"];

function decideUnit(
  layout: TableLayout,
  ctx: RowContext,
  cleaned: Cleaned,
  readings: Map<ValueRole, NumberReading>
): string {
  const unitCol = columnOf(layout, "unit");
  const fromColumn = normalizeUnit(toHalfWidth(cellText(layout, ctx.row, unitCol)));
  if (fromColumn) return fromColumn;
  if (cleaned.unit) return cleaned.unit;
  for (const role of ["actual", "target", "previous"] as ValueRole[]) {
    const col = columnOf(layout, role);
    const headerUnit = col === undefined ? undefined : layout.headerUnits.get(col);
    if (headerUnit) return headerUnit;
  }
  for (const reading of readings.values()) {
    const unit = unitFromReading(reading);
    if (unit) return unit;
  }
  return layout.table.unit ?? "";
}

function directionOf(name: string, target: NumberReading | undefined): Direction {
  if (target?.bound) return target.bound;
  return isCeilingName(name) ? "ceiling" : "floor";
}

function indentOf(layout: TableLayout, row: number, col: number): number {
  const cell = cellAt(layout.sheet, row, col);
  const raw = typeof cell?.value === "string" ? cell.value : "";
  return (cell?.indent ?? 0) * 2 + leadingSpaces(raw);
}

/** Outline level of a row's numbering (lexicon/numbering.ts), in the 序号 cell or before the name. */
export function numberingLevel(text: string): number | undefined {
  return levelOfRowNumber(compactName(text));
}

/** A heading row inside a table ("一、就业工作"): a name, but no unit of its own and no values. */
function isSectionRow(
  label: string,
  explicitUnit: string,
  readings: Map<ValueRole, NumberReading>,
  hasAnyValueText: boolean,
  level: number | undefined
): boolean {
  if (explicitUnit !== "" || readings.size > 0 || hasAnyValueText) return false;
  const text = compactName(label);
  return (
    level === 1 ||
    level === 2 ||
    SECTION_HEADING.test(text) ||
    (text.length <= 10 &&
      categoryOfText(text) !== undefined &&
      /工作|类|方面|领域|指标$/.test(text))
  );
}

/** The longest label a bare heading row has (就业, 安全生产, 城市管理): longer ones are indicators. */
const BARE_HEADING_LENGTH = 6;

/**
 * A heading written as a bare word of a line of work ("就业", "社保", "信访") in the name column
 * of a table whose rows of numbers all give their unit: no unit, no value, no numbering, a
 * short label that is no measure (…数, …额, …率), and the next row an indicator with its unit
 * and a number. A row left blank keeps its template's unit, and stays an indicator.
 */
function isBareHeadingRow(layout: TableLayout, row: number, label: string): boolean {
  const unitCol = columnOf(layout, "unit");
  if (unitCol === undefined) return false;
  const text = compactName(label);
  if (
    text.length > BARE_HEADING_LENGTH ||
    isTotalName(text) ||
    /^其中|[:：]$/.test(text) ||
    MEASURE_ENDING.test(text)
  )
    return false;
  const hasNumber = (r: number) =>
    VALUE_ROLES.some((role) => {
      const col = columnOf(layout, role);
      return col !== undefined && readCell(cellAt(layout.sheet, r, col)).kind === "number";
    });
  let next = false;
  for (let r = row + 1; r <= layout.dataBottom; r++) {
    if (rowIsBlank(layout, r)) continue;
    next = cellText(layout, r, unitCol).trim() !== "" && hasNumber(r);
    break;
  }
  return next && unitsAlwaysGiven(layout, unitCol, hasNumber);
}

/** A name that ends as a measure (参保人数, 销售额, 覆盖率): an indicator, never a heading. */
const MEASURE_ENDING = /(数|额|率|量|值|人次|面积)$/;

const unitsGiven = new WeakMap<TableLayout, boolean>();

/** Whether every row of the table with a number gives its unit (worked out once a table). */
function unitsAlwaysGiven(
  layout: TableLayout,
  unitCol: number,
  hasNumber: (row: number) => boolean
): boolean {
  let given = unitsGiven.get(layout);
  if (given === undefined) {
    given = true;
    for (let r = layout.dataTop; r <= layout.dataBottom && given; r++)
      if (hasNumber(r) && cellText(layout, r, unitCol).trim() === "") given = false;
    unitsGiven.set(layout, given);
  }
  return given;
}

/** "一、民生保障" → 民生保障. */
function headingTitle(text: string): string {
  return compactName(text)
    .replace(NUMBERING_PREFIX, "")
    .replace(/^第[一二三四五六七八九十]+[部分类项]、?/, "")
    .trim();
}

/**
 * A heading row the way ledgers write them: one text and no number on the row, either merged
 * across the table ("一、民生保障" over every column) or numbered 一、/（一） in any column.
 * A 类别 cell merged down from a row above belongs to that row, not to this one.
 */
/** A cell's key: row and column as one number (columns below 2^21, far beyond XFD). */
function cellNumber(row: number, col: number): number {
  return row * 2097152 + col;
}

function headingRowAt(layout: TableLayout, row: number): SectionHeading | undefined {
  const seen: number[] = [];
  let only: { text: string; col: number; span: number } | undefined;
  for (const { col } of layout.table.columns) {
    const merge = layout.merges.at(row, col);
    if (merge && merge.top !== row) continue;
    const key = merge ? cellNumber(merge.top, merge.left) : cellNumber(row, col);
    if (seen.includes(key)) continue;
    seen.push(key);
    const value = merge
      ? cellAt(layout.sheet, merge.top, merge.left)?.value
      : cellAt(layout.sheet, row, col)?.value;
    if (typeof value === "number") return undefined;
    if (typeof value !== "string" || value.trim() === "") continue;
    if (only) return undefined;
    only = {
      text: value,
      col: merge ? merge.left : col,
      span: merge ? merge.right - merge.left + 1 : 1,
    };
  }
  if (!only) return undefined;
  const title = headingTitle(only.text);
  if (title === "" || /^(计量)?单位[:：]/.test(title) || isTotalName(title)) return undefined;
  const level = numberingLevel(only.text);
  const mergedAcross = only.span >= 3 && only.span >= layout.table.columns.length / 2;
  const numberedChinese = level === 1 || level === 2;
  if (!mergedAcross && !numberedChinese) return undefined;
  return {
    title,
    level: numberedChinese ? (level as number) : 1,
    ref: { sheet: layout.sheet.name, cell: cellAddress(layout.sheet, row, only.col) },
  };
}

/** The heading path after a new heading: deeper headings replace those at its level and below. */
function enterHeading(path: SectionHeading[], heading: SectionHeading): SectionHeading[] {
  return [...path.filter((h) => h.level < heading.level), heading];
}

/** Reads every row of a table into indicators, with findings for cells that cannot be read. */
export function readIndicators(layout: TableLayout): ReadResult {
  const indicators: Indicator[] = [];
  const findings: Finding[] = [];
  const nameCol = columnOf(layout, "name");
  if (nameCol === undefined) return { indicators, findings };
  const sheetName = layout.sheet.name;
  const categoryCol = columnOf(layout, "category");
  const nameHeader = normalizeForMatch(
    layout.table.columns.find((c) => c.role === "name")?.header ?? "\u0000"
  );
  let sectionCategory: Category | undefined;
  let currentParent: { indicator: Indicator; indent: number; level?: number } | undefined;
  let section: SectionHeading[] = [];

  for (let row = layout.dataTop; row <= layout.dataBottom; row++) {
    if (rowIsBlank(layout, row)) continue;
    const heading = headingRowAt(layout, row);
    if (heading) {
      section = enterHeading(section, heading);
      sectionCategory = categoryOfText(heading.title);
      currentParent = undefined;
      continue;
    }
    const label = cellText(layout, row, nameCol).trim();
    const ctx: RowContext = { layout, row, findings, label: compactName(label) };
    const readings = new Map<ValueRole, NumberReading>();
    let hasAnyValueText = false;
    const emptyCells = new Map<ValueRole, number>();
    for (const role of VALUE_ROLES) {
      const found = readingAt(ctx, role);
      if (!found) continue;
      if (found.reading.kind === "empty") emptyCells.set(role, found.col);
      else hasAnyValueText = true;
      if (found.reading.kind === "number") readings.set(role, found.reading);
      else reportBadReading(ctx, role, found.reading, found.col);
    }

    if (compactName(label) === "") {
      if (hasAnyValueText)
        findings.push(
          makeFinding("MISSING_NAME", {
            sheet: sheetName,
            cell: cellAddress(layout.sheet, row, nameCol),
            field: "name",
          })
        );
      continue;
    }
    if (normalizeForMatch(label) === nameHeader) continue; // a header row repeated inside the table

    const cleaned = cleanIndicatorName(label);
    const unit = decideUnit(layout, ctx, cleaned, readings);
    const explicitUnit = cleaned.unit ?? cellText(layout, row, columnOf(layout, "unit")).trim();
    const level =
      numberingLevel(cellText(layout, row, columnOf(layout, "index"))) ?? numberingLevel(label);
    if (
      isSectionRow(label, explicitUnit, readings, hasAnyValueText, level) ||
      (explicitUnit === "" &&
        readings.size === 0 &&
        !hasAnyValueText &&
        level === undefined &&
        !cleaned.isPart &&
        !cleaned.hasBullet &&
        isBareHeadingRow(layout, row, label))
    ) {
      // A new section sets its own line of work; one that names none ("二、民生保障") clears it.
      sectionCategory = categoryOfText(label);
      currentParent = undefined;
      const title = headingTitle(label);
      if (title)
        section = enterHeading(section, {
          title,
          level: level === 2 ? 2 : 1,
          ref: { sheet: sheetName, cell: cellAddress(layout.sheet, row, nameCol) },
        });
      continue;
    }

    const indent = indentOf(layout, row, nameCol);
    const isTotal = isTotalName(cleaned.name);
    // "（1）" under "1", or "1." under "（一）": a deeper numbering is a part of the row above.
    const deeper =
      level !== undefined && currentParent?.level !== undefined && level > currentParent.level;
    const isPart =
      !isTotal &&
      !!currentParent &&
      (cleaned.isPart || cleaned.hasBullet || indent > currentParent.indent || deeper);
    const parent = isPart ? currentParent?.indicator : undefined;
    ctx.partOf = parent;

    const contextText =
      categoryCol === undefined ? "" : compactName(cellText(layout, row, categoryCol));
    const explicitCategory = contextText ? categoryOfLabel(contextText) : undefined;
    const category: Category =
      parent?.category ??
      explicitCategory ??
      sectionCategory ??
      layout.namedCategory ??
      categoryOfText(cleaned.name) ??
      "other";

    const indicator: Indicator = {
      id: `${sheetName}!${cellAddress(layout.sheet, row, nameCol)}`,
      name: cleaned.name,
      label: compactName(label),
      unit,
      category,
      tableId: layout.table.id,
      sheet: sheetName,
      row,
      nameRef: ref(ctx, nameCol),
      direction: directionOf(cleaned.name, readings.get("target")),
      isTotal,
      status: "not-reported",
      section,
      trust: { kind: "quotable", growth: true, doubts: [] },
    };
    if (contextText) indicator.context = contextText;
    if (layout.table.period) indicator.statedMonths = layout.table.period.months;
    for (const role of VALUE_ROLES) {
      const reading = readings.get(role);
      const col = columnOf(layout, role);
      if (reading && col !== undefined)
        indicator[role] = sourced(ctx, reading, col, inUnit(reading, unit));
    }
    readStatedValues(ctx, indicator);
    const note = cellText(layout, row, columnOf(layout, "note")).trim();
    if (note) indicator.note = note;
    if (layout.sheet.hidden) indicator.onHiddenSheet = true;
    reportMissingValues(ctx, indicator, emptyCells);
    if (parent) indicator.parentId = parent.id;
    else if (!isTotal) currentParent = { indicator, indent, level };
    indicators.push(indicator);
  }
  if (layout.breakdown) gatherBreakdown(indicators, layout.breakdown.subject);
  return { indicators, findings: groupMissingTargets(findings) };
}

/**
 * A table of places (各社区…) under one indicator: the 合计 row becomes that indicator, named
 * from the title, and every other main row one of its parts.
 */
function gatherBreakdown(indicators: Indicator[], subject: string | undefined): void {
  const total = indicators.find((i) => i.isTotal);
  if (!total) return;
  total.isTotal = false;
  total.partsAreWhole = true;
  if (subject) {
    total.name = subject;
    total.category = categoryOfText(subject) ?? total.category;
    total.direction = directionOf(subject, undefined);
  }
  for (const i of indicators) {
    if (i === total || i.parentId) continue;
    i.parentId = total.id;
    i.category = total.category;
  }
}

/** A blank completed cell is "not reported"; a blank target matters only for a main indicator. */
function reportMissingValues(
  ctx: RowContext,
  indicator: Indicator,
  emptyCells: Map<ValueRole, number>
): void {
  const actualCol = emptyCells.get("actual");
  if (actualCol !== undefined) {
    ctx.findings.push(
      makeFinding("MISSING_ACTUAL", {
        ...ref(ctx, actualCol),
        indicator: indicator.name,
        field: "actual",
      })
    );
  }
  const targetCol = emptyCells.get("target");
  if (targetCol !== undefined && !indicator.isTotal && !ctx.partOf) {
    const finding = makeFinding("MISSING_TARGET", {
      ...ref(ctx, targetCol),
      indicator: indicator.name,
      field: "target",
    });
    MISSING_TARGET_OF.set(finding, indicator);
    ctx.findings.push(finding);
  }
}

/** The row each MISSING_TARGET finding is about, while its table is read. */
const MISSING_TARGET_OF = new WeakMap<Finding, Indicator>();

/** Rows this many or more of one part of a table without targets are so by design. */
const UNTARGETED_GROUP = 2;

/**
 * Rows of one part of a table (its heading, its 类别) that all leave the target blank count
 * what happened (低保, 临时救助, 隐患整改): one note for them, not a warning on each. A lone
 * blank among targets stays a warning: it may have been forgotten.
 */
function groupMissingTargets(findings: Finding[]): Finding[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const indicator = MISSING_TARGET_OF.get(f);
    if (!indicator) continue;
    const key = `${indicator.section.map((h) => h.title).join("/")}\u0000${indicator.context ?? ""}`;
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  const grouped = new Map<Finding, Finding | null>();
  for (const group of groups.values()) {
    if (group.length < UNTARGETED_GROUP) continue;
    const names = group.map((f) => `“${MISSING_TARGET_OF.get(f)?.name ?? ""}”`);
    const note = makeFinding("TARGETS_NOT_SET", {
      sheet: group[0].sheet,
      cell: group[0].cell,
      raw: names.length > 3 ? `${names.slice(0, 3).join("、")}等` : names.join("、"),
      a: String(group.length),
      field: "target",
    });
    group.forEach((f, k) => grouped.set(f, k === 0 ? note : null));
  }
  if (grouped.size === 0) return findings;
  return findings.flatMap((f) => {
    const replaced = grouped.get(f);
    return replaced === undefined ? [f] : replaced === null ? [] : [replaced];
  });
}

function readStatedValues(ctx: RowContext, indicator: Indicator): void {
  for (const role of ["statedRate", "statedGrowth"] as const) {
    const found = readingAt(ctx, role);
    if (!found) continue;
    const { reading, col } = found;
    if (reading.kind !== "number") {
      reportBadReading(ctx, role, reading, col);
      continue;
    }
    const headerUnit = ctx.layout.headerUnits.get(col);
    const headerSaysPercent = headerUnit !== undefined && isPercentUnit(headerUnit);
    const { value, ambiguous } = statedFraction(reading, headerSaysPercent, role);
    const number = sourced(ctx, reading, col, value);
    if (ambiguous) number.scaleUncertain = true;
    indicator[role] = number;
  }
}

/** Parts (其中 rows) by the id of the row they belong to. */
export function partsByParent(indicators: Indicator[]): Map<string, Indicator[]> {
  const parts = new Map<string, Indicator[]>();
  for (const indicator of indicators) {
    if (!indicator.parentId) continue;
    const list = parts.get(indicator.parentId);
    if (list) list.push(indicator);
    else parts.set(indicator.parentId, [indicator]);
  }
  return parts;
}

/**
 * Two rows speak of the same indicator: the same name, and units that agree (or one left
 * blank, as on a helper sheet).
 */
export function sameIndicatorName(a: Indicator, b: Indicator): boolean {
  if (normalizeForMatch(a.name) !== normalizeForMatch(b.name)) return false;
  // 检查场所 under 消防检查 and under 燃气检查 are two indicators.
  if (a.context && b.context && a.context !== b.context) return false;
  if (sectionKey(a) && sectionKey(b) && sectionKey(a) !== sectionKey(b)) return false;
  if (onSheetsOfTwoLines(a, b)) return false;
  // 1—9月 and 1—10月 on two sheets are two periods of one indicator, not two copies of it,
  // also when the report is run for one period (--period 1-10) and both are judged at it.
  if (a.statedMonths !== b.statedMonths || a.expectedProgress !== b.expectedProgress) return false;
  return a.unit === "" || b.unit === "" || baseUnit(a.unit) === baseUnit(b.unit);
}

/** The titles of an indicator's headings: "民生保障/就业" ("" when it has none). */
export function sectionKey(indicator: Indicator): string {
  const section = indicator.section;
  if (section.length === 0) return "";
  if (section.length === 1) return section[0].title;
  return section.map((h) => h.title).join("/");
}

/**
 * The rows a 合计/小计 adds up: the main rows before it in its table, back to the previous
 * total or heading, of the same 类别 when the total has one, in a unit of the same measure.
 */
export function totalMembers(indicators: Indicator[]): Map<Indicator, Indicator[]> {
  const members = new Map<Indicator, Indicator[]>();
  let group: Indicator[] = [];
  let place = "";
  for (const indicator of indicators) {
    const here = `${indicator.tableId}|${sectionKey(indicator)}`;
    if (here !== place) {
      group = [];
      place = here;
    }
    if (!indicator.isTotal) {
      if (!indicator.parentId) group.push(indicator);
      continue;
    }
    const sameKind = group.filter(
      (g) =>
        (!indicator.context || g.context === indicator.context) &&
        (indicator.unit === "" ||
          (g.unit !== "" &&
            baseUnit(g.unit) === baseUnit(indicator.unit) &&
            !isPercentUnit(g.unit)))
    );
    members.set(indicator, sameKind);
    group = [];
  }
  return members;
}
