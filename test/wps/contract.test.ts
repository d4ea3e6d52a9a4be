/**
 * One port, two hosts: the same fixture workbooks through the Excel adapter (over its Office.js
 * fake) and through the WPS adapter (over the ET fake) give the same workbook model, the same
 * analysis and the same 报告 sheet.
 */
import { analyzeWorkbook } from "../../src/core";
import { WorkbookModel } from "../../src/core/workbook";
import { createExcelHost } from "../../src/excel/excel-host";
import { REPORT_SHEET_NAME, WorkbookHost } from "../../src/host/workbook-host";
import { buildReport } from "../../src/taskpane/model/report";
import { STRINGS } from "../../src/taskpane/i18n";
import { createWpsHost } from "../../src/wps/wps-host";
import { readWorkbookBuffer } from "../../src/xlsx/read-workbook";
import { buildSampleWorkbook } from "../../samples/sample-workbook";
import { FakeExcel } from "../excel/fake-excel";
import { tablesWorkbook } from "../excel/workbooks";
import { asEtApplication, FakeEt } from "./fake-et";

function hosts(model: WorkbookModel) {
  const excelFake = FakeExcel.fromModel(model);
  const wpsFake = FakeEt.fromModel(model);
  return {
    excelFake,
    wpsFake,
    excel: createExcelHost(excelFake.run, excelFake.requirements()),
    wps: createWpsHost(asEtApplication(wpsFake)),
  };
}

async function sample(): Promise<WorkbookModel> {
  const bytes = await buildSampleWorkbook().xlsx.writeBuffer();
  return readWorkbookBuffer(bytes as ArrayBuffer, "街道指标台账.xlsx");
}

async function reportOf(host: WorkbookHost) {
  const analysis = analyzeWorkbook(await host.read(), { period: 12 });
  const { blocks } = buildReport(analysis, STRINGS.zh, "zh");
  const result = await host.writeReportSheet(blocks);
  return { analysis, blocks, result };
}

test.each([1, 5, 9])("tablesWorkbook(%i): the same model through both hosts", async (count) => {
  const model = tablesWorkbook(count);
  const { excel, wps } = hosts(model);
  const fromExcel = await excel.read();
  const fromWps = await wps.read();
  expect(fromWps).toEqual(fromExcel);
  expect(fromWps).toEqual(model);
});

test("the sample workbook: the same model, analysis, paragraphs and 报告 sheet", async () => {
  const model = await sample();
  const { excel, wps, excelFake, wpsFake } = hosts(model);
  expect(await wps.read()).toEqual(await excel.read());

  const a = await reportOf(excel);
  const b = await reportOf(wps);
  expect(a.analysis.indicators.length).toBeGreaterThan(10);
  expect(b.analysis).toEqual(a.analysis);
  expect(b.blocks).toEqual(a.blocks);
  expect(b.result).toEqual(a.result);
  expect(a.result).toMatchObject({ kind: "written", created: true });

  // Cell by cell, column A of both 报告 sheets holds the same text, as text.
  const rows = 3 * a.blocks.length;
  const excelCells: string[] = [];
  const wpsCells: string[] = [];
  const wpsReport = wpsFake.activeBook!.sheet(REPORT_SHEET_NAME);
  for (let r = 1; r <= rows; r++) {
    excelCells.push(String(excelFake.cell(REPORT_SHEET_NAME, `A${r}`)?.value ?? ""));
    wpsCells.push(String(wpsReport.cell(`A${r}`)?.value ?? ""));
    expect(wpsReport.cell(`A${r}`)?.formula).toBeUndefined();
  }
  expect(wpsCells).toEqual(excelCells);
  expect(wpsCells.filter((t) => t !== "").length).toBe((a.result as { cells: number }).cells);

  // Read again: neither host reads its 报告 sheet back as data.
  expect(await wps.read()).toEqual(await excel.read());
});
