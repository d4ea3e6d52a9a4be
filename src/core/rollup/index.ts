/**
 * The district roll-up (汇总): many units' workbooks, each analysed by the engine, into one
 * district's figures, findings and paragraphs. Pure: the files are read by the faces.
 */
import { FINDING_RULES, makeFinding, FindingCode, FindingDetails } from "../findings";
import { formatAmount, formatNumber } from "../format";
import { HELD_WORDS, RESENT_FILE, SLIP_WORDS, unitKindOf } from "../lexicon/district";
import { periodPhrase } from "../lexicon/period";
import { Indicator, ResolvedOptions } from "../model";
import { canon } from "../report/names";
import { withTextMemo } from "../text";
import { isMoneyUnit, isPercentUnit, normalizeUnit } from "../units";
import { Holds, districtUnitOf, keptByFew, outliersOf, totalsOf, unitFigure } from "./figures";
import { rollupLayout, SUMMARY_SHEET } from "./layout";
import { UnitRow, rateBaseOf } from "./base";
import { matchUnits } from "./match";
import { UnitPlacements, districtPlacement } from "./placement";
import { districtText } from "./paragraphs";
import {
  DistrictIndicator,
  DistrictValue,
  LeftOutFile,
  Rollup,
  RollupFinding,
  Unit,
  UnitCell,
  UnitFigure,
  UnitInput,
  UnreadFile,
} from "./model";

export * from "./model";
export { unitNameOf } from "./unit-name";
export { rollupLayout } from "./layout";

const FIELDS = ["actual", "target", "previous"] as const;

/** Indicators named one by one in a finding before "等N项". */
const LISTED_LEFT_OUT = 3;
const FIELD_WORDS = { actual: "完成数", target: "目标值", previous: "上年同期数" } as const;

function finding(file: string, code: FindingCode, details: FindingDetails): RollupFinding {
  const f = makeFinding(code, details);
  return { ...f, file, message: `${file} ${f.message}`, messageEn: `${file} ${f.messageEn}` };
}

/** The unit's cell a held value is to be fixed in, when known. */
function atCell(cell: UnitCell | undefined): { cell?: UnitCell } {
  return cell ? { cell } : {};
}

/** Two files are one workbook when every indicator, unit and number is the same. */
function fingerprintOf(analysis: UnitInput["analysis"]): string {
  return JSON.stringify(
    analysis.indicators.map((i) => [
      canon(i.name),
      normalizeUnit(i.unit),
      i.target?.value ?? null,
      i.actual?.value ?? null,
      i.previous?.value ?? null,
    ])
  );
}

function mostCommon(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 12;
}

interface Counted {
  unit: Unit;
  input: UnitInput;
}

function stateDifferentUnits(a: UnitInput, b: UnitInput): boolean {
  return a.named.from !== "file" && b.named.from !== "file" && a.named.name !== b.named.name;
}

/** The year most units' workbooks state; on a tie the later one (a report is of the latest). */
function districtYearOf(inputs: UnitInput[]): number | undefined {
  const counts = new Map<number, number>();
  for (const i of inputs)
    if (i.analysis.year !== undefined)
      counts.set(i.analysis.year, (counts.get(i.analysis.year) ?? 0) + 1);
  let best: number | undefined;
  for (const [year, count] of counts)
    if (
      best === undefined ||
      count > (counts.get(best) ?? 0) ||
      (count === counts.get(best) && year > best)
    )
      best = year;
  return best;
}

/**
 * Of two files of one unit, the one to count: a file its name marks as sent again or corrected
 * (重发, 更正) over one marked old (旧, 作废); then the later period (1—10月 over 1—9月); then the
 * first. The other is named, never added too.
 */
function preferredOf(a: UnitInput, b: UnitInput): UnitInput {
  const mark = (i: UnitInput) =>
    RESENT_FILE.newer.test(i.file) ? 1 : RESENT_FILE.older.test(i.file) ? -1 : 0;
  if (mark(a) !== mark(b)) return mark(a) > mark(b) ? a : b;
  const months = (i: UnitInput) => unitMonths(i.analysis, undefined);
  if (months(a) !== months(b)) return months(a) > months(b) ? a : b;
  return a;
}

