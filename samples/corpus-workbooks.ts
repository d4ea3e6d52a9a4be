/**
 * The workbooks of the fill corpus (test/corpus/): for each report of shared/seeds/, the ledger
 * its statistician would have kept, holding the figures the report quotes. The layouts vary on
 * purpose, as real offices' do:
 *
 *   - the standard table 指标名称 | 单位 | 年度目标 | 完成 | 上年同期 under a title row;
 *   - other header words (本年累计, 实际完成数, 去年同期数, 计划数, 任务数, 完成率, 同比增长);
 *   - one-sheet ledgers with section rows (一、就业工作 / （一）…) merged across, and 序号;
 *   - tables whose unit is in the name ("城镇新增就业（人）") and no unit column;
 *   - a 类别 column, merged down its rows; rows of one name under different 类别;
 *   - amounts in 元, 万元 or 亿元 whatever the report writes;
 *   - 其中 rows under their total;
 *   - a hidden sheet or a sheet named "…（勿用）" with a stale copy of some rows.
 *
 * The data (CORPUS_WORKBOOKS) is the ground truth the corpus answers are checked against;
 * buildCorpusWorkbook(id) writes it with ExcelJS.
 */
import * as ExcelJS from "exceljs";

export type ColumnRole =
  "seq" | "kind" | "name" | "unit" | "target" | "actual" | "previous" | "rate" | "growth" | "note";

/** A header cell and what its column holds. */
export type Column = [header: string, role: ColumnRole];

export interface CorpusRow {
  /** The name as written in the workbook ("其中：涉外人员", "城镇新增就业（人）"). */
  name: string;
  /** The row's unit (written in the unit column, or already part of the name). */
  unit: string;
  target: number | string | null;
  actual: number | string | null;
  previous: number | null;
  /** 类别 column value. */
  kind?: string;
  /** 备注 column value. */
  note?: string;
}

export interface CorpusHeading {
  heading: string;
}

export type CorpusLine = CorpusRow | CorpusHeading;

export interface CorpusSheet {
  /** A short key the corpus answers may name ("党建"). */
  key: string;
  /** Sheet tab name. */
  sheet: string;
  /** Title row(s) above the header. */
  title?: string[];
  columns: Column[];
  lines: CorpusLine[];
  /** Hidden sheet (WPS users hide helpers and old copies). */
  hidden?: boolean;
  /** A stale copy: its figures are NOT the answers (hidden and/or marked 勿用). */
  stale?: boolean;
  /** Merge the 类别 cells down their rows. */
  mergeKinds?: boolean;
  /** Footer line under the table (填报人…). */
  footer?: string;
}

export interface CorpusWorkbookSpec {
  id: string;
  year: number;
  /** Months the report covers (12: the whole year). */
  months: number;
  file: string;
  sheets: CorpusSheet[];
}

export function isHeading(line: CorpusLine): line is CorpusHeading {
  return (line as CorpusHeading).heading !== undefined;
}

function r(
  name: string,
  unit: string,
  target: number | string | null,
  actual: number | string | null,
  previous: number | null = null,
  more: { note?: string } = {}
): CorpusRow {
  return { name, unit, target, actual, previous, ...more };
}

function h(heading: string): CorpusHeading {
  return { heading };
}

/** Rows of one 类别. */
function kind(name: string, rows: CorpusRow[]): CorpusRow[] {
  return rows.map((row) => ({ ...row, kind: name }));
}

// ---------------------------------------------------------------------------------------
// 000: 岳阳 经开区 X街道, 2021 (year end). Seven sheets, five layouts.
// ---------------------------------------------------------------------------------------

