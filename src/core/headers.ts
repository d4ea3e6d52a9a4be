/**
 * Header words: the one place that says which header text means which column.
 * Rules are tried in order; the first that matches wins, so the more specific come first
 * ("完成率" before "完成", "上年完成" before "完成", "同比增长" before "上年").
 */
import { ColumnRole, ReportPeriod } from "./model";
import { normalizeForMatch, rememberedOf } from "./text";

interface HeaderRule {
  role: ColumnRole;
  /** Whole header equals one of these (after normalisation). */
  exact?: string[];
  /** Header contains a match. */
  pattern?: RegExp;
}

/** Columns that look like headers but carry nothing the engine reads. */
const IGNORED =
  /序时进度|时间进度|进度要求|排名|名次|责任|牵头|联系人|负责人|分管|差额|差距|超欠|缺口|剩余/;

/** 社区, 村(居), 网格, 单位名称…: the rows of the table are parts of one indicator. */
export const BREAKDOWN_HEADER =
  /^(社区|社区名称|社区\(村\)|村|村居|村\(居\)|村\(社区\)|村社区|网格|小区|部门|科室|单位名称|企业|企业名称|街道|乡镇|镇街|区域|community|district|village)$/;

export const HEADER_RULES: HeaderRule[] = [
  { role: "index", exact: ["序号", "序", "编号", "no", "no.", "#", "id"] },
  {
    role: "name",
    exact: [
      "指标",
      "指标名称",
      "指标项目",
      "项目",
      "项目名称",
      "名称",
      "工作指标",
      "考核指标",
      "主要指标",
      "统计指标",
      "内容",
      "工作内容",
      "任务名称",
      "指标内容",
      "indicator",
      "indicators",
      "indicatorname",
      "item",
      "items",
      "name",
      "metric",
      "kpi",
    ],
  },
  /** Rows that are places or bodies, not indicators: a breakdown of one indicator (see discover.ts). */
  {
    role: "name",
    pattern: BREAKDOWN_HEADER,
  },
  { role: "note", pattern: /备注|附注|^说明$|情况说明|^notes?$|remark|comment/ },
  {
    role: "category",
    pattern:
      /^(类别|分类|领域|板块|条线|类型|工作类别|所属领域|业务类别|工作领域|category|area|sector|field)$/,
  },
  { role: "unit", pattern: /^(计量单位|计算单位|单位|units?|uom)$|^单位[(（]/ },
  {
    role: "statedGrowth",
    pattern:
      /同比|增速|增长率|增幅|增减|^增长|^涨幅|比上年|比去年|较上年|较去年|比同期|较同期|yoy|growth|change/,
  },
  {
    role: "statedRate",
    pattern:
      /完成率|完成进度|完成比例|完成百分比|完成比|目标完成(?!数|值|量|额|情况)|^进度|completion|rate|progress|%oftarget|achievement/,
  },
  { role: "previous", pattern: /上年|去年|上一年|同期|priory|lastyear|previous|^ly$|prioryear/ },
  // "任务完成情况", "目标完成数": what was done against the task, before 任务/目标 claim it.
  { role: "actual", pattern: /(任务|目标)完成(数|值|量|额|情况)?$|完成情况/ },
  { role: "target", pattern: /目标|任务|计划|下达|指标数|考核值|target|goal|plan|quota|budget/ },
  {
    role: "actual",
    pattern:
      /完成|实际|累计|实绩|本期|本年|当年|截至|截止|\d+月|全年|上半年|季度|actual|complet|done|ytd|result|achieved|value/,
  },
];

export interface HeaderMeaning {
  role: ColumnRole;
  /** A period written in the header, such as "1—10月完成" → 10 months. */
  period?: ReportPeriod;
  /** A unit written in the header, such as "完成（万元）". */
  unit?: string;
  /** The header names one month ("6月"), not the year to date ("1—6月"). */
  singleMonth?: boolean;
}

const SINGLE_MONTH = /^(\d{1,2}|[一二三四五六七八九十]+)月份?(完成|完成数|实际|数)?$/;

/**
 * What a header cell means, or undefined when it is not a header word we read. Discovery asks
 * this of every cell of every row (each may start a table): inside an analysis the answer for a
 * text is remembered, and each caller gets its own copy.
 */
export function classifyHeader(text: string): HeaderMeaning | undefined {
  const meaning = rememberedOf(classifyHeaderText, text);
  if (!meaning) return undefined;
  const copy: HeaderMeaning = { ...meaning };
  if (meaning.period) copy.period = { ...meaning.period };
  return copy;
}

function classifyHeaderText(text: string): HeaderMeaning | undefined {
  const whole = classifyOne(text);
  if (whole) return whole;
  // A bilingual header ("Unit 单位", "目标 Target"): either language's half may name the column.
  const halves = text.normalize("NFKC").match(/[A-Za-z][A-Za-z .'/&-]*|[^A-Za-z]+/g) ?? [];
  if (halves.length !== 2) return undefined;
  const meanings = halves.map((h) => classifyOne(h.trim())).filter((m) => m !== undefined);
  return meanings.length > 0 && meanings.every((m) => m.role === meanings[0].role)
    ? (meanings.find((m) => m.period) ?? meanings[0])
    : undefined;
}

function classifyOne(text: string): HeaderMeaning | undefined {
  const normalized = normalizeForMatch(text);
  if (normalized === "" || IGNORED.test(normalized)) return undefined;
  const { core, unit } = splitHeaderUnit(normalized);
  for (const rule of HEADER_RULES) {
    if (rule.exact?.includes(core) || rule.pattern?.test(core)) {
      const meaning: HeaderMeaning = { role: rule.role };
      // On the whole header: the period may sit in the parentheses ("累计完成（1—10月）").
      const period = periodInText(normalized);
      if (
        period &&
        (rule.role === "actual" || rule.role === "previous" || rule.role === "statedRate")
      )
        meaning.period = period;
      const single = SINGLE_MONTH.exec(core);
      const month = single ? monthNumber(single[1]) : undefined;
      if (!meaning.period && rule.role === "actual" && month !== undefined) {
        meaning.period = { months: month };
        meaning.singleMonth = true;
      }
      if (unit) meaning.unit = unit;
      return meaning;
    }
  }
  return undefined;
}

/** "完成(万元)" → core "完成", unit "万元"; "完成率(%)" → unit "%". */
function splitHeaderUnit(normalized: string): { core: string; unit?: string } {
  const match = /^(.*?)[(（[【]([^)）\]】]{1,6})[)）\]】]$/.exec(normalized);
  if (!match || match[1] === "") return { core: normalized };
  // "（1—10月）" names a period, not a unit.
  if (periodInText(match[2])) return { core: match[1] };
  const inside = match[2].replace(/^单位[:：]?/, "");
  return { core: match[1], unit: inside };
}

const CHINESE_MONTHS: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
  十一: 11,
  十二: 12,
};

