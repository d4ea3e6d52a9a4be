/**
 * The fake must be as strict as Office.js, or the adapter's tests prove nothing.
 */
import * as fs from "fs";
import * as path from "path";
import { createExcelHost } from "../../src/excel/excel-host";
import { API_SETS, FakeContext, FakeExcel } from "./fake-excel";

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

describe("requirement sets: the fake refuses what the Excel it plays lacks", () => {
  const OFFICE_JS = path.join(
    __dirname,
    "..",
    "..",
    "node_modules",
    "@microsoft",
    "office-js",
    "dist",
    "excel-web-16.00.debug.js"
  );

  test("API_SETS holds the versions office.js itself checks", () => {
    const source = fs.readFileSync(OFFICE_JS, "utf8");
    const checked = new Map<string, string>();
    for (const m of source.matchAll(
      /_throwIfApiNotSupported\("([A-Za-z]+\.[A-Za-z]+)", _defaultApiSetName, "(1\.\d+)"/g
    )) {
      checked.set(m[1], m[2]);
    }
    expect(checked.size).toBeGreaterThan(100);
    for (const [member, version] of Object.entries(API_SETS)) {
      expect([member, checked.get(member)]).toEqual([member, version]);
    }
    // Every gated member of the classes the fake models that the fake implements is listed.
    const fake = fakeWithData();
    return fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("就业");
      const range = sheet.getRange("A1");
      const instances: Record<string, object> = {
        Workbook: context.workbook,
        WorksheetCollection: context.workbook.worksheets,
        Worksheet: sheet,
        Range: range,
        RangeFormat: range.format,
        TableCollection: context.workbook.tables,
      };
      for (const [member] of checked) {
        const [className, name] = member.split(".");
        const instance = instances[className];
        if (!instance) continue;
        let has = false;
        for (let proto = instance; proto && !has; proto = Object.getPrototypeOf(proto)) {
          has = Object.getOwnPropertyNames(proto).includes(name);
        }
        if (has) expect([member, API_SETS[member]]).toEqual([member, checked.get(member)]);
      }
      fake.refused.length = 0;
    });
  });

  test("a member above the claimed set throws ApiNotFound when called, and is recorded", async () => {
    const fake = new FakeExcel({ excelApi: "1.7" });
    fake.addSheet("就业", [["指标", 1]]);
    expect(fake.requirements().isSetSupported("ExcelApi", "1.7")).toBe(true);
    expect(fake.requirements().isSetSupported("ExcelApi", "1.9")).toBe(false);
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("就业").getRange("A1");
      expect(() => range.getMergedAreasOrNullObject()).toThrow(/ApiNotFound.*ExcelApi 1\.13/);
      expect(() => range.getCellProperties({ format: { indentLevel: true } })).toThrow(
        /ApiNotFound/
      );
      expect(() => context.workbook.worksheets.onChanged).toThrow(/ApiNotFound/);
      // ExcelApi 1.7 members work.
      expect(() => context.workbook.worksheets.getItem("就业").onChanged).not.toThrow();
    });
    expect(fake.refused).toEqual([
      "Range.getMergedAreasOrNullObject needs ExcelApi 1.13",
      "Range.getCellProperties needs ExcelApi 1.9",
      "WorksheetCollection.onChanged needs ExcelApi 1.9",
    ]);
    // Emptied here on purpose: otherwise the check after each test fails this test.
    fake.refused.length = 0;
  });

  test("an adapter that skips its requirement check fails against a 1.7 Excel", async () => {
    const fake = FakeExcel.fromModel({
      sheets: [{ name: "就业", rows: [[{ value: "指标" }]], merges: [], tables: [] }],
    });
    fake.requirements("1.7");
    // Requirements that claim more than this Excel has: the adapter calls 1.9 and 1.13 members.
    const lying = { isSetSupported: () => true };
    await expect(createExcelHost(fake.run, lying).read()).rejects.toThrow(/ApiNotFound/);
    expect(fake.refused.length).toBeGreaterThan(0);
    fake.refused.length = 0;
  });

  test("the adapter, honestly gated, calls nothing above ExcelApi 1.7", async () => {
    const fake = FakeExcel.fromModel(
      {
        sheets: [
          {
            name: "就业",
            rows: [
              [{ value: "指标" }, { value: "完成" }],
              [{ value: "新增就业" }, { value: 1 }],
            ],
            merges: [{ top: 0, left: 0, bottom: 0, right: 1 }],
            tables: [],
          },
        ],
      },
      { excelApi: "1.7" }
    );
    const host = createExcelHost(fake.run, fake.requirements(), { debounceMs: 10 });
    await host.read();
    fake.select("就业", "D5");
    await host.insertIntoSelection("一段文字");
    await host.writeReportSheet([{ heading: "一、就业", text: "文字" }]);
    await host.saveSettings({ decimals: 1, scaleLargeAmounts: true, yearStyle: "arabic" });
    await host.loadSettings();
    const stop = host.onChange(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 20));
    stop();
    expect(fake.refused).toEqual([]);
  });
});
