/**
 * The fill corpus scored (test/corpus/README.md):
 *   npm run bench:corpus            (= npm run build:cli && node lib/bench/corpus.bench.js)
 *   node lib/bench/corpus.bench.js [report|sentence|both] [--check]
 * Prints, per report, fillable / right / wrong / blank / right%, then every wrong fill and
 * every blank with fillDraft's reason, in text order, so two runs can be diffed. Default mode
 * "both": the whole report text (the main score), then each sentence on its own.
 * --check first lists disagreements between the corpus and its workbooks (there should be none).
 * Asserts nothing (test/corpus/corpus.test.ts does).
 */
import { CORPUS } from "../test/corpus";
import { corpusProblems } from "../test/corpus/check";
import { ScoreMode, scoreCorpus, scoreText } from "../test/corpus/score";

function main(): void {
  const args = process.argv.slice(2);
  const modeArg = args.find((a) => !a.startsWith("--")) ?? "both";
  const modes: ScoreMode[] = modeArg === "both" ? ["report", "sentence"] : [modeArg as ScoreMode];
  const problems = CORPUS.flatMap((r) => corpusProblems(r));
  if (problems.length || args.includes("--check")) {
    console.log(`corpus problems (${problems.length}):`);
    for (const p of problems) console.log(`  ${p}`);
    console.log("");
  }
  modes.forEach((mode, i) => {
    if (i > 0) console.log("\n" + "=".repeat(72) + "\n");
    console.log(scoreText(scoreCorpus(mode)));
  });
}

main();
