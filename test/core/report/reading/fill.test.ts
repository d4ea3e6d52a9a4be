import { Analysis, analyzeWorkbook } from "../../../../src/core";
import { FillItem, FillResult, checkDraft, fillDraft } from "../../../../src/core/report";
import { sheet, workbook } from "../../../helpers/sheet";
import { reportAnalysis, sampleDraft } from "../helpers";

/** What a placeholder should become: a number, nothing (null), or either of the two. */
type Expected = string | null | { either: string };

/**
 * Scores a fill against the expected numbers by placeholder index (1-based); indices not
 * listed must stay unfilled. Returns the counts the report asks for.
 */
function score(result: FillResult, expected: Record<number, Expected>) {
  const wrong: string[] = [];
  let fillable = 0;
  let right = 0;
  for (const item of result.items) {
    const want = expected[item.index] ?? null;
    const got = item.status === "filled" ? (item.value ?? "") : undefined;
    if (typeof want === "string") {
      fillable++;
      if (got === want) right++;
      else if (got !== undefined) wrong.push(explain(item, want));
    } else if (want === null) {
      if (got !== undefined) wrong.push(explain(item, "（不应填写）"));
    } else if (got !== undefined && got !== want.either) wrong.push(explain(item, want.either));
  }
  return {
    fillable,
    right,
    wrong,
    rate: fillable ? Math.round((right / fillable) * 1000) / 10 : 0,
  };
}

function explain(item: FillItem, want: string): string {
  return `#${item.index} “${item.placeholder}” got ${item.value} (${item.indicator} ${item.fieldZh}), expected ${want}: ${item.sentence}`;
}

describe("fillDraft on the sentences of the real drafts (samples/draft-seeds.txt)", () => {
  let analysis: Analysis;
  let result: FillResult;
  beforeAll(() => {
    analysis = reportAnalysis();
    result = fillDraft(sampleDraft("draft-seeds.txt"), analysis);
  });

  // Read off the sentences by hand. Either-or: the draft's words differ from the ledger's
  // (计划完成 may be the plan; 服务业产值 vs 营业收入; 房地产 vs 商品房 销售面积).
  const expected: Record<number, Expected> = {
    3: "31.2", // 二〇二一年完成产值X亿元 after 其中规模工业企业X家 → 规上工业总产值
    4: "9.86",
    5: { either: "126000" }, // 计划完成固定资产投资X万元
    6: "105", // 完成全年目标任务X%
    12: "95.17", // 新冠疫苗接种第二针完成率达X%
    13: "24650",
    14: "7631500", // 缴费金额X元 ← 763.15万元
    15: "8120",
    16: "6345200",
    21: "56", // 开拓公益性岗位X个 ↔ 开发公益性岗位
    26: "1126",
    27: "342",
    28: "91",
    29: "12.6",
    30: "9.19",
    31: "8.72",
    32: "7.65",
    33: "5.37",
    34: "-3.76", // 同比增速 (neither 增长 nor 下降): signed
    35: { either: "3842" },
    36: { either: "9.46" },
    37: { either: "7.02" },
    38: { either: "3.24" },
    39: "2731.6",
    40: "10.15",
    41: "16.48",
    42: "10.6",
    43: "86", // 加强对X家四上企业联网直报业务指导: all 四上 enterprises
    44: "12", // 全年新增X家四上企业
    45: "43185",
    46: "98.15",
    47: "41876",
    48: "95.17",
    67: "88000", // 全程两剂总接种任务数：X剂
    68: "85061", // 累计完成X剂
    69: "96.66", // 总完成率达X%
    79: "1126", // 新增就业人员X人
    80: "91",
  };

  it("fills only right numbers, and reports the fill rate", () => {
    const s = score(result, expected);
    console.log(
      `seed drafts: filled ${s.right}/${s.fillable} fillable placeholders (${s.rate}%), wrong fills: ${s.wrong.length}` +
        (s.wrong.length ? `\n${s.wrong.join("\n")}` : "")
    );
    expect(result.items).toHaveLength(91);
    expect(s.wrong).toEqual([]);
    expect(s.rate).toBeGreaterThanOrEqual(90);
  });

  it("leaves names, dates and ages alone and says why", () => {
    const skipped = result.items.filter((i) => i.status === "skipped");
    expect(skipped.map((i) => i.placeholder)).toEqual([
      "X街道",
      "X周岁",
      "X-X岁",
      "X-X岁",
      "X-X岁",
      "X",
      "X月",
      "X日",
    ]);
    expect(skipped[0].reason).toMatch(/名称/);
    expect(skipped[6].reason).toMatch(/日期/);
    expect(skipped[1].reason).toMatch(/年龄/);
  });

  it("gives every filled number its cell and every blank a reason", () => {
    for (const item of result.items) {
      if (item.status === "filled") {
        expect(item.cell).toMatch(/^[^!]+![A-Z]+\d+$/);
        expect(item.indicator).toBeTruthy();
        expect(item.field).toBeTruthy();
      } else expect(item.reason).toBeTruthy();
    }
    const byIndex = (n: number) => result.items[n - 1];
    expect(byIndex(26)).toMatchObject({
      indicator: "城镇新增就业",
      field: "actual",
      cell: "就业!D4",
    });
    expect(byIndex(30)).toMatchObject({ field: "growth", cells: ["经济!D4", "经济!E4"] });
    expect(byIndex(5).reason).toMatch(/计划/);
    expect(byIndex(71).status).toBe("left"); // X-X岁全程接种完成X剂: one age group
  });

  it("writes numbers that checkDraft then confirms, one by one", () => {
    const check = checkDraft(result.text, analysis);
    expect(check.mismatches).toEqual([]);
    expect(check.confirmed.map((c) => c.start).sort((a, b) => a - b)).toEqual(
      result.sources.map((s) => s.start)
    );
  });

  it("writes the numbers into the text with sources pointing at them", () => {
    expect(result.text).toContain("全年完成城镇新增就业1126人，失业人员再就业人员342人");
    expect(result.text).toContain("缴费金额7631500元");
    expect(result.text).toContain("X街道严格落实");
    for (const source of result.sources)
      expect(result.text.slice(source.start, source.end)).toBe(source.text);
    expect(result.sources).toHaveLength(result.summary.filled);
  });
});

