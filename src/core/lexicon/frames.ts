/**
 * The sentence of an indicator, chosen from what its name and unit say (see the README's table
 * of frames). An indicator's name decides its sentence; a suffix rule alone is not enough:
 *
 *   kind         when                                         example
 *   event        events to keep low, counted                  发生火灾事故3起; none: 未发生命案
 *   ceiling      a rate to keep low                           城镇登记失业率为2.8%，控制在3.5%以内
 *   rate         a % indicator                                续保率达96.3%，高于95%的目标
 *   served       为/对 + the people + what was done           为1542名高龄老人发放津贴
 *   action       the name begins with its verb                新建公厕5座、办理居住证320张
 *   activity     an activity held                             开展消防安全培训20场次
 *   nominal      the verb comes last (a nominalised name)     信访事项办结 → 办结信访事项58件
 *   payment      a sum paid (款/金/费/补贴…)                   征地补偿款1200万元
 *   measure      a stock or measure (人数/额/值/量…)           参保人数达24650人
 *   people       a group of people counted                     特困供养人员56人
 *   work         a piece of work done (the rest)               完成城镇新增就业1126人
 *
 *   pair         two measures of one subject (户 and 人)        纳入低保226户410人
 */
import { Indicator } from "../model";
import { isMoneyUnit, isPercentUnit, normalizeUnit } from "../units";

export type FrameKind =
  | "event"
  | "ceiling"
  | "rate"
  | "served"
  | "action"
  | "activity"
  | "nominal"
  | "payment"
  | "measure"
  | "people"
  | "work";

/**
 * The words of a clause around its number: `before` the number, the measure word written
 * after it (`unit`: the indicator's unit unless the frame counts people with 名), `after` the
 * unit ("高龄老人发放津贴").
 */
export interface Frame {
  kind: FrameKind;
  before: string;
  unit?: string;
  after: string;
}

/** Words of a count that flows in during the period: "新增", "新建", "净增"… (written and read). */
const FLOW_WORDS = "新增|新建|新开|新招|净增|新发展|新引进|新登记|新纳入";

/** Verbs a name may begin with: the name already says what was done. */
const LEADING_VERB_WORDS =
  "发放|开发|开展|整改|实际利用|利用|招引|征集|征求|收集|发现|协调|动员|处理|接收|组织|举办|举行|召开|办理|走访|慰问|新建|新增|建成|建设|改造|改扩建|完成|实现|帮助|帮扶|推荐|引进|输送|整修|维修|修建|修缮|排查|检查|核查|清理|清运|拆除|安装|培训|调解|化解|受理|办结|招录|吸纳|发展|签订|征收|征集|审批|救助|资助|打造|创建|接待|处置|查处|整治|回访|宣传|发布|印发|录入|采集|摸排|登记|筛查|铺设|硬化|绿化|提供|解决|兑付|拨付|落实|消除|投入|筹集|收集|治理|新改建|植树|纳入|督促|指导|动员|设置|设立|配备|划分为|划分|接待|吸引|带动|引导|劝导|签约|认定|评选|表彰|接种";
export const LEADING_VERBS = new RegExp(`^(${LEADING_VERB_WORDS})`);
/**
 * A topic, then the deed and its object: "安全生产检查企业", "招商引资签约项目". The name says
 * what was done, so no 完成 goes before it. Not the flow words of a count (城镇新增就业: 完成 is
 * how reports say it), nor a verb that is the name's last word.
 */
const DEED_INSIDE = new RegExp(
  `^(?!.*(?:${FLOW_WORDS}))[\u4e00-\u9fff]{2,6}?(?:${LEADING_VERB_WORDS})[\u4e00-\u9fff]{2,}$`
);

/** Verbs that only introduce the work ("开展走访慰问"): the name reads from its start. */
const LIGHT_VERB_WORDS = "开展|组织|举办|举行|召开|完成|实现|落实|推进|进行|实施";
export const LIGHT_VERBS = new RegExp(`^(${LIGHT_VERB_WORDS})`);

