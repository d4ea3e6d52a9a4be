/**
 * The fake's own semantics (see the top of fake-et.ts): if these drift, the host tests prove
 * nothing about ET.
 */
import { CV_ERROR, FakeEt } from "./fake-et";

/* eslint-disable @typescript-eslint/no-explicit-any */

function sample(members: "property" | "method" = "property") {
  const fake = new FakeEt({ members });
  const book = fake.addWorkbook("台账.xlsx");
  book.addSheet(
    "就业",
    [
      ["标题"],
      ["指标", "完成率"],
      ["新增就业", { v: 1.1, fmt: "0.00%" }],
      [{ v: "其中：大学生", indent: 1 }, { error: "#DIV/0!" }],
    ],
    { at: "B2", merges: ["B2:C2"] }
  );
  book.addSheet("隐藏", [["x"]], { hidden: "very" });
  return { fake, book, app: fake.Application as any };
}

test("collections are 1-based; Item(0) and past Count throw", () => {
  const { app } = sample();
  const sheets = app.ActiveWorkbook.Worksheets;
  expect(sheets.Count).toBe(2);
  expect(sheets.Item(1).Name).toBe("就业");
  expect(sheets.Item(2).Visible).toBe(2);
  expect(() => sheets.Item(0)).toThrow(/1-based/);
  expect(() => sheets.Item(3)).toThrow(/out of range/);
  expect(sheets.Item("就业").Name).toBe("就业");
});

test("Value2: a scalar for one cell, a 2-D array otherwise; errors as CVErr codes", () => {
  const { app } = sample();
  const ws = app.ActiveWorkbook.Worksheets.Item(1);
  expect(ws.Range("C4").Value2).toBe(1.1);
  expect(ws.Range("B4:C5").Value2).toEqual([
    ["新增就业", 1.1],
    ["其中：大学生", CV_ERROR["#DIV/0!"]],
  ]);
  expect(ws.Range("C5").Text).toBe("#DIV/0!");
  expect(ws.Range("D9").Value2).toBeUndefined();
});

test("null for mixed NumberFormat, IndentLevel and MergeCells", () => {
  const { app } = sample();
  const ws = app.ActiveWorkbook.Worksheets.Item(1);
  expect(ws.Range("C4").NumberFormat).toBe("0.00%");
  expect(ws.Range("C3:C4").NumberFormat).toBeNull();
  expect(ws.Range("B3").NumberFormat).toBe("General");
  expect(ws.Range("B4:B5").IndentLevel).toBeNull();
  expect(ws.Range("B2:C2").MergeCells).toBe(true);
  expect(ws.Range("B2:B3").MergeCells).toBeNull();
  expect(ws.Range("B3").MergeCells).toBe(false);
  expect(ws.Range("C2").MergeArea.Address(false, false)).toBe("B2:C2");
});

test("Address() is a method; UsedRange spans values, formats and merges", () => {
  const { app } = sample();
  const ws = app.ActiveWorkbook.Worksheets.Item(1);
  expect(typeof ws.UsedRange.Address).toBe("function");
  expect(ws.UsedRange.Address()).toBe("$B$2:$C$5");
  expect(ws.UsedRange.Address(false, false)).toBe("B2:C5");
  expect(ws.UsedRange.Row).toBe(2);
  expect(ws.UsedRange.Columns.Count).toBe(2);
});

test("members as zero-argument methods in method mode", () => {
  const { app } = sample("method");
  expect(typeof app.ActiveWorkbook).toBe("function");
  const ws = app.ActiveWorkbook().Worksheets.Item(1);
  expect(ws.UsedRange().Address(false, false)).toBe("B2:C5");
});

test("strings are typed like input unless the format is text; unknown members throw", () => {
  const { fake, app } = sample();
  const ws = app.ActiveWorkbook.Worksheets.Item(1);
  ws.Range("E1").Value2 = "=1+1";
  expect(ws.Range("E1").HasFormula).toBe(true);
  ws.Range("E2").Value2 = "1126";
  expect(ws.Range("E2").Value2).toBe(1126);
  ws.Range("E3").NumberFormat = "@";
  ws.Range("E3").Value2 = "=1+1";
  expect(ws.Range("E3").HasFormula).toBe(false);
  expect(ws.Range("E3").Value2).toBe("=1+1");
  expect(() => ws.Range("E4").value).toThrow(/no member value/);
  expect(() => (ws.Range("E4:E5").Value2 = [["a"]])).toThrow(/does not fit/);
  expect(fake.writes.map((w) => `${w.sheet}!${w.address} ${w.what}`)).toEqual([
    "就业!E1 Value2",
    "就业!E2 Value2",
    "就业!E3 NumberFormat",
    "就业!E3 Value2",
  ]);
});

test("Add activates the new sheet; hidden sheets cannot be activated; Select needs the active sheet", () => {
  const { fake, app } = sample();
  const book = app.ActiveWorkbook;
  const added = book.Worksheets.Add(undefined, book.Worksheets.Item(2));
  expect(book.Worksheets.Item(3).Name).toBe(added.Name);
  expect(book.ActiveSheet.Name).toBe(added.Name);
  expect(() => book.Worksheets.Item(2).Activate()).toThrow(/hidden/);
  expect(() => book.Worksheets.Item(1).Range("B3").Select()).toThrow(/not the active sheet/);
  book.Worksheets.Item(1).Activate();
  book.Worksheets.Item(1).Range("B3").Select();
  expect(app.ActiveCell.Address(false, false)).toBe("B3");
  expect(fake.actions).toContain("select 就业!B3");
});
