/**
 * The JSON contract others script against (`indicator-report --format json`). Every key is
 * always present; missing values are null. Rates are fractions (1.04 = 104%); cells are A1
 * addresses on the indicator's sheet. Add keys freely; never rename or remove one.
 */
import { Analysis, Category, Direction, Indicator, Severity, Status } from "./model";

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
    cells: {
      name: indicator.nameRef.cell,
      target: indicator.target?.ref.cell ?? null,
      actual: indicator.actual?.ref.cell ?? null,
      previous: indicator.previous?.ref.cell ?? null,
      priorPeriod: indicator.priorPeriod?.ref.cell ?? null,
    },
  };
}

export function toJsonReport(analysis: Analysis, workbookName?: string): JsonReport {
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
      sources: p.sources.map((s) => ({
        text: s.text,
        sheet: s.sheet,
        cell: s.cell,
        start: s.start,
        end: s.end,
        kind: s.kind,
        cells: s.cells,
      })),
      omitted: p.omitted.map((o) => ({ name: o.name, sheet: o.sheet, cell: o.cell })),
    })),
  };
}
