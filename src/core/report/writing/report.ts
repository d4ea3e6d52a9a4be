/**
 * The whole report: a title ("2023年度工作总结"), numbered headings (一、 （一） 1. （1）) and
 * paragraphs, each number traceable to its cell through SourceSpans, as the engine's
 * paragraphs are. Faces (Word export, CLI, task pane) render a Report; none recomputes it.
 */
import { chineseNumber, formatYear, headingNumber, periodPhrase } from "../../lexicon";
import { Analysis, CellRef, Finding, Indicator, OmittedIndicator, SourceSpan } from "../../model";
import { tableSectionTitles } from "../../categories";
import {
  WorkbookSection,
  WrittenSection,
  WrittenText,
  isQuotable,
  workbookSections,
  writeIndicatorText,
  writeSection,
} from "../../narrative";
import { HeadingLevel, Outline, OutlineBlock, defaultOutline } from "./outline";
import { RenderContext, renderContext, renderTemplate } from "./template";

export interface ReportParagraph {
  text: string;
  sources: SourceSpan[];
}

export interface ReportSection {
  level: HeadingLevel;
  /** "一、", "（一）", "1.", "（1）". */
  number: string;
  title: string;
  /** number + title: "一、就业工作". */
  heading: string;
  paragraphs: ReportParagraph[];
  /** Indicators quoted in the section's paragraphs. */
  indicatorIds: string[];
  /** Indicators of the section left out until a cell is fixed, with that cell and why. */
  omitted: OmittedIndicator[];
  /** Where the section was configured (报告配置 sheet), when it was. */
  ref?: CellRef;
}

export interface Report {
  title: string;
  sections: ReportSection[];
  /** The outline's findings and what could not be written (indicators with errors to fix). */
  findings: Finding[];
  year?: number;
  months: number;
}

export { chineseNumber, headingNumber };

/** "2023年度工作总结", "2023年上半年工作总结", "2023年1—10月工作总结", or "工作总结". */
export function reportTitle(analysis: Analysis): string {
  // The office the workbook names ("青山街道2024年度工作总结"), as its own summary is titled.
  const unit = analysis.unit ?? "";
  if (analysis.year === undefined) return `${unit}工作总结`;
  const year = formatYear(analysis.year, analysis.options.yearStyle);
  if (analysis.months >= 12) return `${unit}${year}度工作总结`;
  return `${unit}${year}${periodPhrase(analysis.months)}工作总结`;
}

interface SectionParts {
  paragraphs: ReportParagraph[];
  omitted: OmittedIndicator[];
}

function fromWritten(written: WrittenSection, ids: Set<string>): SectionParts {
  for (const p of written.paragraphs) p.indicatorIds.forEach((id) => ids.add(id));
  return {
    paragraphs: written.paragraphs.map((p) => ({ text: p.text, sources: p.sources })),
    omitted: written.omitted,
  };
}

