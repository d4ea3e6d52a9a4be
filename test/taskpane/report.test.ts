import { Analysis, SourceSpan } from "../../src/core/model";
import { STRINGS } from "../../src/taskpane/i18n";
import {
  bindFigures,
  blocksToText,
  buildReport,
  indexCells,
  segmentParagraph,
} from "../../src/taskpane/model/report";
import { insertNotice, shorten, writeNotice } from "../../src/taskpane/model/report-actions";
import { SAMPLE_PATH, analyseSample } from "./fixtures";

const zh = STRINGS.zh;
let sample: Analysis;

beforeAll(async () => {
  sample = await analyseSample(SAMPLE_PATH);
});

describe("report view of the sample", () => {
  it("numbers the sections 一、二、… as every other face does", () => {
    const report = buildReport(sample, zh, "zh");
    expect(report.paragraphs.map((p) => p.heading)).toEqual([
      "一、就业工作",
      "二、社会保险工作",
      "三、疫苗接种工作",
      "四、投资与经济发展",
    ]);
    expect(report.blocks[0]).toEqual({ heading: "2023年度工作总结", text: "" });
    expect(report.blocks[1]).toEqual({
      heading: "一、就业工作",
      text: sample.paragraphs[0].text,
    });
    expect(
      report.plainText.startsWith("2023年度工作总结\n一、就业工作\n2023年，完成城镇新增就业1126人")
    ).toBe(true);
    expect(report.plainText).toContain("\n二、社会保险工作\n");
  });

  it("cuts each paragraph into text and traceable numbers", () => {
    const p = buildReport(sample, zh, "zh").paragraphs[0].paragraphs[0];
    expect(p.segments.map((s) => s.text).join("")).toBe(p.text);
    const numbers = p.segments.filter((s) => s.kind === "number");
    expect(numbers).toHaveLength(sample.paragraphs[0].sources.length);
    expect(p.segments.slice(0, 6).map((s) => [s.kind, s.text])).toEqual([
      ["text", "2023年，完成城镇新增就业"],
      ["number", "1126"],
      ["text", "人，其中高校毕业生就业"],
      ["number", "320"],
      ["text", "人，完成目标任务的"],
      ["number", "112.6%"],
    ]);
  });

  it("says where each number comes from", () => {
    const p = buildReport(sample, zh, "zh").paragraphs[0].paragraphs[0];
    const numbers = p.segments
      .flatMap((s) => (s.kind === "number" ? [s] : []))
      .filter((n) => n.ref !== "就业!E5");
    expect(numbers[0]).toMatchObject({
      ref: "就业!E4",
      tooltip: ["来源：就业!E4", "完成数：1126"],
    });
    expect(numbers[1].tooltip).toEqual([
      "完成率 = 就业!E4 ÷ 就业!D4",
      "就业!E4（完成数）：1126",
      "就业!D4（目标）：1000",
    ]);
    expect(numbers[2].tooltip[0]).toBe("同比增幅 = 就业!E4 ÷ 就业!G4 − 1");
    const points = numbers.find((n) => n.tooltip[0].startsWith("变化"));
    expect(points?.tooltip[0]).toBe("变化 = 就业!E8 − 就业!G8");
  });

  it("notes indicators left out", () => {
    const report = buildReport(sample, zh, "zh");
    expect(report.paragraphs[3].omitted).toBe(
      "以下指标的数据有错误，修正后才会写入：税收收入（经济!D8）"
    );
    expect(report.paragraphs[0].omitted).toBeUndefined();
    expect(report.plainText).toContain("（未写入，待修正数据后重新生成：税收收入（经济!D8））");
  });
});

describe("segmentParagraph", () => {
  const span = (start: number, end: number, text: string): SourceSpan => ({
    text,
    start,
    end,
    sheet: "S",
    cell: "B2",
    kind: "value",
    cells: ["B2"],
  });
  const index = indexCells([]);

  it("keeps text intact around unordered spans", () => {
    const segments = segmentParagraph(
      "完成12人和34户",
      [span(6, 8, "34"), span(2, 4, "12")],
      index,
      zh
    );
    expect(segments.map((s) => [s.kind, s.text])).toEqual([
      ["text", "完成"],
      ["number", "12"],
      ["text", "人和"],
      ["number", "34"],
      ["text", "户"],
    ]);
    expect(segments[1]).toMatchObject({ tooltip: ["来源：S!B2"] });
  });

  it("leaves overlapping, out-of-range and mismatched spans as text", () => {
    const text = "完成12人";
    const segments = segmentParagraph(
      text,
      [span(2, 4, "12"), span(3, 4, "2"), span(2, 9, "12人…"), span(0, 2, "xx")],
      index,
      zh
    );
    expect(segments.map((s) => s.text).join("")).toBe(text);
    expect(segments.filter((s) => s.kind === "number")).toHaveLength(1);
  });
});

