/**
 * The fill corpus (README.md): fillDraft on four real reports against their ledgers.
 *   - The corpus agrees with its texts and workbooks (a broken corpus fails here, not below).
 *   - No placeholder is filled with a wrong number: not in the whole report, not in a sentence
 *     filled on its own. A wrong fill is worse than a blank.
 *   - The right fills of each report (whole text) do not drop below baseline.json; raise the
 *     baseline when the matcher improves (npm run bench:corpus prints today's numbers).
 */
import * as fs from "fs";
import * as path from "path";
import { CORPUS } from "./index";
import { corpusProblems } from "./check";
import { CaseResult, marked, scoreCorpus } from "./score";

const BASELINE: Record<string, { right: number }> = JSON.parse(
  fs.readFileSync(path.join(__dirname, "baseline.json"), "utf8")
);

function describeWrong(c: CaseResult): string {
  const want = c.want === null ? `X (${c.answer.value === null ? c.answer.why : ""})` : c.want;
  return `${c.report} ${marked(c)}: got ${c.got}, want ${want} [${c.indicator ?? "?"} ${c.field ?? ""} ${c.cell ?? ""}]`;
}

describe("fill corpus", () => {
  test.each(CORPUS.map((r) => [r.id, r] as const))(
    "corpus %s agrees with its text and workbook",
    (_id, report) => {
      expect(corpusProblems(report)).toEqual([]);
    }
  );

  const byReport = scoreCorpus("report");
  const bySentence = scoreCorpus("sentence");

  test("no wrong fill in the whole reports", () => {
    const wrong = byReport.reports.flatMap((r) => r.cases.filter((c) => c.outcome === "wrong"));
    expect(wrong.map(describeWrong)).toEqual([]);
  });

  test("no wrong fill in sentences filled on their own", () => {
    const wrong = bySentence.reports.flatMap((r) => r.cases.filter((c) => c.outcome === "wrong"));
    expect(wrong.map(describeWrong)).toEqual([]);
  });

  test("right fills do not drop below the baseline", () => {
    const drops = byReport.reports
      .filter((r) => r.right < (BASELINE[r.report]?.right ?? 0))
      .map((r) => `${r.report}: ${r.right} right, baseline ${BASELINE[r.report].right}`);
    expect(drops).toEqual([]);
  });

  test("every report has a baseline", () => {
    expect(CORPUS.map((r) => r.id).filter((id) => BASELINE[id] === undefined)).toEqual([]);
  });
});
