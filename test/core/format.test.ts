import {
  decimalsKeepingSide,
  formatAmount,
  formatNumber,
  formatPercent,
  formatYear,
  periodPhrase,
  roundTo,
} from "../../src/core/format";

describe("roundTo: half-up on the decimal digits", () => {
  test.each<[number, number, number]>([
    [1.005, 2, 1.01], // binary 1.00499999… must not round down
    [2.675, 2, 2.68],
    [1.255, 2, 1.26],
    [8.345, 2, 8.35],
    [0.285, 2, 0.29],
    [1.045, 1, 1.0],
    [1.05, 1, 1.1],
    [-1.005, 2, -1.01], // half away from zero, symmetric
    [-2.675, 2, -2.68],
    [0.5, 0, 1],
    [1.5, 0, 2],
    [2.5, 0, 3], // not banker's rounding
    [-0.5, 0, -1],
    [-2.5, 0, -3],
    [123.456, 0, 123],
    [1234.5678, 3, 1234.568],
    [99.995, 2, 100],
    [109.1812, 2, 109.18],
    [0, 2, 0],
    [1126, 2, 1126],
  ])("roundTo(%p, %i) = %p", (value, decimals, expected) => {
    expect(roundTo(value, decimals)).toBe(expected);
  });

  test("tiny values round to 0, not NaN (a growth of 1e-17 from float noise is 0)", () => {
    expect(roundTo(1e-7, 2)).toBe(0);
    expect(roundTo(5.55e-17, 2)).toBe(0);
    expect(roundTo(-1.23e-7, 2)).toBe(0);
    expect(roundTo(1.5e-7, 7)).toBe(2e-7);
  });

  test("negative values that round to zero give 0, not -0", () => {
    expect(Object.is(roundTo(-0.004, 2), 0)).toBe(true);
  });

  test("huge values stay finite", () => {
    expect(roundTo(1e21, 2)).toBe(1e21);
    expect(roundTo(1.5e22, 0)).toBe(1.5e22);
  });
});

describe("formatNumber: as written in prose", () => {
  test.each<[number, number | undefined, string]>([
    [1126, undefined, "1126"], // no thousands separators
    [293512, undefined, "293512"],
    [1234567.891, undefined, "1234567.89"],
    [12.6, undefined, "12.6"],
    [12, undefined, "12"],
    [12.0, undefined, "12"],
    [1.1, undefined, "1.1"],
    [109.1812, undefined, "109.18"],
    [100.005, undefined, "100.01"],
    [99.999, undefined, "100"], // not "100.00"
    [1.005, undefined, "1.01"],
    [2.675, 1, "2.7"],
    [12.5, 0, "13"],
    [12.34, 0, "12"],
    [0.1 + 0.2, undefined, "0.3"],
    [-3.456, undefined, "-3.46"],
    [-0.001, undefined, "0"], // never "-0"
    [0, undefined, "0"],
    [1e-7, undefined, "0"], // not "NaN"
    [5.55e-17, undefined, "0"],
  ])("formatNumber(%p, %p) = %j", (value, decimals, expected) => {
    expect(formatNumber(value, decimals)).toBe(expected);
  });

  test("never a thousands separator or an exponent for report-sized numbers", () => {
    for (const value of [1000, 10000, 1e6, 123456789, 9876543210.12]) {
      expect(formatNumber(value)).toMatch(/^\d+(\.\d{1,2})?$/);
    }
  });
});

describe("formatPercent: a fraction as a percentage", () => {
  test.each<[number, number | undefined, string]>([
    [1.0918, undefined, "109.18%"],
    [1.09175, undefined, "109.18%"],
    [1.0918, 1, "109.2%"],
    [1.126, undefined, "112.6%"],
    [0.923, undefined, "92.3%"],
    [0.986, undefined, "98.6%"],
    [1, undefined, "100%"],
    [2, undefined, "200%"],
    [0.5, undefined, "50%"],
    [0, undefined, "0%"],
    [0.012, undefined, "1.2%"],
    [-0.05, undefined, "-5%"],
    [0.96300001, undefined, "96.3%"],
    [1.0000000000000002, undefined, "100%"],
    [5.55e-17, undefined, "0%"], // float noise in a growth, not "NaN%"
  ])("formatPercent(%p, %p) = %j", (fraction, decimals, expected) => {
    expect(formatPercent(fraction, decimals)).toBe(expected);
  });
});

