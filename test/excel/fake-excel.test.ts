/**
 * The fake must be as strict as Office.js, or the adapter's tests prove nothing.
 */
import { FakeContext, FakeExcel } from "./fake-excel";

function fakeWithData(): FakeExcel {
  const fake = new FakeExcel();
  fake.addSheet("就业", [
    ["指标", "完成"],
    ["新增就业", 1126],
  ]);
  return fake;
}

describe("loads and syncs", () => {
  test("a property read before load() throws PropertyNotLoaded", async () => {
    const fake = fakeWithData();
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("就业").getRange("A1:B2");
      await context.sync();
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
    });
  });

  test("a property loaded but not yet synced throws; after the sync it reads", async () => {
    const fake = fakeWithData();
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("就业").getRange("A1:B2");
      range.load("values");
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
      await context.sync();
      expect(range.values).toEqual([
        ["指标", "完成"],
        ["新增就业", 1126],
      ]);
      expect(() => range.address).toThrow(/PropertyNotLoaded/);
    });
  });

  test("values are those at sync time, not at load time", async () => {
    const fake = fakeWithData();
    await fake.run(async (context) => {
      const used = context.workbook.worksheets.getItem("就业").getUsedRange(true);
      used.load("address");
      fake.userEdit("就业", "D5", "x");
      await context.sync();
      expect(used.address).toBe("就业!A1:D5");
    });
  });

  test("collection items need a load and a sync", async () => {
    const fake = fakeWithData();
    await fake.run(async (context) => {
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(/PropertyNotLoaded/);
      sheets.load("items/name");
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["就业"]);
      expect(() => sheets.items[0].visibility).toThrow(/PropertyNotLoaded/);
    });
  });

  test("unknown properties cannot be loaded", async () => {
    const fake = fakeWithData();
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("就业").getRange("A1");
      expect(() => range.load("indentLevel")).toThrow(/no loadable property/);
    });
  });

  test("ClientResult values need a sync", async () => {
    const fake = fakeWithData();
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("就业").getRange("A1:B1");
      const props = range.getCellProperties({ format: { indentLevel: true } });
      expect(() => props.value).toThrow(/PropertyNotLoaded/);
      await context.sync();
      expect(props.value).toEqual([
        [{ format: { indentLevel: 0 } }, { format: { indentLevel: 0 } }],
      ]);
    });
  });

  test("syncs are counted, including the flush at the end of run", async () => {
    const fake = fakeWithData();
    await fake.run(async (context) => {
      await context.sync();
      context.workbook.worksheets.getItem("就业").getRange("C1").values = [["x"]];
    });
    expect(fake.syncCount).toBe(2);
    expect(fake.text("就业", "C1")).toBe("x");
  });

  test("a write is applied at the sync, not before", async () => {
    const fake = fakeWithData();
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("就业").getRange("C1").values = [["x"]];
      expect(fake.text("就业", "C1")).toBe("");
      await context.sync();
      expect(fake.text("就业", "C1")).toBe("x");
    });
  });

  test("objects of a finished run cannot be used", async () => {
    const fake = fakeWithData();
    let kept: FakeContext | undefined;
    const range = await fake.run(async (context) => {
      kept = context as unknown as FakeContext;
      return context.workbook.worksheets.getItem("就业").getRange("A1");
    });
    expect(kept).toBeDefined();
    expect(() => range.load("values")).toThrow(/InvalidObjectPath/);
  });
});

describe("null objects", () => {
  test("isNullObject needs a sync; properties of a null object throw", async () => {
    const fake = fakeWithData();
    await fake.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("报告");
      missing.load("id");
      expect(() => missing.isNullObject).toThrow(/PropertyNotLoaded/);
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(() => missing.id).toThrow(/null object/);
    });
  });

  test("a method chained on a null object fails the sync", async () => {
    const fake = fakeWithData();
    await fake.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("报告");
      missing.getRange("A1").load("values");
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidObjectPath" });
    });
  });

  test("a failed sync delivers no values", async () => {
    const fake = fakeWithData();
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("就业").getRange("A1");
      range.load("values");
      context.workbook.worksheets.getItem("没有").getRange("A1").load("values");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
    });
  });
});

describe("writes and limits", () => {
  test("every write is recorded; shapes must match", async () => {
    const fake = fakeWithData();
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("就业");
      sheet.getRange("C1:D1").values = [["a", "b"]];
      sheet.getRange("C2").format.font.bold = true;
      await context.sync();
      sheet.getRange("C3:D3").values = [["only one"]];
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
    expect(fake.writes).toEqual([
      { sheet: "就业", address: "C1:D1", kind: "values", value: [["a", "b"]] },
      { sheet: "就业", address: "C2", kind: "format", value: { bold: true } },
    ]);
  });

  test("typed input: numbers and formulas unless the format is text", async () => {
    const fake = fakeWithData();
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("就业");
      sheet.getRange("C1").values = [["1126"]];
      sheet.getRange("C2").values = [["=A1"]];
      sheet.getRange("C3").numberFormat = [["@"]];
      sheet.getRange("C3").values = [["=A1"]];
    });
    expect(fake.cell("就业", "C1")?.value).toBe(1126);
    expect(fake.cell("就业", "C2")?.formula).toBe("=A1");
    expect(fake.cell("就业", "C3")?.value).toBe("=A1");
  });

  test("responses over the payload limit fail", async () => {
    const fake = new FakeExcel({ payloadLimitBytes: 100 });
    fake.addSheet("大表", [Array.from({ length: 50 }, (_, i) => `单元格${i}`)]);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("大表").getUsedRange(true).load("values");
      await expect(context.sync()).rejects.toMatchObject({
        code: "ResponsePayloadSizeLimitExceeded",
      });
    });
  });

  test("quoted sheet names in addresses", async () => {
    const fake = new FakeExcel();
    fake.addSheet("My Sheet", [["a"]]);
    fake.addSheet("O'Brien", [["b"]]);
    fake.addSheet("就业", [["c"]]);
    await fake.run(async (context) => {
      const ranges = ["My Sheet", "O'Brien", "就业"].map((name) => {
        const range = context.workbook.worksheets.getItem(name).getRange("A1:B2");
        range.load("address");
        return range;
      });
      await context.sync();
      expect(ranges.map((r) => r.address)).toEqual([
        "'My Sheet'!A1:B2",
        "'O''Brien'!A1:B2",
        "就业!A1:B2",
      ]);
    });
  });
});
