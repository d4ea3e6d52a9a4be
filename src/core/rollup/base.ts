/**
 * The district's value of a percentage (参保率, 接种率), weighted by each unit's base, when
 * every unit's workbook holds it: the denominator row (应参保人数 beside 参保率), or the
 * numerator (参保人数) with the denominator or the population (户籍人口), checked against the
 * rate the unit states. A unit without one, or whose rows do not give its own rate back, leaves
 * the district rate blank: a wrong number is worse than none.
 *
 *   numerator and denominator in every unit: Σnumerator ÷ Σdenominator;
 *   else the denominator in every unit:        Σ(rate × denominator) ÷ Σdenominator.
 */
import { RATE_BASE_WORDS } from "../lexicon/district";
import { Indicator } from "../model";
import { canon } from "../report/names";
import { baseUnit, isPercentUnit, normalizeUnit, unitScale } from "../units";
import { RateBase, UnitCell } from "./model";

/** A unit's row in the roll-up, with the district indicator (group) it went into. */
export interface UnitRow {
  group: number;
  indicator: Indicator;
}

/** One unit's base for its rate. */
interface Found {
  base: UnitRow;
  numerator?: UnitRow;
  /** The base in its measure's own scale (万人 → 人). */
  value: number;
  numeratorValue?: number;
}

/** "城乡居民医保参保率" → "城乡居民医保参保": what the rate is a rate of. */
function stemOfRate(name: string): string | undefined {
  const t = canon(name);
  return t.endsWith("率") && t.length > 1 ? t.slice(0, -1) : undefined;
}

/** "城乡居民医保应参保人数" → "城乡居民医保参保" (a denominator), "已参保人数" → "参保" (a numerator). */
function stemOfCount(name: string): { stem: string; due: boolean } {
  let t = canon(name).replace(RATE_BASE_WORDS.countSuffix, "");
  for (const [short, long] of RATE_BASE_WORDS.aliases) t = t.replace(short, long);
  const due = RATE_BASE_WORDS.due.test(t);
  t = t.replace(RATE_BASE_WORDS.due, "").replace(RATE_BASE_WORDS.done, "");
  return { stem: t, due };
}

/** A unit's rows read once for every rate of it: its rates' stems, its counts' stems. */
interface Prepared {
  rates: { row: UnitRow; stem: string }[];
  counts: { row: UnitRow; stem: string; due: boolean; population: boolean; value: number }[];
}

const prepared = new WeakMap<UnitRow[], Prepared>();

function prepare(rows: UnitRow[]): Prepared {
  let found = prepared.get(rows);
  if (found) return found;
  found = { rates: [], counts: [] };
  for (const row of rows) {
    const i = row.indicator;
    if (isPercentUnit(i.unit)) {
      const stem = stemOfRate(i.name);
      if (stem) found.rates.push({ row, stem });
      continue;
    }
    const value = valueOf(row);
    if (i.isTotal || value === undefined) continue;
    const population = RATE_BASE_WORDS.population.test(canon(i.name));
    found.counts.push({ row, ...stemOfCount(i.name), population, value });
  }
  prepared.set(rows, found);
  return found;
}

/** One stem names the other: equal, or one ends the other (参保 against 城乡居民医保参保). */
function related(a: string, b: string): "exact" | "suffix" | undefined {
  if (a === b) return "exact";
  if (a.length >= 2 && b.length >= 2 && (a.endsWith(b) || b.endsWith(a))) return "suffix";
  return undefined;
}

function decimalsOf(value: number): number {
  if (Number.isInteger(value)) return 0;
  const text = String(value);
  if (text.includes("e")) return 8;
  return (text.split(".")[1] ?? "").length;
}

/** Whether numerator ÷ denominator gives back the rate the unit wrote, to its own decimals. */
function givesRate(numerator: number, denominator: number, rate: number): boolean {
  if (denominator <= 0) return false;
  const tolerance = 0.5 * 10 ** -Math.min(decimalsOf(rate), 6) + 1e-9;
  return Math.abs((numerator / denominator) * 100 - rate) <= tolerance;
}

function valueOf(row: UnitRow): number | undefined {
  const v = row.indicator.actual?.value;
  return v === undefined || v < 0 ? undefined : v * unitScale(row.indicator.unit);
}

/** The only candidate exactly related, else the only one related at all. */
function only<T extends { how: "exact" | "suffix" }>(candidates: T[]): T | undefined {
  const exact = candidates.filter((c) => c.how === "exact");
  if (exact.length > 0) return exact.length === 1 ? exact[0] : undefined;
  return candidates.length === 1 ? candidates[0] : undefined;
}

