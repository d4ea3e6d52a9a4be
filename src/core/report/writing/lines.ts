/**
 * The report as lines: the one rendering every face uses (CLI text and Markdown, the 报告 sheet,
 * the clipboard, the 报告 tab and Word), so they cannot disagree. A line is the title, a
 * heading with its number, a paragraph with its sources, or a note for the statistician: the
 * indicators left out until a cell is fixed, and the figures to confirm (需核实).
 */
import { SourceSpan } from "../../model";
import { HeadingLevel } from "../../lexicon/numbering";
import { Report, ReportSection } from "./report";

export type ReportLine =
  | { kind: "title"; text: string }
  | { kind: "heading"; level: HeadingLevel; text: string; section: number }
  | { kind: "paragraph"; text: string; sources: SourceSpan[]; section: number }
  | { kind: "note"; note: "omitted" | "doubt"; text: string; section: number };

/** "（未写入，待修正数据后重新生成：A（就业!E9：…））". */
export function omittedNote(section: ReportSection): string | undefined {
  if (section.omitted.length === 0) return undefined;
  const items = section.omitted.map((o) => `${o.name}（${o.sheet}!${o.cell}）`);
  return `（未写入，待修正数据后重新生成：${items.join("、")}）`;
}

/** "（需核实：城建!F36 “新建公厕”同比+150%，…）": figures quoted that ask for confirmation. */
export function doubtNote(section: ReportSection): string | undefined {
  const doubts = section.paragraphs.flatMap((p) =>
    p.sources.filter((s) => s.doubt).map((s) => (s.doubt?.message ?? "").replace(/。$/, ""))
  );
  if (doubts.length === 0) return undefined;
  return `（需核实：${[...new Set(doubts)].join("；")}）`;
}

export function reportLines(report: Report): ReportLine[] {
  const lines: ReportLine[] = [{ kind: "title", text: report.title }];
  report.sections.forEach((section, index) => {
    if (section.heading)
      lines.push({ kind: "heading", level: section.level, text: section.heading, section: index });
    for (const p of section.paragraphs)
      lines.push({ kind: "paragraph", text: p.text, sources: p.sources, section: index });
    const doubt = doubtNote(section);
    if (doubt) lines.push({ kind: "note", note: "doubt", text: doubt, section: index });
    const omitted = omittedNote(section);
    if (omitted) lines.push({ kind: "note", note: "omitted", text: omitted, section: index });
  });
  return lines;
}

/** The report as plain text: one line per title, heading, paragraph and note. */
export function reportToText(report: Report): string {
  return `${reportLines(report)
    .map((l) => l.text)
    .join("\n")}\n`;
}

/** A heading and its text, as a 报告 sheet gets them (one block: heading row, text row). */
export interface ReportBlock {
  heading: string;
  text: string;
}

/**
 * The report's lines as blocks for the 报告 sheet: the title, then each section's heading with
 * its paragraphs and notes, one per line of the cell. Joined with line breaks (blank rows
 * skipped) they are reportToText, byte for byte.
 */
export function reportBlocks(report: Report): ReportBlock[] {
  const blocks: ReportBlock[] = [{ heading: report.title, text: "" }];
  let current: ReportBlock | undefined;
  for (const line of reportLines(report)) {
    if (line.kind === "title") continue;
    if (line.kind === "heading") {
      current = { heading: line.text, text: "" };
      blocks.push(current);
      continue;
    }
    if (!current) {
      current = { heading: "", text: "" };
      blocks.push(current);
    }
    current.text = current.text ? `${current.text}\n${line.text}` : line.text;
  }
  return blocks;
}
