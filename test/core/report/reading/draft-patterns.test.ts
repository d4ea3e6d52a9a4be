/**
 * The patterns of real report sentences that a statistician matches at a glance: extra words
 * around the name, the number before its noun, 其中 in brackets, pairs, short units,
 * qualifiers after the unit, an age in the name, same-name rows told apart by the draft's
 * headings, a stale hidden copy — and the sentence that names its own total.
 */
import { Analysis, analyzeWorkbook } from "../../../../src/core";
import { checkDraft, fillDraft } from "../../../../src/core/report";
import { sheet, workbook } from "../../../helpers/sheet";

const HEAD = ["指标名称", "单位", "目标", "完成", "上年同期"];

function analysisOf(...sheets: ReturnType<typeof sheet>[]): Analysis {
  return analyzeWorkbook(workbook(...sheets));
}

/** The values written in place of each X, in order ("—" where left). */
function filled(text: string, analysis: Analysis): string[] {
  return fillDraft(text, analysis).items.map((i) =>
    i.status === "filled" ? (i.value ?? "") : "—"
  );
}

const base = analysisOf(
  sheet("民生", [
    HEAD,
    ["输送新兵", "人", 20, 23, 21],
    ["开展安全检查", "次", 100, 126, 110],
    ["小额贷款户数", "户", 30, 34, 31],
    ["失业人员就业创业登记", "人", 400, 452, 430],
    ["办理居住证", "人", 800, 963, 910],
    ["纳入低保户数", "户", null, 86, 90],
    ["纳入低保人数", "人", null, 143, 150],
    ["完成投资", "亿元", 12, 12.6, 11.2],
    ["道路整修", "条", 5, 6, 4],
    ["道路整修投资", "万元", 800, 986, 700],
    ["举办招聘会", "场次", 10, 12, 11],
    ["新冠疫苗接种（60岁以上）", "剂次", 5000, 5230, null],
    ["新冠疫苗接种（18周岁以上）", "剂次", 40000, 43185, null],
  ])
);

describe("draft sentences as statisticians write them", () => {
  test.each([
    ["今年共向部队输送高素质新兵X人。", ["23"]],
    ["扎实有效开展各类安全检查X次。", ["126"]],
    ["街道实施小额贷款X户。", ["34"]],
    ["为辖区内X名失业人员办理《就业创业证》。", ["452"]],
    ["对符合条件的X人办理了居住证。", ["963"]],
    ["纳入低保X户X人。", ["86", "143"]],
    ["完成投资X万。", ["126000"]],
    ["完成投资X亿元以上。", ["12.6"]],
    ["举办招聘会X场次。", ["12"]],
    ["60岁以上老人接种新冠疫苗X剂次。", ["5230"]],
    ["18周岁以上人群接种新冠疫苗X剂次。", ["43185"]],
  ])("%s", (text, want) => {
    expect(filled(text, base)).toEqual(want);
  });

  test("a sentence naming its own total takes the total of its own subject, never the district's", () => {
    expect(filled("整修道路X条，总投资X万元。", base)).toEqual(["6", "986"]);
  });
});

describe("counts before their nouns", () => {
  const lists = analysisOf(
    sheet("安全", [
      HEAD,
      ["加油站", "家", null, 3, 3],
      ["燃气站", "家", null, 2, 2],
      ["重点企业", "家", null, 12, 11],
      ["组织机关干部", "名", null, 86, null],
      ["组织社区干部", "名", null, 124, null],
      ["与市、区单位结对共建社区", "个", 8, 8, null],
      ["低保资金", "元", null, 3256480, 3310200],
    ])
  );

  test("each number of a 、-list counts the noun after it, never the one before", () => {
    expect(filled("督促X家加油站、X家燃气站、X家重点企业做好应急预案。", lists)).toEqual([
      "3",
      "2",
      "12",
    ]);
    expect(filled("第一时间组织X名机关干部、X名社区干部参与排查。", lists)).toEqual(["86", "124"]);
  });

  test("a row that counts another noun than the one written after the number is not it", () => {
    expect(filled("指导X个社区与市、区X个单位结对共建。", lists)[1]).toBe("—");
  });

  test("X万余元 is never rounded up past the workbook's figure", () => {
    expect(filled("发放低保资金X万余元。", lists)).toEqual(["325"]);
  });
});

describe("what each placeholder carries", () => {
  test("a confidence from what was matched, and the runner-up with its cell", () => {
    const [exact] = fillDraft("输送新兵X人。", base).items;
    const [loose] = fillDraft("今年共向部队输送高素质新兵X人。", base).items;
    expect(exact.confidence).toBe(1);
    expect(loose.status).toBe("filled");
    expect(loose.confidence).toBeGreaterThan(0);
    expect(loose.confidence).toBeLessThan(exact.confidence as number);
    const two = analysisOf(
      sheet("就业", [
        HEAD,
        ["城镇新增就业", "人", 1000, 1126, 1050],
        ["新增就业", "人", 1200, 1300, 1250],
      ])
    );
    const [chosen] = fillDraft("全年城镇新增就业X人。", two).items;
    expect(chosen).toMatchObject({ indicator: "城镇新增就业", cell: "就业!D2", confidence: 1 });
    expect(chosen.runnerUp).toEqual(
      expect.objectContaining({ indicator: "新增就业", cell: "就业!D3" })
    );
  });
});

describe("a stale copy on a hidden helper sheet", () => {
  const withCopy = analyzeWorkbook(
    workbook(sheet("就业", [HEAD, ["城镇新增就业", "人", 1000, 1126, 1050]]), {
      ...sheet("11月备份", [HEAD, ["城镇新增就业", "人", 1000, 1010, 1050]]),
      hidden: true,
    })
  );

  test("gives way to the visible row, with a warning naming the copy", () => {
    const [item] = fillDraft("全年完成城镇新增就业X人。", withCopy).items;
    expect(item).toMatchObject({ status: "filled", value: "1126", cell: "就业!D2" });
    expect(item.warningCode).toBe("STALE_HIDDEN_COPY");
    expect(item.warning).toContain("11月备份!D2");
  });

  test("two visible rows that disagree still leave the number", () => {
    const twoVisible = analyzeWorkbook(
      workbook(
        sheet("就业", [HEAD, ["城镇新增就业", "人", 1000, 1126, 1050]]),
        sheet("汇总", [HEAD, ["城镇新增就业", "人", 1000, 1010, 1050]])
      )
    );
    expect(fillDraft("全年完成城镇新增就业X人。", twoVisible).items[0].status).toBe("left");
  });
});

describe("an age written earlier in the sentence", () => {
  test("still says which row a later clause's rate is of, and a row of another age is never used", () => {
    const ages = analyzeWorkbook(
      workbook(
        sheet("疫苗接种", [
          HEAD,
          ["加强免疫接种（18岁以上）", "剂次", 38000, 36230, null],
          ["加强免疫接种（60岁以上）", "剂次", 8500, 7860, null],
        ])
      )
    );
    const text = "其中60岁以上老年人加强免疫接种X剂次，加强免疫完成目标任务的X%。";
    expect(filled(text, ages)).toEqual(["7860", "92.47"]);
    const none = analyzeWorkbook(
      workbook(sheet("疫苗接种", [HEAD, ["加强免疫接种（18岁以上）", "剂次", 38000, 36230, null]]))
    );
    expect(filled(text, none)).toEqual(["—", "—"]);
  });
});

describe("a rate or share right after the count it belongs to", () => {
  const counts = analysisOf(
    sheet("治理", [
      HEAD,
      ["排查各类风险隐患", "个", null, 386, 412],
      ["隐患整改完成", "处", null, 379, 405],
      ["隐患整改率", "%", 100, 98.19, 98.3],
      ["“两委”成员大专及以上学历", "人", null, 52, 38],
      ["“两委”成员大专及以上学历占比", "%", null, 82.54, 61.29],
      ["加入智慧社区居民", "人", null, 32000, null],
      ["加入智慧社区居民占常住人口比例", "%", null, 46.8, null],
      ["发展党员", "人", 15, 17, 14],
      ["热线满意率", "%", 95, 97.6, 93.1],
    ])
  );

  test("a bare rate (整改率X%) is the rate of the count's subject", () => {
    expect(filled("共排查各类风险隐患X个，整改完成X处，整改率X%。", counts)).toEqual([
      "386",
      "379",
      "98.19",
    ]);
  });

  test("达X% after a count is the count's share row; 达…的X% the share of what it names", () => {
    expect(filled("“两委”成员大专及以上学历X人，达X%。", counts)).toEqual(["52", "82.54"]);
    expect(filled("加入智慧社区居民X人，达街道常住人口的X%。", counts)).toEqual(["32000", "46.8"]);
  });

  test("near misses stay blank: no share row, another share, no count before", () => {
    expect(filled("发展党员X人，达X%。", counts)).toEqual(["17", "—"]);
    expect(filled("加入智慧社区居民X人，占户籍人口的X%。", counts)).toEqual(["32000", "—"]);
    expect(filled("整改率X%。", counts)).toEqual(["—"]);
  });

  test("last year's value named before the name: 较去年同期满意率X%", () => {
    expect(filled("热线满意率X%，较去年同期满意率X%有大幅提升。", counts)).toEqual([
      "97.6",
      "93.1",
    ]);
    // "比上年发展党员X人" is not last year's count (nor clearly the change): left.
    expect(filled("比上年发展党员X人。", counts)).toEqual(["—"]);
  });
});