/** Verbs a draft puts before a name that lacks them (read, never written): "培育志愿服务队伍". */
const READING_VERB_WORDS = "培育|建立|启动|发动|推动|购买|购置|采购|发生|保障|兜底保障";

/** Verbs that end a nominalised name ("信访事项办结"): turned round, the verb comes first. */
export const TRAILING_VERBS =
  /(办结|发表|改造|调解|调处|化解|整治|整改|维修|修缮|安装|走访|慰问|排查|核查|审批|清理|清运|拆除|受理|录入|签订|回访|处置|查处|摸排|筛查|铺设|硬化|发放|创建)$/;

/** Names of activities held: "消防安全培训" → 开展消防安全培训. */
export const ACTIVITY_NAME = /(培训|宣讲|演练|讲座|活动|会议|比赛|义诊|宣传)$/;

/** Counts of events to keep low (起, 件…): 发生火灾事故3起; none at all: 未发生命案. */
const EVENT_UNITS = /^(起|件|宗|次|例|人|处)$/;
const EVENT_SUFFIX = /(发生数|发生起数|起数|次数|人数|数量|数)$/;

/** The event a ceiling count names: "命案发生数" → 命案. */
export function eventName(name: string): string {
  return name.replace(EVENT_SUFFIX, "") || name;
}

/** A ceiling counted in events (not a rate): 火灾事故 起, 命案发生数 起. */
export function isEventCount(indicator: Indicator): boolean {
  return (
    indicator.direction === "ceiling" &&
    !isPercentUnit(indicator.unit) &&
    EVENT_UNITS.test(indicator.unit)
  );
}

/** Words before a trailing verb that say how, not what: "入户走访" is not "走访入户". */
const MANNER_BEFORE_VERB =
  /^(入户|上门|集中|日常|专项|定期|全面|联合|社会|医疗|临时|走访|排查|清理)$|^(免费|义务|无偿|按时|足额)/;

/** Names that are measures of a stock: 参保人数, 销售额, 产值, 余额. */
export const MEASURE_NAME =
  /(人数|户数|数|额|率|量|值|收入|面积|金额|产值|规模|比例|比重|总数|总额|余额|人次|长度|里程|覆盖面)$/;

/** Sums paid out or received: no 完成 before them. */
export const PAYMENT_NAME = /(款|金|费|资金|补贴|津贴|补助|奖励|经费|救助金|抚恤金)$/;
/** Sums paid to people: written with 发放 (发放临时救助资金52.5万元). */
const PAID_OUT = /(资金|补贴|津贴|补助|奖励|救助金|抚恤金|慰问金|低保金)$/;
/** A benefit paid to a group, counted in people: 残疾人两项补贴 → 为362名残疾人发放两项补贴. */
const BENEFIT_TO =
  /^(.*?(?:老人|残疾人|儿童|学生|人员|对象|家庭|群众|军人|居民))(.+?(?:补贴|津贴|补助|救助金|慰问金|抚恤金))$/;
/** Money that comes in (招商引资到位资金) is not paid out. */
const MONEY_IN = /招商|引资|到位|融资|投资|筹集|争取|收入/;
const BENEFIT = /(补贴|津贴|补助|救助金|慰问金|抚恤金)$/;

/** The people a benefit was paid to, counted: "高龄津贴发放人数", "残疾人补贴发放人次". */
const PAID_PEOPLE =
  /^(.{2,10}?(?:补贴|津贴|补助|救助金|扶助金|慰问金|抚恤金|低保金))(?:发放|领取)(?:人数|人次)$/;
/** Who an event reached, named after it: "文化惠民演出[观众]", "法治讲座[听众]". */
const AUDIENCE = /^(.{2,12}?)(观众|听众|受众)$/;

/** Groups of people a name may count. */
export const PEOPLE_NAME = /(人员|对象|家庭|群众|儿童|老人|学生|残疾人|困难户|退役军人|党员|人口)$/;

