/**
 * Every finding the engine can raise: its stable code, its severity and its message in
 * Chinese and English. Checks elsewhere only pick a code and fill in the details.
 * error = must be fixed (强制性审核); warning = confirm or explain (核实性审核); info = for the report.
 */
import { cellKey, parseA1 } from "./address";
import {
  HELD_WORDS,
  MISSING_FIELD_WORDS,
  PERIOD_WORDS,
  SLIP_WORDS,
  YEAR_WORDS,
} from "./lexicon/district";
import { periodPhrase, periodPhraseEn } from "./lexicon/period";
import { Finding, Severity } from "./model";

export interface FindingDetails {
  sheet: string;
  cell?: string;
  indicator?: string;
  /** The value's field: target, actual, previous, statedRate, statedGrowth. */
  field?: FieldName;
  raw?: string;
  /** The field of the value compared with (a unit slip's other number). */
  otherField?: FieldName;
  /** Numbers already formatted for display. */
  a?: string;
  b?: string;
  c?: string;
}

export type FieldName =
  "target" | "actual" | "previous" | "priorPeriod" | "statedRate" | "statedGrowth" | "name";

const FIELD_ZH: Record<FieldName, string> = {
  target: "目标值",
  actual: "完成数",
  previous: "上年同期数",
  priorPeriod: "上期累计数",
  statedRate: "填报的完成率",
  statedGrowth: "填报的同比增速",
  name: "指标名称",
};
const FIELD_EN: Record<FieldName, string> = {
  target: "target",
  actual: "completed value",
  previous: "last year's value",
  priorPeriod: "earlier year-to-date value",
  statedRate: "stated completion rate",
  statedGrowth: "stated growth",
  name: "indicator name",
};

/** The value a finding compares with, by its field: "上年同期数4800（E8）". */
function otherZh(d: FindingDetails): string {
  return d.otherField ? FIELD_ZH[d.otherField] : "";
}

function otherEn(d: FindingDetails): string {
  return d.otherField ? FIELD_EN[d.otherField] : "value";
}

/** "8945倍", or "1/8945" for a value far below the one it is compared with. */
function times(d: FindingDetails): string {
  return d.b?.startsWith("1/") ? d.b : `${d.b}倍`;
}

function timesEn(d: FindingDetails): string {
  return d.b?.startsWith("1/") ? `${d.b} of` : `${d.b} times`;
}

/**
 * What a finding on a cell means for the report: withhold (the number is not quoted until the
 * cell is fixed; every error does this) or mark (quoted, shown as 需核实 on the rate or growth).
 */
export type QuotingEffect = { effect: "withhold" } | { effect: "mark"; on: "rate" | "growth" };

interface Rule {
  severity: Severity;
  zh: (d: FindingDetails, field: string) => string;
  en: (d: FindingDetails, field: string) => string;
  quoting?: QuotingEffect;
}

/** What a roll-up slip in a field holds back: the total, the target and rate, or the growth. */
function heldZh(d: FindingDetails): string {
  return d.field === "target" || d.field === "previous" ? HELD_WORDS[d.field] : HELD_WORDS.actual;
}

function heldEn(d: FindingDetails): string {
  if (d.field === "target") return "the district target and completion rate are held back";
  if (d.field === "previous") return "the district growth is held back";
  return "the district total is held back";
}