describe("an age blanked in the draft", () => {
  const aged = analysisOf(
    sheet("人口", [
      HEAD,
      ["3周岁以上常住人口", "人", null, 42680, null],
      ["“两委”成员大专及以上学历", "人", null, 52, 38],
      ["“两委”成员35周岁及以下", "人", null, 21, 12],
      ["“两委”成员35周岁及以下占比", "%", null, 33.33, 19.35],
      ["伤残军人", "人", null, 12, null],
      ["60岁以上退役军人", "人", null, 31, null],
      ["80岁以上老人", "人", null, 310, null],
      ["90岁以上老人", "人", null, 45, null],
      ["“两参”军人", "人", null, 6, null],
    ])
  );

  test("the row whose name is the words after the age, whatever its age", () => {
    expect(filled("我办X周岁以上常住人口数为X人。", aged)).toEqual(["—", "42680"]);
  });

  test("X岁及以下年龄X人: the subject the sentence named before, with an age of that kind", () => {
    expect(filled("“两委”成员大专及以上学历X人，X周岁及以下年龄X人，达X%。", aged)).toEqual([
      "52",
      "—",
      "21",
      "33.33",
    ]);
  });

  test("two rows of that name with other ages leave it blank", () => {
    expect(filled("X岁以上老人X人。", aged)).toEqual(["—", "—"]);
  });

  test("in a 其中 list the age qualifies its own part only", () => {
    expect(filled("其中：伤残军人X人、X岁以上退役军人X人、“两参”军人X人。", aged)).toEqual([
      "12",
      "—",
      "31",
      "6",
    ]);
  });
});

describe("words around the name that do not change what is counted", () => {
  const work = analysisOf(
    sheet("环境", [
      HEAD,
      ["黑臭水体周边环境整治", "处", null, 3, null],
      ["残疾人换证", "人", null, 64, null],
      ["完成设施设备安装的小区", "个", null, 18, null],
      ["开展党史学习活动", "次", 20, 30, null],
      ["清理周边菜地", "平方米", null, 8600, null],
      ["院校毕业生", "人", null, 40, null],
      ["劝导违法违规行为", "次", null, 530, null],
      ["已签约", "户", 412, 389, null],
      ["人口数", "人", null, 68420, null],
    ])
  );

  test("进行 before the verb, 先后 before the count", () => {
    expect(filled("对辖区内X处黑臭水体周边环境进行整治。", work)).toEqual(["3"]);
    expect(filled("一年来共为X名残疾人进行换证工作。", work)).toEqual(["64"]);
    expect(filled("先后完成了X个小区的设施设备安装。", work)).toEqual(["18"]);
  });

  test("examples listed before 等 name instances of what follows; the verb before them stays", () => {
    expect(filled("组织参观红色教育基地、开展“观影铸魂”等党史学习活动X余次。", work)).toEqual([
      "30",
    ]);
    expect(filled("清理曹家汊、徐家水库等周边菜地X平方米。", work)).toEqual(["8600"]);
    // 高等 is no list of examples: "院校毕业生" is not what 高等院校毕业生 counts.
    expect(filled("高等院校毕业生X人。", work)).toEqual(["—"]);
  });

  test("a name ending in 为 or 约 is not cut by the verb 为 or the approximation 约", () => {
    expect(filled("劝导违法违规行为X次。", work)).toEqual(["530"]);
    expect(filled("截止到年底，已签约X户。", work)).toEqual(["389"]);
    const [about] = fillDraft("已签约约X户。", work).items;
    expect(about).toMatchObject({ status: "filled", value: "389" });
  });

  test("其中 glued to a name", () => {
    expect(filled("其中人口数XX。", work)).toEqual(["68420"]);
  });
});

describe("rows of one name under two section headings of one table", () => {
  const sections = analysisOf(
    sheet("民政", [
      HEAD,
      ["（一）新增低保", null, null, null, null],
      ["户数", "户", null, 23, 20],
      ["人数", "人", null, 41, 38],
      ["（二）停发低保", null, null, null, null],
      ["户数", "户", null, 17, 15],
      ["人数", "人", null, 29, 25],
    ])
  );

  test("are two indicators, each named by its heading's words", () => {
    expect(filled("新增低保X户X人，停发X户X人。", sections)).toEqual(["23", "41", "17", "29"]);
  });

  test("a sentence that names neither heading leaves them", () => {
    expect(filled("户数X户。", sections)).toEqual(["—"]);
  });
});

describe("a measure whose subject the words before name", () => {
  const subjects = analysisOf(
    sheet("阵地", [
      HEAD,
      ["党群服务中心面积", "平方米", null, 480, null],
      ["社区综合服务中心面积", "平方米", null, 1200, null],
      ["云梦社区失地农民", "名", null, 420, null],
      ["云梦社区失地农民实现就业", "人", null, 386, null],
      ["云梦社区失地农民就业率", "%", null, 91.9, null],
      ["其中：规模工业企业", "家", null, 18, 16],
      ["规模工业总产值", "亿元", 44, 46, 40],
    ])
  );

  test("面积 after the clause naming the building is that building's area", () => {
    expect(filled("社区党群服务中心已打造完成，面积X平方米。", subjects)).toEqual(["480"]);
    expect(filled("正在建设社区综合服务中心，面积X余平方米。", subjects)).toEqual(["1200"]);
  });

  test("a measure word alone, with no subject before it, names nothing", () => {
    expect(filled("面积X平方米。", subjects)).toEqual(["—"]);
    expect(filled("办公用房已装修完成，面积X平方米。", subjects)).toEqual(["—"]);
  });

  test("a number inside the words before does not cut the subject's name", () => {
    expect(filled("云梦社区X名失地农民中，已实现就业X人，就业率高达X%。", subjects)).toEqual([
      "420",
      "386",
      "91.9",
    ]);
  });

  test("the output of counted units: 规模工业企业X家，完成产值X亿元 is 规上工业总产值", () => {
    expect(filled("其中规模工业企业X家，完成产值X亿元，同比增长X%。", subjects)).toEqual([
      "18",
      "46",
      "15",
    ]);
  });
});

describe("为X名…发放…: the people, and the sum written before its name", () => {
  const paid = analysisOf(
    sheet("计生", [
      HEAD,
      ["计划生育特扶人员", "名", null, 48, 46],
      ["特扶资金", "元", null, 334080, 320160],
      ["低保户数", "户", null, 312, 326],
      ["低保人数", "人", null, 498, 521],
      ["低保资金", "元", null, 3256480, 3310200],
    ])
  );

  test("the people counted before what was done for them, the sum after the verb", () => {
    expect(filled("今年为X名计划生育特扶人员发放X元特扶资金。", paid)).toEqual(["48", "334080"]);
  });

  test("为X户X人发放低保资金: the pair counts the payment's subject", () => {
    expect(filled("全年累计为X户X人发放低保资金X万余元。", paid)).toEqual(["312", "498", "325"]);
  });

  test("near misses: a sum with no name after it, a pair with no payment after it", () => {
    expect(filled("今年为X名计划生育特扶人员发放X元。", paid)).toEqual(["48", "—"]);
    expect(filled("全年为X户X人办理了手续。", paid)).toEqual(["—", "—"]);
  });
});

describe("a verb's result and a long form of a name", () => {
  const words = analysisOf(
    sheet("安全", [
      HEAD,
      ["排查一般隐患", "起", null, 150, 132],
      ["完成居委会换届选举社区", "个", 8, 8, null],
    ])
  );

  test("排查出 is 排查; 社区居民委员会 is 居委会", () => {
    expect(filled("开展安全生产检查，共排查出一般隐患X余起。", words)).toEqual(["150"]);
    expect(filled("X个社区完成了社区居民委员会换届选举。", words)).toEqual(["8"]);
  });

  test("another noun after 出 is not the same count", () => {
    expect(filled("共排查出重大隐患X起。", words)).toEqual(["—"]);
  });
});

describe("square metres written ㎡, and a plan word that begins a category's name", () => {
  const works = analysisOf(
    sheet("城管", [
      ["项目", "目标", "完成", "上年同期"],
      ["查处违章搭建（处）", null, 17, 22],
      ["查处违章搭建面积（㎡）", null, 2350, 3100],
      ["计划搬迁类住户（户）", null, 15, null],
      ["已搬迁住户（户）", null, 11, null],
      ["搬迁住户（户）", null, 26, null],
    ])
  );

  test("（㎡） after a name is the row's unit, 平方米", () => {
    const area = works.indicators.find((i) => i.name === "查处违章搭建面积");
    expect(area?.unit).toBe("平方米");
  });

  test("X处X㎡: the pair's second measure is the subject's area", () => {
    expect(filled("查处违章搭建X处X㎡。", works)).toEqual(["17", "2350"]);
    expect(filled("查处违章搭建X处X平方米。", works)).toEqual(["17", "2350"]);
  });

  test("near miss: another measure after the count stays blank", () => {
    expect(filled("查处违章搭建X处X立方米。", works)).toEqual(["17", "—"]);
  });

  test("计划搬迁类住户X户 names its row; 计划搬迁住户X户 is still a plan", () => {
    expect(filled("计划搬迁类住户X户，已搬迁住户X户。", works)).toEqual(["15", "11"]);
    expect(filled("计划搬迁住户X户。", works)).toEqual(["—"]);
    expect(fillDraft("计划搬迁住户X户。", works).items[0].reasonCode).toBe("PLANNED");
  });
});

describe("a time span before the words, a unit per month, and the measures of one section", () => {
  const aid = analysisOf(
    sheet("民政", [
      HEAD,
      ["劝阻越级上访人员", "起", null, 4, null],
      ["劝阻越级上访人员", "人次", null, 7, null],
      ["（一）困难群众生活补贴", null, null, null, null],
      ["发放人数", "人", null, 58, 50],
      ["月发放金额", "元/月", null, 23200, 20000],
      ["（二）孤儿基本生活费", null, null, null, null],
      ["发放人数", "人", null, 9, 9],
      ["月发放金额", "元/月", null, 11700, 11700],
      ["（三）孤寡老人补贴", null, null, null, null],
      ["发放人数", "人", null, 31, 30],
      ["护理补贴", "元/月", null, 6200, 6000],
      ["生活补贴", "元/月", null, 9300, 9000],
      ["（四）其他", null, null, null, null],
      ["独生子女奖励", "元", null, 36000, null],
    ])
  );

  test("…期间 opens a time span, 成功 is manner: the pair X起X人次 is read", () => {
    expect(filled("在国庆期间成功劝阻越级上访人员X起X人次。", aid)).toEqual(["4", "7"]);
  });

  test("near miss: a group the row does not name, after the span, stays blank", () => {
    expect(filled("国庆期间劝阻外地上访人员X起。", aid)).toEqual(["—"]);
  });

  test("X人X元/月: the heading the words name is the subject, its rows the two measures", () => {
    expect(filled("今年发放困难群众生活补贴X人X元/月，孤儿基本生活费X人X元/月。", aid)).toEqual([
      "58",
      "23200",
      "9",
      "11700",
    ]);
  });

  test("near misses: 元 is not 元/月, and a section with two rows in the unit stays blank", () => {
    expect(filled("发放困难群众生活补贴X人X元。", aid)).toEqual(["58", "—"]);
    expect(filled("发放独生子女奖励X元/月。", aid)).toEqual(["—"]);
    expect(filled("发放孤寡老人补贴X人X元/月。", aid)).toEqual(["31", "—"]);
  });
});

