/**
 * Table discovery: every Excel table, and every plain range whose header row holds indicator
 * header words, with its title rows, a "单位：万元" line, one- or two-row headers and its extent.
 */
import { rangeToA1 } from "./address";
import { sheetRange } from "./transpose";
import { categoryOfTitle } from "./categories";
import { BREAKDOWN_HEADER, HeaderMeaning, classifyHeader, periodInText } from "./headers";
import { Category, ColumnRole, IndicatorTable, ReportPeriod, TableColumn } from "./model";
import { compactName, normalizeForMatch, toHalfWidth } from "./text";
import { normalizeUnit } from "./units";
import { CellRange, SheetModel, cellAt, sheetWidth } from "./workbook";

/** A discovered table and where its rows are; the public part is `table`. */
export interface TableLayout {
  table: IndicatorTable;
  sheet: SheetModel;
  /** 0-based sheet rows of the data, inclusive. */
  dataTop: number;
  dataBottom: number;
  /** Unit written in a column header, e.g. "完成（万元）". */
  headerUnits: Map<number, string>;
  /** Category named by the title, table name or sheet name (not by indicator names). */
  namedCategory?: Category;
  /** Year named in the title or headers (2023年). */
  year?: number;
  merges: MergeIndex;
  /**
   * A breakdown of one indicator by place ("各社区城镇新增就业": 社区 | 目标 | 完成 … 合计): its
   * rows are parts, its 合计 row is the indicator, named by `subject` from the title.
   */
  breakdown?: { subject?: string };
}

/** Lines under a table that end it: "注：…", "填报人：…". */
const NOTE_ROW =
  /^(注|备注|说明|填报人|制表人?|审核人?|数据来源|资料来源|统计员|联系电话|负责人|单位负责人|填表人?|填报日期|制表日期)\d?[:：]/;
const UNIT_LINE = /^(计量)?单位[:：](.+)$/;
const TITLE_LINES_ABOVE = 4;

/**
 * Which merged range, if any, covers a cell. The ranges are kept as areas, filed under the
 * 64-row × 16-column blocks they touch; a range touching more than 64 blocks is checked
 * directly. A merge of the whole sheet costs one entry, not 17 billion.
 */
export class MergeIndex {
  private readonly blocks = new Map<number, CellRange[]>();
  private readonly rowBlocks = new Map<number, CellRange[]>();
  private readonly large: CellRange[] = [];
  constructor(merges: CellRange[]) {
    for (const m of merges) {
      const r0 = m.top >> 6;
      const r1 = m.bottom >> 6;
      const c0 = m.left >> 4;
      const c1 = m.right >> 4;
      if ((r1 - r0 + 1) * (c1 - c0 + 1) > 64) {
        this.large.push(m);
        continue;
      }
      for (let r = r0; r <= r1; r++) {
        file(this.rowBlocks, r, m);
        for (let c = c0; c <= c1; c++) file(this.blocks, r * 1024 + c, m);
      }
    }
  }
  at(row: number, col: number): CellRange | undefined {
    const near = this.blocks.get((row >> 6) * 1024 + (col >> 4));
    if (near) for (const m of near) if (covers(m, row, col)) return m;
    for (const m of this.large) if (covers(m, row, col)) return m;
    return undefined;
  }
  /** The ranges that cover some cell of a row. */
  onRow(row: number): CellRange[] {
    const near = this.rowBlocks.get(row >> 6) ?? [];
    return [...near, ...this.large].filter((m) => row >= m.top && row <= m.bottom);
  }
}

function file(map: Map<number, CellRange[]>, key: number, merge: CellRange): void {
  const list = map.get(key);
  if (list) list.push(merge);
  else map.set(key, [merge]);
}

function covers(m: CellRange, row: number, col: number): boolean {
  return row >= m.top && row <= m.bottom && col >= m.left && col <= m.right;
}

interface SheetView {
  sheet: SheetModel;
  merges: MergeIndex;
  width: number;
}

function textAt(view: SheetView, row: number, col: number): string {
  const value = cellAt(view.sheet, row, col)?.value;
  return typeof value === "string" ? toHalfWidth(value) : "";
}

