/** What the report module needs from an analysis to write phrases as the narrative does. */
import { cellsInDoubt } from "../findings";
import { Analysis } from "../model";
import { NarrativeContext } from "../narrative";

/** As the narrative: cells with an error, or a number in doubt (a 元/万元 slip), are not quoted. */
export function flaggedCellsOf(analysis: Analysis): Set<string> {
  return cellsInDoubt(analysis.findings);
}

export function narrativeContextOf(analysis: Analysis, decimals?: number): NarrativeContext {
  const ctx: NarrativeContext = {
    options: decimals === undefined ? analysis.options : { ...analysis.options, decimals },
    months: analysis.months,
  };
  if (analysis.year !== undefined) ctx.year = analysis.year;
  return ctx;
}
