/**
 * The district paragraphs, in the official style of the units' own: each district indicator
 * becomes an engine indicator on the 汇总 sheet (its cells are the sums there), written by the
 * narrative's own clause writer, then the roll-up's words: the first unit, the units behind.
 * Every number traces to a 汇总 cell, and every 汇总 cell to the units' cells (`trace`).
 */
import { fillEvaluation, statusOf } from "../evaluate";
import { DISTRICT_WORDS, MAX_TIED, RATE_BASE_WORDS, sumWords } from "../lexicon/district";
import { formatPercent } from "../format";
import { AnalysisSection, Indicator, Paragraph, SectionHeading, SourcedNumber } from "../model";
import {
  NarrativeContext,
  ParagraphBuilder,
  leadOf,
  workbookSections,
  writeClause,
  writeValue,
} from "../narrative";
import { DistrictIndicator, DistrictValue, Unit, UnitCell } from "./model";
import { RollupLayout, SUMMARY_SHEET } from "./layout";
import { keptByFew } from "./figures";
import { behindWordsOf, firstUnits, reportingCount } from "./summary";

export interface DistrictText {
  /** The district indicators as engine rows of the 汇总 sheet. */
  indicators: Indicator[];
  sections: AnalysisSection[];
  /** "汇总!D5" → the units' cells it holds or is computed from. */
  trace: Map<string, UnitCell[]>;
}

function ref(row: number, col: number, layout: RollupLayout) {
  return { sheet: SUMMARY_SHEET, cell: layout.at(row, col) };
}

function number(
  value: number,
  at: { sheet: string; cell: string },
  approx?: SourcedNumber["approx"]
): SourcedNumber {
  const n: SourcedNumber = { value, raw: String(value), ref: at };
  if (approx) n.approx = approx;
  return n;
}

/** The district indicator as a row the narrative can write: its numbers are the 汇总 cells. */
function asIndicator(
  d: DistrictIndicator,
  index: number,
  layout: RollupLayout,
  months: number
): Indicator {
  const row = layout.row(index);
  const nameRef = ref(row, 1, layout);
  const section: SectionHeading[] = d.section.map((title, level) => ({
    title,
    level: level + 1,
    ref: nameRef,
  }));
  const indicator: Indicator = {
    id: d.id,
    name: d.name,
    label: d.name,
    unit: d.unit,
    category: d.category,
    tableId: SUMMARY_SHEET,
    sheet: SUMMARY_SHEET,
    row,
    nameRef,
    direction: d.direction,
    isTotal: false,
    section,
    trust: { kind: "quotable", growth: d.previous.kind === "sum", doubts: [] },
    status: "not-reported",
  };
  if (d.parentId) indicator.parentId = d.parentId;
  const sumAt = (value: DistrictValue, col: number): SourcedNumber | undefined =>
    value.kind === "sum" ? number(value.value, ref(row, col, layout), approxOf(d)) : undefined;
  const actual = sumAt(d.actual, layout.col("total"));
  const target = sumAt(d.target, layout.col("target"));
  const previous = sumAt(d.previous, layout.col("previous"));
  if (actual) indicator.actual = actual;
  if (target) indicator.target = target;
  if (previous) indicator.previous = previous;
  if (d.actual.kind === "withheld")
    indicator.trust = {
      kind: "withheld",
      because: {
        code: d.actual.code,
        severity: "warning",
        ref: ref(row, layout.col("total"), layout),
        message: d.actual.message,
        messageEn: d.actual.message,
      },
    };
  fillEvaluation(indicator, months);
  // A target or last year's sum of some units only: the rate and growth are those of the same
  // units (figures.ts), and so is whether the district is behind its target.
  const partial = (v: DistrictValue) => v.kind === "sum" && v.lacking !== undefined;
  if (actual && target && partial(d.target)) {
    if (d.completionRate === undefined) delete indicator.completionRate;
    else {
      indicator.completionRate = d.completionRate;
      indicator.status = statusOf({
        ...indicator,
        actual: { ...actual, value: d.completionRate * target.value },
      });
    }
  }
  if (actual && previous && partial(d.previous)) {
    if (d.growth === undefined) {
      delete indicator.growth;
      delete indicator.growthKind;
    } else indicator.growth = d.growth;
  }
  return indicator;
}

/** A sum of approximate values is approximate: 余 when every one is a floor, else 约. */
function approxOf(d: DistrictIndicator): SourcedNumber["approx"] | undefined {
  const approximations = d.figures.map((f) => f.approx).filter((a) => a !== undefined);
  if (approximations.length === 0) return undefined;
  return approximations.every((a) => a === "over" || a === "atLeast") ? "over" : "about";
}

