/**
 * Scoring fillDraft on the corpus. Each report's draft is filled against its workbook
 * (samples/corpus-workbooks.ts) two ways:
 *   "report"    the whole report text at once (section context; the main score);
 *   "sentence"  each sentence with an X on its own.
 * Every placeholder is then
 *   right  filled with the answer (numbers compared after parsing: 863 = 863.0, 863 ≠ 863.4);
 *   wrong  filled with any other number, or filled where the answer is null;
 *   blank  the answer is a value but the X was left (or skipped, or not seen at all);
 *   kept   the answer is null and the X was left (what a correct fill does).
 */
import { Analysis, analyzeWorkbook } from "../../src/core";
import { FillItem, fillDraft, withoutReportConfig } from "../../src/core/report";
import { toWorkbookModel } from "../../src/xlsx/read-workbook";
import { buildCorpusWorkbook, corpusWorkbookSpec } from "../../samples/corpus-workbooks";
import { PlaceholderCase, corpusCases, findRow } from "./check";
import { CORPUS } from "./index";
import { CorpusReport } from "./types";

export type ScoreMode = "report" | "sentence";
export type Outcome = "right" | "wrong" | "blank" | "kept";

export interface CaseResult extends PlaceholderCase {
  outcome: Outcome;
  /** The fill item at this X's offsets, if fillDraft listed one. */
  status?: FillItem["status"];
  got?: string;
  /** The answer's value (null: must stay X). */
  want: string | null;
  /** The cell of the answer's row ("sheet!C7"). */
  wantCell?: string;
  reason?: string;
  reasonCode?: string;
  /** What fillDraft said it used. */
  indicator?: string;
  field?: string;
  cell?: string;
}

export interface ReportScore {
  report: string;
  mode: ScoreMode;
  /** Placeholders whose answer is a value. */
  fillable: number;
  right: number;
  wrong: number;
  blank: number;
  /** Placeholders whose answer is null. */
  nulls: number;
  kept: number;
  cases: CaseResult[];
}

/** The analysis of a report's workbook, as the CLI makes it. */
export function corpusAnalysis(id: string): Analysis {
  const spec = corpusWorkbookSpec(id);
  const model = toWorkbookModel(buildCorpusWorkbook(id));
  return analyzeWorkbook(withoutReportConfig(model), { period: spec.months });
}

function numeric(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const clean = text.replace(/[,，\s]/g, "");
  if (!/^[-−]?\d+(\.\d+)?$/.test(clean)) return undefined;
  return Number(clean.replace("−", "-"));
}

function judge(c: PlaceholderCase, item: FillItem | undefined): CaseResult {
  const want = c.answer.value;
  const rows = c.answer.value !== null ? findRow(corpusWorkbookSpec(c.report), c.answer) : [];
  const base: CaseResult = {
    ...c,
    outcome: "blank",
    want,
    wantCell: rows[0]?.cell,
    status: item?.status,
    got: item?.status === "filled" ? item.value : undefined,
    reason: item ? item.reason : "fillDraft listed no item at this X",
    reasonCode: item ? item.reasonCode : "NO_ITEM",
    indicator: item?.indicator,
    field: item?.fieldZh ?? item?.field,
    cell: item?.cell,
  };
  const filled = item?.status === "filled";
  if (want === null) return { ...base, outcome: filled ? "wrong" : "kept" };
  if (!filled) return base;
  const got = numeric(item?.value);
  const accepted = [want, ...(c.answer.value !== null ? (c.answer.alt ?? []) : [])].map(Number);
  return { ...base, outcome: got !== undefined && accepted.includes(got) ? "right" : "wrong" };
}

function tally(report: string, mode: ScoreMode, cases: CaseResult[]): ReportScore {
  const count = (o: Outcome): number => cases.filter((c) => c.outcome === o).length;
  return {
    report,
    mode,
    fillable: cases.filter((c) => c.want !== null).length,
    right: count("right"),
    wrong: count("wrong"),
    blank: count("blank"),
    nulls: cases.filter((c) => c.want === null).length,
    kept: count("kept"),
    cases,
  };
}

