/**
 * The JSON contract others script against (`indicator-report --format json`). Every key is
 * always present; missing values are null. Rates are fractions (1.04 = 104%); cells are A1
 * addresses on the indicator's sheet. Add keys freely; never rename or remove one.
 */
import { Analysis, Category, Direction, Indicator, Severity, SourceSpan, Status } from "./model";
import type { Report } from "./report/writing/report";

export const CONTRACT_VERSION = 1;

export interface JsonReport {
  version: number;
  workbook: string | null;
  period: number;
  year: number | null;
  tables: {
    sheet: string;
    name: string;
    range: string;
    category: Category;
    source: string;
    title: string | null;
  }[];
  indicators: {
    id: string;
    name: string;
    label: string;
    unit: string;
    category: Category;
    sheet: string;
    target: number | null;
    actual: number | null;
    previous: number | null;
    /** Year-to-date value of an earlier period ("1—9月" beside "1—10月"). */
    priorPeriod: number | null;
    completionRate: number | null;
    growth: number | null;
    growthKind: "relative" | "points" | null;
    status: Status;
    direction: Direction;
    parent: string | null;
    isTotal: boolean;
    approximate: boolean;
    /** The workbook's headings above the row ("民生保障"), outermost first. */
    section: string[];
    /** Its 类别 cell, when the table has one. */
    context: string | null;
    /** Whether the report may quote it (the engine's one decision). */
    quotable: boolean;
    /** The finding code that keeps it out of the report, when it is withheld. */
    withheldBy: string | null;
    /** Codes of the findings that mark its figures 需核实. */
    doubts: string[];
    cells: {
      name: string;
      target: string | null;
      actual: string | null;
      previous: string | null;
      priorPeriod: string | null;
    };
  }[];
  findings: {
    severity: Severity;
    code: string;
    message: string;
    messageEn: string;
    sheet: string;
    cell: string | null;
    indicator: string | null;
  }[];
  paragraphs: {
    category: Category;
    title: string;
    text: string;
    sources: {
      text: string;
      sheet: string;
      cell: string;
      start: number;
      end: number;
      kind: string;
      cells: string[];
    }[];
    omitted: { name: string; sheet: string; cell: string }[];
  }[];
  /** The report as every face renders it: its title and numbered sections. */
  report: {
    title: string;
    sections: {
      level: number;
      number: string;
      title: string;
      heading: string;
      paragraphs: { text: string; sources: JsonSource[] }[];
      omitted: { name: string; sheet: string; cell: string; reason: string }[];
    }[];
  } | null;
}

type JsonSource = JsonReport["paragraphs"][number]["sources"][number] & {
  doubt: { code: string; message: string } | null;
};

function sourceJson(s: SourceSpan): JsonSource {
  return {
    text: s.text,
    sheet: s.sheet,
    cell: s.cell,
    start: s.start,
    end: s.end,
    kind: s.kind,
    cells: s.cells,
    doubt: s.doubt ? { code: s.doubt.code, message: s.doubt.message } : null,
  };
}

function indicatorJson(
  indicator: Indicator,
  byId: Map<string, Indicator>
): JsonReport["indicators"][number] {
  return {
    id: indicator.id,
    name: indicator.name,
    label: indicator.label,
    unit: indicator.unit,
    category: indicator.category,
    sheet: indicator.sheet,
    target: indicator.target?.value ?? null,
    actual: indicator.actual?.value ?? null,
    previous: indicator.previous?.value ?? null,
    priorPeriod: indicator.priorPeriod?.value ?? null,
    completionRate: indicator.completionRate ?? null,
    growth: indicator.growth ?? null,
    growthKind: indicator.growthKind ?? null,
    status: indicator.status,
    direction: indicator.direction,
    parent: indicator.parentId ? (byId.get(indicator.parentId)?.name ?? null) : null,
    isTotal: indicator.isTotal,
    approximate: !!indicator.actual?.approx,
    section: indicator.section.map((h) => h.title),
    context: indicator.context ?? null,
    quotable: indicator.trust.kind === "quotable",
    withheldBy: indicator.trust.kind === "withheld" ? indicator.trust.because.code : null,
    doubts: indicator.trust.kind === "quotable" ? indicator.trust.doubts.map((d) => d.code) : [],
    cells: {
      name: indicator.nameRef.cell,
      target: indicator.target?.ref.cell ?? null,
      actual: indicator.actual?.ref.cell ?? null,
      previous: indicator.previous?.ref.cell ?? null,
      priorPeriod: indicator.priorPeriod?.ref.cell ?? null,
    },
  };
}

export function toJsonReport(
  analysis: Analysis,
  workbookName?: string,
  report?: Report
): JsonReport {
  const byId = new Map(analysis.indicators.map((i) => [i.id, i]));
  return {
    version: CONTRACT_VERSION,
    workbook: workbookName ?? null,
    period: analysis.months,
    year: analysis.year ?? null,
    tables: analysis.tables.map((t) => ({
      sheet: t.sheet,
      name: t.name,
      range: t.range,
      category: t.category,
      source: t.source,
      title: t.title ?? null,
    })),
    indicators: analysis.indicators.map((i) => indicatorJson(i, byId)),
    findings: analysis.findings.map((f) => ({
      severity: f.severity,
      code: f.code,
      message: f.message,
      messageEn: f.messageEn,
      sheet: f.sheet,
      cell: f.cell ?? null,
      indicator: f.indicator ?? null,
    })),
    paragraphs: analysis.paragraphs.map((p) => ({
      category: p.category,
      title: p.title,
      text: p.text,
      sources: p.sources.map(sourceJson),
      omitted: p.omitted.map((o) => ({ name: o.name, sheet: o.sheet, cell: o.cell })),
    })),
    report: report
      ? {
          title: report.title,
          sections: report.sections.map((section) => ({
            level: section.level,
            number: section.number,
            title: section.title,
            heading: section.heading,
            paragraphs: section.paragraphs.map((p) => ({
              text: p.text,
              sources: p.sources.map(sourceJson),
            })),
            omitted: section.omitted.map((o) => ({
              name: o.name,
              sheet: o.sheet,
              cell: o.cell,
              reason: o.reason,
            })),
          })),
        }
      : null,
  };
}
