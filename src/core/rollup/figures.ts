/**
 * A district indicator's numbers: each unit's figures in the district's unit, the sums, the
 * rates recomputed from the sums (never averaged), ranks, who is behind, outliers.
 */
import { evaluateIndicator } from "../evaluate";
import { isHeldForFix } from "../trust";
import { standingOf } from "../lexicon/status";
import { Indicator, SourcedNumber } from "../model";
import { isPercentUnit, normalizeUnit, unitScale } from "../units";
import { DistrictIndicator, DistrictValue, UnitCell, UnitFigure } from "./model";
import { Member } from "./match";

/** A unit more than this many times the others' median is a likely 元/万元 slip. */
export const OUTLIER_FACTOR = 10;
/** Fewer units than this give no median worth comparing with. */
const OUTLIER_MIN_UNITS = 4;

/** The unit the district writes an indicator in: the one most of its units use. */
export function districtUnitOf(members: Member[]): string {
  const counts = new Map<string, number>();
  let best = normalizeUnit(members[0].indicator.unit);
  let bestCount = 0;
  for (const m of members) {
    const unit = normalizeUnit(m.indicator.unit);
    const count = (counts.get(unit) ?? 0) + 1;
    counts.set(unit, count);
    if (count > bestCount) [best, bestCount] = [unit, count];
  }
  return best;
}

/** Converted without binary noise: 12345 元 is 1.2345 万元, not 1.2345000000000002. */
function converted(value: number, factor: number): number {
  return factor === 1 ? value : Number((value * factor).toPrecision(12));
}

function cellOf(file: string, n: SourcedNumber | undefined): UnitCell | undefined {
  return n ? { file, sheet: n.ref.sheet, cell: n.ref.cell } : undefined;
}

/**
 * A unit's figures for the district. `months`: the district's period, for a unit whose
 * workbook states none (its rows were judged as a full year, which it may not be).
 */
export function unitFigure(
  member: Member,
  file: string,
  districtUnit: string,
  months?: number,
  offPeriod = false
): UnitFigure {
  const i: Indicator =
    months === undefined ? member.indicator : evaluateIndicator(member.indicator, months);
  const factor = unitScale(i.unit) / unitScale(districtUnit);
  const figure: UnitFigure = {
    unit: member.unit,
    name: i.name,
    unitOfMeasure: normalizeUnit(i.unit),
    factor,
    standing: standingOf(i),
    cells: { name: { file, sheet: i.nameRef.sheet, cell: i.nameRef.cell } },
  };
  for (const field of ["target", "actual", "previous"] as const) {
    const value = i[field];
    if (!value) continue;
    figure[field] = converted(value.value, factor);
    figure.cells[field] = cellOf(file, value);
  }
  if (offPeriod) figure.offPeriod = true;
  if (i.completionRate !== undefined) figure.completionRate = i.completionRate;
  if (i.actual?.approx) figure.approx = i.actual.approx;
  if (i.growth !== undefined && i.growthKind === "relative") figure.growth = i.growth;
  if (isHeldForFix(i) && i.trust.kind === "withheld") {
    figure.withheld = i.trust.because.message;
    figure.withheldCode = i.trust.because.code;
    // Held for its target cell alone: its completed value and last year's still add up.
    const at = i.trust.because.ref;
    if (i.target && at.sheet === i.target.ref.sheet && at.cell === i.target.ref.cell)
      figure.withheldField = "target";
    // Held for its completed value's cell (a 元/万元 slip there): its target and last year's
    // still add up, only what is computed from the completed value is held.
    else if (i.actual && at.sheet === i.actual.ref.sheet && at.cell === i.actual.ref.cell)
      figure.withheldField = "actual";
  }
  // Last year's value in doubt (text, a slip): the unit's growth is not quoted, nor the district's.
  if (i.trust.kind === "quotable" && !i.trust.growth) figure.previousHeld = true;
  return figure;
}

function sum(values: number[]): number {
  // Added as integers of the finest decimals present: 0.1 + 0.2 is 0.3, as Excel shows it.
  const decimals = Math.max(0, ...values.map(decimalsOf));
  const scale = 10 ** Math.min(decimals, 8);
  const total = values.reduce((s, v) => s + Math.round(v * scale), 0);
  return total / scale;
}

