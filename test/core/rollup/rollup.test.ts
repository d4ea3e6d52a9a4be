/** The roll-up's rules on small districts written here: one rule, one test, and its near miss. */
import { analyzeWorkbook, resolveOptions } from "../../../src/core";
import { Rollup, UnitInput, rollUp, unitNameOf } from "../../../src/core/rollup";
import { indicatorLine } from "../../../src/core/rollup/summary";
import { districtTitle } from "../../../src/core/rollup/report";
import { readUnitWith } from "../../../src/core/rollup/unit-read";
import { CellInput, sheet, workbook } from "../../helpers/sheet";
import type { SheetModel } from "../../../src/core/workbook";

const HEADER = ["指标名称", "单位", "年度目标", "完成", "上年同期"];

let period: number | undefined;

function unit(file: string, ...sheets: SheetModel[]): UnitInput {
  const model = workbook(...sheets);
  return { file, named: unitNameOf(model, file), analysis: analyzeWorkbook(model, { period }) };
}

function ledger(file: string, title: string, rows: CellInput[][]): UnitInput {
  return unit(file, sheet("指标", [[title], HEADER, ...rows]));
}

function roll(units: UnitInput[], period?: number): Rollup {
  return rollUp(units, [], resolveOptions(period ? { period } : {}));
}

function text(r: Rollup): string {
  return r.paragraphs.map((p) => p.text).join("\n");
}

function byName(r: Rollup, name: string) {
  const found = r.indicators.find((d) => d.name === name);
  if (!found) throw new Error(`no ${name} in ${r.indicators.map((d) => d.name).join(", ")}`);
  return found;
}

const NAMES = ["东城街道", "西城街道", "南城街道", "北城街道", "中城街道"];

function district(rowsOf: (k: number) => CellInput[][], count = NAMES.length): UnitInput[] {
  return NAMES.slice(0, count).map((name, k) =>
    ledger(`${name}.xlsx`, `${name}2023年主要指标完成情况`, rowsOf(k))
  );
}

describe("which unit a workbook is", () => {
  test.each([
    ["填报单位：金桥街道（盖章）", "金桥街道", "reporter"],
    ["2023年度西关街道经济社会发展指标", "西关街道", "title"],
    ["2024年1-10月第二4社区工作指标", "第二4社区", "title"],
    ["主要指标完成情况", "附件2", "file"],
    ["填报单位：金桥街道办事处（盖章）", "金桥街道", "reporter"],
    ["梅林街道办2024年1-10月主要指标", "梅林街道", "title"],
    ["填报单位：城区街道", "城区街道", "reporter"],
  ])("%s → %s", (line, name, from) => {
    const model = workbook(sheet("Sheet1", [[line], HEADER, ["城镇新增就业", "人", 100, 120, 90]]));
    expect(unitNameOf(model, "附件2.xlsx")).toEqual({ name, from });
  });

  test("a unit named with its district keeps the district apart, for the district's title", () => {
    const model = workbook(
      sheet("Sheet1", [
        ["填报单位：云溪区江滨街道办事处"],
        HEADER,
        ["城镇新增就业", "人", 100, 120, 90],
      ])
    );
    expect(unitNameOf(model, "附件2.xlsx")).toEqual({
      name: "江滨街道",
      from: "reporter",
      district: "云溪区",
    });
  });

  test("the district's title names the district most units name themselves in, else 全区", () => {
    const rows = [["城镇新增就业", "人", 100, 120, 90]];
    const named = roll(
      NAMES.map((name, k) =>
        ledger(
          `${name}.xlsx`,
          k < NAMES.length - 1 ? `云溪区${name}2023年主要指标完成情况` : `${name}2023年主要指标`,
          rows
        )
      )
    );
    expect(districtTitle(named, resolveOptions({}))).toBe("云溪区2023年度主要指标完成情况");
    expect(districtTitle(roll(district(() => rows)), resolveOptions({}))).toBe(
      "全区2023年度主要指标完成情况"
    );
  });

  test.each([
    ["春晖街道报表.xlsx", "春晖街道"],
    ["东湖街道（补报）.xlsx", "东湖街道"],
    ["新镇街道1-10月指标.xlsx", "新镇街道"],
    ["报表/光明街道指标.xlsx", "光明街道"],
    ["附件2.xlsx", "附件2"],
  ])("a file named %s with no name inside is %s", (file, name) => {
    const model = workbook(sheet("Sheet1", [HEADER, ["城镇新增就业", "人", 100, 120, 90]]));
    expect(unitNameOf(model, file)).toEqual({ name, from: "file" });
  });
});

describe("matching rows across units", () => {
  test("a part may leave out its total's words; 批零 and 消防安全检查 are their full names", () => {
    const r = roll([
      ledger("a.xlsx", "东城街道", [
        ["城镇新增就业", "人", 100, 110, 90],
        ["其中：高校毕业生就业", "人", 20, 22, 19],
        ["限上批发零售业销售额", "万元", 500, 520, 480],
        ["消防检查场所", "家", 50, 55, 48],
      ]),
      ledger("b.xlsx", "西城街道", [
        ["城镇新增就业", "人", 200, 210, 190],
        ["其中：高校毕业生", "人", 30, 33, 29],
        ["限上批零业销售额", "万元", 600, 610, 590],
        ["消防安全检查场所", "家", 60, 66, 58],
      ]),
    ]);
    expect(r.indicators.map((d) => [d.name, d.actual.kind === "sum" && d.actual.value])).toEqual([
      ["城镇新增就业", 320],
      ["高校毕业生就业", 55],
      ["限上批发零售业销售额", 1130],
      ["消防检查场所", 121],
    ]);
  });

  test("a bare 合计 closing the rows under a heading is the heading's indicator", () => {
    const r = roll([
      ledger("a.xlsx", "东城街道", [
        ["城镇新增就业", "人", 100, 110, 90],
        ["新增四上企业", "家", 5, 4, 3],
      ]),
      ledger("b.xlsx", "西城街道", [
        ["城镇新增就业", "人", 200, 210, 190],
        ["（二）新增“四上”企业"],
        ["新增规上工业企业", "家", 2, 2, 1],
        ["新增限上批零企业", "家", 4, 4, 3],
        ["合计", "家", 6, 6, 4],
      ]),
    ]);
    const four = byName(r, "新增四上企业");
    expect(four.actual).toMatchObject({ kind: "sum", value: 10 });
    expect(four.figures.map((f) => f.cells.actual?.cell)).toEqual(["D4", "D7"]);
    expect(four.missing).toEqual([]);
  });

  test("a part that is another part once the total's words are left out is not merged", () => {
    const r = roll([
      ledger("a.xlsx", "东城街道", [
        ["城镇新增就业", "人", 100, 110, 90],
        ["其中：高校毕业生就业", "人", 20, 22, 19],
      ]),
      ledger("b.xlsx", "西城街道", [
        ["城镇新增就业", "人", 200, 210, 190],
        ["其中：退役军人", "人", 30, 33, 29],
      ]),
    ]);
    expect(r.indicators.map((d) => d.name)).toEqual(["城镇新增就业", "高校毕业生就业", "退役军人"]);
  });

  test("names written differently are one indicator; 户 and 人 never are", () => {
    const units = [
      ledger("a.xlsx", "东城街道", [
        ["城镇新增就业", "人", 100, 110, 90],
        ["纳入低保", "户", 50, 52, 49],
      ]),
      ledger("b.xlsx", "西城街道", [
        ["城镇新增就业人数", "人", 200, 210, 190],
        ["纳入低保", "户", 60, 61, 58],
      ]),
      ledger("c.xlsx", "南城街道", [
        ["新增就业", "人", 300, 330, 280],
        ["纳入低保", "人", 130, 131, 128],
      ]),
    ];
    const r = roll(units);
    expect(byName(r, "城镇新增就业").figures).toHaveLength(3);
    expect(byName(r, "城镇新增就业").actual).toMatchObject({ kind: "sum", value: 650 });
    const households = r.indicators.filter((d) => d.name === "纳入低保");
    expect(households.map((d) => d.unit).sort()).toEqual(["人", "户"]);
    expect(r.findings.filter((f) => f.code === "ROLLUP_MEASURE_CLASH").map((f) => f.file)).toEqual([
      "c.xlsx",
    ]);
    // The 人 row kept by one unit is not "missing" in the two others.
    expect(r.findings.filter((f) => f.code === "ROLLUP_INDICATOR_MISSING")).toEqual([]);
  });
});

