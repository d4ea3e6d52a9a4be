import { analyzeWorkbook } from "../../src/core";
import { createExcelHost } from "../../src/excel/excel-host";
import { freeSheetName } from "../../src/excel/example-table";
import { EXAMPLE_TABLE } from "../../src/taskpane/model/example-table";
import { FakeExcel } from "./fake-excel";

function setup() {
  const fake = new FakeExcel();
  fake.addSheet("说明", [["本工作簿还没有指标表"]]);
  return { fake, host: createExcelHost(fake.run, fake.requirements("1.17")) };
}

describe("insertExampleTable", () => {
  test("writes the example on a new sheet of its own, as an Excel table, and selects it", async () => {
    const { fake, host } = setup();
    const result = await host.insertExampleTable?.(EXAMPLE_TABLE);
    expect(result).toEqual({ sheet: "指标示例", address: "A1:E4" });
    expect(new Set(fake.writes.map((w) => w.sheet))).toEqual(new Set(["指标示例"]));
    expect(fake.text("指标示例", "A2")).toBe("城镇新增就业");
    expect(fake.cell("指标示例", "D2")?.value).toBe(1126);
    expect(fake.text("指标示例", "D4")).toBe("2.8");
    expect(fake.text("指标示例", "C4")).toBe("≤3.5");
    expect(fake.tables.map((t) => [t.name, t.sheet.name, t.showHeaders])).toEqual([
      ["指标示例表", "指标示例", true],
    ]);
    expect(fake.actions).toEqual(
      expect.arrayContaining(["add sheet 指标示例", "activate 指标示例", "select 指标示例!A1:E4"])
    );
    expect(fake.syncCount).toBe(2);
  });

  test("the engine finds the inserted example", async () => {
    const { host } = setup();
    await host.insertExampleTable?.(EXAMPLE_TABLE);
    const analysis = analyzeWorkbook(await host.read());
    expect(analysis.indicators.map((i) => [i.name, i.status])).toEqual([
      ["城镇新增就业", "exceeded"],
      ["失业人员再就业", "exceeded"],
      ["城镇登记失业率", "completed"],
    ]);
  });

  test("a second example goes on a second new sheet; the first is left as it is", async () => {
    const { fake, host } = setup();
    await host.insertExampleTable?.(EXAMPLE_TABLE);
    fake.writes.length = 0;
    const second = await host.insertExampleTable?.(EXAMPLE_TABLE);
    expect(second?.sheet).toBe("指标示例2");
    expect(new Set(fake.writes.map((w) => w.sheet))).toEqual(new Set(["指标示例2"]));
    // Excel refuses a second table named 指标示例表: the second one gets a free name.
    expect(fake.tables.map((t) => [t.name, t.sheet.name])).toEqual([
      ["指标示例表", "指标示例"],
      ["指标示例表2", "指标示例2"],
    ]);
    const third = await host.insertExampleTable?.(EXAMPLE_TABLE);
    expect(third?.sheet).toBe("指标示例3");
    expect(fake.tables.map((t) => t.name)).toEqual(["指标示例表", "指标示例表2", "指标示例表3"]);
  });

  test("a write that fails leaves no half-written sheet behind", async () => {
    const { fake, host } = setup();
    fake.failSheet("指标示例", "GeneralException");
    await expect(host.insertExampleTable?.(EXAMPLE_TABLE)).rejects.toThrow(/GeneralException/);
    expect(fake.sheets.map((s) => s.name)).toEqual(["说明"]);
    expect(fake.tables).toEqual([]);
    expect(fake.actions).toEqual(["add sheet 指标示例", "delete sheet 指标示例"]);
    // And the next try, once Excel lets it, takes the same name.
    fake.failingSheets.clear();
    expect((await host.insertExampleTable?.(EXAMPLE_TABLE))?.sheet).toBe("指标示例");
  });

  test.each([
    [[], "指标示例"],
    [["指标示例"], "指标示例2"],
    [["指标示例", "指标示例2"], "指标示例3"],
  ])("free sheet name among %p is %s", (taken, name) => {
    expect(freeSheetName(taken)).toBe(name);
  });
});
