/**
 * THE single import point for the Office.js WorkbookHost (src/excel). Nothing else in the task
 * pane imports src/excel. It is imported lazily: a separate chunk that only Excel loads, so the
 * standalone page (and the initial JavaScript) stays without it.
 */
import { WorkbookHost } from "../../host/workbook-host";

/**
 * The host for the workbook open in Excel; `label` names it in the task pane (it may still be
 * loading with the strings of its language: both load at once).
 */
export async function createExcelWorkbookHost(
  label: string | Promise<string>
): Promise<WorkbookHost> {
  const [{ createExcelHost }, name] = await Promise.all([
    import(/* webpackChunkName: "excel-host" */ "../../excel"),
    label,
  ]);
  return createExcelHost(undefined, undefined, { label: name });
}
