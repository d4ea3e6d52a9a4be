/**
 * A sample of the fuzz suite's hostile workbooks (test/fuzz) through the task pane's file
 * reader in the browser: each ends, quickly, in the overview, the "no table" state or a message
 * saying why the file cannot be opened; no page error, no hang.
 */
import * as path from "path";
import * as ExcelJS from "exceljs";
import { Browser } from "playwright-core";
import { buildSampleWorkbook } from "../../samples/sample-workbook";
import {
  row,
  tableRows,
  workbookParts,
  zeroBomb,
  zipParts,
  zipWithRawEntries,
} from "../helpers/xlsx-parts";
import { StaticServer, assertBuilt, guardedContext, launch, serve, watchErrors } from "./harness";

jest.setTimeout(300_000);

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  assertBuilt();
  server = await serve(path.join(__dirname, "..", "..", "dist"));
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const minimal = (merges?: string[]) => workbookParts([{ name: "就业", data: tableRows(), merges }]);
const GB = 1024 * 1024 * 1024;

async function cases(): Promise<{ name: string; bytes: Uint8Array }[]> {
  const sample = new Uint8Array(
    await (buildSampleWorkbook() as ExcelJS.Workbook).xlsx.writeBuffer()
  );
  const flipped = sample.slice();
  for (let i = 0; i < 6; i++) flipped[(i * 7919 + 1000) % flipped.length] ^= 0x10;
  const missing = minimal();
  delete missing["xl/worksheets/sheet1.xml"];
  const xxe = minimal();
  xxe["xl/worksheets/sheet1.xml"] =
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>';
  return [
    { name: "whole-sheet merge", bytes: zipParts(minimal(["A1:XFD1048576"])) },
    {
      name: "far-right cell",
      bytes: zipParts(
        workbookParts([
          {
            name: "就业",
            data: tableRows() + `<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`,
          },
        ])
      ),
    },
    {
      name: "30 000 merges",
      bytes: zipParts(minimal(Array.from({ length: 30_000 }, (_, i) => `H${i + 1}:I${i + 1}`))),
    },
    {
      name: "bomb in an unread part",
      bytes: zipWithRawEntries(minimal(), [
        { name: "xl/media/image1.png", deflated: zeroBomb(GB), size: GB },
      ]),
    },
    {
      name: "bomb in sharedStrings",
      bytes: zipWithRawEntries(minimal(), [
        { name: "xl/sharedStrings.xml", deflated: zeroBomb(GB), size: GB },
      ]),
    },
    { name: "truncated sample", bytes: sample.slice(0, Math.floor(sample.length * 0.6)) },
    { name: "bit-flipped sample", bytes: flipped },
    { name: "missing sheet part", bytes: zipParts(missing) },
    { name: "XXE", bytes: zipParts(xxe) },
    {
      name: "long hostile sheet name",
      bytes: zipParts(workbookParts([{ name: `${"长".repeat(40)}<script>`, data: tableRows() }])),
    },
    {
      name: "hostile indicator names",
      bytes: zipParts(
        workbookParts([
          {
            name: "就业",
            data:
              row(1, ["指标名称", "单位", "年度目标", "完成数"]) +
              row(2, ["<img src=x onerror=alert(1)>", "人", 100, 90]),
          },
        ])
      ),
    },
    { name: "PDF", bytes: new TextEncoder().encode("%PDF-1.7\n%%EOF") },
  ];
}

test("hostile workbooks through the pane's file reader", async () => {
  const outcomes: string[] = [];
  for (const c of await cases()) {
    const { context, network } = await guardedContext(browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    let dialog = false;
    page.on("dialog", (d) => {
      dialog = true;
      void d.dismiss();
    });
    try {
      await page.goto(`${server.url}taskpane.html`);
      await page.getByTestId("standalone-start").waitFor();
      await page.getByTestId("file-input").setInputFiles({
        name: "台账.xlsx",
        mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        buffer: Buffer.from(c.bytes),
      });
      const outcome = page
        .locator("[data-testid=open-error], [data-testid=empty-state], [data-testid=overview]")
        .first();
      await outcome.waitFor({ timeout: 30_000 });
      outcomes.push(`${c.name}: ${await outcome.getAttribute("data-testid")}`);
      expect([c.name, errors.filter((e) => !e.includes("Failed to load resource"))]).toEqual([
        c.name,
        [],
      ]);
      expect([c.name, dialog, network.violations]).toEqual([c.name, false, []]);
    } finally {
      await context.close();
    }
  }
  expect(outcomes.find((o) => o.startsWith("bomb in sharedStrings"))).toMatch(/open-error$/);
  expect(outcomes.find((o) => o.startsWith("bomb in an unread part"))).toMatch(/overview$/);
});
