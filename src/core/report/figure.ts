/**
 * The shared middle of writing and reading: a number of an indicator that a sentence may use,
 * or why not. Templates ({城镇新增就业.完成率}) write it; fill writes it in place of an X; check
 * compares a draft's number with it. Whether a value may be quoted is the engine's decision,
 * carried on the indicator (`trust`, see trust.ts): this reads it and decides nothing again.
 */
import { CodedText } from "../errors";
import { CellRef, Indicator, SourceSpan } from "../model";
import { Field, Named, say } from "./messages";
import { describeIndicator } from "./names";
import { TextUnit, conversionFactor, describeTextUnit } from "./units";

/**
 * quote: the number goes into a text (template, fill), so any doubt holds it back;
 * compare: a check compares a draft's number with it, so a row held back only for its stated
 * rate or growth (the table's own percentage disagrees with the computation) is still compared,
 * and that rate or growth is compared as disputed.
 */
export type Use = "quote" | "compare";

export type Figure =
  | {
      kind: "figure";
      /** In the indicator's unit; a rate or growth as a fraction (0.052), a change in points too. */
      value: number;
      cells: CellRef[];
      span: SourceSpan["kind"];
      /** Compared only: the table states another rate or growth for the row (an error to fix). */
      disputed?: CodedText;
    }
  | { kind: "none"; reason: CodedText };

export function namedOf(indicator: Indicator): Named {
  return { zh: describeIndicator(indicator), en: indicator.name };
}

const cellText = (ref: CellRef) => `${ref.sheet}!${ref.cell}`;

/** The table's own stated rate or growth cell of the row (the one a stated mismatch is at). */
function statedCellOf(indicator: Indicator, ref: CellRef): "rate" | "growth" | undefined {
  const at = (r: CellRef | undefined) => !!r && r.sheet === ref.sheet && r.cell === ref.cell;
  if (at(indicator.statedRate?.ref)) return "rate";
  if (at(indicator.statedGrowth?.ref)) return "growth";
  return undefined;
}

/** The cell whose doubt holds the field back, if any, as the engine decided it. */
function heldAt(indicator: Indicator, field: Field, use: Use): CellRef | undefined {
  const trust = indicator.trust;
  if (trust.kind === "withheld") {
    if (use === "compare" && statedCellOf(indicator, trust.because.ref)) return undefined;
    return trust.because.ref;
  }
  if ((field === "previous" || field === "growth") && !trust.growth) {
    const because = trust.growthHeldBy?.ref;
    if (use === "compare" && because && statedCellOf(indicator, because)) return undefined;
    return because ?? indicator.previous?.ref ?? indicator.nameRef;
  }
  return undefined;
}

function held(indicator: Indicator, field: Field, at: CellRef): Figure {
  const stated = statedCellOf(indicator, at);
  if (stated && (field === "rate" || field === "growth") && stated === field)
    return { kind: "none", reason: say("STATED_MISMATCH", { field, cell: cellText(at) }) };
  return {
    kind: "none",
    reason: say("FLAGGED_CELL", { indicator: namedOf(indicator), cell: cellText(at) }),
  };
}

/** In compare use: the table's stated rate or growth disputes the computed one. */
function disputedOf(indicator: Indicator, field: "rate" | "growth"): CodedText | undefined {
  const trust = indicator.trust;
  const doubt =
    trust.kind === "withheld" ? trust.because : field === "growth" ? trust.growthHeldBy : undefined;
  if (!doubt || statedCellOf(indicator, doubt.ref) !== field) return undefined;
  return say("STATED_MISMATCH", { field, cell: cellText(doubt.ref) });
}

const present = (refs: (CellRef | undefined)[]) => refs.filter((r): r is CellRef => !!r);

/** The number of the field: a value as the cell holds it, a rate or growth as computed. */
export function figureOf(indicator: Indicator, field: Field, use: Use): Figure {
  const named = namedOf(indicator);
  if (field === "actual" || field === "target" || field === "previous") {
    const number = indicator[field];
    if (!number) return { kind: "none", reason: say("NO_VALUE", { indicator: named, field }) };
    const at = heldAt(indicator, field, use);
    if (at) return held(indicator, field, at);
    return { kind: "figure", value: number.value, cells: [number.ref], span: "value" };
  }
  if (field === "rate") {
    if (indicator.direction === "ceiling")
      return { kind: "none", reason: say("NO_RATE", { indicator: named, why: "ceiling" }) };
    if (indicator.completionRate === undefined || !indicator.actual || !indicator.target)
      return { kind: "none", reason: say("NO_RATE", { indicator: named, why: "missing" }) };
    const at = heldAt(indicator, field, use);
    if (at) return held(indicator, field, at);
    const disputed = use === "compare" ? disputedOf(indicator, "rate") : undefined;
    return {
      kind: "figure",
      value: indicator.completionRate,
      cells: present([indicator.actual.ref, indicator.target.ref]),
      span: "rate",
      ...(disputed ? { disputed } : {}),
    };
  }
  if (field === "schedule") {
    // "完成全年目标的62.5%，低于序时进度20.83个百分点": the rate against the year elapsed.
    const progress = indicator.expectedProgress;
    const rate = figureOf(indicator, "rate", use);
    if (rate.kind === "none") return rate;
    if (progress === undefined || progress >= 1)
      return { kind: "none", reason: say("NO_SCHEDULE", {}) };
    return { ...rate, value: rate.value - progress };
  }
  if (field === "shortfall") {
    // "完成率仅为95.1%，与目标相差588人": what is left to do of the target, in its unit.
    if (indicator.direction === "ceiling")
      return { kind: "none", reason: say("NO_SHORTFALL", { indicator: named, why: "ceiling" }) };
    const actual = figureOf(indicator, "actual", use);
    const target = figureOf(indicator, "target", use);
    if (actual.kind === "none") return actual;
    if (target.kind === "none") return target;
    const gap = target.value - actual.value;
    if (gap <= 0)
      return { kind: "none", reason: say("NO_SHORTFALL", { indicator: named, why: "met" }) };
    return { kind: "figure", value: gap, cells: [...actual.cells, ...target.cells], span: "value" };
  }
  if (indicator.growth === undefined || !indicator.actual || !indicator.previous)
    return { kind: "none", reason: say("NO_GROWTH", { indicator: named }) };
  const at = heldAt(indicator, field, use);
  if (at) return held(indicator, field, at);
  const disputed = use === "compare" ? disputedOf(indicator, "growth") : undefined;
  return {
    kind: "figure",
    value: indicator.growth,
    cells: present([indicator.actual.ref, indicator.previous.ref]),
    span: "growth",
    ...(disputed ? { disputed } : {}),
  };
}

/** A value of the indicator's unit in the unit a text writes ("万元" for a 元 row), or why not. */
export function inTextUnit(
  indicator: Indicator,
  value: number,
  unit: TextUnit,
  written: string
): { kind: "value"; value: number } | { kind: "none"; reason: CodedText } {
  const factor = conversionFactor(indicator.unit, unit);
  if (factor === undefined)
    return {
      kind: "none",
      reason: say("UNIT_MISMATCH", {
        indicator: namedOf(indicator),
        written,
        unit: indicator.unit,
      }),
    };
  return { kind: "value", value: value * factor };
}

/** The text unit of a template's unit option ("万元", "亿元", "人"). */
export function textUnitOf(option: string): TextUnit {
  const scaleWord = /^[万亿]./.test(option) ? option[0] : "";
  return describeTextUnit(scaleWord, scaleWord ? option.slice(1) : option);
}