describe("fillDraft on a draft written in other words (samples/draft-synthetic.txt)", () => {
  const expected: Record<number, Expected> = {
    1: "1126",
    2: "112.6",
    3: "7.24",
    4: "342",
    5: "328", // 上年同期X人
    6: "80", // 目标任务X人
    7: "91", // 完成X人 after the target
    8: "113.75",
    9: "2.8",
    10: "3.5", // 控制在X%以内: the ceiling
    16: "763.15",
    17: "97.84",
    19: "96.3",
    20: "1.2", // 比上年提高X个百分点
    27: "9800", // 加强针 ↔ 加强免疫接种
    28: "93.33",
    29: "12.6",
    31: "3.76", // 同比下降X%
    33: "16.48",
    34: "10.6",
    35: "2731.6",
    36: "86",
    37: "12",
    38: "3842",
    39: "332", // 比上年增加X万元
    40: "11.54",
  };

  it("fills only right numbers", () => {
    const result = fillDraft(sampleDraft("draft-synthetic.txt"), reportAnalysis());
    const s = score(result, expected);
    console.log(
      `synthetic draft: filled ${s.right}/${s.fillable} fillable placeholders (${s.rate}%), wrong fills: ${s.wrong.length}` +
        (s.wrong.length ? `\n${s.wrong.join("\n")}` : "")
    );
    expect(result.items).toHaveLength(40);
    expect(s.wrong).toEqual([]);
    expect(s.rate).toBe(100);
    const reasons = Object.fromEntries(result.items.map((i) => [i.index, i.reason ?? ""]));
    expect(reasons[21]).toMatch(/精度不足/); // 763.15万元 asked in 亿元
    expect(reasons[25]).toMatch(/单位不符/); // 第一剂次接种X人, ledger in 剂次
    expect(reasons[30]).toMatch(/不足一倍/);
    expect(reasons[32]).toMatch(/增减方向不符/);
    expect(reasons[15]).toMatch(/社区/);
  });
});

