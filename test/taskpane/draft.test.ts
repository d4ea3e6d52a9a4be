import { analyzeWorkbook } from "../../src/core/index";
import { Analysis } from "../../src/core/model";
import { checkDraft, fillDraft, parseOutline, withoutReportConfig } from "../../src/core/report";
import { WorkbookModel } from "../../src/core/workbook";
import { STRINGS } from "../../src/taskpane/i18n";
import {
  DraftSegment,
  cellTarget,
  checkView,
  docxFileName,
  draftView,
  fillView,
  wordReport,
} from "../../src/taskpane/model/draft";
import { indexCells } from "../../src/taskpane/model/report";
import { toWorkbookModel } from "../../src/xlsx/read-workbook";
import { buildReportWorkbook } from "../../samples/report-workbook";
import { sheet } from "../helpers/sheet";
import { SAMPLE_PATH, readSample } from "./fixtures";

const zh = STRINGS.zh;
const en = STRINGS.en;

const DRAFT = "全年完成城镇新增就业X人，完成目标任务的X%；城镇登记失业率控制在X%以内。";
const FILLED = "全年完成城镇新增就业1126人，完成目标任务的112.6%；城镇登记失业率控制在3.5%以内。";

let sampleWorkbook: WorkbookModel;
let sample: Analysis;

beforeAll(async () => {
  sampleWorkbook = await readSample(SAMPLE_PATH);
  sample = analyzeWorkbook(withoutReportConfig(sampleWorkbook));
});

const joined = (segments: DraftSegment[]) => segments.map((s) => s.text).join("");
const marks = (segments: DraftSegment[]) =>
  segments.filter((s) => s.kind !== "text").map((s) => [s.kind, s.text]);

describe("cellTarget", () => {
  it("splits at the last !", () => {
    expect(cellTarget("就业!E4")).toEqual({ sheet: "就业", cell: "E4", ref: "就业!E4" });
    expect(cellTarget("a!b!C3")).toEqual({ sheet: "a!b", cell: "C3", ref: "a!b!C3" });
    expect(cellTarget("E4")).toBeUndefined();
    expect(cellTarget(undefined)).toBeUndefined();
  });
});

describe("filling a draft", () => {
  it("cuts the filled text into numbers with their cells", () => {
    const view = draftView("fill", DRAFT, sample, zh, "zh");
    expect(view.action).toBe("fill");
    expect(view.text).toBe(FILLED);
    expect(joined(view.segments)).toBe(FILLED);
    expect(marks(view.segments)).toEqual([
      ["filled", "1126"],
      ["filled", "112.6"],
      ["filled", "3.5"],
    ]);
    const [value, rate] = view.segments.filter((s) => s.kind === "filled");
    expect(value.kind !== "text" && value.target).toEqual({
      sheet: "就业",
      cell: "E4",
      ref: "就业!E4",
    });
    expect(value.kind !== "text" && value.tooltip).toEqual([
      "城镇新增就业 · 完成数",
      "来源：就业!E4",
      "完成数：1126",
    ]);
    expect(rate.kind !== "text" && rate.tooltip).toContain("完成率 = 就业!E4 ÷ 就业!D4");
    expect(view.summary).toBe("已填写 3 处 / 共 3 处，留空 0 处");
    expect(view.notes).toEqual([]);
    expect(view.empty).toBe(false);
    expect(view.counts).toMatchObject({ filled: 3, left: 0 });
  });

  it("marks placeholders left blank, with the reason", () => {
    const draft = "全年新增X个什么东西。全年完成城镇新增就业X人，位于X社区。";
    const result = fillDraft(draft, sample);
    const view = draftView("fill", draft, sample, zh, "zh");
    expect(view.text).toBe(result.text);
    expect(joined(view.segments)).toBe(result.text);
    expect(marks(view.segments)).toEqual([
      ["left", "X"],
      ["filled", "1126"],
    ]);
    const left = view.segments[1];
    expect(left.kind !== "text" && left.tooltip).toEqual([result.items[0].reason]);
    expect(result.items[0].reason).toMatch(/^未找到对应指标/);
    expect(view.notes).toEqual([
      {
        key: "left-1",
        text: "X个",
        message: result.items[0].reason,
        sentence: "全年新增X个什么东西。",
      },
    ]);
    expect(view.summary).toBe("已填写 1 处 / 共 2 处，留空 1 处");
    // X社区 is a name: kept as text
    expect(view.extra).toEqual(["另有 1 处 X 是名称或日期，保持原样"]);
    expect(view.segments[view.segments.length - 1]).toEqual({
      kind: "text",
      text: "人，位于X社区。",
    });
  });

  it("speaks English", () => {
    const view = draftView("fill", "新增X个什么东西。", sample, en, "en");
    expect(view.summary).toBe("Filled 0 of 1 place, 1 left blank");
    expect(view.notes[0].message).toMatch(/^no indicator matches/);
  });

  it("says when there is nothing to fill", () => {
    const view = draftView("fill", "全年工作进展顺利。", sample, zh, "zh");
    expect(view.empty).toBe(true);
    expect(view.summary).toBe(zh.draftFillNone);
    expect(view.segments).toEqual([{ kind: "text", text: "全年工作进展顺利。" }]);
  });

  it("finds each filled number's source even when fillDraft's sources are missing", () => {
    const result = fillDraft(DRAFT, sample);
    const view = fillView(
      DRAFT,
      { ...result, sources: [] },
      indexCells(sample.indicators),
      zh,
      "zh"
    );
    expect(joined(view.segments)).toBe(FILLED);
    const rate = view.segments.find((s) => s.kind === "filled" && s.text === "112.6");
    expect(rate?.kind !== "text" && rate?.tooltip).toContain("完成率 = 就业!E4 ÷ 就业!D4");
  });
});

