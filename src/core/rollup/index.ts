/**
 * The district roll-up (汇总): many units' workbooks, each analysed by the engine, into one
 * district's figures, findings and paragraphs. Pure: the files are read by the faces.
 */
import { makeFinding, FindingCode, FindingDetails } from "../findings";
import { formatAmount, formatNumber } from "../format";
import { unitKindOf } from "../lexicon/district";
import { periodPhrase } from "../lexicon/period";
import { Analysis, Indicator, ResolvedOptions } from "../model";
import { canon } from "../report/names";
import { isPercentUnit, normalizeUnit } from "../units";
import { districtUnitOf, outliersOf, totalsOf, unitFigure } from "./figures";
import { rollupLayout, SUMMARY_SHEET } from "./layout";
import { matchUnits } from "./match";
import { districtText } from "./paragraphs";
import { DistrictIndicator, Rollup, RollupFinding, Unit, UnitInput, UnreadFile } from "./model";

export * from "./model";
export { unitNameOf } from "./unit-name";
export { rollupLayout } from "./layout";

function finding(file: string, code: FindingCode, details: FindingDetails): RollupFinding {
  const f = makeFinding(code, details);
  return { ...f, file, message: `${file} ${f.message}`, messageEn: `${file} ${f.messageEn}` };
}