/** Fills one report and judges each of its placeholders. */
export function scoreReport(
  report: CorpusReport,
  mode: ScoreMode,
  analysis = corpusAnalysis(report.id)
): ReportScore {
  const cases = corpusCases(report);
  const results: CaseResult[] = [];
  if (mode === "report") {
    const items = fillDraft(report.text, analysis).items;
    const at = new Map(items.map((i) => [i.start, i]));
    for (const c of cases) {
      const item = at.get(c.start);
      results.push(judge(c, item && item.end === c.end ? item : undefined));
    }
  } else {
    const bySentence = new Map<number, PlaceholderCase[]>();
    for (const c of cases)
      bySentence.set(c.sentenceIndex, [...(bySentence.get(c.sentenceIndex) ?? []), c]);
    for (const [, group] of [...bySentence].sort((a, b) => a[0] - b[0])) {
      const items = fillDraft(group[0].sentence, analysis).items;
      const at = new Map(items.map((i) => [i.start, i]));
      for (const c of group) {
        const item = at.get(c.sentenceStart);
        results.push(
          judge(c, item && item.end - item.start === c.end - c.start ? item : undefined)
        );
      }
    }
  }
  return tally(report.id, mode, results);
}

export interface CorpusScore {
  mode: ScoreMode;
  reports: ReportScore[];
  total: Omit<ReportScore, "cases" | "report" | "mode">;
}

export function scoreCorpus(
  mode: ScoreMode = "report",
  reports: CorpusReport[] = CORPUS
): CorpusScore {
  const scored = reports.map((r) => scoreReport(r, mode));
  const sum = (k: "fillable" | "right" | "wrong" | "blank" | "nulls" | "kept"): number =>
    scored.reduce((s, r) => s + r[k], 0);
  return {
    mode,
    reports: scored,
    total: {
      fillable: sum("fillable"),
      right: sum("right"),
      wrong: sum("wrong"),
      blank: sum("blank"),
      nulls: sum("nulls"),
      kept: sum("kept"),
    },
  };
}

/** "…发展三批党员共[X]人，…": the sentence around a placeholder, with the X marked. */
export function marked(c: PlaceholderCase, around = 18): string {
  const s = c.sentence;
  const from = Math.max(0, c.sentenceStart - around);
  const x = c.end - c.start;
  const to = Math.min(s.length, c.sentenceStart + x + around);
  return `${from > 0 ? "…" : ""}${s.slice(from, c.sentenceStart)}[${s.slice(c.sentenceStart, c.sentenceStart + x)}]${s.slice(c.sentenceStart + x, to)}${to < s.length ? "…" : ""}`;
}

export function percent(right: number, fillable: number): string {
  return fillable ? `${((right / fillable) * 100).toFixed(1)}%` : "-";
}

/** The score as stable text: the table, then every wrong and every blank (for diffs). */
export function scoreText(score: CorpusScore): string {
  const lines: string[] = [];
  lines.push(`mode: ${score.mode}`);
  lines.push("report  fillable  right  wrong  blank  right%   nulls  kept");
  const row = (name: string, r: CorpusScore["total"]): string =>
    `${name.padEnd(7)} ${String(r.fillable).padStart(8)} ${String(r.right).padStart(6)} ${String(r.wrong).padStart(6)} ${String(r.blank).padStart(6)}  ${percent(r.right, r.fillable).padStart(6)}  ${String(r.nulls).padStart(6)} ${String(r.kept).padStart(5)}`;
  for (const r of score.reports) lines.push(row(r.report, r));
  lines.push(row("all", score.total));
  const all = score.reports.flatMap((r) => r.cases);
  const wrongs = all.filter((c) => c.outcome === "wrong");
  lines.push("", `wrong (${wrongs.length}):`);
  for (const c of wrongs) {
    const want =
      c.answer.value === null
        ? `X (${c.answer.why})`
        : `${c.want} (${c.answer.indicator} ${c.wantCell ?? ""})`;
    lines.push(`  ${c.report} ${marked(c)}`);
    lines.push(
      `      got ${c.got} [${c.indicator ?? "?"} ${c.field ?? ""} ${c.cell ?? ""}]  want ${want}`
    );
  }
  const blanks = all.filter((c) => c.outcome === "blank");
  lines.push("", `blank (${blanks.length}):`);
  for (const c of blanks) {
    const a = c.answer;
    lines.push(`  ${c.report} ${marked(c)}`);
    lines.push(
      `      want ${c.want} (${a.value !== null ? `${a.indicator} ${a.field} ${c.wantCell ?? ""}` : ""})  ${c.status ?? "-"} ${c.reasonCode ?? ""}: ${c.reason ?? ""}`
    );
  }
  const byCode = new Map<string, number>();
  for (const c of blanks)
    byCode.set(c.reasonCode ?? "-", (byCode.get(c.reasonCode ?? "-") ?? 0) + 1);
  lines.push("", "blank by reason code:");
  for (const [code, n] of [...byCode].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])))
    lines.push(`  ${String(n).padStart(4)}  ${code}`);
  return lines.join("\n");
}