/** A unit's base for its rate row, or why there is none. */
function unitBase(rate: Indicator, rows: UnitRow[]): Found | { reason: string } {
  const stem = stemOfRate(rate.name);
  const r = rate.actual?.value;
  if (!stem || r === undefined) return { reason: RATE_BASE_WORDS.noBase };
  const unit = prepare(rows);
  // Another rate of the unit that a shorter name could mean as well: 参保 for two 参保率.
  const rivals = unit.rates.filter((x) => x.row.indicator !== rate);
  const ofRate = unit.counts.flatMap((x) => {
    const how = related(stem, x.stem);
    if (!how) return [];
    if (how === "suffix" && rivals.some((y) => related(y.stem, x.stem))) return [];
    return [{ ...x, how }];
  });
  const denominator = only(ofRate.filter((c) => c.due));
  const numerator = only(ofRate.filter((c) => !c.due));
  if (denominator) {
    const d = denominator.value;
    const sameMeasure =
      numerator &&
      baseUnit(normalizeUnit(numerator.row.indicator.unit)) ===
        baseUnit(normalizeUnit(denominator.row.indicator.unit));
    if (numerator && sameMeasure) {
      if (!givesRate(numerator.value, d, r)) return { reason: RATE_BASE_WORDS.disagrees };
      return {
        base: denominator.row,
        numerator: numerator.row,
        value: d,
        numeratorValue: numerator.value,
      };
    }
    return { base: denominator.row, value: d };
  }
  // A population is a base only when the numerator over it gives the unit's own rate.
  if (numerator) {
    const fitting = unit.counts.filter(
      (p) => p.population && givesRate(numerator.value, p.value, r)
    );
    if (fitting.length === 1)
      return {
        base: fitting[0].row,
        numerator: numerator.row,
        value: fitting[0].value,
        numeratorValue: numerator.value,
      };
  }
  return { reason: RATE_BASE_WORDS.noBase };
}

/** The name most units give their base ("应参保人数"); the first on a tie. */
function commonName(rows: UnitRow[]): string {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.indicator.name, (counts.get(r.indicator.name) ?? 0) + 1);
  let best = rows[0].indicator.name;
  for (const [name, n] of counts) if (n > (counts.get(best) ?? 0)) best = name;
  return best;
}

/**
 * The district rate over the units that report the rate (`rates`: each unit's rate row), or
 * why it is blank. `rowsOf(unit)` are that unit's rows taken into the roll-up.
 */
export function rateBaseOf(
  rates: { unit: number; indicator: Indicator }[],
  rowsOf: (unit: number) => UnitRow[],
  cellOf: (unit: number, row: Indicator) => UnitCell | undefined,
  nameOf: (unit: number) => string
): RateBase {
  const found: { unit: number; rate: number; base: Found }[] = [];
  const lacking: string[] = [];
  const disagreeing: string[] = [];
  for (const { unit, indicator } of rates) {
    const base = unitBase(indicator, rowsOf(unit));
    if ("reason" in base) {
      (base.reason === RATE_BASE_WORDS.disagrees ? disagreeing : lacking).push(nameOf(unit));
      continue;
    }
    found.push({ unit, rate: indicator.actual?.value as number, base });
  }
  if (lacking.length > 0 || disagreeing.length > 0 || found.length === 0)
    return { kind: "none", lacking, disagreeing };
  const measures = new Set(found.map((f) => baseUnit(normalizeUnit(f.base.base.indicator.unit))));
  if (measures.size > 1)
    return { kind: "none", lacking: [], disagreeing: [], measures: [...measures] };
  const total = found.reduce((s, f) => s + f.base.value, 0);
  if (total <= 0) return { kind: "none", lacking: [], disagreeing: [] };
  const ratio = found.every((f) => f.base.numeratorValue !== undefined);
  const value = ratio
    ? (found.reduce((s, f) => s + (f.base.numeratorValue as number), 0) / total) * 100
    : found.reduce((s, f) => s + f.rate * f.base.value, 0) / total;
  const cells: UnitCell[] = [];
  for (const f of found) {
    const at = cellOf(f.unit, f.base.base.indicator);
    if (at) cells.push(at);
    if (ratio && f.base.numerator) {
      const n = cellOf(f.unit, f.base.numerator.indicator);
      if (n) cells.push(n);
    }
  }
  const bases = found.map((f) => f.base.base);
  const groups = new Set(bases.map((b) => b.group));
  const numerators = found.flatMap((f) => (f.base.numerator ? [f.base.numerator] : []));
  const numeratorGroups = new Set(numerators.map((n) => n.group));
  const weighted: RateBase = {
    kind: ratio ? "ratio" : "weighted",
    value,
    base: commonName(bases),
    units: found.map((f) => f.unit),
    cells,
  };
  if (groups.size === 1) weighted.baseGroup = bases[0].group;
  if (ratio) {
    weighted.numerator = commonName(numerators);
    if (numeratorGroups.size === 1) weighted.numeratorGroup = numerators[0].group;
  }
  return weighted;
}