describe("a list closed by 等 before the number, and measures in 公斤 and 车", () => {
  const loads = analysisOf(
    sheet("环境", [
      ["指标（单位）", "目标", "完成", "上年同期"],
      ["清运建筑垃圾、废旧家具（车）", null, 46, 38],
      ["回收过期药品（公斤）", null, 120, 95],
      ["一等奖", null, 3, null],
    ])
  );

  test("（车）and（公斤）after a name are its unit", () => {
    expect(loads.indicators.map((i) => i.unit)).toEqual(["车", "公斤", ""]);
  });

  test("A、B等X车 counts the list; 集中 before the verb is manner", () => {
    expect(filled("集中清运建筑垃圾、废旧家具等共X余车。", loads)).toEqual(["46"]);
    expect(filled("回收过期药品X多公斤。", loads)).toEqual(["120"]);
    expect(filled("回收过期药品X多千克。", loads)).toEqual(["120"]);
  });

  test("near misses: a list the row does not name, another unit, 等 with no list", () => {
    expect(filled("清运建筑垃圾、生活垃圾等X车。", loads)).toEqual(["—"]);
    expect(filled("回收过期药品X盒。", loads)).toEqual(["—"]);
    expect(filled("获一等X个。", loads)).toEqual(["—"]);
  });
});

describe("rows of one name under two 类别, the nearest one named before the number", () => {
  const funds = analysisOf(
    sheet("助学", [
      ["类别", "指标名称", "单位", "目标", "完成", "上年同期"],
      ["春蕾助学", "发放助学金", "元", null, 36000, 30000],
      ["春蕾助学", "资助学生", "人", null, 18, 15],
      ["金秋助学", "发放助学金", "元", null, 50000, 42000],
      ["金秋助学", "资助学生", "人", null, 25, 21],
    ])
  );

  test("the rows carry their 类别", () => {
    expect(funds.indicators.map((i) => i.context)).toEqual([
      "春蕾助学",
      "春蕾助学",
      "金秋助学",
      "金秋助学",
    ]);
  });

  test("a clause that names no 类别 takes the one of the nearest clause before it", () => {
    const text =
      "落实春蕾助学、金秋助学政策，金秋助学发放助学金X元，资助学生X人；春蕾助学发放助学金X元，资助学生X人。";
    expect(filled(text, funds)).toEqual(["50000", "25", "36000", "18"]);
  });

  test("near miss: both named in the nearest clause leaves it", () => {
    expect(filled("春蕾助学、金秋助学共资助学生X人。", funds)).toEqual(["—"]);
    expect(filled("落实春蕾助学、金秋助学政策，资助学生X人。", funds)).toEqual(["—"]);
  });
});

describe("the subject said further back: the sentence's first clauses, the paragraph's heading", () => {
  const far = analysisOf(
    sheet("服务", [
      HEAD,
      ["便民服务站工作人员", "人", null, 4, null],
      ["巡查发现隐患", "处", null, 52, null],
      ["退役军人就业安置", "人", null, 11, 9],
    ])
  );

  test("a bare or shortened name takes the words the sentence began with", () => {
    expect(filled("街道成立便民服务站，办公设备已配齐，人员X人。", far)).toEqual(["4"]);
    expect(filled("街道组织河道巡查，累计出动X人次，发现隐患X处。", far)).toEqual(["—", "52"]);
  });

  test("a heading that opens the paragraph, commas and all, names its subject", () => {
    expect(filled("（二）做好退役军人服务，落实安置政策。全年就业安置X人。", far)).toEqual(["11"]);
  });

  test("near misses: past a ；, in the sentence before, or a paragraph with no heading", () => {
    expect(filled("街道组织河道巡查；累计出动X人次，发现隐患X处。", far)).toEqual(["—", "—"]);
    expect(filled("街道成立便民服务站。人员X人。", far)).toEqual(["—"]);
    expect(filled("做好退役军人服务，落实安置政策。全年就业安置X人。", far)).toEqual(["—"]);
  });
});

describe("a clause of only 共计 and a number goes on the count before it", () => {
  const visits = analysisOf(
    sheet("慰问", [
      HEAD,
      ["慰问困难党员", "人次", null, 120, 110],
      ["慰问困难党员资金", "元", null, 60000, 55000],
    ])
  );

  test("X人次，共计X万元 is the count's subject in money", () => {
    expect(filled("走访慰问困难党员X人次，共计X万元。", visits)).toEqual(["120", "6"]);
  });

  test("near misses: other words in the clause, or the same unit again", () => {
    expect(filled("走访慰问困难党员X人次，另有X万元。", visits)).toEqual(["120", "—"]);
    expect(filled("走访慰问困难党员X人次，共计X人。", visits)).toEqual(["120", "—"]);
  });
});

describe("a count before its noun: manner before it, how and passives after it, events counted", () => {
  const deeds = analysisOf(
    sheet("治理", [
      HEAD,
      ["完成换届选举社区", "个", 12, 12, null],
      ["排查重点人员", "人", null, 46, null],
      ["妥善化解矛盾纠纷", "起", null, 37, 41],
      ["开展消防应急演练", "次", 10, 14, 9],
    ])
  );

  test("manner words with an ignorable word between them: 依法依规街办X个社区…", () => {
    expect(filled("依法依规街道X个社区完成了换届选举工作。", deeds)).toEqual(["12"]);
  });

  test("按照/通过… after the noun says how; 得以/得到 is a passive", () => {
    expect(filled("对排查出的X名重点人员按照风险等级分类管控。", deeds)).toEqual(["46"]);
    expect(filled("X起矛盾纠纷得到妥善化解。", deeds)).toEqual(["37"]);
    expect(filled("全年X次消防应急演练顺利开展。", deeds)).toEqual(["14"]);
  });

  test("near misses: a group or another deed after the noun stays blank", () => {
    expect(filled("依法依规街道X个小区完成了换届选举工作。", deeds)).toEqual(["—"]);
    expect(filled("X起矛盾纠纷得到上报。", deeds)).toEqual(["—"]);
    expect(filled("X起矛盾纠纷已移交司法所。", deeds)).toEqual(["—"]);
    expect(filled("对排查出的X名重点人员家属按照风险等级分类管控。", deeds)).toEqual(["—"]);
  });
});

describe("a 、 after the noun that is part of the row's own name", () => {
  const shared = analysisOf(
    sheet("环境", [
      HEAD,
      ["落实门前三包、垃圾分类小区", "个", 30, 32, null],
      ["落实门前三包企业", "家", null, 85, null],
    ])
  );

  test("X个小区落实门前三包、垃圾分类 reads the whole name", () => {
    expect(filled("指导X个小区落实门前三包、垃圾分类。", shared)).toEqual(["32"]);
  });

  test("near misses: a 、 that the row's name lacks starts a list", () => {
    expect(filled("X家企业、商户落实门前三包。", shared)).toEqual(["—"]);
    expect(filled("X个小区落实门前三包、文明养犬。", shared)).toEqual(["—"]);
  });
});

describe("synonyms of insurance, housing and age words, and verbs a draft adds", () => {
  const words = analysisOf(
    sheet("社保", [
      HEAD,
      ["养老保险参保", "人", 5000, 5230, 4980],
      ["棚改已签约", "户", 300, 286, null],
      ["到龄办理退休", "人", null, 96, 88],
      ["巾帼志愿服务队", "个", null, 14, 11],
      ["“网格员”一级响应", "次", null, 5, null],
    ])
  );

  test("参加养老保险 is 养老保险参保; 棚户区改造 is 棚改; 到年纪 is 到龄", () => {
    expect(filled("目前已完成X人参加养老保险。", words)).toEqual(["5230"]);
    expect(filled("棚户区改造已签约X户。", words)).toEqual(["286"]);
    expect(filled("到年纪办理退休X人。", words)).toEqual(["96"]);
  });

  test("培育, 启动 before a name that lacks them", () => {
    expect(filled("培育辖区巾帼志愿服务队X个。", words)).toEqual(["14"]);
    expect(filled("启动“网格员”一级响应X次。", words)).toEqual(["5"]);
  });

  test("near misses: another insurance, another verb phrase, another group", () => {
    expect(filled("目前已完成X人参加医保。", words)).toEqual(["—"]);
    expect(filled("取消巾帼志愿服务队X个。", words)).toEqual(["—"]);
    expect(filled("培育青年志愿服务队X个。", words)).toEqual(["—"]);
  });
});

describe("rated as a title, done in batches, and 已 left out", () => {
  const titles = analysisOf(
    sheet("创建", [
      HEAD,
      ["市级文明示范社区", "个", 3, 4, 2],
      ["发展党员", "人", 15, 17, 14],
      ["已建立业委会小区", "个", null, 11, 8],
    ])
  );

  test("X个社区被评为市级文明示范社区 counts the title", () => {
    expect(filled("全年X个社区被评为市级文明示范社区。", titles)).toEqual(["4"]);
  });

  test("三批 says how, not what: 分三批发展党员共X人", () => {
    expect(filled("发展三批党员共X人。", titles)).toEqual(["17"]);
  });

  test("X个小区建立了业委会 is 已建立业委会小区", () => {
    expect(filled("目前辖区共有X个小区建立了业委会。", titles)).toEqual(["11"]);
  });

  test("near misses: a title of another noun, a group, another deed", () => {
    expect(filled("X名党员被评为市级文明示范社区。", titles)).toEqual(["—"]);
    expect(filled("发展三批预备党员共X人。", titles)).toEqual(["—"]);
    expect(filled("目前辖区共有X个小区撤销了业委会。", titles)).toEqual(["—"]);
  });
});

