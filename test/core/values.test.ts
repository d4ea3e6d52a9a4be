import {
  CellReading,
  isPercentFormat,
  readCell,
  readNumberText,
  shownText,
  trimFloat,
} from "../../src/core/values";
import { CellModel } from "../../src/core/workbook";

/** The reading without `raw`, for compact expectations. */
function shape(reading: CellReading): Record<string, unknown> {
  const { raw, ...rest } = reading as CellReading & { raw?: string };
  void raw;
  return rest;
}

const num = (value: number, extra: Record<string, unknown> = {}) => ({
  kind: "number",
  value,
  scale: 1,
  percent: false,
  ...extra,
});

describe("readNumberText: numbers as statisticians type them", () => {
  test.each<[string, Record<string, unknown>]>([
    ["1126", num(1126)],
    ["1,126", num(1126)],
    ["1，126", num(1126)], // full-width comma from a Chinese input method
    ["１１２６", num(1126)], // full-width digits
    ["１，１２６", num(1126)],
    ["1,126.5", num(1126.5)],
    ["1,234,567", num(1234567)],
    ["  1126  ", num(1126)],
    ["12.6", num(12.6)],
    ["１２．６", num(12.6)],
    [".5", num(0.5)],
    ["0", num(0)],
    ["-3", num(-3)],
    ["－3", num(-3)], // full-width minus
    ["+5.2", num(5.2)],
  ])("%j", (text, expected) => {
    expect(shape(readNumberText(text))).toEqual(expected);
  });

  test.each<[string, Record<string, unknown>]>([
    ["4.2万", num(4.2, { scale: 1e4 })],
    ["4.2万元", num(4.2, { scale: 1e4, unitText: "元" })],
    ["12.6亿元", num(12.6, { scale: 1e8, unitText: "元" })],
    ["12.6亿", num(12.6, { scale: 1e8 })],
    ["12.6 亿元", num(12.6, { scale: 1e8, unitText: "元" })],
    ["１２．６亿元", num(12.6, { scale: 1e8, unitText: "元" })],
    ["5万人", num(5, { scale: 1e4, unitText: "人" })],
    ["3千万", num(3, { scale: 1e7 })],
    ["1126人", num(1126, { unitText: "人" })],
    ["1126人次", num(1126, { unitText: "人次" })],
  ])("scale words and units: %j", (text, expected) => {
    expect(shape(readNumberText(text))).toEqual(expected);
  });

  test.each<[string, Record<string, unknown>]>([
    ["95%", num(95, { percent: true })],
    ["96.3％", num(96.3, { percent: true })],
    ["+5.2%", num(5.2, { percent: true })],
    ["-3.5%", num(-3.5, { percent: true })],
    ["0.5%", num(0.5, { percent: true })],
  ])("percent signs keep the value in percent: %j", (text, expected) => {
    expect(shape(readNumberText(text))).toEqual(expected);
  });

  test.each<[string, Record<string, unknown>]>([
    ["约500", num(500, { approx: "about" })],
    ["大约500", num(500, { approx: "about" })],
    ["500左右", num(500, { approx: "about" })],
    ["1126人左右", num(1126, { approx: "about", unitText: "人" })],
    ["近20亿元", num(20, { scale: 1e8, approx: "nearly", unitText: "元" })],
    ["将近500", num(500, { approx: "nearly" })],
    ["500余", num(500, { approx: "over" })],
    ["500多", num(500, { approx: "over" })],
    ["500余人", num(500, { approx: "over", unitText: "人" })],
    ["4541余人", num(4541, { approx: "over", unitText: "人" })],
    ["500多万元", num(500, { scale: 1, approx: "over", unitText: "万元" })],
    ["逾500", num(500, { approx: "over" })],
    ["超500", num(500, { approx: "over" })],
  ])("approximations: %j", (text, expected) => {
    expect(shape(readNumberText(text))).toEqual(expected);
  });

  // Two approximation words are wrong writing (domain notes), but the number is still there:
  // the second word must not end up as a unit ("多人", "多"), which would be printed back.
  test.each<[string, Record<string, unknown>]>([
    ["约1000多人", num(1000, { approx: "about", unitText: "人" })],
    ["约500多", num(500, { approx: "about" })],
    ["近500余人", num(500, { approx: "nearly", unitText: "人" })],
    ["500多人左右", num(500, { approx: "about", unitText: "人" })],
  ])(
    "two approximation words: the first is kept, the second is not a unit: %j",
    (text, expected) => {
      expect(shape(readNumberText(text))).toEqual(expected);
    }
  );

  test.each<[string, Record<string, unknown>]>([
    ["≤3.5", num(3.5, { bound: "ceiling" })],
    ["<=3.5", num(3.5, { bound: "ceiling" })],
    ["<3.5", num(3.5, { bound: "ceiling" })],
    ["＜＝3.5", num(3.5, { bound: "ceiling" })],
    ["不高于3.5", num(3.5, { bound: "ceiling" })],
    ["不超过3.5%", num(3.5, { percent: true, bound: "ceiling" })],
    ["控制在3.5%以内", num(3.5, { percent: true, bound: "ceiling" })],
    ["3.5%以内", num(3.5, { percent: true, bound: "ceiling" })],
    ["3.5%以下", num(3.5, { percent: true, bound: "ceiling" })],
    ["3.5以内", num(3.5, { bound: "ceiling" })],
    ["≥95", num(95, { bound: "floor" })],
    [">=95", num(95, { bound: "floor" })],
    ["不低于95%", num(95, { percent: true, bound: "floor" })],
    ["不少于500人", num(500, { bound: "floor", unitText: "人" })],
    // On a completed value "500以上" means "more than 500"; on a target it is a floor.
    ["500以上", num(500, { bound: "floor", approx: "atLeast" })],
  ])("bounds: %j", (text, expected) => {
    expect(shape(readNumberText(text))).toEqual(expected);
  });

  test.each(["—", "——", "-", "--", "/", "无", "暂无", "不适用", "N/A", "×", "…"])(
    "%j is written on purpose as nothing",
    (text) => {
      expect(readNumberText(text)).toEqual({ kind: "none", raw: text });
    }
  );

  test("a none word keeps its trimmed text", () => {
    expect(readNumberText(" — ")).toEqual({ kind: "none", raw: "—" });
  });

  test.each(["", "   ", "\u3000", "\n\t"])("%j is empty", (text) => {
    expect(readNumberText(text)).toEqual({ kind: "empty" });
  });

  test.each(["#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#div/0!"])(
    "Excel error as text %j",
    (text) => {
      expect(readNumberText(text)).toEqual({ kind: "error", raw: text });
    }
  );

  test.each([
    "一千二", // Chinese numerals are not read, not guessed
    "百分之九十",
    "待核实",
    "12.3.4",
    "1,12", // bad grouping: a typo, not 112
    "1,1266",
    "1e3",
    "NaN",
    "Infinity",
    "5.",
    "约近500",
    "500（预计）",
    "abc",
    "12 kg",
    "1126 persons",
  ])("%j is unreadable and keeps its text", (text) => {
    expect(readNumberText(text)).toEqual({ kind: "unreadable", raw: text });
  });

  test("raw is the text as written, trimmed, not the normalised one", () => {
    expect(readNumberText(" １，１２６ ").kind).toBe("number");
    expect((readNumberText(" １，１２６ ") as { raw: string }).raw).toBe("１，１２６");
    expect((readNumberText("约4.2万元") as { raw: string }).raw).toBe("约4.2万元");
  });

  test("nothing unreadable becomes 0", () => {
    for (const text of ["待核实", "一千二", "#DIV/0!", "—", ""]) {
      const reading = readNumberText(text);
      expect(reading.kind).not.toBe("number");
    }
  });
});

