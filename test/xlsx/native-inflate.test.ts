/**
 * Node's zlib in place of fflate's inflater: the same workbook model, and the same refusals of a
 * damaged or oversized part, each cut off where the zip's record says (a part beyond its
 * recorded size: limits.test.ts, with both inflaters).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { analyzeWorkbook } from "../../src/core";
import { NativeInflate } from "../../src/xlsx/native-inflate";
import { readWorkbookFile } from "../../src/xlsx/read-file";
import { WorkbookReadError, readWorkbookBuffer } from "../../src/xlsx/read-workbook";
import { ZIP_LIMITS } from "../../src/xlsx/zip-guard";
import {
  tableRows,
  workbookParts,
  zeroBomb,
  zipParts,
  zipWithRawEntries,
} from "../helpers/xlsx-parts";

const SAMPLES = join(__dirname, "..", "..", "samples");

async function refusalWithZlib(bytes: Uint8Array): Promise<WorkbookReadError> {
  const error = await readWorkbookBuffer(bytes, "台账.xlsx", NativeInflate).then(
    () => undefined,
    (e: unknown) => e
  );
  expect(error).toBeInstanceOf(WorkbookReadError);
  return error as WorkbookReadError;
}

describe("a workbook inflated by Node's zlib", () => {
  test.each(["街道指标台账.xlsx", "街道工作台账（单表）.xlsx", "问题示例.xlsx"])(
    "%s: the same model as with fflate, and the file read from disk is read that way",
    async (file) => {
      const bytes = new Uint8Array(readFileSync(join(SAMPLES, file)));
      const withFflate = await readWorkbookBuffer(bytes, file);
      const withZlib = await readWorkbookBuffer(bytes, file, NativeInflate);
      expect(withZlib).toEqual(withFflate);
      expect(withZlib.sheets.length).toBeGreaterThan(0);
      expect(await readWorkbookFile(join(SAMPLES, file))).toEqual(withFflate);
    }
  );

  test("a part past the limit per part is cut off at the limit, not inflated whole", async () => {
    const saved = ZIP_LIMITS.entryBytes;
    const size = 64 * 1024 * 1024;
    const bytes = zipWithRawEntries(workbookParts([{ name: "就业", data: tableRows() }]), [
      { name: "xl/sharedStrings.xml", deflated: zeroBomb(size), size: 1000 },
    ]);
    // The record says 1000 bytes: under the limit, so only inflating finds the lie.
    ZIP_LIMITS.entryBytes = 4096;
    try {
      const error = await refusalWithZlib(bytes);
      expect(error.code).toBe("CORRUPT");
      expect(error.messageZh).toContain("比记录的大小更大");
    } finally {
      ZIP_LIMITS.entryBytes = saved;
    }
  });

  test("deflate data that is not deflate is damage, as with fflate", async () => {
    const bytes = zipWithRawEntries(workbookParts([{ name: "就业", data: tableRows() }]), [
      {
        name: "xl/sharedStrings.xml",
        deflated: new Uint8Array([0xff, 0xff, 0xff, 0xff]),
        size: 40,
      },
    ]);
    const withZlib = await refusalWithZlib(bytes);
    const withFflate = await readWorkbookBuffer(bytes, "台账.xlsx").then(
      () => undefined,
      (e: unknown) => e as WorkbookReadError
    );
    expect(withZlib.code).toBe("CORRUPT");
    expect(withFflate?.code).toBe("CORRUPT");
  });

  test("the analysis of a file read with zlib finds its indicators", async () => {
    const bytes = zipParts(workbookParts([{ name: "就业", data: tableRows() }]), 9);
    const model = await readWorkbookBuffer(bytes, "x.xlsx", NativeInflate);
    expect(analyzeWorkbook(model).indicators.map((i) => i.name)).toEqual([
      "城镇新增就业",
      "失业人员再就业",
    ]);
  });
});
