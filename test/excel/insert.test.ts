import { createExcelHost } from "../../src/excel/excel-host";
import { needsTextFormat } from "../../src/excel/text-cell";
import { FakeExcel } from "./fake-excel";

const PARAGRAPH = "城镇新增就业1126人，完成目标任务的112.6%。";

function setup(version = "1.17") {
  const fake = new FakeExcel();
  fake.addSheet("就业", [
    ["指标", "目标", "完成"],
    ["城镇新增就业", 1000, 1126],
  ]);
  fake.addSheet("总结");
  return { fake, host: createExcelHost(fake.run, fake.requirements(version)) };
}

describe("insertIntoSelection", () => {
  test("an empty cell: the text goes there and nowhere else", async () => {
    const { fake, host } = setup();
    fake.select("总结", "B3");
    const result = await host.insertIntoSelection(PARAGRAPH);
    expect(result).toEqual({ kind: "inserted", address: "总结!B3" });
    expect(fake.text("总结", "B3")).toBe(PARAGRAPH);
    expect(fake.writes).toEqual([
      { sheet: "总结", address: "B3", kind: "values", value: [[PARAGRAPH]] },
    ]);
    expect(fake.syncCount).toBe(2);
  });

  test("an occupied cell: nothing is written, the current content is returned", async () => {
    const { fake, host } = setup();
    fake.select("就业", "C2");
    const result = await host.insertIntoSelection(PARAGRAPH);
    expect(result).toEqual({ kind: "occupied", address: "就业!C2", current: "1126" });
    expect(fake.writes).toEqual([]);
    expect(fake.cell("就业", "C2")?.value).toBe(1126);
  });

  test("a formula showing nothing still occupies the cell", async () => {
    const { fake, host } = setup();
    fake.sheet("总结").cells.set("0,0", { formula: '=IF(1,"","")', value: "" });
    fake.select("总结", "A1");
    expect(await host.insertIntoSelection(PARAGRAPH)).toEqual({
      kind: "occupied",
      address: "总结!A1",
      current: '=IF(1,"","")',
    });
  });

  test("overwrite after confirmation", async () => {
    const { fake, host } = setup();
    fake.select("就业", "C2");
    const result = await host.insertIntoSelection(PARAGRAPH, true);
    expect(result).toEqual({ kind: "inserted", address: "就业!C2" });
    expect(fake.text("就业", "C2")).toBe(PARAGRAPH);
    expect(fake.writes.map((w) => `${w.sheet}!${w.address}`)).toEqual(["就业!C2"]);
  });

  test("several cells selected: the active cell only", async () => {
    const { fake, host } = setup();
    fake.select("总结", "A1:D10", "C4");
    const result = await host.insertIntoSelection(PARAGRAPH);
    expect(result).toEqual({ kind: "inserted", address: "总结!C4" });
    expect(fake.writes.map((w) => w.address)).toEqual(["C4"]);
  });

  test("without getActiveCell (before ExcelApi 1.7): the selection's top-left cell", async () => {
    const { fake, host } = setup("1.6");
    fake.select("总结", "B2:D10", "C4");
    expect(await host.insertIntoSelection(PARAGRAPH)).toEqual({
      kind: "inserted",
      address: "总结!B2",
    });
  });

  test("no cell selected: unsupported, nothing written", async () => {
    const { fake, host } = setup();
    fake.selection = undefined;
    expect(await host.insertIntoSelection(PARAGRAPH)).toEqual({ kind: "unsupported" });
    expect(fake.writes).toEqual([]);
  });

  test("a text that looks like a number is kept as text", async () => {
    const { fake, host } = setup();
    fake.select("总结", "A1");
    await host.insertIntoSelection("1126");
    expect(fake.cell("总结", "A1")).toMatchObject({ value: "1126", numFmt: "@" });
  });
});

describe("selectCell", () => {
  test("activates the sheet and selects the cell, writing nothing", async () => {
    const { fake, host } = setup();
    fake.select("总结", "A1");
    await host.selectCell("就业", "C2");
    expect(fake.actions).toEqual(["activate 就业", "select 就业!C2"]);
    expect(fake.selection?.sheet.name).toBe("就业");
    expect(fake.writes).toEqual([]);
    expect(fake.syncCount).toBe(1);
  });

  test("a sheet that does not exist is an error", async () => {
    const { host } = setup();
    await expect(host.selectCell("没有", "A1")).rejects.toMatchObject({ code: "ItemNotFound" });
  });
});

test("needsTextFormat", () => {
  expect(needsTextFormat("城镇新增就业1126人")).toBe(false);
  expect(needsTextFormat("=SUM(A1)")).toBe(true);
  expect(needsTextFormat("-3.5%")).toBe(true);
  expect(needsTextFormat("1,126")).toBe(true);
  expect(needsTextFormat("2023-10")).toBe(true);
  expect(needsTextFormat("TRUE")).toBe(true);
});