describe("readCell", () => {
  const cell = (value: CellModel["value"], numFmt?: string): CellModel =>
    numFmt ? { value, numFmt } : { value };

  test("a missing cell and a null value are empty", () => {
    expect(readCell(undefined)).toEqual({ kind: "empty" });
    expect(readCell(cell(null))).toEqual({ kind: "empty" });
  });

  test.each<[CellModel, Record<string, unknown>, string]>([
    [cell(1126), num(1126), "1126"],
    [cell(1126, "#,##0"), num(1126), "1126"],
    [cell(0), num(0), "0"],
    [cell(-3), num(-3), "-3"],
    [cell(12.6), num(12.6), "12.6"],
    [cell(0.963, "0.00%"), num(96.3, { percent: true }), "96.3%"],
    [cell(0.963, "0.0%"), num(96.3, { percent: true }), "96.3%"],
    [cell(1.0918, "0.00%"), num(109.18, { percent: true }), "109.18%"],
    [cell(0.1, "0%"), num(10, { percent: true }), "10%"], // not 10.000000000000002
    [cell(0.07, "0.00%"), num(7, { percent: true }), "7%"], // 0.07 * 100 = 7.000000000000001
    [cell(0.963, '0.0"%"'), num(0.963), "0.963"], // a quoted % is a literal, not a percent format
  ])("number %o", (input, expected, raw) => {
    const reading = readCell(input);
    expect(shape(reading)).toEqual(expected);
    expect((reading as { raw: string }).raw).toBe(raw);
  });

  test.each(["1,126", "4.2万", "95%", "约500", "≤3.5", "—", "#DIV/0!", "待核实"])(
    "text %j reads like readNumberText",
    (text) => {
      expect(readCell(cell(text))).toEqual(readNumberText(text));
    }
  );

  test("a % number format does not change text cells", () => {
    expect(shape(readCell(cell("95", "0.00%")))).toEqual(num(95));
  });

  test.each([
    [{ error: "#DIV/0!" }, "#DIV/0!"],
    [{ error: "#N/A" }, "#N/A"],
    [{ error: "#REF!" }, "#REF!"],
  ])("Excel error value %o", (value, raw) => {
    expect(readCell(cell(value))).toEqual({ kind: "error", raw });
  });

  test.each<[CellModel["value"], string]>([
    [new Date(Date.UTC(2023, 9, 31)), "2023-10-31"],
    [true, "true"],
    [false, "false"],
    [NaN, "NaN"],
    [Infinity, "Infinity"],
    [-Infinity, "-Infinity"],
  ])("%p is unreadable, not a number", (value, raw) => {
    expect(readCell(cell(value))).toEqual({ kind: "unreadable", raw });
  });
});

