/**
 * The chart's bars as the 概览 tab lists them, apart from model/overview.ts (which the engine
 * chunk brings) so that the chart component needs none of the engine.
 */
import type { BarColor, ChartBar } from "./overview";

/** One line of work's bars in the chart. */
export interface ChartGroup {
  title: string;
  bars: ChartBar[];
}

/** Bars behind target (or not reported) first, then on pace, then done. */
const BAR_RANK: Record<BarColor, number> = { error: 0, warning: 0, brand: 1, success: 2 };

/**
 * The chart's bars by line of work, in the cards' order; within a line the indicators behind
 * target first (in workbook order within each standing), since those are what a reader looks
 * for when only the first bars of a long line are shown.
 */
export function chartGroups(bars: ChartBar[]): ChartGroup[] {
  const groups: ChartGroup[] = [];
  for (const bar of bars) {
    const last = groups[groups.length - 1];
    if (last && last.title === bar.group) last.bars.push(bar);
    else groups.push({ title: bar.group, bars: [bar] });
  }
  for (const group of groups)
    group.bars = group.bars
      .map((bar, at) => ({ bar, at }))
      .sort((a, b) => BAR_RANK[a.bar.color] - BAR_RANK[b.bar.color] || a.at - b.at)
      .map((x) => x.bar);
  return groups;
}
