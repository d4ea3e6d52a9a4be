/**
 * Which rows of the units' workbooks are one district indicator: the names read the way drafts
 * are read (report/names.ts: the same ignorable and optional words, the same rivals rule), and
 * units of one measure only: 元/万元/亿元 and 人/万人 are one measure, 人 and 户 never.
 */
import { DROPPED_PREFIXES } from "../lexicon/district";
import { Indicator } from "../model";
import { IndicatorCatalog, NameEntry, canon, nameEntry } from "../report/names";
import { baseUnit, normalizeUnit } from "../units";

/** A unit's row taken into the roll-up. */
export interface Member {
  unit: number;
  indicator: Indicator;
}

export interface MatchedGroup {
  /** The first unit's row: its name and place speak for the district indicator. */
  first: Member;
  members: Member[];
  /** The group its rows are parts of (其中), by index. */
  parent?: number;
}

/**
 * A unit's row of a district indicator's name in a measure that does not convert (人 against
 * 户): `b`, the row, is kept apart from `a`, the first row of the indicator (`group`) that most
 * units give in their measure. `own` is the group of b's measure.
 */
export interface MeasureClash {
  a: Member;
  b: Member;
  group: number;
  own: number;
}

export interface Matching {
  groups: MatchedGroup[];
  clashes: MeasureClash[];
}

/** The measure a unit counts in, whatever its scale: 万元 → 元, 万人 → 人, "" when none. */
function measureOf(indicator: Indicator): string {
  return baseUnit(normalizeUnit(indicator.unit));
}

/**
 * A bare 合计 closing the rows under a heading ("（二）新增“四上”企业 … 合计 6家") is that
 * heading's indicator, as other units write it in one row: taken under the heading's name.
 */
function headingTotal(row: Indicator): Indicator | undefined {
  const heading = row.section[row.section.length - 1];
  if (!row.isTotal || row.parentId || !heading || !BARE_TOTAL.test(row.name)) return undefined;
  return { ...row, name: heading.title, isTotal: false };
}

const BARE_TOTAL = /^(合计|小计|总计)$/;