describe("shownText", () => {
  test.each<[CellModel | undefined, string]>([
    [undefined, ""],
    [{ value: null }, ""],
    [{ value: 1126 }, "1126"],
    [{ value: 0.963, numFmt: "0.00%" }, "96.3%"],
    [{ value: 0.1, numFmt: "0%" }, "10%"],
    [{ value: "1,126" }, "1,126"],
    [{ value: { error: "#N/A" } }, "#N/A"],
    [{ value: new Date(Date.UTC(2023, 0, 5)) }, "2023-01-05"],
    [{ value: false }, "false"],
  ])("%o → %j", (input, expected) => {
    expect(shownText(input)).toBe(expected);
  });
});

describe("isPercentFormat", () => {
  test.each<[string | undefined, boolean]>([
    ["0%", true],
    ["0.00%", true],
    ["#,##0.0%", true],
    ["0.0%;[Red]-0.0%", true],
    ['0.0"%"', false],
    ['0"%"', false],
    ["General", false],
    ["#,##0", false],
    ["0.00", false],
    ["", false],
    [undefined, false],
  ])("%j → %s", (format, expected) => {
    expect(isPercentFormat(format)).toBe(expected);
  });
});

describe("trimFloat", () => {
  test.each<[number, number]>([
    [0.1 * 3, 0.3],
    [0.07 * 100, 7],
    [0.1 + 0.2, 0.3],
    [1.0918 * 100, 109.18],
    [1126, 1126],
    [-0.1 * 3, -0.3],
    [123456.789, 123456.789],
  ])("%p → %p", (input, expected) => {
    expect(trimFloat(input)).toBe(expected);
  });

  test("keeps real precision (12 significant digits)", () => {
    expect(trimFloat(1.23456789012)).toBe(1.23456789012);
    expect(0.07 * 100).not.toBe(7); // the noise trimFloat exists for
    expect(trimFloat(0.07 * 100)).toBe(7);
  });
});

describe("what may follow a number", () => {
  test("a unit reads; other words make the cell unreadable", () => {
    expect(readNumberText("1126人")).toMatchObject({ kind: "number", value: 1126, unitText: "人" });
    expect(readNumberText("1126待核实")).toEqual({ kind: "unreadable", raw: "1126待核实" });
  });
  test("the minus sign U+2212 is a minus", () => {
    expect(readNumberText("\u22123")).toMatchObject({ kind: "number", value: -3 });
  });
});
