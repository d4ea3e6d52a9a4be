/** The Office.js adapter: WorkbookHost for the workbook open in Excel. */
export { createExcelHost } from "./excel-host";
export type { ExcelHostOptions, Requirements } from "./excel-host";