/** The text a merged cell shows, read from its top-left (master) cell. */
function shownAt(view: SheetView, row: number, col: number): string {
  const merge = view.merges.at(row, col);
  return merge ? textAt(view, merge.top, merge.left) : textAt(view, row, col);
}

function isNumeric(view: SheetView, row: number, col: number): boolean {
  return typeof cellAt(view.sheet, row, col)?.value === "number";
}

function isBlank(view: SheetView, row: number, left: number, right: number): boolean {
  for (let c = left; c <= right; c++) {
    const value = cellAt(view.sheet, row, c)?.value;
    if (
      value !== null &&
      value !== undefined &&
      !(typeof value === "string" && value.trim() === "")
    )
      return false;
  }
  return true;
}

function nonEmptyColumns(view: SheetView, row: number, left: number, right: number): number[] {
  const cols: number[] = [];
  for (let c = left; c <= right; c++) if (!isBlank(view, row, c, c)) cols.push(c);
  return cols;
}

interface HeaderGuess {
  meanings: Map<number, HeaderMeaning>;
  texts: Map<number, string>;
}

function classifyRow(texts: Map<number, string>): HeaderGuess {
  const meanings = new Map<number, HeaderMeaning>();
  for (const [col, text] of texts) {
    const meaning = classifyHeader(text);
    if (meaning) meanings.set(col, meaning);
  }
  resolveYearColumns(texts, meanings);
  return { meanings, texts };
}

/** A header that is a year and nothing else: "2024年", "2024年度", "2024". */
const YEAR_ONLY = /^\s*(20\d{2})\s*年?度?\s*$/;
/** The header over the years' labels, in a table of a row a year: "年度", "年份". */
const YEAR_LABEL = /^\s*(?:年度|年份|年|时间|期间)\s*$/;

/**
 * With "2022年完成" beside "2023年完成", the earlier year is last year's value. Headers that are
 * only years ("2023年 | 2024年", or the rows of a table that runs across) are the latest year's
 * value and the year before's, and 年度 over them labels the rows.
 */
function resolveYearColumns(
  texts: Map<number, string>,
  meanings: Map<number, HeaderMeaning>
): void {
  const years = new Map<number, number>();
  for (const [col, text] of texts) {
    const year = /(20\d{2})/.exec(text);
    if (year) years.set(col, Number(year[1]));
  }
  if (new Set(years.values()).size < 2) return;
  const latest = Math.max(...years.values());
  let yearOnly = 0;
  for (const [col, year] of years) {
    const meaning = meanings.get(col);
    if (YEAR_ONLY.test(texts.get(col) ?? "") && (!meaning || meaning.role === "actual")) {
      if (year === latest) meanings.set(col, { role: "actual" });
      else if (year === latest - 1) meanings.set(col, { role: "previous" });
      else meanings.delete(col);
      yearOnly++;
      continue;
    }
    if (meaning && year < latest && meaning.role === "actual") meaning.role = "previous";
  }
  if (yearOnly < 2) return;
  for (const [col, text] of texts)
    if (YEAR_LABEL.test(text) && !years.has(col)) meanings.set(col, { role: "name" });
}

function looksLikeHeader(guess: HeaderGuess, numericCells: number): boolean {
  const roles = new Set([...guess.meanings.values()].map((m) => m.role));
  const hasValue = roles.has("target") || roles.has("actual");
  return hasValue && roles.size >= 2 && numericCells <= 1;
}

function rowTexts(
  view: SheetView,
  row: number,
  left: number,
  right: number,
  above?: number
): Map<number, string> {
  const texts = new Map<number, string>();
  for (let c = left; c <= right; c++) {
    const own = shownAt(view, row, c);
    const band = above === undefined ? "" : shownAt(view, above, c);
    const merge = view.merges.at(row, c);
    // A cell merged down from the band row shows the band's text once, not twice.
    const text = merge && above !== undefined && merge.top <= above ? own : `${band}${own}`;
    if (text !== "") texts.set(c, text);
  }
  return texts;
}

