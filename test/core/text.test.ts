import {
  compactName,
  displayText,
  leadingSpaces,
  normalizeForMatch,
  toHalfWidth,
} from "../../src/core/text";

describe("toHalfWidth", () => {
  test.each<[string, string]>([
    ["１１２６", "1126"],
    ["１２．６", "12.6"],
    ["１，１２６", "1,126"],
    ["９６．３％", "96.3%"],
    ["ＴＡＲＧＥＴ", "TARGET"],
    ["（万元）", "(万元)"],
    ["  1126  ", "1126"], // trimmed
    ["\u30001126\u3000", "1126"], // ideographic spaces trimmed too
    ["a  b", "a  b"], // inner spaces kept
    ["城镇新增就业", "城镇新增就业"], // Chinese characters untouched
  ])("%j → %j", (text, expected) => {
    expect(toHalfWidth(text)).toBe(expected);
  });
});

describe("normalizeForMatch", () => {
  test.each<[string, string]>([
    ["年度\n目标", "年度目标"],
    ["年度\r\n目标", "年度目标"],
    ["完 成 数", "完成数"],
    ["完\u3000成\u3000数", "完成数"],
    ["ＴＡＲＧＥＴ", "target"],
    ["Last Year", "lastyear"],
    ["  指标名称\t", "指标名称"],
    ["完成（万元）", "完成(万元)"],
    ["", ""],
  ])("%j → %j", (text, expected) => {
    expect(normalizeForMatch(text)).toBe(expected);
  });
});

describe("displayText", () => {
  test.each<[unknown, string]>([
    [null, ""],
    [undefined, ""],
    ["城镇新增就业", "城镇新增就业"],
    [1126, "1126"],
    [12.6, "12.6"],
    [0, "0"],
    [true, "true"],
    [new Date(Date.UTC(2023, 9, 31)), "2023-10-31"],
    [{ error: "#N/A" }, "#N/A"],
    [{ error: "#DIV/0!" }, "#DIV/0!"],
  ])("%p → %j", (value, expected) => {
    expect(displayText(value)).toBe(expected);
  });
});

describe("leadingSpaces", () => {
  test.each<[string, number]>([
    ["城镇新增就业", 0],
    ["  其中：大学生", 2],
    ["\u3000其中：大学生", 2], // a full-width space is two wide
    ["\u3000\u3000其中", 4],
    [" \u3000其中", 3],
    ["\u00a0其中", 1], // no-break space
    ["其中  ", 0], // trailing spaces do not indent
    ["", 0],
  ])("%j → %i", (text, expected) => {
    expect(leadingSpaces(text)).toBe(expected);
  });
});

describe("compactName", () => {
  test.each<[string, string]>([
    ["城镇 新增\n就业", "城镇新增就业"],
    [" 城镇新增就业 ", "城镇新增就业"],
    ["城镇\u3000新增\r\n就业", "城镇新增就业"],
    ["新增四上企业入库", "新增四上企业入库"],
    ["第１剂次接种", "第1剂次接种"], // full-width digits become half-width
    ["ＧＤＰ", "GDP"],
  ])("%j → %j", (text, expected) => {
    expect(compactName(text)).toBe(expected);
  });
});
