/**
 * Report tab: the core's one Report (the same the CLI, the 报告 sheet and Word render), each
 * section a card with its heading and paragraphs, each paragraph cut into plain text and
 * quoted numbers (from its sources), each number with the cells it came from; the text to copy,
 * insert or write to the 报告 sheet comes from the Report's own lines.
 */
import { Analysis, Indicator, SourceSpan, SourcedNumber } from "../../core/model";
import { defaultOutline, Outline } from "../../core/report/writing/outline";
import {
  Report,
  ReportSection,
  buildReport as buildCoreReport,
} from "../../core/report/writing/report";
import { doubtNote, reportBlocks, reportToText } from "../../core/report/writing/lines";
import { APPROXIMATION_WORDS } from "../../core/lexicon/approximation";
import { KNOWN_BASE_UNITS } from "../../core/units";
import { ReportBlock } from "../../host/workbook-host";
import { Language, Strings } from "../i18n";

export type Segment =
  | { kind: "text"; text: string }
  | {
      kind: "number";
      text: string;
      span: SourceSpan;
      /** "就业!E5" */
      ref: string;
      /** Lines for the tooltip: where the number comes from. */
      tooltip: string[];
    };

/** One section of the report as a card: its numbered heading, paragraphs and notes. */
export interface ParagraphView {
  key: string;
  /** "一、就业工作", numbered as in every other face. */
  heading: string;
  level: number;
  title: string;
  /** The section's paragraphs, one per line. */
  text: string;
  paragraphs: { text: string; segments: Segment[] }[];
  /** "需核实：…", figures quoted that ask for confirmation. */
  doubt?: string;
  /** "税收收入（经济!D8）、…", or undefined when nothing was left out. */
  omitted?: string;
  omittedRefs: { name: string; sheet: string; cell: string }[];
}

export interface ReportView {
  title: string;
  /** Sections with a heading or text, in order. */
  paragraphs: ParagraphView[];
  /** The Report's lines as plain text, for the clipboard and a single cell. */
  plainText: string;
  blocks: ReportBlock[];
}

export type ValueField = "actual" | "target" | "previous";

/** What a cell holds, by "sheet!A1": the indicator and the field, for tooltips. */
export type CellIndex = Map<
  string,
  { indicator: Indicator; field: ValueField; value: SourcedNumber }
>;

/** Indexes already made, by the analysis' list of indicators (the 报告 and 文稿 tabs share). */
const indexes = new WeakMap<Indicator[], CellIndex>();

/** The cells of the indicators (made once per list of indicators; not to be changed). */
export function indexCells(indicators: Indicator[]): CellIndex {
  const known = indexes.get(indicators);
  if (known) return known;
  const index: CellIndex = new Map();
  for (const indicator of indicators)
    for (const field of ["actual", "target", "previous"] as const) {
      const value = indicator[field];
      if (value) index.set(`${value.ref.sheet}!${value.ref.cell}`, { indicator, field, value });
    }
  indexes.set(indicators, index);
  return index;
}

function fieldName(field: ValueField, strings: Strings): string {
  return field === "actual"
    ? strings.fieldActual
    : field === "target"
      ? strings.fieldTarget
      : strings.fieldPrevious;
}

function cellLine(ref: string, index: CellIndex, strings: Strings): string {
  const known = index.get(ref);
  return known ? strings.sourceCell(ref, fieldName(known.field, strings), known.value.raw) : ref;
}

/**
 * Where a number comes from, line by line: "来源：就业!E5" and what the cell holds; for a
 * computed number the formula over its cells ("完成率 = 就业!E5 ÷ 就业!D5") and each cell.
 */
export function tooltipLines(span: SourceSpan, index: CellIndex, strings: Strings): string[] {
  const refs = span.cells.map((cell) => `${span.sheet}!${cell}`);
  if (span.kind === "value" || refs.length < 2) {
    const main = `${span.sheet}!${span.cell}`;
    const known = index.get(main);
    return known
      ? [
          strings.sourceValue(main),
          strings.sourceField(fieldName(known.field, strings), known.value.raw),
        ]
      : [strings.sourceValue(main)];
  }
  const [first, second] = refs;
  const points = index.get(first)?.indicator.growthKind === "points";
  const formula =
    span.kind === "rate"
      ? strings.sourceRate(first, second)
      : points
        ? strings.sourcePoints(first, second)
        : strings.sourceGrowth(first, second);
  return [formula, ...refs.map((ref) => cellLine(ref, index, strings))];
}

/**
 * Cuts the text at the sources' offsets. Sources are expected in order and apart; one that
 * overlaps an earlier one, lies outside the text or does not match its text is left as text.
 */
export function segmentParagraph(
  text: string,
  sources: SourceSpan[],
  index: CellIndex,
  strings: Strings
): Segment[] {
  const spans = [...sources]
    .filter((s) => s.start >= 0 && s.end <= text.length && s.start < s.end)
    .filter((s) => text.slice(s.start, s.end) === s.text)
    .sort((a, b) => a.start - b.start);
  const segments: Segment[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue;
    if (span.start > at) segments.push({ kind: "text", text: text.slice(at, span.start) });
    segments.push({
      kind: "number",
      text: span.text,
      span,
      ref: `${span.sheet}!${span.cell}`,
      tooltip: tooltipLines(span, index, strings),
    });
    at = span.end;
  }
  if (at < text.length) segments.push({ kind: "text", text: text.slice(at) });
  return segments;
}