/** "为/对" + the people served + what was done: 为高龄老人发放津贴. */
const SERVED =
  /^(为|对|向)(.+?(?:老人|人员|对象|家庭|群众|儿童|学生|残疾人|居民|军人|党员|企业|户))(.+)$/;

/** A name without its trailing qualifier in brackets: "第一剂次接种（18岁以上）" → 第一剂次接种. */
function coreOf(name: string): string {
  return name.replace(/[（(][^（）()]*[)）]$/, "");
}

/** The measure word for people counted before their noun: 1542名高龄老人, 177户困难家庭. */
function countWord(unit: string): string | undefined {
  if (unit === "人" || unit === "名" || unit === "位") return "名";
  if (unit === "户" || unit === "家" || unit === "个") return unit;
  return undefined;
}

/** A name that says work was done (办结信访事项, 整改隐患): a count to raise, even if its subject is one to keep low. */
export function namesWorkDone(name: string): boolean {
  const core = coreOf(name);
  return LEADING_VERBS.test(core) || TRAILING_VERBS.test(core);
}

/** The frame of an indicator's clause. */
export function frameOf(indicator: Indicator): Frame {
  const name = indicator.name;
  const core = coreOf(name);
  const qualifier = name.slice(core.length);
  const space = /[A-Za-z]$/.test(name) ? " " : "";
  if (isEventCount(indicator))
    return { kind: "event", before: `发生${eventName(name)}`, after: "" };
  if (indicator.direction === "ceiling") return { kind: "ceiling", before: `${name}为`, after: "" };
  if (isPercentUnit(indicator.unit)) return { kind: "rate", before: `${name}达`, after: "" };
  const served = SERVED.exec(name);
  const count = countWord(indicator.unit);
  if (served && count)
    return { kind: "served", before: served[1], unit: count, after: `${served[2]}${served[3]}` };
  const benefit = BENEFIT_TO.exec(core);
  if (benefit && count && !LEADING_VERBS.test(core))
    return { kind: "served", before: "为", unit: count, after: `${benefit[1]}发放${benefit[2]}` };
  // "高龄津贴发放人数" counts the people paid: 为1542人发放高龄津贴.
  const paid = PAID_PEOPLE.exec(core);
  if (paid && /^(人|人次)$/.test(normalizeUnit(indicator.unit)))
    return {
      kind: "served",
      before: "为",
      unit: normalizeUnit(indicator.unit),
      after: `发放${paid[1]}`,
    };
  // "文化惠民演出观众" counts who was reached: 文化惠民演出惠及观众3.2万人次.
  const audience = AUDIENCE.exec(core);
  if (audience && /人次$/.test(normalizeUnit(indicator.unit)))
    return { kind: "action", before: `${audience[1]}惠及${audience[2]}`, after: "" };
  if (BENEFIT.test(core) && !isMoneyUnit(indicator.unit) && !LEADING_VERBS.test(core))
    return { kind: "action", before: `发放${name}`, after: "" };
  if (ACTIVITY_NAME.test(core) && !LEADING_VERBS.test(core) && !TRAILING_VERBS.test(core))
    return { kind: "activity", before: `开展${name}`, after: "" };
  if (LIGHT_VERBS.test(core)) return { kind: "action", before: `${name}${space}`, after: "" };
  const verb = TRAILING_VERBS.exec(core);
  const object = verb ? core.slice(0, -verb[0].length) : "";
  if (verb && object.length >= 2 && !MANNER_BEFORE_VERB.test(object)) {
    return { kind: "nominal", before: `${verb[0]}${object}${qualifier}`, after: "" };
  }
  if (LEADING_VERBS.test(core)) return { kind: "action", before: `${name}${space}`, after: "" };
  if (isMoneyUnit(indicator.unit) && PAYMENT_NAME.test(core))
    return {
      kind: "payment",
      before: PAID_OUT.test(core) && !MONEY_IN.test(core) ? `发放${name}` : name,
      after: "",
    };
  if (MEASURE_NAME.test(core)) return { kind: "measure", before: `${name}达`, after: "" };
  if (PEOPLE_NAME.test(core)) return { kind: "people", before: `${name}${space}`, after: "" };
  // A sum (道路整修投资) is money spent on the deed: 完成 stays.
  if (DEED_INSIDE.test(core) && !isMoneyUnit(indicator.unit))
    return { kind: "action", before: `${name}${space}`, after: "" };
  return { kind: "work", before: `完成${name}${space}`, after: "" };
}