function monthNumber(text: string): number | undefined {
  const n = /^\d+$/.test(text) ? Number(text) : CHINESE_MONTHS[text];
  return n !== undefined && n >= 1 && n <= 12 ? n : undefined;
}

const ENGLISH_MONTHS = [
  "jan",
  "feb",
  "mar",
  "apr",
  "may",
  "jun",
  "jul",
  "aug",
  "sep",
  "oct",
  "nov",
  "dec",
];
/** "jan-sep", "january–october", "jan to oct" (spaces already removed). */
const ENGLISH_RANGE =
  /(jan)[a-z]*(?:-|–|—|~|to|through)(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*/;

/**
 * The part of the year a text speaks of: "1—10月" → 10, "截至10月底" → 10, "上半年" → 6,
 * "一季度" → 3, "前三季度" → 9, "全年" → 12.
 */
export function periodInText(text: string): ReportPeriod | undefined {
  const t = normalizeForMatch(text);
  const range =
    /(\d{1,2}|[一二三四五六七八九十]+)[-—–~～至到]+(\d{1,2}|[一二三四五六七八九十]+)月/.exec(t);
  if (range) {
    const from = monthNumber(range[1]);
    const to = monthNumber(range[2]);
    if (from === 1 && to !== undefined) return { months: to };
  }
  const upTo = /(?:截至|截止|至)(?:\d{4}年)?(\d{1,2}|[一二三四五六七八九十]+)月/.exec(t);
  if (upTo) {
    const to = monthNumber(upTo[1]);
    if (to !== undefined) return { months: to };
  }
  const english = ENGLISH_RANGE.exec(t);
  if (english && ENGLISH_MONTHS.indexOf(english[1]) === 0) {
    return { months: ENGLISH_MONTHS.indexOf(english[2]) + 1 };
  }
  if (/上半年|1-6月|firsthalf|\bh1\b/.test(t)) return { months: 6 };
  if (/前三季度/.test(t)) return { months: 9 };
  if (/(一|1|第一)季度/.test(t)) return { months: 3 };
  if (/全年|年度|12月底/.test(t)) return { months: 12 };
  return undefined;
}

/** A header row needs a name-like column and at least one value column. */
export const VALUE_ROLES: ColumnRole[] = ["target", "actual", "previous"];