describe("checking a draft", () => {
  const WRONG = "全年完成城镇新增就业1162人，完成目标任务的112.6%；城镇登记失业率控制在3.5%以内。";

  it("marks the numbers that agree and the one that differs", () => {
    const view = draftView("check", WRONG, sample, zh, "zh");
    expect(view.action).toBe("check");
    expect(joined(view.segments)).toBe(WRONG);
    expect(view.text).toBe(WRONG);
    expect(marks(view.segments)).toEqual([
      ["mismatch", "1162人"],
      ["confirmed", "112.6%"],
      ["confirmed", "3.5%"],
    ]);
    const wrong = view.segments[1];
    expect(wrong.kind !== "text" && wrong.expected).toBe("1126人");
    expect(wrong.kind !== "text" && wrong.target?.ref).toBe("就业!E4");
    expect(wrong.kind !== "text" && wrong.tooltip).toEqual([
      "数值不符：文中“1162人”，工作簿中城镇新增就业（就业!B4）完成数为1126人（就业!E4）",
      "应为1126人",
    ]);
    const right = view.segments[3];
    expect(right.kind !== "text" && right.tooltip[0]).toBe("与工作簿一致（112.6%）");
    expect(view.summary).toBe("一致 2 处，不符 1 处，未能核对 0 处");
    expect(view.notes).toHaveLength(1);
    expect(view.notes[0]).toMatchObject({ text: "1162人", target: { ref: "就业!E4" } });
    expect(view.counts).toMatchObject({ confirmed: 2, mismatch: 1 });
  });

  it("lists numbers it could not check, and X still in the text", () => {
    const draft = "走访企业35家。全年完成城镇新增就业1126人，失业人员再就业X人。";
    const view = draftView("check", draft, sample, zh, "zh");
    expect(joined(view.segments)).toBe(draft);
    expect(view.unchecked.map((u) => u.text)).toEqual(["35家"]);
    expect(marks(view.segments)).toEqual([
      ["unchecked", "35家"],
      ["confirmed", "1126人"],
    ]);
    expect(view.extra).toEqual(["文中还有 1 处 X 未填写"]);
  });

  it("gives the cell and the expected value in English", () => {
    const view = draftView("check", WRONG, sample, en, "en");
    expect(view.summary).toBe("2 agree, 1 differ, 0 not checked");
    const wrong = view.segments[1];
    expect(wrong.kind !== "text" && wrong.tooltip).toEqual([
      "value differs: the text says 1162人, the workbook gives 1126人 for 城镇新增就业",
      "Source: 就业!E4",
      "should be 1126人",
    ]);
    expect(view.notes[0].message).toContain("(should be 1126人)");
  });

  it("leaves overlapping or misplaced marks as text", () => {
    const result = checkDraft(WRONG, sample);
    const moved = { ...result, items: [{ ...result.items[0], start: 0, end: 3 }, ...result.items] };
    const view = checkView(WRONG, moved, zh, "zh");
    expect(joined(view.segments)).toBe(WRONG);
    expect(marks(view.segments)).toEqual([
      ["mismatch", "1162人"],
      ["confirmed", "112.6%"],
      ["confirmed", "3.5%"],
    ]);
  });

  it("shows the doubt on a number that agrees: a stale copy on a hidden sheet", () => {
    const withCopy = analyzeWorkbook({
      sheets: [
        sheet("就业", [
          ["指标名称", "单位", "目标", "完成"],
          ["城镇新增就业", "人", 1000, 1126],
        ]),
        {
          ...sheet("11月备份", [
            ["指标名称", "单位", "目标", "完成"],
            ["城镇新增就业", "人", 1000, 1010],
          ]),
          hidden: true,
        },
      ],
    });
    const text = "全年完成城镇新增就业1126人。";
    const view = checkView(text, checkDraft(text, withCopy), zh, "zh");
    const confirmed = view.segments.find((s) => s.kind === "confirmed");
    expect(confirmed && confirmed.kind !== "text" && confirmed.tooltip.join("\n")).toContain(
      "11月备份!D2"
    );
  });

  it("says when there is nothing to check", () => {
    const view = draftView("check", "全年工作进展顺利。", sample, zh, "zh");
    expect(view.empty).toBe(true);
    expect(view.summary).toBe(zh.draftCheckNone);
  });
});

