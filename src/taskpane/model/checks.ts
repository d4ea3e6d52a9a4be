/** Checks tab: findings grouped by severity, with counts for the tab's badge. */
import { Finding, Severity } from "../../core/model";
import { Language, Strings } from "../i18n";
import { refText } from "./format";

export interface FindingItem {
  key: string;
  code: string;
  /** The message without its leading location ("就业!G9 "): the location is shown apart. */
  text: string;
  location: string;
  sheet: string;
  cell?: string;
  indicator?: string;
}

export interface SeverityGroup {
  severity: Severity;
  label: string;
  hint: string;
  items: FindingItem[];
}

export interface ChecksView {
  groups: SeverityGroup[];
  counts: Record<Severity, number>;
  /** What the tab's CounterBadge shows: errors first, else things to confirm. */
  badge?: { count: number; color: "danger" | "important"; label: string };
}

const ORDER: Severity[] = ["error", "warning", "info"];

export function severityLabel(severity: Severity, strings: Strings): string {
  return severity === "error"
    ? strings.severityError
    : severity === "warning"
      ? strings.severityWarning
      : strings.severityInfo;
}

function severityHint(severity: Severity, strings: Strings): string {
  return severity === "error"
    ? strings.severityErrorHint
    : severity === "warning"
      ? strings.severityWarningHint
      : strings.severityInfoHint;
}

/** "就业!G9 “开发公益性岗位”上年同期数…" → "“开发公益性岗位”上年同期数…". */
export function stripLocation(message: string, location: string): string {
  const prefix = `${location} `;
  return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}

export function findingItem(finding: Finding, index: number, language: Language): FindingItem {
  const location = refText(finding);
  const message = language === "en" ? finding.messageEn : finding.message;
  const item: FindingItem = {
    key: `${finding.code}-${location}-${index}`,
    code: finding.code,
    text: stripLocation(message, location),
    location,
    sheet: finding.sheet,
  };
  if (finding.cell) item.cell = finding.cell;
  if (finding.indicator) item.indicator = finding.indicator;
  return item;
}

export function buildChecks(findings: Finding[], strings: Strings, language: Language): ChecksView {
  // NO_TABLES is what the empty state explains; it is not a problem with the data.
  const shown = findings.filter((f) => f.code !== "NO_TABLES");
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of shown) counts[f.severity]++;
  const groups = ORDER.map((severity) => ({
    severity,
    label: severityLabel(severity, strings),
    hint: severityHint(severity, strings),
    items: shown
      .map((f, i) => ({ f, i }))
      .filter(({ f }) => f.severity === severity)
      .map(({ f, i }) => findingItem(f, i, language)),
  })).filter((g) => g.items.length > 0);
  const view: ChecksView = { groups, counts };
  if (counts.error > 0)
    view.badge = {
      count: counts.error,
      color: "danger",
      label: strings.checksBadgeErrors(counts.error),
    };
  else if (counts.warning > 0)
    view.badge = {
      count: counts.warning,
      color: "important",
      label: strings.checksBadgeWarnings(counts.warning),
    };
  return view;
}