/** Two measures of one subject: "低保户数" (户) and "低保人数" (人) → subject 低保. */
const PAIR_SUFFIXES: [RegExp, string][] = [
  [/(户数|户)$/, "户"],
  [/(人数|人)$/, "人"],
];

/** The subject two indicators measure in 户 and 人, when they do ("低保"). */
export function pairSubject(households: Indicator, people: Indicator): string | undefined {
  const [hRe, hUnit] = PAIR_SUFFIXES[0];
  const [pRe, pUnit] = PAIR_SUFFIXES[1];
  if (households.unit !== hUnit || people.unit !== pUnit) return undefined;
  // "低保对象" in 户 and "低保对象" in 人: one subject, two measures.
  if (households.name === people.name && !hRe.test(households.name)) return households.name;
  const h = households.name.replace(hRe, "");
  const p = people.name.replace(pRe, "");
  return h !== "" && h === p && h !== households.name ? h : undefined;
}

/** Subjects whose households and people are 纳入 (taken into) a scheme. */
const ENROLLED = /低保|特困|五保|临时救助|残疾人两项补贴/;

/** The words before a pair: "纳入低保" or "低保共". */
export function pairLead(subject: string): string {
  // A subject that already says it ("纳入城市低保") keeps its own verb.
  if (/^(?:新)?纳入/.test(subject)) return subject;
  return ENROLLED.test(subject) ? `纳入${subject}` : `${subject}共`;
}

/**
 * Two rows of one name told apart by their 类别: "消防检查" + "检查场所" → "消防检查场所"
 * (the shared words written once), else the two side by side.
 */
export function nameInContext(context: string, name: string): string {
  for (let k = Math.min(context.length, name.length); k > 0; k--)
    if (context.endsWith(name.slice(0, k))) return `${context}${name.slice(k)}`;
  return `${context}${name}`;
}

/**
 * Reading drafts: the words a sentence puts around an indicator's name without changing what
 * it counts ("今年共向部队输送高素质新兵", "扎实有效开展各类安全检查", "街道实施小额贷款"), and the
 * words that narrow it to a group or a place, which make it another indicator.
 */
/** Words that set a rate against 序时进度, behind it and ahead of it (read, never written). */
const BEHIND_SCHEDULE = "低于|落后于?|慢于|滞后于?";
const AHEAD_OF_SCHEDULE = "高于|快于|超过|超出|超|领先于?";