describe("whose efforts a result is owed to, and a total named by what its parts share", () => {
  const done = analysisOf(
    sheet("实事", [
      HEAD,
      ["垃圾分类覆盖率", "%", 90, 95.5, 80],
      ["机关干部办实事", "件", null, 40, null],
      ["社区干部办实事", "件", null, 120, null],
      ["办实事合计", "件", null, 160, null],
      ["走访慰问合计", "户", null, 75, null],
    ])
  );

  test("经过…共同努力 before the name says whose work it was", () => {
    expect(filled("经过街道、社区共同努力，我办垃圾分类覆盖率X%。", done)).toEqual(["95.5"]);
    expect(filled("经过街道、社区共同努力我办垃圾分类覆盖率X%。", done)).toEqual(["95.5"]);
  });

  test("合计X件 after the parts is the row named …合计 that the parts share", () => {
    expect(filled("机关干部办实事X件，社区干部办实事X件，合计X件。", done)).toEqual([
      "40",
      "120",
      "160",
    ]);
  });

  test("near misses: a total of something else, or 合计 with no parts before", () => {
    expect(filled("社区干部办实事X件，合计X户。", done)).toEqual(["120", "—"]);
    expect(filled("合计X件。", done)).toEqual(["—"]);
  });
});

describe("a duration before the words, and the kind of listed examples left out", () => {
  const items = analysisOf(
    sheet("宣传", [
      HEAD,
      ["发放围裙、环保袋等宣传品", "份", null, 1500, null],
      ["发放台历等慰问品", "份", null, 300, null],
      ["接待参观学习", "批次", null, 42, 30],
      ["党建公园接待党支部参观学习", "个", null, 57, null],
    ])
  );

  test("a count before its noun takes the subject the sentence began with", () => {
    expect(filled("街道建成党建公园，三个月内共接待X个党支部参观学习。", items)).toEqual(["57"]);
    expect(filled("三个月内共接待X个党支部参观学习。", items)).toEqual(["—"]);
  });

  test("三个月内 says how long; A、B等X份 is the row A、B等宣传品", () => {
    expect(filled("三个月内共接待参观学习X批次。", items)).toEqual(["42"]);
    expect(filled("开展宣传活动，发放围裙、环保袋等X余份。", items)).toEqual(["1500"]);
  });

  test("near misses: examples the row does not list, or a row with one example", () => {
    expect(filled("发放围裙、雨伞等X余份。", items)).toEqual(["—"]);
    expect(filled("发放台历X份。", items)).toEqual(["—"]);
  });
});

describe("a number blanked inside a quoted part of the name", () => {
  const subsidies = analysisOf(
    sheet("就业", [
      HEAD,
      ["“4050”人员社保补贴", "人", null, 57, 49],
      ["“两后生”培训", "人", null, 33, null],
    ])
  );

  test("“X”人员社保补贴X人 is the row whose name has a number there", () => {
    expect(filled("就业困难人员再就业X人，“X”人员社保补贴X人。", subsidies)).toEqual([
      "—",
      "—",
      "57",
    ]);
  });

  test("near misses: two such rows, or other words around the blank", () => {
    const two = analysisOf(
      sheet("就业", [
        HEAD,
        ["“4050”人员社保补贴", "人", null, 57, 49],
        ["“2030”人员社保补贴", "人", null, 12, 10],
      ])
    );
    expect(filled("“X”人员社保补贴X人。", two)).toEqual(["—", "—"]);
    expect(filled("“X”人员岗位补贴X人。", subsidies)).toEqual(["—", "—"]);
  });
});

describe("a name the context says in two pieces, past a row ruled out by its unit", () => {
  const fair = analysisOf(
    sheet("退役军人", [
      HEAD,
      ["参加市招聘会", "次", null, 3, 2],
      ["参加招聘会退役军人", "人", null, 45, 38],
    ])
  );

  test("共计X人参加 after 参加市招聘会X次, under a heading on 退役军人", () => {
    const text = "（三）做好退役军人工作。全年参加市招聘会X次，共计X人参加。";
    expect(filled(text, fair)).toEqual(["3", "45"]);
  });

  test("near misses: no heading that names them, or only one of the pieces said", () => {
    expect(filled("全年参加市招聘会X次，共计X人参加。", fair)).toEqual(["3", "—"]);
    expect(filled("（三）做好退役军人工作。共计X人参加。", fair)).toEqual(["—"]);
  });
});

describe("several things before 各, one number each", () => {
  const games = analysisOf(
    sheet("文体", [
      HEAD,
      ["举办书法比赛", "场", null, 2, 1],
      ["象棋比赛", "场", null, 2, 2],
      ["歌咏比赛", "场", null, 3, 2],
    ])
  );

  test("A和B各X场: the rows of A and B, when both have that number", () => {
    expect(filled("举办书法比赛和象棋比赛各X场。", games)).toEqual(["2"]);
  });

  test("near misses: two numbers, or a thing with no row, leave it", () => {
    const [differ] = fillDraft("举办书法比赛和歌咏比赛各X场。", games).items;
    expect(differ.status).toBe("left");
    expect(differ.reasonCode).toBe("EACH_DIFFERS");
    expect(filled("举办书法比赛和围棋比赛各X场。", games)).toEqual(["—"]);
  });
});

describe("解决…就业 is 安置…就业", () => {
  const jobs = analysisOf(
    sheet("就业", [
      HEAD,
      ["开发公益性岗位", "个", 20, 24, 18],
      ["公益性岗位安置困难人员就业", "人", 15, 16, 12],
      ["困难人员子女入学", "人", null, 9, null],
    ])
  );

  test("the jobs' own row, the posts named in the clause before", () => {
    expect(filled("开发公益性岗位X个，解决困难人员就业X人。", jobs)).toEqual(["24", "16"]);
  });

  test("near misses: no posts named before, or not 就业", () => {
    expect(filled("解决困难人员就业X人。", jobs)).toEqual(["—"]);
    expect(filled("开发公益性岗位X个，解决困难人员子女就学X人。", jobs)).toEqual(["24", "—"]);
  });
});

describe("a verb alone takes its object from the sentence before", () => {
  const checks = analysisOf(sheet("社保", [HEAD, ["退休人员认证", "人", 3380, 3245, 3102]]));

  test("…认证改为线上办理。已认证X人", () => {
    expect(filled("退休人员认证改为线上办理。已认证X人，进度良好。", checks)).toEqual(["3245"]);
  });

  test("near misses: a noun after the number, another paragraph, more words than the verb", () => {
    expect(filled("退休人员认证改为线上办理。已认证X名党员。", checks)).toEqual(["—"]);
    expect(filled("退休人员认证改为线上办理。\n已认证X人。", checks)).toEqual(["—"]);
    expect(filled("退休人员认证改为线上办理。已完成指纹认证X人。", checks)).toEqual(["—"]);
    expect(filled("退休人员认证改为线上办理。人数X人。", checks)).toEqual(["—"]);
  });
});

describe("特困 is 特困供养, and people in 人次 counted before what they were paid", () => {
  const relief = analysisOf(
    sheet("救助", [
      HEAD,
      ["特困供养", "人次", null, 640, 610],
      ["特困金", "元", null, 812000, 790000],
      ["临时救助", "人次", null, 95, 90],
    ])
  );

  test("为X人次发放特困金X万余元", () => {
    expect(filled("为X人次发放特困金X万余元。", relief)).toEqual(["640", "81"]);
  });

  test("near misses: a payment no row names, or a count in another unit", () => {
    expect(filled("为X人次发放慰问金。", relief)).toEqual(["—"]);
    expect(filled("为X户发放特困金。", relief)).toEqual(["—"]);
  });
});

describe("a share opening the sentence after its count", () => {
  const clinics = analysisOf(
    sheet("卫生", [
      HEAD,
      ["完成标准化建设村卫生室", "个", 8, 6, 4],
      ["标准化建设村卫生室占卫生室总数", "%", 100, 75, 50],
    ])
  );

  test("X个…已完成…。占…总数X%。 is the count's share row", () => {
    expect(filled("全年X个村卫生室已完成标准化建设。占卫生室总数X%。", clinics)).toEqual([
      "6",
      "75",
    ]);
  });

  test("near misses: a share of something else, or no count before", () => {
    expect(filled("全年X个村卫生室已完成标准化建设。占全部诊所X%。", clinics)).toEqual(["6", "—"]);
    expect(filled("占卫生室总数X%。", clinics)).toEqual(["—"]);
  });
});

describe("a sum spent, then what it was spent on", () => {
  const spending = analysisOf(
    sheet("投入", [
      HEAD,
      ["修缮小区围墙投入资金", "万元", null, 18, null],
      ["购置健身器材及配件", "元", null, 56000, null],
    ])
  );

  test("投入资金X万元 + the purpose: the row of the purpose and the spending, or the purpose", () => {
    expect(filled("街道投入资金X余万元修缮部分小区的围墙。", spending)).toEqual(["18"]);
    expect(filled("投入X万元购置健身器材及其配件。", spending)).toEqual(["5.6"]);
  });

  test("near misses: a purpose no row names, or no verb after the sum", () => {
    expect(filled("投入X万元修缮道路。", spending)).toEqual(["—"]);
    expect(filled("投入资金X万元，用于修缮小区围墙。", spending)).toEqual(["—"]);
  });
});

describe("quoted examples right after who did it and the verb", () => {
  const projects = analysisOf(
    sheet("实事", [
      HEAD,
      ["班子成员领办实事项目", "件", 8, 10, null],
      ["领办实事项目", "件", null, 130, null],
    ])
  );

  test("班子成员领办“A”“B”等实事项目X件 keeps who and the verb", () => {
    expect(filled("班子成员领办“小区停车改造”“电梯维修”等实事项目X件。", projects)).toEqual(["10"]);
  });

  test("near misses: words listing other things before the quotes, or another who", () => {
    expect(
      filled("班子成员走访群众、领办“小区停车改造”“电梯维修”等实事项目X件。", projects)
    ).toEqual(["—"]);
    expect(filled("社区干部领办“小区停车改造”“电梯维修”等实事项目X件。", projects)).toEqual(["—"]);
  });
});

