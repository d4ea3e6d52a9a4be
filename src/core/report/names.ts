/**
 * Finding the indicator a report phrase or a template name speaks of.
 *
 * Report writers shorten and reword names: "新增就业人员" for 城镇新增就业, "第一针" for
 * 第一剂次接种（18岁以上）, "缴费金额" after a clause that named 居民医保. The matcher accepts
 * such a phrase for an indicator only when
 *  - every character of the phrase is explained: a piece of the indicator's name, or a word
 *    that carries no meaning for the match (全年, 完成, 累计, 辖区…) — a modifier the name
 *    lacks ("就业困难人员再就业" against 再就业, "云梦社区…") rules the indicator out;
 *  - the phrase ends with a piece of the name (the noun right before the number);
 *  - what the phrase leaves out of the name is optional (城镇, 城乡, 居民, 人数 for people,
 *    金额 for money…) or, in a second pass, stands in the clause before (医保 for 缴费金额);
 *  - exactly one indicator (or several rows with the same name) passes.
 * A wrong number is worse than a blank, so a doubtful phrase matches nothing.
 */
import { isPlaceSheet, isWholeSheet, lineOfWorkOfSheet, onSheetsOfTwoLines } from "../categories";
import { FRAME_READING } from "../lexicon";
import { CellRef, Indicator } from "../model";
import { rememberedOf } from "../text";
import { baseUnit, isMoneyUnit, isPercentUnit, normalizeUnit, unitScale } from "../units";

/** The numbers of a row that may be quoted or computed with. */
export type NumberField = "actual" | "target" | "previous";

/** Rewrites applied to names and phrases alike, so that close synonyms meet. */
const SYNONYMS: [RegExp, string][] = [
  // 医保 is short for 基本医疗保险: "城乡居民基本医疗保险参保人数" is 城乡居民医保参保人数.
  [/基本医疗保险|基本医保/g, "医保"],
  [/医疗保险/g, "医保"],
  // "征缴医保费", "医保费征缴", "医保费" are the 医保缴费 collected.
  [/(?:征缴|缴纳|收缴)(医保|养老保险|社保)(?:费用?)?/g, "$1缴费"],
  [/最低生活保障/g, "低保"],
  // "灵活就业人员参加社会保险" is 灵活就业人员参保.
  [/参加社会保险|参加社保/g, "参保"],
  // "建成高标准农田" is 高标准农田建设 done.
  [/(?:新)?建成(?=高标准农田|农田|道路|公厕|书屋)/g, "建设"],
  [/(医保|养老保险|社保)费用?(?:征缴|缴纳|收缴)?/g, "$1缴费"],
  // The recruits sent to the army: "向部队输送优秀青年X人" is 输送新兵.
  [/输送(?:优秀|优质|高素质|合格)?(?:青年|兵员|新兵)/g, "输送新兵"],
  // "组织消防应急演练" is 消防演练; "调处化解矛盾纠纷" is 矛盾纠纷调解; "受理并办结" is 办结.
  [/(消防|防汛|地震|安全)应急演练/g, "$1演练"],
  [/调处化解|调处/g, "调解"],
  [/受理并办结|受理办结/g, "办结"],
  [/老年人/g, "老人"],
  // Market entities newly registered are the 新增市场主体.
  [/新登记(?:各类)?市场主体/g, "新增市场主体"],
  // "新创建平安小区": 新 before the verb says nothing more than the verb.
  [/新(创建|建成|成立|设立)/g, "$1"],
  // "低保金发放额" is the 金额 of what was paid out (发放低保金).
  [/(发放|拨付|支出|支付|投入)额/g, "$1金额"],
  // "保障低保对象X户X人": the recipients of 低保 are its 户 and 人.
  [/(低保|特困供养|特困)对象/g, "$1"],
  [/城居保/g, "城乡居民养老保险"],
  [/针次/g, "剂次"],
  [/第(一|二|三|四|1|2|3|4)(针|剂)(?!次)/g, "第$1剂次"],
  [/第1剂次/g, "第一剂次"],
  [/第2剂次/g, "第二剂次"],
  [/第3剂次/g, "第三剂次"],
  [/第4剂次/g, "第四剂次"],
  [/加强针|加强剂次/g, "加强免疫"],
  [/固投/g, "固定资产投资"],
  [/规模以上|规模/g, "规上"],
  [/限额以上/g, "限上"],
  [/主营业务收入|主营业收入/g, "主营收入"],
  [/(开拓|开辟|新开发|提供)公益性岗位/g, "开发公益性岗位"],
  [/公益岗位/g, "公益性岗位"],
  [/社会消费品零售(?:总)?额/g, "社零额"],
  // The recruits sent are the conscription quota done: 完成征兵任务 X人 is 输送新兵 X人.
  [/完成征兵任务/g, "输送新兵"],
  [/批发(?:和|与|及)?零售/g, "批零"],
  [/消防安全检查/g, "消防检查"],
  [/其它/g, "其他"],
  [/周岁/g, "岁"],
  [/就业创业证/g, "就业创业登记"],
  // "共排查出一般隐患", "对摸排出来的不稳定对象": the verb's result 出(来) adds nothing.
  [/(排查|摸排|查处|筛查|检查|清理|清查)出(?:来的?)?/g, "$1"],
  [/社区居民委员会|居民委员会/g, "居委会"],
  // "X人参加医保" is 医保参保; "棚户区改造" is 棚改; "到年纪办理退休" is 到龄办理退休.
  [/参加(医保|养老保险|失业保险|工伤保险|生育保险|社保)/g, "$1参保"],
  [/棚户区改造/g, "棚改"],
  // "消防救援车及其设备" is 消防救援车及设备.
  [/及其/g, "及"],
  // "为X人次发放特困金": 特困 is short for 特困供养 (support of the destitute).
  [/特困(?!供养)/g, "特困供养"],
  // "解决失地农民就业X人" is 安置失地农民就业.
  [/解决(.{0,8}?)就业/g, "安置$1就业"],
  [/到(?:年纪|年龄)/g, "到龄"],
  // "免费健康体检" is 免费体检; "生活垃圾分类" is 垃圾分类.
  [/健康体检/g, "体检"],
  [/生活垃圾分类/g, "垃圾分类"],
  [/就业失业登记证/g, "就业失业登记"],
];

