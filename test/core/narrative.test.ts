import { EngineOptions, Paragraph, analyzeWorkbook } from "../../src/core";
import { fillDraft } from "../../src/core/report";
import { CellInput, sheet, workbook } from "../helpers/sheet";

const HEADER: CellInput[] = ["指标名称", "单位", "目标", "完成", "上年同期"];

function paragraphs(
  rows: CellInput[][],
  options: EngineOptions = {},
  title = "就业工作指标"
): Paragraph[] {
  return analyzeWorkbook(workbook(sheet("表", [[title], HEADER, ...rows])), options).paragraphs;
}

/** All paragraphs' text, one per line. */
function text(rows: CellInput[][], options: EngineOptions = {}, title?: string): string {
  return paragraphs(rows, options, title)
    .map((p) => p.text)
    .join("\n");
}

describe("sentences", () => {
  test("the official phrasing for completion and growth, with a summary when all are done", () => {
    expect(
      text([
        ["城镇新增就业", "人", 1000, 1126, 1050],
        ["失业人员再就业", "人", 300, 342],
      ])
    ).toBe(
      "全年完成城镇新增就业1126人，完成目标任务的112.6%，同比增长7.24%；完成失业人员再就业342人，完成目标任务的114%。各项指标均超额完成目标任务。"
    );
  });

  test("除……外 names the indicators not done when at least two others are", () => {
    expect(
      text([
        ["城镇新增就业", "人", 1000, 1126],
        ["失业人员再就业", "人", 300, 342],
        ["就业困难人员再就业", "人", 100, 91],
      ])
    ).toMatch(/。除就业困难人员再就业外，其余指标均完成目标任务。$/);
  });

  test("a single indicator done says 超额完成 in its clause; a shortfall stays factual", () => {
    expect(text([["城镇新增就业", "人", 1000, 1126]])).toBe(
      "全年完成城镇新增就业1126人，完成目标任务的112.6%，超额完成目标任务。"
    );
    expect(text([["城镇新增就业", "人", 1000, 923]])).toBe(
      "全年完成城镇新增就业923人，完成目标任务的92.3%。"
    );
  });

  test.each([
    [1050, "同比增长7.24%"],
    [1200, "同比下降6.17%"],
    [1126, "与上年持平"],
    [1126.004, "与上年持平"],
    [450, "同比增长1.5倍"],
  ])("growth against last year's %p: %s", (previous, phrase) => {
    expect(text([["城镇新增就业", "人", 1000, 1126, previous]])).toContain(`，${phrase}`);
  });

  test("a decrease is never written as 降低N倍", () => {
    expect(text([["城镇新增就业", "人", 100, 112, 1000]])).toContain("同比下降88.8%");
  });

  test("rates: a change in percentage points, and a comparison with the rate target", () => {
    expect(text([["城乡居民养老保险续保率", "%", 95, 96.3, 95.1]], {}, "社保指标")).toBe(
      "全年城乡居民养老保险续保率达96.3%，高于95%的目标，比上年提高1.2个百分点。"
    );
    expect(text([["城乡居民养老保险续保率", "%", 95, 94.1, 95.1]], {}, "社保指标")).toContain(
      "低于95%的目标，比上年降低1个百分点"
    );
  });

  test("ceiling indicators are 控制在……以内 when kept, and above the limit otherwise", () => {
    expect(text([["城镇登记失业率", "%", "≤3.5", 2.8, 3.1]])).toBe(
      "全年城镇登记失业率为2.8%，控制在3.5%以内，比上年降低0.3个百分点。"
    );
    expect(text([["城镇登记失业率", "%", "控制在3.5%以内", 3.9]])).toContain(
      "城镇登记失业率为3.9%，高于3.5%的控制目标"
    );
  });

  test("parts follow their total with 其中", () => {
    expect(
      text([
        ["城镇新增就业", "人", 1000, 1126],
        ["其中：高校毕业生", "人", null, 320],
        ["其中：退役军人", "人", null, 50],
      ])
    ).toBe(
      "全年完成城镇新增就业1126人，其中高校毕业生320人、退役军人50人，完成目标任务的112.6%，超额完成目标任务。"
    );
  });

  test("large amounts in 万/亿 with at most two decimals; no thousands separators", () => {
    const t = text(
      [
        ["社会救助金发放", "元", 2800000, 2935120],
        ["固定资产投资", "万元", 120000, 126000],
        ["参保人数", "人", 25000, 24650],
      ],
      {},
      "指标"
    );
    expect(t).toContain("发放社会救助金293.51万元"); // a nominalised name turned round
    expect(t).toContain("完成固定资产投资12.6亿元");
    expect(t).toContain("参保人数达24650人");
    expect(t).not.toMatch(/\d,\d/);
    const unscaled = text(
      [["固定资产投资", "万元", 120000, 126000]],
      { scaleLargeAmounts: false },
      "指标"
    );
    expect(unscaled).toContain("完成固定资产投资126000万元");
  });

  test("approximate values keep 约/余/近, never two at once", () => {
    const t = text(
      [
        ["走访群众", "人次", 500, "约520"],
        ["健康体检", "人", 400, "450余"],
        ["招商引资", "亿元", 20, "近20"],
      ],
      {},
      "其他工作"
    );
    expect(t).toContain("走访群众约520人次");
    expect(t).toContain("完成健康体检450余人");
    expect(t).toContain("完成招商引资近20亿元");
  });

  test("mid-year: 完成全年目标的, 提前完成, and 时间过半、任务过半 at half year", () => {
    const rows: CellInput[][] = [
      ["城镇新增就业", "人", 1000, 620],
      ["失业人员再就业", "人", 300, 160],
    ];
    expect(text(rows, { period: 6 })).toBe(
      "上半年，完成城镇新增就业620人，完成全年目标的62%；完成失业人员再就业160人，完成全年目标的53.33%。实现“时间过半、任务过半”。"
    );
    expect(text([["城镇新增就业", "人", 1000, 1010]], { period: 10 })).toBe(
      "1—10月，完成城镇新增就业1010人，完成全年目标的101%，提前完成全年目标任务。"
    );
  });

  test("the year from the title, written 2023年 or 二〇二三年", () => {
    const rows: CellInput[][] = [["城镇新增就业", "人", 1000, 1126]];
    expect(text(rows, {}, "2023年就业指标")).toMatch(/^2023年，完成城镇新增就业/);
    expect(text(rows, { yearStyle: "chinese" }, "2023年就业指标")).toMatch(
      /^二〇二三年，完成城镇新增就业/
    );
    expect(text(rows, { period: 10 }, "2023年就业指标")).toMatch(/^2023年1—10月，完成/);
  });

  test("one paragraph per category, in report order", () => {
    const analysis = analyzeWorkbook(
      workbook(
        sheet("混合", [
          ["指标", "单位", "目标", "完成"],
          ["固定资产投资", "亿元", 12, 12.6],
          ["第一剂次接种", "人", 44000, 43185],
          ["城镇新增就业", "人", 1000, 1126],
          ["医保参保人数", "人", 25000, 24650],
          ["低保户数", "户", 100, 100],
        ])
      )
    );
    expect(analysis.paragraphs.map((p) => p.title)).toEqual([
      "就业工作",
      "社会保险工作",
      "疫苗接种工作",
      "投资与经济发展",
      "其他工作",
    ]);
  });
});