describe("an aim for a later year or for the time ahead is no result of this year", () => {
  const year2023 = analyzeWorkbook(
    workbook(
      sheet("就业", [
        ["2023年街道就业指标完成情况"],
        HEAD,
        ["城镇新增就业", "人", 1000, 1126, 1050],
        ["城镇新增就业（其中高校毕业生）", "人", null, 312, 290],
      ])
    )
  );

  test.each([
    ["2025年，街道计划完成城镇新增就业X人。", "AIMED_AHEAD"],
    ["明年力争完成城镇新增就业X人。", "AIMED_AHEAD"],
    ["下一步，街道将争取实现城镇新增就业X人。", "AIMED_AHEAD"],
  ])("%s", (text, code) => {
    expect(year2023.year).toBe(2023);
    const [item] = fillDraft(text, year2023).items;
    expect(item).toMatchObject({ status: "left", reasonCode: code });
  });

  test("this year's result beside next year's aim is still filled", () => {
    const result = fillDraft(
      "2023年完成城镇新增就业X人。2024年计划完成城镇新增就业1200人。",
      year2023
    );
    expect(result.items.map((i) => i.value ?? null)).toEqual(["1126"]);
    const checked = checkDraft(
      "2023年完成城镇新增就业1126人，2024年计划完成城镇新增就业1200人。",
      year2023
    );
    expect(checked.mismatches).toEqual([]);
    expect(checked.unchecked.map((u) => [u.text, u.code])).toEqual([["1200人", "AIMED_AHEAD"]]);
  });

  test("明年 in a clause before, with no aim, does not hold a fact back", () => {
    expect(filled("新址明年动工，今年完成城镇新增就业X人。", year2023)).toEqual(["1126"]);
  });
});

describe("a check names every number: checked, not matched, or no figure at all", () => {
  const withCopy = analyzeWorkbook(
    workbook(sheet("就业", [HEAD, ["城镇新增就业", "人", 1000, 1126, 1050]]), {
      ...sheet("11月备份", [HEAD, ["城镇新增就业", "人", 1000, 1010, 1050]]),
      hidden: true,
    })
  );

  test("a stale hidden copy gives way, and the confirmed number says so", () => {
    const check = checkDraft("截至12月31日，全年完成城镇新增就业1126人。", withCopy);
    expect(check.confirmed).toHaveLength(1);
    expect(check.confirmed[0]).toMatchObject({
      code: "CHECK_AGREES",
      warningCode: "STALE_HIDDEN_COPY",
    });
    expect(check.confirmed[0].warning).toContain("11月备份!D2");
    expect(check.notFigures.map((n) => [n.text, n.code])).toEqual([
      ["12月", "NOT_A_NUMBER"],
      ["31日", "NOT_A_NUMBER"],
    ]);
    expect(check.summary.notFigures).toBe(2);
  });
});

describe("其中 and growth in brackets are figures, not a qualifier of the name", () => {
  const jobs = analysisOf(
    sheet("就业", [
      HEAD,
      ["城镇新增就业", "人", 1000, 1126, 1050],
      ["其中：高校毕业生", "人", null, 312, 290],
      ["其中：退役军人", "人", null, 57, 60],
    ])
  );

  test("（其中高校毕业生X人、退役军人X人）", () => {
    expect(filled("全年完成城镇新增就业X人（其中高校毕业生X人、退役军人X人）。", jobs)).toEqual([
      "1126",
      "312",
      "57",
    ]);
  });

  test("a check reads them too, and a wrong part is named", () => {
    const check = checkDraft(
      "全年完成城镇新增就业1126人（其中高校毕业生321人、退役军人57人）。",
      jobs
    );
    expect(check.mismatches.map((m) => [m.text, m.expected])).toEqual([["321人", "312人"]]);
    expect(check.confirmed).toHaveLength(2);
  });

  test("an age in brackets stays a qualifier", () => {
    const vaccine = analysisOf(
      sheet("疫苗", [HEAD, ["新冠疫苗接种（60岁以上）", "剂次", 5000, 5230, null]])
    );
    expect(filled("新冠疫苗接种（60岁以上）X剂次。", vaccine)).toEqual(["5230"]);
  });
});

describe("people counted with their age and what they were given", () => {
  const health = analysisOf(
    sheet("卫健", [
      HEAD,
      ["65岁以上老年人健康管理", "人", 4800, 4215, 3987],
      ["0—6岁儿童健康管理", "人", 2600, 2318, 2250],
      ["特困供养人员", "人", 36, 38, null],
    ])
  );

  test.each([
    ["为X名65岁以上老年人提供健康管理服务。", ["4215"]],
    ["65岁以上老年人健康管理X人。", ["4215"]],
    ["为X名0—6岁儿童提供健康管理服务。", ["2318"]],
    ["为X名特困供养人员按时足额发放供养金。", ["38"]],
  ])("%s", (text, want) => {
    expect(filled(text, health)).toEqual(want);
  });

  test("the count's own age, not the age said earlier in the sentence", () => {
    expect(
      filled(
        "为X名65岁以上老年人提供健康管理服务，完成全年目标的X%；为X名0—6岁儿童提供健康管理服务。",
        health
      )
    ).toEqual(["4215", "87.81", "2318"]);
  });
});

describe("rows of one name under 类别 the draft writes with a word put in", () => {
  const land = analyzeWorkbook(
    workbook(
      sheet(
        "征地拆迁",
        [
          ["项目", "内容", "单位", "计划数", "实际完成数"],
          ["港通医疗集团", "征地", "亩", 156, 156],
          [null, "拆迁房屋", "户", 43, 43],
          ["西峰环保项目", "征地", "亩", 27, 27],
          [null, "拆迁房屋", "户", 12, 12],
        ],
        { merges: ["A2:A3", "A4:A5"] }
      )
    )
  );

  test("西峰一组环保项目 is 西峰环保项目, nearer than 港通医疗集团 before the ；", () => {
    expect(
      filled("完成港通医疗集团征地X亩，拆迁房屋X户；西峰一组环保项目征地X亩，拆迁房屋X户。", land)
    ).toEqual(["156", "43", "27", "12"]);
  });

  test("with the 组 blanked, the 拆迁房屋 after it is still 西峰's, never 港通's", () => {
    const values = filled(
      "完成港通医疗集团征地X亩，拆迁房屋X户；西峰X组环保项目征地X亩，拆迁房屋X户。",
      land
    );
    expect(values[values.length - 1]).toBe("12");
    expect(values.slice(2)).not.toContain("156");
    expect(values.slice(2)).not.toContain("43");
  });
});

describe("who was paid what: the people and the payment of one programme", () => {
  const aid = analysisOf(
    sheet("民政", [
      HEAD,
      ["计划生育奖励扶助", "人", null, 1072, 1010],
      ["计划生育奖励扶助金", "元", null, 1286400, 1212000],
      ["计生特殊家庭特别扶助", "人", null, 86, 81],
      ["计生特殊家庭特别扶助金", "元", null, 412800, 388800],
      ["临时救助", "人次", null, 156, 140],
      ["临时救助金", "万元", null, 41, 39],
    ])
  );

  test.each([
    ["为X名计生特殊家庭成员发放特别扶助金X万元。", ["86", "41.28"]],
    ["发放计划生育奖励扶助金X万元，惠及X人。", ["128.64", "1072"]],
    // 生活困难的群众 says who, not which row; the people (名) are no 人次.
    ["为X名生活困难的群众发放临时救助金X万元。", ["—", "41"]],
  ])("%s", (text, want) => {
    expect(filled(text, aid)).toEqual(want);
  });

  test("惠及 after a count that is no payment names nothing", () => {
    expect(filled("开展临时救助X人次，惠及X人。", aid)).toEqual(["156", "—"]);
  });
});

describe("a target the deed went beyond, an age that names a payment, a group given a jab", () => {
  const rows = analysisOf(
    sheet("民生", [
      HEAD,
      ["新增四上企业入库", "家", 12, 14, 11],
      ["80岁以上高龄津贴", "人", null, 1436, 1380],
      ["80岁以上高龄津贴", "万元", null, 172.32, 165.6],
      ["流感疫苗接种", "人", 8200, 8558, 7870],
      ["其中：60岁以上老年人", "人", 5200, 5436, 4980],
    ])
  );

  test.each([
    ["新增四上企业入库X家，超额完成X家的目标任务。", ["14", "12"]],
    ["为X名80岁以上高龄老人发放高龄津贴X万元。", ["1436", "172.32"]],
    [
      "全年累计接种流感疫苗X人，其中为X名60岁以上老年人免费接种流感疫苗，同比增长X%。",
      ["8558", "5436", "9.16"],
    ],
  ])("%s", (text, want) => {
    expect(filled(text, rows)).toEqual(want);
  });
});

describe("the part of a draft on the time ahead, and the year's new ones against the total", () => {
  const care = analyzeWorkbook(
    workbook(
      sheet("民政", [
        ["2023年民政工作台账"],
        HEAD,
        ["新建社区养老服务站", "个", 2, 2, 1],
        ["老旧小区改造", "个", 8, 8, 6],
      ])
    )
  );

  test("a heading on next year's plans holds no result: 四、2024年工作打算, 下一步工作思路", () => {
    const draft =
      "一、2023年工作总结\n新建社区养老服务站X个。\n二、2024年工作打算\n新建社区养老服务站X个，完成X个老旧小区改造。\n三、存在问题和下一步工作思路\n（一）民生\n力争完成X个老旧小区改造。";
    const items = fillDraft(draft, care).items;
    expect(items.map((i) => i.value ?? i.reasonCode)).toEqual([
      "2",
      "AIMED_AHEAD",
      "AIMED_AHEAD",
      "AIMED_AHEAD",
    ]);
  });

  test("a total of the stations is not the year's new ones named before", () => {
    expect(
      filled("新建社区养老服务站X个，完成目标任务的X%，全街道社区养老服务站达到X个。", care)
    ).toEqual(["2", "100", "—"]);
  });
});

