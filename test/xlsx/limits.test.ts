/**
 * Limits before parsing: hostile files are read at the cost of the cells they hold, or refused
 * with a message naming the limit. Damaged files are "damaged", never a silent loss.
 */
import { analyzeWorkbook } from "../../src/core";
import { readWorkbookBuffer, WorkbookReadError } from "../../src/xlsx/read-workbook";
import { NativeInflate } from "../../src/xlsx/native-inflate";
import { PartInflater, ZIP_LIMITS } from "../../src/xlsx/zip-guard";
import {
  recordInflatedSize,
  row,
  tableRows,
  workbookParts,
  zeroBomb,
  zipParts,
  zipWithRawEntries,
} from "../helpers/xlsx-parts";

async function refusal(bytes: Uint8Array, inflater?: PartInflater): Promise<WorkbookReadError> {
  const error = await readWorkbookBuffer(bytes, "台账.xlsx", inflater).then(
    () => undefined,
    (e: unknown) => e
  );
  expect(error).toBeInstanceOf(WorkbookReadError);
  return error as WorkbookReadError;
}

function withLimit<K extends keyof typeof ZIP_LIMITS>(
  key: K,
  value: number,
  body: () => Promise<void>
) {
  return async () => {
    const saved = ZIP_LIMITS[key];
    ZIP_LIMITS[key] = value;
    try {
      await body();
    } finally {
      ZIP_LIMITS[key] = saved;
    }
  };
}

describe("files that used to exhaust memory or time", () => {
  test("a merge of the whole sheet is kept as one area", async () => {
    const bytes = zipParts(
      workbookParts([
        { name: "就业", data: row(1, ["标题"]) + tableRows(3), merges: ["A1:XFD1048576"] },
      ])
    );
    const model = await readWorkbookBuffer(bytes, "x.xlsx");
    expect(model.sheets[0].merges).toEqual([{ top: 0, left: 0, bottom: 1048575, right: 16383 }]);
    // Only the master shows: the rows under it are covered.
    expect(model.sheets[0].rows[0][0]?.value).toBe("标题");
    expect(model.sheets[0].rows.slice(1).every((r) => r.every((c) => c === undefined))).toBe(true);
    expect(analyzeWorkbook(model).indicators).toEqual([]);
  });

  test("a single value at XFD1048576 beside a table", async () => {
    const far = `<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`;
    const model = await readWorkbookBuffer(
      zipParts(workbookParts([{ name: "就业", data: tableRows() + far }])),
      "x.xlsx"
    );
    expect(model.sheets[0].rows).toHaveLength(1048576);
    const analysis = analyzeWorkbook(model);
    expect(analysis.indicators.map((i) => i.name)).toEqual(["城镇新增就业", "失业人员再就业"]);
  });

  test("30 000 merges are read, as areas", async () => {
    const merges = Array.from({ length: 30_000 }, (_, i) => `F${i + 10}:G${i + 10}`);
    const model = await readWorkbookBuffer(
      zipParts(workbookParts([{ name: "就业", data: tableRows(), merges }])),
      "x.xlsx"
    );
    expect(model.sheets[0].merges).toHaveLength(30_000);
    expect(analyzeWorkbook(model).indicators).toHaveLength(2);
  });

  test("a bomb in a part nobody reads is never inflated", async () => {
    const size = 1024 * 1024 * 1024;
    const bytes = zipWithRawEntries(workbookParts([{ name: "就业", data: tableRows() }]), [
      { name: "xl/media/image1.png", deflated: zeroBomb(size), size },
    ]);
    expect(bytes.length).toBeLessThan(8 * 1024 * 1024);
    const model = await readWorkbookBuffer(bytes, "x.xlsx");
    expect(analyzeWorkbook(model).indicators).toHaveLength(2);
  });

  test("a bomb in a part that is read is refused on its recorded size", async () => {
    const size = 1024 * 1024 * 1024;
    const bytes = zipWithRawEntries(workbookParts([{ name: "就业", data: tableRows() }]), [
      { name: "xl/sharedStrings.xml", deflated: zeroBomb(size), size },
    ]);
    const error = await refusal(bytes);
    expect(error.code).toBe("TOO_LARGE");
    expect(error.message).toContain(
      "“xl/sharedStrings.xml”解压后有 1024 MB，超过单个部件 256 MB 的上限"
    );
  });

  // fflate's inflater (the pane) and Node's zlib (the CLI) alike.
  test.each<[string, PartInflater | undefined]>([
    ["fflate", undefined],
    ["Node's zlib", NativeInflate],
  ])(
    "a part that inflates beyond its recorded size is damage, cut off at that size (%s)",
    async (_, inflater) => {
      const bytes = zipParts(
        workbookParts([{ name: "就业", data: tableRows() }], {
          "xl/sharedStrings.xml": "<sst>" + " ".repeat(20 * 1024 * 1024) + "</sst>",
        }),
        9
      );
      recordInflatedSize(bytes, "xl/sharedStrings.xml", 100);
      const error = await refusal(bytes, inflater);
      expect(error.code).toBe("CORRUPT");
      expect(error.messageZh).toContain("比记录的大小更大");
    }
  );
});

