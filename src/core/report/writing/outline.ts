/**
 * The report's outline, kept in the workbook: a sheet named 报告配置 (or 报告大纲, 报告提纲)
 * with a table of sections —
 *
 *   序号/编号   标题              指标或类别                      模板 (optional)
 *   一、        就业和社会保障
 *   （一）      就业工作          就业
 *   （二）      社会保险          城乡居民医保缴费人数、续保率
 *   1.          固定资产投资                                      全年完成{固定资产投资}…
 *
 * 序号 gives the heading level (一、 → 1, （一） → 2, 1. → 3, （1） → 4); headings are numbered
 * again when the report is written, so the numbers only need the right form. 指标或类别 lists
 * indicator names (separated by 、，; or spaces) or category words (就业, 社保, 疫苗接种,
 * 经济, 其他); 模板 is a template (template.ts) and wins over the list. A row with neither
 * 序号 nor 标题 adds a paragraph to the section above. A "报告标题：…" line above the table
 * names the report. Without such a sheet the outline is one section per category in the
 * order 就业, 社会保险, 疫苗接种, 投资与经济, 其他, with the engine's paragraphs.
 */
import { toA1 } from "../../address";
import { CATEGORY_TITLES } from "../../categories";
import { HEADING_NUMBER, HeadingLevel, levelOfNumber } from "../../lexicon/numbering";
import { Analysis, CATEGORIES, Category, CellRef, Finding } from "../../model";
import { displayText, normalizeForMatch } from "../../text";
import { SheetModel, WorkbookModel, cellAt, sheetWidth } from "../../workbook";
import { CodedText } from "../../errors";
import { indicatorNamed } from "../lookup";
import { say, severityOf } from "../messages";
import { IndicatorCatalog, canon } from "../names";
import { RenderContext, parseTemplate, renderContext, renderTemplate } from "./template";

export type { HeadingLevel };

export type OutlineItem =
  | { kind: "category"; category: Category; text: string }
  /** One of the workbook's own sections (analysis.sections), by its index. */
  | { kind: "section"; index: number; text: string; category?: Category }
  | { kind: "indicator"; indicatorId: string; name: string; text: string };

/** One paragraph of a section: a template, or the indicators and categories to write about. */
export interface OutlineBlock {
  items: OutlineItem[];
  template?: string;
  /** Cell of the template, or of the 指标或类别 text. */
  ref?: CellRef;
}

export interface OutlineSection {
  level: HeadingLevel;
  title: string;
  blocks: OutlineBlock[];
  /** The row's 标题 cell (or its first cell) in the 报告配置 sheet. */
  ref?: CellRef;
}

export interface Outline {
  source: "sheet" | "default";
  /** The sheet it was read from. */
  sheet?: string;
  /** "报告标题：…" from the sheet, if written. */
  title?: string;
  sections: OutlineSection[];
  /**
   * The sentence of one indicator, set in a row with one indicator and a 模板 but no 序号 or
   * 标题: written in place of the engine's clause wherever that indicator is written.
   */
  clauses: OutlineClause[];
  /** Unknown indicators or categories, template errors, unreadable numbers (sheet + cell). */
  findings: Finding[];
}

export interface OutlineClause {
  indicatorId: string;
  template: string;
  ref: CellRef;
}

export const REPORT_CONFIG_SHEET_NAMES = [
  "报告配置",
  "报告大纲",
  "报告提纲",
  "报告结构",
  "报告模板",
];

export function isReportConfigSheet(name: string): boolean {
  return REPORT_CONFIG_SHEET_NAMES.includes(normalizeForMatch(name));
}

export function findReportConfigSheet(workbook: WorkbookModel): SheetModel | undefined {
  return workbook.sheets.find((s) => isReportConfigSheet(s.name));
}

/** The workbook without its 报告配置 sheet, for analyzeWorkbook: the outline is no indicator table. */
export function withoutReportConfig(workbook: WorkbookModel): WorkbookModel {
  return { ...workbook, sheets: workbook.sheets.filter((s) => !isReportConfigSheet(s.name)) };
}

// ---------------------------------------------------------------------------
// Findings

function finding(
  severity: Finding["severity"],
  code: string,
  ref: CellRef,
  problem: CodedText,
  indicator?: string
): Finding {
  const text = say("OUTLINE_AT", { cell: `${ref.sheet}!${ref.cell}`, problem });
  const f: Finding = {
    severity,
    code,
    message: text.zh,
    messageEn: text.en,
    sheet: ref.sheet,
    cell: ref.cell,
  };
  if (indicator) f.indicator = indicator;
  return f;
}

// ---------------------------------------------------------------------------
// Headings and categories

const TITLE_NUMBER = HEADING_NUMBER.beforeTitle;
export { levelOfNumber };

