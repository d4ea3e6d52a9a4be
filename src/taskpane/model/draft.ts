/**
 * 文稿 tab: a pasted draft, filled (X → the workbook's numbers) or checked (its numbers against
 * the workbook), cut into plain text and marked stretches for the view, with summary lines;
 * the report's outline and the Word document's contents (buildReport over parseOutline).
 *
 * Loaded with the tab (it pulls in src/core/report), not with the task pane.
 */
import { CATEGORY_TITLES } from "../../core/categories";
import { Analysis, Finding, SourceSpan } from "../../core/model";
import {
  CheckItem,
  DraftCheck,
  FillItem,
  FillResult,
  Outline,
  OutlineBlock,
  Report,
  buildReport as buildFullReport,
  checkDraft,
  FIELD_EN,
  FIELD_ZH,
  Field,
  FillChoices,
  defaultOutline,
  fillDraft,
} from "../../core/report";
import { Language, Strings } from "../i18n";
import { CellIndex, indexCells, tooltipLines } from "./report";

/** A cell, "sheet!A1" split. */
export interface CellTarget {
  sheet: string;
  cell: string;
  /** "就业!E4" */
  ref: string;
}

export type MarkKind = "filled" | "left" | "confirmed" | "mismatch" | "unchecked";

export type DraftSegment =
  | { kind: "text"; text: string }
  | {
      kind: MarkKind;
      text: string;
      /** Lines for the tooltip. */
      tooltip: string[];
      /** Where a click goes. */
      target?: CellTarget;
      /** mismatch: the workbook's value as the text would write it ("1126人"). */
      expected?: string;
    };

/** A line under the text: a placeholder left blank, a number that differs or went unchecked. */
export interface DraftNote {
  key: string;
  /** What the text says there: "X个", "1162人". */
  text: string;
  message: string;
  /** The sentence it stands in. */
  sentence?: string;
  target?: CellTarget;
  /** A placeholder left as unclear between indicators: each one the reader may pick. */
  choices?: DraftChoice[];
}

/** One candidate of an unclear placeholder, picked with one click (fillDraft's choices). */
export interface DraftChoice {
  /** "城镇新增就业（就业!D2）" */
  label: string;
  indicatorId: string;
  /** Where the placeholder starts in the draft: the key of the choice. */
  start: number;
}

export interface DraftView {
  action: "fill" | "check";
  segments: DraftSegment[];
  /** The text shown (the filled draft, or the draft as checked): for the clipboard. */
  text: string;
  /** "已填写 3 处 / 共 3 处，留空 0 处" or "一致 2 处，不符 1 处，未能核对 0 处". */
  summary: string;
  /** Further summary lines (X that are names or dates; X still in a checked draft). */
  extra: string[];
  /** Nothing to fill or check. */
  empty: boolean;
  /** fill: placeholders left blank; check: numbers that differ. */
  notes: DraftNote[];
  /** check: numbers that name no indicator (clearly). */
  unchecked: DraftNote[];
  counts: Record<MarkKind, number>;
}

/** "就业!E4" → { sheet: "就业", cell: "E4" } (the sheet may itself contain "!"). */
export function cellTarget(ref: string | undefined): CellTarget | undefined {
  if (!ref) return undefined;
  const at = ref.lastIndexOf("!");
  if (at <= 0 || at === ref.length - 1) return undefined;
  return { sheet: ref.slice(0, at), cell: ref.slice(at + 1), ref };
}

/** The field's name in the user's language, from the message catalogue's words. */
function fieldName(field: Field | undefined, language: Language): string {
  if (!field) return "";
  return language === "en" ? FIELD_EN[field] : FIELD_ZH[field];
}

function countsOf(segments: DraftSegment[]): Record<MarkKind, number> {
  const counts: Record<MarkKind, number> = {
    filled: 0,
    left: 0,
    confirmed: 0,
    mismatch: 0,
    unchecked: 0,
  };
  for (const s of segments) if (s.kind !== "text") counts[s.kind]++;
  return counts;
}

