/**
 * An indicator named by a template ({城镇新增就业}) or an item of the 报告配置 sheet, or why
 * not: the one lookup behind both, with its reasons from the message catalogue.
 */
import { CodedText } from "../errors";
import { Indicator } from "../model";
import { say } from "./messages";
import { IndicatorCatalog, describeEntry } from "./names";

/** Why no indicator: a name the lookup does not know, or one that fits several. */
export type NotNamed = CodedText & {
  code:
    "UNKNOWN_INDICATOR" | "AMBIGUOUS_INDICATOR" | "OUTLINE_UNKNOWN_ITEM" | "OUTLINE_AMBIGUOUS_ITEM";
};

export type NamedIndicator =
  { kind: "found"; indicator: Indicator } | { kind: "none"; reason: NotNamed };

const cellText = (c: { sheet: string; cell: string }) => `${c.sheet}!${c.cell}`;

/**
 * `where`: a template ({城镇新增就业}) or an item of the 报告配置 sheet, which may also name a
 * category (就业, 社保…): its messages say so.
 */
export function indicatorNamed(
  catalog: IndicatorCatalog,
  name: string,
  where: "template" | "outline" = "template"
): NamedIndicator {
  const found = catalog.lookupQuotable(name);
  if (found.kind === "found") return { kind: "found", indicator: found.entry.indicator };
  const ambiguous = where === "outline" ? "OUTLINE_AMBIGUOUS_ITEM" : "AMBIGUOUS_INDICATOR";
  if (found.kind === "conflict")
    return { kind: "none", reason: say(ambiguous, { name, cells: found.cells.map(cellText) }) };
  if (found.kind === "ambiguous")
    return {
      kind: "none",
      reason: say(ambiguous, {
        name,
        names: [...new Set(found.entries.map(describeEntry))].join("、"),
      }),
    };
  const unknown = where === "outline" ? "OUTLINE_UNKNOWN_ITEM" : "UNKNOWN_INDICATOR";
  return { kind: "none", reason: say(unknown, { name, like: catalog.suggestions(name) }) };
}
