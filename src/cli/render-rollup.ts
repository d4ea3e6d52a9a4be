/** The roll-up as text, Markdown or JSON: the district's figures, its findings, its report. */
import { periodPhrase } from "../core/lexicon/period";
import { SEVERITY_LABELS } from "../core/findings";
import { ResolvedOptions, Severity } from "../core/model";
import { markdownReport } from "./render";
import { reportLines } from "../core/report/writing/lines";
import type { Report } from "../core/report/writing/report";
import { Rollup } from "../core/rollup";
import { indicatorLine } from "../core/rollup/summary";

const SEVERITY_ZH = (s: Severity) => SEVERITY_LABELS[s].zh;

/** Why a file read is not counted: "2022年的报表，未计入", "与X为同一单位，未计入". */
function leftOutWords(l: Rollup["leftOut"][number]): string {
  return l.reason === "otherYear" ? `${l.year}年的报表，未计入` : `与${l.of}为同一单位，未计入`;
}

function headline(rollup: Rollup): string {
  const extra = [
    rollup.duplicates.length ? `重复${rollup.duplicates.length}份` : "",
    rollup.leftOut.length ? `非本年度或同一单位另报${rollup.leftOut.length}份` : "",
    rollup.unread.length ? `无法读取${rollup.unread.length}份` : "",
  ].filter(Boolean);
  const period = rollup.months >= 12 ? "全年" : periodPhrase(rollup.months);
  return `指标报告助手 — 汇总${rollup.units.length}个${rollup.unitKind}${extra.length ? `（另有${extra.join("、")}未计入）` : ""}（报告期：${period}）`;
}

export function renderRollupText(rollup: Rollup, report: Report, options: ResolvedOptions): string {
  const lines = [headline(rollup), "", `【参加汇总的${rollup.unitKind}】`];
  for (const u of rollup.units) lines.push(`  ${u.index + 1}. ${u.name}  ${u.file}`);
  for (const d of rollup.duplicates) lines.push(`  —  ${d.file}：与${d.of}相同，未重复计入`);
  for (const l of rollup.leftOut) lines.push(`  —  ${l.file}：${leftOutWords(l)}`);
  for (const u of rollup.unread) lines.push(`  —  ${u.file}：无法读取，未计入`);
  lines.push("", "【指标汇总】");
  rollup.indicators.forEach((d, k) =>
    lines.push(indicatorLine(d, rollup.districtIndicators[k], rollup, options))
  );
  lines.push("", "【校验结果】");
  if (rollup.findings.length === 0) lines.push("  未发现问题。");
  for (const f of rollup.findings) lines.push(`  [${SEVERITY_ZH(f.severity)}] ${f.message}`);
  lines.push("", "【报告】");
  const body = reportLines(report);
  if (!body.some((l) => l.kind === "paragraph")) lines.push("  没有可写入报告的指标。");
  else for (const l of body) lines.push(l.text);
  return `${lines.join("\n")}\n`;
}

export function renderRollupMarkdown(
  rollup: Rollup,
  report: Report,
  options: ResolvedOptions
): string {
  const lines = [`# ${headline(rollup)}`, "", `## 参加汇总的${rollup.unitKind}`, ""];
  for (const u of rollup.units) lines.push(`${u.index + 1}. ${u.name}（${u.file}）`);
  for (const d of rollup.duplicates) lines.push(`- ${d.file}：与${d.of}相同，未重复计入`);
  for (const l of rollup.leftOut) lines.push(`- ${l.file}：${leftOutWords(l)}`);
  for (const u of rollup.unread) lines.push(`- ${u.file}：无法读取，未计入`);
  lines.push("", "## 指标汇总", "");
  rollup.indicators.forEach((d, k) =>
    lines.push(`- ${indicatorLine(d, rollup.districtIndicators[k], rollup, options).trim()}`)
  );
  lines.push("", "## 校验结果", "");
  if (rollup.findings.length === 0) lines.push("未发现问题。");
  for (const f of rollup.findings) lines.push(`- **${SEVERITY_ZH(f.severity)}** ${f.message}`);
  lines.push("", "## 报告", "", ...markdownReport(report));
  return `${lines.join("\n")}\n`;
}

/** The roll-up's JSON: every number with the units' cells it comes from. */
export function rollupJson(rollup: Rollup, report: Report): unknown {
  return {
    version: 1,
    kind: "rollup",
    unitKind: rollup.unitKind,
    period: rollup.months,
    year: rollup.year ?? null,
    units: rollup.units,
    duplicates: rollup.duplicates,
    leftOut: rollup.leftOut,
    unread: rollup.unread,
    indicators: rollup.indicators,
    findings: rollup.findings,
    report: {
      title: report.title,
      sections: report.sections.map((s) => ({
        heading: s.heading,
        level: s.level,
        paragraphs: s.paragraphs.map((p) => ({
          text: p.text,
          sources: p.sources.map((src) => ({
            text: src.text,
            start: src.start,
            end: src.end,
            kind: src.kind,
            cell: `${src.sheet}!${src.cell}`,
            from: src.cells.flatMap((c) => rollup.trace[`${src.sheet}!${c}`] ?? []),
          })),
        })),
      })),
    },
  };
}
