import {
  completionRate,
  evaluateIndicator,
  growthOf,
  isDone,
  statusOf,
} from "../../src/core/evaluate";
import { Direction, Indicator, SourcedNumber, Status } from "../../src/core/model";

function sourced(value: number, cell: string): SourcedNumber {
  return { value, raw: String(value), ref: { sheet: "指标", cell } };
}

interface Values {
  target?: number;
  actual?: number;
  previous?: number;
  unit?: string;
  direction?: Direction;
}

/** An indicator as indicators.ts would read it, before evaluate(). */
function indicator({
  target,
  actual,
  previous,
  unit = "人",
  direction = "floor",
}: Values): Indicator {
  const result: Indicator = {
    id: "指标!5",
    name: "城镇新增就业",
    label: "城镇新增就业",
    unit,
    category: "employment",
    tableId: "指标!A1:E10",
    sheet: "指标",
    row: 4,
    nameRef: { sheet: "指标", cell: "A5" },
    section: [],
    trust: { kind: "quotable", growth: true, doubts: [] },
    direction,
    isTotal: false,
    status: "not-reported",
  };
  if (target !== undefined) result.target = sourced(target, "C5");
  if (actual !== undefined) result.actual = sourced(actual, "D5");
  if (previous !== undefined) result.previous = sourced(previous, "E5");
  return result;
}

describe("completionRate", () => {
  test.each<[Values, number]>([
    [{ target: 1000, actual: 1126 }, 1.126],
    [{ target: 300, actual: 342 }, 1.14],
    [{ target: 25000, actual: 24650 }, 0.986],
    [{ target: 1000, actual: 1000 }, 1],
    [{ target: 1000, actual: 0 }, 0],
    [{ target: 12, actual: 12.6, unit: "亿元" }, 1.05],
  ])("%o → %p", (values, rate) => {
    expect(completionRate(indicator(values))).toBeCloseTo(rate, 12);
  });

  test.each<[string, Values]>([
    ["no target", { actual: 5 }],
    ["no completed value", { target: 1000 }],
    ["a target of 0", { target: 0, actual: 5 }],
    ["a negative target", { target: -5, actual: 5 }],
    ["a ceiling indicator", { target: 3.5, actual: 2.8, unit: "%", direction: "ceiling" }],
  ])("undefined for %s", (_, values) => {
    expect(completionRate(indicator(values))).toBeUndefined();
  });
});

describe("statusOf", () => {
  test.each<[string, Values, Status]>([
    ["beyond the target", { target: 1000, actual: 1126 }, "exceeded"],
    ["just beyond", { target: 1000, actual: 1000.01 }, "exceeded"],
    ["exactly the target", { target: 1000, actual: 1000 }, "completed"],
    ["equal up to float noise (0.1 + 0.2 of 0.3)", { target: 0.3, actual: 0.1 + 0.2 }, "completed"],
    ["equal up to float noise, below", { target: 1000, actual: 999.9999999999 }, "completed"],
    ["a rate equal to its target", { target: 95, actual: 95, unit: "%" }, "completed"],
    ["short of the target", { target: 25000, actual: 24650 }, "behind"],
    ["just short", { target: 1000, actual: 999 }, "behind"],
    ["nothing done", { target: 1000, actual: 0 }, "behind"],
    ["no completed value", { target: 1000 }, "not-reported"],
    ["nothing at all", {}, "not-reported"],
    ["no target", { actual: 5 }, "no-target"],
    ["a target of 0", { target: 0, actual: 5 }, "no-target"],
    ["a negative target", { target: -3, actual: 5 }, "no-target"],
  ])("%s → %s", (_, values, status) => {
    expect(statusOf(indicator(values))).toBe(status);
  });

  describe("ceiling indicators (控制在…以内): done when actual ≤ target", () => {
    const ceiling = (target: number | undefined, actual: number | undefined) =>
      indicator({ target, actual, unit: "%", direction: "ceiling" });

    test.each<[number, number, Status]>([
      [3.5, 2.8, "completed"], // below the ceiling is kept, never "exceeded"
      [3.5, 3.5, "completed"],
      [0.3, 0.1 + 0.2, "completed"],
      [3.5, 3.6, "behind"],
      [3.5, 3.51, "behind"],
      [0, 0, "completed"], // a ceiling of 0 is a real target (零事故)
      [0, 1, "behind"],
    ])("target %p, actual %p → %s", (target, actual, status) => {
      expect(statusOf(ceiling(target, actual))).toBe(status);
    });

    test("no completed value / no target", () => {
      expect(statusOf(ceiling(3.5, undefined))).toBe("not-reported");
      expect(statusOf(ceiling(undefined, 2.8))).toBe("no-target");
    });
  });
});

