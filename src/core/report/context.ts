/** What the report module needs from an analysis to write phrases as the narrative does. */
import { Analysis } from "../model";
import { NarrativeContext } from "../narrative";

export function narrativeContextOf(analysis: Analysis, decimals?: number): NarrativeContext {
  const ctx: NarrativeContext = {
    options: decimals === undefined ? analysis.options : { ...analysis.options, decimals },
    months: analysis.months,
  };
  if (analysis.year !== undefined) ctx.year = analysis.year;
  return ctx;
}