function decimalsOf(value: number): number {
  if (Number.isInteger(value)) return 0;
  const text = String(value);
  if (text.includes("e")) return 8;
  return (text.split(".")[1] ?? "").length;
}

export interface Outlier {
  unit: number;
  field: "target" | "actual" | "previous";
  median: number;
  times: number;
}

/** Units whose value of `field` is more than OUTLIER_FACTOR times the others' median. */
export function outliersOf(figures: UnitFigure[], field: Outlier["field"] = "actual"): Outlier[] {
  const reported = figures.filter((f) => f[field] !== undefined && (f[field] as number) > 0);
  if (reported.length < OUTLIER_MIN_UNITS) return [];
  const sorted = reported.map((f) => f[field] as number).sort((a, b) => a - b);
  const found: Outlier[] = [];
  for (const f of reported) {
    const value = f[field] as number;
    const others = medianWithout(sorted, value);
    if (others > 0 && value > OUTLIER_FACTOR * others)
      found.push({ unit: f.unit, field, median: others, times: value / others });
  }
  return found;
}

/** The median of `sorted` less one occurrence of `value`, without copying it. */
function medianWithout(sorted: number[], value: number): number {
  // The first place of `value`, by halving: a scan from the start made 300 units' outliers
  // cost 300 × 300 steps a field.
  let at = 0;
  let end = sorted.length;
  while (at < end) {
    const mid = (at + end) >> 1;
    if (sorted[mid] < value) at = mid + 1;
    else end = mid;
  }
  const rest = (k: number) => (k < at ? sorted[k] : sorted[k + 1]);
  const n = sorted.length - 1;
  const mid = Math.floor(n / 2);
  return n % 2 ? rest(mid) : (rest(mid - 1) + rest(mid)) / 2;
}

/** Ranks by completed value, largest first; equal values share a rank (1, 2, 2, 4). */
function ranksOf(figures: UnitFigure[]): { unit: number; rank: number }[] {
  const reported = figures
    .filter((f) => f.actual !== undefined && !heldWhole(f))
    .sort((a, b) => (b.actual as number) - (a.actual as number));
  let rank = 0;
  return reported.map((f, k) => {
    if (k === 0 || f.actual !== reported[k - 1].actual) rank = k + 1;
    return { unit: f.unit, rank };
  });
}

/** A unit's figure held back as a whole (not merely for its target or completed value's cell). */
function heldWhole(f: UnitFigure): boolean {
  return f.withheld !== undefined && f.withheldField === undefined;
}

/**
 * Kept by half the units or fewer: a district figure would speak for the few, so none is made
 * (no total, rate or rank in the 汇总 sheet, the lines or the paragraphs).
 */
export function keptByFew(reporting: number, units: number): boolean {
  return reporting * 2 <= units;
}

export type Field = "target" | "actual" | "previous";

/** Why a field's district sum is held back: a likely slip in it, a unit's value to fix. */
export type Holds = Partial<Record<Field, { code: string; message: string; cell?: UnitCell }>>;

export interface Totals {
  target: DistrictValue;
  actual: DistrictValue;
  previous: DistrictValue;
  completionRate?: number;
  growth?: number;
  ranks: DistrictIndicator["ranks"];
  behind: number[];
  range?: DistrictIndicator["range"];
}

/**
 * The district's figures from the units': a sum of the completed values of the units that
 * report one (none withheld); targets and last year's over the units that give them, and a
 * completion rate or growth over the same units only: Σ完成 ÷ Σ目标 and Σ本年 ÷ Σ上年 − 1 of
 * the units that report both, never over a different set. When some units leave the field
 * blank, the others must be more than half of the district's `units`; those left out are
 * named (`lacking`). A percentage is never summed: its lowest and highest units instead. A
 * field held back (`held`: a likely slip in it, a unit's value to fix) holds back only what is
 * computed from it: a target its completion rate, last year's value the growth, a completed
 * value its total, ranks, rate and growth; a unit's row to fix holds everything.
 */