describe("names one unit writes shorter or longer", () => {
  test("医保 is 基本医疗保险, and a dropped 城乡/全社会 before a name is the same indicator; 户 stays apart", () => {
    const r = roll([
      ledger("a.xlsx", "东城街道", [
        ["城乡居民医保参保人数", "人", 1000, 1010, 990],
        ["社会消费品零售总额", "万元", 500, 520, 480],
        ["固定资产投资", "万元", 800, 820, 790],
      ]),
      ledger("b.xlsx", "西城街道", [
        ["居民医保参保人数", "人", 2000, 2020, 1990],
        ["社会消费品零售额", "万元", 600, 610, 590],
        ["全社会固定资产投资", "万元", 900, 910, 880],
      ]),
      ledger("c.xlsx", "南城街道", [
        ["城乡居民基本医疗保险参保人数", "人", 3000, 3030, 2990],
        ["居民医保参保户数", "户", 1000, 1001, 999],
        ["社零额", "万元", 700, 710, 690],
        ["固定资产投资", "万元", 100, 110, 90],
      ]),
    ]);
    expect(byName(r, "城乡居民医保参保人数").actual).toMatchObject({ value: 6060 });
    expect(byName(r, "社会消费品零售总额").actual).toMatchObject({ value: 1840 });
    expect(byName(r, "固定资产投资").actual).toMatchObject({ value: 1840 });
    expect(byName(r, "居民医保参保户数").figures).toHaveLength(1);
  });

  test("two rows side by side in one unit's workbook are never one indicator", () => {
    const r = roll([
      ledger("a.xlsx", "东城街道", [
        ["固定资产投资", "万元", 800, 820, 790],
        ["全社会固定资产投资", "万元", 1800, 1820, 1790],
      ]),
      ledger("b.xlsx", "西城街道", [["全社会固定资产投资", "万元", 900, 910, 880]]),
      ledger("c.xlsx", "南城街道", [["固定资产投资", "万元", 100, 110, 90]]),
    ]);
    expect(byName(r, "固定资产投资").figures.map((f) => f.actual)).toEqual([820, 110]);
    expect(byName(r, "全社会固定资产投资").figures.map((f) => f.actual)).toEqual([1820, 910]);
  });
});

describe("a row in another measure (人 against 户)", () => {
  const rows =
    (odd: number, measure = "人") =>
    (k: number) => [
      ["城镇新增就业", "人", 100, 110, 90],
      ["纳入低保", k === odd ? measure : "户", 50, 52 + k, 49],
    ];

  test.each([0, 2])(
    "unit %i in 人 where the others count 户: named at its cell, not as missing",
    (odd) => {
      const r = roll(district(rows(odd)));
      const d = r.indicators.find((x) => x.name === "纳入低保" && x.unit === "户");
      expect(d?.figures.map((f) => f.unit)).toEqual([0, 1, 2, 3, 4].filter((u) => u !== odd));
      expect(d?.missing).toEqual([odd]);
      expect(d?.otherMeasure).toEqual([
        {
          unit: odd,
          unitOfMeasure: "人",
          cell: { file: `${NAMES[odd]}.xlsx`, sheet: "指标", cell: "A4" },
        },
      ]);
      const clashes = r.findings.filter((f) => f.code === "ROLLUP_MEASURE_CLASH");
      expect(clashes.map((f) => [f.file, f.sheet, f.cell])).toEqual([
        [`${NAMES[odd]}.xlsx`, "指标", "A4"],
      ]);
      expect(clashes[0].message).toContain("计量单位为人");
      expect(clashes[0].message).toContain("为户");
      // Neither "not reported" nor "kept by few" for the unit in another measure.
      expect(
        r.findings.filter(
          (f) => f.code === "ROLLUP_INDICATOR_MISSING" || f.code === "ROLLUP_INDICATOR_FEW"
        )
      ).toEqual([]);
      expect(text(r)).toContain("5个街道中4个填报，合计纳入低保");
      // The odd unit's own row says it is kept apart, in the table only.
      const apart = r.indicators.find((x) => x.name === "纳入低保" && x.unit === "人");
      expect(apart?.apartFrom).toEqual({ id: d?.id, unit: "户" });
      const k = r.indicators.indexOf(apart as (typeof r.indicators)[number]);
      expect(
        indicatorLine(r.indicators[k], r.districtIndicators[k], r, resolveOptions({}))
      ).toContain("暂不引用：计量单位为人，与多数单位的户不同，另列，不作全区合计");
    }
  );

  test("a unit that keeps both 户 and 人 rows of one name: two indicators, no clash", () => {
    const r = roll(
      district((k) => [
        ["纳入低保", "户", 50, 52 + k, 49],
        ...(k === 0 ? [["纳入低保", "人", 90, 95, 88]] : []),
      ])
    );
    expect(r.findings.filter((f) => f.code === "ROLLUP_MEASURE_CLASH")).toEqual([]);
    expect(r.indicators.find((x) => x.unit === "户")?.otherMeasure).toBeUndefined();
  });
});