// prettier-ignore
const SHEETS_000: CorpusSheet[] = [
  {
    key: "党建",
    sheet: "党建",
    title: ["2021年党建工作台账"],
    columns: [["指标名称", "name"], ["单位", "unit"], ["年度目标", "target"], ["完成", "actual"], ["上年同期", "previous"]],
    lines: [
      r("开展党史学习活动", "次", 20, 30, null),
      r("迎接省、市指导组督查", "次", null, 6, null),
      r("党建文化主题公园接待党支部参观学习", "个", null, 86, null),
      r("接收离退休党员", "名", null, 127, null),
      r("社区居支“两委”换届选举", "个", 5, 5, null),
      r("发展党员", "人", 15, 17, 14),
      r("发展入党积极分子", "人", 20, 23, 19),
      r("“七一”走访慰问老党员", "名", null, 58, 52),
      r("党员培训", "次", 6, 8, 6),
      r("非公有制企业摸底排查", "家", null, 46, null),
      r("其中：未建立党组织企业", "家", null, 9, null),
      r("宣传稿件发表", "篇", 100, 126, 98),
      r("其中：人民日报新媒体发表", "篇", null, 14, 6),
      r("学习强国平台发表", "篇", null, 23, 15),
      r("省级媒体发表", "篇", null, 37, 30),
      r("岳阳日报发表", "篇", null, 52, 47),
    ],
  },
  {
    key: "民生",
    sheet: "民生实事",
    title: ["X街道2021年民生工作完成情况台账", "填报单位：X街道办事处　　截至2021年12月31日"],
    columns: [["序号", "seq"], ["工作指标", "name"], ["计量单位", "unit"], ["年度目标", "target"], ["1-12月完成", "actual"], ["去年同期", "previous"], ["完成率", "rate"], ["备注", "note"]],
    lines: [
      h("一、疫情防控"),
      r("涉疫人员管控", "人", null, 1856, null),
      r("其中：涉外人员", "人", null, 214, null),
      r("集中隔离管控人员", "人", null, 389, null),
      r("三码联查核查人数", "人", null, 52000, null),
      r("新冠疫苗第二针接种完成率", "%", 90, 93.6, null),
      h("二、社会救助"),
      r("节日慰问金发放", "元", null, 186000, 172000),
      r("社会救助", "人次", null, 2350, 2210),
      r("社会救助资金", "元", null, 1536800, 1471200),
      h("三、社会保险"),
      r("城乡居民医保缴费人数", "人", 21000, 21436, 20880),
      r("城乡居民医保缴费金额", "元", null, 6859520, 5846400),
      r("城乡居民养老保险缴费人数", "人", 5600, 5870, 5512),
      r("城乡居民养老保险缴费金额", "元", null, 1761000, 1653600),
      r("社保卡核查", "人", null, 12600, null),
      r("社保待遇发放人数", "人", null, 3215, 3102),
      r("核查符合条件参保人数", "人", null, 11984, null),
      r("追缴社会保险资金", "元", null, 86420, null),
      h("四、就业帮扶"),
      r("开发公益性岗位", "个", 20, 24, 18),
      r("公益性岗位安置失地农民就业", "人", null, 22, null),
      r("云梦社区失地农民", "名", null, 420, null),
      r("云梦社区失地农民实现就业", "人", null, 386, null),
      r("云梦社区失地农民就业率", "%", null, 91.9, null),
      r("城镇新增就业", "人", 600, 652, 618),
      r("失业人员再就业", "人", 150, 173, 160),
      r("就业困难人员再就业", "人", 40, 46, 41),
      h("五、老旧小区改造"),
      r("征求居民意见", "条", null, 200, null),
      r("业主自筹资金", "万元", null, 36.8, null),
      r("惠及居民", "户", null, 1200, null),
      r("申报2022年老旧小区改造", "个", null, 4, null),
    ],
  },
  {
    key: "环境",
    sheet: "人居环境",
    title: ["2021年人居环境整治工作台账"],
    columns: [["类别", "kind"], ["工作内容", "name"], ["单位", "unit"], ["计划数", "target"], ["实际完成数", "actual"], ["去年同期数", "previous"]],
    mergeKinds: true,
    lines: [
      ...kind("河长制", [
        r("乡级河长巡河打卡", "次", 144, 156, 150),
        r("村级河长巡河打卡", "次", 576, 624, 590),
        r("巡河发现问题", "个", null, 37, 42),
        r("黑臭水体周边环境整治", "处", 3, 3, null),
        r("清理周边菜地", "平方米", null, 8600, null),
        r("清理岸线垃圾", "车", null, 45, null),
        r("发放环保袋、无磷洗衣粉等宣传品", "份", null, 2000, null),
        r("雨污分流管网预埋", "米", 2000, 1850, null),
      ]),
      ...kind("垃圾分类", [
        r("志愿培训", "次", 10, 12, null),
        r("主题活动", "次", 20, 24, null),
        r("完成设施设备安装的小区及居民点", "个", 18, 18, 7),
      ]),
      ...kind("人居环境整治", [
        r("友谊巷整治行动", "次", null, 6, null),
        r("改造下水堵塞", "处", null, 14, null),
        r("解决化粪池堵塞", "处", null, 8, null),
      ]),
    ],
  },
  {
    key: "禁违",
    sheet: "禁违拆违",
    title: ["禁违拆违及民生建房统计表（2021年）"],
    columns: [["项目", "name"], ["任务数", "target"], ["实际完成数", "actual"], ["上年同期", "previous"]],
    lines: [
      r("存量违法建设（处）", "处", null, 64, null),
      r("其中：计划拆除类（处）", "处", null, 31, null),
      r("计划拆除类面积（㎡）", "㎡", null, 4860, null),
      r("计划拆除类暂缓拆除拟备案（处）", "处", null, 21, null),
      r("计划拆除类暂缓拆除拟备案面积（㎡）", "㎡", null, 3125, null),
      r("计划整改未整改拟备案（处）", "处", null, 12, null),
      r("计划整改未整改拟备案面积（㎡）", "㎡", null, 1460, null),
      r("新增违法建设（处）", "处", null, 9, 14),
      r("新增违法建设面积（㎡）", "㎡", null, 780, 1320),
      r("审批民生建房（户）", "户", null, 26, 21),
      r("其中：已建成（户）", "户", null, 17, null),
      r("在建（户）", "户", null, 9, null),
    ],
  },
  {
    key: "经济",
    sheet: "经济指标",
    title: ["2021年1-12月主要经济指标完成情况"],
    columns: [["指标", "name"], ["计量单位", "unit"], ["年度计划数", "target"], ["本年累计", "actual"], ["去年同期数", "previous"], ["同比增长", "growth"]],
    lines: [
      r("固定资产投资", "亿元", 18, 18.65, 16.9),
      r("批发业主营业务收入", "亿元", 12, 12.4, 11.2),
      r("零售业主营业务收入", "亿元", 6.5, 6.85, 6.52),
      r("规模以上服务业产值", "元", null, 43265000, 39800000),
      r("房地产销售面积", "平方米", null, 86400, 79500),
      r("住宿餐饮业营业额", "万元", 3000, 3215.8, 2890),
      r("建筑业总产值", "亿元", 10, 9.36, 10.02),
      r("四上企业", "家", null, 38, 33),
      r("新增四上企业入库", "家", 4, 6, 5),
    ],
  },
  {
    key: "稳定",
    sheet: "信访与安全生产",
    title: ["2021年信访维稳及安全生产工作台账"],
    columns: [["类别", "kind"], ["指标名称", "name"], ["单位", "unit"], ["目标", "target"], ["完成", "actual"], ["上年同期", "previous"]],
    lines: [
      ...kind("信访维稳", [
        r("摸排不稳定对象", "个", null, 23, 27),
        r("拦截进京上访人员（起）", "起", null, 5, 7),
        r("拦截进京上访人员（人次）", "人次", null, 8, 11),
        r("劝返进京上访对象", "人", null, 3, 4),
        r("受理群众信访事项", "起", null, 186, 204),
        r("其中：群众来信", "件", null, 42, 51),
        r("来访", "件", null, 97, 108),
        r("网上投诉件", "件", null, 47, 45),
        r("受理中央重复访、专项治理案件", "件", null, 11, 9),
        r("签订息访息诉协议", "起", null, 7, 5),
      ]),
      ...kind("安全检查", [
        r("安全生产检查", "次", 240, 268, 251),
        r("其中：班子带队检查", "次", 48, 52, 49),
        r("下达责令整改文书", "份", null, 73, 80),
        r("督办整改函", "份", null, 15, 12),
        r("查处安全隐患案例", "起", null, 145, 162),
        r("其中：限期整改", "起", null, 128, 140),
        r("现场督办", "起", null, 17, 22),
      ]),
      ...kind("应急预案", [
        r("加油站", "家", null, 3, 3),
        r("燃气站", "家", null, 2, 2),
        r("重点企业", "家", null, 12, 11),
      ]),
      ...kind("宣传教育", [
        r("消防知识培训", "次", 6, 8, 6),
        r("新《安全生产法》学习", "次", null, 4, null),
        r("消防应急演练", "次", 4, 6, 4),
        r("防溺水宣传", "次", null, 10, 8),
        r("发放各类宣传资料", "份", null, 5000, 4000),
      ]),
    ],
  },
  {
    key: "自治",
    sheet: "小区自治",
    title: ["2021年小区自治工作情况"],
    columns: [["指标名称", "name"], ["单位", "unit"], ["目标任务", "target"], ["完成数", "actual"], ["上年同期", "previous"]],
    lines: [
      r("今年新成立业委会小区", "个", 3, 3, 2),
      r("已建立业委会小区", "个", null, 11, 8),
      r("其中：成立功能型党支部", "个", null, 6, 3),
      r("议事厅协调矛盾纠纷", "起", null, 47, 31),
    ],
  },
  {
    key: "旧稿",
    sheet: "12月初稿（勿用）",
    stale: true,
    title: ["1-11月数据（已作废，勿用）"],
    columns: [["指标名称", "name"], ["单位", "unit"], ["年度目标", "target"], ["完成", "actual"], ["上年同期", "previous"]],
    lines: [
      r("城镇新增就业", "人", 600, 597, 618),
      r("固定资产投资", "亿元", 18, 16.2, 16.9),
      r("发展党员", "人", 15, 12, 14),
      r("安全生产检查", "次", 240, 231, 251),
    ],
  },
];

