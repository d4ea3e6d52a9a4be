/**
 * A stand-in for office.js in the browser, for the Excel-mode end-to-end test: Office.onReady
 * reports Excel, and Excel.run is the strict fake of the Excel API that src/excel is tested
 * with (test/excel/fake-excel.ts), holding the workbook the test put in
 * window.__fakeOfficeConfig. The test drives it through window.__fakeExcel (userEdit, select).
 */
import "./buffer-shim";
import { FakeExcel } from "../../excel/fake-excel";
import { WorkbookModel } from "../../../src/core/workbook";

export interface FakeOfficeConfig {
  model: WorkbookModel;
  displayLanguage?: string;
  bodyBackgroundColor?: string;
  /** Highest ExcelApi version to claim (default 1.17). */
  excelApi?: string;
}

const w = window as unknown as {
  __fakeOfficeConfig?: FakeOfficeConfig;
  __fakeExcel?: FakeExcel;
  Office?: unknown;
  Excel?: unknown;
};

const config = w.__fakeOfficeConfig;
if (!config) throw new Error("fake office.js: window.__fakeOfficeConfig is missing");
const fake = FakeExcel.fromModel(config.model);
const info = { host: "Excel", platform: "PC" };

w.__fakeExcel = fake;
w.Excel = { run: fake.run };
w.Office = {
  HostType: { Excel: "Excel" },
  onReady: (callback?: (i: typeof info) => void) => {
    callback?.(info);
    return Promise.resolve(info);
  },
  context: {
    displayLanguage: config.displayLanguage ?? "zh-CN",
    officeTheme: { bodyBackgroundColor: config.bodyBackgroundColor ?? "#FFFFFF" },
    requirements: fake.requirements(config.excelApi),
  },
};
