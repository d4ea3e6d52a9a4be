/**
 * The fields of an indicator as statisticians name them: in templates ({X.目标}), in messages
 * and in the faces' column labels, in Chinese and English.
 */
export type Field = "actual" | "target" | "previous" | "rate" | "growth";

export const FIELD_LABELS: Record<Field, { zh: string; en: string }> = {
  actual: { zh: "完成数", en: "completed" },
  target: { zh: "目标", en: "target" },
  previous: { zh: "上年同期", en: "last year" },
  rate: { zh: "完成率", en: "completion rate" },
  growth: { zh: "增长", en: "growth" },
};

/** The words a template may write after a name's dot, for reading: {城镇新增就业.完成率}. */
export const FIELD_WORDS: Record<string, Field | "status"> = {
  完成: "actual",
  完成数: "actual",
  目标: "target",
  目标数: "target",
  任务: "target",
  上年: "previous",
  上年同期: "previous",
  去年: "previous",
  完成率: "rate",
  进度: "rate",
  增长: "growth",
  增速: "growth",
  同比: "growth",
  状态: "status",
};
