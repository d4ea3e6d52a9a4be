/**
 * The words of a district roll-up (汇总): what the units are called, how a district total is
 * introduced, ranks, who is behind. Writing and reading side by side: a unit's name is read
 * from a title or a 填报单位 line with the same words it is written with.
 */

import type { Direction } from "../model";
import { Frame, LEADING_VERBS } from "./frames";

/** Kinds of reporting unit, most specific first: a name ending so is a unit of that kind. */
const UNIT_KINDS = ["街道办事处", "街道办", "街道", "社区", "镇", "乡", "村", "办事处"] as const;

/** What the units are, said once for the lot: "街道" when every name ends so, else "单位". */
export function unitKindOf(names: string[]): string {
  for (const kind of UNIT_KINDS) {
    const word = kind === "街道办事处" || kind === "街道办" ? "街道" : kind;
    if (names.length > 0 && names.every((n) => n.endsWith(kind) || n.endsWith(word))) return word;
  }
  return "单位";
}

export const DISTRICT_WORDS = {
  /** The district as a report names itself: "全区完成城镇新增就业12680人". */
  whole: "全区",
  /** "12个街道中11个填报，": a total of some units only says so, then calls itself 合计. */
  partial: (all: number, reported: number, kind: string) => `${all}个${kind}中${reported}个填报，`,
  /** "，A街道1126人位居全区第一": no 其中 before it, which would read as a part of the total. */
  first: "位居全区第一",
  /** Two units or more at the top: "，A街道、B街道均为130人，并列全区第一". */
  tiedFirst: "并列全区第一",
  /** Before the figure the tied units share: "均为". */
  allAt: "均为",
  /** "12个街道中11个填报，" before a rate no unit adds up. */
  someReported: (all: number, reported: number, kind: string) =>
    `${all}个${kind}中${reported}个填报，`,
  /** A rate per unit, never summed: "各街道在92.1%—98.6%之间". */
  each: (kind: string) => `各${kind}`,
  between: "之间",
  /** The units at either end of a rate's range: "，中城街道最高，东城街道、西城街道并列最低". */
  highest: (names: string, tied: boolean) => `${names}${tied ? "并列" : ""}最高`,
  lowest: (names: string, tied: boolean) => `${names}${tied ? "并列" : ""}最低`,
} as const;

/** The word of a total of some units. */
const SUM_WORD = "合计";

/**
 * Where a total of some units says 合计 in its clause: before a clause that begins with its
 * verb ("合计完成城镇新增就业", "合计发放低保金", "合计为…发放"); after a subject that has none,
 * in place of its 达 or 为 ("城乡低保户数合计2631户", "招商引资到位资金合计5.85亿元").
 */
export function sumWords(frame: Frame, before: string): string {
  const subjectFirst =
    frame.kind === "measure" ||
    frame.kind === "rate" ||
    frame.kind === "ceiling" ||
    frame.kind === "people" ||
    (frame.kind === "payment" && !LEADING_VERBS.test(before));
  return subjectFirst
    ? `${before.trimEnd().replace(/(达|为)$/, "")}${SUM_WORD}`
    : `${SUM_WORD}${before}`;
}

/**
 * Counts where more is worse, by what the name ends with (登记失业人数, 生产安全事故起数, not
 * 失业人员再就业): the unit with the most is not 位居全区第一, which praises.
 */
export const MORE_IS_WORSE =
  /(失业|失业人员|事故|死亡|伤亡|火灾|发案|欠薪)(人数|起数|数|人次|起|金额)?$/;

/** More units than this tied at the top or at one end of a range are not named one by one. */
export const MAX_TIED = 3;

/** A row in a measure of its own: "计量单位为人，与多数单位的户不同，另列，不作全区合计". */
export const apartWords = (own: string, main: string) =>
  `计量单位为${own || "（无）"}，与多数单位的${main || "（无）"}不同，另列，不作全区合计`;

/**
 * Words before a name that one unit writes and another leaves out, naming the same thing:
 * 城乡居民医保参保人数 / 居民医保参保人数, 全社会固定资产投资 / 固定资产投资. Two rows are one
 * district indicator by them only when one name is the other with the words before it.
 */
export const DROPPED_PREFIXES = ["全社会", "城乡", "全辖区", "辖区", "全街道"] as const;

/**
 * Two files of one unit: what their names say of which is the one to count ("（重发）",
 * "更正版" over "（旧）", "作废").
 */
export const RESENT_FILE = {
  newer: /重发|重报|补报|更正|修正|修订|修改|最新|终稿|定稿/,
  older: /旧|作废|废弃|备份|草稿|初稿/,
} as const;

/** A workbook of another year than the district's: named, never added to the sums. */
export const YEAR_WORDS = {
  leftOut: "未计入汇总",
} as const;

/** A unit of another period than the district's: left out of the sums, and said so. */
export const PERIOD_WORDS = {
  leftOut: "未计入全区合计，请按全区报告期重新报送",
  /** In the summary line and 填报情况: "报告期不同，未计入：西城街道". */
  notAdded: "报告期不同，未计入",
} as const;

/** Why a unit's figure far from the others' may be wrong, by the finding's code. */
export const SLIP_WORDS = {
  ROLLUP_OUTLIER: "可能是元与万元混用",
  ROLLUP_OUT_OF_SCALE: "可能录入有误",
} as const;

/** What a district figure held back is said to hold back, by the field in doubt. */
/** Why a district figure is not computed when some units leave its field blank. */
export const MISSING_FIELD_WORDS = {
  /** Too few units give it (half or fewer): no district figure from it at all. */
  target: (units: string) => `${units}无目标值，全区目标和完成率不计算`,
  previous: (units: string) => `${units}未填上年同期数，全区同比增长不计算`,
  /** Most units give it: computed over them, and the others named ("/" is no target either). */
  targetLeftOut: (units: string) => `${units}无目标值，未计入全区目标和完成率计算`,
  previousLeftOut: (units: string) => `${units}未填上年同期数，未计入增速计算`,
} as const;