describe("fillDraft rules", () => {
  const analysis = analyzeWorkbook(
    workbook(
      sheet("就业", [
        ["指标名称", "单位", "年度目标", "完成数", "上年同期"],
        ["城镇新增就业", "人", 1000, 1126, 1050],
        ["其中：高校毕业生", "人", null, 320, 300],
        ["农村劳动力转移就业", "人", 500, 520, 480],
      ]),
      sheet("经济", [
        ["指标", "单位", "目标", "完成", "上年同期"],
        ["固定资产投资", "亿元", 12, 12.6, 11.54],
        ["税收收入", "万元", 5000, 52000000, 4800],
      ]),
      sheet("二", [
        ["指标", "单位", "目标", "完成"],
        ["新增就业", "人", 900, 950],
      ])
    )
  );
  const fill = (text: string) => fillDraft(text, analysis);

  it("converts 万元/亿元/元 and never guesses a unit", () => {
    expect(fill("完成固定资产投资X万元。").text).toBe("完成固定资产投资126000万元。");
    expect(fill("完成固定资产投资X元。").text).toBe("完成固定资产投资1260000000元。");
    expect(fill("完成固定资产投资X。").items[0].reason).toMatch(/单位不符/);
    expect(fill("完成固定资产投资X人。").items[0].reason).toMatch(/单位不符/);
  });

  it("does not quote a value that has an error to fix", () => {
    const item = fill("税收收入X万元。").items[0];
    expect(item.status).toBe("left");
    expect(item.reason).toMatch(/有待修正/);
  });

  it("prefers the exact name, and leaves a name that fits two indicators", () => {
    expect(fill("新增就业X人。").items[0]).toMatchObject({ status: "filled", value: "950" });
    expect(fill("就业X人。").items[0].status).toBe("left");
    const two = analyzeWorkbook(
      workbook(
        sheet("就业", [
          ["指标名称", "单位", "年度目标", "完成数"],
          ["城镇新增就业", "人", 1000, 1126],
          ["农村新增就业", "人", 200, 230],
        ])
      )
    );
    // 城镇 may be left out, but then 新增就业 could be either row.
    const item = fillDraft("新增就业人员X人。", two).items[0];
    expect(item.status).toBe("left");
    expect(item.reason).toBe(
      "无法确定是哪一个指标，可能是：城镇新增就业（就业!D2）或农村新增就业（就业!D3）"
    );
    // The candidates, each with the cell of its completed value, for one click each.
    expect(item.candidates).toEqual([
      { indicator: "城镇新增就业", indicatorId: expect.any(String), cell: "就业!D2" },
      { indicator: "农村新增就业", indicatorId: expect.any(String), cell: "就业!D3" },
    ]);
    expect(fillDraft("城镇新增就业人员X人。", two).items[0].value).toBe("1126");
  });

  it("fills parts and refuses a modifier the ledger does not have", () => {
    expect(fill("城镇新增就业X人，其中高校毕业生X人。").text).toBe(
      "城镇新增就业1126人，其中高校毕业生320人。"
    );
    expect(fill("女性城镇新增就业X人。").items[0].status).toBe("left");
    expect(fill("全区城镇新增就业X人。").items[0].status).toBe("left");
  });

  it("reads X with full-width letters and keeps approximation words", () => {
    expect(fill("城镇新增就业ＸＸ人").text).toBe("城镇新增就业1126人");
    expect(fill("城镇新增就业X余人").text).toBe("城镇新增就业1126余人");
  });

  it("chains a rate to the indicator of the clause before, not further", () => {
    expect(fill("完成城镇新增就业1126人，完成目标任务的X%。").text).toBe(
      "完成城镇新增就业1126人，完成目标任务的112.6%。"
    );
    const item = fill("完成城镇新增就业1126人。完成目标任务的X%。").items[0];
    expect(item.status).toBe("left");
  });
});

