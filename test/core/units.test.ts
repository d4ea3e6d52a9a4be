import {
  baseUnit,
  isCountUnit,
  isKnownUnit,
  isMoneyUnit,
  isPercentUnit,
  normalizeUnit,
  scaleOfSuffix,
  unitScale,
} from "../../src/core/units";

describe("normalizeUnit", () => {
  test.each<[string, string]>([
    ["%", "%"],
    ["％", "%"],
    ["百分比", "%"],
    ["百分点", "%"],
    [" 万元 ", "万元"],
    ["万 元", "万元"],
    ["人\n次", "人次"],
    ["人", "人"],
    ["", ""],
  ])("%j → %j", (unit, expected) => {
    expect(normalizeUnit(unit)).toBe(expected);
  });
});

describe("isPercentUnit", () => {
  test.each<[string, boolean]>([
    ["%", true],
    ["％", true],
    [" % ", true],
    ["百分比", true],
    ["人", false],
    ["万元", false],
    ["", false],
  ])("%j → %s", (unit, expected) => {
    expect(isPercentUnit(unit)).toBe(expected);
  });
});

describe("unitScale and baseUnit", () => {
  test.each<[string, number, string]>([
    ["元", 1, "元"],
    ["万元", 1e4, "元"],
    ["亿元", 1e8, "元"],
    ["百万元", 1e6, "元"],
    ["千万元", 1e7, "元"],
    ["万人", 1e4, "人"],
    ["万平方米", 1e4, "平方米"],
    ["万美元", 1e4, "美元"],
    ["人", 1, "人"],
    ["人次", 1, "人次"],
    ["千瓦时", 1, "千瓦时"], // a unit, not 1000 瓦时
    ["万", 1, "万"], // a bare scale word is not a scaled unit
    ["亿", 1, "亿"],
    ["%", 1, "%"],
    [" 万 元 ", 1e4, "元"],
  ])("%j: scale %p, base %j", (unit, scale, base) => {
    expect(unitScale(unit)).toBe(scale);
    expect(baseUnit(unit)).toBe(base);
  });
});

describe("isMoneyUnit and isCountUnit", () => {
  test.each<[string, boolean, boolean]>([
    ["元", true, false],
    ["万元", true, false],
    ["亿元", true, false],
    ["美元", true, false],
    ["万美元", true, false],
    ["人", false, true],
    ["人次", false, true],
    ["户", false, true],
    ["家", false, true],
    ["剂次", false, true],
    ["万人", false, true],
    ["%", false, false],
    ["％", false, false],
    ["", false, false],
  ])("%j: money %s, count %s", (unit, money, count) => {
    expect(isMoneyUnit(unit)).toBe(money);
    expect(isCountUnit(unit)).toBe(count);
  });
});

describe("scaleOfSuffix", () => {
  test.each<[string, number | undefined]>([
    ["千", 1e3],
    ["万", 1e4],
    ["百万", 1e6],
    ["千万", 1e7],
    ["亿", 1e8],
    ["十万", undefined], // never a unit in reports
    ["元", undefined],
    ["", undefined],
  ])("%j → %p", (suffix, expected) => {
    expect(scaleOfSuffix(suffix)).toBe(expected);
  });
});

describe("isKnownUnit", () => {
  test.each([
    "人",
    "人次",
    "户",
    "家",
    "元",
    "万元",
    "亿元",
    "%",
    "％",
    "剂次",
    "万平方米",
    "个",
    "项",
    "吨",
  ])("%j is a unit", (unit) => {
    expect(isKnownUnit(unit)).toBe(true);
  });

  test.each(["", "万", "多人", "待核实", "kg", "指标"])("%j is not", (unit) => {
    expect(isKnownUnit(unit)).toBe(false);
  });
});

describe("square metres written ㎡ or m²", () => {
  test.each<[string, string]>([
    ["㎡", "平方米"],
    ["m²", "平方米"],
    ["m2", "平方米"],
    ["万㎡", "万平方米"],
    ["平方米", "平方米"],
    ["万平方米", "万平方米"],
    ["平米", "平米"], // left as written: the report reader counts 平米 as 平方米 itself
    ["m3", "m3"],
    ["km2", "km2"],
  ])("%j → %j", (unit, expected) => {
    expect(normalizeUnit(unit)).toBe(expected);
  });

  test("are one known unit with 平方米, scaled like it", () => {
    expect(isKnownUnit("㎡")).toBe(true);
    expect(isKnownUnit("万㎡")).toBe(true);
    expect(unitScale("万㎡")).toBe(1e4);
    expect(baseUnit("㎡")).toBe("平方米");
    expect(isCountUnit("㎡")).toBe(true);
    expect(isMoneyUnit("㎡")).toBe(false);
  });
});

describe("公斤, 千克 and 车 are units", () => {
  test.each(["公斤", "千克", "车", "万公斤"])("%j is a unit", (unit) => {
    expect(isKnownUnit(unit)).toBe(true);
  });

  test("千克 is not scaled by 千", () => {
    expect(unitScale("千克")).toBe(1);
    expect(unitScale("万公斤")).toBe(1e4);
  });
});
