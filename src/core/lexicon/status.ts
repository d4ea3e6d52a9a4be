/**
 * Status words: how a report states the verdict on a target (超额完成, 完成, 提前完成, 时间过半、
 * 任务过半) and how the task pane labels a status. Writing and reading side by side.
 */
import { Indicator, Status } from "../model";
import { isPercentUnit } from "../units";
import { isPartYear, targetWord } from "./period";

/**
 * Where an indicator stands, judged against 序时进度 during the year: "on-pace" is behind the
 * annual target but at or ahead of the share of the year elapsed (96% in October).
 */
export type Standing = Status | "on-pace";

export function standingOf(indicator: Indicator): Standing {
  if (
    indicator.status === "behind" &&
    indicator.direction === "floor" &&
    // A rate (参保率 95%) is not built up over the year: below its target it is behind.
    !(indicator.unit && isPercentUnit(indicator.unit)) &&
    indicator.expectedProgress !== undefined &&
    indicator.expectedProgress < 1 &&
    (indicator.completionRate ?? 0) >= indicator.expectedProgress
  )
    return "on-pace";
  return indicator.status;
}

/** Labels of a status, for tables and badges. */
export const STATUS_LABELS: Record<Standing, { zh: string; en: string }> = {
  "on-pace": { zh: "进度正常", en: "On pace" },
  exceeded: { zh: "超额完成", en: "Exceeded" },
  completed: { zh: "完成", en: "Met" },
  behind: { zh: "未完成", en: "Not met" },
  "not-reported": { zh: "未填报", en: "Not reported" },
  "no-target": { zh: "无目标", en: "No target" },
};

/** The verdict phrase of one indicator, as a template's {X.状态} writes it. */
export function statusPhrase(indicator: Indicator, months: number): string {
  const ceiling = indicator.direction === "ceiling";
  switch (indicator.status) {
    case "exceeded":
      return isPartYear(months) ? `提前完成${targetWord(months)}任务` : "超额完成目标任务";
    case "completed":
      if (ceiling) return "控制在目标以内";
      return isPartYear(months) ? `提前完成${targetWord(months)}任务` : "完成目标任务";
    case "behind":
      return ceiling ? "未控制在目标以内" : "未完成目标任务";
    case "no-target":
      return "无目标任务";
    default:
      return "未填报";
  }
}

/** Verdicts that speak for a whole section. */
export const SECTION_VERDICTS = {
  allExceeded: "各项指标均超额完成目标任务。",
  allDone: "各项指标均完成目标任务。",
  allDoneEarly: "各项指标均已提前完成全年目标任务。",
  halfway: "实现“时间过半、任务过半”。",
  /** "除A、B外，其余指标均完成目标任务。" */
  allBut: (names: string[]) => `除${names.join("、")}外，其余指标均完成目标任务。`,
  /** "其中A、B已提前完成全年目标任务。" */
  someDoneEarly: (names: string[]) => `其中${names.join("、")}已提前完成全年目标任务。`,
} as const;

/** Words of a verdict in drafts, for reading. */
export const STATUS_READING = {
  exceeded: /超额完成/,
  doneEarly: /提前完成/,
  done: /(?<!未)完成(目标|任务)/,
  notDone: /未完成/,
  halfway: /时间过半[、，]?任务过半/,
};