describe("report helpers", () => {
  it("joins blocks", () => {
    expect(
      blocksToText([
        { heading: "（一）A", text: "a" },
        { heading: "（二）B", text: "b" },
      ])
    ).toBe("（一）A\na\n\n（二）B\nb");
  });

  it("describes action results", () => {
    expect(insertNotice({ kind: "inserted", address: "Sheet1!B2" }, zh)).toEqual({
      intent: "success",
      text: "已插入到 Sheet1!B2。",
    });
    expect(insertNotice({ kind: "occupied", address: "B2", current: "x" }, zh)).toBeUndefined();
    expect(insertNotice({ kind: "unsupported" }, zh)?.intent).toBe("warning");
    expect(writeNotice({ kind: "written", sheet: "报告", cells: 8, created: true }, zh)).toEqual({
      intent: "success",
      text: "已新建并写入“报告”工作表（8个单元格）。",
    });
    expect(
      writeNotice({ kind: "written", sheet: "报告", cells: 8, created: true }, zh, "a-报告.xlsx")
        ?.text
    ).toBe("已下载副本“a-报告.xlsx”，其中含“报告”工作表；原文件未改动。");
    expect(writeNotice({ kind: "conflict", sheet: "报告", edited: [] }, zh)).toBeUndefined();
  });

  it("shortens long cell content", () => {
    expect(shorten("一二三", 5)).toBe("一二三");
    expect(shorten("一二三四五六", 5)).toBe("一二三四…");
  });
});

describe("bindFigures: a number with what may not leave it", () => {
  const runsOf = (k: number) =>
    buildReport(sample, zh, "zh").paragraphs.flatMap((p) => p.paragraphs)[k].segments;

  it("keeps every character of the paragraph, in order", () => {
    for (const paragraph of buildReport(sample, zh, "zh").paragraphs.flatMap((p) => p.paragraphs)) {
      const runs = bindFigures(paragraph.segments);
      const text = runs
        .map((r) => (r.kind === "text" ? r.text : `${r.before}${r.number.text}${r.after}`))
        .join("");
      expect(text).toBe(paragraph.text);
      expect(runs.filter((r) => r.kind === "figure")).toHaveLength(
        paragraph.segments.filter((s) => s.kind === "number").length
      );
    }
  });

  it("binds the unit, the scale and the closing punctuation to the number", () => {
    const figures = bindFigures(runsOf(0)).flatMap((r) =>
      r.kind === "figure" ? [`${r.before}[${r.number.text}]${r.after}`] : []
    );
    expect(figures).toContain("[1126]人，");
    expect(figures).toContain("[112.6%]，");
    expect(figures.find((f) => f.startsWith("[7.24%]"))).toMatch(/^\[7\.24%\][，；。]$/);
    // no text run starts with what may not open a line after a number
    for (const paragraph of buildReport(sample, zh, "zh").paragraphs.flatMap((p) => p.paragraphs))
      bindFigures(paragraph.segments).forEach((run, i, runs) => {
        if (run.kind === "text" && runs[i - 1]?.kind === "figure")
          expect([run.text, /^[，。；：、%）]/.test(run.text)]).toEqual([run.text, false]);
      });
  });

  it("binds approximation words before the number, and 余/以上 after it", () => {
    const segments = [
      { kind: "text" as const, text: "走访约" },
      { ...runsOf(0).find((s) => s.kind === "number")!, text: "500" },
      { kind: "text" as const, text: "余万元以上；发放" },
    ];
    const runs = bindFigures(segments as never);
    expect(runs[0]).toEqual({ kind: "text", text: "走访" });
    expect(runs[1]).toMatchObject({ kind: "figure", before: "约", after: "余万元以上；" });
    expect(runs[2]).toEqual({ kind: "text", text: "发放" });
  });
});
