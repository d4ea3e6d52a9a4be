/** The Office.js adapter: WorkbookHost for the workbook open in Excel. */
export { createExcelHost } from "./excel-host";
export type { ExcelHostOptions, ExcelWorkbookHost, Requirements } from "./excel-host";
export { ExcelReadError } from "./read-errors";
export type { ExcelReadProblem } from "./read-errors";