export const FINDING_RULES = {
  VALUE_UNREADABLE: {
    severity: "error",
    zh: (d, f) => `${f}“${d.raw}”无法识别为数字，请填写阿拉伯数字（如1126、4.2万）`,
    en: (d, f) => `the ${f} "${d.raw}" is not a number`,
  },
  VALUE_IMPLAUSIBLE: {
    severity: "error",
    zh: (d, f) => `${f}“${d.raw}”大得不合常理，请检查单位或录入`,
    en: (d, f) => `the ${f} "${d.raw}" is implausibly large; check its unit or entry`,
  },
  FORMULA_NOT_CALCULATED: {
    severity: "error",
    zh: (d, f) => `${f}单元格是公式但文件中没有计算结果，请在Excel或WPS中打开、保存后再试`,
    en: (d, f) =>
      `the ${f} cell is a formula saved without its result; open and save the file in Excel or WPS first`,
  },
  EXCEL_ERROR: {
    severity: "error",
    zh: (d, f) => `${f}单元格为错误值${d.raw}，请检查公式`,
    en: (d, f) => `the ${f} cell holds the error ${d.raw}; check its formula`,
  },
  MISSING_NAME: {
    severity: "error",
    zh: () => "该行填有数值但没有指标名称",
    en: () => "this row has values but no indicator name",
  },
  MISSING_TARGET: {
    severity: "warning",
    zh: () => "未填写目标值，无法计算完成率",
    en: () => "no target, so no completion rate can be computed",
  },
  // raw: the rows' names ("“低保户数”、“低保人数”等"), a: how many.
  TARGETS_NOT_SET: {
    severity: "info",
    zh: (d) =>
      `${d.raw ?? ""}${d.a ?? ""}项未填写目标值，不计算完成率（按实际发生统计的指标可不设目标；如应有目标，请补填）`,
    en: (d) =>
      `${d.a ?? ""} indicators here have no target, so no completion rate is computed (counts of what happened may have none; fill them in if they should)`,
  },
  MISSING_ACTUAL: {
    severity: "error",
    zh: () => "未填写完成数（未填报）",
    en: () => "no completed value (not reported)",
  },
  NEGATIVE_VALUE: {
    severity: "error",
    zh: (d, f) => `${f}为负数（${d.raw}），数量和金额不应为负`,
    en: (d, f) => `the ${f} is negative (${d.raw}); counts and amounts cannot be`,
  },
  TARGET_NOT_POSITIVE: {
    severity: "error",
    zh: (d) => `目标值为${d.raw}，应大于0`,
    en: (d) => `the target is ${d.raw}; it must be greater than 0`,
  },
  DUPLICATE_INDICATOR: {
    severity: "warning",
    zh: (d) => `指标名称与${d.a}重复，请确认是否重复填报`,
    en: (d) => `the same indicator name also stands at ${d.a}; check it is not entered twice`,
  },
  DUPLICATE_CONFLICT: {
    severity: "warning",
    quoting: { effect: "withhold" },
    zh: (d) => `与${d.a}的同名指标数值不一致，请核对以哪个为准`,
    en: (d) => `an indicator of the same name at ${d.a} has different values; check which is right`,
  },
  STALE_HIDDEN_COPY: {
    severity: "warning",
    // The copy on the hidden sheet is the one not quoted: the visible row stands.
    quoting: { effect: "withhold" },
    zh: (d) => `在隐藏的工作表中，数值与可见的${d.a}不一致，疑为旧数据，报告按${d.a}引用`,
    en: (d) =>
      `is on a hidden sheet and differs from the visible ${d.a}; it looks like an old copy; the report quotes ${d.a}`,
  },
  PARTS_EXCEED_TOTAL: {
    severity: "error",
    zh: (d) => `“其中”各项之和${d.a}大于总数${d.b}`,
    en: (d) => `its parts add up to ${d.a}, more than the total ${d.b}`,
  },
  TOTAL_MISMATCH: {
    severity: "error",
    zh: (d) => `合计${d.a}不等于各项之和${d.b}`,
    en: (d) => `the total ${d.a} is not the sum of the rows above (${d.b})`,
  },
  STATED_RATE_MISMATCH: {
    severity: "error",
    zh: (d) => `填报的完成率${d.raw}与计算值${d.a}（${d.b}）不一致`,
    en: (d) => `the stated completion rate ${d.raw} differs from the computed ${d.a} (${d.b})`,
  },
  STATED_GROWTH_MISMATCH: {
    severity: "error",
    zh: (d) => `填报的同比增速${d.raw}与计算值${d.a}（${d.b}）不一致`,
    en: (d) => `the stated growth ${d.raw} differs from the computed ${d.a} (${d.b})`,
  },
  PERCENT_OUT_OF_RANGE: {
    severity: "error",
    zh: (d, f) => `${f}${d.raw}超出0—100%的范围`,
    en: (d, f) => `the ${f} ${d.raw} is outside 0–100%`,
  },
  YTD_DECREASE: {
    severity: "error",
    zh: (d) => `累计完成数${d.a}小于上期累计数${d.b}，累计值不应减少`,
    en: (d) => `the year-to-date value ${d.a} is below the earlier year-to-date value ${d.b}`,
  },
  GROWTH_ABNORMAL: {
    severity: "warning",
    quoting: { effect: "mark", on: "growth" },
    zh: (d) => `同比${d.a}，超过±${d.b}，请核实并说明原因`,
    en: (d) => `growth of ${d.a} is beyond ±${d.b}; confirm it and give the reason`,
  },
  UNIT_SLIP: {
    severity: "warning",
    quoting: { effect: "withhold" },
    zh: (d, f) =>
      `${f}${d.raw}约为${otherZh(d)}${d.a}（${d.c}）的${times(d)}，可能是元与万元（或万元与亿元）混用`,
    en: (d, f) =>
      `the ${f} ${d.raw} is about ${timesEn(d)} the ${otherEn(d)} ${d.a} (${d.c}); yuan and 10 000 yuan (or 10 000 and 100 million yuan) may be mixed up`,
  },
  VALUE_OUT_OF_SCALE: {
    severity: "warning",
    quoting: { effect: "withhold" },
    zh: (d, f) => `${f}${d.raw}约为${otherZh(d)}${d.a}（${d.c}）的${times(d)}，可能录入有误`,
    en: (d, f) =>
      `the ${f} ${d.raw} is about ${timesEn(d)} the ${otherEn(d)} ${d.a} (${d.c}); it may be mistyped`,
  },
  TARGET_DOUBTFUL: {
    severity: "warning",
    quoting: { effect: "mark", on: "rate" },
    zh: (d) => `完成目标任务的${d.a}，目标值可能填错，请核实`,
    en: (d) => `${d.a} of the target: the target may be wrong; confirm it`,
  },
  BEHIND_SCHEDULE: {
    severity: "warning",
    zh: (d) => `完成目标任务的${d.a}，落后序时进度${d.b}个百分点（序时进度${d.c}）`,
    en: (d) => `${d.a} of the target, ${d.b} points behind the expected ${d.c} for the period`,
  },
  TARGET_NOT_MET: {
    severity: "info",
    zh: (d) => `完成目标任务的${d.a}，未完成年度目标，可写入“存在问题”`,
    en: (d) => `${d.a} of the target: the annual target was not met`,
  },
  CEILING_EXCEEDED: {
    severity: "warning",
    zh: (d) => `实际值${d.a}超过控制目标${d.b}`,
    en: (d) => `the value ${d.a} is above the ceiling ${d.b}`,
  },
  APPROXIMATE_VALUE: {
    severity: "info",
    zh: (d, f) => `${f}为约数“${d.raw}”，报告中将照写约数`,
    en: (d, f) => `the ${f} "${d.raw}" is approximate; the report will say so`,
  },
  PART_NOT_READ: {
    severity: "warning",
    zh: (d) => `${d.raw ?? ""}`.replace(/。$/, ""),
    en: (d) => `${d.a ?? ""}`.replace(/\.$/, ""),
  },
  // a: the table's months, b: the report's (as numbers, 12 = full year).
  TABLE_PERIOD_OWN: {
    severity: "info",
    zh: (d) =>
      `本表的期别为${periodPhrase(Number(d.a))}，与报告期（${periodPhrase(Number(d.b))}）不同，` +
      `这部分按${periodPhrase(Number(d.a))}计算和撰写；如各表期别相同，请在表头写明期别或设定报告期`,
    en: (d) =>
      `this table covers ${periodPhraseEn(Number(d.a))}, not the report's period (${periodPhraseEn(Number(d.b))}); ` +
      "its part of the report is computed and written for its own period. If every table covers the same period, name it in the headers or set the report period",
  },
  SHEET_MARKED_UNUSED: {
    severity: "info",
    zh: () => "工作表标明“勿用/作废”，未作为指标表读取",
    en: () => "the sheet's name marks it as not to be used; it was not read as an indicator table",
  },
  SHEET_NOT_READ: {
    severity: "info",
    zh: () =>
      "工作表中有数字，但没有识别出指标表（需要一行表头，含“指标名称”和“目标”或“完成”等列；每行一个指标）",
    en: () =>
      "the sheet holds numbers but no indicator table was recognised (a header row with an indicator name column and a target or completed column, one indicator per row)",
  },
  NO_TABLES: {
    severity: "info",
    zh: () => "未找到指标表：需要一行表头，含“指标名称”和“目标”或“完成”等列",
    en: () =>
      "no indicator table found: a header row with an indicator name column and a target or completed column is needed",
  },
  // The district roll-up's findings (rollup/): a is another file or unit, b and c numbers.
  ROLLUP_FILE_UNREAD: {
    severity: "error",
    zh: (d) => `无法读取，未计入汇总：${d.raw}`,
    en: (d) => `could not be read and is left out of the roll-up: ${d.a}`,
  },
  ROLLUP_DUPLICATE_FILE: {
    severity: "warning",
    zh: (d) => `与“${d.a}”是同一份工作簿（指标和数值完全相同），未重复计入汇总`,
    en: (d) => `is the same workbook as ${d.a} (the same indicators and values); counted once`,
  },
  ROLLUP_SAME_VALUES: {
    severity: "warning",
    zh: (d) => `各项数值与“${d.a}”（${d.b}）完全相同，请核对是否报错了文件；两份都已计入`,
    en: (d) =>
      `every value is the same as in ${d.a}; check the right file was sent; both are counted`,
  },
  ROLLUP_SAME_UNIT: {
    severity: "warning",
    zh: (d) => `与“${d.a}”的填报单位同为${d.b}，请核对是否重复报送；只计入“${d.a}”，本份未计入`,
    en: (d) =>
      `names the same unit (${d.b}) as ${d.a}; check it was not sent twice; only ${d.a} is counted`,
  },
  ROLLUP_OTHER_YEAR: {
    severity: "warning",
    zh: (d) => `是${d.a}年的报表，与多数单位的${d.b}年不同，${YEAR_WORDS.leftOut}`,
    en: (d) => `is a workbook of ${d.a} where most units report ${d.b}; left out of the roll-up`,
  },
  ROLLUP_INDICATOR_MISSING: {
    severity: "warning",
    zh: (d) => `在本单位的工作簿中没有（${d.a}有），全区合计只含${d.b}的数`,
    en: (d) => `lacks this indicator (see ${d.a}); the district total covers ${d.c} only`,
  },
  ROLLUP_INDICATOR_FEW: {
    severity: "info",
    zh: (d) => `只有${d.a}填报，全区不作合计`,
    en: (d) => `only ${d.b} of ${d.c} units report it; no district total is written`,
  },
  ROLLUP_FILE_SKIPPED: {
    severity: "info",
    zh: () => "是一份汇总工作簿（含汇总、目标、上年同期、说明工作表），不作为单位计入",
    en: () =>
      "is a roll-up workbook (with summary, target, last-year and notes sheets), not a unit; left out",
  },
  ROLLUP_MEASURE_CLASH: {
    severity: "warning",
    zh: (d) => `计量单位为${d.raw}，而${d.a}的同名指标为${d.b}，无法换算，未合并为一项`,
    en: (d) =>
      `is in ${d.raw} but the indicator of that name at ${d.a} is in ${d.b}; they cannot be converted and are kept apart`,
  },
  ROLLUP_CONVERTED: {
    severity: "info",
    zh: (d) => `计量单位为${d.raw}，已换算为${d.a}计入全区合计`,
    en: (d) => `is in ${d.raw}; converted to ${d.a} for the district total`,
  },
  ROLLUP_OUTLIER: {
    severity: "warning",
    quoting: { effect: "withhold" },
    zh: (d, f) =>
      `${f}${d.raw}约为其他单位中位数${d.a}的${d.b}倍，${SLIP_WORDS.ROLLUP_OUTLIER}，${heldZh(d)}`,
    en: (d, f) =>
      `the ${f} ${d.raw} is about ${d.b} times the other units' median ${d.a}; yuan and 10 000 yuan may be mixed up; ${heldEn(d)}`,
  },
  ROLLUP_OUT_OF_SCALE: {
    severity: "warning",
    quoting: { effect: "withhold" },
    zh: (d, f) =>
      `${f}${d.raw}约为其他单位中位数${d.a}的${d.b}倍，${SLIP_WORDS.ROLLUP_OUT_OF_SCALE}，${heldZh(d)}`,
    en: (d, f) =>
      `the ${f} ${d.raw} is about ${d.b} times the other units' median ${d.a}; it may be mistyped; ${heldEn(d)}`,
  },
  ROLLUP_UNIT_WITHHELD: {
    severity: "warning",
    quoting: { effect: "withhold" },
    zh: (d) => `本单位的数有误需先修改（${d.raw}），全区合计暂不引用`,
    en: (d) => `this unit's value must be fixed first (${d.a}); the district total is held back`,
  },
  ROLLUP_PERIOD_DIFFERS: {
    severity: "warning",
    zh: (d) => `报告期为${d.a}，与多数单位的${d.b}不同，${PERIOD_WORDS.leftOut}`,
    en: (d) =>
      `covers ${d.c} months where most units cover ${d.b}; left out of the district totals, to be sent again for the district's period`,
  },
  // raw: the indicators ("“临时救助”", "“城镇新增就业”等17项"); field: target or previous.
  ROLLUP_FIELD_LEFT_OUT: {
    severity: "info",
    zh: (d) =>
      d.field === "target"
        ? MISSING_FIELD_WORDS.targetLeftOut(d.raw ?? "")
        : MISSING_FIELD_WORDS.previousLeftOut(d.raw ?? ""),
    en: (d) =>
      `${d.a} ${d.field === "target" ? "give no target: left out of the district target and completion rate" : "give no last year's value: left out of the growth"}`,
  },
} satisfies Record<string, Rule>;

