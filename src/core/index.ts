/**
 * The engine: workbook → tables → indicators → findings and paragraphs.
 * Pure: no Office, no React, no I/O. Both faces (task pane, CLI) call analyzeWorkbook.
 */
import { tableSectionTitles } from "./categories";
import { runChecks } from "./checks";
import { ReportError } from "./errors";
import { TableLayout, discoverTables } from "./discover";
import { FULL_YEAR, fillEvaluation } from "./evaluate";
import { makeFinding, sortFindings } from "./findings";
import { readIndicators } from "./indicators";
import {
  Analysis,
  AnalysisSection,
  Category,
  EngineOptions,
  Finding,
  Indicator,
  IndicatorTable,
  Paragraph,
  ResolvedOptions,
} from "./model";
import { writeSections } from "./narrative";
import { withTextMemo } from "./text";
import { transposedSheet } from "./transpose";
import { fillTrust } from "./trust";
import { unitNameOf } from "./rollup/unit-name";
import { SheetModel, WorkbookModel } from "./workbook";

export * from "./model";
export { toJsonReport, CONTRACT_VERSION } from "./contract";
export type { JsonReport } from "./contract";
export type {
  WorkbookModel,
  SheetModel,
  CellModel,
  CellValue,
  CellRange,
  TableDefinition,
} from "./workbook";

export function resolveOptions(options: EngineOptions = {}): ResolvedOptions {
  const resolved: ResolvedOptions = {
    decimals: options.decimals ?? 2,
    scaleLargeAmounts: options.scaleLargeAmounts ?? true,
    yearStyle: options.yearStyle ?? "arabic",
    growthThreshold: options.growthThreshold ?? 0.5,
  };
  if (options.period !== undefined) {
    if (!Number.isInteger(options.period) || options.period < 1 || options.period > 12) {
      throw new ReportError("BAD_PERIOD", {
        zh: `报告期应为1—12月之间的整数，收到：${options.period}`,
        en: `period must be a whole month from 1 to 12, got ${options.period}`,
      });
    }
    resolved.period = options.period;
  }
  if (!Number.isInteger(resolved.decimals) || resolved.decimals < 0 || resolved.decimals > 4) {
    throw new ReportError("BAD_DECIMALS", {
      zh: `小数位数应为0—4，收到：${resolved.decimals}`,
      en: `decimals must be 0 to 4, got ${resolved.decimals}`,
    });
  }
  return resolved;
}

/**
 * The period most of the workbook's rows cover, a table that states none counting as a full
 * year: one economy table of 1—11月 among full-year ledgers does not make the report 1—11月.
 */
function workbookPeriod(
  reads: { layout: TableLayout; read: { indicators: Indicator[] } }[]
): number {
  const rows = new Map<number, number>();
  let best = FULL_YEAR;
  let bestRows = 0;
  for (const { layout, read } of reads) {
    const months = layout.table.period?.months ?? FULL_YEAR;
    const count = (rows.get(months) ?? 0) + Math.max(read.indicators.length, 1);
    rows.set(months, count);
    if (count > bestRows) {
      best = months;
      bestRows = count;
    }
  }
  return best;
}