describe("formatAmount: 万/亿 for large sums of money", () => {
  const scaled = { decimals: 2, scale: true };
  const asIs = { decimals: 2, scale: false };

  test.each<[number, string, string, string]>([
    // 元: ≥ 1e6 → 万元, ≥ 1e8 → 亿元, smaller stays
    [293512, "元", "293512", "元"],
    [999999, "元", "999999", "元"],
    [1000000, "元", "100", "万元"],
    [2935120, "元", "293.51", "万元"],
    [99994000, "元", "9999.4", "万元"],
    [99999999, "元", "1", "亿元"], // 9999.9999万 would print as "10000万元"
    [999999.999, "元", "100", "万元"], // would print as "1000000元"
    [100000000, "元", "1", "亿元"],
    [123456789, "元", "1.23", "亿元"],
    [-2935120, "元", "-293.51", "万元"],
    // 万元: stays 万元 below 1 亿, 亿元 from there
    [58, "万元", "58", "万元"],
    [986, "万元", "986", "万元"],
    [9999, "万元", "9999", "万元"],
    [9999.999, "万元", "1", "亿元"], // not "10000万元"
    [10000, "万元", "1", "亿元"],
    [12000, "万元", "1.2", "亿元"],
    [123456.78, "万元", "12.35", "亿元"],
    [1234.5678, "万元", "1234.5678", "万元"], // its own digits: no rescaling, no rounding
    [-12000, "万元", "-1.2", "亿元"],
    [0, "万元", "0", "万元"],
  ])("%p %s → %s%s", (value, unit, number, outUnit) => {
    expect(formatAmount(value, unit, scaled)).toEqual({ number, unit: outUnit });
  });

  test.each<[number, string, string, string]>([
    [12.6, "亿元", "12.6", "亿元"],
    [1, "亿元", "1", "亿元"],
    [0.42, "亿元", "4200", "万元"],
    [0.999, "亿元", "9990", "万元"],
    [0.004, "亿元", "40", "万元"],
    [2000, "百万元", "20", "亿元"],
    [150, "百万元", "1.5", "亿元"],
    [3, "千万元", "3000", "万元"],
    [2000000, "美元", "200", "万美元"],
    [100, "美元", "100", "美元"],
  ])("亿元 and other money units: %p %s → %s%s", (value, unit, number, outUnit) => {
    expect(formatAmount(value, unit, scaled)).toEqual({ number, unit: outUnit });
  });

  test("never two scales at once (no 3亿4500万)", () => {
    const { number, unit } = formatAmount(345000000, "元", scaled);
    expect(`${number}${unit}`).toBe("3.45亿元");
  });

  test.each<[number, string, string, string]>([
    [1126, "人", "1126", "人"],
    [12000000, "人", "12000000", "人"],
    [500000000, "人次", "500000000", "人次"],
    [44000, "剂次", "44000", "剂次"],
    [1200, "万人", "1200", "万人"],
    [96.3, "%", "96.3", "%"],
    [96.3, "％", "96.3", "%"],
    [12, "家", "12", "家"],
  ])("counts and rates are never scaled: %p %s", (value, unit, number, outUnit) => {
    expect(formatAmount(value, unit, scaled)).toEqual({ number, unit: outUnit });
  });

  test.each<[number, string, string, string]>([
    [12000, "万元", "12000", "万元"],
    [2935120, "元", "2935120", "元"],
    [0.42, "亿元", "0.42", "亿元"],
    [1234.5678, "万元", "1234.5678", "万元"],
  ])("scale: false leaves %p %s as it is", (value, unit, number, outUnit) => {
    expect(formatAmount(value, unit, asIs)).toEqual({ number, unit: outUnit });
  });

  test("a rescaled amount gets two decimals (more when asked); one in its own unit keeps its digits", () => {
    expect(formatAmount(3.456, "亿元", { decimals: 1, scale: true })).toEqual({
      number: "3.456",
      unit: "亿元",
    });
    expect(formatAmount(2935120, "元", { decimals: 0, scale: true })).toEqual({
      number: "293.51",
      unit: "万元",
    });
    expect(formatAmount(2935123, "元", { decimals: 4, scale: true })).toEqual({
      number: "293.5123",
      unit: "万元",
    });
  });

  test("the unit is normalised (spaces, full width)", () => {
    expect(formatAmount(12, " 万元 ", scaled)).toEqual({ number: "12", unit: "万元" });
    expect(formatAmount(12, "万 元", scaled)).toEqual({ number: "12", unit: "万元" });
  });
});

describe("decimalsKeepingSide: a rounded figure never crosses its status", () => {
  test.each<[number, number, number, number]>([
    [99.96, 0, 100, 2], // 99.96% behind is not "100%"
    [100.04, 1, 100, 2],
    [0.3, 0, 0, 1], // a 0.3% growth is not 持平
    [112.6, 2, 100, 2],
    [100, 2, 100, 2],
  ])("%p at %p decimals around %p → %p", (value, decimals, pivot, expected) => {
    expect(decimalsKeepingSide(value, decimals, pivot)).toBe(expected);
  });
});

describe("formatAmount keeps a cell's own digits", () => {
  test.each<[number, string, number, string]>([
    [12.6, "亿元", 0, "12.6"],
    [12.6, "亿元", 4, "12.6"],
    [2.8, "%", 0, "2.8"],
    [1126, "人", 2, "1126"],
  ])("%p %s at %p decimals → %s", (value, unit, decimals, number) => {
    expect(formatAmount(value, unit, { decimals, scale: true }).number).toBe(number);
  });
});

describe("formatYear", () => {
  test.each<[number, "arabic" | "chinese", string]>([
    [2023, "arabic", "2023年"],
    [2023, "chinese", "二〇二三年"],
    [2021, "chinese", "二〇二一年"],
    [2000, "chinese", "二〇〇〇年"],
    [2010, "chinese", "二〇一〇年"],
    [1999, "chinese", "一九九九年"],
  ])("%i %s → %s", (year, style, expected) => {
    expect(formatYear(year, style)).toBe(expected);
  });

  test("zero is 〇, not 零 or O", () => {
    expect(formatYear(2020, "chinese")).not.toMatch(/[零OoＯ0]/);
  });
});

describe("periodPhrase", () => {
  test.each<[number | undefined, string]>([
    [undefined, "全年"],
    [12, "全年"],
    [6, "上半年"],
    [3, "一季度"],
    [9, "前三季度"],
    [1, "1月"],
    [2, "1—2月"],
    [10, "1—10月"], // em dash, month without leading zero
    [11, "1—11月"],
  ])("%p → %s", (months, expected) => {
    expect(periodPhrase(months)).toBe(expected);
  });
});

describe("千元 is money in thousands", () => {
  test("500千元 is written 50万元, 150000千元 1.5亿元", () => {
    expect(formatAmount(500, "千元", { decimals: 2, scale: true })).toEqual({
      number: "50",
      unit: "万元",
    });
    expect(formatAmount(150000, "千元", { decimals: 2, scale: true })).toEqual({
      number: "1.5",
      unit: "亿元",
    });
  });
});