export const HELD_WORDS = {
  actual: "全区合计暂不引用",
  target: "全区目标和完成率暂不引用",
  previous: "全区同比增长暂不引用",
} as const;

/**
 * What units behind are said to be: a ceiling not kept (失业率 above its 3.5%) is
 * 未控制在目标以内; a rate below its target 未达到目标, during the year and at its end (a rate is
 * not a task built up over the year: there is no 序时进度 to it, nor a 目标任务 to complete);
 * otherwise during the year a value below the share of the year elapsed is 落后于序时进度; at
 * the year's end, 未完成目标任务.
 */
export function behindWords(
  direction: Direction,
  months: number,
  isRate = false,
  /** The target the units behind share, written ("3.5%"), when they share one. */
  target?: string
): string {
  if (direction === "ceiling") return target ? `未控制在${target}以内` : "未控制在目标以内";
  if (isRate) return target ? `未达到${target}的目标` : "未达到目标";
  if (months >= 12) return "未完成目标任务";
  return "落后于序时进度";
}

/**
 * A unit's name in a title or a 填报单位 line: "XX街道2023年…" → "XX街道". The name is two to
 * ten characters of Chinese before one of the kinds, and not a generic word (全区, 本街道).
 */
export const UNIT_NAME_READING = {
  reporter: /(?:填报单位|报送单位|单位名称)\s*[:：]\s*([\u4e00-\u9fa5\d]{2,20})/,
  inTitle: new RegExp(
    `([\\u4e00-\\u9fa5\\d]{1,14}?(?:${UNIT_KINDS.join("|")}))(?=[\\d〇一二三四五六七八九零]{4}年|\\d{4}|年|工作|指标|主要|重点|经济|社会|目标|台账|统计|$)`
  ),
  /** A file named after its unit and what it holds ("春晖街道报表", "东湖街道（补报）"): the unit. */
  inFileName: new RegExp(`^([\\u4e00-\\u9fa5\\d]{1,14}(?:${UNIT_KINDS.join("|")}))`),
  /** The long form of a sub-district's name, said short in the district's text. */
  office: /街道办事处$|街道办$/,
  /**
   * The district before a sub-district's name ("云溪区江滨街道"): every unit is in it, so the
   * district's text names the unit without it, as the others. Only before a 街道, 镇 or 乡 and
   * when a name of two characters or more stays before it ("城区街道" keeps its 城区).
   */
  districtBefore: /^[\u4e00-\u9fa5]{1,5}?(?:区|县|旗)(?=[\u4e00-\u9fa5\d]{2,12}(?:街道|镇|乡)$)/,
  generic: /^(本|我|全|各|该|所在)/,
  /** What a title says before the name: "2023年度西关街道…" reads 年度 just before it. */
  periodBefore:
    /^(?:\d{4}年?|(?:\d{1,2}[-—–~至])?\d{1,2}月|年度|年|度|全年|上半年|下半年|前三季度|季度|月份|月)+/,
} as const;

/**
 * Lines of work of their own that the categories do not name, by the words that say them: a
 * row named so is of that line although another word of its name is one of 投资 or 就业
 * (企业安全生产检查, 安全生产技能培训, 工业企业消防检查).
 */
const LINES_OF_THEIR_OWN: { title: string; words: RegExp }[] = [
  {
    title: "安全生产工作",
    words: /安全生产|安全隐患|隐患排查|隐患整改|消防|应急演练|应急管理|危化品|危险化学品|安责险/,
  },
];

/** The title of the line of work of its own a name or heading speaks of, if any. */
export function lineOfItsOwn(text: string): string | undefined {
  return LINES_OF_THEIR_OWN.find((l) => l.words.test(text))?.title;
}

/**
 * The rows that are a rate's base (base.ts): 应参保人数 is the denominator of 参保率 (应 before
 * the work due, not 应急, 应届, 供应), 已参保人数 or 参保人数 its numerator, 户籍人口 a
 * population; and what the district says of a rate weighted by them.
 */
export const RATE_BASE_WORDS = {
  countSuffix: /(人数|户数|人次|总数|数|人口|户|人)$/,
  /** Short forms of a base's name: 应种 (应接种), 实种 (接种), 应保 (应参保). */
  aliases: [
    [/应种/, "应接种"],
    [/实种/, "接种"],
    [/应保(?!尽保)/, "应参保"],
  ] as [RegExp, string][],
  due: /(?<![响供对相适])(应|需)(?![急届用])/,
  done: /已|实际/,
  population: /(户籍|常住|总|辖区)人口|人口总数|总人数|总户数/,
  noBase: "工作簿中没有该比率的基数（分母）",
  disagrees: "由分子、分母算出的比率与所填比率不符",
  /** "全区基本养老保险参保率为96.12%（按各街道应参保人数加权计算）". */
  districtIs: "为",
  weightedBy: (kind: string, base: string) => `（按各${kind}${base}加权计算）`,
  /** What the 汇总 sheet and the summary line say of it. */
  note: (kind: string, base: string, numerator?: string) =>
    numerator
      ? `全区比率为各${kind}${numerator}之和÷${base}之和`
      : `全区比率按各${kind}${base}加权（Σ比率×${base}÷Σ${base}）`,
  /** Why there is none: "东城街道工作簿中没有该比率的基数（分母），不计算全区比率". */
  none: (names: string, why: string) => `${names}${why}，不计算全区比率`,
} as const;