describe("sources", () => {
  test("every number in the text carries its cell, and the offsets point at it", () => {
    const [p] = paragraphs([["城镇新增就业", "人", 1000, 1126, 1050]]);
    expect(p.sources.map((s) => [s.text, s.kind, s.cell, s.cells])).toEqual([
      ["1126", "value", "D3", ["D3"]],
      ["112.6%", "rate", "D3", ["D3", "C3"]],
      ["7.24%", "growth", "D3", ["D3", "E3"]],
    ]);
    for (const s of p.sources) expect(p.text.slice(s.start, s.end)).toBe(s.text);
    const digitsInText = p.text.match(/\d+(\.\d+)?%?/g) ?? [];
    expect(digitsInText).toEqual(p.sources.map((s) => s.text));
  });

  test("paragraphs are deterministic", () => {
    const rows: CellInput[][] = [
      ["城镇新增就业", "人", 1000, 1126, 1050],
      ["城镇登记失业率", "%", "≤3.5", 2.8, 3.1],
    ];
    expect(paragraphs(rows)).toEqual(paragraphs(rows));
  });

  test("a value with an error is not quoted; the paragraph lists it as left out", () => {
    const [p] = paragraphs([
      ["城镇新增就业", "人", 1000, 1126],
      ["失业人员再就业", "人", 300, -342],
    ]);
    expect(p.text).not.toContain("失业人员再就业");
    expect(p.omitted).toEqual([
      {
        indicatorId: "表!A4",
        name: "失业人员再就业",
        sheet: "表",
        cell: "D4",
        reason: "表!D4 “失业人员再就业”完成数为负数（-342），数量和金额不应为负。",
      },
    ]);
  });
});

