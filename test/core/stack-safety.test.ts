/**
 * Large inputs never overflow the call stack: no spread of an unbounded array into a call, no
 * recursion as deep as the input.
 */
import { analyzeWorkbook } from "../../src/core";
import { parseTemplate, renderTemplate } from "../../src/core/report";
import { MAX_CONDITION_NESTING } from "../../src/core/report/writing/template";
import { sheet, workbook } from "../helpers/sheet";

test("a table of 130 000 indicator rows (the size at which push(...rows) overflowed) is analysed", () => {
  const rows: (string | number)[][] = [["指标名称", "单位", "年度目标", "完成数"]];
  for (let i = 0; i < 130_000; i++) rows.push([`指标${i}`, "人", 100, 90 + (i % 20)]);
  const analysis = analyzeWorkbook(workbook(sheet("台账", rows)));
  expect(analysis.indicators).toHaveLength(130_000);
  expect(analysis.indicators[129_999].name).toBe("指标129999");
});

test("5 000 unclosed conditions are errors, not a stack overflow", () => {
  const source = "{?城镇新增就业 已完成}好".repeat(5000);
  const parsed = parseTemplate(source);
  const deep = parsed.errors.filter((e) => e.code === "NESTED_TOO_DEEP");
  expect(deep).toHaveLength(5000 - MAX_CONDITION_NESTING);
  expect(deep[0].message).toContain(`嵌套超过${MAX_CONDITION_NESTING}层`);
  const analysis = analyzeWorkbook(
    workbook(
      sheet("就业", [
        ["指标名称", "单位", "年度目标", "完成数"],
        ["城镇新增就业", "人", 1000, 1126],
      ])
    )
  );
  const result = renderTemplate(parsed, analysis);
  expect(result.errors.length).toBeGreaterThan(0);
});

test("conditions up to the limit still render", () => {
  const depth = MAX_CONDITION_NESTING;
  const source = "{?城镇新增就业 已完成}".repeat(depth) + "好" + "{/}".repeat(depth);
  const analysis = analyzeWorkbook(
    workbook(
      sheet("就业", [
        ["指标名称", "单位", "年度目标", "完成数"],
        ["城镇新增就业", "人", 1000, 1126],
      ])
    )
  );
  const result = renderTemplate(source, analysis);
  expect(result.errors).toEqual([]);
  expect(result.text).toBe("好");
});
