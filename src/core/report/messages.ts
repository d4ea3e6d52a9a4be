/**
 * What the report module tells the user, each code once: why a number of a draft is left or
 * not checked, what a check found, what is wrong in a template or the 报告配置 sheet. Every
 * code has its severity and its text in both languages, written from named parameters; the
 * code that decides only picks the code and fills the parameters (`say`).
 *
 * Parameters that are the user's own words (an indicator's name, a draft's phrase) stay as
 * written in both languages; everything else in an English text is English.
 */
import { CodedText } from "../errors";
import { Severity } from "../model";
import { FIELD_LABELS, Field } from "../lexicon/fields";

/** An indicator as a message names it: “城镇新增就业”（就业!B4） / its name as written. */
export interface Named {
  zh: string;
  en: string;
}

export type { Field };

/** The fields' labels, one home in the phrasebook (lexicon/fields.ts). */
export const FIELD_ZH = Object.fromEntries(
  Object.entries(FIELD_LABELS).map(([field, label]) => [field, label.zh])
) as Record<Field, string>;

export const FIELD_EN = Object.fromEntries(
  Object.entries(FIELD_LABELS).map(([field, label]) => [field, label.en])
) as Record<Field, string>;

interface MessageRule<P> {
  severity: Severity;
  zh: (p: P) => string;
  en: (p: P) => string;
}

function rule<P = Record<string, never>>(
  severity: Severity,
  zh: (p: P) => string,
  en: (p: P) => string
): MessageRule<P> {
  return { severity, zh, en };
}

type UpDown = "up" | "down";
const UP_DOWN_ZH = {
  growth: { up: "增长", down: "下降" },
  change: { up: "增加", down: "减少" },
  schedule: { up: "快于序时进度", down: "慢于序时进度" },
};
const unitOrNone = (unit: string) => unit || "（未注明）";
const didYouMean = (like: string[], zh: boolean) =>
  like.length === 0
    ? ""
    : zh
      ? `（是否指：${like.join("、")}？）`
      : ` (did you mean ${like.join(", ")}?)`;

/** A name that fits several rows, or two rows of it that disagree. */
interface Ambiguity {
  name: string;
  names?: string;
  cells?: string[];
}
const ambiguousZh = (p: Ambiguity) =>
  p.cells
    ? `“${p.name}”有同名指标且数值不一致（${p.cells.join(" 与 ")}），请核实`
    : `“${p.name}”对应多个指标：${p.names ?? ""}，请写全名称`;
const ambiguousEn = (p: Ambiguity) =>
  p.cells
    ? `"${p.name}": two rows of that name disagree (${p.cells.join(", ")})`
    : `"${p.name}" matches several indicators: ${p.names ?? ""}`;

/** Why a number is not one to fill or check: the words around it say what it is. */
const NOT_A_NUMBER = {
  ordinal: ["序号（第X），不是指标数", "an ordinal"],
  age: ["年龄，不是指标数", "an age"],
  ageRange: ["年龄段，不是指标数", "an age range"],
  date: ["日期或年份，不是指标数", "a date or year"],
  period: ["日期或期间，不是指标数", "a date or period"],
  range: ["数值范围，不逐个填写", "a range of values"],
  name: ["名称（如X街道、X社区），不是指标数", "part of a name"],
  quoted: ["引号中的名称，不是指标数", "a quoted name"],
  heading: ["标题序号", "a heading number"],
  qualifier: ["括号中的限定语（如18岁以上），不是指标数", "part of a bracketed qualifier"],
  schedule: [
    "序时进度，由报告期算出，不是指标数",
    "the share of the year elapsed, from the report's period",
  ],
  hotline: ["热线号码，是名称的一部分，不是指标数", "a service number, part of a name"],
  code: ["名称中的编号（如PM2.5），不是指标数", "part of a code in a name"],
} as const;
export type NotANumber = keyof typeof NOT_A_NUMBER;