/** The source span of a filled item, as fillDraft wrote it (at `offset` of the filled text). */
function spanOf(item: FillItem, offset: number, sources: Map<number, SourceSpan>): SourceSpan {
  const found = sources.get(offset);
  if (found) return found;
  const main = cellTarget(item.cell);
  const cells = (item.cells ?? []).map((c) => cellTarget(c)?.cell ?? c);
  return {
    text: item.value ?? "",
    start: offset,
    end: offset + (item.value ?? "").length,
    sheet: main?.sheet ?? "",
    cell: main?.cell ?? "",
    kind: item.field === "rate" ? "rate" : item.field === "growth" ? "growth" : "value",
    cells,
  };
}

/**
 * The filled draft, cut at the placeholders: filled numbers (with their source), placeholders
 * left blank (with the reason), the rest as text. The segments' texts make up `result.text`.
 */
export function fillView(
  draft: string,
  result: FillResult,
  index: CellIndex,
  strings: Strings,
  language: Language
): DraftView {
  const sources = new Map(result.sources.map((s) => [s.start, s]));
  const segments: DraftSegment[] = [];
  const notes: DraftNote[] = [];
  const pushText = (text: string) => {
    if (!text) return;
    const last = segments[segments.length - 1];
    if (last?.kind === "text") last.text += text;
    else segments.push({ kind: "text", text });
  };
  let at = 0;
  let out = 0;
  for (const item of [...result.items].sort((a, b) => a.start - b.start)) {
    if (item.start < at) continue;
    const before = draft.slice(at, item.start);
    pushText(before);
    out += before.length;
    const written = draft.slice(item.start, item.end);
    if (item.status === "filled" && item.value !== undefined) {
      const span = spanOf(item, out, sources);
      const target = cellTarget(`${span.sheet}!${span.cell}`);
      segments.push({
        kind: "filled",
        text: item.value,
        tooltip: [
          ...(item.indicator
            ? [strings.draftWhere(item.indicator, fieldName(item.field, language))]
            : []),
          ...tooltipLines(span, index, strings),
        ],
        target,
      });
      out += item.value.length;
    } else if (item.status === "left") {
      const reason = (language === "en" ? item.reasonEn : item.reason) ?? "";
      const target = cellTarget(item.cell);
      segments.push({ kind: "left", text: written, tooltip: [reason], target });
      notes.push({
        key: `left-${item.index}`,
        text: item.placeholder,
        message: reason,
        sentence: item.sentence,
        target,
        ...(item.candidates && item.candidates.length > 1
          ? {
              choices: item.candidates.map((c) => ({
                label: `${c.indicator}（${c.cell}）`,
                indicatorId: c.indicatorId,
                start: item.start,
              })),
            }
          : {}),
      });
      out += written.length;
    } else {
      pushText(written);
      out += written.length;
    }
    at = item.end;
  }
  pushText(draft.slice(at));
  const { filled, left, skipped, numbers } = result.summary;
  const extra = skipped > 0 ? [strings.draftFillSkipped(skipped)] : [];
  return {
    action: "fill",
    segments,
    text: result.text,
    summary: numbers > 0 ? strings.draftFillSummary(filled, numbers, left) : strings.draftFillNone,
    extra,
    empty: numbers === 0,
    notes,
    unchecked: [],
    counts: countsOf(segments),
  };
}

function checkTooltip(item: CheckItem, strings: Strings, language: Language): string[] {
  const lines = [language === "en" ? item.messageEn : item.message];
  if (language === "en" && item.cells.length > 0)
    lines.push(strings.sourceValue(item.cells.join(strings.listSeparator)));
  if (item.status === "mismatch" && item.expected) lines.push(strings.draftExpected(item.expected));
  return lines;
}

/**
 * The checked draft, cut at the numbers compared: those that agree, those that differ (with
 * the expected value and the cell), those that could not be checked; the rest as text.
 */
