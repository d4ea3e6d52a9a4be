/**
 * The engine's own paragraphs are report text in the house style: blanking their numbers to
 * X and filling them must give the numbers back, and checking them must confirm every number
 * and notice any number changed beyond rounding. Run on every sample workbook.
 */
import { Analysis, Paragraph, analyzeWorkbook } from "../../../../src/core";
import { formatNumber } from "../../../../src/core/format";
import { checkDraft, fillDraft } from "../../../../src/core/report";
import { toWorkbookModel } from "../../../../src/xlsx/read-workbook";
import { buildLedgerWorkbook } from "../../../../samples/ledger-workbook";
import { buildProblemWorkbook } from "../../../../samples/problem-workbook";
import { buildReportWorkbook } from "../../../../samples/report-workbook";
import { buildSampleWorkbook } from "../../../../samples/sample-workbook";

const workbooks = {
  sample: () => toWorkbookModel(buildSampleWorkbook()),
  problems: () => toWorkbookModel(buildProblemWorkbook()),
  report: () => toWorkbookModel(buildReportWorkbook()),
  ledger: () => toWorkbookModel(buildLedgerWorkbook()),
};

const cases = Object.entries(workbooks).flatMap(([name, build]) =>
  [12, 6].map((period) => [name, period, build] as const)
);

function blanked(p: Paragraph): string {
  let text = p.text;
  for (const s of [...p.sources].reverse())
    text = `${text.slice(0, s.start)}X${s.text.endsWith("%") ? "%" : ""}${text.slice(s.end)}`;
  return text;
}

describe.each(cases)("%s workbook, %i months", (_name, period, build) => {
  let analysis: Analysis;
  beforeAll(() => {
    analysis = analyzeWorkbook(build(), { period });
  });

  it("fills the engine's paragraphs back from X, with no wrong number", () => {
    let total = 0;
    const wrong: string[] = [];
    const missing: string[] = [];
    const flagged = new Set(
      analysis.findings.filter((f) => f.severity === "error").map((f) => `${f.sheet}!${f.cell}`)
    );
    for (const p of analysis.paragraphs) {
      const result = fillDraft(blanked(p), analysis);
      expect(result.items).toHaveLength(p.sources.length);
      result.items.forEach((item, k) => {
        const want = p.sources[k].text.replace(/%$/, "");
        total++;
        // A rate or growth the table states otherwise (an error to fix) is left on purpose.
        if (item.reasonCode === "STATED_MISMATCH") {
          const cell = /（([^（）]+)）$/.exec(item.reason ?? "")?.[1];
          expect(flagged.has(cell ?? "")).toBe(true);
        } else if (item.status !== "filled") missing.push(`${want}: ${item.reason}`);
        else if (item.value !== want) wrong.push(`${item.value} ≠ ${want}: ${item.sentence}`);
        else expect(item.cell).toBe(`${p.sources[k].sheet}!${p.sources[k].cell}`);
      });
    }
    expect(total).toBeGreaterThan(20);
    expect(wrong).toEqual([]);
    expect(missing).toEqual([]);
  });

  it("confirms every number of the engine's paragraphs", () => {
    for (const p of analysis.paragraphs) {
      const result = checkDraft(p.text, analysis);
      expect(result.mismatches).toEqual([]);
      expect(result.unchecked).toEqual([]);
      expect(result.confirmed).toHaveLength(p.sources.length);
    }
  });

  it("notices every number changed by half", () => {
    const missed: string[] = [];
    for (const p of analysis.paragraphs)
      for (const s of p.sources) {
        const written = s.text.replace(/%$/, "");
        const decimals = written.includes(".") ? written.split(".")[1].length : 0;
        const changed = formatNumber(Number(written) * 1.5, decimals);
        const text =
          p.text.slice(0, s.start) + s.text.replace(written, changed) + p.text.slice(s.end);
        const result = checkDraft(text, analysis);
        if (!result.mismatches.some((m) => m.start <= s.start && m.end > s.start))
          missed.push(text.slice(Math.max(0, s.start - 12), s.end + 4));
      }
    expect(missed).toEqual([]);
  });
});
