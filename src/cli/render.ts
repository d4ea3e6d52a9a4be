/** Human-readable output of an analysis: plain text for the terminal, or Markdown. */
import { CATEGORY_TITLES } from "../core/categories";
import { periodPhrase } from "../core/format";
import { SEVERITY_LABELS } from "../core/findings";
import { Analysis, Finding, Severity } from "../core/model";
import { reportLines } from "../core/report/writing/lines";
import type { Report } from "../core/report/writing/report";

const SEVERITY_ZH = (s: Severity) => SEVERITY_LABELS[s].zh;

function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

function summaryLines(analysis: Analysis, fileName: string): string[] {
  const counts = countBySeverity(analysis.findings);
  return [
    `指标报告助手 — ${fileName}（报告期：${analysis.months >= 12 ? "全年" : periodPhrase(analysis.months)}）`,
    `找到指标表${analysis.tables.length}张、指标${analysis.indicators.length}项；错误${counts.error}项，需核实${counts.warning}项，提示${counts.info}项。`,
  ];
}

/** The report's own lines (reportLines), as every face renders them. */
function reportBody(report: Report): string[] {
  const lines = reportLines(report);
  if (!lines.some((l) => l.kind === "paragraph")) return ["  没有可写入报告的指标。", ""];
  return [...lines.map((l) => l.text), ""];
}

export function renderText(analysis: Analysis, report: Report, fileName: string): string {
  const lines = summaryLines(analysis, fileName);
  lines.push("", "【指标表】");
  for (const t of analysis.tables)
    lines.push(
      `  ${t.sheet}!${t.range.split(":")[0]}  ${t.name}（${CATEGORY_TITLES[t.category].zh}）`
    );
  lines.push("", "【校验结果】");
  if (analysis.findings.length === 0) lines.push("  未发现问题。");
  for (const f of analysis.findings) lines.push(`  [${SEVERITY_ZH(f.severity)}] ${f.message}`);
  lines.push("", "【报告】", ...reportBody(report));
  return lines.join("\n");
}

export function renderMarkdown(analysis: Analysis, report: Report, fileName: string): string {
  const [title, summary] = summaryLines(analysis, fileName);
  const lines = [
    `# ${title}`,
    "",
    summary,
    "",
    "## 指标表",
    "",
    "| 工作表 | 区域 | 名称 | 类别 |",
    "|---|---|---|---|",
  ];
  for (const t of analysis.tables)
    lines.push(`| ${t.sheet} | ${t.range} | ${t.name} | ${CATEGORY_TITLES[t.category].zh} |`);
  lines.push("", "## 校验结果", "");
  if (analysis.findings.length === 0) lines.push("未发现问题。");
  for (const f of analysis.findings) lines.push(`- **${SEVERITY_ZH(f.severity)}** ${f.message}`);
  lines.push("", "## 报告", "", ...markdownReport(report));
  return lines.join("\n");
}

/** The report's lines (reportLines) in Markdown, under a "## 报告" heading of the caller's. */
export function markdownReport(report: Report): string[] {
  const lines: string[] = [];
  for (const line of reportLines(report)) {
    if (line.kind === "title") lines.push(`### ${line.text}`, "");
    else if (line.kind === "heading")
      lines.push(`${"#".repeat(Math.min(line.level + 3, 6))} ${line.text}`, "");
    else if (line.kind === "note") lines.push(`> ${line.text}`, "");
    else lines.push(line.text, "");
  }
  return lines;
}