function countNumeric(view: SheetView, row: number, left: number, right: number): number {
  let n = 0;
  for (let c = left; c <= right; c++) if (isNumeric(view, row, c)) n++;
  return n;
}

/** A row of group headers above the header row ("2023年" over 目标 and 完成). */
function isHeaderBand(
  view: SheetView,
  band: number,
  header: number,
  left: number,
  right: number
): boolean {
  if (band < 0 || countNumeric(view, band, left, right) > 0) return false;
  const filled = nonEmptyColumns(view, band, left, right);
  if (filled.length === 0) return false;
  for (let c = left; c <= right; c++) {
    const merge = view.merges.at(header, c);
    if (merge && merge.top <= band) return true;
  }
  return filled.length >= 2;
}

/** A row of sub-headers below the header row ("本期" and "上年同期" under 完成情况). */
function isSubHeader(view: SheetView, row: number, left: number, right: number): boolean {
  if (row >= view.sheet.rows.length || countNumeric(view, row, left, right) > 0) return false;
  let classified = 0;
  for (let c = left; c <= right; c++) {
    const merge = view.merges.at(row, c);
    if (merge && merge.top < row) continue;
    if (classifyHeader(textAt(view, row, c))) classified++;
  }
  return classified >= 1;
}

interface HeaderBlock {
  /** First and last header rows. */
  top: number;
  bottom: number;
  guess: HeaderGuess;
}

function readHeaderBlock(
  view: SheetView,
  row: number,
  left: number,
  right: number,
  allowBand: boolean
): HeaderBlock | undefined {
  const single = classifyRow(rowTexts(view, row, left, right));
  if (!looksLikeHeader(single, countNumeric(view, row, left, right))) {
    // The row may be the lower half of a two-row header whose upper half names the columns.
    if (allowBand && isHeaderBand(view, row - 1, row, left, right)) {
      const combined = classifyRow(rowTexts(view, row, left, right, row - 1));
      if (looksLikeHeader(combined, countNumeric(view, row, left, right)))
        return { top: row - 1, bottom: row, guess: combined };
    }
    return undefined;
  }
  if (isSubHeader(view, row + 1, left, right)) {
    const combined = classifyRow(rowTexts(view, row + 1, left, right, row));
    if (looksLikeHeader(combined, 0)) return { top: row, bottom: row + 1, guess: combined };
  }
  if (allowBand && isHeaderBand(view, row - 1, row, left, right)) {
    const combined = classifyRow(rowTexts(view, row, left, right, row - 1));
    if (looksLikeHeader(combined, 0) && combined.meanings.size >= single.meanings.size)
      return { top: row - 1, bottom: row, guess: combined };
  }
  return { top: row, bottom: row, guess: single };
}

/** Picks one column per role; for the completed value the latest period wins. */
/**
 * Among several completed-value columns the year-to-date one wins: the latest period
 * ("1—10月" over "1—9月"), a 累计 column over single months ("1月", "2月", …).
 */
function actualScore(column: {
  header: string;
  period?: ReportPeriod;
  singleMonth?: boolean;
}): number {
  const cumulative = /累计|合计|全年|截至|截止|total|ytd/i.test(column.header) ? 500 : 0;
  const yearToDate = column.period && !column.singleMonth ? 200 : 0;
  return cumulative + yearToDate + (column.period?.months ?? 0) * 10;
}

/**
 * Beside "1—10月", a "1—9月" column is the previous month's year-to-date value: the latest
 * cumulative period before the chosen one. Year-to-date values never go down.
 */
function priorPeriodColumn(
  block: HeaderBlock,
  left: number,
  right: number,
  actual: { col: number; period?: ReportPeriod; singleMonth?: boolean } | undefined
): TableColumn | undefined {
  const months = actual?.period?.months;
  // Single months ("5月", "6月") may be each month's own figure, which may well go down.
  if (!actual || months === undefined || actual.singleMonth) return undefined;
  let best: { col: number; months: number } | undefined;
  for (let c = left; c <= right; c++) {
    const meaning = block.guess.meanings.get(c);
    const m = meaning?.period?.months;
    if (c === actual.col || meaning?.role !== "actual" || meaning.singleMonth) continue;
    if (m === undefined || m >= months) continue;
    if (!best || m > best.months) best = { col: c, months: m };
  }
  return (
    best && { role: "priorPeriod", col: best.col, header: block.guess.texts.get(best.col) ?? "" }
  );
}