describe("sums and the units they cover", () => {
  test("a unit in 元 is converted; rates come from the sums", () => {
    const r = roll(
      district((k) => [
        [
          "固定资产投资",
          k === 0 ? "元" : "万元",
          (1000 + k) * (k === 0 ? 1e4 : 1),
          (1100 + k) * (k === 0 ? 1e4 : 1),
          900 * (k === 0 ? 1e4 : 1),
        ],
      ])
    );
    const d = byName(r, "固定资产投资");
    expect(d.unit).toBe("万元");
    expect(d.actual).toMatchObject({ kind: "sum", value: 5510 });
    expect(d.completionRate).toBeCloseTo(5510 / 5010, 12);
    expect(
      r.findings.some((f) => f.code === "ROLLUP_CONVERTED" && f.file === "东城街道.xlsx")
    ).toBe(true);
  });

  test("a likely 元/万元 slip in a target holds back the target and the rate, not the total", () => {
    const r = roll(
      district((k) => [["固定资产投资", "万元", k === 2 ? 10200000 : 1000 + k, 1100 + k, 900]])
    );
    const d = byName(r, "固定资产投资");
    expect(d.target.kind).toBe("withheld");
    if (d.target.kind === "withheld")
      expect(d.target.message).toContain("南城街道（南城街道.xlsx）");
    expect(d.completionRate).toBeUndefined();
    expect(d.actual).toMatchObject({ kind: "sum", value: 5510 });
    expect(d.growth).toBeCloseTo(5510 / 4500 - 1, 12);
    const outlier = r.findings.find((f) => f.code === "ROLLUP_OUTLIER");
    expect(outlier).toMatchObject({ file: "南城街道.xlsx", cell: "C3" });
    expect(outlier?.message).toContain("目标值");
    expect(outlier?.message).toContain("全区目标和完成率暂不引用");
    expect(text(r)).toContain("全区完成固定资产投资5510万元，同比增长22.44%");
    expect(text(r)).not.toContain("完成目标任务");
  });

  test("a likely slip in a completed value holds its total, ranks, rate and growth, not the target", () => {
    const r = roll(
      district((k) => [["固定资产投资", "万元", 1000 + k, k === 2 ? 11020000 : 1100 + k, 900]])
    );
    const d = byName(r, "固定资产投资");
    expect(d.actual.kind).toBe("withheld");
    expect(d.target).toMatchObject({ kind: "sum", value: 5010 });
    expect(d.previous).toMatchObject({ kind: "sum", value: 4500 });
    expect([d.completionRate, d.growth, d.ranks]).toEqual([undefined, undefined, []]);
    expect(text(r)).not.toMatch(/固定资产投资/);
    const line = indicatorLine(d, r.districtIndicators[0], r, resolveOptions({}));
    expect(line).toContain("暂不引用：");
    expect(line).toContain("；目标5010万元；");
  });

  test("a unit's row held for its completed value's cell (a slip against last year) holds only what comes from it", () => {
    const r = roll(
      district((k) => [
        ["固定资产投资", "万元", 1000 + k, k === 2 ? 110200000 : 1100 + k, k === 2 ? 990 : 900],
      ])
    );
    const d = byName(r, "固定资产投资");
    expect(d.figures[2]).toMatchObject({ withheldField: "actual" });
    expect(d.actual.kind).toBe("withheld");
    expect(d.target).toMatchObject({ kind: "sum", value: 5010 });
    expect(d.completionRate).toBeUndefined();
  });

  test("a count far from the others is called mistyped, an amount a 元/万元 mix-up", () => {
    const r = roll(
      district((k) => [
        ["城镇新增就业", "人", 100, k === 2 ? 11000 : 110 + k, 90],
        ["固定资产投资", "万元", 1000, k === 2 ? 11000000 : 1100 + k, 900],
      ])
    );
    const count = r.findings.find((f) => f.indicator === "城镇新增就业");
    expect(count).toMatchObject({ code: "ROLLUP_OUT_OF_SCALE", cell: "D3" });
    expect(count?.message).toContain("可能录入有误");
    expect(count?.message).not.toContain("元与万元");
    const held = byName(r, "城镇新增就业").actual;
    expect(held.kind === "withheld" && held.message).toContain("完成数可能录入有误");
    const money = r.findings.find((f) => f.indicator === "固定资产投资");
    expect(money).toMatchObject({ code: "ROLLUP_OUTLIER" });
    expect(money?.message).toContain("可能是元与万元混用");
  });

  test("one unit's last-year value unusable (text or a slip): only the growth is held back", () => {
    for (const bad of ["九十", 900000]) {
      const r = roll(district((k) => [["城镇新增就业", "人", 100, 110 + k, k === 2 ? bad : 90]]));
      const d = byName(r, "城镇新增就业");
      expect(d.actual).toMatchObject({ kind: "sum", value: 560 });
      expect(d.completionRate).toBeCloseTo(560 / 500, 12);
      expect(d.previous.kind).toBe("withheld");
      if (d.previous.kind === "withheld") {
        expect(d.previous.message).toContain("南城街道（南城街道.xlsx）");
        expect(d.previous.message).toContain("全区同比增长暂不引用");
      }
      expect(d.growth).toBeUndefined();
      expect(text(r)).toContain(
        "全区完成城镇新增就业560人，完成目标任务的112%，中城街道114人位居全区第一。"
      );
      expect(text(r)).not.toMatch(/同比|上年/);
    }
  });

  test("a unit whose 其中 exceeds its own total: named at its cell, neither sum quoted", () => {
    const r = roll(
      district((k) => [
        ["城镇新增就业", "人", 100, 110 + k, 90],
        ["其中：高校毕业生", "人", 10, k === 1 ? 115 : 12, 9],
      ])
    );
    expect(r.findings.find((f) => f.code === "PARTS_EXCEED_TOTAL")).toMatchObject({
      file: "西城街道.xlsx",
      sheet: "指标",
      cell: "D3",
    });
    expect(byName(r, "城镇新增就业").actual.kind).toBe("withheld");
    const part = byName(r, "高校毕业生").actual;
    expect(part.kind).toBe("withheld");
    if (part.kind === "withheld") expect(part.message).toContain("西城街道（西城街道.xlsx）");
    expect(text(r)).not.toMatch(/就业|毕业生/);
  });

  test("a unit that gives no last-year value at all: growth over the others, the unit named, nothing held", () => {
    const r = roll(district((k) => [["城镇新增就业", "人", 100, 110 + k, k === 2 ? null : 90]]));
    const d = byName(r, "城镇新增就业");
    expect(d.previous).toEqual({ kind: "sum", value: 360, of: [0, 1, 3, 4], lacking: [2] });
    expect(d.actual).toMatchObject({ kind: "sum", value: 560 });
    expect(d.growth).toBeCloseTo((110 + 111 + 113 + 114) / 360 - 1, 12);
    expect(text(r)).toContain("同比增长24.44%");
    expect(r.findings.find((f) => f.code === "ROLLUP_FIELD_LEFT_OUT")?.message).toContain(
      "南城街道.xlsx 指标!A3 “城镇新增就业”未填上年同期数，未计入增速计算"
    );
  });

  test("a unit without a 上年 column: named once for all its indicators left out of the growth", () => {
    const names = ["城镇新增就业", "失业人员再就业", "职业技能培训", "发放低保金"];
    const r = roll(
      district((k) =>
        names.map((n) => [n, n === "发放低保金" ? "万元" : "人", 100, 110 + k, k === 3 ? null : 90])
      )
    );
    const notes = r.findings.filter((f) => f.code === "ROLLUP_FIELD_LEFT_OUT");
    expect(notes.map((f) => f.message)).toEqual([
      "北城街道.xlsx 指标 “城镇新增就业”“失业人员再就业”“职业技能培训”等4项未填上年同期数，未计入增速计算。",
    ]);
  });

  test("a target written / (none) in one unit: the district target and rate over the others", () => {
    const r = roll(district((k) => [["临时救助", "人次", k === 1 ? "/" : 100, 110 + k, 90]]));
    const d = byName(r, "临时救助");
    expect(d.target).toEqual({ kind: "sum", value: 400, of: [0, 2, 3, 4], lacking: [1] });
    expect(d.completionRate).toBeCloseTo((110 + 112 + 113 + 114) / 400, 12);
    expect(d.growth).toBeCloseTo(560 / 450 - 1, 12);
    expect(text(r)).toContain("完成目标任务的112.25%");
    const note = r.findings.find((f) => f.code === "ROLLUP_FIELD_LEFT_OUT");
    expect(note).toMatchObject({ file: "西城街道.xlsx", cell: "A3", indicator: "临时救助" });
    expect(note?.message).toBe(
      "西城街道.xlsx 指标!A3 “临时救助”无目标值，未计入全区目标和完成率计算。"
    );
  });

  test("no slip below ten times the others' median", () => {
    const r = roll(district((k) => [["固定资产投资", "万元", 1000, k === 2 ? 9000 : 1100, 900]]));
    expect(byName(r, "固定资产投资").actual.kind).toBe("sum");
  });

  test("kept by only two of five units: a table row with no district total, one finding, no district sentence", () => {
    const r = roll(
      district((k) => [
        ["城镇新增就业", "人", 100, 110, 90],
        ...(k < 2 ? [["征兵报名", "人", 10, 12, 9]] : []),
      ])
    );
    // The units' own values stay in the row; a sum of two would speak for the district.
    const few = byName(r, "征兵报名");
    expect(few.figures.map((f) => f.actual)).toEqual([12, 12]);
    expect(few.actual).toMatchObject({ kind: "withheld", code: "ROLLUP_INDICATOR_FEW" });
    expect(few.actual.kind === "withheld" && few.actual.message).toBe(
      "只有5个街道中2个填报，全区不作合计"
    );
    expect([few.target.kind, few.previous.kind, few.completionRate, few.ranks]).toEqual([
      "withheld",
      "withheld",
      undefined,
      [],
    ]);
    expect(text(r)).not.toContain("征兵");
    // Nor is it listed as a figure to fix before the report is written again.
    expect(r.sections.flatMap((s) => s.omitted).map((o) => o.name)).not.toContain("征兵报名");
    expect(r.findings.filter((f) => f.code === "ROLLUP_INDICATOR_FEW")).toHaveLength(1);
    expect(r.findings.filter((f) => f.code === "ROLLUP_INDICATOR_MISSING")).toHaveLength(0);
  });

  test("kept by four of five: 5个街道中4个填报，合计…, and the missing unit is named", () => {
    const r = roll(
      district((k) => [
        ["城镇新增就业", "人", 100, 110, 90],
        ...(k !== 3 ? [["征兵报名", "人", 10, 12, 9]] : []),
      ])
    );
    expect(text(r)).toContain("5个街道中4个填报，合计");
    expect(
      r.findings.filter((f) => f.code === "ROLLUP_INDICATOR_MISSING").map((f) => f.file)
    ).toEqual(["北城街道.xlsx"]);
  });

  test("a unit whose row is left blank (——) is not counted as reporting it", () => {
    const r = roll(district((k) => [["走访困难群众", "户次", 500, k === 2 ? "——" : 520 + k, 480]]));
    const d = byName(r, "走访困难群众");
    expect(d.actual).toMatchObject({ kind: "sum", of: [0, 1, 3, 4] });
    expect(text(r)).toContain("5个街道中4个填报，合计走访困难群众");
    const line = indicatorLine(d, r.districtIndicators[0], r, resolveOptions({}));
    expect(r.findings.filter((f) => f.code === "ROLLUP_INDICATOR_MISSING")).toEqual([]);
    expect(line).toContain("4/5填报");
    expect(line).toContain("未填数：南城街道");
  });

  test("approximate values give an approximate sum, with no rate", () => {
    const r = roll(district((k) => [["志愿服务", "人次", 100, k === 1 ? "300余" : 310, 90]]));
    expect(text(r)).toMatch(/1540余人次/);
    expect(text(r)).not.toMatch(/志愿服务1540余人次，完成目标任务的/);
  });
});