export function checkView(
  draft: string,
  result: DraftCheck,
  strings: Strings,
  language: Language
): DraftView {
  type Mark = {
    start: number;
    end: number;
    segment: DraftSegment;
    note?: DraftNote;
    unchecked?: DraftNote;
  };
  const marks: Mark[] = [];
  result.items.forEach((item, i) => {
    const target = cellTarget(item.cell);
    const message = language === "en" ? item.messageEn : item.message;
    marks.push({
      start: item.start,
      end: item.end,
      segment: {
        kind: item.status === "confirmed" ? "confirmed" : "mismatch",
        text: item.text,
        tooltip:
          item.status === "confirmed" && item.expected
            ? [
                strings.draftConfirmed(item.expected),
                strings.draftWhere(item.indicator, fieldName(item.field, language)),
                ...(target ? [strings.sourceValue(item.cells.join(strings.listSeparator))] : []),
                // Confirmed with a doubt to see: a stale hidden copy, a disputed stated rate.
                ...(item.warning
                  ? [(language === "en" ? item.warningEn : item.warning) ?? ""]
                  : []),
              ]
            : checkTooltip(item, strings, language),
        target,
        ...(item.status === "mismatch" && item.expected ? { expected: item.expected } : {}),
      },
      note:
        item.status === "mismatch"
          ? {
              key: `mismatch-${i}`,
              text: item.text,
              message:
                language === "en" && item.expected
                  ? `${message} (${strings.draftExpected(item.expected)})`
                  : message,
              sentence: item.sentence,
              target,
            }
          : undefined,
    });
  });
  result.unchecked.forEach((u, i) => {
    const reason = language === "en" ? u.reasonEn : u.reason;
    const note = { key: `unchecked-${i}`, text: u.text, message: reason, sentence: u.sentence };
    marks.push({
      start: u.start,
      end: u.start + u.text.length,
      segment: { kind: "unchecked", text: u.text, tooltip: [reason] },
      unchecked: note,
    });
  });
  marks.sort((a, b) => a.start - b.start);
  const segments: DraftSegment[] = [];
  const notes: DraftNote[] = [];
  const unchecked: DraftNote[] = [];
  let at = 0;
  for (const mark of marks) {
    if (mark.start < at || mark.end > draft.length || mark.start >= mark.end) continue;
    if (draft.slice(mark.start, mark.end) !== mark.segment.text) continue;
    if (mark.start > at) segments.push({ kind: "text", text: draft.slice(at, mark.start) });
    segments.push(mark.segment);
    if (mark.note) notes.push(mark.note);
    if (mark.unchecked) unchecked.push(mark.unchecked);
    at = mark.end;
  }
  if (at < draft.length) segments.push({ kind: "text", text: draft.slice(at) });
  const { confirmed, mismatches, numbers } = result.summary;
  const extra =
    result.placeholders > 0 ? [strings.draftCheckPlaceholders(result.placeholders)] : [];
  return {
    action: "check",
    segments,
    text: draft,
    summary:
      numbers > 0
        ? strings.draftCheckSummary(confirmed, mismatches, result.summary.unchecked)
        : strings.draftCheckNone,
    extra,
    empty: numbers === 0,
    notes,
    unchecked,
    counts: countsOf(segments),
  };
}

/** Fills or checks `draft` against the analysis and returns what the tab shows. */
export function draftView(
  action: "fill" | "check",
  draft: string,
  analysis: Analysis,
  strings: Strings,
  language: Language,
  index: CellIndex = indexCells(analysis.indicators),
  choices: FillChoices = new Map()
): DraftView {
  return action === "fill"
    ? fillView(draft, fillDraft(draft, analysis, choices), index, strings, language)
    : checkView(draft, checkDraft(draft, analysis), strings, language);
}

// ---------------------------------------------------------------------------
// Outline and the Word document