export const FRAME_READING = {
  /**
   * "…再就业X人、就业困难人员再就业X人，分别完成目标任务的X%和X%": each number of the clause
   * is of the subjects before, in their order.
   */
  respectively: /^[\s，,]*(?:同比|比上年(?:同期)?|较上年(?:同期)?)?(?:并|且|均|都)?分别/,
  /** How the subjects before 分别 are listed, and the verdict said of them all. */
  respectiveList: /和|与|及|、/,
  respectiveVerdict:
    /(?:均|都)?(?:未|没有)?(?:超额|提前)?完成(?:了)?(?:全年|年度)?(?:目标)?(?:任务)?$/,
  /** To whom or for whom: "向部队", "为辖区内", "对符合条件的". */
  preposition: /^(为|向|对|给|帮助|帮|替|经|在)/,
  /** A verb the name itself may lack: "实施小额贷款", "组织输送新兵", "培育志愿服务队伍". */
  verbAtEnd: new RegExp(`(${LEADING_VERB_WORDS}|${LIGHT_VERB_WORDS}|${READING_VERB_WORDS})$`),
  /** Words that name only a measure, whose subject the sentence gives before: 总投资, 资金. */
  bareMeasure: /^(?:投资|资金|金额|总额|经费|费用|面积|产值|造价|长度|里程)$/,
  /** People named by their age alone, after the age: "60岁[以上老人]", "18周岁[以上人群]". */
  ageGroup:
    /^[\s，,、]*(?:及)?(?:以上|以下)?(?:的)?(?:老年人|老人|人群|人口|群众|居民|儿童|青少年|学生|人员|年龄)?/,
  /** Who was paid what: "[计生特殊家庭成员]发放[特别扶助金]", "[生活困难的群众]发放[救助金]". */
  paidWhom: /^(.{2,20}?)(?:按时足额|足额|按时)?(发放|支付|兑付|拨付)了?(.{2,12})$/,
  /** An age that opens the words for people: "[80岁以上]高龄老人", "[0—6岁]儿童". */
  ageAtStart: /^\d+(?:[—\-–~至]\d+)?周?岁(?:及)?(?:以上|以下)?/,
  /** A rate against the share of the year elapsed: "低于序时进度", "快于序时进度". */
  againstSchedule: new RegExp(`(${BEHIND_SCHEDULE}|${AHEAD_OF_SCHEDULE})序时进度$`),
  /** Of those words, the ones that say behind. */
  behindWords: new RegExp(BEHIND_SCHEDULE),
  /** A task named between 完成 and 任务, before a rate: "完成[征兵]任务的X%". */
  namedTask: /完成了?(?:全年|年度)?([\u4e00-\u9fff]{2,6}?)(?:目标任务|任务)的?$/,
  /** What is left of a target, before its number: "与目标相差", "距全年任务还差". */
  shortOfTarget:
    /(?:(?:与|距离?|离)(?:全年|年度)?(?:目标任务|目标|任务|计划)数?(?:还|尚|仍)?(?:相差|差距为?|差)|(?:全年|年度)?(?:目标任务|目标|任务|计划)数?(?:还|尚|仍)?(?:相差|差距为?))了?$/,
  /** The deed before a target: "[超额完成]X家的目标任务". */
  doneAtEnd: /(?:超额|全面|提前|圆满|顺利)?完成了?$/,
  /** Who a payment reached, after it: "[发放奖励扶助金X万元，]惠及X人", "受益群众X人". */
  beneficiaries: /^(?:惠及|受益|覆盖|涉及)(?:群众|居民|家庭|人群|对象)?$/,
  /** The words for people after who they are: "计生特殊家庭[成员]", "困难[群众]". */
  personWords: /(?:成员|人员|对象|群众|居民)$/,
  /** What a payment is of, without the word for money: "特别扶助[金]", "低保[资金]". */
  moneyWord: /(?:资金|金额|金|款|经费)$/,
  /** How a deed was done, said right before it: "[按时足额]发放", "[免费]接种". */
  mannerBefore: /(?:按时足额|及时足额|足额|按时|按月|及时|全额|免费)+$/,
  /** What a service is called after its name: "健康管理[服务]", "帮扶[工作]". */
  serviceWord: /(?:服务|工作)$/,
  /** The bound after an age: "60岁[以上]", "18周岁[及以下]". */
  ageBound: /^[\s，,、]*(?:及)?(?:以上|以下)?(?:的)?/,
  /** Where a counted noun ends and what was done with it begins: "重点企业|做好应急预案". */
  deedAfterNoun: new RegExp(`(${LEADING_VERB_WORDS}|${LIGHT_VERB_WORDS}|做好|进行|参加|参与|实现)`),
  /** Several things with one number each: "组织[知识竞赛和诵读比赛]各X次". */
  each: /^(.{4,40}?)各$/,
  eachSeparator: /和|与|及|、/,
  /** The verb a name begins with, which the other things of a list share. */
  verbAtStart: new RegExp(`^(${LEADING_VERB_WORDS}|${LIGHT_VERB_WORDS}|${READING_VERB_WORDS})`),
  /** A sum spent, before what it was spent on: "投入资金[X万元]改造…", "花费[X万元]购买…". */
  spent: /(?:投入|花费|出资|使用)(?:资金|经费)?$/,
  /** A count rated as a title: "X个[社区]被评为[星级平安社区]". */
  ratedAs: /^([^，,；;。被获]{1,8}?)(?:被评为|被评定为|被命名为|获评为|获评)([^，,；;。]+)$/,
  /** How the deed after a counted noun is done: "X个不稳定对象|按照诉求情况…一人一策". */
  howAfterNoun: /(按照|根据|依照|依据|通过|经过|结合)/,
  /** Nouns a count may count; a row counting one is not a count of another. */
  counted: /(社区|单位|企业|小区|村|站|点位|学校|家庭|户|人员|干部|党员|党支部|项目|场所|商户)/,
  /**
   * A share of the count before: "大专及以上学历X人，达X%" is the row named as that count plus
   * 占比 ("…学历占比"), "达街道常住人口的X%" the row plus 占常住人口比例.
   */
  shareWord: /(?:的)?(?:占比|比例|比重)$|^占/g,
  /** Last year's value named before the name: "较去年同期满意率X%", "去年同期参保人数X人". */
  previousFirst: /^(?:(较|比)(?=上年|去年))?(?:上年同期|去年同期|上一年度|上年|去年)的?/,
  /** What households or people were paid, right after their count: "X户X人[发放低保]资金". */
  paidTo: /^(?:发放|领取)([^，,；;。、X\d]{2,6}?)(?:资金|金|补贴|津贴|补助)/,
  /** A sum's name right after the sum: "发放X元[特扶资金]". */
  sumAfter: /^[^，,；;。、X\d]{1,8}?(?:资金|金|补贴|津贴|补助|经费|款)/,
  /** Examples listed before 等 (A、B等, “A”等, “A”和“B”…等), not 一等 / 高等 / 平等. */
  exampleList: /(?:、|”|和|及)[^，,；;。]*$/,
  /** A time span that opens the words before a number: "“两会”期间[拦截…]", "春节前夕[走访…]". */
  timeSpan: /^[^，,；;。]*?(?:期间|前夕|之际)/,
  /** A clause that only sums up before its number: "，共计X万元", "，合计X元". */
  quantifierOnly: /^[\s，,；;]*(?:共计|合计|总计|累计|共|计)[:：]?\s*$/,
  /** How long it took, before the words: "三个月内[共接待…]", "半年来". */
  duration: /^[一二三四五六七八九十两半\d]+个?多?(?:月|年|天|周|星期)(?:内|来|以来|里)/,
  /** Whose efforts the result is owed to: "经过街办、社区共同努力[我办火化率…]". */
  effort: /^(?:经过|通过|在)[^，,；;。]{1,20}?(?:共同努力|努力|大力支持下|支持下|帮助下|推动下)/,
  /** A total row named by what its parts share: "[为民办实事]合计". */
  totalOf: /^(.+?)(?:合计|总计|小计)$/,
  /** An aim anywhere before the number in its sentence: "街道计划完成…", "明年力争实现…". */
  aimed: /(?:计划|拟|预计|力争|争取|预期|打算)(?:完成|实现|达到|新增|安置|帮扶|培训)/g,
  /** What is new this year, as a whole part of a name: 新建, 新增 (the year's flow, not the stock). */
  flowWord: new RegExp(`^(?:${FLOW_WORDS}|新)$`),
  /** The share of the year itself, before its number: "序时进度为X%". */
  scheduleBefore: new RegExp(
    `(?<!${BEHIND_SCHEDULE}|${AHEAD_OF_SCHEDULE})序时进度(?:为|是|达到?)?$`
  ),
  /** To whom, right before a count: "[为]X户独居老人安装烟感报警器". */
  toWhomBefore: /(?:为|向|给)$/,
  /** Who did it, before the words: "[各支部]全年开展主题党日活动", "[各社区]组织…". */
  eachSubject: /^各(?:党)?(?:支部|社区|网格|小区|村|单位|部门|科室|站所)$/,
  /** All the levels that do it, before the doers: "[镇、村两级]河长", "[各级]网格员". */
  levels:
    /^[镇村街道社区乡县区市、]{0,8}(?:两|三|四|五|各)级[\u4e00-\u9fff]{0,4}?(?:累计|共|全年|先后)*$/,
  /** A part named in its whole: "[固定资产投资]中[房地产开发投资]". */
  partOf: /^([\u4e00-\u9fff]{2,12}?)中([\u4e00-\u9fff]{2,12})$/,
  /** What is left undone, right after a number: "X处[未完成]", "X人[尚未]就业". */
  undoneAfter: /^(?:尚未|未能|未|没有)/,
  /** The same words opening a name: "[新增]企业", "[新建]公厕". */
  flowAtStart: new RegExp(`^(?:${FLOW_WORDS})`),
  /** A heading of the part on the time ahead: "四、2024年工作打算", "（二）下一步工作思路". */
  aheadHeading: /打算|工作思路|工作计划|工作安排|下一步|今后|展望|明年/,
  /** A time after the report's year, in words; a later year by number is read as a number. */
  ahead: /明年|来年|下一年度?|下年度|今后|下一步/g,
  /** Words opening a bracket of figures, not of a name's qualifier: "（其中…X人）", "（同比增长X%）". */
  figuresInBrackets: /^(?:其中|含|包括|分别为?|共|合计|累计)|同比|增长|下降|增加|减少|完成/,
  /** Plans and aims: "计划完成固定资产投资X万元" may be the plan or the result. */
  planned: /^(?:计划|拟|预计|力争|争取|确保|预期|将)(?:完成|实现|达到)?/,
  /** Praise and manner, not scope: "高素质", "扎实有效". */
  manner:
    /^(?:高素质|高质量|优质|优秀|合格|扎实有效|扎实|有效|积极|认真|全力|大力|切实|深入|广泛|不断|进一步|免费|按时足额|及时足额|足额|按时|按月|及时|迅速|立即|第一时间|精准|主动|各类|各项|多种|多项|一批|一系列|共|累计|全年|今年|先后|相继|陆续|依法依规|依法|成功|集中|得以|得到|[一二三四五六七八九十两]+(?:批|轮)|部分)+$/,
  /**
   * Inside a name, words that make a count a part of it: a line of work ("检查[消防]场所" is not
   * every 检查场所), a kind of deed (专项, 联合) or a time (夜间, 节假日).
   */
  narrowingInside:
    /消防|燃气|食品|药品|交通|校园|建筑|工地|危化|危险|森林|防汛|电梯|特种|餐饮|烟花|电动|矿山|旅游|水上|粉尘|医疗|专项|联合|夜间|节假日|节日|汛期|重大|一般|预备|正式|积极分子|[0-9x]/,
  /** Words that list, never inside one name: "春蕾助学、金秋助学共资助学生". */
  listed: /[、，,；;和与及或]/,
  /** Groups, places and "new" that narrow a count: "就业困难人员再就业" is not 再就业, "新增四上企业" not 四上企业. */
  narrowing: new RegExp(
    `人员|对象|家庭|群众|儿童|老人|老年|学生|残疾|困难|退役|军人|党员|农民|毕业生|青年|妇女|企业|单位|社区|小区|村|农村|城镇|男|女|岁|户籍|外来|流动|特殊|重点|${FLOW_WORDS}`
  ),
};
