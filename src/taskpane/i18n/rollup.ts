/**
 * The strings of the 汇总 view (several workbooks opened at once), in both languages. They come
 * with the view's chunk, not with the first render. The figures and the paragraphs are the
 * roll-up's own (Chinese) text; only their frame is here.
 */
import { SEVERITY_LABELS } from "../../core/findings";
import type { Severity } from "../../core/model";
import { Language } from "./language";

/** The findings' severity words, from the catalogue beside the findings (one home). */
function severityWords(language: "zh" | "en"): Record<Severity, string> {
  return {
    error: SEVERITY_LABELS.error[language],
    warning: SEVERITY_LABELS.warning[language],
    info: SEVERITY_LABELS.info[language],
  };
}

export const rollupZh = {
  viewLabel: "汇总",
  heading: "多个工作簿汇总",
  reading: (done: number, total: number) => `正在读取 ${done}/${total} 个工作簿…`,
  rolling: "正在汇总…",
  headline: (units: number, unitKind: string, period: string) =>
    `汇总${units}个${unitKind}（报告期：${period}）`,
  notCountedTitle: (n: number) => `${n}份文件未计入：`,
  duplicateOf: (of: string) => `与${of}相同，未重复计入`,
  unread: (message: string) => `无法读取：${message}`,
  ownRollup: "本工具生成的汇总工作簿，不作为参加汇总的单位",
  nothing: "没有可汇总的工作簿。",
  nothingNext: "请选择各单位报送的 .xlsx 工作簿（可一次选择多个）。",
  failed: (message: string) => `汇总时出错：${message}`,

  download: "下载汇总工作簿",
  downloaded: (name: string) =>
    `已下载“${name}”：汇总表中的合计、完成率和增幅是公式，可在 Excel 中核对。`,
  copy: "复制全文",
  copied: "已复制到剪贴板。",
  copyFailed: "无法访问剪贴板，请在下方选中文字后手动复制。",

  tableTitle: "指标汇总",
  tableLabel: "指标汇总表",
  colName: "指标",
  colUnit: "单位",
  colTotal: "全区合计",
  colRate: "完成率",
  colGrowth: "同比",
  colReported: "填报",
  colBehind: "未完成",
  partOf: "其中：",
  withheld: "暂不引用",
  notSummed: "不加总",
  noneReported: "无人填报",
  target: (text: string) => `目标${text}`,
  first: (name: string) => `第一：${name}`,

  findingsTitle: "校验结果",
  findingsNone: "未发现问题。",
  severity: severityWords("zh"),

  reportTitle: "报告",
  reportNone: "没有可写入报告的指标。",
};

export type RollupStrings = typeof rollupZh;

export const rollupEn: RollupStrings = {
  viewLabel: "Roll-up",
  heading: "Roll-up of several workbooks",
  reading: (done, total) => `Reading workbook ${done} of ${total}…`,
  rolling: "Rolling up…",
  headline: (units, unitKind, period) =>
    `Roll-up of ${units} units (${unitKind}), period: ${period}`,
  notCountedTitle: (n) => (n === 1 ? "1 file not counted:" : `${n} files not counted:`),
  duplicateOf: (of) => `the same workbook as ${of}, not counted twice`,
  unread: (message) => `cannot be read: ${message}`,
  ownRollup: "a roll-up workbook made by this tool, not a unit",
  nothing: "No workbook to roll up.",
  nothingNext: "Choose the .xlsx workbooks the units sent (several at once).",
  failed: (message) => `The roll-up failed: ${message}`,

  download: "Download the roll-up workbook",
  downloaded: (name) =>
    `Downloaded "${name}": its totals, completion rates and growths are formulas you can check in Excel.`,
  copy: "Copy all text",
  copied: "Copied to the clipboard.",
  copyFailed: "The clipboard is not available: select the text below and copy it.",

  tableTitle: "Indicators",
  tableLabel: "Indicator roll-up table",
  colName: "Indicator",
  colUnit: "Unit",
  colTotal: "District total",
  colRate: "Completion",
  colGrowth: "Year on year",
  colReported: "Reported",
  colBehind: "Behind target",
  partOf: "of which: ",
  withheld: "Not quoted",
  notSummed: "Not summed",
  noneReported: "None reported",
  target: (text) => `target ${text}`,
  first: (name) => `first: ${name}`,

  findingsTitle: "Checks",
  findingsNone: "No problems found.",
  severity: severityWords("en"),

  reportTitle: "Report",
  reportNone: "No indicator to write into the report.",
};

export const ROLLUP_STRINGS: Record<Language, RollupStrings> = { zh: rollupZh, en: rollupEn };
