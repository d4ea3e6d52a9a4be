/**
 * A stand-in for office.js in the browser, for the Excel-mode end-to-end test: Office.onReady
 * reports Excel, and Excel.run is the strict fake of the Excel API that src/excel is tested
 * with (test/excel/fake-excel.ts), holding the workbook the test put in
 * window.__fakeOfficeConfig. The test drives it through window.__fakeExcel (userEdit, select).
 * As in Office, the page learns that it is in Excel from the `_host_Info` query parameter the
 * test puts in the URL (EXCEL_HOST_INFO); this file stands in for office.js wherever the page
 * loads it from (Microsoft's CDN, or office/office.js in the intranet build).
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
  /** Office.onReady answers after this many ms (default 0). */
  readyDelayMs?: number;
  /** Workbook.name (default 街道指标台账.xlsx). */
  workbookName?: string;
}

const w = window as unknown as {
  __fakeOfficeConfig?: FakeOfficeConfig;
  __fakeExcel?: FakeExcel;
  Office?: unknown;
  Excel?: unknown;
};

const config = w.__fakeOfficeConfig;
if (!config) throw new Error("fake office.js: window.__fakeOfficeConfig is missing");
const fake = FakeExcel.fromModel(config.model, {
  excelApi: config.excelApi,
  workbookName: config.workbookName ?? "街道指标台账.xlsx",
});
const info = { host: "Excel", platform: "PC" };

w.__fakeExcel = fake;
w.Excel = { run: fake.run };
w.Office = {
  HostType: { Excel: "Excel" },
  // Office.onReady answers once Excel is ready: at once, or after readyDelayMs (a slow start).
  onReady: (callback?: (i: typeof info) => void) =>
    new Promise<typeof info>((resolve) =>
      setTimeout(() => {
        callback?.(info);
        resolve(info);
      }, config.readyDelayMs ?? 0)
    ),
  context: {
    displayLanguage: config.displayLanguage ?? "zh-CN",
    officeTheme: { bodyBackgroundColor: config.bodyBackgroundColor ?? "#FFFFFF" },
    requirements: fake.requirements(),
  },
};