describe("the closing sentence speaks only for what it can see", () => {
  test("no 各项指标均… when some indicators have no target", () => {
    const t = text(
      [
        ["低保金发放", "元", 280000, 293512],
        ["临时救助", "人次", 100, 120],
        ["特困供养人员", "人", null, 12],
      ],
      {},
      "民政工作"
    );
    expect(t).not.toContain("各项指标");
  });

  test("no 各项指标均… when an indicator was left out for an error", () => {
    const t = text([
      ["城镇新增就业", "人", 1000, 1126],
      ["失业人员再就业", "人", 300, 342],
      ["创业补贴发放", "人", 50, { error: "#N/A" }],
    ]);
    expect(t).not.toContain("各项指标");
  });
});

test("names that say what was done or who is counted take no 完成", () => {
  const t = text(
    [
      ["发放低保金", "元", 280000, 293512],
      ["特困供养人员", "人", 12, 12],
    ],
    {},
    "民政工作"
  );
  expect(t).toContain("全年发放低保金293512元");
  expect(t).toContain("；特困供养人员12人");
  expect(t).not.toContain("完成发放");
});

test("during the year 提前完成 is said once, for the indicators already done", () => {
  expect(
    text(
      [
        ["新增四上企业入库", "家", 10, 11],
        ["固定资产投资", "亿元", 12, 6.3],
      ],
      { period: 6 },
      "经济指标"
    )
  ).toBe(
    "上半年，新增四上企业入库11家，完成全年目标的110%；完成固定资产投资6.3亿元，完成全年目标的52.5%。实现“时间过半、任务过半”，其中新增四上企业入库已提前完成全年目标任务。"
  );
});

describe("during the year, a task behind 序时进度 says by how much", () => {
  const analysis = analyzeWorkbook(
    workbook(
      sheet("1-6月", [
        ["指标名称", "单位", "全年目标", "1—6月完成", "上年同期"],
        ["河道清淤", "公里", 18, 7.6, 9.2],
        ["新增四上企业", "家", 10, 6, 4],
        ["城乡居民医保参保率", "%", 95, 93.2, 92.8],
      ])
    )
  );
  const text = analysis.paragraphs.map((p) => p.text).join("");

  test("behind: the points below the share of the year, traced to the cells of its rate", () => {
    expect(text).toContain("完成河道清淤7.6公里，完成全年目标的42.22%，低于序时进度7.78个百分点");
    const paragraph = analysis.paragraphs.find((p) => p.text.includes("河道清淤"));
    const span = paragraph?.sources.find((s) => s.text === "7.78");
    expect(span).toMatchObject({ kind: "rate", cell: "D2", cells: ["D2", "C2"] });
  });

  test("ahead of the year's share, or a rate indicator: nothing said", () => {
    expect(text).not.toMatch(/新增四上企业6家[^；。]*序时进度/);
    expect(text).not.toMatch(/参保率[^；。]*序时进度/);
  });

  test("the sentence blanked to X fills back", () => {
    const blanked = text.replace(/\d+(?:\.\d+)?/g, "X");
    const filled = fillDraft(blanked, analysis);
    expect(filled.text).toBe(text);
  });
});