export const REPORT_MESSAGES = {
  // ---- a value of an indicator, or why not: shared by templates, fill and check -----------
  NO_VALUE: rule<{ indicator: Named; field: Field }>(
    "info",
    (p) => `工作簿中${p.indicator.zh}没有${FIELD_ZH[p.field]}`,
    (p) => `${p.indicator.en} has no ${FIELD_EN[p.field]} in the workbook`
  ),
  FLAGGED_CELL: rule<{ indicator: Named; cell: string }>(
    "info",
    (p) => `${p.indicator.zh}的数据有待修正（见校验结果，${p.cell}），暂不采用`,
    (p) => `${p.indicator.en}: a cell has an error to fix first (${p.cell}); not used`
  ),
  NO_RATE: rule<{ indicator: Named; why: "ceiling" | "missing" | "percent" }>(
    "info",
    (p) =>
      p.why === "ceiling"
        ? `${p.indicator.zh}是控制性指标，没有完成率`
        : p.why === "percent"
          ? "百分比指标的“完成X%”是其数值，不是完成率"
          : `${p.indicator.zh}缺少目标或完成数，无法计算完成率`,
    (p) =>
      p.why === "ceiling"
        ? `${p.indicator.en} is a ceiling indicator without a completion rate`
        : p.why === "percent"
          ? "a percentage indicator's value is not a completion rate"
          : `${p.indicator.en}: no target or completed value to compute a rate`
  ),
  NO_SCHEDULE: rule(
    "info",
    () => "报告期为全年，没有序时进度",
    () => "the report covers the whole year: there is no share of the year to compare with"
  ),
  NO_SHORTFALL: rule<{ indicator: Named; why: "met" | "ceiling" }>(
    "info",
    (p) =>
      p.why === "met"
        ? `${p.indicator.zh}已完成目标，与目标没有差距`
        : `${p.indicator.zh}是控制性指标，不按与目标之差计`,
    (p) =>
      p.why === "met"
        ? `${p.indicator.en} met its target: there is no shortfall`
        : `${p.indicator.en} is a ceiling indicator: no shortfall to its target`
  ),
  NO_GROWTH: rule<{ indicator: Named }>(
    "info",
    (p) => `${p.indicator.zh}缺少上年同期数，无法计算增长`,
    (p) => `${p.indicator.en}: no last year's value to compute growth`
  ),
  NO_CHANGE: rule<{ indicator: Named }>(
    "info",
    (p) => `${p.indicator.zh}缺少完成数或上年同期数，无法计算增减`,
    (p) => `${p.indicator.en}: no completed or last year's value to compute the change`
  ),
  UNIT_MISMATCH: rule<{ indicator: Named; written: string; unit: string }>(
    "info",
    (p) =>
      `单位不符：文中为“${p.written || "（无单位）"}”，${p.indicator.zh}的单位是${unitOrNone(p.unit)}，不能换算`,
    (p) =>
      `unit mismatch: the text writes "${p.written}", ${p.indicator.en} is in ${p.unit || "no unit"}, which does not convert`
  ),
  GROWTH_KIND: rule<{ indicator: Named; kind: "points" | "percent" | "lessThanDouble" }>(
    "info",
    (p) =>
      p.kind === "points"
        ? `${p.indicator.zh}是百分比指标，其变化应写作“个百分点”`
        : p.kind === "percent"
          ? `${p.indicator.zh}不是百分比指标，增长应写作百分数`
          : `${p.indicator.zh}增长不足一倍，不宜写作“增长X倍”`,
    (p) =>
      p.kind === "points"
        ? `${p.indicator.en} is a rate: its change is in percentage points`
        : p.kind === "percent"
          ? `${p.indicator.en} is not a rate: growth is a percentage`
          : `${p.indicator.en} grew by less than 100%`
  ),
  GROWTH_FLAT: rule<{ indicator: Named }>(
    "info",
    (p) => `${p.indicator.zh}与上年持平，不宜写“增长/下降”`,
    (p) => `${p.indicator.en} is flat on last year`
  ),
  GROWTH_DIRECTION: rule<{
    indicator: Named;
    words: "growth" | "change" | "schedule";
    written: UpDown;
    actual: UpDown;
  }>(
    "warning",
    (p) =>
      `增减方向不符：文中为${UP_DOWN_ZH[p.words][p.written]}，${p.indicator.zh}实际${UP_DOWN_ZH[p.words][p.actual]}`,
    (p) => `direction mismatch: the text says ${p.written}, ${p.indicator.en} went ${p.actual}`
  ),
  STATED_MISMATCH: rule<{ field: "rate" | "growth"; cell: string }>(
    "warning",
    (p) =>
      `表中填报的${p.field === "rate" ? "完成率" : "同比增速"}与计算值不一致，请先核实（${p.cell}）`,
    (p) =>
      `the ${p.field === "rate" ? "completion rate" : "growth"} stated in the table (${p.cell}) disagrees with the computed one: check it first`
  ),

  // ---- which indicator a draft's number stands for --------------------------------------
  NO_INDICATOR: rule<{ words: string; where: "phrase" | "list" | "unnamed" | "afterUnclear" }>(
    "info",
    (p) =>
      p.where === "unnamed"
        ? "未找到对应指标（句中未写明指标名称）"
        : p.where === "afterUnclear"
          ? "前文的数未能确定指标，此数所指也无法确定"
          : p.where === "list"
            ? `未找到对应指标（列举中的“${p.words}”）`
            : `未找到对应指标（“${p.words}”）`,
    (p) =>
      p.where === "unnamed"
        ? "no indicator named before the number"
        : p.where === "afterUnclear"
          ? "the number before names no clear indicator, so neither does this one"
          : p.where === "list"
            ? `no indicator matches "${p.words}" in the list`
            : `no indicator matches "${p.words}"`
  ),
  AMBIGUOUS: rule<{ candidates: string[]; names: string[] }>(
    "info",
    (p) => `无法确定是哪一个指标，可能是：${p.candidates.join("或")}`,
    (p) => `several indicators match: ${p.names.join(", ")}`
  ),
  DUPLICATE_DIFFERS: rule<{ indicator: Named; a: string; b: string }>(
    "info",
    (p) => `同名指标数值不一致（${p.a} 与 ${p.b}）`,
    (p) => `two rows named ${p.indicator.en} disagree (${p.a}, ${p.b})`
  ),
  PERIODS_DIFFER: rule<{ periods: string[] }>(
    "info",
    (p) =>
      `工作簿中有${p.periods.join("和")}两期的数，文稿开头未写明报告期（如“1—11月”“全年”），不知填哪一期`,
    () =>
      "the workbook holds this row for two periods and the draft's opening names neither: left blank"
  ),
  AGE_DIFFERS: rule<{ indicator: Named; age: string; otherAge: string }>(
    "info",
    (p) => `句中说的是${p.age}，${p.indicator.zh}是${p.otherAge}的指标`,
    (p) => `the sentence speaks of ${p.age}, ${p.indicator.en} is for ${p.otherAge}`
  ),
  PART_IS_TOTAL: rule<{ indicator: Named }>(
    "info",
    (p) => `“其中”所列的数不是前文的${p.indicator.zh}，未找到这一部分的指标`,
    (p) =>
      `a part listed after the total is not ${p.indicator.en} itself; no row of that part found`
  ),
  UNDONE: rule<{ words: string }>(
    "info",
    (p) => `数后写的是“${p.words}”：是未完成的数，不是完成数`,
    (p) =>
      `the number is followed by "${p.words}": what is left undone, not a count of what was done`
  ),
  QUALIFIED: rule(
    "info",
    () => "该数限于某一年龄段或社区、小区，工作簿中没有对应指标",
    () => "the number is about one age group or one part of the area"
  ),
  UNCLEAR_SUBJECT: rule<{ main?: Named; parts?: string[] }>(
    "info",
    (p) =>
      p.main
        ? `完成率是${p.main.zh}的还是其中${(p.parts ?? []).join("、")}的，无法确定`
        : "前文“其中”所列的数未能确定指标，完成率所指也无法确定",
    (p) =>
      p.main
        ? `the rate may be ${p.main.en}'s or a part's`
        : "a part listed before names no clear indicator, so the rate's indicator is unclear"
  ),
  NO_UNIT: rule(
    "info",
    () => "占位符后没有单位，无法判断是什么数",
    () => "no unit after the placeholder"
  ),
  NO_FIELD: rule<{ change: boolean }>(
    "info",
    (p) => (p.change ? "未找到“增长/提高”等字样，无法判断是什么数" : "无法判断是什么数"),
    (p) =>
      p.change
        ? "no word for a rise or fall: cannot tell what the number is"
        : "cannot tell what the number is"
  ),
  EACH_DIFFERS: rule<{ values: string[] }>(
    "info",
    (p) => `“各”前所列的指标数值不一致：${p.values.join("，")}`,
    () => "the things listed before the word for each have different values"
  ),
  OWN_SUBJECT: rule<{ words: string; topic: Named; what: string }>(
    "info",
    (p) => `“${p.words}”应是前文${p.topic.zh}的${p.what}，工作簿中没有这一指标`,
    (p) => `"${p.words}" is the ${p.what} of ${p.topic.en} named before, not in the workbook`
  ),
  PLANNED: rule<{ words: string }>(
    "info",
    (p) => `“${p.words}”：是计划数还是完成数不明，不填写`,
    (p) => `"${p.words}": a planned or a completed value? left blank`
  ),
  AIMED_AHEAD: rule<{ words: string }>(
    "info",
    (p) => `“${p.words}”：说的是以后的目标或年份，不是本年的完成数，不填写`,
    (p) => `"${p.words}": an aim for a later time or year, not this year's result; left blank`
  ),
  COUNTED_NOUN: rule<{ indicator: Named; written: string; counted: string }>(
    "info",
    (p) => `数后写的是“${p.written}”，${p.indicator.zh}计的是“${p.counted}”`,
    (p) => `the number counts ${p.written}, ${p.indicator.en} counts ${p.counted}`
  ),
  TOO_COARSE: rule<{ written: string }>(
    "info",
    (p) => `按文中单位只能写作${p.written}，精度不足，请改用更小的单位`,
    (p) => `in the text's unit the number would be ${p.written}: too coarse`
  ),
  UNDECIDED: rule(
    "info",
    () => "无法确定",
    () => "undecided"
  ),
  NOT_A_NUMBER: rule<{ kind: NotANumber }>(
    "info",
    (p) => NOT_A_NUMBER[p.kind][0],
    (p) => NOT_A_NUMBER[p.kind][1]
  ),

  // ---- what a check of a finished draft says ----------------------------------------------
  CHECK_AGREES: rule<{ indicator: Named; field: Field; cells: string[] }>(
    "info",
    (p) =>
      `与工作簿一致：${p.indicator.zh}${FIELD_ZH[p.field]}${p.cells.length ? `（${p.cells.join("、")}）` : ""}`,
    (p) => `agrees with the workbook: ${p.indicator.en} ${FIELD_EN[p.field]}`
  ),
  CHECK_WORDING: rule<{
    why: { zh: string; en: string };
    written: string;
    corrected?: string;
    statedAgrees: boolean;
  }>(
    "error",
    (p) =>
      `${p.why.zh}（文中“${p.written}”）${p.corrected ? `，应为“${p.corrected}”` : ""}${p.statedAgrees ? "；与表中填写的增长率一致，但与按完成数计算的结果不符" : ""}`,
    (p) =>
      `${p.why.en}${p.corrected ? `; it should read "${p.corrected}"` : ""}${p.statedAgrees ? "; it agrees with the growth stated in the table, not with the one computed from the values" : ""}`
  ),
  CHECK_RATE_DIFFERS: rule<{
    indicator: Named;
    field: "rate" | "growth";
    written: string;
    expected: string;
    cells: string[];
    corrected?: string;
    statedAgrees: boolean;
  }>(
    "error",
    (p) =>
      `${FIELD_ZH[p.field]}不符：文中“${p.written}”，按工作簿计算${p.indicator.zh}为${p.expected}${p.cells.length ? `（${p.cells.join("、")}）` : ""}${p.corrected ? `，应为“${p.corrected}”` : ""}${p.statedAgrees ? `；与表中填写的${p.field === "rate" ? "完成率" : "增长率"}一致，但与按完成数计算的结果不符` : ""}`,
    (p) =>
      `${FIELD_EN[p.field]} differs: the text says ${p.written}, the workbook gives ${p.expected} for ${p.indicator.en}`
  ),
  CHECK_SCALE_SLIP: rule<{
    indicator: Named;
    field: Field;
    slip: { zh: string; en: string };
    written: string;
    book: string;
    cells: string[];
  }>(
    "error",
    (p) =>
      `数量级不符（${p.slip.zh}）：文中“${p.written}”，工作簿中${p.indicator.zh}${FIELD_ZH[p.field]}为${p.book}${p.cells.length ? `（${p.cells.join("、")}）` : ""}，应为${p.book}`,
    (p) =>
      `scale slip (${p.slip.en}): the text says ${p.written}, the workbook gives ${p.book} for ${p.indicator.en}`
  ),
  CHECK_VALUE_DIFFERS: rule<{
    indicator: Named;
    field: Field;
    written: string;
    book: string;
    inTextUnit: string;
    cells: string[];
    /** The draft's number is 10^times the workbook's (negative: below), when it is. */
    times?: number;
  }>(
    "error",
    (p) =>
      `数值不符：文中“${p.written}”，工作簿中${p.indicator.zh}${FIELD_ZH[p.field]}为${p.book}${p.cells.length ? `（${p.cells.join("、")}）` : ""}${p.inTextUnit && p.inTextUnit !== p.book ? `，即${p.inTextUnit}` : ""}${p.times ? `；文中数${p.times > 0 ? `是工作簿的${10 ** p.times}倍` : `是工作簿的1/${10 ** -p.times}`}，请核对小数点和单位` : ""}`,
    (p) =>
      p.times
        ? `value differs: the text says ${p.written}, ${10 ** Math.abs(p.times)}× ${p.times > 0 ? "above" : "below"} the workbook's ${p.inTextUnit || p.book} for ${p.indicator.en}: check the decimal point and the unit`
        : `value differs: the text says ${p.written}, the workbook gives ${p.inTextUnit || p.book} for ${p.indicator.en}`
  ),
  CHECK_NO_INDICATOR: rule(
    "info",
    () => "未找到对应指标",
    () => "no indicator"
  ),

  // ---- templates ({城镇新增就业.完成率}) -------------------------------------------------------
  TEMPLATE_AT: rule<{ line: number; column: number; problem: { zh: string; en: string } }>(
    "error",
    (p) =>
      `模板${p.line > 1 ? `第${p.line}行第${p.column}个字符` : `第${p.column}个字符`}：${p.problem.zh}`,
    (p) => `template line ${p.line}, column ${p.column}: ${p.problem.en}`
  ),
  UNCLOSED_TAG: rule(
    "error",
    () => "“{”没有对应的“}”",
    () => "“{” is not closed"
  ),
  STRAY_BRACE: rule(
    "error",
    () => "多余的“}”（要写“}”本身请写“}}”）",
    () => "stray “}” (write “}}” for a brace)"
  ),
  EMPTY_TAG: rule<{ where: "ref" | "condition" | "braces" }>(
    "error",
    (p) =>
      p.where === "braces"
        ? "空的“{}”"
        : p.where === "condition"
          ? "条件中缺少指标名称"
          : "缺少指标名称",
    (p) => (p.where === "braces" ? "empty {}" : "no name")
  ),
  UNKNOWN_FIELD: rule<{ word: string }>(
    "error",
    (p) => `未知字段“${p.word}”，可用：完成、目标、上年、完成率、增长、增长率、状态、名称、单位`,
    (p) =>
      `unknown field "${p.word}": use one of the field words (completed, target, last year, rate, growth, growth rate, status, name, unit) in Chinese`
  ),
  BAD_OPTION: rule<{ option: string }>(
    "error",
    (p) => `无法识别的格式“${p.option}”：可写小数位数（0—4）、单位（如万元、亿元）或“数”`,
    (p) => `unknown option "${p.option}": decimals 0-4, a unit, or the word for a bare number`
  ),
  UNKNOWN_CONDITION: rule<{ word: string }>(
    "error",
    (p) =>
      `未知条件“${p.word}”，可用：已完成、未完成、超额完成、增长、下降、持平、有目标、有上年、有数据`,
    (p) => `unknown condition "${p.word}"`
  ),
  UNCLOSED_CONDITION: rule(
    "error",
    () => "条件“{?…}”没有以“{/}”结束",
    () => "condition “{?…}” is not closed with “{/}”"
  ),
  NESTED_TOO_DEEP: rule<{ levels: number }>(
    "error",
    (p) => `条件“{?…}”嵌套超过${p.levels}层`,
    (p) => `conditions nested deeper than ${p.levels} levels`
  ),
  STRAY_ELSE: rule(
    "error",
    () => "“{:}”前没有对应的“{?…}”",
    () => "“{:}” without “{?…}”"
  ),
  STRAY_END: rule(
    "error",
    () => "“{/}”前没有对应的“{?…}”",
    () => "“{/}” without “{?…}”"
  ),
  UNKNOWN_INDICATOR: rule<{ name: string; like: string[] }>(
    "error",
    (p) => `未找到指标“${p.name}”${didYouMean(p.like, true)}`,
    (p) => `no indicator "${p.name}"${didYouMean(p.like, false)}`
  ),
  AMBIGUOUS_INDICATOR: rule<Ambiguity>("error", ambiguousZh, ambiguousEn),

  // ---- the 报告配置 sheet -------------------------------------------------------------------
  OUTLINE_AT: rule<{ cell: string; problem: { zh: string; en: string } }>(
    "error",
    (p) => `${p.cell} ${p.problem.zh}`,
    (p) => `${p.cell} ${p.problem.en}`
  ),
  OUTLINE_UNKNOWN_ITEM: rule<{ name: string; like: string[] }>(
    "error",
    (p) =>
      `未找到指标或类别“${p.name}”${didYouMean(p.like, true)}；类别可写：就业、社保、疫苗接种、经济、其他`,
    (p) => `no indicator or category "${p.name}"${didYouMean(p.like, false)}`
  ),
  OUTLINE_AMBIGUOUS_ITEM: rule<Ambiguity>("error", ambiguousZh, ambiguousEn),
  OUTLINE_NO_HEADER: rule(
    "warning",
    () => "报告配置表中未找到表头（序号、标题、指标或类别、模板），已按默认结构生成报告",
    () =>
      "no header row (number, title, indicator or category, template) found in the report sheet; the default outline is used"
  ),
  OUTLINE_BAD_NUMBER: rule<{ number: string }>(
    "warning",
    (p) => `无法识别的序号“${p.number}”，应写作“一、”“（一）”“1.”或“（1）”；已按上一节的级别处理`,
    (p) =>
      `unreadable heading number "${p.number}": use a Chinese numeral, a bracketed one, 1. or (1); taken as the level of the section before`
  ),
} as const;

export type ReportMessageCode = keyof typeof REPORT_MESSAGES;
type Rules = typeof REPORT_MESSAGES;
export type ParamsOf<C extends ReportMessageCode> =
  Rules[C] extends MessageRule<infer P> ? P : never;

/** The text of a report message, for its code and parameters. */
export function say<C extends ReportMessageCode>(
  code: C,
  params: ParamsOf<C>
): CodedText & { code: C } {
  const r = REPORT_MESSAGES[code] as unknown as MessageRule<ParamsOf<C>>;
  return { code, zh: r.zh(params), en: r.en(params) };
}

export function severityOf(code: ReportMessageCode): Severity {
  return REPORT_MESSAGES[code].severity;
}

/** The no-parameter form, for codes without parameters. */
export function sayPlain(
  code: {
    [C in ReportMessageCode]: ParamsOf<C> extends Record<string, never> ? C : never;
  }[ReportMessageCode]
): CodedText {
  return say(code, {} as never);
}