// ---------------------------------------------------------------------------------------
// 003: 武汉 江岸区 *街道, 2022 (year end): the real figures of the report.
// ---------------------------------------------------------------------------------------

// prettier-ignore
const SHEETS_003: CorpusSheet[] = [
  {
    key: "台账",
    sheet: "2022年重点工作台账",
    title: ["*街道2022年重点工作任务完成情况台账"],
    columns: [["序号", "seq"], ["类别", "kind"], ["工作指标", "name"], ["计量单位", "unit"], ["年度目标", "target"], ["1-12月完成", "actual"], ["去年同期", "previous"], ["完成率", "rate"], ["备注", "note"]],
    mergeKinds: true,
    lines: [
      h("一、城建城改"),
      ...kind("重点工程", [
        r("协调推进城建重点工程", "项", 10, 10, 8),
        r("建设充电站", "个", 3, 3, 1),
        r("建设充电桩", "个", 1200, 1354, 860),
        r("新增停车泊位", "个", 6000, 6497, 5120),
      ]),
      h("二、体制改革"),
      ...kind("综合执法", [
        r("承接区直单位赋权事项", "类", 134, 134, null),
        r("“一网通办”事项", "项", 100, 101, 76),
      ]),
      h("三、民生保障"),
      ...kind("住房保障", [
        r("C级危房治理", "栋", 1, 1, null),
        r("困难家庭资格审查", "户", null, 177, 152),
        r("纳入新配公租房保障家庭", "户", null, 124, 98),
      ]),
      ...kind("劳动保障", [
        r("妥善解决农民工欠薪事件", "起", null, 8, 11),
      ]),
      ...kind("城市管理", [
        r("建立小型空气质监站", "处", 1, 1, null),
      ]),
      h("四、平安稳定"),
      ...kind("测评", [
        r("“一感一度一率一评价”测评安全感、满意度", "%", 98, 98.5, 97.6),
      ]),
      ...kind("安全生产", [
        r("指导社区修订安全应急预案", "个", 17, 17, null),
        { ...r("组织应急演练", "场", null, "20余", null), note: "台账记为“20余”" },
        r("指导住宅小区落实划线、设牌管理", "个", null, 50, null),
        r("升级打造“智慧小区”", "个", 10, 10, 4),
      ]),
      ...kind("平安建设", [
        r("江岸区星级平安社区", "个", null, 10, 7),
      ]),
      ...kind("疫情防控", [
        r("全员核酸检测", "万人次", null, 20, null),
        r("闭环转运隔离落实率", "%", 100, 100, 100),
        r("居民疫苗三针接种", "人次", null, 310000, null),
      ]),
      h("五、党的建设"),
      ...kind("党史学习", [
        r("班子成员下基层讲主题党课", "场", 10, 10, null),
        r("青年干部主题教育实践活动", "次", null, 30, null),
        r("工委领导班子成员领办实事项目", "件", 10, 10, null),
        r("各社区领办实事项目", "项", null, 130, null),
      ]),
      ...kind("意识形态", [
        r("评选第四届*好人", "人", null, 16, null),
        r("建成文明实践所", "个", 1, 1, null),
        r("建成文明实践站", "个", 17, 17, null),
        r("志愿服务队伍总量", "个", 100, 118, 96),
      ]),
      ...kind("基层治理", [
        r("小区党组织组建", "个", 84, 84, 61),
        r("小区党群服务驿站", "个", 84, 84, 52),
      ]),
    ],
    footer: "填报人：　　审核人：",
  },
  {
    key: "下拉",
    sheet: "下拉选项",
    hidden: true,
    columns: [["类别", "kind"], ["计量单位", "unit"]],
    lines: [],
  },
  {
    key: "旧稿",
    sheet: "11月备份",
    hidden: true,
    stale: true,
    title: ["1-11月台账备份"],
    columns: [["工作指标", "name"], ["计量单位", "unit"], ["年度目标", "target"], ["1-11月完成", "actual"], ["去年同期", "previous"]],
    lines: [
      r("建设充电桩", "个", 1200, 1210, 860),
      r("新增停车泊位", "个", 6000, 5980, 5120),
      r("各社区领办实事项目", "项", null, 118, null),
      r("志愿服务队伍总量", "个", 100, 109, 96),
    ],
  },
];

