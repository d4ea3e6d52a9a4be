/**
 * Where a district indicator stands in the district's report: its line of work, read from
 * where the units put it (the heading a row stands under, its 类别, its table's own title),
 * not only from the words of its name. A row under 安全生产 named 企业安全生产检查 is a
 * 安全生产 indicator although 企业 is a word of 投资; a row under 民生保障 (a heading that
 * gathers several lines of work) keeps the line its name says.
 */
import { categoryOfText, sectionTitleOfTable } from "../categories";
import { lineOfItsOwn } from "../lexicon/district";
import { Category, Indicator } from "../model";
import { UnitAnalysis } from "./model";

/** Where one unit puts a row: a known line of work, or a line of its own under a title. */
export interface Placement {
  category: Category;
  /** The title of a line of work of its own (安全生产): the district section's heading. */
  title?: string;
}

/** What a unit's workbook says a row is under: its heading, else its 类别, else its table's title. */
function saidOf(i: Indicator, tableTitles: Map<string, string>): string | undefined {
  return i.section[i.section.length - 1]?.title ?? i.context ?? tableTitles.get(i.tableId);
}

/**
 * Whether a table's title names a line of work: "白鹭街道2023年工作台账" leaves only 工作, a sheet
 * titled 2023年1月 only its month; neither is a section of the district's report.
 */
function namesALine(title: string): boolean {
  return title.replace(/工作$/, "").replace(/^\d{1,2}月份?$/, "").length >= 2;
}

/** Reads the units' placements; one reader a unit, as it needs the unit's other rows. */
export class UnitPlacements {
  private readonly tableTitles: Map<string, string>;
  /** Per title said: how many of its rows have no known line of work by their own name. */
  private readonly under = new Map<string, { other: number; all: number }>();

  constructor(analysis: UnitAnalysis) {
    this.tableTitles = new Map();
    for (const t of analysis.tables) {
      const title = sectionTitleOfTable(t.title);
      if (title && namesALine(title)) this.tableTitles.set(t.id, title);
    }
    for (const i of analysis.indicators) {
      const said = saidOf(i, this.tableTitles);
      if (said === undefined || i.parentId) continue;
      const count = this.under.get(said) ?? { other: 0, all: 0 };
      count.all++;
      if (i.category === "other") count.other++;
      this.under.set(said, count);
    }
  }

  of(i: Indicator): Placement {
    const said = saidOf(i, this.tableTitles);
    const own = lineOfItsOwn(i.name);
    if (said !== undefined) {
      const named = categoryOfText(said);
      if (named) return { category: named };
      // A title that names no line of work is one of its own (安全生产) when its words say so;
      // a row of no line by its name stands under it. A row whose name says 投资 only by a
      // word like 企业 or 项目 (检查企业) stands under it too when most of its rows name no
      // line either; otherwise the title gathers lines (民生保障) and the row keeps its own.
      const count = this.under.get(said);
      const mostlyOther = count !== undefined && count.other * 2 > count.all;
      if (
        lineOfItsOwn(said) ||
        i.category === "other" ||
        (i.category === "investment" && mostlyOther)
      )
        return { category: "other", title: said };
      if (own) return { category: "other", title: own };
      return { category: i.category };
    }
    // Nothing said around it: a name of a line of its own outweighs an incidental word.
    if (own) return { category: "other", title: own };
    return { category: i.category };
  }
}

/**
 * The district's placement: the one most units give (the first unit's on a tie); a line of
 * its own takes the title most of those units write.
 */
export function districtPlacement(placements: Placement[]): Placement {
  const key = (p: Placement) => (p.category === "other" ? "other" : p.category);
  const counts = new Map<string, number>();
  for (const p of placements) counts.set(key(p), (counts.get(key(p)) ?? 0) + 1);
  let best = key(placements[0]);
  for (const [k, n] of counts) if (n > (counts.get(best) ?? 0)) best = k;
  if (best !== "other") return { category: best as Category };
  // 安全生产 and 安全生产工作 are one title: the form most units write.
  const titles = new Map<string, Map<string, number>>();
  for (const p of placements) {
    if (p.category !== "other" || !p.title) continue;
    const forms = titles.get(p.title.replace(/工作$/, "")) ?? new Map<string, number>();
    forms.set(p.title, (forms.get(p.title) ?? 0) + 1);
    titles.set(p.title.replace(/工作$/, ""), forms);
  }
  const total = (forms: Map<string, number>) => [...forms.values()].reduce((a, b) => a + b, 0);
  let chosen: Map<string, number> | undefined;
  for (const forms of titles.values()) if (!chosen || total(forms) > total(chosen)) chosen = forms;
  if (!chosen) return { category: "other" };
  let title = "";
  for (const [form, n] of chosen) if (!title || n > (chosen.get(title) ?? 0)) title = form;
  return { category: "other", title };
}
