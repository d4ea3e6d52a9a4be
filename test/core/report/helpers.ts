/** Shared fixtures of the report tests: the report workbook (with or without 报告配置) analysed. */
import * as fs from "fs";
import * as path from "path";
import { Analysis, analyzeWorkbook } from "../../../src/core";
import { withoutReportConfig } from "../../../src/core/report";
import { WorkbookModel } from "../../../src/core/workbook";
import { toWorkbookModel } from "../../../src/xlsx/read-workbook";
import { buildReportWorkbook } from "../../../samples/report-workbook";

export function reportWorkbook(config = false): WorkbookModel {
  return toWorkbookModel(buildReportWorkbook({ config }));
}

export function reportAnalysis(config = false): Analysis {
  return analyzeWorkbook(withoutReportConfig(reportWorkbook(config)));
}

/** A draft from samples/ (public report text with X for the numbers). */
export function sampleDraft(name: string): string {
  return fs.readFileSync(path.join(__dirname, "../../../samples", name), "utf8");
}