const CATEGORY_WORDS: Record<Category, string[]> = {
  employment: ["就业", "就业工作", "就业创业", "就业和创业", "就业与创业", "employment"],
  insurance: [
    "社保",
    "社保工作",
    "社会保险",
    "社会保险工作",
    "社会保障",
    "医保",
    "养老",
    "养老保险",
    "医疗保险",
    "insurance",
  ],
  vaccination: ["疫苗", "疫苗接种", "疫苗接种工作", "免疫接种", "接种", "vaccination"],
  investment: [
    "投资",
    "经济",
    "投资与经济",
    "投资与经济发展",
    "投资和经济",
    "经济发展",
    "经济工作",
    "investment",
    "economy",
  ],
  other: ["其他", "其它", "其他工作", "other"],
};

export function categoryOfWord(word: string): Category | undefined {
  const w = normalizeForMatch(word);
  for (const category of CATEGORIES) {
    if (CATEGORY_WORDS[category].includes(w)) return category;
    if (normalizeForMatch(CATEGORY_TITLES[category].zh) === w) return category;
  }
  return undefined;
}

const ITEM_SEPARATORS = /[、，,;；\n/|\u3000]+|\s{1,}/;

// ---------------------------------------------------------------------------
// Reading the sheet

type Role = "number" | "title" | "items" | "template";

const HEADER_WORDS: [Role, RegExp][] = [
  ["template", /模板|模版|自定义文字/],
  ["items", /指标|类别|内容/],
  ["number", /^(序号|编号|层级|级别|章节号|标号|标题序号)$/],
  ["title", /^(标题|章节标题|小标题|章节名称|章节|名称)$/],
];
const TITLE_LINE = /^(?:报告标题|报告名称|标题)[:：]\s*(.+)$/;

function text(sheet: SheetModel, row: number, col: number | undefined): string {
  if (col === undefined) return "";
  const value = cellAt(sheet, row, col)?.value;
  return value === null || value === undefined ? "" : displayText(value).trim();
}

function findHeader(sheet: SheetModel): { row: number; cols: Map<Role, number> } | undefined {
  const width = sheetWidth(sheet);
  for (let row = 0; row < Math.min(sheet.rows.length, 20); row++) {
    const cols = new Map<Role, number>();
    for (let col = 0; col < width; col++) {
      const t = normalizeForMatch(text(sheet, row, col));
      if (t === "" || TITLE_LINE.test(t)) continue;
      for (const [role, re] of HEADER_WORDS)
        if (!cols.has(role) && re.test(t)) {
          cols.set(role, col);
          break;
        }
    }
    if (cols.has("title") && (cols.has("items") || cols.has("template"))) return { row, cols };
  }
  return undefined;
}

function findTitle(sheet: SheetModel, beforeRow: number): string | undefined {
  const width = sheetWidth(sheet);
  for (let row = 0; row < beforeRow; row++)
    for (let col = 0; col < width; col++) {
      const t = text(sheet, row, col).normalize("NFKC");
      const m = TITLE_LINE.exec(t);
      if (m) return m[1].trim();
      if (/^(报告标题|报告名称)[:：]?$/.test(t)) {
        const next = text(sheet, row, col + 1);
        if (next) return next;
      }
    }
  return undefined;
}

interface ItemsContext {
  catalog: IndicatorCatalog;
  findings: Finding[];
}

function parseItems(raw: string, ref: CellRef, ctx: ItemsContext): OutlineItem[] {
  const items: OutlineItem[] = [];
  for (const part of raw.split(ITEM_SEPARATORS)) {
    const word = part.trim();
    if (!word) continue;
    const exact = ctx.catalog.entries.filter(
      (e) => e.full === canon(word) || e.core === canon(word)
    );
    const category = categoryOfWord(word);
    if (exact.length === 0 && category) {
      items.push({ kind: "category", category, text: word });
      continue;
    }
    const named = indicatorNamed(ctx.catalog, word, "outline");
    if (named.kind === "found") {
      items.push({
        kind: "indicator",
        indicatorId: named.indicator.id,
        name: named.indicator.name,
        text: word,
      });
      continue;
    }
    const code = named.reason.code;
    ctx.findings.push(finding(severityOf(code), code, ref, named.reason, word));
  }
  return items;
}

function checkTemplate(template: string, ref: CellRef, render: RenderContext, findings: Finding[]) {
  const parsed = parseTemplate(template);
  const result = renderTemplate(parsed, render.analysis, render);
  for (const e of result.errors)
    findings.push(
      finding(e.code === "NO_VALUE" ? "warning" : "error", `OUTLINE_TEMPLATE_${e.code}`, ref, {
        code: e.code,
        zh: e.message,
        en: e.messageEn,
      })
    );
}

/**
 * The outline from the workbook's 报告配置 sheet, or the default one when there is none.
 * `analysis` is the analysis of the workbook (names are checked against its indicators).
 */