// ---------------------------------------------------------------------------------------
// 001: 简阳 X街道, 2021 (year end). Figures invented.
// ---------------------------------------------------------------------------------------

// prettier-ignore
const SHEETS_001: CorpusSheet[] = [
  {
    key: "经济",
    sheet: "经济统计",
    title: ["X街道2021年经济统计指标"],
    columns: [["序号", "seq"], ["指标", "name"], ["计量单位", "unit"], ["任务数", "target"], ["完成数", "actual"], ["上年同期", "previous"], ["完成率", "rate"]],
    lines: [
      r("辖区工业企业", "家", null, 126, 119),
      r("其中：规模工业企业", "家", null, 18, 16),
      r("规模工业总产值", "亿元", 44, 46, 40),
      r("固定资产投资", "亿元", 8.5, 9.2684, 8.1),
      r("新经济企业统计报表", "户", 30, 36, 28),
      r("基本单位名录库单位", "个", null, 2846, 2710),
      r("其中：法人单位", "个", null, 1532, 1460),
      r("产业单位", "个", null, 1314, 1250),
      r("下发部门资料单位", "个", null, 215, null),
      r("核查部门资料单位", "个", 215, 215, null),
      r("核查处理率", "%", 100, 100, null),
    ],
  },
  {
    key: "征拆",
    sheet: "征地拆迁",
    title: ["2021年“三重”工作征地拆迁进度表"],
    columns: [["项目", "kind"], ["内容", "name"], ["单位", "unit"], ["计划数", "target"], ["实际完成数", "actual"], ["备注", "note"]],
    mergeKinds: true,
    lines: [
      ...kind("重大交通设施", [
        r("村道迁改等“三改”用地", "亩", null, 126.5, null),
        r("新成简配套强电、弱电和燃气管道迁改用地", "亩", null, 48.3, null),
      ]),
      ...kind("机场净空区超高电力处置工程", [
        r("清理附着物", "亩", 35, 35, null),
      ]),
      ...kind("高铁站西大道南北延长线", [
        r("清理附着物", "亩", 62, 62, null),
      ]),
      ...kind("港通医疗集团", [
        r("征地", "亩", 156, 156, null),
        r("拆迁房屋", "户", 43, 43, null),
      ]),
      ...kind("西峰环保项目", [
        r("征地", "亩", 27, 27, null),
        r("拆迁房屋", "户", 12, 12, null),
      ]),
    ],
  },
  {
    key: "治理",
    sheet: "社会治理",
    title: ["2021年社会治理和疫情防控工作台账"],
    columns: [["序号", "seq"], ["工作指标", "name"], ["单位", "unit"], ["年度目标", "target"], ["本年累计", "actual"], ["去年同期数", "previous"]],
    lines: [
      h("一、社区治理"),
      h("（一）“社智在线”社区基础数据库"),
      r("社区基础数据归集率", "%", 95, 98, null),
      r("人口数", "人", null, 68420, null),
      r("小区院落数", "个", null, 236, null),
      r("小区房屋数", "套", null, 24870, null),
      r("人房关系数", "条", null, 61935, null),
      r("加入“智慧社区”居民", "人", 30000, 32000, null),
      r("加入“智慧社区”居民占常住人口比例", "%", null, 46.8, null),
      h("二、平安稳定"),
      h("（一）“红袖套”群防群治"),
      r("“红袖套”一级响应", "次", null, 4, 2),
      r("“红袖套”二级响应", "次", null, 11, 8),
      r("万人治安大联防巡逻", "次", null, 6, 4),
      h("（二）安全生产专项整治"),
      r("安全生产检查", "次", 1000, 1200, 980),
      r("排查各类风险隐患", "个", null, 386, 412),
      r("隐患整改完成", "处", null, 379, 405),
      r("隐患整改率", "%", 100, 98.19, 98.3),
      h("（三）消防安全大排查"),
      r("出动检查组", "个", null, 32, null),
      r("排查无物业小区", "次", null, 145, null),
      r("清理私拉乱接充电", "处", null, 268, null),
      r("规范电动车停放区域", "个", null, 41, null),
      r("劝导违法违规行为", "次", null, 530, null),
      h("三、疫情防控"),
      h("（一）全覆盖排查"),
      r("排查走访外地来返简人员", "人", null, 18652, null),
      r("集中隔离", "人", null, 236, null),
      r("居家隔离", "人", null, 1380, null),
      r("健康监测", "人", null, 4215, null),
      r("组织机关干部", "名", null, 86, null),
      r("组织社区干部", "名", null, 124, null),
      r("组织网格员", "名", null, 210, null),
      r("组织小组长", "名", null, 356, null),
      r("摸排重点范围来返简人员", "万人次", null, 5, null),
      h("（二）常态化管控"),
      r("党员先锋岗", "个", null, 28, null),
      r("普通排查点", "个", null, 45, null),
      h("（三）推演和核酸检测准备"),
      r("疫情防控点", "个", null, 12, null),
      r("组织社区开展核酸检测演练", "个", null, 9, null),
      r("核酸检测演练", "场", null, 3, null),
      r("核酸检测点位", "个", null, 36, null),
      r("核酸检测工位", "个", null, 180, null),
      h("（四）疫苗接种"),
      r("第一针接种", "针次", 62000, 60158, null),
      r("第二针接种", "针次", 62000, 56870, null),
    ],
  },
  {
    key: "民生",
    sheet: "民生实事",
    title: ["2021年民生实事及乡村振兴台账"],
    columns: [["类别", "kind"], ["指标（单位）", "name"], ["目标任务", "target"], ["累计完成", "actual"], ["上年同期", "previous"]],
    mergeKinds: true,
    lines: [
      ...kind("就业援助", [
        r("建档立卡贫困劳动力就业台账（人）", "人", null, 142, null),
      ]),
      ...kind("实现就业", [
        r("农民工（人）", "人", 1200, 1260, 1184),
        r("就业困难人员（人）", "人", 80, 85, 77),
      ]),
      ...kind("创业补贴", [
        r("大学生（人）", "人", null, 12, 9),
        r("就业困难人员（人）", "人", null, 6, 5),
        r("返乡农民工（人）", "人", null, 9, 11),
      ]),
      ...kind("社会救助", [
        r("低保户数（户）", "户", null, 312, 326),
        r("低保人数（人）", "人", null, 498, 521),
        r("低保资金（元）", "元", null, 3256480, 3310200),
        r("特困供养（人次）", "人次", null, 864, 880),
        r("特困金（元）", "元", null, 1083650, 1050400),
        r("临时救助（人）", "人", null, 156, 171),
        r("临时救助金（元）", "元", null, 415300, 398000),
        r("按时足额发放率（%）", "%", 100, 100, 100),
      ]),
      ...kind("退役军人服务", [
        r("加强服务站点建设社区（个）", "个", 7, 7, null),
        r("退役军人和现役军人家属信息录入（人）", "人", null, 4862, null),
      ]),
      ...kind("人居环境", [
        r("老旧院落改造提升（个）", "个", 2, 2, 3),
        r("自主电梯安装（台）", "台", 6, 6, 2),
        r("非正规垃圾堆放点覆盖和清运（个）", "个", 5, 5, null),
        r("清理三无院落堆积杂物、陈旧垃圾（车）", "车", null, 300, null),
        r("消除卫生死角、清理牛皮癣（处）", "处", null, 2000, null),
        r("清理河湖漂浮物（吨）", "吨", null, 12.6, 15.2),
        r("清理河岸垃圾（吨）", "吨", null, 38, 41),
        r("清理河道淤泥（吨）", "吨", null, 260, 180),
        r("排查整改排污问题（个）", "个", null, 9, 14),
      ]),
      ...kind("巩固脱贫成果", [
        r("扶贫文书档案移交（件）", "件", null, 1365, null),
        r("脱贫户集中走访排查（户）", "户", 58, 58, null),
      ]),
      ...kind("教育扶贫救助基金", [
        r("投入资金（元）", "元", null, 48000, 42000),
        r("资助困难学生（人）", "人", null, 24, 21),
      ]),
      ...kind("雨露计划", [
        r("投入资金（元）", "元", null, 31500, 30000),
        r("资助困难学生（人）", "人", null, 21, 20),
      ]),
    ],
  },
  {
    key: "组织",
    sheet: "组织建设",
    title: ["2021年组织建设和作风建设情况"],
    columns: [["指标名称", "name"], ["单位", "unit"], ["目标", "target"], ["完成", "actual"], ["上年同期", "previous"]],
    lines: [
      r("实现书记、主任“一肩挑”社区", "个", 9, 9, null),
      r("社区两委主要负责人大专及以上学历", "人", null, 8, null),
      r("社区两委主要负责人大专及以上学历占比", "%", null, 88.89, null),
      r("“两委”成员大专及以上学历", "人", null, 52, 38),
      r("“两委”成员大专及以上学历占比", "%", null, 82.54, 61.29),
      r("“两委”成员35周岁及以下", "人", null, 21, 12),
      r("“两委”成员35周岁及以下占比", "%", null, 33.33, 19.35),
      r("班子成员“走流程”发现问题", "个", null, 23, null),
      r("“一号通”热线办结率", "%", 98, 99.2, 98.1),
      r("“一号通”热线满意率", "%", 95, 97.6, 93.1),
    ],
  },
  {
    key: "旧稿",
    sheet: "疫苗接种（勿用）",
    stale: true,
    title: ["10月数据（勿用）"],
    columns: [["指标名称", "name"], ["单位", "unit"], ["目标", "target"], ["完成", "actual"]],
    lines: [
      r("第一针接种", "针次", 62000, 55410, null),
      r("第二针接种", "针次", 62000, 48206, null),
      r("安全生产检查", "次", 1000, 960, null),
    ],
  },
];