function unitNames(indices: number[], units: Unit[]): string {
  return indices.map((u) => units[u].name).join("、");
}

/** One district indicator's sentence, or nothing when it has no number to quote. */
function writeSentence(
  b: ParagraphBuilder,
  d: DistrictIndicator,
  indicator: Indicator,
  parts: Indicator[],
  ctx: NarrativeContext,
  units: Unit[],
  unitKind: string,
  layout: RollupLayout,
  row: number
): boolean {
  // A district sentence speaks for most units: one kept by a few stays in the table. A unit
  // of another period counts among the district's units, never among those that report.
  const all = units.length;
  const reporting = reportingCount(d);
  if (reporting < 2 || keptByFew(reporting, all)) return false;
  let behindSaid = false;
  if (d.isRate) {
    if (!d.range) return false;
    const { min, max } = d.range;
    // A rate speaks for the units of the district's period that give one.
    const rated = d.figures.filter((f) => f.actual !== undefined && !f.offPeriod).length;
    const base =
      d.rateBase?.kind === "ratio" || d.rateBase?.kind === "weighted" ? d.rateBase : undefined;
    const some = rated === all ? "" : DISTRICT_WORDS.someReported(all, rated, unitKind);
    if (base) {
      // The district's rate from the units' bases, and where it comes from; then the range.
      b.plain(`${some || DISTRICT_WORDS.whole}${d.name}${RATE_BASE_WORDS.districtIs}`);
      b.quote(
        formatPercent(base.value / 100),
        "value",
        number(base.value, ref(row, layout.col("total"), layout))
      );
      b.plain(
        `${RATE_BASE_WORDS.weightedBy(unitKind, base.base)}，${DISTRICT_WORDS.each(unitKind)}`
      );
    } else b.plain(`${some || DISTRICT_WORDS.each(unitKind)}${d.name}`);
    const quote = (u: { unit: number; value: number }) =>
      b.quote(
        formatPercent(u.value / 100),
        "value",
        number(u.value, ref(row, layout.unitCol(u.unit), layout))
      );
    if (min.value === max.value) {
      b.plain(DISTRICT_WORDS.allAt);
      quote(min);
    } else {
      b.plain("在");
      quote(min);
      b.plain("—");
      quote(max);
      b.plain(DISTRICT_WORDS.between);
      // Who is at either end, every one of them when tied; a crowd at one end is not named.
      const ends = [
        { end: max, words: DISTRICT_WORDS.highest },
        { end: min, words: DISTRICT_WORDS.lowest },
      ].filter(({ end }) => end.units.length <= MAX_TIED);
      const behind = new Set(d.behind);
      for (const { end, words } of ends) {
        b.plain(`，${words(unitNames(end.units, units), end.units.length > 1)}`);
        // "西城街道最高，未控制在目标以内": the units behind are these, said once.
        if (
          !behindSaid &&
          end.units.length === behind.size &&
          end.units.every((u) => behind.has(u))
        ) {
          b.plain(`，${behindWordsOf(d, ctx.months, ctx.options.decimals)}`);
          behindSaid = true;
        }
      }
    }
  } else {
    if (!indicator.actual || indicator.trust.kind !== "quotable") return false;
    const actual = d.actual as Extract<DistrictValue, { kind: "sum" }>;
    b.plain(
      actual.of.length === all
        ? DISTRICT_WORDS.whole
        : DISTRICT_WORDS.partial(all, actual.of.length, unitKind)
    );
    // A total of some units calls itself 合计 where its frame says (lexicon/district.ts).
    const partial = actual.of.length !== all;
    writeClause(b, indicator, parts, partial ? { ...ctx, sumWords } : ctx, false, false);
    const top = firstUnits(d);
    const figure = d.figures.find((f) => f.unit === top[0]);
    // The first named only when it stands out: one unit, or two or three tied (并列第一).
    if (figure?.actual !== undefined) {
      b.plain(`，${unitNames(top, units)}`);
      if (top.length > 1) b.plain(DISTRICT_WORDS.allAt);
      writeValue(
        b,
        indicator,
        number(figure.actual, ref(row, layout.unitCol(figure.unit), layout)),
        ctx
      );
      b.plain(top.length > 1 ? `，${DISTRICT_WORDS.tiedFirst}` : DISTRICT_WORDS.first);
    }
  }
  const behind = behindWordsOf(d, ctx.months, ctx.options.decimals);
  if (!behindSaid && d.behind.length === all)
    b.plain(`；${DISTRICT_WORDS.each(unitKind)}均${behind}`);
  else if (!behindSaid && d.behind.length > 0) b.plain(`；${unitNames(d.behind, units)}${behind}`);
  b.plain("。");
  return true;
}

