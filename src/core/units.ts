/**
 * Units of measure: which are percentages, which carry a 万/亿 scale, which are money.
 */
import { rememberedOf, toHalfWidth } from "./text";

const SCALE_PREFIXES: Record<string, number> = { 千: 1e3, 万: 1e4, 百万: 1e6, 千万: 1e7, 亿: 1e8 };

/** Units a statistician writes after a number or in parentheses after a name. */
export const KNOWN_BASE_UNITS = [
  "人次",
  "人",
  "户",
  "个",
  "家",
  "元",
  "剂次",
  "剂",
  "针次",
  "针",
  "平方米",
  "平米",
  "亩",
  "次",
  "件",
  "场",
  "所",
  "座",
  "套",
  "名",
  "项",
  "千瓦时",
  "吨",
  "公里",
  "辆",
  "天",
  "小时",
  "间",
  "栋",
  "处",
  "条",
  "张",
  "份",
  "本",
  "台",
  "岗",
  "班",
  "批",
  "起",
  "例",
  "床",
  "株",
  "米",
  "立方米",
  "美元",
  "公斤",
  "千克",
  "车",
  "场次",
  "家次",
  "批次",
  "微克/立方米",
  "毫克/立方米",
  "车次",
  "期",
  "篇",
  "支",
  "块",
  "袋",
  "部",
  "棵",
  "盏",
  "届",
  "轮",
  "具",
  "只",
  "头",
  "艘",
  "幢",
  "把",
  "组",
  "宗",
  "箱",
  "册",
  "卷",
  "枚",
  "瓶",
  "盒",
  "顶",
  "口",
  "眼",
  "对",
  "段",
  "片",
  "笔",
  "课时",
  "学时",
  "公顷",
  "平方公里",
  "辆次",
  "架次",
  "册次",
  "户次",
];

export function normalizeUnit(unit: string): string {
  return rememberedOf(normalizedUnitOf, unit);
}

function normalizedUnitOf(unit: string): string {
  const text = toHalfWidth(unit).replace(/\s+/g, "");
  if (text === "％" || text === "%" || text === "百分比" || text === "百分点") return "%";
  // ㎡ and m² (m2 once half-width) are 平方米, scaled or not: "（㎡）" after a name is its unit.
  const squareMetres = /^(万|亿)?m2$/i.exec(text);
  if (squareMetres) return `${squareMetres[1] ?? ""}平方米`;
  return text;
}

export function isPercentUnit(unit: string): boolean {
  return normalizeUnit(unit) === "%";
}

/** 万元 → 1e4, 亿元 → 1e8, 元 → 1, 人 → 1. */
export function unitScale(unit: string): number {
  const text = normalizeUnit(unit);
  if (text === "千元") return 1e3;
  for (const prefix of ["百万", "千万", "万", "亿"]) {
    if (text.startsWith(prefix) && text.length > prefix.length) return SCALE_PREFIXES[prefix];
  }
  // 千瓦时 and 千克 are units, not scaled ones
  return 1;
}

/** 万元 → 元, 亿元 → 元, 万人 → 人. */
export function baseUnit(unit: string): string {
  const text = normalizeUnit(unit);
  if (text === "千元") return "元";
  for (const prefix of ["百万", "千万", "万", "亿"]) {
    if (text.startsWith(prefix) && text.length > prefix.length) return text.slice(prefix.length);
  }
  return text;
}

export function isMoneyUnit(unit: string): boolean {
  const base = baseUnit(unit);
  return base === "元" || base === "美元";
}

/** Units that count things (never negative, never a share). */
export function isCountUnit(unit: string): boolean {
  const base = baseUnit(unit);
  return base !== "" && base !== "%" && !isMoneyUnit(unit);
}

/** Scale words that may follow a number inside a cell: "4.2万", "12.6亿". */
export function scaleOfSuffix(suffix: string): number | undefined {
  return SCALE_PREFIXES[suffix];
}

/** "万元", "人", "%", "万平方米" … a unit we recognise (with an optional 万/亿 prefix). */
export function isKnownUnit(text: string): boolean {
  const unit = normalizeUnit(text);
  if (unit === "%") return true;
  return KNOWN_BASE_UNITS.includes(baseUnit(unit));
}