describe("rows of one name on the sheets of two lines of work", () => {
  const safety = analyzeWorkbook(
    workbook(
      sheet("安全生产", [HEAD, ["检查企业", "家", 540, 612, 540]]),
      sheet("消防", [HEAD, ["检查企业", "家", 400, 436, 380]])
    )
  );

  test("are two indicators, not two copies that disagree", () => {
    expect(safety.findings.filter((f) => f.code === "DUPLICATE_CONFLICT")).toEqual([]);
  });

  test("the draft's headings choose between them", () => {
    const draft =
      "（一）安全生产监管\n全年检查企业X家，同比增长X%。\n（二）消防安全\n共检查企业X家，完成目标任务的X%。";
    expect(filled(draft, safety)).toEqual(["612", "13.33", "436", "109"]);
  });

  test("without a heading that says which, the number is left", () => {
    expect(filled("全年检查企业X家。", safety)).toEqual(["—"]);
  });
});

describe("units of things counted, light verbs said otherwise, who did it, when in the year", () => {
  const works = analysisOf(
    sheet("城管", [
      HEAD,
      ["开展应急演练（场次）", "", 30, 34, 28],
      ["生产安全事故（起）", "", null, 0, 1],
      ["清疏排水管网（公里）", "", 30, 36.5, 31],
      ["储备防汛沙袋（万袋）", "", 2, 2.3, 2.1],
      ["加装电梯", "部", 10, 12, 6],
      ["悬挂光荣牌", "块", null, 3120, 2980],
      ["开展主题党日活动", "次", 120, 136, 118],
    ])
  );

  test.each([
    ["组织应急演练X场次。", ["34"]],
    ["全年发生生产安全事故X起。", ["0"]],
    ["汛前清疏排水管网X公里，储备防汛沙袋X万袋。", ["36.5", "2.3"]],
    ["加装电梯X部，悬挂光荣牌X块。", ["12", "3120"]],
    ["各支部全年开展主题党日活动X次，同比增长X%。", ["136", "15.25"]],
  ])("%s", (text, want) => {
    expect(filled(text, works)).toEqual(want);
  });
});

describe("a rate of the year's plan, a row named with 为, a remark on the schedule", () => {
  const rows = analysisOf(
    sheet("综合", [
      ["指标名称", "单位", "全年目标", "1—11月完成", "上年同期"],
      ["发展党员", "名", 30, 35, 28],
      ["为独居老人安装烟感报警器", "户", 200, 230, 150],
      ["固定资产投资", "亿元", 12, 11.5, 10.66],
    ])
  );

  test.each([
    ["全年发展党员X名，完成年度计划的X%。", ["35", "116.67"]],
    ["为X户独居老人安装烟感报警器。", ["230"]],
    [
      "完成固定资产投资X亿元，完成全年目标的X%，序时进度为X%，同比增长X%。",
      ["11.5", "95.83", "—", "7.88"],
    ],
  ])("%s", (text, want) => {
    expect(filled(text, rows)).toEqual(want);
  });

  test("序时进度为X% is no row's figure, said why", () => {
    const item = fillDraft("序时进度为X%。", rows).items[0];
    expect(item).toMatchObject({ status: "skipped", reasonCode: "NOT_A_NUMBER" });
    expect(item.reason).toContain("序时进度");
  });
});

describe("a rate of a task named between 完成 and 任务, and a check-up said in full", () => {
  const rows = analysisOf(
    sheet("民生", [
      HEAD,
      ["输送新兵", "人", 25, 27, 24],
      ["60岁以上老年人免费体检", "人", 4500, 4862, 4630],
    ])
  );

  test.each([
    ["今年共向部队输送新兵X人，完成征兵任务的X%。", ["27", "108"]],
    ["组织X名60岁以上老年人开展免费健康体检。", ["4862"]],
  ])("%s", (text, want) => {
    expect(filled(text, rows)).toEqual(want);
  });
});

describe("a workbook with a sheet a month, and a part of a 其中 list named like its total", () => {
  const monthly = analyzeWorkbook(
    workbook(
      sheet("1-11月", [
        ["指标名称", "单位", "全年目标", "1-11月累计", "上年同期"],
        ["信访事项办结", "件", 300, 286, 270],
      ]),
      sheet("1-12月", [
        ["指标名称", "单位", "全年目标", "1-12月累计", "上年同期"],
        ["信访事项办结", "件", 300, 312, 290],
      ])
    )
  );

  test("a full-year draft reads the 1—12月 rows, a 1—11月 draft the 1—11月 ones", () => {
    expect(filled("2024年全年工作总结\n全年办结信访事项X件。", monthly)).toEqual(["312"]);
    expect(filled("2024年1—11月工作总结\n办结信访事项X件。", monthly)).toEqual(["286"]);
  });

  test("a draft that says no period leaves the two periods' numbers, and says so", () => {
    expect(filled("办结信访事项X件。", monthly)).toEqual(["—"]);
    const [item] = fillDraft("办结信访事项X件。", monthly).items;
    expect(item).toMatchObject({ reasonCode: "PERIODS_DIFFER" });
    expect(item.reason).toContain("1—11月和全年两期");
  });

  const aid = analysisOf(
    sheet("教育", [
      HEAD,
      ["资助家庭经济困难学生", "人", null, 135, null],
      ["资助资金", "元", null, 206500, null],
      ["其中：资助大学新生", "人", null, 42, null],
      ["其中：大学新生资助资金", "元", null, 126000, null],
    ])
  );

  test("a part after 其中 is never its total: its subject and words name its own row", () => {
    expect(
      filled("全年资助家庭经济困难学生X人，资助资金X万元，其中大学新生X人、资助资金X万元。", aid)
    ).toEqual(["135", "20.65", "42", "12.6"]);
  });
});

describe("visits in 家次, a concentration per cubic metre, a survey, help named by its kind", () => {
  const rows = analysisOf(
    sheet("综合", [
      HEAD,
      ["走访企业", "家次", 300, 326, 290],
      ["PM2.5平均浓度", "微克/立方米", 35, 32, 35.5],
      ["群众安全感", "%", 95, 98.2, 97.5],
      ["65岁以上老年人健康体检（人）", "", 5000, 5124, 4980],
      ["医疗救助人次", "人次", null, 318, 296],
    ])
  );
  const aged = analyzeWorkbook(
    workbook(
      sheet("养老", [
        ["类别", "指标名称", "单位", "完成", "上年同期"],
        ["高龄津贴", "高龄津贴发放人数", "人", 1542, 1488],
        ["高龄津贴", "高龄津贴发放金额", "元", 462600, 446400],
      ])
    )
  );

  test.each([
    ["走访企业X家次。", ["326"]],
    ["辖区PM2.5平均浓度为X微克/立方米，同比下降X%。", ["32", "9.86"]],
    ["群众安全感测评达X%，比上年提高X个百分点。", ["98.2", "0.7"]],
    ["为X名65岁以上老年人开展免费健康体检。", ["5124"]],
  ])("%s", (text, want) => {
    expect(filled(text, rows)).toEqual(want);
  });

  test("为X名80周岁以上高龄老人发放高龄津贴: the payment and its verb name the people's row", () => {
    expect(filled("为X名80周岁以上高龄老人发放高龄津贴。", aged)).toEqual(["1542"]);
  });
});

describe("a shared 新增 of a list, 虽 before the verb, what is left undone", () => {
  const rows = analysisOf(
    sheet("经济", [
      HEAD,
      ["新增市场主体", "户", 2000, 2150, 1980],
      ["其中：新增企业", "户", null, 1236, 1100],
      ["其中：新增个体工商户", "户", null, 914, 880],
      ["医保参保率", "%", 98, 98.6, 98.1],
      ["整改隐患", "处", 850, 881, 800],
    ])
  );

  test.each([
    ["新增市场主体X户，其中新增企业X户、个体工商户X户。", ["2150", "1236", "914"]],
    ["医保参保率虽达X%，但仍有提升空间。", ["98.6"]],
    // The remainder is no count of what was rectified.
    ["隐患整改仍有X处未完成闭环。", ["—"]],
  ])("%s", (text, want) => {
    expect(filled(text, rows)).toEqual(want);
  });
});

describe("a part named in its whole (A中B)", () => {
  const rows = analysisOf(
    sheet("经济", [
      HEAD,
      ["固定资产投资", "万元", 120000, 115000, 106000],
      ["房地产开发投资", "万元", 50000, 48300, 49900],
    ])
  );

  test("固定资产投资中房地产开发投资同比下降X%", () => {
    expect(filled("固定资产投资中房地产开发投资同比下降X%。", rows)).toEqual(["3.21"]);
  });

  test("a whole that is no row names nothing", () => {
    expect(filled("重点项目中房地产开发投资X万元。", rows)).toEqual(["—"]);
    expect(filled("党群服务中心开展活动X次。", rows)).toEqual(["—"]);
  });
});

describe("a service number in the name of what is counted", () => {
  const rows = analysisOf(sheet("治理", [HEAD, ["受理12345热线工单", "件", null, 1286, 1190]]));

  test("受理12345热线工单X件", () => {
    expect(filled("全年受理12345热线工单X件，同比增长X%。", rows)).toEqual(["1286", "8.07"]);
  });
});

describe("the disabled and their two allowances, 生活垃圾分类 said in full", () => {
  const rows = analysisOf(
    sheet("民生", [
      HEAD,
      ["残疾人两项补贴发放人数", "人", null, 412, 398],
      ["残疾人两项补贴资金", "元", null, 925000, 890000],
      ["垃圾分类居民小区覆盖率", "%", 95, 100, 92],
    ])
  );

  test.each([
    ["为X名残疾人发放两项补贴资金X万元。", ["412", "92.5"]],
    ["生活垃圾分类居民小区覆盖率达X%。", ["100"]],
  ])("%s", (text, want) => {
    expect(filled(text, rows)).toEqual(want);
  });
});

