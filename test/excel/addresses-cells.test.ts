import { splitAreas, splitSheetAddress } from "../../src/excel/addresses";
import { isDateFormat, toCellModel } from "../../src/excel/cells";

test("sheet-qualified addresses", () => {
  expect(splitSheetAddress("Sheet1!A1:F20")).toEqual({ sheet: "Sheet1", local: "A1:F20" });
  expect(splitSheetAddress("'O''Brien'!B3")).toEqual({ sheet: "O'Brien", local: "B3" });
  expect(splitSheetAddress("C4")).toEqual({ local: "C4" });
  expect(splitAreas("'a, b'!A1:B2, 'a, b'!D4:D5")).toEqual(["'a, b'!A1:B2", "'a, b'!D4:D5"]);
  expect(splitAreas("'it''s, x'!A1,Sheet1!B2")).toEqual(["'it''s, x'!A1", "Sheet1!B2"]);
});

test.each([
  ["yyyy-mm-dd", true],
  ['yyyy"年"m"月"d"日"', true],
  ["[$-804]yyyy年m月", true],
  ["h:mm", true],
  ["[h]:mm", true],
  ["General", false],
  ["0.00%", false],
  ["#,##0", false],
  ['0.0"万元"', false],
  ["[Red]0.00", false],
  ["@", false],
])("isDateFormat(%s) = %s", (format, expected) => {
  expect(isDateFormat(format)).toBe(expected);
});

test("cells from Office.js values", () => {
  expect(toCellModel("", "Empty", "General", 0)).toBeUndefined();
  expect(toCellModel("#N/A", "Error", "General", 0)).toEqual({ value: { error: "#N/A" } });
  expect(toCellModel(0.5, "Double", "0%", 1)).toEqual({ value: 0.5, numFmt: "0%", indent: 1 });
  expect(toCellModel(false, "Boolean", "General", undefined)).toEqual({ value: false });
});
