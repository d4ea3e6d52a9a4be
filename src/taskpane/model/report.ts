/**
 * Report tab: each paragraph cut into plain text and quoted numbers (from paragraph.sources),
 * each number with the cells it came from; the text to copy, insert or write to the 报告 sheet.
 */
import { CATEGORY_TITLES } from "../../core/categories";
import { Analysis, Indicator, Paragraph, SourceSpan, SourcedNumber } from "../../core/model";
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

export interface ParagraphView {
  key: string;
  /** "（一）就业工作" */
  heading: string;
  title: string;
  text: string;
  segments: Segment[];
  /** "税收收入（经济!A8）、…", or undefined when nothing was left out. */
  omitted?: string;
  omittedRefs: { name: string; sheet: string; cell: string }[];
}

export interface ReportView {
  paragraphs: ParagraphView[];
  /** Headings and paragraphs as plain text, for the clipboard and a single cell. */
  plainText: string;
  blocks: ReportBlock[];
}

const HEADING_NUMBERS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/** 0 → "（一）", 10 → "（11）". */
export function headingNumber(index: number): string {
  return `（${HEADING_NUMBERS[index] ?? String(index + 1)}）`;
}

export type ValueField = "actual" | "target" | "previous";

/** What a cell holds, by "sheet!A1": the indicator and the field, for tooltips. */
export type CellIndex = Map<
  string,
  { indicator: Indicator; field: ValueField; value: SourcedNumber }
>;

export function indexCells(indicators: Indicator[]): CellIndex {
  const index: CellIndex = new Map();
  for (const indicator of indicators)
    for (const field of ["actual", "target", "previous"] as const) {
      const value = indicator[field];
      if (value) index.set(`${value.ref.sheet}!${value.ref.cell}`, { indicator, field, value });
    }
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

export function paragraphView(
  paragraph: Paragraph,
  position: number,
  index: CellIndex,
  strings: Strings,
  language: Language
): ParagraphView {
  const title = language === "en" ? CATEGORY_TITLES[paragraph.category].en : paragraph.title;
  const view: ParagraphView = {
    key: `${paragraph.category}-${position}`,
    heading: `${headingNumber(position)}${paragraph.title}`,
    title,
    text: paragraph.text,
    segments: segmentParagraph(paragraph.text, paragraph.sources, index, strings),
    omittedRefs: paragraph.omitted.map((o) => ({ name: o.name, sheet: o.sheet, cell: o.cell })),
  };
  if (paragraph.omitted.length > 0)
    view.omitted = strings.reportOmitted(
      paragraph.omitted.map((o) => `${o.name}（${o.sheet}!${o.cell}）`).join(strings.listSeparator)
    );
  return view;
}

export function buildReport(analysis: Analysis, strings: Strings, language: Language): ReportView {
  const index = indexCells(analysis.indicators);
  const paragraphs = analysis.paragraphs.map((p, i) =>
    paragraphView(p, i, index, strings, language)
  );
  const blocks: ReportBlock[] = paragraphs.map((p) => ({ heading: p.heading, text: p.text }));
  return { paragraphs, blocks, plainText: blocksToText(blocks) };
}

/** "（一）就业工作\n2023年，…\n\n（二）…": what the clipboard and a single cell get. */
export function blocksToText(blocks: ReportBlock[]): string {
  return blocks.map((b) => `${b.heading}\n${b.text}`).join("\n\n");
}