// ---------------------------------------------------------------------------------------
// 002: 抚州 X街道, 2021 (written before the year closed: 1-11月). Figures invented.
// ---------------------------------------------------------------------------------------

// prettier-ignore
const SHEETS_002: CorpusSheet[] = [
  {
    key: "台账",
    sheet: "2021年工作台账",
    title: ["X街道办事处2021年1-11月重点工作完成情况", "填报单位：X街道办事处党政办"],
    columns: [["序号", "seq"], ["工作指标", "name"], ["计量单位", "unit"], ["年度目标", "target"], ["1-11月完成", "actual"], ["去年同期", "previous"], ["完成率", "rate"], ["备注", "note"]],
    lines: [
      h("一、党的建设"),
      h("（一）理论学习"),
      r("理论学习中心组学习", "次", 12, 12, 12),
      r("专题学习", "次", 6, 8, 5),
      r("专题交流研讨会", "次", null, 4, null),
      r("组织读书班", "次", null, 2, null),
      r("组织专题讲座", "次", null, 3, null),
      r("赴红色教育基地接受红色教育", "次", null, 2, null),
      r("知识竞赛", "次", null, 1, null),
      r("诵读比赛", "次", null, 1, null),
      r("发放测评问卷", "份", null, 500, null),
      h("（二）精神文明建设"),
      r("开展宣讲", "次", 50, 60, 42),
      r("道德红黑榜刊登", "期", 12, 12, 12),
      r("红榜", "人", null, 36, 30),
      r("黑榜", "人", null, 5, 8),
      r("进步榜", "人", null, 9, 6),
      r("上报身边好人", "位", null, 6, 4),
      r("提供身边好人线索", "条", null, 20, null),
      h("（三）基层党建“三化”建设"),
      r("完成“三化”建设社区党组织", "个", 8, 7, 5),
      r("“三化”建设社区党组织占党组织总数", "%", 100, 87.5, 62.5),
      r("“党建+物业管理”成立功能型党支部花费", "元", null, 36800, null),
      r("党群服务中心面积", "平方米", null, 480, null),
      r("便民服务中心新办公房面积", "平方米", null, 600, null, { note: "在建，两层" }),
      r("新的便民服务中心面积", "平方米", null, 350, null, { note: "明年年初动工" }),
      r("社区综合服务中心面积", "平方米", null, 1200, null, { note: "在建" }),
      h("（四）党员队伍建设"),
      r("完成居委会换届选举社区", "个", 8, 8, null),
      r("选出社区书记", "名", 8, 8, null),
      r("选出副书记", "人", null, 11, null),
      r("选出社区党组织委员", "人", null, 40, null),
      r("与市、区单位结对共建社区", "个", 8, 8, null),
      r("结对共建单位", "个", null, 26, 21),
      r("划分网格", "个", null, 64, 58),
      h("（五）我为群众办实事"),
      r("党支部为民办实事", "件", null, 90, null),
      r("党员个人为民办实事", "件", null, 600, null),
      r("为民办实事合计", "件", null, 690, null),
      h("二、综合治理"),
      h("（一）平安建设"),
      r("化解各类矛盾纠纷", "起", null, 86, 97),
      r("矛盾纠纷调处率", "%", 98, 100, 98.9),
      r("平安社区监控点位安装", "个", 13, 8, null, { note: "另一社区五个点位已定" }),
      h("（二）安全生产"),
      r("日常安全检查", "次", 48, 48, 46),
      r("组织集中检查", "次", 6, 6, 4),
      r("排查一般隐患", "起", null, 150, 132),
      r("限期整改隐患", "起", null, 140, 128),
      r("改造小区消防设施投入资金", "万元", null, 20, null),
      r("购买消防救援车及设备", "元", null, 300000, null),
      h("三、环境整治"),
      r("治理脏乱道路", "条", null, 30, null),
      r("清除卫生死角", "处", null, 200, null),
      r("清理各类垃圾", "吨", null, 500, null),
      r("发放灭鼠药", "公斤", null, 300, null),
      r("老旧小区改造涉及小区", "个", 6, 6, null),
      r("老旧小区改造涉及房屋", "栋", 42, 42, null),
      r("老旧小区改造涉及住户", "户", 1380, 1380, null),
      r("棚改项目涉及住户", "户", 412, 412, null),
      r("棚改已签约", "户", 412, 389, null),
      h("四、民生保障"),
      h("（一）社会救助"),
      r("临时救助资金", "万元", null, 3.2, 2.85),
      h("（二）新增低保"),
      r("户数", "户", null, 23, 31),
      r("人数", "人", null, 41, 55),
      h("（三）停发低保"),
      r("户数", "户", null, 17, 12),
      r("人数", "人", null, 29, 20),
      h("（四）残疾人生活补贴"),
      r("发放人数", "人", null, 186, 179),
      r("月发放金额", "元/月", null, 16740, 16110),
      h("（五）残疾人护理补贴"),
      r("发放人数", "人", null, 142, 135),
      r("月发放金额", "元/月", null, 12780, 12150),
      h("（六）其他民政工作"),
      r("残疾人换证", "名", null, 64, null),
      r("追缴多发“两项”补贴", "元", null, 8640, null),
      r("登记、申报高龄老人补贴", "人", null, 900, 860),
      r("高龄老人补贴每月发放", "元/月", null, 46350, 43800),
      r("死亡人数火化率", "%", 100, 100, 100),
      r("入公墓率", "%", 95, 96.5, 94.2),
      r("散发和张贴移风易俗倡议书", "份", null, 2000, null),
      h("五、劳动保障"),
      r("新增就业人员", "人", 300, 326, 310),
      r("就业困难人员再就业", "人", 40, 42, 38),
      r("“4050”人员社保补贴", "人", null, 57, 61),
      r("办理就业失业登记证", "人", null, 214, 230),
      r("城乡居民医保参保", "人", 38000, 36215, 37480),
      r("大病救助", "人", null, 19, 23),
      r("城居保银行代扣代缴和政府代缴", "人", null, 8560, 8320),
      r("到龄办理退休", "人", null, 132, 118),
      r("退休人员认证", "人", 3380, 3245, null),
      r("协助死亡退休人员家属领取丧葬费", "人", null, 47, 52),
      h("六、退役军人服务"),
      r("退役军人服务站办公场所面积", "平方米", null, 60, null),
      r("退役军人服务站工作人员", "人", null, 3, null),
      r("退伍军人登记及信息采集", "人", null, 1236, null),
      r("建立退伍军人纸质档案、电子档案", "套", null, 1198, null),
      r("优抚对象", "户", null, 58, 61),
      r("其中：伤残军人", "人", null, 12, 12),
      r("带病回乡", "人", null, 9, 10),
      r("60岁以上退役军人", "人", null, 31, 33),
      r("“两参”军人", "人", null, 6, 6),
      r("退役军人就业安置", "人", null, 14, 11),
      r("参加市招聘会", "次", null, 3, null),
      r("参加招聘会退役军人", "人", null, 45, null),
      r("有意愿岗位退役军人", "人", null, 18, null),
      h("七、计划生育"),
      r("计生特殊人员免费体检", "位", null, 35, null),
      r("为特扶对象建立健康档案", "份", null, 48, null),
      r("计划生育特扶人员", "名", null, 48, 46),
      r("特扶资金", "元", null, 334080, 320160),
      r("独生子女父母退休人员", "名", null, 265, 241),
      r("独生子女父母退休人员奖励金", "元", null, 795000, 723000),
      h("八、党风廉政建设"),
      r("专项监督检查", "次", null, 8, 6),
      r("下发通报", "期", null, 4, 3),
      r("作风监督通报", "期", null, 6, 4),
      r("运用第一种形态", "件", null, 15, 11),
      r("各类通报", "起", null, 7, 5),
      r("其中：开除党籍", "起", null, 1, 0),
      r("立案", "起", null, 3, 4),
      r("了结", "起", null, 2, 4),
      r("发放信访举报宣传单、信访举报手册", "份", null, 1000, null),
      r("受理信访举报咨询", "人次", null, 200, null),
    ],
    footer: "填报人：　　　联系电话：",
  },
  {
    key: "疫苗",
    sheet: "疫苗接种",
    title: ["新冠病毒疫苗接种进度（截至11月30日）"],
    columns: [["接种人群", "name"], ["单位", "unit"], ["任务数", "target"], ["累计接种", "actual"], ["完成率", "rate"]],
    lines: [
      r("3周岁以上常住人口", "人", null, 42680, null),
      r("应接种人口", "人", null, 40120, null),
      r("全程两剂接种", "剂", 80240, 77563, null),
      r("3-11岁全程接种", "剂", 9800, 9124, null),
      r("12-17岁全程接种", "剂", 6420, 6301, null),
      r("18-59岁全程接种", "剂", 48600, 47618, null),
      r("60岁以上全程接种", "剂", 15420, 14520, null),
    ],
  },
  {
    key: "旧稿",
    sheet: "10月报送（勿用）",
    hidden: true,
    stale: true,
    title: ["1-10月（已报送，勿用）"],
    columns: [["工作指标", "name"], ["计量单位", "unit"], ["年度目标", "target"], ["1-10月完成", "actual"], ["去年同期", "previous"]],
    lines: [
      r("新增就业人员", "人", 300, 291, 310),
      r("城乡居民医保参保", "人", 38000, 35102, 37480),
      r("全程两剂接种", "剂", 80240, 74410, null),
      r("开展宣讲", "次", 50, 54, 42),
    ],
  },
];