export function totalsOf(
  figures: UnitFigure[],
  options: {
    isRate: boolean;
    floor: boolean;
    held?: Holds;
    outliers?: number[];
    /** The district's units, for the more-than-half rule (the units reporting, if not given). */
    units?: number;
  }
): Totals {
  // A unit whose figure is a likely slip is not judged on it.
  // A unit of another period than the district's is not added up, ranked or compared.
  figures = figures.filter((f) => !f.offPeriod);
  const behind = figures
    .filter((f) => f.standing === "behind" && !options.outliers?.includes(f.unit))
    .map((f) => f.unit);
  const none: DistrictValue = { kind: "none" };
  if (options.isRate) {
    const valued = figures.filter((f) => f.actual !== undefined && !f.withheld);
    const totals: Totals = { target: none, actual: none, previous: none, ranks: [], behind };
    if (valued.length > 0) {
      const values = valued.map((f) => f.actual as number);
      const end = (value: number) => {
        const units = valued.filter((f) => f.actual === value).map((f) => f.unit);
        return { unit: units[0], value, units };
      };
      totals.range = { min: end(Math.min(...values)), max: end(Math.max(...values)) };
    }
    return totals;
  }
  const reporting = figures.filter((f) => f.actual !== undefined);
  if (reporting.length === 0)
    return { target: none, actual: none, previous: none, ranks: [], behind };
  const held: Holds = { ...options.held };
  const whole = figures.find(heldWhole);
  const onActual = whole ?? figures.find((f) => f.withheld && f.withheldField === "actual");
  if (onActual && !held.actual)
    held.actual = {
      code: "ROLLUP_UNIT_WITHHELD",
      message: onActual.withheld as string,
      cell: onActual.cells.actual ?? onActual.cells.name,
    };
  // With one unit's completed value in doubt, no unit can be called first: it may be that one.
  const ranks = options.floor && !held.actual ? ranksOf(figures) : [];
  const onTarget = figures.find((f) => f.withheld !== undefined && f.withheldField === "target");
  if (onTarget && !held.target)
    held.target = {
      code: "ROLLUP_UNIT_WITHHELD",
      message: onTarget.withheld as string,
      cell: onTarget.cells.target ?? onTarget.cells.name,
    };
  // A unit's row to fix: none of its numbers can be trusted, so no district figure of the row.
  if (held.actual && whole) {
    const value: DistrictValue = { kind: "withheld", ...held.actual };
    return { target: value, actual: value, previous: value, ranks, behind };
  }
  const units = options.units ?? reporting.length;
  const sumOf = (field: Field): DistrictValue => {
    const hold = held[field];
    if (hold) return { kind: "withheld", ...hold };
    const having = reporting.filter((f) => f[field] !== undefined);
    if (having.length === 0) return none;
    const lacking = reporting.filter((f) => f[field] === undefined).map((f) => f.unit);
    if (lacking.length > 0 && having.length * 2 <= units) return { kind: "none", lacking };
    const value: DistrictValue = {
      kind: "sum",
      value: sum(having.map((f) => f[field] as number)),
      of: having.map((f) => f.unit),
    };
    if (lacking.length > 0) value.lacking = lacking;
    return value;
  };
  const totals: Totals = {
    target: sumOf("target"),
    actual: sumOf("actual"),
    previous: sumOf("previous"),
    ranks,
    behind,
  };
  const { actual, target, previous } = totals;
  // The completed values of the units a target or last year's sum covers.
  const actualOf = (of: number[]) =>
    sum(reporting.filter((f) => of.includes(f.unit)).map((f) => f.actual as number));
  if (actual.kind === "sum" && target.kind === "sum" && options.floor && target.value > 0)
    totals.completionRate = actualOf(target.of) / target.value;
  if (actual.kind === "sum" && previous.kind === "sum" && previous.value > 0)
    totals.growth = actualOf(previous.of) / previous.value - 1;
  return totals;
}

export function isRateUnit(unit: string): boolean {
  return isPercentUnit(unit);
}