describe("limits, each named in the message", () => {
  const small = () =>
    zipParts(workbookParts([{ name: "就业", data: tableRows(), merges: ["A10:C12"] }]));

  test(
    "cells per sheet",
    withLimit("cellsPerSheet", 5, async () => {
      const error = await refusal(small());
      expect(error.code).toBe("TOO_LARGE");
      expect(error.message).toMatch(
        /工作表“就业”有 12 个单元格，超过每表 5 个的上限 \/ .*sheet 就业 has 12 cells/
      );
    })
  );

  test(
    "cells in the workbook",
    withLimit("cells", 20, async () => {
      const two = zipParts(
        workbookParts([
          { name: "就业", data: tableRows() },
          { name: "社保", data: tableRows() },
        ])
      );
      expect((await refusal(two)).message).toContain("工作簿共有超过 20 个单元格");
    })
  );

  test(
    "merged ranges",
    withLimit("merges", 0, async () => {
      expect((await refusal(small())).message).toContain("合并单元格超过 0 处");
    })
  );

  test("merged cells covered, within the cells present", async () => {
    const far = `<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`;
    const bytes = zipParts(
      workbookParts([{ name: "就业", data: tableRows() + far, merges: ["A5:XFD1048576"] }])
    );
    const error = await refusal(bytes);
    expect(error.code).toBe("TOO_LARGE");
    expect(error.message).toMatch(/合并单元格覆盖 [\d,]+ 个单元格，超过 10,000,000 个的上限/);
  });

  test(
    "entries in the zip",
    withLimit("entries", 3, async () => {
      expect((await refusal(small())).message).toContain("压缩包中的条目超过 3 个");
    })
  );

  test(
    "inflated size of a part",
    withLimit("entryBytes", 100, async () => {
      expect((await refusal(small())).message).toMatch(/解压后有 0 MB，超过单个部件 0 MB 的上限/);
    })
  );

  test("the file's own size", async () => {
    const big = new Uint8Array(101 * 1024 * 1024);
    big.set([0x50, 0x4b, 3, 4]);
    expect((await refusal(big)).message).toContain("文件超过 100 MB");
  });
});

describe("names and parts", () => {
  test("a sheet name over 31 characters, with a slash, is read as written", async () => {
    const name = "二〇二三年度街道就业和社会保障工作主要指标完成情况统计表/汇总（终稿）";
    const model = await readWorkbookBuffer(
      zipParts(workbookParts([{ name, data: tableRows() }])),
      "x.xlsx"
    );
    expect(model.sheets.map((s) => s.name)).toEqual([name]);
    expect(analyzeWorkbook(model).indicators[0].sheet).toBe(name);
  });

  test("ExcelJS warnings do not reach the console", async () => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    const parts = workbookParts([{ name: "就业", data: tableRows() }]);
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(
      "</sheets>",
      '</sheets><definedNames><definedName name="x">就业!$A$1:$B$2,bad!!</definedName></definedNames>'
    );
    await readWorkbookBuffer(zipParts(parts), "x.xlsx");
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  test("a sheet whose part is missing makes the file damaged, naming the sheet", async () => {
    const parts = workbookParts([
      { name: "就业", data: tableRows() },
      { name: "社保", data: tableRows() },
    ]);
    delete parts["xl/worksheets/sheet2.xml"];
    const error = await refusal(zipParts(parts));
    expect(error.code).toBe("CORRUPT");
    expect(error.message).toContain("工作表“社保”的内容缺失");
  });

  test("a relationship that points nowhere makes the file damaged", async () => {
    const parts = workbookParts([{ name: "就业", data: tableRows() }]);
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
      "worksheets/sheet1.xml",
      "worksheets/sheet9.xml"
    );
    expect((await refusal(zipParts(parts))).message).toContain("工作表“就业”的内容缺失");
  });

  test("shared strings used but missing: damaged, not 未找到指标表", async () => {
    const data = `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>`;
    const error = await refusal(zipParts(workbookParts([{ name: "就业", data }])));
    expect(error.code).toBe("CORRUPT");
    expect(error.message).toContain("共享文本（sharedStrings）缺失");
  });
});
