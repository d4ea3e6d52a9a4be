/**
 * Reading a cell as a number, the way a statistician wrote it: 1126, "1,126", "１１２６",
 * "4.2万", "12.6亿元", "95%", "约500", "500余", "≤3.5", "控制在3.5%以内", "—", #DIV/0!.
 * Nothing unreadable becomes 0: it comes back as `unreadable` so a finding can point at it.
 */
import { Approximation, Direction } from "./model";
import { toHalfWidth } from "./text";
import { isKnownUnit, scaleOfSuffix } from "./units";
import { CellModel, isCellError } from "./workbook";

export type CellReading =
  | { kind: "empty" }
  /** Written on purpose as "nothing": —, /, 无, 不适用. */
  | { kind: "none"; raw: string }
  | { kind: "error"; raw: string }
  | { kind: "unreadable"; raw: string }
  /** A formula saved without its result. */
  | { kind: "uncalculated"; raw: string }
  /** A number, but far beyond anything a sub-district counts (≥ 10^15): a slip, not data. */
  | { kind: "implausible"; raw: string }
  | NumberReading;

export interface NumberReading {
  kind: "number";
  /** The number as written, before any 万/亿 suffix or % is applied: "4.2万" → 4.2. */
  value: number;
  /** Multiplier written after the number: 万 → 1e4, 亿 → 1e8; 1 when none. */
  scale: number;
  /** The cell shows a percentage (a % number format or a "%" sign); `value` is then in percent. */
  percent: boolean;
  approx?: Approximation;
  bound?: Direction;
  /** A unit written after the number ("1126人" → "人"). */
  unitText?: string;
  raw: string;
}

const NONE_WORDS = new Set([
  "-",
  "--",
  "—",
  "——",
  "–",
  "/",
  "\\",
  "无",
  "空",
  "暂无",
  "不适用",
  "n/a",
  "na",
  "…",
  "...",
  "×",
]);

/** No sub-district figure reaches 10^15 (a thousand trillion) in any unit. */
const IMPLAUSIBLE = 1e15;

/** Error values that arrive as text (pasted, or from a CSV). */
const EXCEL_ERRORS = /^#(DIV\/0!|N\/A|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$/i;
const CEILING_PREFIX = /^(≤|<=|<|不高于|不超过|不大于|低于|小于|控制在|控制)/;
const CEILING_SUFFIX = /(以内|以下|之内)$/;
const FLOOR_PREFIX = /^(≥|>=|>|不低于|不少于|不小于|大于|达到|超过)/;
const FLOOR_SUFFIX = /(以上)$/;
const APPROX_PREFIX: [RegExp, Approximation][] = [
  [/^(约|大约|大概)/, "about"],
  [/^(将近|接近|近)/, "nearly"],
  [/^(逾|超)/, "over"],
];
const APPROX_SUFFIX: [RegExp, Approximation][] = [
  [/(左右)$/, "about"],
  [/(余|多)$/, "over"],
];

const NUMBER = /^([+-]?)(\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)(百万|千万|万|亿|千)?(.*)$/;

/** The text a user sees in a cell holding `value` with format `numFmt`. */
export function shownText(cell: CellModel | undefined): string {
  if (!cell || cell.value === null || cell.value === undefined) return "";
  const { value } = cell;
  if (isCellError(value)) return value.error;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "number" && isPercentFormat(cell.numFmt))
    return `${trimFloat(value * 100)}%`;
  return String(value);
}