function chooseColumns(
  view: SheetView,
  block: HeaderBlock,
  left: number,
  right: number,
  dataTop: number
): TableColumn[] {
  const chosen = new Map<
    ColumnRole,
    TableColumn & { period?: ReportPeriod; singleMonth?: boolean }
  >();
  for (let c = left; c <= right; c++) {
    const meaning = block.guess.meanings.get(c);
    if (!meaning) continue;
    const column = {
      role: meaning.role,
      col: c,
      header: block.guess.texts.get(c) ?? "",
      period: meaning.period,
      singleMonth: meaning.singleMonth,
    };
    const current = chosen.get(meaning.role);
    if (!current) chosen.set(meaning.role, column);
    else if (meaning.role === "actual" && actualScore(column) > actualScore(current))
      chosen.set(meaning.role, column);
    else if (
      meaning.role === "name" &&
      !chosen.has("category") &&
      groupsTheNext(view, current.col, c, dataTop)
    ) {
      // "项目 | 内容": the projects each span several rows of 内容 (征地, 拆迁房屋): 内容 names the
      // rows, 项目 is what they belong to, as a 类别 column would say.
      chosen.set("category", { ...current, role: "category" });
      chosen.set("name", column);
    }
  }
  const prior = priorPeriodColumn(block, left, right, chosen.get("actual"));
  if (prior) chosen.set("priorPeriod", prior);
  if (!chosen.has("name")) {
    const nameCol = guessNameColumn(
      view,
      new Set([...chosen.values()].map((c) => c.col)),
      left,
      right,
      dataTop
    );
    if (nameCol !== undefined)
      chosen.set("name", {
        role: "name",
        col: nameCol,
        header: block.guess.texts.get(nameCol) ?? "",
      });
  }
  return [...chosen.values()]
    .map(({ role, col, header }) => ({ role, col, header }))
    .sort((a, b) => a.col - b.col);
}

/** Without a 指标 header, the name is the leftmost unclaimed column holding text. */
/**
 * Whether the text in column `outer` spans runs of rows (merged, left blank below, or repeated)
 * within which column `inner` names different things: outer groups the rows, inner names them.
 */
function groupsTheNext(view: SheetView, outer: number, inner: number, dataTop: number): boolean {
  const text = (r: number, c: number) => {
    const value = cellAt(view.sheet, r, c)?.value;
    return typeof value === "string" && /[\u4e00-\u9fffA-Za-z]/.test(value) ? value.trim() : "";
  };
  let group = "";
  let names = new Set<string>();
  let grouped = 0;
  let rows = 0;
  const end = Math.min(view.sheet.rows.length, dataTop + 60);
  for (let r = dataTop; r < end; r++) {
    const name = text(r, inner);
    const own = text(r, outer);
    if (!name) {
      if (own) return false; // a group without a row of its own: not this layout
      continue;
    }
    rows++;
    if (own && own !== group) {
      if (names.size > 1) grouped++;
      group = own;
      names = new Set();
    } else if (!group) return false;
    if (names.has(name)) return false;
    names.add(name);
  }
  if (names.size > 1) grouped++;
  return rows >= 3 && grouped >= 1;
}

function guessNameColumn(
  view: SheetView,
  taken: Set<number>,
  left: number,
  right: number,
  dataTop: number
): number | undefined {
  for (let c = left; c <= right; c++) {
    if (taken.has(c)) continue;
    let texts = 0;
    for (let r = dataTop; r < Math.min(dataTop + 5, view.sheet.rows.length); r++) {
      const value = cellAt(view.sheet, r, c)?.value;
      if (typeof value === "string" && /[\u4e00-\u9fffA-Za-z]/.test(value)) texts++;
    }
    if (texts > 0) return c;
  }
  return undefined;
}

