/**
 * Lines of work (条线): which words put a table or an indicator into which category,
 * and how the report names each one.
 */
import { Category, IndicatorTable } from "./model";
import { normalizeForMatch } from "./text";

/** Tried in order: vaccination before insurance (接种 has nothing to do with 保险), etc. */
const CATEGORY_WORDS: [Category, RegExp][] = [
  [
    "vaccination",
    /疫苗|接种|免疫|剂次|针次|加强针|第[一二三1-3]剂|第[一二三1-3]针|vaccin|immuni[sz]/,
  ],
  [
    "insurance",
    /医保|医疗保险|养老|社保|社会保险|社会保障|参保|续保|保险|缴费|征缴|退休|insurance|pension/,
  ],
  ["employment", /就业|失业|再就业|创业|招聘|岗位|职业技能|技能培训|劳动力|用工|employ|job/],
  [
    "investment",
    /投资|四上|规上|规模以上|限上|限额以上|企业|销售额|营业收入|营业额|产值|增加值|税收|财政|招商|项目|零售|批发|餐饮|住宿|房地产|建筑业|工业|服务业|经济|gdp|invest|revenue|sales|output|economy|econom/,
  ],
];

/** The category a text speaks of, or undefined when it names none. */
export function categoryOfText(text: string): Category | undefined {
  const t = normalizeForMatch(text);
  if (t === "") return undefined;
  for (const [category, words] of CATEGORY_WORDS) if (words.test(t)) return category;
  return undefined;
}

/** Titles of tables that span several lines of work: "主要经济社会指标", "重点工作汇总". */
const GENERIC_TITLE = /经济社会|社会经济|综合|主要指标|重点工作|汇总|总表|各项|全部|目标任务/;

/** The category a table's title, name or sheet name gives all its rows, unless it is a general one. */
export function categoryOfTitle(text: string): Category | undefined {
  const t = normalizeForMatch(text);
  if (GENERIC_TITLE.test(t)) return undefined;
  // "就业和社保工作指标" names two lines of work: let each row's name decide.
  const named = CATEGORY_WORDS.filter(([, words]) => words.test(t));
  return named.length === 1 ? named[0][0] : undefined;
}

/** Sheet names that hold no single line of work: summaries, ledgers, copies, periods. */
const GENERIC_SHEET =
  /汇总|总表|总体|综合|主要|重点|台账|备份|旧|勿用|草稿|副本|报表|统计|数据|目标|任务|^sheet|^工作表|^表|\d|[一二三四五六七八九十]+月/;

/**
 * The line of work a sheet is named by ("安全生产", "消防", "城市管理"), or undefined for a
 * sheet that holds no single one (汇总, 2023年台账, 11月备份, Sheet1). Rows of one name on two
 * sheets of two lines of work are two indicators (检查企业 of 安全生产 and of 消防).
 */
export function lineOfWorkOfSheet(sheet: string): string | undefined {
  const t = normalizeForMatch(sheet).replace(/(?:工作)?(?:指标|情况|工作)$/, "");
  if (t.length < 2 || t.length > 8 || GENERIC_SHEET.test(t)) return undefined;
  return t;
}

/** A sheet of the whole office (合计, 汇总, 全街道…) beside sheets of its places. */
const WHOLE_SHEET = /合计|汇总|总计|总表|全街道|全镇|全乡|全办|全区/;
/** A sheet of one place of the office: a 社区, 村, 小区 or 网格. */
const PLACE_SHEET = /社区|村|小区|网格|居委会|片区/;

/** Whether a sheet holds the whole office's figures (合计) rather than one place's. */
export function isWholeSheet(sheet: string): boolean {
  return WHOLE_SHEET.test(sheet) && !PLACE_SHEET.test(sheet);
}

/** Whether a sheet holds one place's figures (东湖社区, 一村). */
export function isPlaceSheet(sheet: string): boolean {
  return PLACE_SHEET.test(sheet) && !WHOLE_SHEET.test(sheet);
}

/** Two rows on two sheets named by two lines of work: never one indicator. */
export function onSheetsOfTwoLines(a: { sheet: string }, b: { sheet: string }): boolean {
  if (a.sheet === b.sheet) return false;
  const lineA = lineOfWorkOfSheet(a.sheet);
  const lineB = lineOfWorkOfSheet(b.sheet);
  return !!lineA && !!lineB && lineA !== lineB;
}

/** Values written in a 类别 column: "就业", "社保", "Employment". */
export function categoryOfLabel(text: string): Category | undefined {
  const found = categoryOfText(text);
  if (found) return found;
  const t = normalizeForMatch(text);
  return t === "其他" || t === "other" || t === "others" ? "other" : undefined;
}