describe("the Word report", () => {
  it("names the file after the title", () => {
    expect(docxFileName("2023年度工作总结")).toBe("2023年度工作总结.docx");
    expect(docxFileName('a/b:c*?"<>|d ')).toBe("abcd.docx");
    expect(docxFileName("  ")).toBe("工作总结.docx");
    expect(docxFileName("2023年\n工作总结\u0007")).toBe("2023年 工作总结.docx");
  });

  it("uses the default outline when there is no 报告配置 sheet", () => {
    const outline = parseOutline(sampleWorkbook, sample);
    const { view, report } = wordReport(outline, sample, zh, "zh");
    expect(view.source).toBe("default");
    expect(view.caption).toBe(zh.outlineDefault);
    expect(view.title).toBe("2023年度工作总结");
    expect(view.fileName).toBe("2023年度工作总结.docx");
    expect(view.sections.map((s) => [s.heading, s.covers])).toEqual([
      ["一、就业工作", "就业工作"],
      ["二、社会保险工作", "社会保险工作"],
      ["三、疫苗接种工作", "疫苗接种工作"],
      ["四、投资与经济发展", "投资与经济发展"],
    ]);
    // each section links to the row it starts at
    expect(view.sections.every((s) => s.paragraphs === 1 && !!s.target)).toBe(true);
    expect(report.sections[0].paragraphs[0].text).toContain("完成城镇新增就业1126人");
    expect(wordReport(undefined, sample, en, "en").view.sections[0].covers).toBe("Employment");
  });

  it("shows the sections of the 报告配置 sheet and what they cover", () => {
    const workbook = toWorkbookModel(buildReportWorkbook({ config: true }));
    const analysis = analyzeWorkbook(withoutReportConfig(workbook));
    const { view } = wordReport(parseOutline(workbook, analysis), analysis, zh, "zh");
    expect(view.source).toBe("sheet");
    expect(view.caption).toBe("报告结构（来自“报告配置”工作表）");
    expect(view.title).toBe("2021年度工作总结");
    expect(view.findings).toEqual([]);
    const byHeading = new Map(view.sections.map((s) => [s.heading, s]));
    expect([...byHeading.keys()]).toEqual([
      "一、就业和社会保障",
      "（一）就业工作",
      "（二）社会保险",
      "二、疫苗接种",
      "三、经济发展",
      "（一）固定资产投资",
      "1.商贸流通",
      "（1）住宿餐饮",
      "（二）企业培育",
    ]);
    expect(byHeading.get("一、就业和社会保障")?.covers).toBe("仅标题");
    expect(byHeading.get("（一）就业工作")?.covers).toBe("就业工作");
    expect(byHeading.get("二、疫苗接种")?.covers).toMatch(/^第一剂次接种.*、/);
    expect(byHeading.get("（一）固定资产投资")?.covers).toMatch(/^模板：全年完成固定资产投资\{/);
    expect(byHeading.get("（一）固定资产投资")?.covers.endsWith("…")).toBe(true);
    expect(byHeading.get("（一）就业工作")?.target).toEqual({
      sheet: "报告配置",
      cell: "B5",
      ref: "报告配置!B5",
    });
    expect(view.sections.map((s) => s.level)).toEqual([1, 2, 2, 1, 1, 2, 3, 4, 2]);
  });

  it("lists unknown names in the 报告配置 sheet with their cell", () => {
    const workbook: WorkbookModel = {
      sheets: [
        sheet("就业", [
          ["指标名称", "单位", "目标任务", "完成数"],
          ["城镇新增就业", "人", 1000, 1126],
        ]),
        sheet("报告配置", [
          ["序号", "标题", "指标或类别"],
          ["一、", "就业工作", "城镇新增就业"],
          ["二、", "返乡创业", "农民工返乡创业"],
        ]),
      ],
    };
    const analysis = analyzeWorkbook(withoutReportConfig(workbook));
    expect(analysis.indicators.map((i) => i.name)).toEqual(["城镇新增就业"]);
    const outline = parseOutline(workbook, analysis);
    const { view } = wordReport(outline, analysis, zh, "zh");
    expect(view.sections.map((s) => [s.heading, s.covers, s.paragraphs])).toEqual([
      ["一、就业工作", "城镇新增就业", 1],
      ["二、返乡创业", "仅标题", 0],
    ]);
    expect(view.findings).toHaveLength(1);
    expect(view.findings[0]).toMatchObject({
      severity: "error",
      target: { sheet: "报告配置", cell: "C3", ref: "报告配置!C3" },
    });
    expect(view.findings[0].text).toMatch(/^报告配置!C3 未找到指标或类别“农民工返乡创业”/);
    const english = wordReport(outline, analysis, en, "en").view;
    expect(english.caption).toBe("Outline (from the 报告配置 sheet)");
    expect(english.findings[0].text).toMatch(/^报告配置!C3 no indicator or category/);
  });
});

describe("a placeholder unclear between indicators", () => {
  const two = analyzeWorkbook({
    sheets: [
      sheet("就业", [
        ["指标名称", "单位", "年度目标", "完成数"],
        ["城镇新增就业", "人", 1000, 1126],
        ["农村新增就业", "人", 200, 230],
      ]),
    ],
  });
  const text = "新增就业人员X人。";

  it("offers each candidate as one choice, and the choice fills it from that row", () => {
    const view = draftView("fill", text, two, zh, "zh");
    const [note] = view.notes;
    expect(note.choices?.map((c) => c.label)).toEqual([
      "城镇新增就业（就业!D2）",
      "农村新增就业（就业!D3）",
    ]);
    const rural = note.choices?.[1];
    const chosen = draftView(
      "fill",
      text,
      two,
      zh,
      "zh",
      indexCells(two.indicators),
      new Map([[rural!.start, rural!.indicatorId]])
    );
    expect(chosen.text).toBe("新增就业人员230人。");
    expect(chosen.notes).toEqual([]);
  });

  it("ignores a choice of an indicator that was not offered", () => {
    const other = fillDraft(text, two, new Map([[6, "就业!A9"]]));
    expect(other.items[0].status).toBe("left");
  });
});