export function parseOutline(workbook: WorkbookModel, analysis: Analysis): Outline {
  const sheet = findReportConfigSheet(workbook);
  if (!sheet) return defaultOutline(analysis);
  const header = findHeader(sheet);
  if (!header) {
    const outline = defaultOutline(analysis);
    outline.findings.push(
      finding(
        "warning",
        "OUTLINE_NO_HEADER",
        { sheet: sheet.name, cell: "A1" },
        say("OUTLINE_NO_HEADER", {})
      )
    );
    return outline;
  }
  const findings: Finding[] = [];
  const render = renderContext(analysis);
  const items: ItemsContext = { catalog: render.catalog, findings };
  const { cols } = header;
  const sections: OutlineSection[] = [];
  const clauses: OutlineClause[] = [];
  for (let row = header.row + 1; row < sheet.rows.length; row++) {
    const numberText = text(sheet, row, cols.get("number"));
    let title = text(sheet, row, cols.get("title"));
    const itemsText = text(sheet, row, cols.get("items"));
    const template = text(sheet, row, cols.get("template"));
    if (!numberText && !title && !itemsText && !template) continue;
    const refOf = (role: Role): CellRef => ({
      sheet: sheet.name,
      cell: toA1(row, cols.get(role) ?? cols.get("title") ?? 0),
    });
    const block: OutlineBlock = { items: [] };
    if (template && itemsText && !numberText && !title) {
      // One indicator and its own sentence: a clause, not a paragraph.
      const named = parseItems(itemsText, refOf("items"), items);
      if (named.length === 1 && named[0].kind === "indicator") {
        const ref = refOf("template");
        checkTemplate(template, ref, render, findings);
        clauses.push({ indicatorId: named[0].indicatorId, template, ref });
        continue;
      }
    }
    if (template) {
      block.template = template;
      block.ref = refOf("template");
      checkTemplate(template, block.ref, render, findings);
    } else if (itemsText) {
      block.ref = refOf("items");
      block.items = parseItems(itemsText, block.ref, items);
    }
    if (!numberText && !title) {
      const last = sections[sections.length - 1];
      if (last) last.blocks.push(block);
      else sections.push({ level: 1, title: "", blocks: [block], ref: refOf("title") });
      continue;
    }
    let level = numberText ? levelOfNumber(numberText) : undefined;
    const titleNumber = TITLE_NUMBER.exec(title);
    if (titleNumber) {
      level = level ?? levelOfNumber(titleNumber[1]);
      title = title.slice(titleNumber[0].length);
    }
    if (numberText && !levelOfNumber(numberText) && !/^\d+$/.test(numberText))
      findings.push(
        finding(
          "warning",
          "OUTLINE_BAD_NUMBER",
          refOf("number"),
          say("OUTLINE_BAD_NUMBER", { number: numberText })
        )
      );
    level = level ?? sections[sections.length - 1]?.level ?? 1;
    sections.push({
      level,
      title,
      blocks: block.template || block.items.length ? [block] : [],
      ref: refOf("title"),
    });
  }
  // Only clauses: the workbook's own sections, with those sentences.
  const outline: Outline =
    sections.length === 0 && clauses.length > 0
      ? { ...defaultOutline(analysis), source: "sheet", sheet: sheet.name, clauses, findings }
      : { source: "sheet", sheet: sheet.name, sections, clauses, findings };
  const title = findTitle(sheet, header.row);
  if (title) outline.title = title;
  return outline;
}

/** One level-1 section per category that has a paragraph, in the usual order. */
export function defaultOutline(analysis: Analysis): Outline {
  const sections: OutlineSection[] = [];
  let previous: string[] = [];
  analysis.sections.forEach((section, index) => {
    if (section.paragraphs.length === 0 && section.omitted.length === 0) return;
    const titles = section.path.map((h) => h.title);
    // Headings above this one that the previous section did not open: 一、 before its first （一）.
    const shared = titles.findIndex((t, i) => previous[i] !== t);
    const from = shared < 0 ? titles.length - 1 : shared;
    for (let depth = from; depth < titles.length - 1; depth++)
      sections.push({
        level: levelAt(depth),
        title: titles[depth],
        blocks: [],
        ref: section.path[depth].ref,
      });
    const last = section.path[section.path.length - 1];
    sections.push({
      level: levelAt(section.path.length - 1),
      title: section.title,
      blocks: [{ items: [sectionItem(analysis, index)] }],
      ...(last ? { ref: last.ref } : {}),
    });
    previous = titles;
  });
  return { source: "default", sections, clauses: [], findings: [] };
}

/** A workbook section as an outline item; one of a line of work keeps its category (for its name). */
function sectionItem(analysis: Analysis, index: number): OutlineItem {
  const section = analysis.sections[index];
  const byCategory =
    section.path.length === 1 && section.title === CATEGORY_TITLES[section.category].zh;
  return byCategory
    ? { kind: "section", index, text: section.title, category: section.category }
    : { kind: "section", index, text: section.title };
}

function levelAt(depth: number): HeadingLevel {
  return Math.min(depth + 1, 4) as HeadingLevel;
}
