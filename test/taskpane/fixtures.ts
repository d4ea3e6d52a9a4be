/** The sample workbooks, analysed once per test file. */
import * as path from "path";
import { analyzeWorkbook } from "../../src/core/index";
import { Analysis, EngineOptions } from "../../src/core/model";
import { WorkbookModel } from "../../src/core/workbook";
import { readWorkbookFile } from "../../src/xlsx/read-file";

export const SAMPLE_PATH = path.join(__dirname, "..", "..", "samples", "街道指标台账.xlsx");
export const PROBLEM_PATH = path.join(__dirname, "..", "..", "samples", "问题示例.xlsx");

const cache = new Map<string, Promise<WorkbookModel>>();

export function readSample(file: string): Promise<WorkbookModel> {
  let model = cache.get(file);
  if (!model) {
    model = readWorkbookFile(file);
    cache.set(file, model);
  }
  return model;
}

export async function analyseSample(file: string, options?: EngineOptions): Promise<Analysis> {
  return analyzeWorkbook(await readSample(file), options);
}