function mostCommon<T>(values: T[]): T | undefined {
  const counts = new Map<T, number>();
  let best: T | undefined;
  let bestCount = 0;
  for (const value of values) {
    const count = (counts.get(value) ?? 0) + 1;
    counts.set(value, count);
    if (count > bestCount) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

function tableWithCategory(layout: TableLayout, indicators: Indicator[]): IndicatorTable {
  const category: Category =
    layout.namedCategory ?? mostCommon(indicators.map((i) => i.category)) ?? "other";
  return { ...layout.table, category };
}

/** Numbers that look like data: a sheet with this many and no table was probably not understood. */
const DATA_LIKE_NUMBERS = 4;

function holdsData(sheet: SheetModel): boolean {
  let numbers = 0;
  for (const row of sheet.rows)
    for (const cell of row ?? [])
      if (typeof cell?.value === "number" && ++numbers >= DATA_LIKE_NUMBERS) return true;
  return false;
}

/** A visible sheet full of numbers where no table was found: say so rather than skip it silently. */
function sheetsWithNumbersButNoTable(workbook: WorkbookModel, tables: IndicatorTable[]): Finding[] {
  const withTables = new Set(tables.map((t) => t.sheet));
  return workbook.sheets
    .filter((sheet) => !sheet.hidden && !withTables.has(sheet.name) && !isMarkedUnused(sheet))
    .filter(holdsData)
    .map((sheet) => makeFinding("SHEET_NOT_READ", { sheet: sheet.name }));
}

/** A sheet's tables; a sheet of numbers where none runs down is read across (transpose.ts). */
function tablesOf(sheet: SheetModel): TableLayout[] {
  const found = discoverTables(sheet);
  if (found.length > 0 || !holdsData(sheet)) return found;
  return discoverTables(transposedSheet(sheet));
}

/** Words that mark a sheet as a stale copy or scrap, in its name or its first lines. */
const UNUSED_MARK = /勿用|作废|已废止|废弃|停用|弃用|不再使用|请勿使用/;
const UNUSED_TITLE_ROWS = 3;

/** A sheet its owner marked 勿用/作废 ("9月备份（勿用）"): not read, so a stale copy never conflicts. */
export function isMarkedUnused(sheet: SheetModel): boolean {
  if (UNUSED_MARK.test(sheet.name)) return true;
  for (const row of sheet.rows.slice(0, UNUSED_TITLE_ROWS))
    for (const cell of row ?? [])
      if (typeof cell?.value === "string" && UNUSED_MARK.test(cell.value)) return true;
  return false;
}

export function analyzeWorkbook(workbook: WorkbookModel, options: EngineOptions = {}): Analysis {
  // The names, units and headers normalised during this analysis are remembered until it ends.
  return withTextMemo(() => analyze(workbook, options));
}

function analyze(workbook: WorkbookModel, options: EngineOptions): Analysis {
  const resolved = resolveOptions(options);
  const unused = workbook.sheets.filter(isMarkedUnused);
  const layouts = workbook.sheets
    .filter((sheet) => !unused.includes(sheet))
    .flatMap((sheet) => tablesOf(sheet));
  const tables: IndicatorTable[] = [];
  const indicators: Indicator[] = [];
  const findings: Finding[] = [];
  const reads = layouts.map((layout) => ({ layout, read: readIndicators(layout) }));
  const months = resolved.period ?? workbookPeriod(reads);
  for (const { layout, read } of reads) {
    // A table's own period wins; one that states none covers the workbook's.
    const own = resolved.period ?? layout.table.period?.months ?? months;
    // Loops, not push(...array): a spread of 130 000 rows overflows the call stack.
    // The rows read here are this analysis' own: evaluated and given their trust in place.
    for (const i of read.indicators) indicators.push(fillEvaluation(i, own));
    for (const f of read.findings) findings.push(f);
    const table = tableWithCategory(layout, read.indicators);
    tables.push(table);
    if (own !== months && read.indicators.length > 0)
      findings.push(
        makeFinding("TABLE_PERIOD_OWN", {
          sheet: table.sheet,
          cell: table.range.split(":")[0],
          a: String(own),
          b: String(months),
        })
      );
  }
  for (const f of runChecks(indicators, resolved)) findings.push(f);
  for (const sheet of unused)
    findings.push(makeFinding("SHEET_MARKED_UNUSED", { sheet: sheet.name }));
  for (const part of workbook.unread ?? [])
    findings.push(
      makeFinding("PART_NOT_READ", {
        sheet: part.sheet ?? workbook.sheets[0]?.name ?? "",
        raw: part.message,
        a: part.messageEn,
      })
    );
  if (tables.length === 0) {
    findings.push(makeFinding("NO_TABLES", { sheet: workbook.sheets[0]?.name ?? "" }));
  } else {
    for (const f of sheetsWithNumbersButNoTable(workbook, tables)) findings.push(f);
  }
  const year = mostCommon(layouts.map((l) => l.year).filter((y): y is number => y !== undefined));
  const trusted = fillTrust(indicators, findings, tables);
  const tableTitles = new Map<string, string>();
  for (const table of tableSectionTitles(tables)) tableTitles.set(table.id, table.title);
  // Written on first read: a roll-up or a draft check reads the numbers and never the prose.
  let sections: AnalysisSection[] | undefined;
  let paragraphs: Paragraph[] | undefined;
  const written = () =>
    (sections ??= withTextMemo(() =>
      writeSections(trusted, { options: resolved, months, year }, tableTitles)
    ));
  const analysis: Analysis = {
    tables,
    indicators: trusted,
    get sections() {
      return written();
    },
    get paragraphs() {
      return (paragraphs ??= written().flatMap((s) => s.paragraphs));
    },
    findings: sortFindings(
      findings,
      workbook.sheets.map((s) => s.name)
    ),
    options: resolved,
    months,
  };
  if (year !== undefined) analysis.year = year;
  const unit = unitNameOf(workbook, "");
  // A title that says only "街道…" names no office.
  if (unit.from !== "file" && !/^(?:街道|街道办事处|办事处|街办|社区|镇|乡|村)?$/.test(unit.name))
    analysis.unit = unit.name;
  return analysis;
}
