/**
 * Whether the report may quote each indicator, decided once, from the findings on its cells,
 * and carried on the indicator (`trust`). Every face and the report read it; none decides again.
 */
import { cellKey } from "./address";
import { quotingEffectOf } from "./findings";
import { CellRef, Doubt, Finding, Indicator, SourcedNumber, Trust } from "./model";

/** The cells whose numbers a clause about the indicator may quote or compute from. */
function valueCells(indicator: Indicator): { field: string; value: SourcedNumber }[] {
  const cells: { field: string; value: SourcedNumber }[] = [];
  for (const field of ["target", "actual", "previous", "statedRate", "statedGrowth"] as const) {
    const value = indicator[field];
    if (value) cells.push({ field, value });
  }
  return cells;
}

function doubtOf(finding: Finding): Doubt {
  return {
    code: finding.code,
    severity: finding.severity,
    ref: { sheet: finding.sheet, cell: finding.cell as string },
    message: finding.message,
    messageEn: finding.messageEn,
  };
}

/** Findings by the cell they point at. */
export function findingsByCell(findings: Finding[]): Map<string, Finding[]> {
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!f.cell) continue;
    const key = cellKey({ sheet: f.sheet, cell: f.cell });
    const list = byCell.get(key);
    if (list) list.push(f);
    else byCell.set(key, [f]);
  }
  return byCell;
}

/**
 * Withheld when the name, target, completed value or a stated rate has an error or a number in
 * doubt (a 元/万元 slip, a conflicting copy); quotable without growth when only last year's
 * value is in doubt; marked figures for warnings that ask for confirmation.
 */
export function trustOf(indicator: Indicator, byCell: Map<string, Finding[]>): Trust {
  const at = (ref: CellRef) => byCell.get(cellKey(ref)) ?? [];
  const doubts: Doubt[] = [];
  let growth = true;
  const places = [{ field: "name", value: { ref: indicator.nameRef } }, ...valueCells(indicator)];
  for (const { field, value } of places) {
    for (const finding of at(value.ref)) {
      const effect = quotingEffectOf(finding);
      if (!effect) continue;
      if (effect.effect === "mark") doubts.push(doubtOf(finding));
      else if (field === "previous" || field === "statedGrowth") growth = false;
      else return { kind: "withheld", because: doubtOf(finding) };
    }
  }
  return { kind: "quotable", growth, doubts };
}

/** Sets every indicator's trust from the findings (the engine's last step before writing). */
export function decideTrust(indicators: Indicator[], findings: Finding[]): Indicator[] {
  const byCell = findingsByCell(findings);
  return indicators.map((i) => ({ ...i, trust: trustOf(i, byCell) }));
}

// Named questions, asked the same way everywhere.

/** The report may quote the indicator's numbers (it has a completed value and nothing to fix). */
export function isQuotable(indicator: Indicator): boolean {
  return indicator.trust.kind === "quotable" && indicator.actual !== undefined;
}

/** Its growth over last year may be written. */
export function isGrowthQuotable(indicator: Indicator): boolean {
  return (
    indicator.trust.kind === "quotable" &&
    indicator.trust.growth &&
    indicator.growth !== undefined &&
    !!indicator.actual &&
    !!indicator.previous
  );
}

/** The doubt (需核实) that marks its rate or its growth, if any. */
export function doubtOn(indicator: Indicator, on: "rate" | "growth"): Doubt | undefined {
  if (indicator.trust.kind !== "quotable") return undefined;
  return indicator.trust.doubts.find((d) => {
    const effect = quotingEffectOf({
      code: d.code,
      severity: d.severity,
      sheet: d.ref.sheet,
      message: "",
      messageEn: "",
    });
    return effect?.effect === "mark" && effect.on === on;
  });
}

/** Left out of the report until a cell is fixed. */
export function isWithheld(indicator: Indicator): boolean {
  return indicator.trust.kind === "withheld";
}