/**
 * The units counted: duplicates of an earlier file, workbooks of another year than the
 * district's and a second file of one unit are named and left out.
 */
function countedUnits(inputs: UnitInput[], findings: RollupFinding[]) {
  const seen = new Map<string, UnitInput>();
  const duplicates: Rollup["duplicates"] = [];
  const leftOut: LeftOutFile[] = [];
  const year = districtYearOf(inputs);
  const sheetOf = (input: UnitInput) => input.analysis.tables[0]?.sheet ?? "";
  // One entry per unit name, in the order of the files: the file counted for it.
  const byName = new Map<string, UnitInput>();
  for (const input of inputs) {
    const print = fingerprintOf(input.analysis);
    const earlier = input.analysis.indicators.length > 0 ? seen.get(print) : undefined;
    const sheet = sheetOf(input);
    // The same numbers under two names the workbooks state themselves are two units that
    // must be confirmed; under one name, or a file name only, one workbook sent twice.
    if (earlier && !stateDifferentUnits(earlier, input)) {
      duplicates.push({ file: input.file, of: earlier.file });
      findings.push(finding(input.file, "ROLLUP_DUPLICATE_FILE", { sheet, a: earlier.file }));
      continue;
    }
    // Last year's workbook among this year's: its numbers are no part of the district's year.
    const own = input.analysis.year;
    if (year !== undefined && own !== undefined && own !== year) {
      leftOut.push({ file: input.file, reason: "otherYear", year: own });
      findings.push(
        finding(input.file, "ROLLUP_OTHER_YEAR", { sheet, a: String(own), b: String(year) })
      );
      continue;
    }
    if (earlier)
      findings.push(
        finding(input.file, "ROLLUP_SAME_VALUES", { sheet, a: earlier.file, b: earlier.named.name })
      );
    else seen.set(print, input);
    const name = input.named.name;
    const other = byName.get(name);
    if (!other) {
      byName.set(name, input);
      continue;
    }
    // Two files of one unit: one is counted, the other named; never both in the sums.
    const kept = preferredOf(other, input);
    const dropped = kept === other ? input : other;
    byName.set(name, kept);
    leftOut.push({ file: dropped.file, reason: "sameUnit", of: kept.file });
    findings.push(
      finding(dropped.file, "ROLLUP_SAME_UNIT", { sheet: sheetOf(dropped), a: kept.file, b: name })
    );
  }
  const counted: Counted[] = [...byName.values()].map((input, index) => {
    const unit: Unit = {
      index,
      name: input.named.name,
      file: input.file,
      nameFrom: input.named.from,
      months: unitMonths(input.analysis, undefined),
    };
    if (input.analysis.year !== undefined) unit.year = input.analysis.year;
    return { unit, input };
  });
  return { counted, duplicates, leftOut };
}

/** The units' own errors, with their file: the roll-up does not hide what a unit must fix. */
function unitFindings(counted: Counted[]): RollupFinding[] {
  return counted.flatMap(({ input }) =>
    input.analysis.findings
      .filter((f) => f.severity === "error")
      .map((f) => ({
        ...f,
        file: input.file,
        message: `${input.file} ${f.message}`,
        messageEn: `${input.file} ${f.messageEn}`,
      }))
  );
}

/**
 * A unit's rows of its report period: a workbook with a sheet a month (1-9月, 1-10月) gives
 * the rows of the latest one, or of the period asked for; rows of a table with no period stay.
 */
/** Whether the unit's workbook says what period it covers (a header, a title, a sheet name). */
function statesPeriod(analysis: UnitInput["analysis"]): boolean {
  return analysis.tables.some((t) => t.period !== undefined);
}

export function unitMonths(analysis: UnitInput["analysis"], period: number | undefined): number {
  if (period !== undefined) return period;
  const periods = analysis.tables.flatMap((t) => (t.period ? [t.period.months] : []));
  return periods.length > 0 ? Math.max(...periods) : analysis.months;
}

