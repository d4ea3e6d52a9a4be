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
export { checkDraft } from "./reading/check";
export type { CheckItem, CheckKind, DraftCheck, UncheckedNumber } from "./reading/check";
export { fillDraft } from "./reading/fill";
export type { Candidate, FillChoices, FillItem, FillResult, FillStatus } from "./reading/fill";
export {
  REPORT_CONFIG_SHEET_NAMES,
  categoryOfWord,
  defaultOutline,
  findReportConfigSheet,
  isReportConfigSheet,
  levelOfNumber,
  parseOutline,
  withoutReportConfig,
} from "./writing/outline";
export type {
  HeadingLevel,
  Outline,
  OutlineBlock,
  OutlineItem,
  OutlineSection,
} from "./writing/outline";
export { buildReport, chineseNumber, headingNumber, reportTitle } from "./writing/report";
export { doubtNote, omittedNote, reportBlocks, reportLines, reportToText } from "./writing/lines";
export type { ReportBlock, ReportLine } from "./writing/lines";
export type { Report, ReportParagraph, ReportSection } from "./writing/report";
export { FIELD_EN, FIELD_ZH, REPORT_MESSAGES, say } from "./messages";
export type { Field } from "./messages";
export { parseTemplate, renderTemplate, statusPhrase } from "./writing/template";
export type {
  ParsedTemplate,
  TemplateError,
  TemplateField,
  TemplateNode,
  TemplateResult,
} from "./writing/template";
export { IndicatorCatalog, canon } from "./names";