describe("words that match no row are left with the nearest rows to choose from", () => {
  const gas = analyzeWorkbook(
    workbook(
      sheet("安全", [
        ["类别", "指标名称", "单位", "目标", "完成", "上年同期"],
        ["燃气安全", "检查场所", "家", 300, 315, 280],
        ["消防安全", "检查场所", "家", 200, 236, 190],
        ["消防安全", "消防宣传", "场", 20, 24, 18],
      ])
    )
  );
  const text = "全年检查燃气重点场所X家。";

  test("words that describe inside a name are passed over: 检查燃气经营使用场所 is 燃气's 检查场所", () => {
    const [item] = fillDraft("全年检查燃气经营使用场所X家。", gas).items;
    expect(item).toMatchObject({ status: "filled", value: "315", cell: "安全!E2" });
  });

  test("the blank names its candidates, each with its cell", () => {
    const [item] = fillDraft(text, gas).items;
    expect(item).toMatchObject({ status: "left", reasonCode: "NO_INDICATOR" });
    expect(item.candidates?.map((c) => c.cell)).toEqual(["安全!E2", "安全!E3"]);
  });

  test("one chosen is filled from its own cell", () => {
    const [item] = fillDraft(text, gas).items;
    const choice = item.candidates?.[0];
    const chosen = fillDraft(text, gas, new Map([[item.start, choice?.indicatorId ?? ""]]));
    expect(chosen.items[0]).toMatchObject({ status: "filled", value: "315", cell: "安全!E2" });
  });
});

describe("超序时进度, and a rate unclear between a total and its part offers both", () => {
  const rows = analyzeWorkbook(
    workbook(
      sheet("经济", [
        ["指标名称", "单位", "年度计划", "1-10月完成", "去年同期"],
        ["固定资产投资", "亿元", 12, 10.3, 9.5],
        ["其中：工业投资", "亿元", 5, 3.9, 3.6],
      ])
    ),
    { period: 10 }
  );

  test("完成全年目标的X%，超序时进度X个百分点", () => {
    expect(filled("完成固定资产投资X亿元，完成全年目标的X%，超序时进度X个百分点。", rows)).toEqual([
      "10.3",
      "85.83",
      "2.5",
    ]);
  });

  test("the rate after 其中 whose indicator is unclear names both as candidates", () => {
    const items = fillDraft(
      "完成固定资产投资X亿元，其中工业投资X亿元，完成年度计划的X%。",
      rows
    ).items;
    expect(items[2]).toMatchObject({ status: "left", reasonCode: "UNCLEAR_SUBJECT" });
    expect(items[2].candidates?.map((c) => c.indicator)).toEqual(["固定资产投资", "工业投资"]);
  });
});

describe("a number in a code of letters is listed, not lost", () => {
  const air = analysisOf(sheet("生态", [HEAD, ["PM2.5平均浓度", "微克/立方米", 35, 32, 35.5]]));

  test("PM2.5 is part of the name: listed as no figure, and the figure after it checked", () => {
    const check = checkDraft("辖区PM2.5平均浓度为32微克/立方米。", air);
    expect(check.confirmed.map((c) => c.text)).toEqual(["32微克/立方米"]);
    expect(check.notFigures.map((n) => [n.text, n.code])).toEqual([["2.5", "NOT_A_NUMBER"]]);
  });
});

describe("found by trying a sixth unseen ledger", () => {
  const ledger = analysisOf(
    sheet("重点工作", [
      ["类别", "工作内容", "全年任务", "实际完成", "上年数"],
      ["安全生产", "检查企业（家）", 800, 865, 812],
      ["安全生产", "发现隐患（处）", null, 1540, 1388],
      ["城市管理", "检查企业（家）", 200, 236, 198],
      ["卫生健康", "疫苗接种（剂次）", 12000, 12486, 11923],
      ["文化", "开展宣传活动（场次）", null, 48, 41],
      ["安全生产", "开展宣传活动（场次）", null, 36, 30],
    ])
  );

  test("a row named only by words drafts put around many names (疫苗接种) is named by them", () => {
    expect(filled("完成疫苗接种X剂次，同比增长X%。", ledger)).toEqual(["12486", "4.72"]);
  });

  test("a title run into its paragraph (（一）安全生产。…) says the 类别, under a heading with a comma", () => {
    const draft = [
      "三、坚持守牢安全底线，社会治理更加有效",
      "（一）安全生产。全年检查企业X家，发现隐患X处。",
      "（二）城市管理。围绕扬尘治理检查企业X家，同比增长X%。",
    ].join("\n");
    expect(filled(draft, ledger)).toEqual(["865", "1540", "236", "19.19"]);
  });

  test("a 1. heading of the part before does not govern the next part's text", () => {
    const draft = (part: string) =>
      [
        "（三）聚力保平安",
        "1.安全生产形势平稳",
        "全年检查企业X家。",
        part,
        "开展宣传活动X场次，营造了崇德向善的浓厚氛围。",
      ].join("\n");
    // Under （四） the 1. of （三） says nothing: 宣传活动 of 文化 or of 安全生产 stays unclear…
    expect(filled(draft("（四）社会事业全面进步"), ledger)).toEqual(["865", "—"]);
    // …unless （四） itself names the 类别.
    expect(filled(draft("（四）聚力兴文化，社会事业全面进步"), ledger)).toEqual(["865", "48"]);
  });
});

describe("分别: each number of the clause is of the subjects before, in order", () => {
  const jobs = analysisOf(
    sheet("就业", [
      HEAD,
      ["城镇新增就业", "人", 900, 951, 933],
      ["失业人员再就业", "人", 260, 243, 255],
      ["就业困难人员再就业", "人", 70, 74, 69],
      ["一般公共预算收入", "亿元", 2.1, 1.9872, 2.0454],
    ])
  );

  test("the counts of the clause before", () => {
    expect(
      filled("帮助失业人员再就业X人、就业困难人员再就业X人，分别完成目标任务的X%和X%。", jobs)
    ).toEqual(["243", "74", "93.46", "105.71"]);
  });

  test("the names the clause before lists, with the verdict said of them", () => {
    expect(
      filled("一般公共预算收入和失业人员再就业未完成目标任务，分别完成X%和X%。", jobs)
    ).toEqual(["94.63", "93.46"]);
  });

  test("同比分别增长X%和下降X%: each its own direction; the wrong one is left", () => {
    expect(filled("城镇新增就业X人、失业人员再就业X人，同比分别增长X%和下降X%。", jobs)).toEqual([
      "951",
      "243",
      "1.93",
      "4.71",
    ]);
    expect(filled("城镇新增就业X人、失业人员再就业X人，分别增长X%和X%。", jobs)).toEqual([
      "951",
      "243",
      "1.93",
      "—",
    ]);
  });

  test("as many subjects as numbers, or none is taken", () => {
    expect(
      filled(
        "城镇新增就业X人、失业人员再就业X人、就业困难人员再就业X人，分别完成目标任务的X%和X%。",
        jobs
      )
    ).toEqual(["951", "243", "74", "—", "—"]);
  });
});

describe("to whom a deed is done (为老旧小区…) says who gains, not which of it is counted", () => {
  test("the one row of the deed, in a unit of its own (具)", () => {
    const fire = analysisOf(
      sheet("消防", [
        HEAD,
        ["更换灭火器", "具", null, 1200, null],
        ["检查企业", "家", 300, 336, 301],
      ])
    );
    expect(filled("为老旧小区更换灭火器X具。", fire)).toEqual(["1200"]);
  });

  test("a row that names the group is the better fit", () => {
    const fire = analysisOf(
      sheet("消防", [
        HEAD,
        ["更换灭火器", "具", null, 1200, null],
        ["老旧小区更换灭火器", "具", null, 430, null],
      ])
    );
    expect(filled("为老旧小区更换灭火器X具。", fire)).toEqual(["430"]);
  });
});

describe("a subject named in the clause before, with its verdict and no number", () => {
  const insurance = analysisOf(
    sheet("社保", [
      HEAD,
      ["城乡居民医保参保人数", "人", 32000, 31480, 31920],
      ["城乡居民养老保险参保人数", "人", 11000, 11235, 10980],
    ])
  );

  test("its rate and growth follow: 未完成目标任务，完成率为X%", () => {
    expect(
      filled("城乡居民医保参保人数未完成目标任务，完成率为X%，同比下降X%。", insurance)
    ).toEqual(["98.38", "1.38"]);
  });

  test("a clause that names two leaves the rate to a 分别, not to either", () => {
    expect(
      filled("城乡居民医保参保人数和养老保险参保人数均已推进，完成率为X%。", insurance)
    ).toEqual(["—"]);
  });
});

describe("names said in other words (a sixth unseen ledger)", () => {
  const ledger = analysisOf(
    sheet("民生", [
      HEAD,
      ["城乡居民医保缴费金额", "万元", 1100, 1137.6, 1062.3],
      ["发放低保金", "万元", null, 512.34, 538.9],
      ["低保户数", "户", null, 186, 193],
      ["低保人数", "人", null, 312, 330],
    ])
  );

  test.each([
    ["征缴医保费X万元，同比增长X%。", ["1137.6", "7.09"]],
    ["完成医保费征缴X万元。", ["1137.6"]],
    ["低保金发放额同比下降X%。", ["4.93"]],
    ["保障低保对象X户X人。", ["186", "312"]],
  ])("%s", (text, want) => {
    expect(filled(text, ledger)).toEqual(want);
  });
});

describe("a 合计 sheet beside a sheet for each 社区 (a seventh unseen ledger)", () => {
  const community = (name: string, done: number, target: number, last: number) =>
    sheet(name, [
      HEAD,
      ["城镇新增就业", "人", target, done, last],
      ["办结信访事项", "件", null, done / 10, null],
    ]);
  const district = analysisOf(
    sheet("合计", [
      HEAD,
      ["城镇新增就业", "人", 900, 968, 931],
      ["办结信访事项", "件", null, 84, 97],
    ]),
    community("东湖社区", 331, 300, 320),
    community("西岭社区", 330, 310, 311),
    community("南苑社区", 307, 290, 300)
  );

  test("a sentence that names no place means the office's whole", () => {
    expect(filled("（一）办结信访事项X件，同比下降X%。", district)).toEqual(["84", "13.4"]);
  });

  test("a place named later in the sentence is of the numbers after it only", () => {
    expect(
      filled(
        "全街道实现城镇新增就业X人，完成目标任务的X%，同比增长X%；其中东湖社区新增就业X人，位居各社区第一。",
        district
      )
    ).toEqual(["968", "107.56", "3.97", "331"]);
  });
});