describe("growthOf", () => {
  test.each<[Values, number]>([
    [{ actual: 12.6, previous: 11.54, unit: "亿元" }, 12.6 / 11.54 - 1],
    [{ actual: 24.1, previous: 24.67, unit: "亿元" }, 24.1 / 24.67 - 1],
    [{ actual: 1126, previous: 1050 }, 76 / 1050],
    [{ actual: 200, previous: 100 }, 1],
    [{ actual: 0, previous: 5 }, -1],
    [{ actual: 5, previous: 5 }, 0],
  ])("relative growth %o → %p", (values, growth) => {
    const result = growthOf(indicator(values));
    expect(result?.kind).toBe("relative");
    expect(result?.growth).toBeCloseTo(growth, 12);
  });

  test("relative growth of 固定资产投资 12.6 over 11.54 is 9.19%", () => {
    expect(
      growthOf(indicator({ actual: 12.6, previous: 11.54, unit: "亿元" }))?.growth
    ).toBeCloseTo(0.0919, 4);
  });

  test.each<[Values, number]>([
    [{ actual: 96.3, previous: 95.1, unit: "%" }, 0.012], // 提高1.2个百分点, not 1.26%
    [{ actual: 96.3, previous: 95.1, unit: "％" }, 0.012],
    [{ actual: 2.8, previous: 3.1, unit: "%" }, -0.003],
    [{ actual: 96.3, previous: 96.3, unit: "%" }, 0],
    [{ actual: 5, previous: 0, unit: "%" }, 0.05], // points need no division
    [{ actual: 2.1, previous: -1.5, unit: "%" }, 0.036], // 由负转正: still points
  ])("a % indicator changes in points %o → %p", (values, points) => {
    const result = growthOf(indicator(values));
    expect(result?.kind).toBe("points");
    expect(result?.growth).toBeCloseTo(points, 12);
  });

  test.each<[string, Values]>([
    ["last year 0", { actual: 5, previous: 0 }],
    ["last year negative", { actual: 5, previous: -3 }],
    ["no last year", { actual: 5 }],
    ["no completed value", { previous: 5 }],
  ])("undefined for %s", (_, values) => {
    expect(growthOf(indicator(values))).toBeUndefined();
  });
});

describe("evaluateIndicator", () => {
  test("fills rate, status, growth and the share of the year for 1—10月", () => {
    const input = indicator({ target: 12, actual: 12.6, previous: 11.54, unit: "亿元" });
    const result = evaluateIndicator(input, 10);
    expect(result.status).toBe("exceeded");
    expect(result.completionRate).toBeCloseTo(1.05, 12);
    expect(result.growth).toBeCloseTo(12.6 / 11.54 - 1, 12);
    expect(result.growthKind).toBe("relative");
    expect(result.expectedProgress).toBeCloseTo(10 / 12, 12);
  });

  test("keeps what was read and does not change its input", () => {
    const input = indicator({ target: 1000, actual: 1126 });
    const copy = JSON.parse(JSON.stringify(input));
    const result = evaluateIndicator(input, 10);
    expect(input).toEqual(copy);
    expect(result).not.toBe(input);
    expect(result).toMatchObject({ ...copy, status: "exceeded" });
  });

  test.each<[number | undefined, number | undefined]>([
    [1, 1 / 12],
    [3, 0.25],
    [6, 0.5],
    [10, 10 / 12],
    [11, 11 / 12],
    [12, undefined],
    [undefined, undefined],
  ])("months %p → expected progress %p", (months, expected) => {
    const result = evaluateIndicator(indicator({ target: 1000, actual: 600 }), months);
    if (expected === undefined) expect(result).not.toHaveProperty("expectedProgress");
    else expect(result.expectedProgress).toBeCloseTo(expected, 12);
  });

  test("a ceiling indicator gets a status but no completion rate", () => {
    const result = evaluateIndicator(
      indicator({ target: 3.5, actual: 2.8, previous: 3.1, unit: "%", direction: "ceiling" }),
      12
    );
    expect(result.status).toBe("completed");
    expect(result).not.toHaveProperty("completionRate");
    expect(result.growthKind).toBe("points");
    expect(result.growth).toBeCloseTo(-0.003, 12);
  });

  test("a % indicator with a floor target: rate against the target, growth in points", () => {
    const result = evaluateIndicator(
      indicator({ target: 95, actual: 96.3, previous: 95.1, unit: "%" }),
      12
    );
    expect(result.status).toBe("exceeded");
    expect(result.completionRate).toBeCloseTo(96.3 / 95, 12);
    expect(result.growthKind).toBe("points");
    expect(result.growth).toBeCloseTo(0.012, 12);
  });

  test("not reported: no rate, no growth", () => {
    const result = evaluateIndicator(indicator({ target: 1000, previous: 900 }), 12);
    expect(result.status).toBe("not-reported");
    expect(result).not.toHaveProperty("completionRate");
    expect(result).not.toHaveProperty("growth");
    expect(result).not.toHaveProperty("growthKind");
  });

  test("a stale status from the input is replaced", () => {
    const input = { ...indicator({ target: 1000, actual: 900 }), status: "exceeded" as Status };
    expect(evaluateIndicator(input, 12).status).toBe("behind");
  });

  test("no target: status no-target, growth still computed", () => {
    const result = evaluateIndicator(indicator({ actual: 1126, previous: 1050 }), 12);
    expect(result.status).toBe("no-target");
    expect(result).not.toHaveProperty("completionRate");
    expect(result.growth).toBeCloseTo(76 / 1050, 12);
  });

  test("target 0: no-target and no rate (not Infinity)", () => {
    const result = evaluateIndicator(indicator({ target: 0, actual: 5 }), 12);
    expect(result.status).toBe("no-target");
    expect(result).not.toHaveProperty("completionRate");
  });
});

describe("isDone", () => {
  test.each<[Status, boolean]>([
    ["exceeded", true],
    ["completed", true],
    ["behind", false],
    ["not-reported", false],
    ["no-target", false],
  ])("%s → %s", (status, done) => {
    expect(isDone({ ...indicator({}), status })).toBe(done);
  });
});
