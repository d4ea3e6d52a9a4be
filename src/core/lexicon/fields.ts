/**
 * The fields of an indicator as statisticians name them, in Chinese and English: the numbers a
 * sentence quotes (in messages and the faces' labels), and the words a template writes after a
 * name's dot ({城镇新增就业.完成率}), for reading.
 */

/** The numbers of an indicator a sentence quotes. */
export type Field =
  | "actual"
  | "target"
  | "previous"
  | "rate"
  | "growth"
  /** The completion rate less the share of the year elapsed: "低于序时进度X个百分点". */
  | "schedule"
  /** The target less the completed value: "与目标相差X人". */
  | "shortfall";

export const FIELD_LABELS: Record<Field, { zh: string; en: string }> = {
  actual: { zh: "完成数", en: "completed value" },
  target: { zh: "目标", en: "target" },
  previous: { zh: "上年同期", en: "last year's value" },
  rate: { zh: "完成率", en: "completion rate" },
  growth: { zh: "增长", en: "growth" },
  schedule: { zh: "与序时进度之差", en: "gap to the share of the year elapsed" },
  shortfall: { zh: "与目标之差", en: "shortfall to the target" },
};

/** What a template may ask of an indicator after its name's dot. */
export type TemplateField =
  "actual" | "target" | "previous" | "rate" | "growth" | "growthRate" | "status" | "name" | "unit";

/** The words a template writes for each of them, for reading: {城镇新增就业.完成率}. */
export const TEMPLATE_FIELD_WORDS: [TemplateField, string[]][] = [
  ["actual", ["完成", "完成数", "完成值", "实际", "实际完成", "数值", "值"]],
  ["target", ["目标", "目标任务", "目标数", "任务", "任务数", "计划"]],
  ["previous", ["上年", "上年同期", "上年数", "去年", "去年同期"]],
  ["rate", ["完成率", "完成进度", "进度"]],
  ["growth", ["增长", "同比", "增减", "变化"]],
  ["growthRate", ["增长率", "增速", "增幅"]],
  ["status", ["状态", "完成情况"]],
  ["name", ["名称", "指标", "指标名称"]],
  ["unit", ["单位"]],
];