export const CORPUS_WORKBOOKS: Record<string, CorpusWorkbookSpec> = {
  "000": { id: "000", year: 2021, months: 12, file: "语料000_2021年台账.xlsx", sheets: SHEETS_000 },
  "001": { id: "001", year: 2021, months: 12, file: "语料001_2021年台账.xlsx", sheets: SHEETS_001 },
  "002": { id: "002", year: 2021, months: 11, file: "语料002_2021年台账.xlsx", sheets: SHEETS_002 },
  "003": { id: "003", year: 2022, months: 12, file: "语料003_2022年台账.xlsx", sheets: SHEETS_003 },
};

const thin: Partial<ExcelJS.Border> = { style: "thin" };
const BORDERS: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

/** Where each row of a sheet landed: "sheet!C7" of its name cell, by line index. */
export interface WrittenSheet {
  sheet: CorpusSheet;
  /** line index → 1-based worksheet row. */
  rows: Map<number, number>;
}

function columnLetter(index: number): string {
  let n = index;
  let out = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    out = String.fromCharCode(65 + m) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function writeSheet(workbook: ExcelJS.Workbook, spec: CorpusSheet): WrittenSheet {
  const ws = workbook.addWorksheet(spec.sheet);
  const width = spec.columns.length;
  const col = (role: ColumnRole): number => spec.columns.findIndex((c) => c[1] === role) + 1;
  let row = 1;
  for (const title of spec.title ?? []) {
    ws.getCell(row, 1).value = title;
    if (width > 1) ws.mergeCells(row, 1, row, width);
    row++;
  }
  if (spec.title?.length) row++;
  spec.columns.forEach(([header], i) => (ws.getCell(row, i + 1).value = header));
  ws.getRow(row).font = { bold: true };
  const headerRow = row;
  const rows = new Map<number, number>();
  let seq = 0;
  let kindStart = -1;
  let kindName: string | undefined;
  const closeKind = (lastRow: number): void => {
    if (spec.mergeKinds && col("kind") > 0 && kindStart > 0 && lastRow > kindStart)
      ws.mergeCells(kindStart, col("kind"), lastRow, col("kind"));
    kindStart = -1;
    kindName = undefined;
  };
  spec.lines.forEach((line, index) => {
    row++;
    if (isHeading(line)) {
      closeKind(row - 1);
      ws.getCell(row, 1).value = line.heading;
      if (width > 1) ws.mergeCells(row, 1, row, width);
      if (/^[一二三四五六七八九十]+、/.test(line.heading)) seq = 0;
      return;
    }
    rows.set(index, row);
    const put = (role: ColumnRole, value: ExcelJS.CellValue | undefined): void => {
      if (col(role) > 0 && value !== null && value !== undefined)
        ws.getCell(row, col(role)).value = value;
    };
    const part = /^其中/.test(line.name);
    if (!part) put("seq", ++seq);
    if (line.kind !== kindName) {
      closeKind(row - 1);
      kindName = line.kind;
      kindStart = row;
    }
    put("kind", line.kind);
    put("name", line.name);
    put("unit", line.unit);
    put("target", line.target);
    put("actual", line.actual);
    put("previous", line.previous);
    put("note", line.note);
    const actual = col("actual");
    if (
      col("rate") > 0 &&
      typeof line.target === "number" &&
      typeof line.actual === "number" &&
      line.unit !== "%"
    ) {
      const cell = ws.getCell(row, col("rate"));
      cell.value = {
        formula: `${columnLetter(actual)}${row}/${columnLetter(col("target"))}${row}`,
        result: line.actual / line.target,
      };
      cell.numFmt = "0.00%";
    }
    if (
      col("growth") > 0 &&
      typeof line.previous === "number" &&
      typeof line.actual === "number" &&
      line.previous !== 0
    ) {
      const cell = ws.getCell(row, col("growth"));
      cell.value = {
        formula: `${columnLetter(actual)}${row}/${columnLetter(col("previous"))}${row}-1`,
        result: line.actual / line.previous - 1,
      };
      cell.numFmt = "0.00%";
    }
  });
  closeKind(row);
  for (let rr = headerRow; rr <= row; rr++)
    for (let c = 1; c <= width; c++) ws.getCell(rr, c).border = BORDERS;
  if (spec.footer) ws.getCell(row + 2, 1).value = spec.footer;
  ws.getColumn(Math.max(1, col("name"))).width = 36;
  if (spec.hidden) ws.state = "hidden";
  return { sheet: spec, rows };
}

/** The helper sheet of drop-down lists (only its first column headers are in the spec). */
function fillDropDowns(workbook: ExcelJS.Workbook, spec: CorpusSheet): void {
  const ws = workbook.getWorksheet(spec.sheet);
  if (!ws) return;
  ["党建", "经济", "民生", "治理", "安全", "城建"].forEach(
    (v, i) => (ws.getCell(i + 2, 1).value = v)
  );
  ["人", "户", "个", "家", "万元", "亿元", "%"].forEach((v, i) => (ws.getCell(i + 2, 2).value = v));
}

export function corpusWorkbookSpec(id: string): CorpusWorkbookSpec {
  const spec = CORPUS_WORKBOOKS[id];
  if (!spec) throw new Error(`no corpus workbook ${id}`);
  return spec;
}

/** The ledger of report `id` ("000" …) as an ExcelJS workbook. */
export function buildCorpusWorkbook(id: string): ExcelJS.Workbook {
  const spec = corpusWorkbookSpec(id);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "X街道办事处统计员";
  const when = new Date(Date.UTC(spec.year + 1, 0, 8, 9, 0, 0));
  workbook.created = when;
  workbook.modified = when;
  for (const sheet of spec.sheets) {
    writeSheet(workbook, sheet);
    if (sheet.key === "下拉") fillDropDowns(workbook, sheet);
  }
  return workbook;
}

/**
 * Where buildCorpusWorkbook writes each row: its cells by column role ("sheet!F7" for its
 * 完成数), and "name" for the name cell.
 */
export function corpusCells(id: string): Map<CorpusRow, Partial<Record<ColumnRole, string>>> {
  const spec = corpusWorkbookSpec(id);
  const cells = new Map<CorpusRow, Partial<Record<ColumnRole, string>>>();
  const scratch = new ExcelJS.Workbook();
  for (const sheet of spec.sheets) {
    const written = writeSheet(scratch, sheet);
    for (const [index, row] of written.rows) {
      const byRole: Partial<Record<ColumnRole, string>> = {};
      sheet.columns.forEach(
        ([, role], c) => (byRole[role] = `${sheet.sheet}!${columnLetter(c + 1)}${row}`)
      );
      cells.set(sheet.lines[index] as CorpusRow, byRole);
    }
  }
  return cells;
}

export const CORPUS_IDS = Object.keys(CORPUS_WORKBOOKS).sort();