function rowsOfPeriod(analysis: UnitInput["analysis"], period: number | undefined): Indicator[] {
  const periods = new Set(analysis.tables.flatMap((t) => (t.period ? [t.period.months] : [])));
  if (periods.size === 0) return analysis.indicators;
  const months = unitMonths(analysis, period);
  const other = new Set(
    periods.size > 1
      ? analysis.tables.filter((t) => t.period && t.period.months !== months).map((t) => t.id)
      : []
  );
  const kept = analysis.indicators.filter((i) => !other.has(i.tableId));
  // A table that states no period beside ones that do (a sheet "1月" titled 2023年1月, an
  // undated copy) is not the period's: its rows stand only for indicators the period's lack.
  const unstated = new Set(analysis.tables.filter((t) => !t.period).map((t) => t.id));
  if (unstated.size === 0) return kept;
  const key = (i: Indicator) => `${canon(i.name)}|${normalizeUnit(i.unit)}`;
  const given = new Set(kept.filter((i) => !unstated.has(i.tableId)).map(key));
  return kept.filter((i) => !unstated.has(i.tableId) || !given.has(key(i)));
}

/** The name most units write (社会消费品零售总额 over one unit's 社零额); the first on a tie. */
function commonName(members: { indicator: Indicator }[]): string {
  const counts = new Map<string, number>();
  for (const m of members) counts.set(m.indicator.name, (counts.get(m.indicator.name) ?? 0) + 1);
  let best = members[0].indicator.name;
  for (const [name, count] of counts) if (count > (counts.get(best) ?? 0)) best = name;
  return best;
}

/**
 * The district's line of work for an indicator, from where its units put it (placement.ts):
 * a known line of work is its section, as units' headings for it differ (就业创业, 就业工作);
 * a line of its own (安全生产) takes the title most of its units give it.
 */
function placementOf(members: { unit: number; indicator: Indicator }[], readers: UnitPlacements[]) {
  const placement = districtPlacement(members.map((m) => readers[m.unit].of(m.indicator)));
  return { category: placement.category, section: placement.title ? [placement.title] : [] };
}

/**
 * The roll-up of the units read; `unread` files are named in the findings, and `skipped`
 * ones (roll-ups this tool wrote earlier) are left out with a note.
 */
export function rollUp(
  inputs: UnitInput[],
  unread: UnreadFile[],
  options: ResolvedOptions,
  skipped: string[] = []
): Rollup {
  // The units' names are normalised again and again while matching: remembered for this run.
  return withTextMemo(() => rollUpUnits(inputs, unread, options, skipped));
}