describe("the district's sentence, in the clause writer's words", () => {
  test("a total of some units says 合计 before a verb, after a subject that has none (no 合计…达)", () => {
    const r = roll(
      district((k) => [
        ["城镇新增就业", "人", 100, 110 + k, 90],
        ...(k === 4
          ? []
          : [
              ["城乡低保户数", "户", 100, 110 + k, 90],
              ["招商引资到位资金", "万元", 1000, 1100 + k, 900],
            ]),
      ])
    );
    const t = text(r);
    expect(t).toContain("全区完成城镇新增就业560人");
    expect(t).toContain("5个街道中4个填报，城乡低保户数合计446户");
    expect(t).toContain("5个街道中4个填报，招商引资到位资金合计4406万元");
    expect(t).not.toMatch(/合计[^，。；]*达/);
  });

  test("a row held for a unit's cell: the note to fix it points at that unit's cell", () => {
    const r = roll(
      district((k) => [["固定资产投资", "万元", 1000 + k, k === 2 ? 11020000 : 1100 + k, 900]])
    );
    const omitted = r.sections.flatMap((s) => s.omitted);
    expect(omitted).toMatchObject([
      { name: "固定资产投资", sheet: "南城街道.xlsx 指标", cell: "D3" },
    ]);
  });

  test("a table titled only 工作 (2023年工作台账) or a month is no line of work of the district", () => {
    const r = roll([
      ...district((k) => [["群众满意度", "%", 95, 96 + k * 0.1, 94]], 3),
      ledger("北城街道.xlsx", "北城街道2023年工作台账", [["群众满意度", "%", 95, 97, 94]]),
    ]);
    expect(byName(r, "群众满意度").section).toEqual([]);
    expect(r.sections.map((s) => s.title)).not.toContain("工作");
  });
});