describe("控制在 before a number, and the target said after it", () => {
  const jobs = analysisOf(sheet("就业", [HEAD, ["城镇登记失业率", "%", "≤3.5", 2.9, 3.1]]));

  test("控制在X%，低于X%的控制目标: the value, then the target", () => {
    expect(filled("城镇登记失业率控制在X%，低于X%的控制目标。", jobs)).toEqual(["2.9", "3.5"]);
  });

  test("为X%，控制在X%以内: the value, then the ceiling", () => {
    expect(filled("城镇登记失业率为X%，控制在X%以内。", jobs)).toEqual(["2.9", "3.5"]);
  });
});

describe("words of a seventh unseen set", () => {
  const ledger = analysisOf(
    sheet("台账", [
      HEAD,
      ["失业人员再就业", "人", 400, 436, 420],
      ["就业困难人员再就业", "人", 120, 131, 125],
      ["城乡居民医保缴费金额", "万元", 1100, 1128.6, 1080],
      ["输送新兵", "人", 18, 19, 17],
      ["开展消防演练", "场次", 40, 42, 38],
      ["适龄儿童免疫规划疫苗接种率", "%", 95, 98.6, 98.1],
      ["信访事项办结", "件", null, 158, 170],
      ["矛盾纠纷调解", "件", null, 427, 410],
      ["新增四上企业", "家", 12, 14, 11],
      ["创建平安小区", "个", 10, 11, 8],
    ])
  );

  test.each([
    [
      "帮助失业人员实现再就业X人，就业困难人员再就业X人，分别完成目标任务的X%和X%。",
      ["436", "131", "109", "109.17"],
    ],
    ["征缴医保费用X万元。", ["1128.6"]],
    ["向部队输送优秀青年X人，完成任务数的X%。", ["19", "105.56"]],
    ["组织消防应急演练X场次。", ["42"]],
    ["适龄儿童免疫规划疫苗接种率保持在X%以上。", ["98.6"]],
    ["全年受理并办结信访事项X件。", ["158"]],
    ["调处化解矛盾纠纷X件。", ["427"]],
    ["新增入库四上企业X家。", ["14"]],
    ["新创建平安小区X个。", ["11"]],
  ])("%s", (text, want) => {
    expect(filled(text, ledger)).toEqual(want);
  });

  test("the verdict said first and 仅 before the rate: 未完成目标任务，完成率仅为X%", () => {
    expect(filled("就业困难人员再就业未完成目标任务，完成率仅为X%。", ledger)).toEqual(["109.17"]);
  });
});

describe("more words of a seventh unseen set", () => {
  const ledger = analysisOf(
    sheet("合计", [
      HEAD,
      ["新增市场主体", "户", 800, 923, 756],
      ["高龄津贴发放人数", "人", null, 1206, 1180],
      ["高龄津贴发放金额", "万元", null, 86.83, 84.2],
      ["创建平安小区", "个", 10, 11, 8],
      ["65岁以上老人健康体检", "人", 4200, 4385, 4100],
    ])
  );

  test.each([
    ["新登记各类市场主体X户，同比增长X%。", ["923", "22.09"]],
    ["新创建平安小区X个，超额完成X个的年度目标。", ["11", "10"]],
    ["完成65岁以上老年人健康体检X人，完成目标任务的X%。", ["4385", "104.4"]],
    // The age right after the count is of the people paid: the payment is theirs too.
    ["为X名80周岁以上老人发放高龄津贴X万元。", ["1206", "86.83"]],
  ])("%s", (text, want) => {
    expect(filled(text, ledger)).toEqual(want);
  });

  test("an age that is no count's own still qualifies the clause", () => {
    expect(filled("全年80周岁以上老人发放高龄津贴X万元。", ledger)).toEqual(["—"]);
  });
});

describe("a 镇's ledger in its own words (an eighth unseen set)", () => {
  const town = analysisOf(
    sheet("红旗镇", [
      HEAD,
      ["出生人口", "人", null, 146, 163],
      ["城乡居民医保参保人数", "人", 48500, 47930, 47600],
      ["城乡居民医保缴费金额", "万元", 1200, 1216.5, 1150],
      ["低保户数", "户", null, 238, 250],
      ["低保人数", "人", null, 427, 455],
      ["灵活就业人员参保", "人", null, 1120, 980],
      ["高标准农田建设", "亩", 3000, 1800, 1500],
      ["输送新兵", "人", 15, 17, 14],
    ])
  );

  test.each([
    ["上半年全镇出生人口X人，比上年同期下降X%。", ["146", "10.43"]],
    ["全镇城乡居民医保参保X人。", ["47930"]],
    ["缴纳医保费用X万元。", ["1216.5"]],
    ["全年纳入最低生活保障X户X人。", ["238", "427"]],
    ["灵活就业人员参加社会保险X人，同比增长X%。", ["1120", "14.29"]],
    ["上半年建成高标准农田X亩，完成全年任务的X%。", ["1800", "60"]],
    ["今年共向部队输送优质兵员X人。", ["17"]],
  ])("%s", (text, want) => {
    expect(filled(text, town)).toEqual(want);
  });

  test("全区 is the level above: never the ledger's own figure", () => {
    expect(filled("全区出生人口X人。", town)).toEqual(["—"]);
  });
});

test("the units a count counts, then their deed: the amount after is the deed's (X个村实现…X万元)", () => {
  const town = analysisOf(
    sheet("乡村振兴", [HEAD, ["农村集体经济收入", "万元", 860, 472.6, 418.3]])
  );
  expect(filled("全镇X个村实现农村集体经济收入X万元，同比增长X%。", town)).toEqual([
    "—",
    "472.6",
    "12.98",
  ]);
});

test("完成全年巡河任务的X%: a task named by the deed's row alone (开展巡河)", () => {
  const river = analysisOf(sheet("河长制", [HEAD, ["开展巡河", "次", 1440, 768, 700]]));
  expect(filled("累计开展巡河X次，完成全年巡河任务的X%。", river)).toEqual(["768", "53.33"]);
  expect(filled("完成全年巡河任务的X%。", river)).toEqual(["53.33"]);
});

test("a row that names less of the phrase is no rival: 新增就业 is 城镇新增就业, not 失业人员再就业", () => {
  const sheetOf = (name: string, done: number) =>
    sheet(name, [
      HEAD,
      ["城镇新增就业", "人", 300, done, 320],
      ["失业人员再就业", "人", 90, 95, 88],
    ]);
  const jobs = analysisOf(sheetOf("东湖社区", 331), sheetOf("西岭社区", 342));
  expect(filled("其中东湖社区新增就业X人。", jobs)).toEqual(["331"]);
  const two = analysisOf(
    sheet("就业", [HEAD, ["城镇新增就业", "人", 300, 331, 320], ["农村新增就业", "人", 90, 95, 88]])
  );
  // 农村新增就业 names as much of it: still unclear.
  expect(filled("新增就业X人。", two)).toEqual(["—"]);
});

describe("words that describe, put between the words of a name", () => {
  const rows = analysisOf(
    sheet("台账", [
      HEAD,
      ["整修道路", "条", 12, 13, 9],
      ["开展党员培训", "场次", 30, 36, 32],
      ["地表水断面达标率", "%", 100, 100, 95],
      ["开展安全检查", "次", 100, 120, 110],
      ["下发通报", "期", 4, 4, 3],
      ["作风监督通报", "期", null, 6, 5],
    ])
  );

  test.each([
    ["整修背街小巷道路X条，完成目标任务的X%。", ["13", "108.33"]],
    ["开展党员教育培训X场次。", ["36"]],
    ["全镇地表水考核断面水质达标率保持X%。", ["100"]],
  ])("%s", (text, want) => {
    expect(filled(text, rows)).toEqual(want);
  });

  test("a line of work, a kind or a time between the words narrows the count: left", () => {
    expect(filled("开展消防安全检查X次。", rows)).toEqual(["—"]);
    expect(filled("开展夜间安全检查X次。", rows)).toEqual(["—"]);
    expect(filled("开展专项安全检查X次。", rows)).toEqual(["—"]);
  });

  test("words of a list are never inside one name", () => {
    expect(filled("整修道路、背街小巷道路共X条。", rows)).toEqual(["—"]);
  });

  test("a row holding the word passed over makes it unclear, with both offered", () => {
    const [item] = fillDraft("共下发作风通报X期。", rows).items;
    expect(item.status).toBe("left");
    expect(item.candidates?.map((c) => c.cell).sort()).toEqual(["台账!D6", "台账!D7"]);
  });
});

describe("the levels that do it, what is left of a target, a count's change, 册", () => {
  const rows = analysisOf(
    sheet("台账", [
      HEAD,
      ["开展巡河", "次", 1440, 1526, 1402],
      ["城乡居民医保参保人数", "人", 32000, 31412, 31000],
      ["城镇新增就业", "人", 1200, 1318, 1246],
      ["新增四上企业", "家", 12, 14, 11],
      ["农家书屋新增图书（册）", "", 3000, 3400, 2800],
    ])
  );

  test.each([
    ["镇、村两级河长累计开展巡河X次。", ["1526"]],
    ["城乡居民医保参保人数未完成目标任务，完成率仅为X%，与目标相差X人。", ["98.16", "588"]],
    ["新增四上企业X家，比上年多X家。", ["14", "3"]],
    ["农家书屋新增图书X册。", ["3400"]],
  ])("%s", (text, want) => {
    expect(filled(text, rows)).toEqual(want);
  });

  test("a target met leaves no shortfall to write, and says so", () => {
    const [, item] = fillDraft("城镇新增就业X人，距全年目标还差X人。", rows).items;
    expect(item).toMatchObject({ status: "left", reasonCode: "NO_SHORTFALL" });
  });

  test("one level alone is a part: 村级河长开展巡河 is left", () => {
    expect(filled("村级河长开展巡河X次。", rows)).toEqual(["—"]);
  });
});
