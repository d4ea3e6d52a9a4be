import { Finding } from "../../src/core/model";
import { STRINGS } from "../../src/taskpane/i18n";
import { buildChecks, findingItem, stripLocation } from "../../src/taskpane/model/checks";
import { PROBLEM_PATH, SAMPLE_PATH, analyseSample } from "./fixtures";

describe("checks of the problem workbook", () => {
  it("groups findings by severity with counts and a badge for errors", async () => {
    const analysis = await analyseSample(PROBLEM_PATH);
    const checks = buildChecks(analysis.findings, STRINGS.zh, "zh");
    expect(checks.counts).toEqual({ error: 11, warning: 5, info: 1 });
    expect(checks.groups.map((g) => [g.label, g.items.length])).toEqual([
      ["错误", 11],
      ["需核实", 5],
      ["提示", 1],
    ]);
    expect(checks.badge).toEqual({ count: 11, color: "danger", label: "11个错误" });
    expect(checks.groups[0].items[0]).toMatchObject({
      location: "问题数据!D3",
      sheet: "问题数据",
      cell: "D3",
      code: "VALUE_UNREADABLE",
      text: "“城镇新增就业”完成数“一千二”无法识别为数字，请填写阿拉伯数字（如1126、4.2万）。",
    });
  });

  it("uses the English messages in English", async () => {
    const analysis = await analyseSample(PROBLEM_PATH);
    const checks = buildChecks(analysis.findings, STRINGS.en, "en");
    expect(checks.groups[0].label).toBe("Errors");
    expect(checks.groups[0].items[0].text).toBe(
      '"城镇新增就业": the completed value "一千二" is not a number.'
    );
    expect(checks.badge?.label).toBe("11 errors");
  });

  it("gives warnings the badge when there are no errors", () => {
    const warning: Finding = {
      severity: "warning",
      code: "MISSING_TARGET",
      message: "S!C2 x",
      messageEn: "S!C2 x",
      sheet: "S",
      cell: "C2",
    };
    const checks = buildChecks([warning, { ...warning, cell: "C3" }], STRINGS.zh, "zh");
    expect(checks.badge).toMatchObject({ count: 2, color: "important" });
    expect(buildChecks([], STRINGS.zh, "zh")).toEqual({
      groups: [],
      counts: { error: 0, warning: 0, info: 0 },
    });
  });

  it("leaves out NO_TABLES: the empty state explains it", () => {
    const finding: Finding = {
      severity: "info",
      code: "NO_TABLES",
      message: "Sheet1 未找到指标表",
      messageEn: "Sheet1 none",
      sheet: "Sheet1",
    };
    expect(buildChecks([finding], STRINGS.zh, "zh").groups).toEqual([]);
  });

  it("counts the sample's findings", async () => {
    const analysis = await analyseSample(SAMPLE_PATH);
    expect(buildChecks(analysis.findings, STRINGS.zh, "zh").counts).toEqual({
      error: 2,
      warning: 1,
      info: 6,
    });
  });
});

describe("finding items", () => {
  it("strips only a leading location", () => {
    expect(stripLocation("就业!G9 “x”错误。", "就业!G9")).toBe("“x”错误。");
    expect(stripLocation("其他 就业!G9", "就业!G9")).toBe("其他 就业!G9");
  });

  it("handles a finding without a cell", () => {
    const item = findingItem(
      { severity: "info", code: "X", message: "表1 m", messageEn: "表1 m", sheet: "表1" },
      0,
      "zh"
    );
    expect(item).toMatchObject({ location: "表1", text: "m" });
    expect(item.cell).toBeUndefined();
  });
});
