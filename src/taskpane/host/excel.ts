/**
 * THE single import point for the Office.js WorkbookHost (src/excel). Nothing else in the task
 * pane imports src/excel. It is imported lazily: a separate chunk that only Excel loads, so the
 * standalone page (and the initial JavaScript) stays without it.
 */
import { WorkbookHost } from "../../host/workbook-host";

/** The host for the workbook open in Excel; `label` names it in the task pane. */
export async function createExcelWorkbookHost(label: string): Promise<WorkbookHost> {
  const { createExcelHost } = await import(/* webpackChunkName: "excel-host" */ "../../excel");
  return createExcelHost(undefined, undefined, { label });
}
