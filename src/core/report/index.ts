/**
 * Report sections and templates, filling X drafts and checking drafts — pure, like the rest
 * of src/core. The API for the faces (CLI, task pane):
 *
 *   const outline = parseOutline(workbook, analysis);   // 报告配置 sheet, or the default
 *   const report = buildReport(analysis, outline);      // sections with SourceSpans
 *   const filled = fillDraft(draftText, analysis);      // X placeholders → numbers
 *   const check = checkDraft(draftText, analysis);      // numbers in text vs the workbook
 *   const one = renderTemplate("全年完成{城镇新增就业}", analysis);
 *
 * Run analyzeWorkbook on withoutReportConfig(workbook) so the outline sheet is not read as
 * an indicator table.
 */
export { checkDraft } from "./check-draft";
export type { CheckItem, CheckKind, DraftCheck, UncheckedNumber } from "./check-draft";
export { fillDraft } from "./fill";
export type { Candidate, FillChoices, FillItem, FillResult, FillStatus } from "./fill";
export {
  REPORT_CONFIG_SHEET_NAMES,
  categoryOfWord,
  defaultOutline,
  findReportConfigSheet,
  isReportConfigSheet,
  levelOfNumber,
  parseOutline,
  withoutReportConfig,
} from "./outline";
export type { HeadingLevel, Outline, OutlineBlock, OutlineItem, OutlineSection } from "./outline";
export { buildReport, chineseNumber, headingNumber, reportTitle } from "./report";
export { doubtNote, omittedNote, reportBlocks, reportLines, reportToText } from "./lines";
export type { ReportBlock, ReportLine } from "./lines";
export type { Report, ReportParagraph, ReportSection } from "./report";
export { FIELD_ZH } from "./resolve";
export type { Field } from "./resolve";
export { parseTemplate, renderTemplate, statusPhrase } from "./template";
export type {
  ParsedTemplate,
  TemplateError,
  TemplateField,
  TemplateNode,
  TemplateResult,
} from "./template";
export { IndicatorCatalog, canon } from "./names";
