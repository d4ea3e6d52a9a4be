/** A stored zip deflated with Node's zlib: the same entries, smaller, and readable by ExcelJS. */
import * as ExcelJS from "exceljs";
import { unzipSync, zipSync } from "fflate";
import { deflateStoredZip } from "../../src/xlsx/deflate-zip";

const text = (s: string) => new TextEncoder().encode(s);

test("every stored entry is deflated and reads back the same, in the same order", async () => {
  const files = {
    "a.xml": text("<a>".repeat(1000)),
    "empty.txt": new Uint8Array(0),
    "dir/b.xml": text("指标".repeat(500)),
  };
  const stored = zipSync(files, { level: 0 });
  const deflated = await deflateStoredZip(stored);
  expect(deflated.length).toBeLessThan(stored.length / 4);
  const back = unzipSync(deflated);
  expect(Object.keys(back)).toEqual(Object.keys(files));
  for (const [name, bytes] of Object.entries(files)) expect(back[name]).toEqual(bytes);
});

test("a workbook written stored by ExcelJS, once deflated, loads with its cells", async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("汇总");
  for (let r = 1; r <= 200; r++) sheet.addRow([`指标${r}`, r * 10]);
  const stored = await workbook.xlsx.writeBuffer({ zip: { compression: "STORE" } });
  const deflated = await deflateStoredZip(new Uint8Array(stored as ArrayBuffer));
  const read = new ExcelJS.Workbook();
  await read.xlsx.load(deflated as unknown as ArrayBuffer);
  expect(read.getWorksheet("汇总")?.getCell("B200").value).toBe(2000);
});

test("bytes that are not a zip it can rewrite are given back as they are", async () => {
  const junk = text("not a zip at all");
  expect(await deflateStoredZip(junk)).toBe(junk);
});