function periodOfColumns(block: HeaderBlock, columns: TableColumn[]): ReportPeriod | undefined {
  const actual = columns.find((c) => c.role === "actual");
  return actual ? block.guess.meanings.get(actual.col)?.period : undefined;
}

interface TitleInfo {
  title?: string;
  unit?: string;
  period?: ReportPeriod;
  lines: string[];
}

/** Title lines above a table: a merged title, "单位：万元", "（2023年1—10月）". */
function readTitleLines(
  view: SheetView,
  headerTop: number,
  left: number,
  right: number,
  floor: number
): TitleInfo {
  const info: TitleInfo = { lines: [] };
  let blankRun = 0;
  for (let r = headerTop - 1; r >= Math.max(floor, headerTop - TITLE_LINES_ABOVE); r--) {
    const filled = nonEmptyColumns(view, r, Math.max(0, left - 1), right);
    if (filled.length === 0) {
      if (++blankRun > 1) break;
      continue;
    }
    blankRun = 0;
    if (filled.length > 2 || countNumeric(view, r, left, right) > 0) break;
    for (const c of filled) {
      const text = textAt(view, r, c).trim();
      if (text === "") continue;
      const compact = text.replace(/\s+/g, "");
      const unit = UNIT_LINE.exec(compact);
      if (unit) info.unit = normalizeUnit(unit[2].split(/[,，、;；]/)[0]);
      else if (!/^(填报|报送|制表|统计)/.test(compact) && !NOTE_ROW.test(compact))
        info.lines.unshift(text);
    }
  }
  for (const line of info.lines) info.period = info.period ?? periodInText(line);
  info.title =
    info.lines.find((l) => /表|情况|指标|统计|台账|汇总|目标|完成/.test(l)) ?? info.lines[0];
  return info;
}

/** "2023年" in any of the texts; else a bare 2023 in a title line ("Key indicators 2023"). */
/** "表1 2023年各社区城镇新增就业完成情况" → "城镇新增就业": the indicator a breakdown table is about. */
export function subjectOfTitle(title: string): string | undefined {
  const subject = compactName(title)
    .replace(/^(附?表\s*[0-9一二三四五六七八九十]+[：:.、]?)/, "")
    .replace(/[（(][^)）]*[)）]/g, "")
    .replace(/^.*?(20\d{2}|[〇一二三四五六七八九]{4})年(度)?/, "")
    .replace(/^(1[-—–~至]\d{1,2}月|全年|上半年)/, "")
    .replace(/^.*?(各|分)(社区|村|网格|小区|部门|单位|企业|街道|乡镇)(居)?/, "")
    .replace(/(工作)?(完成|进展|推进)?(情况|统计|汇总|一览)?(表|明细)?$/, "");
  return subject === "" ? undefined : subject;
}

function yearOf(texts: string[], titleLines: string[]): number | undefined {
  for (const text of texts) {
    const match = /(20\d{2})\s*年/.exec(toHalfWidth(text));
    if (match) return Number(match[1]);
  }
  for (const line of titleLines) {
    const match = /(?<![\d.])(20\d{2})(?![\d.%])/.exec(toHalfWidth(line));
    if (match) return Number(match[1]);
  }
  return undefined;
}

function isNoteRow(view: SheetView, row: number, left: number, right: number): boolean {
  for (let c = left; c <= right; c++) {
    const text = textAt(view, row, c).replace(/\s+/g, "");
    if (text !== "") return NOTE_ROW.test(text);
  }
  return false;
}