export type FindingCode = keyof typeof FINDING_RULES;

/** How a finding's severity is named beside its message: [错误], [需核实], [提示]. */
export const SEVERITY_LABELS: Record<Severity, { zh: string; en: string }> = {
  error: { zh: "错误", en: "Error" },
  warning: { zh: "需核实", en: "To confirm" },
  info: { zh: "提示", en: "Note" },
};

/** "就业!E5" — where a finding points. */
export function locationOf(details: FindingDetails): string {
  return details.cell ? `${details.sheet}!${details.cell}` : details.sheet;
}

export function makeFinding(code: FindingCode, details: FindingDetails): Finding {
  const rule: Rule = FINDING_RULES[code];
  const fieldZh = details.field ? FIELD_ZH[details.field] : "";
  const fieldEn = details.field ? FIELD_EN[details.field] : "";
  const subjectZh = details.indicator ? `“${details.indicator}”` : "";
  const subjectEn = details.indicator ? `"${details.indicator}": ` : "";
  const finding: Finding = {
    severity: rule.severity,
    code,
    message: `${locationOf(details)} ${subjectZh}${rule.zh(details, fieldZh)}。`,
    messageEn: `${locationOf(details)} ${subjectEn}${rule.en(details, fieldEn)}.`,
    sheet: details.sheet,
  };
  if (details.cell) finding.cell = details.cell;
  if (details.indicator) finding.indicator = details.indicator;
  return finding;
}

