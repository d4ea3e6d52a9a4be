/**
 * The district's report as the engine's Report, so that every face (text, Markdown, Word)
 * renders it the way it renders a unit's.
 */
import { Analysis, ResolvedOptions } from "../model";
import { formatYear } from "../lexicon/numbering";
import { periodPhrase } from "../lexicon/period";
import { DISTRICT_WORDS } from "../lexicon/district";
import { Report, buildReport } from "../report/writing/report";
import { Rollup } from "./model";

/** The roll-up as an analysis of the 汇总 sheet: its rows, sections and paragraphs. */
export function districtAnalysis(rollup: Rollup, options: ResolvedOptions): Analysis {
  const analysis: Analysis = {
    tables: [],
    indicators: rollup.districtIndicators,
    findings: [],
    sections: rollup.sections,
    paragraphs: rollup.paragraphs,
    options,
    months: rollup.months,
  };
  if (rollup.year !== undefined) analysis.year = rollup.year;
  return analysis;
}

/** "云溪区2023年度主要指标完成情况", "全区2023年1—10月主要指标完成情况" when no name is known. */
export function districtTitle(rollup: Rollup, options: ResolvedOptions): string {
  const year = rollup.year !== undefined ? formatYear(rollup.year, options.yearStyle) : "";
  const period = rollup.months >= 12 ? (year ? "度" : "") : periodPhrase(rollup.months);
  return `${rollup.district ?? DISTRICT_WORDS.whole}${year}${period}主要指标完成情况`;
}

export function districtReport(rollup: Rollup, options: ResolvedOptions): Report {
  const report = buildReport(districtAnalysis(rollup, options));
  return { ...report, title: districtTitle(rollup, options) };
}
