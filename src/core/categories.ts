/**
 * Lines of work (条线): which words put a table or an indicator into which category,
 * and how the report names each one.
 */
import { Category } from "./model";
import { normalizeForMatch } from "./text";

/** Tried in order: vaccination before insurance (接种 has nothing to do with 保险), etc. */
const CATEGORY_WORDS: [Category, RegExp][] = [
  [
    "vaccination",
    /疫苗|接种|免疫|剂次|针次|加强针|第[一二三1-3]剂|第[一二三1-3]针|vaccin|immuni[sz]/,
  ],
  ["insurance", /医保|医疗保险|养老|社保|社会保险|参保|续保|保险|缴费|征缴|退休|insurance|pension/],
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
