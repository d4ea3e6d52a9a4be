/**
 * The example table the empty state shows and, inside Excel, inserts: the smallest table the
 * engine recognises (a header row with 指标名称, 单位, 目标任务, 完成数, 上年同期).
 */
export const EXAMPLE_TABLE: (string | number)[][] = [
  ["指标名称", "单位", "目标任务", "完成数", "上年同期"],
  ["城镇新增就业", "人", 1000, 1126, 1050],
  ["失业人员再就业", "人", 300, 342, 328],
  ["城镇登记失业率", "%", "≤3.5", 2.8, 3.1],
];

/** How many rows the empty state shows (the header and two rows). */
export const EXAMPLE_PREVIEW_ROWS = 3;