export interface OutlineSectionView {
  key: string;
  level: 1 | 2 | 3 | 4;
  /** "一、就业工作" */
  heading: string;
  /** What the section covers: indicator and category names, or the template. */
  covers: string;
  /** Where it is configured in the 报告配置 sheet. */
  target?: CellTarget;
  paragraphs: number;
}

export interface OutlineFindingView {
  key: string;
  severity: Finding["severity"];
  text: string;
  target?: CellTarget;
}

export interface OutlineView {
  source: Outline["source"];
  /** "报告结构（来自“报告配置”工作表）" or the default's caption. */
  caption: string;
  /** The report's title: "2023年度工作总结". */
  title: string;
  sections: OutlineSectionView[];
  findings: OutlineFindingView[];
  /** "2023年度工作总结.docx" */
  fileName: string;
}

export interface WordReport {
  outline: Outline;
  report: Report;
  view: OutlineView;
}

const MAX_TEMPLATE = 40;

function shortText(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, " ").trim()];
  return chars.length <= max ? chars.join("") : `${chars.slice(0, max - 1).join("")}…`;
}

function coversText(blocks: OutlineBlock[], strings: Strings, language: Language): string {
  const parts: string[] = [];
  for (const block of blocks) {
    if (block.template !== undefined) {
      parts.push(strings.outlineTemplate(shortText(block.template, MAX_TEMPLATE)));
      continue;
    }
    for (const item of block.items) {
      const category = item.kind === "indicator" ? undefined : item.category;
      const name = category
        ? CATEGORY_TITLES[category][language === "en" ? "en" : "zh"]
        : item.kind === "indicator"
          ? item.name
          : item.text;
      if (!parts.includes(name)) parts.push(name);
    }
  }
  return parts.length > 0 ? parts.join(strings.listSeparator) : strings.outlineTitleOnly;
}

/** Characters Windows does not allow in file names. */
const BAD_FILE_CHARS = /[\\/:*?"<>|]/g;

/** "2023年度工作总结" → "2023年度工作总结.docx"; never empty, no path characters. */
export function docxFileName(title: string): string {
  const name = [...title]
    .map((c) => (c < " " ? " " : c))
    .join("")
    .replace(BAD_FILE_CHARS, "")
    .replace(/\s+/g, " ")
    .trim();
  return `${name || "工作总结"}.docx`;
}

/**
 * The report written for the workbook's outline (parseOutline: its 报告配置 sheet, or one
 * section per category; the default one when not given), and what the tab shows of it.
 */
export function wordReport(
  outline: Outline | undefined,
  analysis: Analysis,
  strings: Strings,
  language: Language,
  /** The report already written for this outline (the session's), else written here. */
  written?: Report
): WordReport {
  outline ??= defaultOutline(analysis);
  const report = written ?? buildFullReport(analysis, outline);
  const sections = outline.sections.map((section, i): OutlineSectionView => {
    const written = report.sections[i];
    const target = section.ref && cellTarget(`${section.ref.sheet}!${section.ref.cell}`);
    const view: OutlineSectionView = {
      key: `section-${i}`,
      level: section.level,
      heading: written?.heading ?? section.title,
      covers: coversText(section.blocks, strings, language),
      paragraphs: written?.paragraphs.length ?? 0,
    };
    if (target) view.target = target;
    return view;
  });
  const findings = report.findings.map((f, i): OutlineFindingView => {
    const view: OutlineFindingView = {
      key: `finding-${i}`,
      severity: f.severity,
      text: language === "en" ? f.messageEn : f.message,
    };
    const target = f.cell ? cellTarget(`${f.sheet}!${f.cell}`) : undefined;
    if (target) view.target = target;
    return view;
  });
  return {
    outline,
    report,
    view: {
      source: outline.source,
      caption:
        outline.source === "sheet" && outline.sheet
          ? strings.outlineFromSheet(outline.sheet)
          : strings.outlineDefault,
      title: report.title,
      sections,
      findings,
      fileName: docxFileName(report.title),
    },
  };
}
