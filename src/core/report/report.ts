/**
 * The whole report: a title ("2023年度工作总结"), numbered headings (一、 （一） 1. （1）) and
 * paragraphs, each number traceable to its cell through SourceSpans, as the engine's
 * paragraphs are. Faces (Word export, CLI, task pane) render a Report; none recomputes it.
 */
import { formatYear, periodPhrase } from "../format";
import { Analysis, CellRef, Finding, Indicator, SourceSpan } from "../model";
import { isQuotable, writeIndicatorText } from "../narrative";
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

const DIGITS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (up to 99). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n] || "〇";
  if (n >= 100) return String(n);
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? "" : DIGITS[tens]}十${DIGITS[n % 10]}`;
}

/** The heading number of the n-th section (1-based) at a level. */
export function headingNumber(level: HeadingLevel, n: number): string {
  if (level === 1) return `${chineseNumber(n)}、`;
  if (level === 2) return `（${chineseNumber(n)}）`;
  if (level === 3) return `${n}.`;
  return `（${n}）`;
}

/** "2023年度工作总结", "2023年上半年工作总结", "2023年1—10月工作总结", or "工作总结". */
export function reportTitle(analysis: Analysis): string {
  if (analysis.year === undefined) return "工作总结";
  const year = formatYear(analysis.year, analysis.options.yearStyle);
  if (analysis.months >= 12) return `${year}度工作总结`;
  return `${year}${periodPhrase(analysis.months)}工作总结`;
}

function blockParagraphs(
  block: OutlineBlock,
  analysis: Analysis,
  render: RenderContext,
  findings: Finding[],
  ids: Set<string>
): ReportParagraph[] {
  if (block.template !== undefined) {
    const result = renderTemplate(block.template, analysis, render);
    result.indicatorIds.forEach((id) => ids.add(id));
    return result.text.trim() ? [{ text: result.text, sources: result.sources }] : [];
  }
  const paragraphs: ReportParagraph[] = [];
  const chosen: Indicator[] = [];
  for (const item of block.items) {
    if (item.kind === "category") {
      const p = analysis.paragraphs.find((x) => x.category === item.category);
      if (p) {
        paragraphs.push({ text: p.text, sources: p.sources });
        p.indicatorIds.forEach((id) => ids.add(id));
      }
      continue;
    }
    const indicator = analysis.indicators.find((i) => i.id === item.indicatorId);
    if (indicator && !chosen.includes(indicator)) chosen.push(indicator);
  }
  if (chosen.length > 0) {
    const ctx = render.narrative;
    const quotable = chosen.filter((i) => i.actual && isQuotable(i, ctx));
    for (const left of chosen.filter((i) => !quotable.includes(i))) {
      const cell = left.actual?.ref.cell ?? left.nameRef.cell;
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
  return paragraphs;
}

/**
 * Writes the report for an outline (parseOutline(workbook, analysis), or the default outline
 * of one section per category).
 */
export function buildReport(
  analysis: Analysis,
  outline: Outline = defaultOutline(analysis)
): Report {
  const render = renderContext(analysis);
  const findings: Finding[] = [...outline.findings];
  const counters = [0, 0, 0, 0];
  const sections: ReportSection[] = outline.sections.map((section) => {
    const index = section.level - 1;
    counters[index]++;
    for (let deeper = index + 1; deeper < counters.length; deeper++) counters[deeper] = 0;
    const number = section.title ? headingNumber(section.level, counters[index]) : "";
    const ids = new Set<string>();
    const paragraphs = section.blocks.flatMap((b) =>
      blockParagraphs(b, analysis, render, findings, ids)
    );
    const result: ReportSection = {
      level: section.level,
      number,
      title: section.title,
      heading: `${number}${section.title}`,
      paragraphs,
      indicatorIds: [...ids],
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

/** The report as plain text: title, headings and paragraphs, one per line. */
export function reportToText(report: Report): string {
  const lines = [report.title, ""];
  for (const section of report.sections) {
    if (section.heading) lines.push(section.heading);
    for (const p of section.paragraphs) lines.push(p.text);
  }
  return `${lines.join("\n")}\n`;
}
