/** Every string the task pane shows, in English (when Office or the browser asks for English). */
import { monthNameEn } from "../../core/lexicon/period";
import { STATUS_LABELS } from "../../core/lexicon/status";
import { Strings } from "./zh";

export const en: Strings = {
  lang: "en",
  appTitle: "Indicator Report",
  appTagline: "Find indicator tables, check the data, draft report paragraphs",

  // Tabs
  tabOverview: "Overview",
  tabChecks: "Checks",
  tabReport: "Report",
  tabDraft: "Draft",
  tabSettings: "Settings",
  checksBadgeErrors: (n) => `${n} ${n === 1 ? "error" : "errors"}`,
  checksBadgeWarnings: (n) => `${n} to confirm`,

  // Status line, progress and errors
  summary: (tables, indicators) =>
    `${tables} ${tables === 1 ? "table" : "tables"} · ${indicators} ${indicators === 1 ? "indicator" : "indicators"}`,
  periodFull: "Full year",
  periodMonths: (months) => (months === 1 ? "January" : `January–${monthNameEn(months)}`),
  reading: "Reading the workbook…",
  analysing: "Analysing…",
  analysisProgress: (step: number, steps: number, sheets: number) =>
    step === 1
      ? `Analysing ${sheets} ${sheets === 1 ? "sheet" : "sheets"}… (${step}/${steps})`
      : `Writing the report… (${step}/${steps})`,
  reportWriting: "Writing the report…",
  refresh: "Refresh",
  retry: "Retry",
  close: "Close",
  cancel: "Cancel",
  overwrite: "Overwrite",
  readFailedNext: "Once it is fixed, open it again, or open another file.",
  readFailedTitle: "The workbook cannot be read",
  unexpectedError: (message) => `Something went wrong: ${message}`,
  staleTitle: "Out of date",
  staleBody: "The workbook has changed; what you see has not been updated yet.",
  /** Sentences one after the other: no space between them in Chinese, one in English. */
  sentences: (...parts) => parts.join(" "),
  staleAuto: "Refreshing shortly.",

  // Overview
  overviewChartTitle: "Completion",
  overviewChartTarget: "Target",
  overviewChartPace: (percent) => `Expected ${percent}`,
  overviewChartEmpty: "No indicator has a completion rate.",
  showMore: (rest: number) => `Show more (${rest} more)`,
  showAll: (rest: number) => `Show all (${rest} more)`,
  overviewChartLabel: "Bar chart of completion rates",
  statusExceeded: STATUS_LABELS.exceeded.en,
  statusCompleted: STATUS_LABELS.completed.en,
  statusBehind: STATUS_LABELS.behind.en,
  statusOnPace: STATUS_LABELS["on-pace"].en,
  statusNotReported: STATUS_LABELS["not-reported"].en,
  statusNoTarget: STATUS_LABELS["no-target"].en,
  statusFlagged: "Check data",
  ceilingWithin: (limit) => `kept within ${limit}`,
  ceilingAbove: (limit) => `above the ${limit} ceiling`,
  growthRelative: (signed) => `YoY ${signed}`,
  growthPoints: (signed) => `${signed} pts`,
  growthTimes: (times) => `YoY +${times}×`,
  rateComparison: (comparison, target) =>
    comparison === "above"
      ? `above the ${target} target`
      : comparison === "met"
        ? `meets the ${target} target`
        : `below the ${target} target`,
  growthFlat: "flat YoY",
  notReportedValue: "—",
  partPrefix: "of which",
  rateOfTarget: (rate) => `${rate} done`,
  categoryDone: (done, measured) => `${done}/${measured} met`,
  locate: (ref) => `Go to ${ref}`,

  // Checks
  severityError: "Errors",
  severityWarning: "To confirm",
  severityInfo: "Notes",
  severityErrorHint: "Fix these before they go into the report",
  severityWarningHint: "Check these; explain them if they stand",
  severityInfoHint: "For writing the report",
  checksNone: "No problems found.",
  checksSummary: (errors, warnings, infos) =>
    `${errors} errors, ${warnings} to confirm, ${infos} notes`,
  checksClickHint: "Click an item to go to its cell.",

  // Report
  reportHint:
    "Underlined numbers show their source; click one to go to its cell. The arrow keys move between the numbers of a paragraph.",
  reportInsert: "Insert into selected cell",
  reportWriteSheet: "Write to the 报告 sheet",
  reportDownloadCopy: "Download a copy with a 报告 sheet",
  reportCopy: "Copy",
  reportInsertSection: "Insert this section into the selected cell",
  reportStateTitle: "Report",
  reportStateReady: (n) => `${n} ${n === 1 ? "section" : "sections"} ready`,
  reportStateCheck: (n) => `${n} ${n === 1 ? "figure" : "figures"} to confirm`,
  reportStateOmitted: (n) => `${n} ${n === 1 ? "indicator" : "indicators"} left out until fixed`,
  reportStateAllClear: "every number traces to its cell",
  reportOpen: "Review and write the report",
  reportCopyParagraph: "Copy paragraph",
  reportCopied: "Copied to the clipboard.",
  reportCopyFailed: "The clipboard is not available; select the text and copy it.",
  reportNone: "No indicator can go into the report yet.",
  reportOmitted: (names) => `Left out until their data errors are fixed: ${names}`,
  sourceValue: (ref) => `Source: ${ref}`,
  sourceRate: (actual, target) => `Completion = ${actual} ÷ ${target}`,
  sourceGrowth: (actual, previous) => `Growth = ${actual} ÷ ${previous} − 1`,
  sourcePoints: (actual, previous) => `Change = ${actual} − ${previous}`,
  sourceCell: (ref, field, raw) => `${ref} (${field}): ${raw}`,
  sourceField: (field, raw) => `${field}: ${raw}`,
  sourceClick: (ref) => `Click to go to ${ref}`,
  fieldActual: "completed",
  fieldTarget: "target",
  fieldPrevious: "last year",
  listSeparator: ", ",
  inserted: (address) => `Inserted into ${address}.`,
  occupiedTitle: "Overwrite the cell?",
  occupiedBody: (address) => `Cell ${address} already holds:`,
  occupiedQuestion: "Replace it with the report text?",
  conflictTitle: (sheet) => `The ${sheet} sheet was edited`,
  conflictBody:
    "These cells were changed by hand since the report was last written; overwriting replaces them:",
  conflictCurrent: "Now",
  conflictPlanned: "Will be",
  conflictMore: (n) => `…and ${n} more`,
  written: (sheet, cells, created) =>
    `${created ? "Created and wrote" : "Wrote"} the ${sheet} sheet (${cells} cells).`,
  downloadedCopy: (name) =>
    `Downloaded the copy "${name}" with a 报告 sheet; the original file is unchanged.`,
  copyCaveat: "The browser rebuilds the copy; charts and pictures may not be kept.",
  unsupported: "Not available here.",

  // Draft: fill an X draft, check a finished one, the Word document
  draftTitle: "Report draft",
  draftHint:
    "Paste a draft: numbers written as X are filled in from the workbook (Fill); the numbers of a finished draft are compared with it (Check).",
  draftLabel: "Draft text",
  draftPlaceholder: "For example: 全年完成城镇新增就业X人，完成目标任务的X%。",
  draftFill: "Fill",
  draftCheck: "Check",
  draftClear: "Clear",
  draftLoading: "Loading…",
  draftFilledTitle: "Filled draft",
  draftCheckedTitle: "Checked draft",
  draftFillSummary: (filled, total, left) =>
    `Filled ${filled} of ${total} ${total === 1 ? "place" : "places"}, ${left} left blank`,
  draftFillSkipped: (n) =>
    `${n} more X ${n === 1 ? "is a name or date" : "are names or dates"}, kept as written`,
  draftFillNone: "The draft has no X to fill in.",
  draftFillHint:
    "Underlined numbers show their source; click one to go to its cell. Highlighted X were left blank: hover for why.",
  draftLeftTitle: "Left blank",
  draftCopy: "Copy filled text",
  draftCheckSummary: (confirmed, mismatches, unchecked) =>
    `${confirmed} agree, ${mismatches} differ, ${unchecked} not checked`,
  draftCheckNone: "The text has no number to compare with the workbook.",
  draftCheckPlaceholders: (n) => `${n} X still to fill in`,
  draftCheckHint:
    "Numbers in red differ from the workbook, green ones agree; hover for details, click to go to the cell.",
  draftMismatchTitle: "Numbers that differ",
  draftUncheckedTitle: "Numbers not checked",
  draftExpected: (expected) => `should be ${expected}`,
  draftConfirmed: (expected) => `agrees with the workbook (${expected})`,
  draftWhere: (indicator, field) => `${indicator} · ${field}`,
  wordTitle: "Word document",
  wordHint:
    "The whole report in the outline's order, in official document layout; edit it in Word or WPS.",
  wordDownload: "Download Word document",
  wordWorking: "Writing the Word document…",
  wordDownloaded: (name) => `Downloaded "${name}".`,
  wordFailed: (message) => `The Word document could not be written: ${message}`,
  outlineFromSheet: (sheet) => `Outline (from the ${sheet} sheet)`,
  outlineDefault: "Outline (default: one section per category)",
  outlineDefaultHint:
    "Add a 报告配置 sheet (序号, 标题, 指标或类别, 模板) to the workbook to choose the sections.",
  outlineTemplate: (text) => `Template: ${text}`,
  outlineTitleOnly: "Heading only",
  outlineNone: "No section has anything to report.",
  outlineFindings: (n) => `${n} ${n === 1 ? "problem" : "problems"} in the outline`,

  // Settings
  settingsPeriod: "Report period",
  settingsPeriodAuto: "From table headers (automatic)",
  settingsPeriodAutoNow: (period) => `From table headers (now: ${period})`,
  settingsPeriodHint: "The months the report covers, e.g. January–October.",
  settingsDecimals: "Decimal places",
  settingsDecimalsHint:
    "For computed rates and changes (0–4); numbers taken from cells keep their own digits.",
  settingsScale: "Write large amounts in 万/亿",
  settingsScaleHint: "Large sums read as 293.51万元 or 1.2亿元.",
  settingsYear: "Year style",
  settingsSaved: "Settings saved.",
  settingsSavedWorkbook: "Settings are saved in this workbook and travel with it.",
  settingsSavedBrowser: "Settings are saved in this browser.",
  settingsReset: "Restore defaults",
  settingsSaveFailed: (message) => `The settings could not be saved: ${message}`,

  // Empty state
  emptyTitle: "No indicator table found",
  emptyBody:
    "The add-in looks for a table with a header row that has an indicator name column (指标名称) and target (目标任务 or 年度目标) and completed (完成数) columns; unit (单位) and last year (上年同期) are optional.",
  emptyExampleCaption: "For example:",
  emptyInsertExample: "Insert an example table",
  emptyOpenSample: "Open the sample workbook",
  exampleInserted: (address) => `Inserted an example table at ${address}.`,

  // Standalone mode
  standaloneBadge: "Browser mode",
  standaloneTitle: "Use it in the browser",
  standaloneBody:
    "Excel was not detected. Open an .xlsx workbook from this computer: it is read in the browser and never uploaded.",
  standaloneOpenFile: "Open workbook…",
  standaloneOpenSample: "Open the sample workbook",
  standaloneOpenOther: "Open another file",
  standaloneDrop: "You can also drop an .xlsx file here.",
  standaloneSeveral: "Choose several units' workbooks at once for a district roll-up.",
  standaloneFileLabel: "Choose an .xlsx workbook",
  standaloneMessages: "Opening a workbook",
  standaloneSampleFailed: "The sample workbook could not be loaded.",
  standaloneLoadingFile: (name) => `Opening "${name}"…`,

  // Sheet preview
  previewTitle: (ref) => `Cell ${ref}`,
  previewValue: (text) => `Content: ${text}`,
  previewReadOnly: "Read-only preview",
  previewClose: "Close preview",
  previewMissing: (ref) => `${ref} was not found.`,

  // Excel
  excelUnavailable: "The workbook cannot be reached. Close the task pane and open it again.",
  workbookLabel: "This workbook",
};