/** What a finding means for quoting its cell (see QuotingEffect); undefined: nothing. */
export function quotingEffectOf(finding: Finding): QuotingEffect | undefined {
  const rule = (FINDING_RULES as Record<string, Rule>)[finding.code];
  if (rule?.quoting) return rule.quoting;
  return finding.severity === "error" ? { effect: "withhold" } : undefined;
}

/** "sheet!A1" of every cell whose number must not be quoted until it is fixed or confirmed. */
export function cellsInDoubt(findings: Finding[]): Set<string> {
  return new Set(
    findings
      .filter((f) => f.cell && quotingEffectOf(f)?.effect === "withhold")
      .map((f) => cellKey({ sheet: f.sheet, cell: f.cell as string }))
  );
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then by sheet order of appearance and cell. */
export function sortFindings(findings: Finding[], sheetOrder: string[]): Finding[] {
  const sheetIndex = new Map<string, number>();
  sheetOrder.forEach((name, i) => {
    if (!sheetIndex.has(name)) sheetIndex.set(name, i);
  });
  // Each finding's keys worked out once, not at every comparison; the sort stays stable.
  const keyed = findings.map((finding) => ({
    finding,
    severity: SEVERITY_ORDER[finding.severity],
    sheet: sheetIndex.get(finding.sheet) ?? sheetOrder.length,
    cell: cellOrder(finding.cell),
  }));
  keyed.sort((a, b) => a.severity - b.severity || a.sheet - b.sheet || a.cell - b.cell);
  return keyed.map((k) => k.finding);
}

function cellOrder(cell: string | undefined): number {
  const at = cell ? parseA1(cell) : undefined;
  return at ? at.row * 100000 + at.col : -1;
}