/** Rows a district sums: visible, not a 合计 row, not a breakdown by place (社区 of a unit). */
function takenRows(indicators: Indicator[]): Indicator[] {
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const seen = new Set<string>();
  const rows: Indicator[] = [];
  for (const row of indicators) {
    const i = headingTotal(row) ?? row;
    if (i.onHiddenSheet || i.isTotal) continue;
    const parent = i.parentId ? byId.get(i.parentId) : undefined;
    if (parent?.partsAreWhole) continue;
    // One row per name in a unit: the engine checks that repeated rows agree.
    const key = `${parent ? canon(parent.name) : ""}/${identityOf(i)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push(i);
  }
  return rows;
}

const identities = new WeakMap<Indicator, string>();

function identityOf(i: Indicator): string {
  let identity = identities.get(i);
  if (identity === undefined) {
    identity = `${i.context ? canon(i.context) : ""}|${nameEntry(i).core}|${measureOf(i)}`;
    identities.set(i, identity);
  }
  return identity;
}

/**
 * Matches every unit's rows to the district's indicators, in the units' order: a row joins
 * the indicator of its exact name and measure, else the one the name matching finds without
 * doubt among indicators the unit has not yet given a row to; otherwise it is one of its own.
 */
export function matchUnits(units: Indicator[][]): Matching {
  const groups: MatchedGroup[] = [];
  // Groups of one name in two measures: the same indicator, unless a unit keeps both.
  const links: [number, number][] = [];
  const byName = new Map<string, number>();
  const exact = new Map<string, number>();
  // Each unit's names: two names one workbook holds side by side are never one indicator.
  const cores = units.map((indicators) => new Set(indicators.map((i) => nameEntry(i).core)));
  const byCore = new Map<string, Set<number>>();
  units.forEach((indicators, unit) => {
    const rows = takenRows(indicators);
    const groupOfRow = new Map<string, number>();
    // The district's indicators as they stand before this unit, ready for name matching:
    // built only when a row of the unit has no exact namesake (most rows do).
    let catalog: IndicatorCatalog | undefined;
    const groupOfEntry = new Map<NameEntry, number>();
    const catalogue = () => {
      if (!catalog) {
        catalog = new IndicatorCatalog(groups.slice(0, before).map((g) => g.first.indicator));
        catalog.entries.forEach((e, k) => groupOfEntry.set(e, k));
      }
      return catalog;
    };
    const before = groups.length;
    const taken = new Set<number>();
    for (const indicator of rows) {
      const parent = indicator.parentId ? groupOfRow.get(indicator.parentId) : undefined;
      if (indicator.parentId && parent === undefined) continue; // its total was not taken
      const member = { unit, indicator };
      const key = `${parent ?? ""}/${identityOf(indicator)}`;
      let index = exact.get(key);
      if (index !== undefined && taken.has(index)) index = undefined;
      if (index === undefined) {
        const accepts = (k: number) =>
          !taken.has(k) &&
          groups[k].parent === parent &&
          measureOf(groups[k].first.indicator) === measureOf(indicator) &&
          sameContext(groups[k].first.indicator, indicator);
        const found = catalogue().matchPhrase(indicator.name, {
          accept: (e) => accepts(groupOfEntry.get(e) as number),
        });
        if (found.kind === "found") index = groupOfEntry.get(found.entry);
        index ??= prefixedGroup(indicator, byCore, accepts, cores);
        if (index === undefined && found.kind === "none")
          index = namedByGroup(indicator, groups, accepts);
        if (index === undefined && found.kind === "none" && parent !== undefined)
          index = samePartOf(indicator, groups, parent, accepts);
        if (index === undefined && found.kind === "none" && found.rejectedByUnit?.length) {
          const k = groupOfEntry.get(found.rejectedByUnit[0]) as number;
          if (measureOf(groups[k].first.indicator) !== measureOf(indicator))
            links.push([k, groups.length]);
        }
      }
      if (index === undefined) {
        index = groups.length;
        groups.push({ first: member, members: [], parent });
        exact.set(key, index);
        const named = `${parent ?? ""}/${nameOf(indicator)}`;
        const same = byName.get(named);
        if (same !== undefined && measureOf(groups[same].first.indicator) !== measureOf(indicator))
          links.push([same, index]);
        else byName.set(named, index);
      }
      groups[index].members.push(member);
      const core = nameEntry(indicator).core;
      const named = byCore.get(core) ?? new Set<number>();
      named.add(index);
      byCore.set(core, named);
      taken.add(index);
      groupOfRow.set(indicator.id, index);
    }
  });
  return { groups, clashes: clashesOf(groups, links) };
}

/** A row's name without its measure: what two rows of one indicator in two measures share. */
function nameOf(i: Indicator): string {
  return `${i.context ? canon(i.context) : ""}|${nameEntry(i).core}`;
}

/**
 * The rows in a measure of their own, among groups of one name in several measures: those not
 * in the measure most units use (the first group's on a tie). When a unit keeps the name in
 * two measures itself (纳入低保226户410人), they are two indicators and nothing clashes.
 */
function clashesOf(groups: MatchedGroup[], links: [number, number][]): MeasureClash[] {
  const root = groups.map((_, k) => k);
  const find = (k: number): number => (root[k] === k ? k : (root[k] = find(root[k])));
  for (const [a, b] of links) root[find(b)] = find(a);
  const sets = new Map<number, number[]>();
  for (const [a, b] of links)
    for (const k of [a, b]) {
      const set = sets.get(find(k)) ?? [];
      if (!set.includes(k)) set.push(k);
      sets.set(find(k), set);
    }
  const clashes: MeasureClash[] = [];
  for (const set of sets.values()) {
    const units = set.flatMap((k) => [...new Set(groups[k].members.map((m) => m.unit))]);
    if (new Set(units).size !== units.length) continue;
    set.sort((a, b) => a - b);
    const main = set.reduce((best, k) =>
      groups[k].members.length > groups[best].members.length ? k : best
    );
    for (const k of set)
      if (k !== main)
        for (const b of groups[k].members)
          clashes.push({ a: groups[main].first, b, group: main, own: k });
  }
  return clashes;
}

/**
 * The district indicator whose name is this row's with a dropped prefix (居民医保参保人数 for
 * 城乡居民医保参保人数, 全社会固定资产投资 for 固定资产投资), when exactly one is, in the same
 * measure, and no unit's workbook holds both names side by side. `byCore`: the groups by the
 * names their rows have.
 */
function prefixedGroup(
  indicator: Indicator,
  byCore: Map<string, Set<number>>,
  accepts: (k: number) => boolean,
  cores: Set<string>[]
): number | undefined {
  const core = nameEntry(indicator).core;
  const found = new Set<number>();
  for (const p of DROPPED_PREFIXES) {
    const others = [p + core];
    if (core.startsWith(p) && core.length > p.length) others.push(core.slice(p.length));
    for (const other of others) {
      if (cores.some((names) => names.has(core) && names.has(other))) continue;
      for (const k of byCore.get(other) ?? []) if (accepts(k)) found.add(k);
    }
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/**
 * The other way round: a district indicator whose name reads as this row's ("发放创业担保贷款"
 * for a row 创业担保贷款, the verb being a word a name may carry), when exactly one does.
 */
function namedByGroup(
  indicator: Indicator,
  groups: MatchedGroup[],
  accepts: (k: number) => boolean
): number | undefined {
  const own = new IndicatorCatalog([indicator]);
  const found: number[] = [];
  groups.forEach((g, k) => {
    if (!accepts(k)) return;
    if (own.matchPhrase(g.first.indicator.name).kind === "found") found.push(k);
  });
  return found.length === 1 ? found[0] : undefined;
}

/**
 * A part's name without the words its total already says: "其中：高校毕业生" under 城镇新增就业
 * is the 高校毕业生就业 another unit writes there (就业 is the total's word).
 */
function partCore(name: string, totalName: string): string {
  const total = canon(totalName);
  let core = canon(name);
  for (let cut = core.length - 2; cut >= 2; cut--)
    if (total.includes(core.slice(cut))) {
      core = core.slice(0, cut);
      break;
    }
  for (let cut = core.length - 2; cut >= 2; cut--)
    if (total.includes(core.slice(0, cut))) {
      core = core.slice(cut);
      break;
    }
  return core;
}

/** The one part of the same total that is this row once both leave out the total's words. */
function samePartOf(
  indicator: Indicator,
  groups: MatchedGroup[],
  parent: number,
  accepts: (k: number) => boolean
): number | undefined {
  const total = groups[parent].first.indicator.name;
  const core = partCore(indicator.name, total);
  const found: number[] = [];
  groups.forEach((g, k) => {
    if (accepts(k) && partCore(g.first.indicator.name, total) === core) found.push(k);
  });
  return found.length === 1 ? found[0] : undefined;
}

function sameContext(a: Indicator, b: Indicator): boolean {
  if (!a.context || !b.context) return true;
  return canon(a.context) === canon(b.context);
}