function blockParagraphs(
  block: OutlineBlock,
  analysis: Analysis,
  render: RenderContext,
  findings: Finding[],
  ids: Set<string>
): SectionParts {
  if (block.template !== undefined) {
    const result = renderTemplate(block.template, analysis, render);
    result.indicatorIds.forEach((id) => ids.add(id));
    return {
      paragraphs: result.text.trim() ? [{ text: result.text, sources: result.sources }] : [],
      omitted: [],
    };
  }
  const paragraphs: ReportParagraph[] = [];
  const omitted: OmittedIndicator[] = [];
  const chosen: Indicator[] = [];
  const ctx = render.narrative;
  for (const item of block.items) {
    if (item.kind === "section") {
      const rows = ctx.clauseFor ? sectionRows(analysis)[item.index] : undefined;
      const written = rows ? writeSection(rows, ctx) : analysis.sections[item.index];
      if (!written) continue;
      const parts = fromWritten(written, ids);
      for (const p of parts.paragraphs) paragraphs.push(p);
      for (const o of parts.omitted) omitted.push(o);
      continue;
    }
    if (item.kind === "category") {
      const rows = analysis.indicators.filter((i) => i.category === item.category);
      const written = writeSection({ path: [], category: item.category, rows }, ctx);
      const parts = fromWritten(written, ids);
      for (const p of parts.paragraphs) paragraphs.push(p);
      for (const o of parts.omitted) omitted.push(o);
      continue;
    }
    const indicator = analysis.indicators.find((i) => i.id === item.indicatorId);
    if (indicator && !chosen.includes(indicator)) chosen.push(indicator);
  }
  if (chosen.length > 0) {
    const quotable = chosen.filter((i) => isQuotable(i));
    for (const left of chosen.filter((i) => !quotable.includes(i))) {
      const cell =
        left.trust.kind === "withheld"
          ? left.trust.because.ref.cell
          : (left.actual?.ref.cell ?? left.nameRef.cell);
      const reason = left.trust.kind === "withheld" ? left.trust.because.message : "没有完成数";
      omitted.push({ indicatorId: left.id, name: left.name, sheet: left.sheet, cell, reason });
      findings.push({
        severity: "warning",
        code: "REPORT_INDICATOR_LEFT_OUT",
        message: `${left.sheet}!${cell} “${left.name}”${left.actual ? "有待修正的数据" : "没有完成数"}，未写入报告`,
        messageEn: `${left.sheet}!${cell} ${left.name} is left out of the report (${left.actual ? "a value to fix" : "no completed value"})`,
        sheet: left.sheet,
        cell,
        indicator: left.name,
      });
    }
    if (quotable.length > 0) {
      const written = writeIndicatorText(quotable, analysis.indicators, ctx);
      written.indicatorIds.forEach((id) => ids.add(id));
      paragraphs.push({ text: written.text, sources: written.sources });
    }
  }
  return { paragraphs, omitted };
}

/** The sentences set for single indicators, rendered on demand. */
function clauseWriter(
  outline: Outline,
  analysis: Analysis,
  render: RenderContext
): (indicator: Indicator) => WrittenText | undefined {
  const byId = new Map(outline.clauses.map((c) => [c.indicatorId, c.template]));
  return (indicator) => {
    const template = byId.get(indicator.id);
    if (template === undefined) return undefined;
    const result = renderTemplate(template, analysis, render);
    if (result.errors.length > 0 || !result.text.trim()) return undefined;
    return { text: result.text, sources: result.sources, indicatorIds: result.indicatorIds };
  };
}

/** The workbook's sections with their rows, as the engine formed them (for rewriting). */
function sectionRows(analysis: Analysis): WorkbookSection[] {
  const titles = new Map(tableSectionTitles(analysis.tables).map((t) => [t.id, t.title]));
  return workbookSections(analysis.indicators, titles);
}

/**
 * Writes the report for an outline (parseOutline(workbook, analysis), or the default outline
 * of one section per category).
 */
export function buildReport(
  analysis: Analysis,
  outline: Outline = defaultOutline(analysis)
): Report {
  const base = renderContext(analysis);
  const render: RenderContext =
    outline.clauses.length > 0
      ? {
          ...base,
          narrative: { ...base.narrative, clauseFor: clauseWriter(outline, analysis, base) },
        }
      : base;
  const findings: Finding[] = [...outline.findings];
  const counters = [0, 0, 0, 0];
  const sections: ReportSection[] = outline.sections.map((section) => {
    const index = section.level - 1;
    counters[index]++;
    for (let deeper = index + 1; deeper < counters.length; deeper++) counters[deeper] = 0;
    const number = section.title ? headingNumber(section.level, counters[index]) : "";
    const ids = new Set<string>();
    const parts = section.blocks.map((b) => blockParagraphs(b, analysis, render, findings, ids));
    const paragraphs = parts.flatMap((p) => p.paragraphs);
    const omitted = parts.flatMap((p) => p.omitted);
    const result: ReportSection = {
      level: section.level,
      number,
      title: section.title,
      heading: `${number}${section.title}`,
      paragraphs,
      indicatorIds: [...ids],
      omitted,
    };
    if (section.ref) result.ref = section.ref;
    return result;
  });
  const report: Report = {
    title: outline.title ?? reportTitle(analysis),
    sections,
    findings,
    months: analysis.months,
  };
  if (analysis.year !== undefined) report.year = analysis.year;
  return report;
}