/** Cases from drafts and workbooks a tester built; each was filled wrongly or not at all. */
describe("fillDraft on the tester's cases", () => {
  const halfYear = analyzeWorkbook(
    workbook(
      sheet("上半年", [
        ["指标", "计量单位", "年度任务", "1-6月完成", "同期"],
        ["城镇新增就业", "人", 1200, 640, 600],
        ["失业人员再就业", "人", 350, 160, 170],
        ["创业担保贷款", "万元", 800, 420, 380],
        ["职业技能培训", "人次", 1500, 300, 500],
      ])
    ),
    { period: 6 }
  );
  const fillHalf = (text: string) => fillDraft(text, halfYear);

  it("reads past verbs and adverbs the name does not have (发放, 仅)", () => {
    expect(fillHalf("发放创业担保贷款X万元，同比增长X%。").text).toBe(
      "发放创业担保贷款420万元，同比增长10.53%。"
    );
    expect(fillHalf("职业技能培训仅完成全年任务的X%。").text).toBe(
      "职业技能培训仅完成全年任务的20%。"
    );
    // A verb that changes the meaning still blocks the match.
    expect(fillHalf("申请创业担保贷款X万元。").items[0].status).toBe("left");
  });

  it("reads X% after a name and 完成 as its completion rate", () => {
    const result = fillHalf("失业人员再就业完成X%，落后序时进度X个百分点。");
    expect(result.items[0]).toMatchObject({ status: "filled", value: "45.71", field: "rate" });
    // 落后序时进度: the rate against the half year elapsed, 50% − 45.71%.
    expect(result.items[1]).toMatchObject({ status: "filled", value: "4.29", field: "schedule" });
    expect(fillHalf("失业人员再就业完成X%，快于序时进度X个百分点。").items[1]).toMatchObject({
      status: "left",
      reasonCode: "GROWTH_DIRECTION",
    });
    expect(fillHalf("城镇新增就业目标任务已完成X%。").items[0].value).toBe("53.33");
    // For a rate indicator, "完成X%" is its value, never its completion rate.
    const rates = reportAnalysis();
    expect(fillDraft("城乡居民养老保险续保率完成X%。", rates).items[0].value).toBe("96.3");
    const chained = fillDraft("城乡居民养老保险续保率达X%，完成X%。", rates).items;
    expect(chained.map((i) => i.value ?? null)).toEqual(["96.3", null]);
  });

  it("keeps 新增 meaningful: a total is not the year's new ones", () => {
    const total = analyzeWorkbook(
      workbook(
        sheet("经济", [
          ["指标", "单位", "目标", "完成"],
          ["四上企业", "家", 80, 86],
        ])
      )
    );
    expect(fillDraft("新增四上企业X家。", total).items[0].status).toBe("left");
    expect(fillDraft("共有四上企业X家。", total).items[0].value).toBe("86");
  });

  const investment = analyzeWorkbook(
    workbook(
      sheet("投资", [
        ["指标名称", "单位", "全年目标", "1-11月累计", "上年同期", "同比增长(%)", "完成率"],
        ["固定资产投资", "万元", 150000, 142000, 131000, 8.4, null],
        ["房地产开发投资", "万元", 60000, 62000, 71000, 12.68, null],
        ["限上社会消费品零售额", "万元", 85000, 79200, 76800, 5.1, null],
        ["税收收入", "万元", 9000, 8650, 9120, -5.15, { v: 0.9, fmt: "0.00%" }],
      ])
    ),
    { period: 11 }
  );

  it("leaves a growth or rate blank when the table states another one (an error to fix)", () => {
    const result = fillDraft(
      "完成限上社会消费品零售额X亿元，同比增速X%；房地产开发投资X亿元，同比下降X%。",
      investment
    );
    expect(result.text).toBe(
      "完成限上社会消费品零售额7.92亿元，同比增速X%；房地产开发投资6.2亿元，同比下降X%。"
    );
    expect(result.items[1]).toMatchObject({ status: "left", reasonCode: "STATED_MISMATCH" });
    expect(result.items[1].reason).toMatch(
      /^表中填报的同比增速与计算值不一致，请先核实（投资!F\d+）$/
    );
    // A stated rate that disagrees leaves the row's cells in doubt (which of 完成, 目标 or 完成率
    // is mistyped?): the engine's report leaves 税收收入 out, and fill writes none of it either.
    const rate = fillDraft("税收收入X万元，完成目标任务的X%，同比下降X%。", investment);
    expect(rate.items.map((i) => i.value ?? null)).toEqual([null, null, null]);
    expect(rate.items[0]).toMatchObject({ reasonCode: "FLAGGED_CELL" });
    expect(rate.items[0].reason).toMatch(/有待修正（见校验结果，投资!G\d+）/);
    expect(rate.items[1].reason).toMatch(/^表中填报的完成率与计算值不一致，请先核实（投资!G\d+）$/);
    expect(investment.paragraphs.some((p) => p.text.includes("税收收入"))).toBe(false);
    // A check still compares the draft's numbers with the cells, and says the rate is disputed.
    const checked = checkDraft("税收收入8650万元，完成目标任务的96.11%。", investment);
    expect(checked.confirmed.map((i) => i.field)).toEqual(["actual", "rate"]);
    // Where the stated growth agrees, the computed one is written.
    expect(fillDraft("固定资产投资同比增长X%。", investment).items[0].value).toBe("8.4");
  });

  it("gives a completion rate after a 其中 list without targets to the sentence's subject", () => {
    const numbered = analyzeWorkbook(
      workbook(
        sheet("重点指标", [
          ["序号", "指标名称", "单位", "目标任务", "完成数"],
          [1, "城镇新增就业", "人", 800, 856],
          ["（1）", "高校毕业生", "人", null, 210],
          ["（2）", "就业困难人员", "人", null, 65],
          [2, "失业人员再就业", "人", 200, 214],
        ])
      )
    );
    const withParts = analyzeWorkbook(
      workbook(
        sheet("就业", [
          ["指标名称", "单位", "年度目标", "完成数", "上年同期"],
          ["城镇新增就业", "人", 1000, 1126, 1050],
          ["其中：高校毕业生", "人", null, 320, 300],
        ])
      )
    );
    const fillParts = (draft: string) => fillDraft(draft, withParts);
    const text = "全年完成城镇新增就业X人，其中高校毕业生X人、就业困难人员X人，完成目标任务的X%。";
    expect(fillDraft(text, numbered).text).toBe(
      "全年完成城镇新增就业856人，其中高校毕业生210人、就业困难人员65人，完成目标任务的107%。"
    );
    expect(
      fillParts("城镇新增就业X人，同比增长X%，其中高校毕业生X人，完成目标任务的X%。").text
    ).toBe("城镇新增就业1126人，同比增长7.24%，其中高校毕业生320人，完成目标任务的112.6%。");
    // A semicolon ends the list: the rate is of the next clause's own indicator.
    expect(
      fillParts("城镇新增就业X人，其中高校毕业生X人；完成目标任务的X%。").items[2].status
    ).toBe("left");
  });

  it("leaves the rate when a part has a target too", () => {
    const parts = analyzeWorkbook(
      workbook(
        sheet("就业", [
          ["指标名称", "单位", "年度目标", "完成数"],
          ["城镇新增就业", "人", 1000, 1126],
          ["其中：高校毕业生", "人", 300, 320],
        ])
      )
    );
    const item = fillDraft("全年完成城镇新增就业X人，其中高校毕业生X人，完成目标任务的X%。", parts)
      .items[2];
    expect(item.status).toBe("left");
    expect(item.reason).toMatch(
      /^完成率是城镇新增就业（就业!A2）的还是其中高校毕业生（就业!A3）的/
    );
  });

  const ledger = (copy: (number | string)[][]) =>
    analyzeWorkbook(
      workbook(
        sheet("台账", [
          ["序号", "指标", "单位", "目标任务", "本年", "上年"],
          [1, "城镇新增就业", "人", 1000, 1080, 1020],
          [2, "城乡居民医保参保人数", "人", 26000, 25800, 25500],
        ]),
        sheet("Sheet2", [["指标", "目标任务", "完成数"], ...copy])
      )
    );

  it("leaves a value that two rows of the same name give differently", () => {
    const text =
      "全年完成城镇新增就业X人，比上年增加X人，完成目标任务的X%；城乡居民医保参保人数X人。";
    const result = fillDraft(
      text,
      ledger([
        ["城镇新增就业", 900, 1000],
        ["城乡居民医保参保人数", 26000, 25800],
      ])
    );
    expect(result.items.map((i) => i.value ?? null)).toEqual([null, null, null, "25800"]);
    for (const item of result.items.slice(0, 3))
      expect(item.reason).toBe("同名指标数值不一致（台账!E2 与 Sheet2!C2）");
    // The same numbers in both: no doubt.
    const same = fillDraft(text, ledger([["城镇新增就业", 1000, 1080]]));
    expect(same.text).toBe(
      "全年完成城镇新增就业1080人，比上年增加60人，完成目标任务的108%；城乡居民医保参保人数25800人。"
    );
  });
});

describe("fillDraft with rows whose names differ only in brackets", () => {
  it("does not take them for copies of one indicator", () => {
    const ages = analyzeWorkbook(
      workbook(
        sheet("疫苗", [
          ["接种项目", "单位", "任务数", "累计接种"],
          ["第一剂次接种（18岁以上）", "人", 44000, 43185],
          ["第一剂次接种（60岁以上）", "人", 10500, 9800],
        ])
      )
    );
    expect(fillDraft("第一剂次接种（18岁以上）X人。", ages).items[0].value).toBe("43185");
  });
});
