/**
 * The one-sheet ledger (samples/ledger-workbook.ts) through the CLI, as a statistician would run
 * it: sections in the workbook's own order, each paragraph read clause by clause, and the same
 * report from every face (CLI text, 报告 sheet cells, Word).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import { analyzeWorkbook, JsonReport } from "../../src/core";
import {
  buildReport,
  parseOutline,
  reportBlocks,
  reportToText,
  withoutReportConfig,
} from "../../src/core/report";
import { reportToBuffer } from "../../src/docx/export-docx";
import { planReport } from "../../src/excel/write-report";
import { readWorkbookFile } from "../../src/xlsx/read-file";
import {
  LEDGER_FILE_NAME,
  LEDGER_SECTIONS,
  buildLedgerWorkbook,
} from "../../samples/ledger-workbook";

let dir: string;
let ledgerPath: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ledger-"));
  ledgerPath = path.join(dir, LEDGER_FILE_NAME);
  await buildLedgerWorkbook().xlsx.writeFile(ledgerPath);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    stdout: (t: string) => (stdout += t),
    stderr: (t: string) => (stderr += t),
  });
  return { code, stdout, stderr };
}

async function json(extra: string[] = []): Promise<JsonReport> {
  const result = await run([ledgerPath, "--format", "json", ...extra]);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as JsonReport;
}

function clauses(text: string): string[] {
  return text.split(/(?<=[；。])/);
}

describe("a one-sheet ledger with section rows merged across the row", () => {
  test("its sections are the workbook's own, in its order, and no heading is an indicator", async () => {
    const report = await json();
    const headings = LEDGER_SECTIONS.map((s) => s.heading);
    // 民生保障's 类别 of two rows or more each are its topics, one level down
    expect(report.report?.sections.map((s) => s.heading)).toEqual([
      ...headings.slice(0, 3),
      "（一）就业",
      "（二）社保",
      "（三）救助",
      ...headings.slice(3),
    ]);
    const names = report.indicators.map((i) => i.name);
    for (const h of headings) expect(names).not.toContain(h.replace(/^.、/, ""));
    expect(report.findings.filter((f) => f.code === "MISSING_ACTUAL")).toEqual([]);
  });

  test("the helper sheet of drop-down lists and the stale copy marked 勿用 are no tables and raise no conflict", async () => {
    const report = await json();
    expect(report.tables.map((t) => t.sheet)).toEqual(["2023年工作台账"]);
    expect(report.findings.filter((f) => f.code.startsWith("DUPLICATE"))).toEqual([]);
    expect(report.findings).toContainEqual(
      expect.objectContaining({ code: "SHEET_MARKED_UNUSED", sheet: "9月备份（勿用）" })
    );
  });

  test("two rows of one name under different 类别 are two indicators, told apart in the text", async () => {
    const report = await json();
    const places = report.indicators.filter((i) => i.name === "检查场所");
    expect(places.map((i) => [i.context, i.actual])).toEqual([
      ["消防检查", 436],
      ["燃气检查", 315],
    ]);
    const safety = report.report?.sections.find((s) => s.title === "安全生产");
    expect(clauses(safety?.paragraphs[0].text ?? "")).toEqual([
      "2023年1—10月，消防检查场所436家，完成全年目标的109%，同比增长11.79%；",
      "燃气检查场所315家，完成全年目标的105%，同比增长12.5%；",
      "排查整改隐患128处，同比增长31.96%。",
      "其中消防检查场所、燃气检查场所已提前完成全年目标任务。",
    ]);
  });

  test("each section reads clause by clause as a statistician writes it", async () => {
    const report = await json();
    const text = (title: string) =>
      report.report?.sections.find((s) => s.title === title)?.paragraphs.map((p) => p.text) ?? [];
    expect(clauses(text("党的建设")[0])).toEqual([
      "2023年1—10月，发展党员12人，完成全年目标的120%，同比增长33.33%；",
      "开展党史学习教育活动26次，完成全年目标的130%，同比增长44.44%；",
      // a nominalised name turned round
      "发表宣传稿件41篇，完成全年目标的136.67%，同比增长17.14%。",
      "各项指标均已提前完成全年目标任务。",
    ]);
    expect(clauses(text("经济发展")[0])).toEqual([
      "2023年1—10月，完成固定资产投资10.5亿元，完成全年目标的87.5%，同比增长7.14%；",
      "新增四上企业入库11家，完成全年目标的110%，同比增长37.5%；",
      // the qualifier stays where the cell has it; no exact rate from an approximate value
      "规模工业产值达20亿元以上；",
      "限上批发零售业销售额达21.3亿元，完成全年目标的85.2%，同比增长3.4%。",
      "其中新增四上企业入库、规模工业产值已提前完成全年目标任务。",
    ]);
    expect(text("民生保障")).toEqual([]);
    const livelihood = [...text("就业"), ...text("社保"), ...text("救助")];
    expect(clauses(livelihood[0])).toEqual([
      // 其中 right after its total, before the verdict
      "2023年1—10月，完成城镇新增就业952人，其中高校毕业生280人，完成全年目标的95.2%，同比增长6.97%；",
      "完成失业人员再就业276人，完成全年目标的92%，同比增长10.4%；",
      // a ceiling keeps its cell's digits; during the year the base is 上年同期
      "城镇登记失业率为2.8%，控制在3.5%以内，比上年同期降低0.3个百分点。",
    ]);
    expect(clauses(livelihood[1])).toEqual([
      "2023年1—10月，城乡居民医保参保人数达24650人，完成全年目标的98.6%，同比增长2.28%；",
      "城乡居民养老保险续保率达96.3%，高于95%的目标，比上年同期提高1.5个百分点。",
    ]);
    // two measures of one subject in one clause; a sum paid without 完成
    expect(clauses(livelihood[2])).toEqual([
      "2023年1—10月，纳入低保226户410人；",
      "发放低保金293.51万元，同比下降2.55%。",
    ]);
    expect(clauses(text("疫苗接种")[0])).toEqual([
      "2023年1—10月，完成第一剂次接种（18岁以上）43185人，完成全年目标的98.15%；",
      "完成加强免疫接种（60岁以上）9800人，完成全年目标的93.33%；",
      // a 100% target met is not repeated
      "老年人接种率达100%。",
    ]);
    expect(clauses(text("社会治理")[0])).toEqual([
      // 信访 work done is a count to raise, not a ceiling
      "2023年1—10月，办结信访事项58件，完成全年目标的96.67%，同比增长11.54%；",
      "办理居住证320张，完成全年目标的106.67%，同比增长10.34%；",
      "输送新兵9人，完成全年目标的112.5%，同比增长28.57%。",
      "其中办理居住证、输送新兵已提前完成全年目标任务。",
    ]);
    const building = text("城市建设");
    expect(clauses(building[0])).toEqual([
      "2023年1—10月，新建公厕5座，完成全年目标的100%，同比增长1.5倍；",
      "整修道路12条，完成全年目标的120%，同比增长50%。",
      "其中新建公厕、整修道路已提前完成全年目标任务。",
    ]);
    // a correct 合计 is quoted after its parts
    expect(clauses(building[1])).toEqual([
      "完成道路整修投资860万元，同比增长34.38%；",
      "完成公厕建设投资140万元，同比增长47.37%，合计1000万元；",
      "征地补偿款1200万元，同比增长22.45%。",
    ]);
  });

  test("a figure with a 需核实 warning is marked, and the note says why", async () => {
    const report = await json();
    const building = report.report?.sections.find((s) => s.title === "城市建设");
    const doubtful = building?.paragraphs.flatMap((p) => p.sources.filter((s) => s.doubt));
    expect(doubtful?.map((s) => [s.text, s.cell, s.doubt?.code])).toEqual([
      ["1.5", "F36", "GROWTH_ABNORMAL"],
    ]);
    const text = await run([ledgerPath]);
    expect(text.stdout).toContain("（需核实：2023年工作台账!F36 “新建公厕”同比+150%");
  });

  test.each(["0", "4"])(
    "--decimals %s leaves every quoted cell value as written",
    async (decimals) => {
      const report = await json(["--decimals", decimals]);
      const all =
        report.report?.sections.flatMap((s) => s.paragraphs.map((p) => p.text)).join("") ?? "";
      for (const written of [
        "10.5亿元",
        "21.3亿元",
        "2.8%",
        "3.5%以内",
        "96.3%",
        "293.51万元",
        "0.3个百分点",
        "20亿元以上",
      ])
        expect(all).toContain(written);
      // a computed rate follows the setting but never crosses its status
      if (decimals === "0") expect(all).toContain("完成全年目标的95%");
      if (decimals === "4") expect(all).toContain("完成全年目标的136.6667%");
    }
  );
});

describe("one report, every face", () => {
  test("the CLI's text, the 报告 sheet's cells and the Word file say the same, byte for byte", async () => {
    const workbook = await readWorkbookFile(ledgerPath);
    const analysis = analyzeWorkbook(withoutReportConfig(workbook));
    const report = buildReport(analysis, parseOutline(workbook, analysis));
    const text = reportToText(report);

    const cli = await run([ledgerPath]);
    expect(cli.stdout).toContain(text);

    const sheetText = `${planReport(reportBlocks(report))
      .map((c) => c.text)
      .join("\n")}\n`;
    expect(sheetText).toBe(text);

    const zip = await JSZip.loadAsync(await reportToBuffer(report));
    const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    const body = xml.slice(xml.indexOf("<w:body>"));
    const paragraphs = [...body.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)]
      .map((m) => [...m[1].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""))
      .filter((p) => p !== "" && !p.startsWith("— "));
    expect(`${paragraphs.join("\n")}\n`).toBe(text);
  });
});