describe("who is behind, in the district's words", () => {
  test("a ceiling kept or not: 未控制在3.5%以内 (the target they share), never 落后于序时进度", () => {
    const r = roll(district((k) => [["城镇登记失业率", "%", "≤3.5", k === 1 ? 3.9 : 2.8, 3]]));
    const d = byName(r, "城镇登记失业率");
    expect(d.isRate).toBe(true);
    // The highest is the one not kept: said once, with the ceiling it went over.
    expect(text(r)).toContain(
      "各街道城镇登记失业率在2.8%—3.9%之间，西城街道最高，未控制在3.5%以内。"
    );
    // Units behind against ceilings of their own: the words name none.
    const own = roll(
      district((k) => [
        ["城镇登记失业率", "%", k === 1 ? "≤3.5" : "≤3", k === 1 || k === 2 ? 3.9 : 2.8, 3],
      ])
    );
    expect(text(own)).toContain("未控制在目标以内");
    expect(text(own)).not.toMatch(/未控制在[\d.]+%以内/);
  });

  test("during the year, behind the 序时进度; at the year's end, 未完成目标任务", () => {
    const rows = (k: number): CellInput[][] => [
      ["城镇新增就业", "人", 1000, k === 4 ? 700 : 900 + k, 800],
    ];
    period = 10;
    const partYear = text(roll(district(rows), 10));
    period = undefined;
    expect(partYear).toContain("；中城街道落后于序时进度。");
    expect(text(roll(district(rows)))).toContain("；各街道均未完成目标任务。");
  });

  test("a workbook with a sheet a month gives the latest month's rows", () => {
    const monthly = (name: string, done: number) =>
      sheet(name, [HEADER, ["城镇新增就业", "人", 1000, done, 800]]);
    const units = [
      unit("东城街道.xlsx", monthly("2023年1-9月", 700), monthly("2023年1-10月", 850)),
      unit("西城街道.xlsx", monthly("2023年1-10月", 900)),
    ];
    const r = roll(units);
    expect(r.units.map((u) => u.months)).toEqual([10, 10]);
    expect(byName(r, "城镇新增就业").actual).toMatchObject({ kind: "sum", value: 1750 });
  });
});

describe("a workbook with a sheet a month", () => {
  test("a first sheet of one month (2023年1月) does not stand for the year: the latest period's rows win", () => {
    const month = (name: string, title: string, done: number) =>
      sheet(name, [[title], HEADER, ["城镇新增就业", "人", 1000, done, 800]]);
    const units = [
      unit(
        "东城街道.xlsx",
        month("1月", "东城街道2023年1月主要指标完成情况", 90),
        month("2月", "东城街道2023年1—2月主要指标完成情况", 180),
        month("3月", "东城街道2023年1—3月主要指标完成情况", 270)
      ),
      ledger("西城街道.xlsx", "西城街道2023年1—3月主要指标", [
        ["城镇新增就业", "人", 1000, 300, 250],
      ]),
    ];
    const r = roll(units);
    expect(r.units.map((u) => u.months)).toEqual([3, 3]);
    const d = byName(r, "城镇新增就业");
    expect(d.figures[0].cells.actual).toMatchObject({ sheet: "3月" });
    expect(d.actual).toMatchObject({ kind: "sum", value: 570 });
  });
});

describe("a workbook with a sheet a month: what it lacks", () => {
  test("an indicator it lacks is named on the latest month's sheet, not on 1月", () => {
    const month = (name: string, title: string, done: number) =>
      sheet(name, [[title], HEADER, ["城镇新增就业", "人", 1000, done, 800]]);
    const others = ["西城街道", "南城街道"].map((name) =>
      ledger(`${name}.xlsx`, `${name}2023年1—2月主要指标`, [
        ["城镇新增就业", "人", 1000, 300, 250],
        ["临时救助", "人次", 100, 20, 18],
      ])
    );
    const r = roll([
      unit(
        "东城街道.xlsx",
        month("1月", "东城街道2023年1月主要指标完成情况", 90),
        month("2月", "东城街道2023年1—2月主要指标完成情况", 180)
      ),
      ...others,
    ]);
    const missing = r.findings.find((f) => f.code === "ROLLUP_INDICATOR_MISSING");
    expect(missing).toMatchObject({ file: "东城街道.xlsx", sheet: "2月", indicator: "临时救助" });
  });
});

describe("a hidden sheet beside the unit's visible ones", () => {
  test("an old copy (2022年（旧）) sets no year, gives no rows and raises no findings", async () => {
    const old = {
      ...sheet("2022年（旧）", [
        ["东城街道2022年主要指标完成情况"],
        HEADER,
        ["城镇新增就业", "人", 1000, 950, 900],
        ["临时救助", "人次", 100, undefined, 90],
      ]),
      hidden: true,
    };
    const now = sheet("2023年", [
      ["东城街道2023年主要指标完成情况"],
      HEADER,
      ["城镇新增就业", "人", 1000, 1100, 950],
    ]);
    const read = await readUnitWith("东城街道.xlsx", async () => workbook(old, now), {});
    if (read.kind !== "unit") throw new Error(read.kind);
    const { analysis } = read.input;
    expect(analysis.year).toBe(2023);
    expect(analysis.indicators.map((i) => `${i.sheet}:${i.name}`)).toEqual(["2023年:城镇新增就业"]);
    expect(analysis.findings.filter((f) => f.sheet === "2022年（旧）")).toEqual([]);
  });

  test("a file that cannot be read is named by its name in the message, not by its path", async () => {
    const read = await readUnitWith(
      "东城街道.xlsx",
      async () => {
        throw new Error("cannot open /home/x/报表/东城街道.xlsx: bad zip");
      },
      {}
    );
    expect(read).toMatchObject({
      kind: "unread",
      unread: { message: "读取时出错：cannot open 东城街道.xlsx: bad zip" },
    });
  });

  test("a workbook whose rows are all on a hidden sheet is still read", async () => {
    const only = {
      ...sheet("台账", [
        ["东城街道2023年主要指标"],
        HEADER,
        ["城镇新增就业", "人", 1000, 1100, 950],
      ]),
      hidden: true,
    };
    const read = await readUnitWith(
      "东城街道.xlsx",
      async () => workbook(sheet("说明", [["见台账"]]), only),
      {}
    );
    if (read.kind !== "unit") throw new Error(read.kind);
    expect(read.input.analysis.indicators.map((i) => i.name)).toEqual(["城镇新增就业"]);
  });
});

