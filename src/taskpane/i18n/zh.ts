/**
 * Every string the task pane shows, in Chinese (the default language). en.ts has the same keys;
 * the type `Strings` makes the compiler check that. Messages from the engine (findings,
 * paragraphs) come from src/core; only their frame is here.
 */
import { RATE_COMPARISON_WORDS, RateComparison } from "../../core/lexicon/figures";
import { STATUS_LABELS } from "../../core/lexicon/status";
export const zh = {
  lang: "zh-CN",
  appTitle: "指标报告助手",
  appTagline: "识别指标表、校验数据、生成报告段落",

  // Tabs
  tabOverview: "概览",
  tabChecks: "校验",
  tabReport: "报告",
  tabDraft: "文稿",
  tabSettings: "设置",
  checksBadgeErrors: (n: number) => `${n}个错误`,
  checksBadgeWarnings: (n: number) => `${n}项需核实`,

  // Status line, progress and errors
  summary: (tables: number, indicators: number) => `${tables}张指标表 · ${indicators}项指标`,
  periodFull: "全年",
  periodMonths: (months: number) => (months === 1 ? "1月" : `1—${months}月`),
  reading: "正在读取工作簿…",
  analysing: "正在分析…",
  analysisProgress: (step: number, steps: number, sheets: number) =>
    step === 1
      ? `正在分析 ${sheets} 张工作表…（${step}/${steps}）`
      : `正在撰写报告…（${step}/${steps}）`,
  reportWriting: "正在撰写报告…",
  refresh: "刷新",
  retry: "重试",
  close: "关闭",
  cancel: "取消",
  overwrite: "覆盖",
  readFailedNext: "处理好后可再打开一次，或打开其他文件。",
  readFailedTitle: "无法读取工作簿",
  unexpectedError: (message: string) => `出现意外错误：${message}`,
  staleTitle: "已过期",
  staleBody: "工作簿已更改，以下内容尚未更新。",
  /** Sentences one after the other: no space between them in Chinese, one in English. */
  sentences: (...parts: string[]) => parts.join(""),
  staleAuto: "稍后自动刷新。",

  // Overview
  overviewChartTitle: "完成率",
  overviewChartTarget: "目标",
  overviewChartPace: (percent: string) => `序时进度${percent}`,
  overviewChartEmpty: "没有可计算完成率的指标。",
  /** A long list shows a page at a time: the button under it, with what is left. */
  showMore: (rest: number) => `显示更多（还有${rest}项）`,
  showAll: (rest: number) => `显示全部（还有${rest}项）`,
  overviewChartLabel: "各项指标完成率条形图",
  statusExceeded: STATUS_LABELS.exceeded.zh,
  statusCompleted: STATUS_LABELS.completed.zh,
  statusBehind: STATUS_LABELS.behind.zh,
  statusOnPace: STATUS_LABELS["on-pace"].zh,
  statusNotReported: STATUS_LABELS["not-reported"].zh,
  statusNoTarget: STATUS_LABELS["no-target"].zh,
  statusFlagged: "数据待核实",
  ceilingWithin: (limit: string) => `控制在${limit}以内`,
  ceilingAbove: (limit: string) => `超过${limit}的控制目标`,
  growthRelative: (signed: string) => `同比${signed}`,
  growthPoints: (signed: string) => `${signed}个百分点`,
  growthTimes: (times: string) => `同比增长${times}倍`,
  rateComparison: (comparison: RateComparison, target: string) =>
    `${RATE_COMPARISON_WORDS[comparison]}${target}的目标`,
  growthFlat: "与上年持平",
  notReportedValue: "—",
  partPrefix: "其中",
  rateOfTarget: (rate: string) => `完成${rate}`,
  categoryDone: (done: number, measured: number) => `${done}/${measured}项完成`,
  locate: (ref: string) => `定位到 ${ref}`,

  // Checks
  severityError: "错误",
  severityWarning: "需核实",
  severityInfo: "提示",
  severityErrorHint: "必须修正后才能写入报告",
  severityWarningHint: "请核实，必要时说明原因",
  severityInfoHint: "供撰写报告参考",
  checksNone: "未发现问题。",
  checksSummary: (errors: number, warnings: number, infos: number) =>
    `错误${errors}项，需核实${warnings}项，提示${infos}项`,
  checksClickHint: "点击一条可定位到对应单元格。",

  // Report
  reportHint: "带下划线的数字可查看来源，点击定位到单元格；用方向键在一段的数字间移动。",
  reportInsert: "插入到所选单元格",
  reportWriteSheet: "写入“报告”工作表",
  reportDownloadCopy: "下载含“报告”工作表的副本",
  reportCopy: "复制",
  reportInsertSection: "插入本节到所选单元格",
  reportStateTitle: "报告",
  reportStateReady: (n: number) => `${n}节报告已生成`,
  reportStateCheck: (n: number) => `${n}处数字需核实`,
  reportStateOmitted: (n: number) => `${n}项指标待修正数据后写入`,
  reportStateAllClear: "全部数字均可追溯到单元格",
  reportOpen: "查看并写入报告",
  reportCopyParagraph: "复制本段",
  reportCopied: "已复制到剪贴板。",
  reportCopyFailed: "无法访问剪贴板，请手动选择文字复制。",
  reportNone: "没有可写入报告的指标。",
  reportOmitted: (names: string) => `以下指标的数据有错误，修正后才会写入：${names}`,
  sourceValue: (ref: string) => `来源：${ref}`,
  sourceRate: (actual: string, target: string) => `完成率 = ${actual} ÷ ${target}`,
  sourceGrowth: (actual: string, previous: string) => `同比增幅 = ${actual} ÷ ${previous} − 1`,
  sourcePoints: (actual: string, previous: string) => `变化 = ${actual} − ${previous}`,
  sourceCell: (ref: string, field: string, raw: string) => `${ref}（${field}）：${raw}`,
  sourceField: (field: string, raw: string) => `${field}：${raw}`,
  sourceClick: (ref: string) => `点击定位到 ${ref}`,
  fieldActual: "完成数",
  fieldTarget: "目标",
  fieldPrevious: "上年同期",
  listSeparator: "、",
  inserted: (address: string) => `已插入到 ${address}。`,
  occupiedTitle: "覆盖单元格内容？",
  occupiedBody: (address: string) => `单元格 ${address} 已有内容：`,
  occupiedQuestion: "要用报告文字覆盖它吗？",
  conflictTitle: (sheet: string) => `“${sheet}”工作表已被修改`,
  conflictBody: "以下单元格在上次写入后被手动修改过，覆盖将替换这些内容：",
  conflictCurrent: "现有内容",
  conflictPlanned: "将写入",
  conflictMore: (n: number) => `……另有${n}个单元格`,
  written: (sheet: string, cells: number, created: boolean) =>
    `已${created ? "新建并" : ""}写入“${sheet}”工作表（${cells}个单元格）。`,
  downloadedCopy: (name: string) => `已下载副本“${name}”，其中含“报告”工作表；原文件未改动。`,
  copyCaveat: "副本由浏览器重新生成，图表、图片等内容可能不会保留。",
  unsupported: "当前环境不支持此操作。",

  // Draft (文稿): fill an X draft, check a finished one, the Word document
  draftTitle: "报告草稿",
  draftHint:
    "粘贴草稿：数字写作 X 的，点“填写”由工作簿补上；写好的稿子点“核对”，与工作簿逐个对照。",
  draftLabel: "草稿文字",
  draftPlaceholder: "例如：全年完成城镇新增就业X人，完成目标任务的X%。",
  draftFill: "填写",
  draftCheck: "核对",
  draftClear: "清空",
  draftLoading: "正在加载…",
  draftFilledTitle: "填写结果",
  draftCheckedTitle: "核对结果",
  draftFillSummary: (filled: number, total: number, left: number) =>
    `已填写 ${filled} 处 / 共 ${total} 处，留空 ${left} 处`,
  draftFillSkipped: (n: number) => `另有 ${n} 处 X 是名称或日期，保持原样`,
  draftFillNone: "草稿中没有要填写的 X。",
  draftFillHint: "带下划线的数字可查看来源，点击定位到单元格；标黄的 X 未填写，悬停可见原因。",
  draftLeftTitle: "留空的位置",
  draftCopy: "复制填写结果",
  draftCheckSummary: (confirmed: number, mismatches: number, unchecked: number) =>
    `一致 ${confirmed} 处，不符 ${mismatches} 处，未能核对 ${unchecked} 处`,
  draftCheckNone: "文中没有可与工作簿对照的数字。",
  draftCheckPlaceholders: (n: number) => `文中还有 ${n} 处 X 未填写`,
  draftCheckHint: "标红的数字与工作簿不符，绿色下划线的一致；悬停查看依据，点击定位到单元格。",
  draftMismatchTitle: "不符的数字",
  draftUncheckedTitle: "未能核对的数字",
  draftExpected: (expected: string) => `应为${expected}`,
  draftConfirmed: (expected: string) => `与工作簿一致（${expected}）`,
  draftWhere: (indicator: string, field: string) => `${indicator} · ${field}`,
  wordTitle: "Word 文档",
  wordHint: "按报告结构生成全文（公文格式），下载后可在 Word 或 WPS 中修改。",
  wordDownload: "下载 Word 文档",
  wordWorking: "正在生成 Word 文档…",
  wordDownloaded: (name: string) => `已下载“${name}”。`,
  wordFailed: (message: string) => `无法生成 Word 文档：${message}`,
  outlineFromSheet: (sheet: string) => `报告结构（来自“${sheet}”工作表）`,
  outlineDefault: "报告结构（默认：每类一节）",
  outlineDefaultHint:
    "在工作簿中添加“报告配置”工作表（序号、标题、指标或类别、模板）可自定义章节。",
  outlineTemplate: (text: string) => `模板：${text}`,
  outlineTitleOnly: "仅标题",
  outlineNone: "没有可写入报告的章节。",
  outlineFindings: (n: number) => `报告结构有 ${n} 个问题`,

  // Settings
  settingsPeriod: "报告期",
  settingsPeriodAuto: "按表头（自动）",
  settingsPeriodAutoNow: (period: string) => `按表头（当前：${period}）`,
  settingsPeriodHint: "报告覆盖的月份，例如“1—10月”。",
  settingsDecimals: "小数位数",
  settingsDecimalsHint: "计算出的完成率和增幅保留的小数位数（0—4）；取自单元格的数字保持原样。",
  settingsScale: "万/亿换算",
  settingsScaleHint: "将较大的金额写成“293.51万元”“1.2亿元”。",
  settingsYear: "年份写法",
  settingsSaved: "设置已保存。",
  settingsSavedWorkbook: "设置保存在本工作簿中，随文件一起保存。",
  settingsSavedBrowser: "设置保存在本浏览器中。",
  settingsReset: "恢复默认",
  settingsSaveFailed: (message: string) => `无法保存设置：${message}`,

  // Empty state
  emptyTitle: "未找到指标表",
  emptyBody:
    "本加载项查找这样的表格：一行表头，含“指标名称”列，以及“目标任务”（或“年度目标”）和“完成数”等列；“单位”“上年同期”列可选。",
  emptyExampleCaption: "示例：",
  emptyInsertExample: "插入示例表格",
  emptyOpenSample: "打开示例工作簿",
  exampleInserted: (address: string) => `已在 ${address} 插入示例表格。`,

  // Standalone mode
  standaloneBadge: "浏览器模式",
  standaloneTitle: "在浏览器中使用",
  standaloneBody: "未检测到 Excel。请打开本机的 .xlsx 工作簿：文件只在浏览器中读取，不会上传。",
  standaloneOpenFile: "打开工作簿…",
  standaloneOpenSample: "打开示例工作簿",
  standaloneOpenOther: "打开其他文件",
  standaloneDrop: "也可以把 .xlsx 文件拖到这里。",
  standaloneSeveral: "一次选择多个单位的工作簿，可生成全区汇总。",
  standaloneFileLabel: "选择 .xlsx 工作簿",
  /** Names the region of the messages about opening a workbook, for screen readers. */
  standaloneMessages: "打开工作簿的提示",
  standaloneSampleFailed: "无法加载示例工作簿。",
  standaloneLoadingFile: (name: string) => `正在打开“${name}”…`,

  // Sheet preview (standalone: stands in for selecting the cell in Excel)
  previewTitle: (ref: string) => `单元格 ${ref}`,
  previewValue: (text: string) => `内容：${text}`,
  previewReadOnly: "只读预览",
  previewClose: "关闭预览",
  previewMissing: (ref: string) => `找不到 ${ref}。`,

  // Excel
  excelUnavailable: "无法连接到 Excel 工作簿。请关闭任务窗格后重新打开。",
  workbookLabel: "当前工作簿",
};

/** The shape every language provides. */
export type Strings = typeof zh;
