import { scoreCorpus, marked } from "./score";
test("score", () => {
  const s = scoreCorpus("report");
  const lines: string[] = [];
  for (const r of s.reports) {
    lines.push(`${r.report}: right ${r.right} wrong ${r.wrong} blank ${r.blank}`);
    for (const c of r.cases) if (c.outcome === "wrong" || c.outcome === "blank") lines.push(`  ${c.outcome} ${marked(c)} want ${c.want} got ${c.got} [${c.indicator} ${c.field} ${c.cell}] | ${(c as any).reason ?? ""}`);
  }
  require("fs").writeFileSync("/tmp/probe/score.txt", lines.join("\n"));
});