export function sectionView(
  section: ReportSection,
  position: number,
  index: CellIndex,
  strings: Strings
): ParagraphView {
  const view: ParagraphView = {
    key: `section-${position}`,
    heading: section.heading,
    level: section.level,
    title: section.title,
    text: section.paragraphs.map((p) => p.text).join("\n"),
    paragraphs: section.paragraphs.map((p) => ({
      text: p.text,
      segments: segmentParagraph(p.text, p.sources, index, strings),
    })),
    omittedRefs: section.omitted.map((o) => ({ name: o.name, sheet: o.sheet, cell: o.cell })),
  };
  const doubt = doubtNote(section);
  if (doubt) view.doubt = doubt.replace(/^（|）$/g, "");
  if (section.omitted.length > 0)
    view.omitted = strings.reportOmitted(
      section.omitted.map((o) => `${o.name}（${o.sheet}!${o.cell}）`).join(strings.listSeparator)
    );
  return view;
}

/** The report of the outline (报告配置, else the workbook's own sections), for the tab. */
export function buildReport(
  analysis: Analysis,
  strings: Strings,
  _language: Language,
  outline: Outline = defaultOutline(analysis),
  /** The report already written for this analysis and outline (the session's). */
  written: Report = buildCoreReport(analysis, outline)
): ReportView {
  const report: Report = written;
  const index = indexCells(analysis.indicators);
  const paragraphs = report.sections
    .map((section, i) => sectionView(section, i, index, strings))
    .filter((v) => v.paragraphs.length > 0 || v.omitted || v.heading);
  const hasText = report.sections.some((s) => s.paragraphs.length > 0);
  return {
    title: report.title,
    paragraphs: hasText ? paragraphs : [],
    blocks: reportBlocks(report),
    plainText: reportToText(report).trimEnd(),
  };
}

/** The state of the report, as the overview leads with it. */
export interface ReportStatus {
  /** Sections with text, ready to write. */
  sections: number;
  /** Figures quoted that ask for confirmation (需核实). */
  toCheck: number;
  /** Indicators left out until their data is fixed. */
  omitted: number;
}

export function reportStatus(view: ReportView): ReportStatus {
  const sections = view.paragraphs.filter((p) => p.paragraphs.length > 0);
  const numbers = view.paragraphs
    .flatMap((p) => p.paragraphs)
    .flatMap((p) => p.segments)
    .filter((s) => s.kind === "number");
  return {
    sections: sections.length,
    toCheck: numbers.filter((s) => s.kind === "number" && s.span.doubt).length,
    omitted: view.paragraphs.reduce((n, p) => n + p.omittedRefs.length, 0),
  };
}

/** "一、就业工作\n2023年，…\n\n二、…": a report's blocks as text. */
export function blocksToText(blocks: ReportBlock[]): string {
  return blocks.map((b) => (b.heading ? `${b.heading}\n${b.text}` : b.text)).join("\n\n");
}

export type NumberSegment = Extract<Segment, { kind: "number" }>;

/**
 * A run of a paragraph as the pane lays it out: plain text, where lines may break as Chinese
 * text breaks, or a number bound to the words that may not leave it (its approximation word
 * before, its unit, 余/以上 and the closing punctuation after), which never breaks.
 */
export type Run =
  | { kind: "text"; text: string }
  | { kind: "figure"; before: string; number: NumberSegment; after: string };

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const unique = (words: string[]) => [...new Set(words.filter((w) => w.length > 0))];
const approx = Object.values(APPROXIMATION_WORDS);
/** Units as the engine knows them, longest first (人次 before 人), with 万/亿 and 个百分点, 倍. */
const UNIT_WORDS = unique([...KNOWN_BASE_UNITS, "个百分点", "百分点", "倍"])
  .sort((a, b) => b.length - a.length)
  .map(escape)
  .join("|");
const AFTER_NUMBER = unique([...approx.map((w) => w.afterNumber), "多"])
  .map(escape)
  .join("|");
const AFTER_UNIT = unique([...approx.map((w) => w.afterUnit), "以内", "左右"])
  .map(escape)
  .join("|");
const BEFORE_NUMBER = unique(approx.map((w) => w.before))
  .map(escape)
  .join("|");
/** Closing punctuation, which may not open a line. */
const CLOSING = "，。；：、！？）》」”’%";
/** Opening punctuation, which may not end one. */
const OPENING = "（《「“‘";

const AFTER = new RegExp(
  `^%?(?:${AFTER_NUMBER})?(?:[万亿千]?(?:${UNIT_WORDS}))?(?:${AFTER_UNIT})?[${CLOSING}]*`
);
const BEFORE = new RegExp(`(?:[${OPENING}]*(?:${BEFORE_NUMBER})?[${OPENING}]*)$`);

/** The paragraph's segments as runs: each number with what stays with it (see `Run`). */
export function bindFigures(segments: Segment[]): Run[] {
  const texts = segments.map((s) => (s.kind === "text" ? s.text : ""));
  const runs: Run[] = [];
  segments.forEach((segment, i) => {
    if (segment.kind === "text") {
      if (texts[i]) runs.push({ kind: "text", text: texts[i] });
      return;
    }
    let before = "";
    const last = runs[runs.length - 1];
    if (last?.kind === "text") {
      before = BEFORE.exec(last.text)?.[0] ?? "";
      if (before) {
        last.text = last.text.slice(0, last.text.length - before.length);
        if (!last.text) runs.pop();
      }
    }
    let after = "";
    if (segments[i + 1]?.kind === "text") {
      after = AFTER.exec(texts[i + 1])?.[0] ?? "";
      texts[i + 1] = texts[i + 1].slice(after.length);
    }
    runs.push({ kind: "figure", before, number: segment, after });
  });
  return runs;
}