export function districtText(
  indicators: DistrictIndicator[],
  units: Unit[],
  unitKind: string,
  layout: RollupLayout,
  ctx: NarrativeContext
): DistrictText {
  const rows = indicators.map((d, k) => asIndicator(d, k, layout, ctx.months));
  const trace = new Map<string, UnitCell[]>();
  indicators.forEach((d, k) => {
    const row = layout.row(k);
    const cellsOf = (field: "target" | "actual" | "previous") =>
      d.figures.flatMap((f) => (f.cells[field] ? [f.cells[field] as UnitCell] : []));
    // A rate's district value comes from the units' rates and their bases.
    const base =
      d.rateBase?.kind === "ratio" || d.rateBase?.kind === "weighted" ? d.rateBase.cells : [];
    trace.set(`${SUMMARY_SHEET}!${layout.at(row, layout.col("total"))}`, [
      ...cellsOf("actual"),
      ...base,
    ]);
    trace.set(`${SUMMARY_SHEET}!${layout.at(row, layout.col("target"))}`, cellsOf("target"));
    trace.set(`${SUMMARY_SHEET}!${layout.at(row, layout.col("previous"))}`, cellsOf("previous"));
    for (const f of d.figures)
      if (f.cells.actual)
        trace.set(`${SUMMARY_SHEET}!${layout.at(row, layout.unitCol(f.unit))}`, [f.cells.actual]);
  });
  const byId = new Map(rows.map((r, k) => [r.id, k]));
  const bases = new Set(
    indicators.flatMap((d) =>
      d.rateBase && d.rateBase.kind !== "none" && d.rateBase.baseGroup !== undefined
        ? [d.rateBase.baseGroup]
        : []
    )
  );
  const sections: AnalysisSection[] = workbookSections(rows).map((section) => {
    const b = new ParagraphBuilder();
    const quoted: string[] = [];
    const omitted: AnalysisSection["omitted"] = [];
    b.plain(leadOf(ctx));
    for (const row of section.rows) {
      if (row.parentId) continue;
      const k = byId.get(row.id) as number;
      const d = indicators[k];
      const parts = section.rows.filter(
        (p) =>
          p.parentId === row.id &&
          p.actual &&
          p.trust.kind === "quotable" &&
          covers(indicators[byId.get(p.id) as number], d)
      );
      // A rate's base with no target of its own (应参保人数) is said in the rate's sentence.
      if (bases.has(k) && d.target.kind === "none") continue;
      if (writeSentence(b, d, row, parts, ctx, units, unitKind, layout, layout.row(k)))
        quoted.push(row.id);
      // Kept by a few units is no figure to fix: it stays in the table and its finding.
      else if (row.trust.kind === "withheld" && row.trust.because.code !== "ROLLUP_INDICATOR_FEW") {
        // The cell to fix is the unit's own ("西岭街道.xlsx 指标!D6"), not the 汇总 sheet's.
        const at = d.actual.kind === "withheld" ? d.actual.cell : undefined;
        omitted.push({
          indicatorId: row.id,
          name: row.name,
          sheet: at ? `${at.file} ${at.sheet}` : SUMMARY_SHEET,
          cell: at ? at.cell : row.trust.because.ref.cell,
          reason: row.trust.because.message,
        });
      }
    }
    const title = section.path[section.path.length - 1]?.title ?? "";
    const category = section.category ?? section.rows[0]?.category ?? "other";
    const paragraphs: Paragraph[] =
      quoted.length > 0
        ? [
            {
              category,
              title,
              section: section.path,
              text: b.text,
              sources: b.sources,
              indicatorIds: quoted,
              omitted,
            },
          ]
        : [];
    return { path: section.path, title, category, paragraphs, omitted };
  });
  return { indicators: rows, sections, trace };
}

/** A part is quoted inside its total only when it covers the same units. */
function covers(part: DistrictIndicator, whole: DistrictIndicator): boolean {
  return (
    part.actual.kind === "sum" &&
    whole.actual.kind === "sum" &&
    part.actual.of.length === whole.actual.of.length
  );
}
