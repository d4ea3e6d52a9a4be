import {
  CATEGORY_TITLES,
  categoryOfLabel,
  categoryOfText,
  categoryOfTitle,
  reportPartOf,
  lineOfWorkOfSheet,
  onSheetsOfTwoLines,
} from "../../src/core/categories";
import { CATEGORIES, Category } from "../../src/core/model";

describe("categoryOfText: indicator names", () => {
  test.each<[string, Category]>([
    ["城镇新增就业", "employment"],
    ["失业人员再就业", "employment"],
    ["就业困难人员再就业", "employment"],
    ["城镇登记失业率", "employment"],
    ["职业技能培训人次", "employment"],
    ["失业保险参保人数", "insurance"], // 参保 wins over 失业
    ["城乡居民医保参保人数", "insurance"],
    ["城乡居民医保缴费金额", "insurance"],
    ["城乡居民养老保险续保率", "insurance"],
    ["企业职工养老保险参保人数", "insurance"], // 养老 wins over 企业
    ["第一剂次接种（18岁以上）", "vaccination"],
    ["加强免疫接种（60岁以上）", "vaccination"],
    ["新冠疫苗接种人数", "vaccination"],
    ["第二针接种", "vaccination"],
    ["固定资产投资", "investment"],
    ["新增四上企业入库", "investment"],
    ["限上批发零售业销售额", "investment"],
    ["规上工业总产值", "investment"],
    ["社会消费品零售总额", "investment"],
    ["城 镇 新 增\n就 业", "employment"], // spaces and line breaks inside the cell
    ["Employment", "employment"],
    ["Vaccination doses", "vaccination"],
    ["Fixed asset investment", "investment"],
  ])("%j → %s", (name, category) => {
    expect(categoryOfText(name)).toBe(category);
  });

  test.each(["低保户数", "残疾人补贴发放", "征兵任务", "其他", "", "   "])(
    "%j names no category",
    (name) => {
      expect(categoryOfText(name)).toBeUndefined();
    }
  );
});

describe("categoryOfLabel: values in a 类别 column", () => {
  test.each<[string, Category]>([
    ["就业", "employment"],
    ["社保", "insurance"],
    ["医保", "insurance"],
    ["疫苗", "vaccination"],
    ["投资", "investment"],
    ["经济", "investment"],
    ["其他", "other"],
    ["Other", "other"],
    ["OTHERS", "other"],
    ["Employment", "employment"],
  ])("%j → %s", (label, category) => {
    expect(categoryOfLabel(label)).toBe(category);
  });

  test.each(["民政", "", "杂项"])("%j is no category", (label) => {
    expect(categoryOfLabel(label)).toBeUndefined();
  });
});

describe("CATEGORY_TITLES", () => {
  test("every category has a Chinese and an English title", () => {
    for (const category of CATEGORIES) {
      expect(CATEGORY_TITLES[category].zh).toMatch(/[\u4e00-\u9fff]/);
      expect(CATEGORY_TITLES[category].en).toMatch(/^[A-Z]/);
    }
    expect(Object.keys(CATEGORY_TITLES).sort()).toEqual([...CATEGORIES].sort());
  });

  test("titles as a work summary names them", () => {
    expect(CATEGORY_TITLES.employment.zh).toBe("就业工作");
    expect(CATEGORY_TITLES.insurance.zh).toBe("社会保险工作");
    expect(CATEGORY_TITLES.vaccination.zh).toBe("疫苗接种工作");
  });
});

describe("the line of work a sheet is named by", () => {
  test.each([
    ["安全生产", "安全生产"],
    ["消防", "消防"],
    ["城市管理工作", "城市管理"],
    ["经济指标", "经济"],
    ["汇总", undefined],
    ["2023年台账", undefined],
    ["11月备份", undefined],
    ["Sheet1", undefined],
    ["主要指标", undefined],
  ])("%s → %s", (sheet, line) => {
    expect(lineOfWorkOfSheet(sheet)).toBe(line);
  });

  test("two rows of one name are two indicators only on sheets of two lines of work", () => {
    expect(onSheetsOfTwoLines({ sheet: "安全生产" }, { sheet: "消防" })).toBe(true);
    expect(onSheetsOfTwoLines({ sheet: "安全生产" }, { sheet: "汇总" })).toBe(false);
    expect(onSheetsOfTwoLines({ sheet: "安全生产" }, { sheet: "安全生产" })).toBe(false);
  });
});

describe("categoryOfTitle: a title naming two lines of work lets each row decide", () => {
  test("就业和社会保障 names two: 社会保障 is social insurance's", () => {
    expect(categoryOfText("社会保障")).toBe("insurance");
    expect(categoryOfTitle("柳林镇2024年就业和社会保障工作指标")).toBeUndefined();
    expect(categoryOfTitle("柳林镇2024年就业工作指标")).toBe("employment");
  });
});

describe("reportPartOf: the broad part of a line of work", () => {
  test.each<[string, string | undefined]>([
    ["就业", "民生保障"], // by the category's own words
    ["医保", "民生保障"],
    ["疫苗接种", "民生保障"],
    ["民政", "民生保障"],
    ["税收", "经济发展"],
    ["企业安全生产", "平安建设和社会治理"], // safety before the economy's 企业
    ["党建", "党的建设"],
    ["征兵", "平安建设和社会治理"],
    ["机关事务", undefined],
  ])("%s → %s", (line, part) => {
    expect(reportPartOf(line)).toBe(part);
  });
});