/** Two files are one workbook when every indicator, unit and number is the same. */
function fingerprintOf(analysis: Analysis): string {
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

/** The units counted: duplicates of an earlier file are named and left out. */
function countedUnits(inputs: UnitInput[], findings: RollupFinding[]) {
  const seen = new Map<string, string>();
  const names = new Map<string, string>();
  const counted: Counted[] = [];
  const duplicates: Rollup["duplicates"] = [];
  for (const input of inputs) {
    const print = fingerprintOf(input.analysis);
    const earlier = input.analysis.indicators.length > 0 ? seen.get(print) : undefined;
    const sheet = input.analysis.tables[0]?.sheet ?? "";
    if (earlier) {
      duplicates.push({ file: input.file, of: earlier });
      findings.push(finding(input.file, "ROLLUP_DUPLICATE_FILE", { sheet, a: earlier }));
      continue;
    }
    seen.set(print, input.file);
    let name = input.named.name;
    const sameName = names.get(name);
    if (sameName) {
      findings.push(finding(input.file, "ROLLUP_SAME_UNIT", { sheet, a: sameName, b: name }));
      name = `${name}（${input.file}）`;
    } else names.set(name, input.file);
    const unit: Unit = {
      index: counted.length,
      name,
      file: input.file,
      nameFrom: input.named.from,
      months: input.analysis.months,
    };
    if (input.analysis.year !== undefined) unit.year = input.analysis.year;
    counted.push({ unit, input });
  }
  return { counted, duplicates };
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

/** The name most units write (社会消费品零售总额 over one unit's 社零额); the first on a tie. */
function commonName(members: { indicator: Indicator }[]): string {
  const counts = new Map<string, number>();
  for (const m of members) counts.set(m.indicator.name, (counts.get(m.indicator.name) ?? 0) + 1);
  let best = members[0].indicator.name;
  for (const [name, count] of counts) if (count > (counts.get(best) ?? 0)) best = name;
  return best;
}

/**
 * The district's section for an indicator: by its line of work, as units' headings differ
 * (就业创业, 就业工作, 一、民生…); a row of no known line of work keeps the heading most of
 * its units give it.
 */
function sectionOf(members: { indicator: Indicator }[]): string[] {
  const first = members[0].indicator;
  if (first.category !== "other") return [];
  const counts = new Map<string, number>();
  for (const m of members) {
    const title = m.indicator.section[m.indicator.section.length - 1]?.title;
    if (title) counts.set(title, (counts.get(title) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  return best ? [best[0]] : [];
}

export function rollUp(
  inputs: UnitInput[],
  unread: UnreadFile[],
  options: ResolvedOptions
): Rollup {
  const findings: RollupFinding[] = unread.map((u) =>
    finding(u.file, "ROLLUP_FILE_UNREAD", { sheet: "", raw: u.message, a: u.messageEn })
  );
  const { counted, duplicates } = countedUnits(inputs, findings);
  const units = counted.map((c) => c.unit);
  const unitKind = unitKindOf(units.map((u) => u.name));
  const months = options.period ?? mostCommon(units.map((u) => u.months));
  for (const u of units)
    if (u.months !== months)
      findings.push(
        finding(u.file, "ROLLUP_PERIOD_DIFFERS", {
          sheet: counted[u.index].input.analysis.tables[0]?.sheet ?? "",
          a: periodPhrase(u.months) || "全年",
          b: periodPhrase(months) || "全年",
          c: String(u.months),
        })
      );
  const matching = matchUnits(counted.map((c) => c.input.analysis.indicators));
  const layout = rollupLayout(units.length);
  const file = (unit: number) => units[unit].file;
  const at = (m: { unit: number; indicator: Indicator }) =>
    `${file(m.unit)} ${m.indicator.nameRef.sheet}!${m.indicator.nameRef.cell}`;
  const indicators: DistrictIndicator[] = matching.groups.map((group, k) => {
    const first = group.first.indicator;
    const unit = districtUnitOf(group.members);
    const isRate = isPercentUnit(unit);
    const figures = group.members.map((m) => unitFigure(m, file(m.unit), unit));
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
    const outliers = isRate ? [] : outliersOf(figures);
    for (const o of outliers) {
      const m = group.members.find((x) => x.unit === o.unit) as (typeof group.members)[number];
      const shown = (v: number) => {
        const amount = formatAmount(v, unit, { decimals: options.decimals, scale: false });
        return `${amount.number}${amount.unit}`;
      };
      findings.push(
        finding(file(o.unit), "ROLLUP_OUTLIER", {
          sheet: m.indicator.actual?.ref.sheet ?? m.indicator.sheet,
          cell: m.indicator.actual?.ref.cell,
          indicator: m.indicator.name,
          raw: shown(figures.find((f) => f.unit === o.unit)?.actual as number),
          a: shown(o.median),
          b: formatNumber(o.times, 0),
        })
      );
    }
    const outlier = outliers[0];
    const totals = totalsOf(figures, {
      isRate,
      floor: first.direction === "floor",
      held: outlier
        ? {
            code: "ROLLUP_OUTLIER",
            message: `${units[outlier.unit].name}的完成数可能是元与万元混用，全区合计暂不引用`,
          }
        : undefined,
    });
    const reported = new Set(group.members.map((m) => m.unit));
    const missing = units.filter((u) => !reported.has(u.index)).map((u) => u.index);
    const d: DistrictIndicator = {
      id,
      name: commonName(group.members),
      unit,
      category: first.category,
      direction: first.direction,
      section: sectionOf(group.members),
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
    if (group.parent !== undefined)
      d.parentId = `${SUMMARY_SHEET}!B${layout.row(group.parent) + 1}`;
    if (totals.completionRate !== undefined) d.completionRate = totals.completionRate;
    if (totals.growth !== undefined) d.growth = totals.growth;
    if (totals.range) d.range = totals.range;
    if (group.parent === undefined)
      for (const u of missing)
        findings.push(
          finding(units[u].file, "ROLLUP_INDICATOR_MISSING", {
            sheet: counted[u].input.analysis.tables[0]?.sheet ?? "",
            indicator: first.name,
            a: at(group.first),
            b: `${reported.size}个${unitKind}`,
            c: `${reported.size} units`,
          })
        );
    return d;
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
    indicators,
    findings,
    paragraphs: text.sections.flatMap((s) => s.paragraphs),
    sections: text.sections,
    districtIndicators: text.indicators,
    trace: Object.fromEntries(text.trace),
    months,
  };
  if (hasYear) rollup.year = year;
  return rollup;
}

export { districtReport, districtTitle } from "./report";
