/**
 * What the engine produces from a workbook: tables → indicators → findings and paragraphs.
 * These shapes are also the CLI's JSON contract (see README), so change them with care.
 */

import type { Transposition } from "./workbook";

/** Lines of work, in the order a work summary usually takes them. */
export const CATEGORIES = [
  "employment",
  "insurance",
  "vaccination",
  "investment",
  "other",
] as const;
export type Category = (typeof CATEGORIES)[number];

/** floor: done when actual ≥ target (most indicators); ceiling: done when actual ≤ target (失业率). */
export type Direction = "floor" | "ceiling";

export type Status =
  | "exceeded" // 超额完成: strictly beyond the target
  | "completed" // 完成: exactly the target, or a ceiling kept
  | "behind" // 未完成
  | "not-reported" // 未填报: no completed value
  | "no-target"; // no target to measure against

/** Where a number came from: a sheet and an A1 address. */
export interface CellRef {
  sheet: string;
  cell: string;
}

/**
 * 约/左右 (about), 余/多 (more than), 近 (nearly), 以上 (at least): kept so the text can say so,
 * each word where it stands (see lexicon/approximation.ts).
 */
export type Approximation = "about" | "over" | "nearly" | "atLeast";

/** A number read from a cell, expressed in its indicator's unit. */
export interface SourcedNumber {
  value: number;
  approx?: Approximation;
  /** The cell text as the user sees it, for messages. */
  raw: string;
  ref: CellRef;
  /** A bound written in the cell ("≤3.5", "控制在3.5%以内" → ceiling; "≥95" → floor). */
  bound?: Direction;
  /** A stated rate written as a bare number (1.126 or 112.6?): checks accept either reading. */
  scaleUncertain?: boolean;
}

/** A report period: January through `months` (1—10月 → 10). */
export interface ReportPeriod {
  months: number;
}

export type ColumnRole =
  | "name"
  | "unit"
  | "target"
  | "actual"
  | "previous"
  /** The year-to-date value of an earlier period ("1—9月" beside "1—10月"). */
  | "priorPeriod"
  | "statedRate"
  | "statedGrowth"
  | "category"
  | "note"
  | "index";

export interface TableColumn {
  role: ColumnRole;
  /** 0-based column index in the sheet. */
  col: number;
  header: string;
}

export interface IndicatorTable {
  /** Stable id: "sheet!A1:F10". */
  id: string;
  sheet: string;
  /** The Excel table's name, else the title row, else the sheet name with the range. */
  name: string;
  title?: string;
  /** A1 range of header and data rows. */
  range: string;
  source: "excel-table" | "range";
  category: Category;
  columns: TableColumn[];
  /** Period written in a header such as "1—10月完成". */
  period?: ReportPeriod;
  /** Unit stated for the whole table, e.g. a "单位：万元" line. */
  unit?: string;
  /**
   * The indicators run across: names in a row, values in the rows below. `columns[].col` then
   * counts the sheet's rows (see transpose.ts); `range` is the sheet's own.
   */
  transposed?: Transposition;
}

/** A heading row of the workbook ("一、民生保障", merged across the table or not). */
export interface SectionHeading {
  /** Without its numbering: "民生保障". */
  title: string;
  /** 1 for 一、, 2 for （一）. */
  level: number;
  ref: CellRef;
}

/** Why a value is quoted with a mark, or not at all: a finding on one of the row's cells. */
export interface Doubt {
  code: string;
  severity: Severity;
  ref: CellRef;
  message: string;
  messageEn: string;
}

/**
 * Whether the report may quote an indicator, decided once by the engine (trust.ts):
 * quotable (its growth only when last year's value is sound; `doubts` are figures to mark
 * 需核实), or withheld until a cell is fixed.
 */
export type Trust =
  | {
      kind: "quotable";
      growth: boolean;
      /** Why the growth is not written, when a finding on last year's or the stated growth's cell says so. */
      growthHeldBy?: Doubt;
      doubts: Doubt[];
    }
  | { kind: "withheld"; because: Doubt };