describe("a percentage's district value: weighted only when every unit's base is in its workbook", () => {
  const rates = [96.3, 94.1, 97.5, 95, 98.2];
  const due = (k: number) => 10000 + 1000 * k;
  const covered = (k: number) => Math.round((rates[k] / 100) * due(k));

  test("the denominator (应参保人数) in every unit: Σ(rate × base) ÷ Σbase, said where it comes from", () => {
    const r = roll(
      district((k) => [
        ["城乡居民医保参保率", "%", 95, rates[k], 93],
        ["应参保人数", "人", null, due(k), null],
      ])
    );
    const d = byName(r, "城乡居民医保参保率");
    const weighted =
      rates.reduce((s, v, k) => s + v * due(k), 0) /
      [0, 1, 2, 3, 4].reduce((s, k) => s + due(k), 0);
    expect(d.rateBase).toMatchObject({
      kind: "weighted",
      base: "应参保人数",
      units: [0, 1, 2, 3, 4],
    });
    expect(d.rateBase?.kind === "weighted" && d.rateBase.value).toBeCloseTo(weighted, 10);
    // Not the plain average of the rates (96.22).
    expect(weighted).not.toBeCloseTo(rates.reduce((a, b) => a + b, 0) / 5, 2);
    expect(text(r)).toContain(
      `全区城乡居民医保参保率为${Number(weighted.toFixed(2))}%（按各街道应参保人数加权计算），各街道在94.1%—98.2%之间，中城街道最高，西城街道最低，未达到95%的目标。`
    );
    // The base, with no target of its own, is said in the rate's sentence, not in one of its own.
    expect(text(r)).not.toContain("应参保人数达");
    // The number traces to the units' rates and bases.
    const p = r.paragraphs[0];
    const source = p.sources.find((x) => x.text === `${Number(weighted.toFixed(2))}%`);
    const traced = r.trace[`${source?.sheet}!${source?.cells[0]}`];
    expect(traced).toHaveLength(10);
    expect(traced).toContainEqual({ file: "北城街道.xlsx", sheet: "指标", cell: "D4" });
  });

  test("numerator and denominator in every unit: Σnumerator ÷ Σdenominator, checked against each rate", () => {
    const rows = (k: number): CellInput[][] => [
      ["城乡居民医保参保率", "%", 95, rates[k], 93],
      ["城乡居民医保参保人数", "人", due(k), covered(k), 9000],
      ["城乡居民医保应参保人数", "人", null, due(k), null],
    ];
    const d = byName(roll(district(rows)), "城乡居民医保参保率");
    const ratio =
      ([0, 1, 2, 3, 4].reduce((s, k) => s + covered(k), 0) /
        [0, 1, 2, 3, 4].reduce((s, k) => s + due(k), 0)) *
      100;
    expect(d.rateBase).toMatchObject({ kind: "ratio", numerator: "城乡居民医保参保人数" });
    expect(d.rateBase?.kind === "ratio" && d.rateBase.value).toBeCloseTo(ratio, 10);
    // A unit whose rows do not give its own rate back: no district rate, and it is named.
    const off = roll(
      district((k) =>
        rows(k).map((row, i) => (k === 2 && i === 1 ? [row[0], row[1], row[2], 9000, 9000] : row))
      )
    );
    const blank = byName(off, "城乡居民医保参保率");
    expect(blank.rateBase).toEqual({ kind: "none", lacking: [], disagreeing: ["南城街道"] });
    expect(text(off)).toContain("各街道城乡居民医保参保率在94.1%—98.2%之间");
    expect(text(off)).not.toContain("全区城乡居民医保参保率");
  });

  test("a unit without the base: no district rate, only the range with the units' names", () => {
    const r = roll(
      district((k) => [
        ["城乡居民医保参保率", "%", 95, rates[k], 93],
        ...(k === 3 ? [] : [["应参保人数", "人", null, due(k), null]]),
      ])
    );
    const d = byName(r, "城乡居民医保参保率");
    expect(d.rateBase).toEqual({ kind: "none", lacking: ["北城街道"], disagreeing: [] });
    expect(text(r)).toContain(
      "各街道城乡居民医保参保率在94.1%—98.2%之间，中城街道最高，西城街道最低"
    );
    expect(text(r)).not.toContain("加权");
  });

  test.each([
    ["a numerator alone is no base", [["城乡居民医保参保人数", "人", 10000, 9600, 9000]]],
    [
      "a population the numerator does not give the rate over is no base",
      [
        ["城乡居民医保参保人数", "人", 10000, 9600, 9000],
        ["户籍人口", "人", null, 50000, null],
      ],
    ],
    ["another rate's base is not this one's", [["应接种人数", "人", null, 10000, null]]],
    [
      "two rates a short base name could be of: unsure",
      [
        ["基本养老保险参保率", "%", 95, 96, 93],
        ["应参保人数", "人", null, 10000, null],
      ],
    ],
  ])("%s", (_, extra) => {
    const r = roll(
      district((k) => [["城乡居民医保参保率", "%", 95, rates[k], 93], ...(extra as CellInput[][])])
    );
    expect(byName(r, "城乡居民医保参保率").rateBase?.kind).toBe("none");
    expect(text(r)).not.toContain("加权");
  });

  test("a vaccination ledger's 应种人数 and 实种人数 are the base and numerator of its 接种率", () => {
    const r = roll(
      district((k) => [
        ["疫苗接种率", "%", 95, rates[k], 93],
        ["实种人数", "人", null, covered(k), null],
        ["应种人数", "人", null, due(k), null],
      ])
    );
    expect(byName(r, "疫苗接种率").rateBase).toMatchObject({ kind: "ratio", base: "应种人数" });
  });

  test("a numerator with the population it gives the rate over: Σnumerator ÷ Σpopulation", () => {
    const r = roll(
      district((k) => [
        ["城乡居民医保参保率", "%", 95, rates[k], 93],
        ["城乡居民医保参保人数", "人", due(k), covered(k), 9000],
        ["户籍人口", "人", null, due(k), null],
      ])
    );
    expect(byName(r, "城乡居民医保参保率").rateBase).toMatchObject({
      kind: "ratio",
      base: "户籍人口",
    });
  });
});

