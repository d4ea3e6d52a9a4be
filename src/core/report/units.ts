/**
 * Units as written in report text, and converting an indicator's value into the unit a
 * sentence uses: 986 万元 → 9860000 元, 12.6 亿元 → 126000 万元, 43185 剂次 for "X针次".
 * Anything that is not a plain change of 万/亿 scale between the same base unit is refused:
 * a wrong number is worse than a blank.
 */
import { KNOWN_BASE_UNITS, baseUnit, isPercentUnit, normalizeUnit, unitScale } from "../units";

/** Base units that mean the same count: 名 and 位 are people, a 针 is a 剂 (dose). */
const SAME_BASE: string[][] = [
  ["人", "名", "位"],
  ["剂次", "剂", "针次", "针"],
  ["平方米", "平米", "㎡", "m²", "m2"],
  ["立方米", "m³", "m3"],
  ["公里", "千米", "km"],
  ["场次", "场"],
  ["批次", "批"],
  ["公斤", "千克", "kg"],
  ["车", "车次"],
];

function baseKey(base: string): string {
  for (const group of SAME_BASE) if (group.includes(base)) return group[0];
  return base;
}

/**
 * Units that may follow a number in report text, longest first so that "人次" wins over "人"
 * and "万平方米" over "万".
 */
const TEXT_BASE_UNITS = [
  ...new Set([
    ...KNOWN_BASE_UNITS,
    // Words that count in a text but name no row's unit: people (名, 位), kinds (类).
    "名",
    "位",
    "㎡",
    "类",
  ]),
];

export const TEXT_UNITS: string[] = [
  ...TEXT_BASE_UNITS.flatMap((u) => [`亿${u}`, `万${u}`]),
  ...TEXT_BASE_UNITS,
].sort((a, b) => b.length - a.length);

/** What may follow a unit to make it one per month, year, person…: "元/月", "元/人/月". */
export const PER_UNIT =
  /^(?:[/／](?:人|户|亩|平方米|㎡|次))?[/／](?:月|年|季度|天|日|人|户|亩|平方米|㎡|次)/;

/** What a unit written after a number means. */
export type TextUnit =
  | { kind: "percent" }
  | { kind: "points" } // 个百分点
  | { kind: "times" } // 倍
  | { kind: "measure"; unit: string; base: string; scale: number }
  | { kind: "bare"; scale: number }; // a number with no unit, maybe "X万"

export function describeTextUnit(scaleWord: string, unit: string): TextUnit {
  if (unit === "%" || unit === "％") return { kind: "percent" };
  if (unit === "个百分点" || unit === "百分点") return { kind: "points" };
  if (unit === "倍") return { kind: "times" };
  if (unit === "")
    return { kind: "bare", scale: scaleWord === "亿" ? 1e8 : scaleWord === "万" ? 1e4 : 1 };
  const written = `${scaleWord}${unit}`;
  return {
    kind: "measure",
    unit: written,
    base: baseKey(baseUnit(written)),
    scale: unitScale(written),
  };
}

export function isSameBase(a: string, b: string): boolean {
  return baseKey(baseUnit(a)) === baseKey(baseUnit(b));
}

/**
 * Factor that turns a value in the indicator's unit into the unit the text writes, or
 * undefined when the two cannot be converted (人 vs 户, 元 vs %, 人 vs 剂次).
 * A bare number is accepted for an unscaled count ("人口数XX" for a 人 indicator).
 */
export function conversionFactor(indicatorUnit: string, text: TextUnit): number | undefined {
  const unit = normalizeUnit(indicatorUnit);
  if (text.kind === "percent") return isPercentUnit(unit) ? 1 : undefined;
  if (text.kind === "points" || text.kind === "times") return undefined;
  if (isPercentUnit(unit) || unit === "") return undefined;
  if (text.kind === "bare") {
    // "总投资X万" for a 万元 row: 万 or 亿 of the row's own base unit.
    if (text.scale !== 1) return unitScale(unit) / text.scale;
    return unitScale(unit) === 1 && baseUnit(unit) !== "元" ? 1 : undefined;
  }
  if (baseKey(baseUnit(unit)) !== text.base) return undefined;
  return unitScale(unit) / text.scale;
}

/** Removes binary noise: 12.6 × 10000 = 125999.99999999999 → 126000. */
export function clean(value: number): number {
  return Number.parseFloat(value.toPrecision(12));
}