export function isPercentFormat(numFmt: string | undefined): boolean {
  // "0.00%" but not a literal "%" inside quotes such as 0"%"
  if (!numFmt || !numFmt.includes("%")) return false;
  return !numFmt.includes('"') || /%/.test(numFmt.replace(/"[^"]*"/g, ""));
}

export function readCell(cell: CellModel | undefined): CellReading {
  if (cell?.uncalculated) return { kind: "uncalculated", raw: "" };
  if (!cell || cell.value === null || cell.value === undefined) return { kind: "empty" };
  const { value } = cell;
  if (isCellError(value)) return { kind: "error", raw: value.error };
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { kind: "unreadable", raw: String(value) };
    if (Math.abs(value) >= IMPLAUSIBLE) return { kind: "implausible", raw: shownText(cell) };
    const percent = isPercentFormat(cell.numFmt);
    const shown = percent ? trimFloat(value * 100) : value;
    return {
      kind: "number",
      value: shown,
      scale: 1,
      percent,
      raw: percent ? `${shown}%` : String(value),
    };
  }
  if (typeof value === "string") return readNumberText(value);
  // Dates and booleans in a numeric column are mistakes, not numbers.
  return { kind: "unreadable", raw: shownText(cell) };
}

/** Reads text such as "约4.2万元" or "控制在3.5%以内". */
export function readNumberText(original: string): CellReading {
  const raw = original.trim();
  let text = toHalfWidth(original)
    .replace(/\s+/g, "")
    .replace(/\u2212/g, "-");
  if (text === "") return { kind: "empty" };
  if (NONE_WORDS.has(text.toLowerCase())) return { kind: "none", raw };
  if (EXCEL_ERRORS.test(text)) return { kind: "error", raw };

  let bound: Direction | undefined;
  let approx: Approximation | undefined;
  const strip = (re: RegExp): boolean => {
    const next = text.replace(re, "");
    const changed = next !== text;
    text = next;
    return changed;
  };
  if (strip(CEILING_PREFIX)) bound = "ceiling";
  else if (strip(FLOOR_PREFIX)) bound = "floor";
  for (const [re, kind] of APPROX_PREFIX) if (!approx && strip(re)) approx = kind;

  const match = NUMBER.exec(text);
  if (!match) return { kind: "unreadable", raw };
  const [, sign, digits, scaleWord, rest] = match;
  let tail = rest;
  const trimTail = (re: RegExp): boolean => {
    const next = tail.replace(re, "");
    const changed = next !== tail;
    tail = next;
    return changed;
  };
  if (trimTail(CEILING_SUFFIX)) bound = bound ?? "ceiling";
  else if (trimTail(FLOOR_SUFFIX)) {
    // "500以上" on a completed value means "at least 500"; on a target it is a floor.
    bound = bound ?? "floor";
    approx = approx ?? "atLeast";
  }
  // A second approximation word ("约500多", wrong but written) is consumed, not taken for a
  // unit ("多", "多人"); the first word is kept.
  for (const [re, kind] of APPROX_SUFFIX) if (trimTail(re)) approx = approx ?? kind;
  // "500余人": the approximation word sits between number and unit.
  if (/^(余|多)/.test(tail) && tail.length > 1) {
    approx = approx ?? "over";
    tail = tail.slice(1);
  }

  let percent = false;
  if (tail.startsWith("%")) {
    percent = true;
    tail = tail.slice(1);
  }
  if (trimTail(CEILING_SUFFIX)) bound = bound ?? "ceiling";
  const unitText = tail === "" ? undefined : tail;
  // Only a unit may follow the number: "1126人" reads, "1126待核实" does not.
  if (unitText !== undefined && !isKnownUnit(unitText)) return { kind: "unreadable", raw };

  const value = Number(`${sign}${digits.replace(/,/g, "")}`);
  if (!Number.isFinite(value)) return { kind: "unreadable", raw };
  const scale = scaleWord ? (scaleOfSuffix(scaleWord) ?? 1) : 1;
  if (Math.abs(value * scale) >= IMPLAUSIBLE) return { kind: "implausible", raw };
  const reading: NumberReading = { kind: "number", value, scale, percent, raw };
  if (approx) reading.approx = approx;
  if (bound) reading.bound = bound;
  if (unitText) reading.unitText = unitText;
  return reading;
}

/** Removes binary noise such as 0.1 * 100 = 10.000000000000002. */
export function trimFloat(value: number): number {
  // A whole number of at most 12 digits has no noise to remove (and most cells hold one).
  if (Number.isInteger(value) && Math.abs(value) < 1e12) return value;
  return Number.parseFloat(value.toPrecision(12));
}
