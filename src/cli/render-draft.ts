/** Output of `fill` and `check`: plain text for the terminal, or JSON. */
import type { DraftCheck, FillItem, FillResult } from "../core/report";

const STATUS_ZH: Record<FillItem["status"], string> = {
  filled: "已填",
  left: "留空",
  skipped: "跳过",
};

/** A short stretch of text before a position, on one line: "…全年完成城镇新增就业". */
function before(text: string, at: number, length = 18): string {
  const start = Math.max(0, at - length);
  const piece = text.slice(start, at).replace(/\s+/g, " ");
  return `${start > 0 ? "…" : ""}${piece}`;
}

/** filled ÷ placeholders that are numbers, as a percentage with one decimal. */
export function fillRate(result: FillResult): number {
  const { numbers, filled } = result.summary;
  return numbers === 0 ? 0 : Math.round((filled / numbers) * 1000) / 10;
}

export function renderFillText(
  result: FillResult,
  original: string,
  names: { draft: string; workbook: string },
  includeText: boolean
): string {
  const { summary } = result;
  const lines = [
    `指标报告助手 — 填写文稿 ${names.draft}（工作簿：${names.workbook}）`,
    `占位符${summary.placeholders}处：已填写${summary.filled}处，留空${summary.left}处，名称或日期等非数字${summary.skipped}处。`,
  ];
  if (includeText) lines.push("", "【填写后的文稿】", result.text.trimEnd());
  lines.push("", "【逐处说明】");
  for (const item of result.items) {
    const where = `${before(original, item.start)}${item.placeholder}`;
    if (item.status === "filled")
      lines.push(
        `  ${item.index}. [${STATUS_ZH.filled}] ${where} → ${item.value}${item.unit ?? ""}（${item.indicator} ${item.fieldZh}，${(item.cells ?? []).join("、")}）`
      );
    else lines.push(`  ${item.index}. [${STATUS_ZH[item.status]}] ${where}：${item.reason ?? ""}`);
  }
  return `${lines.join("\n")}\n`;
}

export function fillJson(result: FillResult, names: { draft: string; workbook: string }) {
  return {
    tool: "indicator-report",
    command: "fill",
    draft: names.draft,
    workbook: names.workbook,
    summary: { ...result.summary, fillRate: fillRate(result) },
    text: result.text,
    placeholders: result.items,
    sources: result.sources,
  };
}

export function renderCheckText(
  check: DraftCheck,
  names: { draft: string; workbook: string }
): string {
  const { summary } = check;
  const lines = [
    `指标报告助手 — 核对文稿 ${names.draft}（工作簿：${names.workbook}）`,
    `对应到指标的数${summary.confirmed + summary.mismatches}个：一致${summary.confirmed}个，不一致${summary.mismatches}个；未对应到指标的数${summary.unchecked}个${summary.notFigures ? `；日期、年龄等非指标数${summary.notFigures}个` : ""}${check.placeholders ? `；尚有X占位${check.placeholders}处` : ""}。`,
    "",
    "【不一致】",
  ];
  if (check.mismatches.length === 0) lines.push("  无。");
  check.mismatches.forEach((m, i) =>
    lines.push(`  ${i + 1}. ${m.message}`, `     句子：${m.sentence}`)
  );
  lines.push("", "【一致】");
  if (check.confirmed.length === 0) lines.push("  无。");
  for (const c of check.confirmed)
    lines.push(
      `  - “${c.text}” ${c.indicator} ${c.fieldZh}（${c.cells.join("、")}）${c.warning ? `；注意：${c.warning}` : ""}`
    );
  lines.push("", "【未核对】");
  if (check.unchecked.length === 0) lines.push("  无。");
  for (const u of check.unchecked)
    lines.push(`  - “${u.text}”：${u.reason}`, `     句子：${u.sentence}`);
  if (check.notFigures.length > 0) {
    lines.push("", "【非指标数】");
    for (const n of check.notFigures) lines.push(`  - “${n.text}”：${n.reason}`);
  }
  return `${lines.join("\n")}\n`;
}

export function checkJson(check: DraftCheck, names: { draft: string; workbook: string }) {
  return {
    tool: "indicator-report",
    command: "check",
    draft: names.draft,
    workbook: names.workbook,
    summary: { ...check.summary, placeholders: check.placeholders },
    mismatches: check.mismatches,
    confirmed: check.confirmed,
    unchecked: check.unchecked,
    notFigures: check.notFigures,
  };
}