function buildLayout(
  view: SheetView,
  block: HeaderBlock,
  left: number,
  right: number,
  dataTop: number,
  dataBottom: number,
  source: IndicatorTable["source"],
  tableName: string | undefined,
  titleFloor: number
): TableLayout | undefined {
  const columns = chooseColumns(view, block, left, right, dataTop);
  if (!columns.some((c) => c.role === "name")) return undefined;
  const titleInfo = readTitleLines(view, block.top, left, right, titleFloor);
  const range = rangeToA1(
    sheetRange(view.sheet, {
      top: block.top,
      left,
      bottom: Math.max(dataBottom, block.bottom),
      right,
    })
  );
  const headerUnits = new Map<number, string>();
  for (const column of columns) {
    const unit = block.guess.meanings.get(column.col)?.unit;
    if (unit) headerUnits.set(column.col, normalizeUnit(unit));
  }
  // A sheet named "2024年1-10月" (one sheet a month) says the period its headers leave out.
  const period =
    periodOfColumns(block, columns) ?? titleInfo.period ?? periodInText(view.sheet.name);
  const namedCategory =
    categoryOfTitle(titleInfo.title ?? "") ??
    categoryOfTitle(tableName ?? "") ??
    categoryOfTitle(view.sheet.name);
  const table: IndicatorTable = {
    id: `${view.sheet.name}!${range}`,
    sheet: view.sheet.name,
    name: tableName ?? titleInfo.title ?? `${view.sheet.name}!${range}`,
    range,
    source,
    category: namedCategory ?? "other",
    columns,
  };
  if (view.sheet.transposed) table.transposed = view.sheet.transposed;
  if (titleInfo.title) table.title = titleInfo.title;
  if (period) table.period = period;
  if (titleInfo.unit) table.unit = titleInfo.unit;
  const year = yearOf(
    [...titleInfo.lines, ...block.guess.texts.values(), tableName ?? "", view.sheet.name],
    titleInfo.lines
  );
  const nameHeader = columns.find((c) => c.role === "name")?.header ?? "";
  const breakdown = BREAKDOWN_HEADER.test(normalizeForMatch(nameHeader))
    ? { subject: subjectOfTitle(titleInfo.title ?? tableName ?? "") }
    : undefined;
  return {
    table,
    sheet: view.sheet,
    dataTop,
    dataBottom,
    headerUnits,
    namedCategory,
    breakdown,
    year,
    merges: view.merges,
  };
}

function excelTableLayouts(view: SheetView): TableLayout[] {
  const layouts: TableLayout[] = [];
  for (const def of view.sheet.tables) {
    const { top, left, bottom, right } = def.range;
    const headerRow = def.hasHeaderRow ? top : top - 1;
    if (headerRow < 0) continue;
    const block = readHeaderBlock(view, headerRow, left, right, true);
    if (!block) continue;
    const dataTop = Math.max(top + (def.hasHeaderRow ? 1 : 0), block.bottom + 1);
    const layout = buildLayout(
      view,
      block,
      left,
      right,
      dataTop,
      bottom,
      "excel-table",
      def.name,
      0
    );
    if (layout) layouts.push(layout);
  }
  return layouts;
}

function insideAny(ranges: CellRange[], row: number, col: number): boolean {
  return ranges.some((r) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right);
}

/**
 * The columns of a row that show something: its cells, and the first and last column of each
 * merge across it (the columns between show the same text). Only what exists is visited, so a
 * lone cell at XFD1048576 does not make every row 16 384 columns wide.
 */
function shownColumns(view: SheetView, row: number, taken: CellRange[]): number[] {
  const cells = view.sheet.rows[row] ?? [];
  const merges = view.merges.onRow(row);
  // Most rows have no merge: their cells are the candidates, already in column order.
  let candidates: number[] = [];
  for (let c = 0; c < cells.length; c++) if (cells[c] !== undefined) candidates.push(c);
  if (merges.length > 0) {
    const all = new Set(candidates);
    for (const m of merges) {
      if (m.left >= view.width) continue;
      all.add(m.left);
      all.add(Math.min(m.right, view.width - 1));
    }
    candidates = [...all].sort((a, b) => a - b);
  }
  const takenHere = taken.filter((r) => row >= r.top && row <= r.bottom);
  const cols: number[] = [];
  for (const c of candidates) {
    if (c < 0 || insideAny(takenHere, row, c)) continue;
    if (shownAt(view, row, c) !== "" || !isBlank(view, row, c, c)) cols.push(c);
  }
  return cols;
}

/** A column that separates two tables side by side: empty in the header row and the row below. */
function isSeparator(view: SheetView, row: number, col: number): boolean {
  return (
    shownAt(view, row, col) === "" &&
    isBlank(view, row, col, col) &&
    isBlank(view, row + 1, col, col)
  );
}