export interface Indicator {
  /** Stable id, unique in the workbook: "sheet!B4", the cell of its name. */
  id: string;
  /** Name without 其中/numbering prefixes: "大学生". */
  name: string;
  /** Name as written in the cell: "其中：大学生". */
  label: string;
  unit: string;
  category: Category;
  tableId: string;
  sheet: string;
  /** 0-based sheet row. */
  row: number;
  nameRef: CellRef;
  target?: SourcedNumber;
  actual?: SourcedNumber;
  previous?: SourcedNumber;
  /** Year-to-date value of an earlier period of this year, when the table has one. */
  priorPeriod?: SourcedNumber;
  /** Completion rate as written in the table, as a fraction. */
  statedRate?: SourcedNumber;
  /** Growth as written in the table, as a fraction (or percentage points as a fraction, for % indicators). */
  statedGrowth?: SourcedNumber;
  direction: Direction;
  /** Id of the indicator this row is a part of (其中 rows, indented rows). */
  parentId?: string;
  /** A 合计/总计 row: the sum of the rows before it. */
  isTotal: boolean;
  /** Its parts are the whole of it (a breakdown by 社区): they must add up to it exactly. */
  partsAreWhole?: boolean;
  /** On a hidden sheet (a helper sheet): checked, but quoted only when no visible row says the same. */
  onHiddenSheet?: boolean;
  /** The workbook's heading rows above this row, outermost first (empty: none). */
  section: SectionHeading[];
  /** What the row's 类别 column says ("消防检查"), when the table has one. */
  context?: string;
  /** Whether the report may quote it: set by analyzeWorkbook from the findings. */
  trust: Trust;
  note?: string;
  // Computed by evaluate():
  /** actual ÷ target, as a fraction; undefined for ceiling indicators and where it cannot be computed. */
  completionRate?: number;
  /** Relative growth over last year as a fraction, or for % indicators the change in points as a fraction (0.012 = 1.2 个百分点). */
  growth?: number;
  growthKind?: "relative" | "points";
  status: Status;
  /** Share of the year elapsed (10/12 for 1—10月), when a period is known. */
  expectedProgress?: number;
  /**
   * The months its table states (a 1—9月 header, a sheet named 2024年9月), whatever period the
   * report is run for: rows of one name stating two periods are two periods, never copies.
   */
  statedMonths?: number;
}

export type Severity = "error" | "warning" | "info";

export interface Finding {
  severity: Severity;
  /** Stable code, e.g. "VALUE_UNREADABLE"; see findings.ts. */
  code: string;
  /** Chinese message naming the indicator, the sheet and the cell. */
  message: string;
  messageEn: string;
  sheet: string;
  cell?: string;
  /** Indicator name, when the finding is about one. */
  indicator?: string;
}

/** A stretch of paragraph text that quotes a number, and the cell(s) it came from. */
export interface SourceSpan {
  text: string;
  /** Offsets in the paragraph text, end exclusive. */
  start: number;
  end: number;
  sheet: string;
  /** The main cell: the value itself, or for a computed rate the completed value. */
  cell: string;
  /** value: quoted from a cell; rate / growth: computed from `cells`. */
  kind: "value" | "rate" | "growth";
  cells: string[];
  /** A figure to confirm (需核实) before the report goes out: the finding that asks. */
  doubt?: { code: string; message: string; messageEn: string };
}

/** An indicator left out of the report, and the cell to fix first. */
export interface OmittedIndicator {
  indicatorId: string;
  name: string;
  sheet: string;
  cell: string;
  /** Why, in Chinese: the finding's message, or 没有完成数. */
  reason: string;
}

export interface Paragraph {
  category: Category;
  /** The title of its section: the workbook's heading ("民生保障") or a line of work. */
  title: string;
  /** The headings of its section, outermost first. */
  section: SectionHeading[];
  text: string;
  sources: SourceSpan[];
  /** Ids of the indicators the paragraph quotes. */
  indicatorIds: string[];
  /** Indicators of its section left out because a value has an error to fix first. */
  omitted: OmittedIndicator[];
}

/** A section of the report as the engine writes it from the workbook's own structure. */
export interface AnalysisSection {
  path: SectionHeading[];
  title: string;
  category: Category;
  paragraphs: Paragraph[];
  omitted: OmittedIndicator[];
}

export interface Analysis {
  tables: IndicatorTable[];
  indicators: Indicator[];
  findings: Finding[];
  /** The workbook's sections, written (the default outline of the report). */
  sections: AnalysisSection[];
  /** Every paragraph of `sections`, in order. */
  paragraphs: Paragraph[];
  options: ResolvedOptions;
  /** The report year named in titles or headers (2023年), when there is one. */
  year?: number;
  /** The office the workbook is of, from its 填报单位 line or a title ("青山街道"), when one says. */
  unit?: string;
  /** Months the report covers (12 = full year): the option, else the tables' headers. */
  months: number;
}

export interface EngineOptions {
  /** Months elapsed: 10 for 1—10月. Omitted: taken from table headers, else a full year. */
  period?: number;
  /** Decimals for rates and scaled amounts (default 2). */
  decimals?: number;
  /** Write large amounts in 万/亿 (default true). */
  scaleLargeAmounts?: boolean;
  /** 2023年 (arabic, default) or 二〇二三年 (chinese). */
  yearStyle?: "arabic" | "chinese";
  /** Growth beyond this share needs confirmation (default 0.5 = ±50%). */
  growthThreshold?: number;
}

export interface ResolvedOptions {
  period?: number;
  decimals: number;
  scaleLargeAmounts: boolean;
  yearStyle: "arabic" | "chinese";
  growthThreshold: number;
}
