/** The WPS 表格 adapter: WorkbookHost for the workbook open in WPS, over the ET object model. */
export { createWpsHost } from "./wps-host";
export type { WpsHostOptions } from "./wps-host";
export { findEtApplication } from "./et";
export type { EtApplication } from "./et";