/** Runs of filled columns in a candidate header row; two tables side by side give two runs. */
function headerSegments(
  view: SheetView,
  row: number,
  taken: CellRange[]
): { left: number; right: number }[] {
  const cols = shownColumns(view, row, taken);
  const segments: { left: number; right: number }[] = [];
  for (const col of cols) {
    const last = segments[segments.length - 1];
    let joined = false;
    if (last) {
      joined = true;
      for (let c = last.right + 1; c < col; c++) if (isSeparator(view, row, c)) joined = false;
    }
    if (joined && last) last.right = col;
    else segments.push({ left: col, right: col });
  }
  return segments.filter((s) => s.right > s.left || view.merges.at(row, s.left) !== undefined);
}

/**
 * The columns a header segment spans: widened to the right by group cells and sub-headers (up to
 * the next segment), and to the left by a name column without a header.
 */
function headerExtent(
  view: SheetView,
  row: number,
  segment: { left: number; right: number },
  limit: number,
  taken: CellRange[]
) {
  let { left, right } = segment;
  for (let c = left; c <= right; c++)
    right = Math.max(right, view.merges.at(row, c)?.right ?? right);
  const below = row + 1;
  if (below < view.sheet.rows.length && countNumeric(view, below, left, limit) === 0) {
    const under = shownColumns(view, below, taken).filter((c) => c >= left && c <= limit);
    if (under.length > 0 && under[0] <= right + 1) right = Math.max(right, under[under.length - 1]);
  }
  while (
    left > 0 &&
    shownAt(view, row, left - 1) === "" &&
    typeof cellAt(view.sheet, below, left - 1)?.value === "string"
  ) {
    left--;
  }
  return { left, right: Math.min(right, limit) };
}

function dataBottomOf(
  view: SheetView,
  dataTop: number,
  left: number,
  right: number,
  taken: CellRange[]
): number {
  let dataBottom = dataTop - 1;
  for (let d = dataTop; d < view.sheet.rows.length; d++) {
    if (isBlank(view, d, left, right) || isNoteRow(view, d, left, right)) break;
    if (d > dataTop && readHeaderBlock(view, d, left, right, false)) break;
    if (insideAny(taken, d, left)) break;
    dataBottom = d;
  }
  return dataBottom;
}

function plainRangeLayouts(view: SheetView, excelTables: CellRange[]): TableLayout[] {
  const layouts: TableLayout[] = [];
  const taken = [...excelTables];
  for (let r = 0; r < view.sheet.rows.length; r++) {
    const segments = headerSegments(view, r, taken);
    segments.forEach((segment, i) => {
      const limit = i + 1 < segments.length ? segments[i + 1].left - 1 : view.width - 1;
      const { left, right } = headerExtent(view, r, segment, limit, taken);
      const block = readHeaderBlock(view, r, left, right, true);
      if (!block) return;
      const dataTop = block.bottom + 1;
      const dataBottom = dataBottomOf(view, dataTop, left, right, taken);
      const layout = buildLayout(
        view,
        block,
        left,
        right,
        dataTop,
        dataBottom,
        "range",
        undefined,
        0
      );
      if (!layout) return;
      layouts.push(layout);
      taken.push({ top: block.top, left, bottom: Math.max(dataBottom, block.bottom), right });
    });
  }
  return layouts;
}

/** Every indicator table of a sheet: its Excel tables first, then plain ranges outside them. */
export function discoverTables(sheet: SheetModel): TableLayout[] {
  const view: SheetView = { sheet, merges: new MergeIndex(sheet.merges), width: sheetWidth(sheet) };
  const fromTables = excelTableLayouts(view);
  const taken = sheet.tables.map((t) => t.range);
  const fromRanges = plainRangeLayouts(view, taken);
  return [...fromTables, ...fromRanges].sort((a, b) => a.dataTop - b.dataTop);
}

/** Used by the indicator reader: is this text a header word (a repeated header row)? */
export function isHeaderWord(text: string): boolean {
  return classifyHeader(normalizeForMatch(text)) !== undefined;
}
