/**
 * An indicator named by a template ({城镇新增就业}) or an item of the 报告配置 sheet, or why
 * not: the one lookup behind both, with its reasons from the message catalogue.
 */
import { CodedText } from "../errors";
import { Indicator } from "../model";
import { say } from "./messages";
import { IndicatorCatalog, describeEntry } from "./names";

export type NamedIndicator =
  { kind: "found"; indicator: Indicator } | { kind: "none"; reason: CodedText };

const cellText = (c: { sheet: string; cell: string }) => `${c.sheet}!${c.cell}`;

/**
 * `categories`: the name may also be a category (就业, 社保…), so an unknown name says which
 * categories there are.
 */
export function indicatorNamed(
  catalog: IndicatorCatalog,
  name: string,
  options: { categories?: boolean } = {}
): NamedIndicator {
  const found = catalog.lookupQuotable(name);
  if (found.kind === "found") return { kind: "found", indicator: found.entry.indicator };
  if (found.kind === "conflict")
    return {
      kind: "none",
      reason: say("AMBIGUOUS_INDICATOR", { name, cells: found.cells.map(cellText) }),
    };
  if (found.kind === "ambiguous")
    return {
      kind: "none",
      reason: say("AMBIGUOUS_INDICATOR", {
        name,
        names: [...new Set(found.entries.map(describeEntry))].join("、"),
      }),
    };
  return {
    kind: "none",
    reason: say("UNKNOWN_INDICATOR", {
      name,
      like: catalog.suggestions(name),
      ...(options.categories ? { categories: true } : {}),
    }),
  };
}