describe("the line of work each district indicator stands under", () => {
  const placed = (r: Rollup, name: string) => {
    const d = byName(r, name);
    return [d.category, d.section];
  };

  test("a 安全生产 indicator is not put under 投资 for the 企业 in its name", () => {
    const r = roll(
      district(() => [
        ["企业安全生产检查", "家次", 100, 110, 90],
        ["新增四上企业", "家", 10, 12, 9],
      ])
    );
    expect(placed(r, "企业安全生产检查")).toEqual(["other", ["安全生产工作"]]);
    expect(placed(r, "新增四上企业")).toEqual(["investment", []]);
    expect(r.sections.map((s) => s.title)).toEqual(["安全生产工作", "投资与经济发展"]);
  });

  test("under the units' heading 安全生产, 检查企业 stays there; under 民生保障, 就业 keeps its line", () => {
    const r = roll(
      district(() => [
        ["一、安全生产"],
        ["检查企业", "家次", 100, 110, 90],
        ["隐患排查整改", "处", 100, 110, 90],
        ["二、民生保障"],
        ["城镇新增就业", "人", 100, 110, 90],
        ["其中：高校毕业生", "人", 10, 11, 9],
        ["纳入低保", "户", 10, 11, 9],
      ])
    );
    expect(placed(r, "检查企业")).toEqual(["other", ["安全生产"]]);
    expect(placed(r, "城镇新增就业")).toEqual(["employment", []]);
    // A part stands where its total does, and is written inside its sentence.
    expect(placed(r, "高校毕业生")).toEqual(["employment", []]);
    expect(text(r)).toContain("全区完成城镇新增就业550人，其中高校毕业生55人");
    expect(placed(r, "纳入低保")).toEqual(["other", ["民生保障"]]);
  });

  test("one unit's heading of several lines (民生实事) leaves 城镇新增就业 under 就业工作", () => {
    const r = roll(
      district((k) =>
        k === 0
          ? [
              ["一、民生实事"],
              ["城镇新增就业", "人", 100, 110, 90],
              ["为老服务", "人次", 100, 110, 90],
            ]
          : [["城镇新增就业", "人", 100, 110, 90]]
      )
    );
    expect(placed(r, "城镇新增就业")).toEqual(["employment", []]);
    expect(r.sections.map((s) => s.title)).toContain("就业工作");
  });

  test("a table titled 安全生产工作 places its rows; most units decide between two placements", () => {
    const units = NAMES.map((name, k) =>
      ledger(
        `${name}.xlsx`,
        k < 3 ? `${name}2023年安全生产工作完成情况表` : `${name}2023年经济发展指标`,
        [["检查企业", "家次", 100, 110, 90]]
      )
    );
    expect(placed(roll(units), "检查企业")).toEqual(["other", ["安全生产工作"]]);
    expect(placed(roll(units.slice(2)), "检查企业")).toEqual(["investment", []]);
  });
});

describe("ties", () => {
  test("two units tied for first are both named: 并列全区第一, never one of them alone", () => {
    const r = roll(district((k) => [["城镇新增就业", "人", 100, k < 2 ? 130 : 110 + k, 90]]));
    const d = byName(r, "城镇新增就业");
    expect(d.ranks.filter((x) => x.rank === 1).map((x) => r.units[x.unit].name)).toEqual([
      "东城街道",
      "西城街道",
    ]);
    expect(text(r)).toContain("，东城街道、西城街道均为130人，并列全区第一。");
    expect(text(r)).not.toContain("位居全区第一");
  });

  test("one unit first: 位居全区第一; every unit equal: no first at all", () => {
    const one = roll(district((k) => [["城镇新增就业", "人", 100, k === 1 ? 130 : 110 + k, 90]]));
    expect(text(one)).toContain("，西城街道130人位居全区第一。");
    const equal = roll(district(() => [["城镇新增就业", "人", 100, 120, 90]]));
    expect(text(equal)).not.toMatch(/第一/);
  });

  test("the most 登记失业人数 is not praised as 位居全区第一; the most 失业人员再就业 is", () => {
    const r = roll(
      district((k) => [
        ["城镇登记失业人数", "人", null, 280 + 10 * k, 270],
        ["失业人员再就业", "人", 100, 110 + k, 90],
      ])
    );
    expect(text(r)).toContain("全区城镇登记失业人数达1500人，同比增长11.11%。");
    expect(text(r)).toContain(
      "全区完成失业人员再就业560人，完成目标任务的112%，同比增长24.44%，中城街道114人位居全区第一。"
    );
  });

  test("a rate's lowest and highest name every unit at that value", () => {
    const r = roll(district((k) => [["基本养老保险参保率", "%", 95, [96, 98, 96, 97, 98][k], 94]]));
    const d = byName(r, "基本养老保险参保率");
    expect(d.range?.min.units).toEqual([0, 2]);
    expect(d.range?.max.units).toEqual([1, 4]);
    expect(text(r)).toContain(
      "各街道基本养老保险参保率在96%—98%之间，西城街道、中城街道并列最高，东城街道、南城街道并列最低。"
    );
  });
});

describe("files", () => {
  test("the same workbook twice is counted once", () => {
    const a = ledger("东城街道.xlsx", "东城街道", [["城镇新增就业", "人", 100, 110, 90]]);
    const copy = {
      ...ledger("东城街道（重报）.xlsx", "东城街道", [["城镇新增就业", "人", 100, 110, 90]]),
    };
    const b = ledger("西城街道.xlsx", "西城街道", [["城镇新增就业", "人", 200, 210, 190]]);
    const r = roll([a, copy, b]);
    expect(r.units).toHaveLength(2);
    expect(r.duplicates).toEqual([{ file: "东城街道（重报）.xlsx", of: "东城街道.xlsx" }]);
    expect(byName(r, "城镇新增就业").actual).toMatchObject({ value: 320 });
  });
});

