/**
 * Whether the report may quote each indicator, decided once, from the findings on its cells,
 * and carried on the indicator (`trust`). Every face and the report read it; none decides again.
 */
import { cellKey } from "./address";
import { QuotingEffect, quotingEffectOf } from "./findings";
import { cellAddress } from "./transpose";
import { CellRef, Doubt, Finding, Indicator, IndicatorTable, SourcedNumber, Trust } from "./model";

const QUOTED_FIELDS = ["target", "actual", "previous", "statedRate", "statedGrowth"] as const;

/**
 * The cells a clause about the indicator may quote or compute from: its values, and through the
 * table's columns also the cells that could not be read at all ("一千二", #DIV/0!).
 */
function valueCells(
  indicator: Indicator,
  table: IndicatorTable | undefined
): { field: string; value: { ref: CellRef } }[] {
  const cells: { field: string; value: { ref: CellRef } }[] = [];
  for (const field of QUOTED_FIELDS) {
    const value: SourcedNumber | undefined = indicator[field];
    if (value) cells.push({ field, value });
    else {
      const col = table?.columns.find((c) => c.role === field)?.col;
      if (col !== undefined)
        cells.push({
          field,
          value: {
            ref: { sheet: indicator.sheet, cell: cellAddress(table ?? {}, indicator.row, col) },
          },
        });
    }
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

function quotable(growthHeldBy: Doubt | undefined, doubts: Doubt[]): Trust {
  return growthHeldBy
    ? { kind: "quotable", growth: false, growthHeldBy, doubts }
    : { kind: "quotable", growth: true, doubts };
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
export function trustOf(
  indicator: Indicator,
  byCell: Map<string, Finding[]>,
  table?: IndicatorTable
): Trust {
  const at = (ref: CellRef) => byCell.get(cellKey(ref)) ?? [];
  const doubts: Doubt[] = [];
  let growthHeldBy: Doubt | undefined;
  const places = [
    { field: "name", value: { ref: indicator.nameRef } },
    ...valueCells(indicator, table),
  ];
  for (const { field, value } of places) {
    for (const finding of at(value.ref)) {
      const effect = quotingEffectOf(finding);
      if (!effect) continue;
      if (effect.effect === "mark") doubts.push(doubtOf(finding));
      else if (field === "previous" || field === "statedGrowth") growthHeldBy ??= doubtOf(finding);
      else return { kind: "withheld", because: doubtOf(finding) };
    }
  }
  return quotable(growthHeldBy, doubts);
}

/** Findings that change how a cell may be quoted, by sheet and cell, in their order. */
type QuotingIndex = Map<string, Map<string, Finding[]>>;

function quotingIndex(findings: Finding[]): QuotingIndex {
  const bySheet: QuotingIndex = new Map();
  for (const f of findings) {
    if (!f.cell || !quotingEffectOf(f)) continue;
    let cells = bySheet.get(f.sheet);
    if (!cells) bySheet.set(f.sheet, (cells = new Map()));
    const list = cells.get(f.cell);
    if (list) list.push(f);
    else cells.set(f.cell, [f]);
  }
  return bySheet;
}

/**
 * trustOf on the index: the same places in the same order (the name, then each quoted field's
 * value or, without one, its column's cell), with nothing built for an indicator whose sheet
 * has no finding that matters.
 */
function indexedTrust(indicator: Indicator, index: QuotingIndex, table?: IndicatorTable): Trust {
  const doubts: Doubt[] = [];
  let growthHeldBy: Doubt | undefined;
  if (index.size === 0) return quotable(undefined, doubts);
  const ownSheet = index.get(indicator.sheet);
  const check = (field: string, sheet: string, cell: string): Trust | undefined => {
    const list = (sheet === indicator.sheet ? ownSheet : index.get(sheet))?.get(cell);
    if (!list) return undefined;
    for (const finding of list) {
      const effect = quotingEffectOf(finding) as QuotingEffect;
      if (effect.effect === "mark") doubts.push(doubtOf(finding));
      else if (field === "previous" || field === "statedGrowth") growthHeldBy ??= doubtOf(finding);
      else return { kind: "withheld", because: doubtOf(finding) };
    }
    return undefined;
  };
  const named = check("name", indicator.nameRef.sheet, indicator.nameRef.cell);
  if (named) return named;
  for (const field of QUOTED_FIELDS) {
    const value: SourcedNumber | undefined = indicator[field];
    let found: Trust | undefined;
    if (value) found = check(field, value.ref.sheet, value.ref.cell);
    else if (ownSheet) {
      const col = table?.columns.find((c) => c.role === field)?.col;
      if (col !== undefined)
        found = check(field, indicator.sheet, cellAddress(table ?? {}, indicator.row, col));
    }
    if (found) return found;
  }
  return quotable(growthHeldBy, doubts);
}

/** Sets every indicator's trust from the findings (the engine's last step before writing). */
export function decideTrust(
  indicators: Indicator[],
  findings: Finding[],
  tables: IndicatorTable[] = []
): Indicator[] {
  return fillTrust(
    indicators.map((i) => ({ ...i })),
    findings,
    tables
  );
}

/** decideTrust on the indicators themselves, without copies: for rows nobody else holds yet. */
export function fillTrust(
  indicators: Indicator[],
  findings: Finding[],
  tables: IndicatorTable[] = []
): Indicator[] {
  const index = quotingIndex(findings);
  const byId = new Map(tables.map((t) => [t.id, t]));
  for (const i of indicators) i.trust = indexedTrust(i, index, byId.get(i.tableId));
  return indicators;
}

/** Held back for a value to fix (not merely for a blank completed cell, which is 未填报). */
export function isHeldForFix(indicator: Indicator): boolean {
  return indicator.trust.kind === "withheld" && indicator.trust.because.code !== "MISSING_ACTUAL";
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
