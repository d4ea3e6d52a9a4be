/** A statistician's own sentence for one indicator, set in 报告配置's 模板 column. */
import { analyzeWorkbook } from "../../../../src/core";
import {
  buildReport,
  parseOutline,
  reportToText,
  withoutReportConfig,
} from "../../../../src/core/report";
import { sheet, workbook } from "../../../helpers/sheet";

const table = sheet("就业", [
  ["指标名称", "单位", "目标", "完成", "上年同期"],
  ["城镇新增就业", "人", 1000, 1126, 1050],
  ["失业人员再就业", "人", 300, 342, 328],
]);

function report(config: (string | null)[][]) {
  const book = workbook(table, sheet("报告配置", config));
  const analysis = analyzeWorkbook(withoutReportConfig(book));
  return buildReport(analysis, parseOutline(book, analysis));
}

describe("报告配置 rows with one indicator and a 模板", () => {
  test("replace that indicator's clause and keep the workbook's own sections", () => {
    const written = report([
      ["序号", "标题", "指标或类别", "模板"],
      [null, null, "城镇新增就业", "新增城镇就业{城镇新增就业}，为年度目标的{城镇新增就业.完成率}"],
    ]);
    expect(written.sections.map((s) => s.heading)).toEqual(["一、就业工作"]);
    const p = written.sections[0].paragraphs[0];
    expect(p.text).toBe(
      "全年新增城镇就业1126人，为年度目标的112.6%；完成失业人员再就业342人，完成目标任务的114%，同比增长4.27%。各项指标均超额完成目标任务。"
    );
    for (const s of p.sources) expect(p.text.slice(s.start, s.end)).toBe(s.text);
    expect(p.sources.map((s) => s.cell)).toEqual(["D2", "D2", "D3", "D3", "D3"]);
    expect(reportToText(written)).toContain("一、就业工作\n全年新增城镇就业1126人");
  });

  test("a sentence naming an unknown indicator is an outline finding, and the engine's clause stays", () => {
    const written = report([
      ["序号", "标题", "指标或类别", "模板"],
      [null, null, "城镇新增就业", "新增就业{城镇新增就业人数呀}"],
    ]);
    expect(written.findings.map((f) => f.cell)).toContain("D2");
    expect(written.sections[0].paragraphs[0].text).toContain("完成城镇新增就业1126人");
  });
});