describe("files of another year, and two files of one unit", () => {
  const year = (file: string, title: string, done: number, header = HEADER) =>
    unit(
      file,
      sheet("台账", [
        [title],
        ["填报单位：东城街道办事处"],
        header,
        ["城镇新增就业", "人", 100, done, 90],
      ])
    );

  test("last year's workbook beside this year's is named and left out, never a second unit", () => {
    const r = roll([
      year("东城街道2022年指标.xlsx", "东城街道2022年度主要指标", 95, [
        "指标名称",
        "单位",
        "年度目标",
        "2022年完成",
        "2021年完成",
      ]),
      year("东城街道2023年指标.xlsx", "东城街道2023年度主要指标", 110),
      ledger("西城街道.xlsx", "西城街道2023年主要指标", [["城镇新增就业", "人", 200, 210, 190]]),
    ]);
    expect(r.units.map((u) => u.file)).toEqual(["东城街道2023年指标.xlsx", "西城街道.xlsx"]);
    expect(r.year).toBe(2023);
    expect(r.leftOut).toEqual([
      { file: "东城街道2022年指标.xlsx", reason: "otherYear", year: 2022 },
    ]);
    expect(byName(r, "城镇新增就业").actual).toMatchObject({ kind: "sum", value: 320 });
    const note = r.findings.find((f) => f.code === "ROLLUP_OTHER_YEAR");
    expect(note?.message).toContain("东城街道2022年指标.xlsx 台账 是2022年的报表");
    expect(note?.message).toContain("未计入");
  });

  test("two files naming one unit: only one is counted, the other named", () => {
    const r = roll([
      year("东城街道.xlsx", "东城街道2023年度主要指标", 110),
      year("东城街道（更正）.xlsx", "东城街道2023年度主要指标", 112),
      ledger("西城街道.xlsx", "西城街道2023年主要指标", [["城镇新增就业", "人", 200, 210, 190]]),
    ]);
    expect(r.units.map((u) => u.name)).toEqual(["东城街道", "西城街道"]);
    expect(r.units[0].file).toBe("东城街道（更正）.xlsx");
    expect(byName(r, "城镇新增就业").actual).toMatchObject({ kind: "sum", value: 322 });
    expect(r.leftOut).toEqual([
      { file: "东城街道.xlsx", reason: "sameUnit", of: "东城街道（更正）.xlsx" },
    ]);
    expect(r.findings.find((f) => f.code === "ROLLUP_SAME_UNIT")?.message).toContain("本份未计入");
  });
});

describe("units that do not say their period", () => {
  test("are judged at the district's period, not as a full year, and not named as differing", () => {
    const stated = (name: string, done: number) =>
      ledger(`${name}.xlsx`, `${name}2023年1-10月主要指标`, [
        ["城镇新增就业", "人", 1000, done, 800],
      ]);
    const r = roll([
      stated("东城街道", 900),
      stated("西城街道", 880),
      ledger("南城街道.xlsx", "南城街道2023年主要指标", [["城镇新增就业", "人", 1000, 870, 800]]),
    ]);
    expect(r.months).toBe(10);
    expect(byName(r, "城镇新增就业").behind).toEqual([]);
    expect(r.findings.filter((f) => f.code === "ROLLUP_PERIOD_DIFFERS")).toEqual([]);
  });

  test("a unit of another period is shown, not added to the district's: 1—9月 is no part of 1—10月", () => {
    const r = roll(
      NAMES.map((name, k) =>
        ledger(`${name}.xlsx`, `${name}2023年${k === 1 ? "1-9月" : "1-10月"}主要指标`, [
          ["城镇新增就业", "人", 1000, 900 + k, 800],
          // Lacked by the unit of another period only: it is named for its period, once.
          ...(k === 1 ? [] : [["临时救助", "人次", 100, 90, 80] as CellInput[]]),
        ])
      )
    );
    const d = byName(r, "城镇新增就业");
    expect(d.actual).toMatchObject({ kind: "sum", value: 900 + 902 + 903 + 904, of: [0, 2, 3, 4] });
    expect(d.figures.find((f) => f.unit === 1)).toMatchObject({ actual: 901, offPeriod: true });
    expect(d.ranks.map((x) => x.unit)).not.toContain(1);
    const differs = r.findings.find((f) => f.code === "ROLLUP_PERIOD_DIFFERS");
    expect(differs?.file).toBe("西城街道.xlsx");
    expect(differs?.message).toContain("未计入全区合计");
    expect(differs?.message).not.toContain("合计前请核对");
    expect(text(r)).toContain("5个街道中4个填报，合计完成城镇新增就业3609人");
    const line = indicatorLine(d, r.districtIndicators[0], r, resolveOptions({}));
    expect(line).toContain("报告期不同，未计入：西城街道");
    // The line counts those reporting as the sentence does: the unit of another period is not one.
    expect(line).toContain("4/5填报");
  });

  test("a rate of a unit of another period: not in the district rate, its range or the units behind", () => {
    const r = roll(
      NAMES.map((name, k) =>
        ledger(`${name}.xlsx`, `${name}2023年${k === 1 ? "1-9月" : "1-10月"}主要指标`, [
          ["基本养老保险参保率", "%", 95, k === 1 ? 90 : 96 + k * 0.1, 94],
          ["基本养老保险应参保人数", "人", null, 1000 * (k + 1), null],
        ])
      )
    );
    const d = byName(r, "基本养老保险参保率");
    expect(d.behind).toEqual([]);
    expect(d.range?.min.value).toBe(96);
    expect(d.rateBase).toMatchObject({ kind: "weighted", units: [0, 2, 3, 4] });
    expect(text(r)).toContain("5个街道中4个填报，基本养老保险参保率为");
  });

  test("a rate below its target is behind during the year too: a rate is not built up", () => {
    period = 10;
    const r = roll(
      district((k) => [["基本养老保险参保率", "%", 95, k === 1 ? 93 : 96 + k * 0.1, 94]]),
      10
    );
    period = undefined;
    expect(byName(r, "基本养老保险参保率").behind.map((u) => r.units[u].name)).toEqual([
      "西城街道",
    ]);
    // A rate has no 序时进度: below its target it has not reached it.
    expect(text(r)).toContain("西城街道最低，未达到95%的目标。");
    expect(text(r)).not.toContain("序时");
  });

  test("a unit whose figure is a likely slip is not called behind on it", () => {
    const r = roll(
      district((k) => [["固定资产投资", "万元", k === 2 ? 10200000 : 1000 + k, 1100 + k, 900]])
    );
    expect(byName(r, "固定资产投资").behind).toEqual([]);
  });
});

test("a 填报单位 line at the foot of the sheet names the unit", () => {
  const model = workbook(
    sheet("Sheet1", [
      ["重点指标表"],
      HEADER,
      ["城镇新增就业", "人", 100, 120, 90],
      [],
      ["填报单位：北塘街道"],
    ])
  );
  expect(unitNameOf(model, "附件2-重点指标表.xlsx")).toEqual({
    name: "北塘街道",
    from: "reporter",
  });
});