export const CATEGORY_TITLES: Record<Category, { zh: string; en: string }> = {
  employment: { zh: "就业工作", en: "Employment" },
  insurance: { zh: "社会保险工作", en: "Social insurance" },
  vaccination: { zh: "疫苗接种工作", en: "Vaccination" },
  investment: { zh: "投资与经济发展", en: "Investment and economy" },
  other: { zh: "其他工作", en: "Other work" },
};

/** Words around a table title's subject: the office, the year and period, 完成情况表 and the like. */
const TITLE_NOISE_BEFORE = /^.*?(街道|办事处|街办|镇|乡)(?=.)/;
const TITLE_NOISE =
  /(\d{4}|[〇一二三四五六七八九零]{4})年度?|1\s*[-—–~至]\s*\d{1,2}月(份)?|[上下]半年|前三季度|[一二三四]季度|截[至止]\d{1,2}月底?|月度|季度|年度/g;
const TITLE_TAIL =
  /(主要)?(工作)?(指标|任务|目标)?(完成|进展|落实|推进)?(情况|进度)?(统计|汇总|明细|一览)?(表|台账|清单)?$/;

/**
 * The subject a table's title names, as a report section: "XX街道2023年安全生产工作完成情况表"
 * → 安全生产工作. Undefined for a generic title ("主要经济社会指标") or none.
 */
export function sectionTitleOfTable(title: string | undefined): string | undefined {
  if (!title) return undefined;
  let t = compactTitle(title).replace(TITLE_NOISE_BEFORE, "").replace(TITLE_NOISE, "");
  const before = t;
  t = t.replace(TITLE_TAIL, "");
  if (
    before.endsWith("工作") ||
    /工作(指标|任务|目标|完成|进展|落实|推进|情况|进度|统计|汇总|明细|一览|表|台账|清单)/.test(
      before
    )
  )
    t = t.endsWith("工作") ? t : `${t}工作`;
  if (t.length < 2 || t.length > 16 || GENERIC_TITLE.test(t) || /^sheet\d*$/i.test(t))
    return undefined;
  return t;
}

function compactTitle(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, "");
}

/**
 * Tables of no known line of work named by their own title, or an Excel table's name
 * (安全生产): they are sections of their own, in the workbook's order.
 */
export function tableSectionTitles(tables: IndicatorTable[]): { id: string; title: string }[] {
  return tables.flatMap((table) => {
    if (table.category !== "other") return [];
    const title =
      sectionTitleOfTable(table.title) ??
      (table.source === "excel-table" && !/^(table|表)\d*$/i.test(table.name)
        ? sectionTitleOfTable(table.name)
        : undefined);
    return title ? [{ id: table.id, title }] : [];
  });
}

/**
 * The broad parts a summary groups many lines of work under, as the seeds do ("五、改善民生…
 * （一）民政工作（二）劳动保障…"). A line of one of the categories goes to that category's part
 * (就业, 医保, 疫苗 → 民生保障; 投资, 税收 → 经济发展), read by the category's own words; the
 * words below name the lines the categories do not. Party work and public safety are tried
 * first: 企业安全生产 is safety's, not the economy's.
 */
const PARTS_BEFORE_CATEGORIES: { title: string; words: RegExp }[] = [
  { title: "党的建设", words: /党建|党员|党风|廉政|纪检|组织|统战|宣传|精神文明/ },
  {
    title: "平安建设和社会治理",
    words:
      /安全|消防|应急|信访|矛盾|纠纷|综治|平安|征兵|兵役|城管|城市管理|市容|河长|河湖|环保|环境|生态|治理|禁毒|网格|防汛|森林/,
  },
];

const PART_OF_CATEGORY: Partial<Record<Category, string>> = {
  employment: "民生保障",
  insurance: "民生保障",
  vaccination: "民生保障",
  investment: "经济发展",
};

const PARTS_AFTER_CATEGORIES: { title: string; words: RegExp }[] = [
  {
    title: "民生保障",
    words:
      /民政|低保|救助|残|卫健|卫生|健康|计生|人口|文化|教育|体育|退役军人|双拥|优抚|妇女|儿童|老龄/,
  },
  { title: "经济发展", words: /农业|产业|商贸/ },
];

/** The broad part of a line of work ("民政" → 民生保障), or undefined when none fits. */
export function reportPartOf(line: string): string | undefined {
  const t = normalizeForMatch(line);
  const first = PARTS_BEFORE_CATEGORIES.find((p) => p.words.test(t));
  if (first) return first.title;
  const category = categoryOfText(t);
  const ofCategory = category ? PART_OF_CATEGORY[category] : undefined;
  if (ofCategory) return ofCategory;
  return PARTS_AFTER_CATEGORIES.find((p) => p.words.test(t))?.title;
}
