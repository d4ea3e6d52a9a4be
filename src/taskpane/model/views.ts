/**
 * The engine and the views the tabs build on its results: one chunk, loaded while the workbook
 * is read (see ../engine.ts), so that none of it weighs on the task pane's first render.
 */
export { analyzeWorkbook } from "../../core/index";
export { buildReport as writeReport } from "../../core/report/writing/report";
export { buildChecks } from "./checks";
export { buildOverview } from "./overview";
export { buildReport, reportStatus } from "./report";