/** Punctuation and symbols that never matter for a name. */
const NOISE = /[\s"'“”‘’《》〈〉「」『』【】、·•\-–—_~～:：,，;；.。!！?？/\\|]/g;

/** For matching: half-width, no spaces or punctuation, synonyms rewritten. Brackets stay. */
export function canon(text: string): string {
  return rememberedOf(canonOf, text);
}

function canonOf(text: string): string {
  let t = text.normalize("NFKC").toLowerCase().replace(NOISE, "");
  t = t.replace(/[［[]/g, "(").replace(/[］\]]/g, ")");
  for (const [re, to] of SYNONYMS) t = t.replace(re, to);
  return t;
}

/** Words of a phrase that say when, where or that something was done, not what. */
const IGNORABLE = [
  // "新增入库四上企业" for 新增四上企业: entering the statistics' register is how it is counted.
  "入库",
  "纳统",
  // "群众安全感测评达X%": the survey that measured it.
  "测评",
  "今年一年来",
  "今年以来",
  "年初以来",
  "一年来",
  "以来",
  "截至目前",
  "截止目前",
  "截至",
  "截止",
  "目前",
  "全年度",
  "本年度",
  "全年",
  "今年",
  "本年",
  "年内",
  "当年",
  "年度",
  "累计",
  "共计",
  "合计",
  "总计",
  "总共",
  "一共",
  "共",
  "完成了",
  "完成",
  "实现了",
  "实现",
  "达成",
  "达到",
  "高达",
  "达",
  "已经",
  "已",
  "仅仅",
  "仅",
  // Verbs of handing out and handling: "发放创业担保贷款" is 创业担保贷款. A name that has the
  // verb itself (发放低保金) still matches it as a piece of the name.
  "发放",
  "办理",
  "其中",
  "辖区内",
  "辖区",
  "全街道",
  "本街道",
  "我街道",
  // The whole township a 镇's ledger is of: "全镇出生人口". Never 全区 or 全县: the level
  // above, whose figure a 街道's or 镇's ledger does not hold.
  "全镇",
  "本镇",
  "我镇",
  "全乡",
  "街道",
  "街办",
  "全办",
  "我办",
  "本办",
  "城镇",
  "城乡",
  "居民",
  "新冠病毒",
  "新冠疫苗",
  "新冠",
  "疫苗",
  "接种",
  "工作",
  "全体",
  "各类",
  "全部",
  "全面",
  "顺利",
  "圆满",
  "超额",
  "持续",
  "开展",
  "组织",
  "做好",
  // "对X处黑臭水体周边环境进行整治": 进行 only carries the verb after it.
  "进行了",
  "进行",
  "为",
  "对",
  "有",
  "了",
  "的",
  "在",
  "总",
  "现",
];

/** Words an indicator's name may have that a report phrase often leaves out. */
const OPTIONAL = [
  // "X个小区建立了业委会" for 已建立业委会小区: 已 only says it is done.
  "已",
  "新冠病毒",
  "新冠疫苗",
  "城镇",
  "城乡",
  "居民",
  "全年",
  "年度",
  "累计",
  "辖区",
  "全街道",
  "街道",
  "入库",
  "纳统",
  "接种",
  "工作",
  "新冠",
  "疫苗",
  "基本",
  "完成",
  // A light verb of the name ("开展应急演练") that a draft leaves out or says otherwise (组织…).
  "开展",
  "举办",
  "举行",
  "进行",
  "实际",
  "情况",
  "总",
  "的",
];

/**
 * Words naming the measure. `general` ones may stand in a phrase or be left out of it
 * where they agree with the indicator's unit ("新增就业人员" for 城镇新增就业). `specific`
 * ones may only be left out ("住宿餐饮" for 住宿餐饮业营业额): a phrase that names one the
 * indicator does not have ("服务业产值" against 服务业营业收入) speaks of something else.
 */
const MEASURE_WORDS: Record<string, { general: string[]; specific: string[] }> = {
  people: { general: ["人数", "人员", "人次", "人"], specific: [] },
  households: { general: ["户数", "户"], specific: [] },
  money: {
    general: ["总额", "金额", "资金"],
    specific: ["营业收入", "主营收入", "营业额", "销售额", "总产值", "产值", "收入", "额"],
  },
  area: { general: ["面积"], specific: [] },
  any: { general: ["总数", "数量", "总量", "数"], specific: [] },
};

/** Words that only name a measure (人员, 人数, 金额, 总数…), whatever is measured. */
export function isMeasureWord(word: string): boolean {
  return Object.values(MEASURE_WORDS).some(
    (w) => w.general.includes(word) || w.specific.includes(word)
  );
}

/** The word lists of a kind of unit, sorted once: every indicator of that kind shares them. */
interface KindWords {
  ignorable: string[];
  optional: string[];
  generic: string[];
}

const KIND_WORDS = new Map<string, KindWords>();

function measureKind(unit: string): string {
  const u = normalizeUnit(unit);
  const base = baseUnit(u);
  if (base === "人" || base === "名" || base === "人次") return "people";
  if (base === "户") return "households";
  if (isMoneyUnit(u)) return "money";
  if (/平方米|平米|亩|㎡/.test(base)) return "area";
  return "";
}

function kindWords(unit: string): KindWords {
  const kind = measureKind(unit);
  let words = KIND_WORDS.get(kind);
  if (!words) {
    const general = [...MEASURE_WORDS.any.general, ...(MEASURE_WORDS[kind]?.general ?? [])];
    const specific = MEASURE_WORDS[kind]?.specific ?? [];
    words = {
      ignorable: byLength([...IGNORABLE, ...general]),
      optional: byLength([...OPTIONAL, ...general, ...specific]),
      generic: byLength([...OPTIONAL, ...general]),
    };
    KIND_WORDS.set(kind, words);
  }
  return words;
}

function byLength(words: string[]): string[] {
  return [...new Set(words)].sort((a, b) => b.length - a.length);
}

const IGNORABLE_SORTED = byLength(IGNORABLE);

/** A canon phrase without the words that carry no meaning for a match ("全年完成" → ""). */
export function meaningfulPart(phrase: string): string {
  let result = "";
  let i = 0;
  while (i < phrase.length) {
    const len = longestWordAt(phrase, i, IGNORABLE_SORTED);
    if (len > 0) i += len;
    else result += phrase[i++];
  }
  return result;
}

/** An indicator's name in matchable forms. */
export interface NameEntry {
  indicator: Indicator;
  /** canon(name), brackets included: "第一剂次接种(18岁以上)". */
  full: string;
  /** Without bracketed qualifiers: "第一剂次接种". */
  core: string;
  /** Identity for duplicates: the same name and unit in two tables is one indicator. */
  key: string;
  /** Words a phrase may have that do not change what it names, for this indicator's unit. */
  ignorable: string[];
  /** Words the phrase may leave out of the name. */
  optional: string[];
  /** Optional words that do not name anything by themselves (all but 产值, 销售额…). */
  generic: string[];
  /**
   * What the row's place in the workbook says about it, canon: its 类别 and its headings'
   * titles ("实现就业", "消防安全"). Rows of one name are told apart by these words in the
   * sentence or under the draft's own heading.
   */
  scope: string[];
  /** Set when another row of this name in the same table stands under another section. */
  sectionKey?: string;
}

function sectionOf(entry: NameEntry): string {
  return entry.indicator.section.map((h) => canon(h.title)).join("/");
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

export function nameEntry(indicator: Indicator): NameEntry {
  const full = canon(indicator.name);
  const core = full.replace(/\([^()]*\)/g, "") || full;
  const context = indicator.context ? canon(indicator.context) : "";
  return {
    indicator,
    full,
    core,
    // Two rows of one name under two 类别 are two indicators.
    key: `${context ? `${context}|` : ""}${core}|${normalizeUnit(indicator.unit)}`,
    scope: [context, ...indicator.section.map((h) => canon(h.title))].filter((w) => w.length >= 2),
    ...kindWords(indicator.unit),
  };
}

type PieceKind = "name" | "ignorable" | "unmatched";
interface Piece {
  kind: PieceKind;
  text: string;
}

function longestWordAt(text: string, at: number, words: string[]): number {
  for (const w of words) if (text.startsWith(w, at)) return w.length;
  return 0;
}

/** Splits a phrase into pieces of the name, ignorable words and unexplained characters. */
function tokenize(phrase: string, entry: NameEntry): Piece[] {
  const pieces: Piece[] = [];
  const ignorable = entry.ignorable;
  let i = 0;
  while (i < phrase.length) {
    let nameLength = 0;
    for (let len = Math.min(phrase.length - i, entry.full.length); len >= 2; len--) {
      if (entry.full.includes(phrase.slice(i, i + len))) {
        nameLength = len;
        break;
      }
    }
    const ignorableLength = longestWordAt(phrase, i, ignorable);
    if (nameLength >= 2 && nameLength >= ignorableLength) {
      pieces.push({ kind: "name", text: phrase.slice(i, i + nameLength) });
      i += nameLength;
    } else if (ignorableLength > 0) {
      pieces.push({ kind: "ignorable", text: phrase.slice(i, i + ignorableLength) });
      i += ignorableLength;
    } else {
      const last = pieces[pieces.length - 1];
      if (last?.kind === "unmatched") last.text += phrase[i];
      else pieces.push({ kind: "unmatched", text: phrase[i] });
      i += 1;
    }
  }
  return pieces;
}

interface Run {
  text: string;
  /** The run follows a covered character (it is not at the start of the name). */
  afterCovered: boolean;
  /**
   * The run ends the name right after its 等: the kind the listed examples are of
   * ("发放环保袋、无磷洗衣粉等[宣传品]"), which a draft naming the same examples may leave out.
   */
  kindOfExamples: boolean;
}

/** Marks the characters of `core` covered by the name pieces; returns the uncovered runs. */
function uncoveredRuns(core: string, pieces: Piece[]): { covered: number; runs: Run[] } {
  const mask = new Array<boolean>(core.length).fill(false);
  for (const piece of pieces) {
    if (piece.kind !== "name") continue;
    // What of the piece is outside the name's brackets: "接种(18岁以上)" → "接种".
    const text = piece.text
      .replace(/\([^()]*\)/g, "")
      .replace(/\([^()]*$/, "")
      .replace(/^[^()]*\)/, "");
    if (text === "") continue; // the piece is inside the bracketed qualifier
    let from = 0;
    let at = core.indexOf(text, from);
    // Prefer an occurrence not yet covered.
    while (at >= 0 && mask.slice(at, at + text.length).every(Boolean)) {
      from = at + 1;
      at = core.indexOf(text, from);
    }
    if (at < 0) at = core.indexOf(text);
    if (at < 0) continue;
    for (let k = at; k < at + text.length; k++) mask[k] = true;
  }
  const runs: Run[] = [];
  let run = "";
  let runStart = 0;
  let covered = 0;
  const close = () => {
    const afterCovered = runStart > 0 && mask[runStart - 1];
    if (run)
      runs.push({
        text: run,
        afterCovered,
        kindOfExamples:
          afterCovered &&
          (core[runStart - 1] === "等" || run.startsWith("等")) &&
          runStart + run.length === core.length &&
          run.replace(/^等/, "").length <= 4,
      });
    run = "";
  };
  mask.forEach((m, k) => {
    if (m) {
      covered++;
      close();
    } else {
      if (!run) runStart = k;
      run += core[k];
    }
  });
  close();
  return { covered, runs };
}

/** What of an uncovered run is not optional: "城乡居民医保" → ["医保"]. */
function requiredParts(run: string, optional: string[]): string[] {
  const parts: string[] = [];
  let current = "";
  let i = 0;
  while (i < run.length) {
    const len = longestWordAt(run, i, optional);
    if (len > 0) {
      if (current) parts.push(current);
      current = "";
      i += len;
    } else {
      current += run[i];
      i += 1;
    }
  }
  if (current) parts.push(current);
  return parts;
}

export interface NameMatch {
  entry: NameEntry;
  /**
   * Characters of the phrase that are not the name, tolerated in a second reading: words
   * that say to whom or how ("向部队", "高素质"), never words that narrow the count.
   */
  extras: number;
  /** Characters of the name's core the phrase itself names. */
  covered: number;
  /** Optional characters of the name the phrase leaves out. */
  leftOut: number;
  /** The match needed words from the clause before (医保 for "缴费金额"). */
  usedContext: boolean;
  /** Qualifiers of the name the phrase leaves out (城镇, 城乡, 居民…). */
  qualifiersLeftOut: string[];
  /**
   * Words passed over between the name's words ("下发[作风]通报"), each with the name's word
   * after it: another row that holds both (作风监督通报) may be the one meant.
   */
  inside: { word: string; before: string }[];
}

/** How a phrase fits a name, whether or not the name has words the phrase lacks. */
interface Fit {
  match: NameMatch;
  /** Words of the name neither optional nor found in the phrase or the context. */
  missing: string[];
}

/**
 * Optional words that narrow what a name means: leaving them out is fine unless another
 * indicator differs from this one by words of its own (城镇新增就业 vs 农村新增就业).
 */
const QUALIFIERS = ["城镇", "城乡", "居民", "辖区", "全街道", "街道", "基本"];

/** A number and its measure word inside words of the context ("x名", "12个"). */
const COUNT_IN_WORDS = /(?:x+|\d+(?:\.\d+)?)(?:余|多)?(?:名|个|人|户|家|位|处|项)?/g;

function fitEntry(
  phrase: string,
  entry: NameEntry,
  context: string[],
  loose = false
): Fit | undefined {
  if (phrase === "") return undefined;
  // "其中人口数": 其中 glued to a name that has no 其中 of its own.
  const own =
    phrase.startsWith("其中") && !entry.full.startsWith("其中") ? phrase.slice(2) : phrase;
  if (own === entry.full || own === entry.core)
    return {
      match: {
        entry,
        extras: 0,
        covered: entry.core.length,
        leftOut: 0,
        usedContext: false,
        qualifiersLeftOut: [],
        inside: [],
      },
      missing: [],
    };
  // Words the row's 类别 or heading says ("消防检查场所" for 检查场所 under 消防检查) are its own.
  const pieces = tokenize(phrase, entry).map((p) =>
    p.kind === "unmatched" &&
    p.text.length >= 2 &&
    entry.scope.some(
      (w) => w.includes(p.text) || (p.text.length <= w.length + 3 && mentions(p.text, w))
    )
      ? { kind: "ignorable" as const, text: p.text }
      : p
  );
  // "新增低保X户" under the heading 新增低保, for its row 户数: the words name only the row's
  // section, and the row's name is only the measure of the unit written, or that measure and
  // a word that carries no meaning ("护理补贴X人" under 残疾人护理补贴, for its row 发放人数).
  if (
    pieces.length > 0 &&
    pieces.every((p) => p.kind === "ignorable") &&
    pieces.some((p) => p.text.length >= 2 && entry.scope.some((w) => w.includes(p.text))) &&
    entry.core.length >= 2 &&
    requiredParts(entry.core, entry.generic).every(
      (part) => requiredParts(part, entry.ignorable).length === 0
    )
  )
    return {
      match: {
        entry,
        extras: 0,
        covered: entry.core.length,
        leftOut: 0,
        usedContext: false,
        qualifiersLeftOut: [],
        inside: [],
      },
      missing: [],
    };
  const passed = loose
    ? toleratedExtras(pieces, entry.scope, entry.full)
    : { extras: 0, inside: [] };
  if (!passed || (!loose && pieces.some((p) => p.kind === "unmatched"))) return undefined;
  const { extras, inside } = passed;
  const meaningful = pieces.filter((p) => p.kind !== "ignorable");
  if (meaningful.length === 0 || meaningful[meaningful.length - 1].kind !== "name")
    return undefined;
  const { covered, runs } = uncoveredRuns(entry.core, pieces);
  // The phrase must name something of its own, not only optional words of the name.
  const coveredText = pieces
    .filter((p) => p.kind === "name")
    .map((p) => p.text.replace(/\([^()]*\)?/g, ""))
    .join("");
  if (covered < 2) return undefined;
  // "…党群服务中心已打造完成，面积X平方米": a measure word alone names the measure of the
  // subject the clause before names, never a row by itself.
  const measureOnly = requiredParts(coveredText, entry.generic).join("").length < 2;
  if (measureOnly && context.length === 0) return undefined;
  // "云梦社区X名失地农民中": a number inside the words before does not cut their name.
  const said = context.map((c) => c.replace(COUNT_IN_WORDS, ""));
  let usedContext = false;
  let leftOut = 0;
  const missing: string[] = [];
  const qualifiersLeftOut: string[] = [];
  for (const { text: run, afterCovered, kindOfExamples } of runs) {
    if (kindOfExamples && /、[^、]*等/.test(entry.indicator.name)) {
      leftOut += run.length;
      continue;
    }
    // "住宿餐饮" for 住宿餐饮业营业额: the trade suffix 业 right after what the phrase names.
    const required = requiredParts(afterCovered ? run.replace(/^业/, "") : run, entry.optional);
    leftOut += run.length - required.join("").length;
    for (const q of QUALIFIERS) if (run.includes(q)) qualifiersLeftOut.push(q);
    for (const part of required) {
      // "新建社区养老服务站X个…，全街道社区养老服务站达到X个": the words before may not make a
      // total the year's new ones; a name left with only 新建/新增 unsaid is another count.
      if (FRAME_READING.flowWord.test(part)) {
        missing.push(part);
        continue;
      }
      if (part.length >= 2 && (said.some((c) => c.includes(part)) || saidInPieces(part, said)))
        usedContext = true;
      else missing.push(part);
    }
  }
  if (measureOnly && (!usedContext || missing.length > 0)) return undefined;
  return {
    match: { entry, extras, covered, leftOut, usedContext, qualifiersLeftOut, inside },
    missing,
  };
}

/**
 * "共计X人参加" for 参加招聘会退役军人 after "参加市招聘会X次" under a heading on 退役军人: a
 * part of the name the context says in two pieces, each of two characters or more, said in
 * different places. Two pieces at most, so that scattered characters never make a name.
 */
function saidInPieces(part: string, said: string[]): boolean {
  for (let k = 2; k + 2 <= part.length; k++) {
    const head = part.slice(0, k);
    const tail = part.slice(k);
    if (said.some((c) => c.includes(head)) && said.some((c) => c.includes(tail))) return true;
  }
  return false;
}

/**
 * Words put between the name's words that describe rather than narrow: "整修[背街小巷]道路",
 * "开展党员[教育]培训", "地表水[考核]断面[水质]达标率". A few characters in all, none of a group,
 * place or line of work other than the row's own (燃气 for 检查场所 under 燃气安全).
 */
const MOST_INSIDE_NAME = 4;

function describesInside(text: string, scope: string[]): number {
  let rest = text;
  for (const word of scope)
    for (let len = Math.min(word.length, rest.length); len >= 2; len--) {
      const part = [...Array(word.length - len + 1).keys()]
        .map((at) => word.slice(at, at + len))
        .find((w) => rest.includes(w));
      if (part) {
        rest = rest.replace(part, "");
        break;
      }
    }
  if (FRAME_READING.narrowing.test(rest) || FRAME_READING.narrowingInside.test(rest)) return -1;
  return rest.length;
}

/** The name's pieces of a phrase stand in the name's order, none read twice. */
function inOrderOfName(pieces: Piece[], full: string): boolean {
  let from = 0;
  for (const piece of pieces) {
    if (piece.kind !== "name") continue;
    const at = full.indexOf(piece.text, from);
    if (at < 0) return false;
    from = at + piece.text.length;
  }
  return true;
}

/**
 * How many characters of the phrase are words around the name a reader passes over, or -1
 * when one of them may change what is counted. Before the name: a phrase saying to whom
 * ("向部队", "对符合条件的"), a verb the name lacks ("实施"), or manner ("扎实有效"); between
 * its words: manner ("输送高素质新兵") or a few words that describe (describesInside); after
 * it: nothing. Groups and places never.
 */
function toleratedExtras(
  pieces: Piece[],
  scope: string[],
  full: string
): { extras: number; inside: NameMatch["inside"] } | undefined {
  const first = pieces.findIndex((p) => p.kind === "name");
  if (first < 0) return undefined;
  let last = first;
  pieces.forEach((p, k) => {
    if (p.kind === "name") last = k;
  });
  let extras = 0;
  let insideLength = 0;
  const inside: NameMatch["inside"] = [];
  // The words before the name, from the first one the name does not explain.
  let lead = "";
  // "依法依规街办X个社区": the manner words alone, without the ignorable ones between them.
  let leadWords = "";
  let toWhom = false;
  for (let k = 0; k < pieces.length; k++) {
    const piece = pieces[k];
    if (k < first && FRAME_READING.preposition.test(piece.text)) toWhom = true;
    if (k < first && (lead !== "" || piece.kind === "unmatched")) lead += piece.text;
    if (k < first && piece.kind === "unmatched") leadWords += piece.text;
    if (piece.kind !== "unmatched") continue;
    // "为老旧小区更换灭火器": to whom the deed is done says who gains, not which of it is counted.
    const recipient = k < first && toWhom;
    // "镇、村两级河长[开展巡河]": all the levels that do it, not a part of the count.
    const doers = k < first && FRAME_READING.levels.test(piece.text);
    if (FRAME_READING.narrowing.test(piece.text) && !recipient && !doers) return undefined;
    extras += piece.text.length;
    if (k > first && !FRAME_READING.manner.test(piece.text)) {
      const described =
        k < last && !FRAME_READING.listed.test(piece.text) && inOrderOfName(pieces, full)
          ? describesInside(piece.text, scope)
          : -1;
      if (described < 0) return undefined;
      insideLength += described;
      if (insideLength > MOST_INSIDE_NAME) return undefined;
      const after = pieces.slice(k + 1).find((p) => p.kind === "name");
      inside.push({ word: piece.text, before: after ? after.text : "" });
    }
  }
  if (
    lead !== "" &&
    !toWhom &&
    !FRAME_READING.eachSubject.test(leadWords) &&
    !FRAME_READING.levels.test(leadWords) &&
    !FRAME_READING.verbAtEnd.test(lead) &&
    !FRAME_READING.manner.test(lead) &&
    !FRAME_READING.manner.test(leadWords) &&
    !FRAME_READING.verbAtEnd.test(leadWords)
  )
    return undefined;
  return { extras, inside };
}

/**
 * Whether `phrase` (canon form) can mean the indicator; `context` (canon forms of the text
 * before) may supply required words the phrase leaves out.
 */
export function matchEntry(
  phrase: string,
  entry: NameEntry,
  context: string[] = []
): NameMatch | undefined {
  const fit = fitEntry(phrase, entry, context);
  return fit && fit.missing.length === 0 ? fit.match : undefined;
}

/** Two rows of one name whose numbers differ; `staleCopy`: the other is a hidden sheet's copy. */
export interface Conflict {
  cells: [CellRef, CellRef];
  staleCopy: boolean;
}

export type Lookup =
  | {
      kind: "found";
      entry: NameEntry;
      duplicates: NameEntry[];
      usedContext: boolean;
      /** How much of what was matched is the name (1: the name itself), see confidenceOf. */
      confidence: number;
      /** The next best indicator of another name, if any fitted at all. */
      runnerUp?: NameEntry;
    }
  | { kind: "ambiguous"; entries: NameEntry[] }
  | { kind: "none" };

function better(a: NameMatch, b: NameMatch): number {
  if (a.usedContext !== b.usedContext) return a.usedContext ? 1 : -1;
  if (a.covered !== b.covered) return b.covered - a.covered;
  if (a.leftOut !== b.leftOut) return a.leftOut - b.leftOut;
  return a.extras - b.extras;
}

/**
 * The share of the phrase and the name that agree: the name's characters the phrase names,
 * against the name's length plus the words the phrase adds around it; less when words of
 * the name had to come from the clause before.
 */
export function confidenceOf(match: NameMatch): number {
  const whole = match.entry.core.length + match.extras;
  const share = whole === 0 ? 0 : match.covered / whole;
  return Math.round(Math.min(1, share) * (match.usedContext ? 0.9 : 1) * 100) / 100;
}

/**
 * A reading that passes over extra words must be clearly the best: another indicator that
 * fits with nearly as much of its name (fewer than two characters less) makes it unclear.
 */
const LOOSE_MARGIN = 2;

/**
 * Among rows that fit alike, the one whose 类别 or heading the text around says, looked for
 * in the nearest text first (the clause, then the sentence, then the draft's headings).
 */
/**
 * A 类别 or heading said in a text: as written, or with a few characters put in that a draft
 * adds or blanks ("西峰X组环保项目" says 西峰环保项目).
 */
function mentions(text: string, word: string): boolean {
  if (text.includes(word)) return true;
  if (word.length < 4) return false;
  for (let from = text.indexOf(word[0]); from >= 0; from = text.indexOf(word[0], from + 1)) {
    let at = from;
    let k = 0;
    while (k < word.length && at < text.length && at - from < word.length + 3) {
      if (text[at] === word[k]) k++;
      at++;
    }
    if (k === word.length) return true;
  }
  return false;
}

function byScope(best: NameMatch[], around: string[]): NameMatch[] {
  for (const text of around) {
    const said = best.filter((m) => m.entry.scope.some((w) => mentions(text, w)));
    if (said.length > 0 && new Set(said.map((m) => m.entry.key)).size === 1) return said;
  }
  return best;
}

/**
 * A 合计 sheet's row and the same row on each 社区's sheet, with no place said around (byScope
 * found none): the office's own figure is the whole's.
 */
function wholeOverPlaces(best: NameMatch[]): NameMatch[] {
  const whole = best.filter((m) => isWholeSheet(m.entry.indicator.sheet));
  const places = best.filter((m) => isPlaceSheet(m.entry.indicator.sheet));
  if (whole.length === 0 || whole.length + places.length !== best.length) return best;
  return new Set(whole.map((m) => m.entry.key)).size === 1 ? whole : best;
}

function pick(matches: NameMatch[], loose = false, around: string[] = []): Lookup {
  if (matches.length === 0) return { kind: "none" };
  const sorted = [...matches].sort(better);
  let best = sorted.filter((m) => better(m, sorted[0]) === 0);
  if (new Set(best.map((m) => m.entry.key)).size > 1) best = byScope(best, around);
  if (new Set(best.map((m) => m.entry.key)).size > 1) best = wholeOverPlaces(best);
  // A hidden sheet's copy of a visible row (11月备份) is no second indicator: the visible speaks.
  const visible = best.filter((m) => !m.entry.indicator.onHiddenSheet);
  const hiddenCopiesOnly =
    visible.length > 0 &&
    visible.length < best.length &&
    new Set(visible.map((m) => m.entry.key)).size === 1 &&
    best.every((m) => m.entry.core === visible[0].entry.core);
  const keys = new Set((hiddenCopiesOnly ? visible : best).map((m) => m.entry.key));
  if (keys.size > 1) return { kind: "ambiguous", entries: best.map((m) => m.entry) };
  const runnerUp = sorted.find((m) => m.entry.key !== best[0].entry.key);
  const tiedByScope = runnerUp && better(runnerUp, best[0]) === 0;
  if (loose && runnerUp && !tiedByScope && best[0].covered - runnerUp.covered < LOOSE_MARGIN)
    return { kind: "ambiguous", entries: [best[0].entry, runnerUp.entry] };
  // Of rows that are one indicator, the visible one speaks (a hidden sheet's copy may be stale).
  best = [...best].sort(
    (a, b) => Number(!!a.entry.indicator.onHiddenSheet) - Number(!!b.entry.indicator.onHiddenSheet)
  );
  return {
    kind: "found",
    entry: best[0].entry,
    duplicates: best.slice(1).map((m) => m.entry),
    usedContext: best[0].usedContext,
    confidence: confidenceOf(best[0]),
    runnerUp: runnerUp?.entry,
  };
}

/** Of rows that are one indicator stated for several periods, those of the report's period. */
function ofThePeriod(indicators: Indicator[], months: number | undefined): Indicator[] {
  if (months === undefined || !indicators.some((i) => i.statedMonths !== undefined))
    return indicators;
  const periodsOf = groupBy(indicators, (i) => `${i.context ?? ""}\u0000${canon(i.name)}`);
  const left = new Set<Indicator>();
  for (const rows of periodsOf.values()) {
    const stated = new Set(rows.map((i) => i.statedMonths));
    if (stated.size < 2 || !stated.has(months)) continue;
    for (const i of rows)
      if (i.statedMonths !== undefined && i.statedMonths !== months) left.add(i);
  }
  return left.size === 0 ? indicators : indicators.filter((i) => !left.has(i));
}

/** The indicators of an analysis, ready for matching. */
export class IndicatorCatalog {
  readonly entries: NameEntry[];

  /** Entries by their full name, so a row's namesakes are found without a pass over all rows. */
  private readonly byFullName: Map<string, NameEntry[]>;

  /**
   * `months`: the report's period. A workbook with a sheet a month (1—11月, 1—12月) holds each
   * row once per period: a draft of the report's period reads that period's rows only.
   */
  constructor(indicators: Indicator[], months?: number) {
    this.entries = ofThePeriod(indicators, months).map(nameEntry);
    // A row without a unit (a helper sheet's copy) is the same indicator as the rows of that
    // name with a unit, when they all have one unit: duplicates, whose numbers must agree.
    const keysWithUnit = groupBy(
      this.entries.filter((e) => normalizeUnit(e.indicator.unit) !== ""),
      (e) => e.core
    );
    for (const entry of this.entries) {
      if (normalizeUnit(entry.indicator.unit) !== "") continue;
      const units = new Set((keysWithUnit.get(entry.core) ?? []).map((e) => e.key));
      if (units.size === 1) entry.key = [...units][0];
    }
    // Rows of one name in one table under two section headings ("（二）新增低保 / 户数",
    // "（三）停发低保 / 户数") are two indicators, told apart by their sections as by a 类别.
    const sections = new Map<NameEntry, string>(this.entries.map((e) => [e, sectionOf(e)]));
    for (const rows of groupBy(
      this.entries,
      (e) => `${e.indicator.tableId}\u0000${e.key}`
    ).values()) {
      if (new Set(rows.map((e) => sections.get(e))).size < 2) continue;
      for (const entry of rows) entry.sectionKey = sections.get(entry);
    }
    for (const entry of this.entries)
      if (entry.sectionKey !== undefined) entry.key = `${entry.sectionKey}§${entry.key}`;
    // Rows of one name on sheets of two lines of work (检查企业 of 安全生产 and of 消防) are two
    // indicators, told apart by their sheets' names as by a 类别.
    for (const rows of groupBy(this.entries, (e) => e.key).values()) {
      const lines = new Set(rows.map((e) => lineOfWorkOfSheet(e.indicator.sheet)));
      lines.delete(undefined);
      if (lines.size < 2) continue;
      for (const entry of rows) {
        const line = lineOfWorkOfSheet(entry.indicator.sheet);
        if (!line) continue;
        entry.key = `${line}¶${entry.key}`;
        entry.scope = [...entry.scope, canon(line)];
      }
    }
    this.byFullName = groupBy(this.entries, (e) => e.full);
  }

  /**
   * The rows of the entry's own section of its table ("（四）残疾人生活补贴": 发放人数, 月发放
   * 金额), the entry included; none when the row stands under no heading.
   */
  sectionRows(entry: NameEntry): NameEntry[] {
    if (entry.indicator.section.length === 0) return [];
    const section = sectionOf(entry);
    return this.entries.filter(
      (e) => e.indicator.tableId === entry.indicator.tableId && sectionOf(e) === section
    );
  }

  /** Other rows of the same name whose unit is the same, convertible, or not given. */
  sameName(entry: NameEntry): NameEntry[] {
    const unit = normalizeUnit(entry.indicator.unit);
    return (this.byFullName.get(entry.full) ?? []).filter((e) => {
      // The full name: 接种（18岁以上） and 接种（60岁以上） are two indicators.
      if (e === entry || e.full !== entry.full) return false;
      if (e.indicator.tableId === entry.indicator.tableId && sectionOf(e) !== sectionOf(entry))
        return false;
      if ((e.indicator.context ?? "") !== (entry.indicator.context ?? "")) return false;
      if (onSheetsOfTwoLines(e.indicator, entry.indicator)) return false;
      const other = normalizeUnit(e.indicator.unit);
      return other === "" || unit === "" || baseUnit(other) === baseUnit(unit);
    });
  }

  /**
   * The indicator a report phrase speaks of. `accept` filters by unit; `context` supplies
   * words from the clause before, tried only when the phrase alone matches nothing.
   */
  matchPhrase(
    phrase: string,
    options: {
      accept?: (entry: NameEntry) => boolean;
      context?: string[];
      /** Text around the phrase, nearest first (canon), that may say a row's 类别 or heading. */
      around?: string[];
      /**
       * Words of the subject further back (canon: the sentence's first clauses, the heading
       * that opens the paragraph), tried last, for the name as written only.
       */
      farContext?: string[];
    } = {}
  ): Lookup & { rejectedByUnit?: NameEntry[] } {
    const text = canon(phrase);
    const accept = options.accept ?? (() => true);
    let rejectedByUnit: NameEntry[] | undefined;
    const near = options.context ?? [];
    const far = options.farContext ?? [];
    // The name as written first; then passing over words around it ("向部队输送高素质新兵").
    for (const loose of [false, true]) {
      // A unit that rules out the name as written ends the search, unless words further back
      // may still name another row ("参加市招聘会X次，共计X人参加" under a heading).
      if (!loose && rejectedByUnit) return { kind: "none", rejectedByUnit };
      const contexts = loose || far.length === 0 ? [[], near] : [[], near, [...near, ...far]];
      let farOnly = false;
      for (const [level, context] of contexts.entries()) {
        if (farOnly && level < 2) continue;
        const fits = this.entries
          .map((e) => fitEntry(text, e, context, loose))
          .filter((f): f is Fit => !!f);
        const matches = fits.filter((f) => f.missing.length === 0).map((f) => f.match);
        if (matches.length === 0) continue;
        const fitting = matches.filter((m) => accept(m.entry));
        if (fitting.length === 0) {
          if (rejectedByUnit) continue;
          const rejected = pick(matches);
          rejectedByUnit =
            rejected.kind === "found"
              ? [rejected.entry]
              : rejected.kind === "ambiguous"
                ? rejected.entries
                : [];
          if (!loose && level >= 2) return { kind: "none", rejectedByUnit };
          if (!loose && contexts.length < 3) return { kind: "none", rejectedByUnit };
          farOnly = true;
          continue;
        }
        const chosen = pick(fitting, loose, options.around);
        if (chosen.kind !== "found") return chosen;
        const holding = this.rowsHoldingPassedWords(chosen.entry, fitting, accept);
        if (holding.length > 0) return { kind: "ambiguous", entries: [chosen.entry, ...holding] };
        return this.checkRivals(chosen, fitting, fits, context, accept);
      }
    }
    return { kind: "none", rejectedByUnit };
  }

  /**
   * "下发作风通报" read as 下发通报 by passing over 作风: another row that holds a word passed
   * over and the name's word after it (作风监督通报) may be the one meant, so it is unclear.
   */
  private rowsHoldingPassedWords(
    chosen: NameEntry,
    matches: NameMatch[],
    accept: (entry: NameEntry) => boolean
  ): NameEntry[] {
    const inside = matches.find((m) => m.entry === chosen)?.inside ?? [];
    if (inside.length === 0) return [];
    const pairs = inside.flatMap(({ word, before }) =>
      [...Array(Math.max(0, word.length - 1)).keys()].map((at) => ({
        word: word.slice(at, at + 2),
        before,
      }))
    );
    return this.entries.filter(
      (e) =>
        e.key !== chosen.key &&
        accept(e) &&
        pairs.some(({ word, before }) => e.full.includes(word) && e.full.includes(before))
    );
  }

  /**
   * "新增就业" fits 城镇新增就业 by leaving out 城镇; if 农村新增就业 differs only by 农村, the
   * phrase does not say which one is meant, unless the clauses before do.
   */
  private checkRivals(
    chosen: Extract<Lookup, { kind: "found" }>,
    matches: NameMatch[],
    fits: Fit[],
    context: string[],
    accept: (entry: NameEntry) => boolean
  ): Lookup {
    const match = matches.find((m) => m.entry === chosen.entry) as NameMatch;
    if (match.qualifiersLeftOut.length === 0) return chosen;
    // A rival names as much of the phrase ("新增就业" in 农村新增就业), not less (only "就业"
    // of 失业人员再就业).
    const rivals = fits.filter(
      (f) =>
        f.missing.length > 0 &&
        f.match.entry.key !== chosen.entry.key &&
        f.match.covered >= match.covered &&
        accept(f.match.entry)
    );
    if (rivals.length === 0) return chosen;
    const said = (word: string) => context.some((c) => c.includes(word));
    const rivalSaid = rivals.some((r) => r.missing.some(said));
    if ((match.usedContext || match.qualifiersLeftOut.some(said)) && !rivalSaid) return chosen;
    return { kind: "ambiguous", entries: [chosen.entry, ...rivals.map((r) => r.match.entry)] };
  }

  /**
   * Another row of the same name (another table, a hidden helper sheet) with a different
   * number among `fields`: the cells of the first such pair. A row without a unit is read
   * in the unit of the row it copies.
   */
  conflict(entry: NameEntry, fields: NumberField[]): Conflict | undefined {
    const unit = entry.indicator.unit;
    let stale: Conflict | undefined;
    for (const other of this.sameName(entry)) {
      const otherUnit = normalizeUnit(other.indicator.unit) === "" ? unit : other.indicator.unit;
      const factor = normalizeUnit(unit) === "" ? 1 : unitScale(otherUnit) / unitScale(unit);
      for (const field of fields) {
        const a = entry.indicator[field];
        const b = other.indicator[field];
        if (!a || !b) continue;
        if (Math.abs(a.value - b.value * factor) <= 1e-9 * Math.max(1, Math.abs(a.value))) continue;
        // A copy on a hidden helper sheet that disagrees with the visible row is stale.
        if (other.indicator.onHiddenSheet && !entry.indicator.onHiddenSheet)
          stale = stale ?? { cells: [a.ref, b.ref], staleCopy: true };
        else return { cells: [a.ref, b.ref], staleCopy: false };
      }
    }
    return stale;
  }

  /**
   * An indicator named in a template or in the 报告配置 sheet, with its numbers in doubt when
   * another visible row of its name says otherwise: the one lookup behind both.
   */
  lookupQuotable(name: string): Lookup | { kind: "conflict"; cells: [CellRef, CellRef] } {
    const found = this.lookupName(name);
    if (found.kind !== "found") return found;
    const conflict = this.conflict(found.entry, ["actual", "target", "previous"]);
    return conflict && !conflict.staleCopy ? { kind: "conflict", cells: conflict.cells } : found;
  }

  /** An indicator named in a template or in the 报告配置 sheet. */
  lookupName(name: string): Lookup {
    const text = canon(name.replace(/^\s*(其中|含|包括)\s*[:：]?/, ""));
    const exact = this.entries.filter((e) => e.full === text || e.core === text);
    if (exact.length > 0) return pick(exact.map((entry) => matchEntry(text, entry) as NameMatch));
    return this.matchPhrase(text);
  }

  /** Names that share words with `name`, for "did you mean" in messages. */
  /**
   * Rows whose names share the most words with `name` (two characters running at least),
   * best first, for a reader to choose from when the words matched no row.
   */
  nearest(name: string, accept: (entry: NameEntry) => boolean, limit = 3): NameEntry[] {
    const text = canon(name);
    const scored = this.entries
      .filter(accept)
      .map((entry) => ({ entry, score: sharedBigrams(text, entry.full) }))
      .filter((s) => s.score >= 2)
      .sort((a, b) => b.score - a.score);
    const seen = new Set<string>();
    return scored
      .filter((s) => !seen.has(s.entry.key) && !!seen.add(s.entry.key))
      .slice(0, limit)
      .map((s) => s.entry);
  }

  suggestions(name: string, limit = 3): string[] {
    const text = canon(name);
    const scored = this.entries
      .map((e) => ({ name: e.indicator.name, score: sharedBigrams(text, e.full) }))
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score);
    return [...new Set(scored.map((s) => s.name))].slice(0, limit);
  }
}

function sharedBigrams(a: string, b: string): number {
  const grams = new Set<string>();
  for (let i = 0; i + 1 < a.length; i++) grams.add(a.slice(i, i + 2));
  let count = 0;
  for (let i = 0; i + 1 < b.length; i++) if (grams.has(b.slice(i, i + 2))) count++;
  return count;
}

/** For messages: 固定资产投资（经济!A4）. */
export function describeEntry(entry: NameEntry): string {
  return describeIndicator(entry.indicator);
}

export function describeIndicator(indicator: Indicator): string {
  return `${indicator.name}（${indicator.sheet}!${indicator.nameRef.cell}）`;
}

export function isPercentIndicator(indicator: Indicator): boolean {
  return isPercentUnit(indicator.unit);
}