function rollUpUnits(
  inputs: UnitInput[],
  unread: UnreadFile[],
  options: ResolvedOptions,
  skipped: string[]
): Rollup {
  const findings: RollupFinding[] = unread.map((u) =>
    finding(u.file, "ROLLUP_FILE_UNREAD", { sheet: "", raw: u.message, a: u.messageEn })
  );
  for (const file of skipped) findings.push(finding(file, "ROLLUP_FILE_SKIPPED", { sheet: "" }));
  const { counted, duplicates, leftOut } = countedUnits(inputs, findings);
  const units = counted.map((c) => c.unit);
  const unitKind = unitKindOf(units.map((u) => u.name));
  const months =
    options.period ??
    mostCommon(
      units.filter((u) => statesPeriod(counted[u.index].input.analysis)).map((u) => u.months)
    );
  // A unit that states no period is taken at the district's; one that states another is named
  // and left out of the sums: 1—9月 added to 1—10月 is no district's figure.
  const offPeriod = new Set<number>();
  for (const u of units)
    if (statesPeriod(counted[u.index].input.analysis) && u.months !== months) {
      offPeriod.add(u.index);
      u.offPeriod = true;
      findings.push(
        finding(u.file, "ROLLUP_PERIOD_DIFFERS", {
          sheet: counted[u.index].input.analysis.tables[0]?.sheet ?? "",
          a: periodPhrase(u.months) || "全年",
          b: periodPhrase(months) || "全年",
          c: String(u.months),
        })
      );
    }
  // The district's units: one of another period is among them, never among those reporting.
  const districtUnits = units.length;
  const matching = matchUnits(counted.map((c) => rowsOfPeriod(c.input.analysis, options.period)));
  // A group in a measure of its own is kept apart, and says so, not as a few units' row.
  const ownMeasure = new Set(matching.clashes.map((c) => c.own));
  // A unit whose row of this name is in another measure does not lack the indicator: it is
  // named as giving it in that measure.
  const inOtherMeasure = new Map<number, DistrictIndicator["otherMeasure"]>();
  for (const c of matching.clashes) {
    const list = inOtherMeasure.get(c.group) ?? [];
    list.push({
      unit: c.b.unit,
      unitOfMeasure: normalizeUnit(c.b.indicator.unit),
      cell: {
        file: units[c.b.unit].file,
        sheet: c.b.indicator.nameRef.sheet,
        cell: c.b.indicator.nameRef.cell,
      },
    });
    inOtherMeasure.set(c.group, list);
  }
  const readers = counted.map((c) => new UnitPlacements(c.input.analysis));
  const built: DistrictIndicator[] = [];
  const layout = rollupLayout(units.length);
  const file = (unit: number) => units[unit].file;
  const at = (m: { unit: number; indicator: Indicator }) =>
    `${file(m.unit)} ${m.indicator.nameRef.sheet}!${m.indicator.nameRef.cell}`;
  // Each unit's rows with the district indicator they went into: where a rate finds its base.
  const rowsByUnit = units.map((): UnitRow[] => []);
  matching.groups.forEach((g, group) =>
    g.members.forEach((m) => rowsByUnit[m.unit].push({ group, indicator: m.indicator }))
  );
  const cellOf = (u: number, row: Indicator): UnitCell | undefined =>
    row.actual
      ? { file: file(u), sheet: row.actual.ref.sheet, cell: row.actual.ref.cell }
      : undefined;
  // Where a unit without an indicator would keep it: the sheet of its rows of the same line.
  const sheetOfLine = (u: number, d: DistrictIndicator): string => {
    const line = rowsByUnit[u].find((r) => {
      const p = readers[u].of(r.indicator);
      return p.category === d.category && (p.title ?? "") === (d.section[0] ?? "");
    });
    // Else the sheet of its rows the district reads (12月 of a sheet a month, not 1月).
    return (
      line?.indicator.sheet ??
      rowsByUnit[u][0]?.indicator.sheet ??
      counted[u].input.analysis.tables[0]?.sheet ??
      ""
    );
  };
  const indicators: DistrictIndicator[] = matching.groups.map((group, k) => {
    const first = group.first.indicator;
    const unit = districtUnitOf(group.members);
    const isRate = isPercentUnit(unit);
    const figures = group.members.map((m) =>
      unitFigure(
        m,
        file(m.unit),
        unit,
        statesPeriod(counted[m.unit].input.analysis) ? undefined : months,
        offPeriod.has(m.unit)
      )
    );
    const id = `${SUMMARY_SHEET}!B${layout.row(k) + 1}`;
    for (const m of group.members) {
      const own = normalizeUnit(m.indicator.unit);
      if (own !== unit && !isRate)
        findings.push(
          finding(file(m.unit), "ROLLUP_CONVERTED", {
            sheet: m.indicator.nameRef.sheet,
            cell: m.indicator.nameRef.cell,
            indicator: m.indicator.name,
            raw: own,
            a: unit,
          })
        );
    }
    const added = figures.filter((f) => !f.offPeriod);
    const outliers = isRate ? [] : FIELDS.flatMap((field) => outliersOf(added, field));
    // Money far from the others is likely in the wrong scale (元 for 万元); a count, mistyped.
    const slipCode = isMoneyUnit(unit) ? "ROLLUP_OUTLIER" : "ROLLUP_OUT_OF_SCALE";
    for (const o of outliers) {
      const m = group.members.find((x) => x.unit === o.unit) as (typeof group.members)[number];
      const value = m.indicator[o.field];
      const shown = (v: number) => {
        const amount = formatAmount(v, unit, { decimals: options.decimals, scale: false });
        return `${amount.number}${amount.unit}`;
      };
      findings.push(
        finding(file(o.unit), slipCode, {
          sheet: value?.ref.sheet ?? m.indicator.sheet,
          cell: value?.ref.cell,
          indicator: m.indicator.name,
          field: o.field,
          raw: shown(figures.find((f) => f.unit === o.unit)?.[o.field] as number),
          a: shown(o.median),
          b: formatNumber(o.times, 0),
        })
      );
    }
    // Each field is held back on its own: a doubt in last year's value holds the growth only.
    const held: Holds = {};
    const who = (u: number) => `${units[u].name}（${units[u].file}）`;
    for (const o of outliers)
      held[o.field] ??= {
        code: slipCode,
        message: `${who(o.unit)}的${FIELD_WORDS[o.field]}${SLIP_WORDS[slipCode]}，${HELD_WORDS[o.field]}`,
        ...atCell(figures.find((f) => f.unit === o.unit)?.cells[o.field]),
      };
    for (const f of figures) {
      if (f.offPeriod) continue;
      const field = f.withheld
        ? (f.withheldField ?? "actual")
        : f.previousHeld
          ? "previous"
          : undefined;
      if (!field || (field === "previous" && f.actual === undefined)) continue;
      held[field] ??= {
        code: "ROLLUP_UNIT_WITHHELD",
        message: f.withheld
          ? `${who(f.unit)}的数有误需先修改（${f.withheld.replace(/。$/, "")}），${HELD_WORDS[field]}`
          : `${who(f.unit)}的上年同期数有误，${HELD_WORDS.previous}`,
        ...atCell(f.cells[field] ?? f.cells.name),
      };
    }
    // A part of a total its unit's parts exceed: one of the two is wrong, the part's sum too.
    const parentFigures = group.parent !== undefined ? built[group.parent]?.figures : undefined;
    const exceeded = parentFigures?.find(
      (p) => p.withheldCode === "PARTS_EXCEED_TOTAL" && figures.some((f) => f.unit === p.unit)
    );
    if (exceeded)
      held.actual ??= {
        code: "ROLLUP_UNIT_WITHHELD",
        message: `${who(exceeded.unit)}的数有误需先修改（${(exceeded.withheld as string).replace(/。$/, "")}），${HELD_WORDS.actual}`,
        ...atCell(exceeded.cells.actual),
      };
    const totals = totalsOf(figures, {
      isRate,
      outliers: outliers.map((o) => o.unit),
      floor: first.direction === "floor",
      held,
      units: districtUnits,
    });
    const reported = new Set(group.members.map((m) => m.unit));
    const missing = units.filter((u) => !reported.has(u.index)).map((u) => u.index);
    const own = ownMeasure.has(k);
    // Of the district's period: a unit of another is shown but does not report it.
    const inPeriod = [...reported].filter((u) => !offPeriod.has(u)).length;
    const few = keptByFew(inPeriod, districtUnits);
    const coverage = `${districtUnits}个${unitKind}中${inPeriod}个`;
    if (few) {
      const none: DistrictValue = {
        kind: "withheld",
        code: "ROLLUP_INDICATOR_FEW",
        message: FINDING_RULES.ROLLUP_INDICATOR_FEW.zh({ sheet: "", a: coverage }),
      };
      Object.assign(totals, { target: none, actual: none, previous: none, ranks: [] });
      delete totals.completionRate;
      delete totals.growth;
    }
    const d: DistrictIndicator = {
      id,
      name: commonName(group.members),
      unit,
      // A part (其中) stands where its total does, to be written inside its sentence.
      ...(group.parent !== undefined && built[group.parent]
        ? { category: built[group.parent].category, section: built[group.parent].section }
        : placementOf(group.members, readers)),
      direction: first.direction,
      isRate,
      figures,
      missing,
      target: totals.target,
      actual: totals.actual,
      previous: totals.previous,
      ranks: totals.ranks,
      behind: totals.behind,
      outliers: outliers.map((o) => o.unit),
    };
    built[k] = d;
    if (group.parent !== undefined)
      d.parentId = `${SUMMARY_SHEET}!B${layout.row(group.parent) + 1}`;
    if (totals.completionRate !== undefined) d.completionRate = totals.completionRate;
    if (totals.growth !== undefined) d.growth = totals.growth;
    if (totals.range) d.range = totals.range;
    if (isRate && totals.range) {
      const rated = group.members.filter((m) => m.indicator.actual && !offPeriod.has(m.unit));
      d.rateBase = figures.some((f) => f.withheld)
        ? { kind: "none", lacking: [], disagreeing: [] }
        : rateBaseOf(
            rated,
            (u) => rowsByUnit[u],
            cellOf,
            (u) => units[u].name
          );
    }
    // Missing in a few units: each is named. Kept by few (a measure of its own, one unit's
    // own row): one finding says so, rather than one for every unit without it.
    const main = matching.clashes.find((c) => c.own === k);
    if (main)
      d.apartFrom = {
        id: `${SUMMARY_SHEET}!B${layout.row(main.group) + 1}`,
        unit: districtUnitOf(matching.groups[main.group].members),
      };
    const other = inOtherMeasure.get(k) ?? [];
    if (other.length > 0) d.otherMeasure = other;
    if (group.parent === undefined && !own && few)
      findings.push(
        finding(file(group.first.unit), "ROLLUP_INDICATOR_FEW", {
          sheet: group.first.indicator.nameRef.sheet,
          cell: group.first.indicator.nameRef.cell,
          indicator: first.name,
          a: coverage,
          b: String(inPeriod),
          c: String(districtUnits),
        })
      );
    const explained = new Set(other.map((o) => o.unit));
    if (group.parent === undefined && !own && !few)
      // A unit of another period is named once for its period, not for each row it lacks.
      for (const u of missing.filter((m) => !explained.has(m) && !offPeriod.has(m)))
        findings.push(
          finding(units[u].file, "ROLLUP_INDICATOR_MISSING", {
            sheet: sheetOfLine(u, d),
            indicator: d.name,
            a: at(group.members.find((m) => m.indicator.name === d.name) ?? group.first),
            b: `${inPeriod}个${unitKind}`,
            c: `${inPeriod} units`,
          })
        );
    return d;
  });
  // Each unit whose blank target or last year's value leaves it out of a rate or growth the
  // others give: named once per field, with the indicators ("“临时救助”无目标值，…").
  for (const field of ["target", "previous"] as const)
    units.forEach((u) => {
      const rows = indicators.filter((d) => {
        const v = d[field];
        const computed = field === "target" ? d.completionRate : d.growth;
        return v.kind === "sum" && computed !== undefined && v.lacking?.includes(u.index);
      });
      if (rows.length === 0) return;
      const figure = rows[0].figures.find((f) => f.unit === u.index) as UnitFigure;
      const shown = rows
        .slice(0, LISTED_LEFT_OUT)
        .map((d) => `“${d.name}”`)
        .join("");
      findings.push(
        finding(u.file, "ROLLUP_FIELD_LEFT_OUT", {
          sheet: figure.cells.name.sheet,
          ...(rows.length === 1 ? { cell: figure.cells.name.cell, indicator: rows[0].name } : {}),
          field,
          // One indicator is named by the finding's place ("社会事业!A16 “临时救助”").
          raw:
            rows.length === 1
              ? ""
              : rows.length > LISTED_LEFT_OUT
                ? `${shown}等${rows.length}项`
                : shown,
          a: rows.map((d) => d.name).join(", "),
        })
      );
    });
  for (const clash of matching.clashes)
    findings.push(
      finding(file(clash.b.unit), "ROLLUP_MEASURE_CLASH", {
        sheet: clash.b.indicator.nameRef.sheet,
        cell: clash.b.indicator.nameRef.cell,
        indicator: clash.b.indicator.name,
        raw: normalizeUnit(clash.b.indicator.unit) || "（无）",
        a: at(clash.a),
        b: normalizeUnit(clash.a.indicator.unit) || "（无）",
      })
    );
  for (const f of unitFindings(counted)) findings.push(f);
  const year = mostCommon(units.flatMap((u) => (u.year !== undefined ? [u.year] : [])));
  const hasYear = units.some((u) => u.year !== undefined);
  const text = districtText(indicators, units, unitKind, layout, {
    options,
    months,
    ...(hasYear ? { year } : {}),
  });
  const rollup: Rollup = {
    unitKind,
    units,
    unread,
    duplicates,
    leftOut,
    indicators,
    findings,
    paragraphs: text.sections.flatMap((s) => s.paragraphs),
    sections: text.sections,
    districtIndicators: text.indicators,
    trace: Object.fromEntries(text.trace),
    months,
  };
  if (hasYear) rollup.year = year;
  // "云溪区江滨街道…" in more than half the units' own names: the district's name for its title.
  const named = counted.flatMap((c) => (c.input.named.district ? [c.input.named.district] : []));
  const district = named.find(
    (d) => named.filter((other) => other === d).length * 2 > counted.length
  );
  if (district) rollup.district = district;
  return rollup;
}

export { districtReport, districtTitle } from "./report";
