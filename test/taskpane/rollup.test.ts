/** The standalone pane's 汇总 of several workbooks (model/rollup.ts) and its strings. */
import * as ExcelJS from "exceljs";
import {
  CORRUPT_FILE,
  DISTRICT,
  DUPLICATE,
  buildDistrictWorkbook,
} from "../../samples/district-workbooks";
import { SETTINGS_STORAGE_KEY } from "../../src/host/file-host";
import { ROLLUP_STRINGS } from "../../src/taskpane/i18n/rollup";
import {
  PaneRollup,
  PickedFile,
  ROLLUP_FILE_NAME,
  rollUpFiles,
  rollupWorkbookBytes,
  savedEngineOptions,
} from "../../src/taskpane/model/rollup";
import { readWorkbookBuffer } from "../../src/xlsx/read-workbook";

jest.setTimeout(60_000);

function picked(name: string, bytes: Uint8Array): PickedFile {
  return { name, bytes: async () => bytes };
}

let files: PickedFile[];

beforeAll(async () => {
  files = [];
  for (const unit of DISTRICT) {
    const buffer = await buildDistrictWorkbook(unit).xlsx.writeBuffer();
    files.push(picked(unit.file, new Uint8Array(buffer as ArrayBuffer)));
  }
  const again = files.find((f) => f.name === DUPLICATE.of) as PickedFile;
  files.push(picked(DUPLICATE.file, await again.bytes()));
  files.push(picked(CORRUPT_FILE, new TextEncoder().encode("这不是一个Excel文件。\n")));
});

const options = { engine: {}, readWorkbook: readWorkbookBuffer };

function rolled(result: PaneRollup): Extract<PaneRollup, { kind: "rollup" }> {
  if (result.kind !== "rollup") throw new Error("nothing rolled up");
  return result;
}

describe("rollUpFiles", () => {
  let result: Extract<PaneRollup, { kind: "rollup" }>;
  const progress: string[] = [];

  beforeAll(async () => {
    result = rolled(
      await rollUpFiles(files, { ...options, progress: (d, t) => progress.push(`${d}/${t}`) })
    );
  });

  test("counts the twelve units, names the duplicate and the unreadable file", () => {
    expect(result.rollup.units).toHaveLength(12);
    expect(result.notCounted).toEqual([
      { file: DUPLICATE.file, why: "duplicate", of: DUPLICATE.of },
      expect.objectContaining({ file: CORRUPT_FILE, why: "unread" }),
    ]);
    const unread = result.notCounted[1];
    expect(unread.why === "unread" && unread.message).toMatch(/不是 Excel 工作簿/);
    expect(progress).toEqual(files.map((_, k) => `${k + 1}/${files.length}`));
  });

  test("a row per district indicator, its total the sum of the units' figures", () => {
    expect(result.rows.map((r) => r.id)).toEqual(result.rollup.indicators.map((d) => d.id));
    const jobs = result.rows.find((r) => r.name === "城镇新增就业");
    const sum = DISTRICT.reduce((s, u) => s + (u.figures.jobs?.actual ?? 0), 0);
    expect(jobs?.value).toEqual({ kind: "sum", text: `${sum}人` });
    expect(jobs?.reported).toBe(12);
    const retail = result.rows.find((r) => r.name === "社会消费品零售总额");
    expect(retail?.reported).toBe(11);
  });

  test("the district paragraphs and their plain text", () => {
    expect(result.lines[0]).toEqual({ kind: "title", text: result.title });
    expect(result.text).toContain("全区完成城镇新增就业");
    expect(result.text.startsWith(`${result.title}\n`)).toBe(true);
  });

  test("the 汇总 workbook: its 汇总 sheet sums the unit columns", async () => {
    const bytes = await rollupWorkbookBytes(result);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const formulas: string[] = [];
    book.getWorksheet("汇总")?.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.formula) formulas.push(cell.formula);
      })
    );
    expect(formulas.some((f) => /^SUM\(/i.test(f))).toBe(true);
  });

  test("a 汇总 workbook among the files is left out, not counted as a unit", async () => {
    const own = picked(ROLLUP_FILE_NAME, await rollupWorkbookBytes(result));
    const again = rolled(await rollUpFiles([...files.slice(0, 3), own], options));
    expect(again.rollup.units).toHaveLength(3);
    expect(again.notCounted).toEqual([{ file: ROLLUP_FILE_NAME, why: "rollup" }]);
  });
});

test("no readable file: nothing to roll up, each file named", async () => {
  const bad = [
    picked("a.xlsx", new TextEncoder().encode("a")),
    picked("b.xlsx", new TextEncoder().encode("b")),
  ];
  const result = await rollUpFiles(bad, options);
  expect(result.kind).toBe("nothing");
  expect(result.notCounted.map((n) => [n.file, n.why])).toEqual([
    ["a.xlsx", "unread"],
    ["b.xlsx", "unread"],
  ]);
});

test("a file whose bytes cannot be had is unread, with the error's words", async () => {
  const broken: PickedFile = {
    name: "c.xlsx",
    bytes: async () => {
      throw new Error("permission denied\nmore");
    },
  };
  const result = await rollUpFiles([files[0], broken], options);
  expect(result.notCounted).toEqual([
    {
      file: "c.xlsx",
      why: "unread",
      message: "读取时出错：permission denied",
      messageEn: "failed while reading: permission denied",
    },
  ]);
});

describe("savedEngineOptions", () => {
  const storage = (text: string | null) => ({ getItem: () => text, setItem: () => undefined });

  test("the saved settings, else the defaults", () => {
    expect(savedEngineOptions(undefined)).toMatchObject({ decimals: 2 });
    expect(savedEngineOptions(storage("{not json"))).toMatchObject({ decimals: 2 });
    expect(savedEngineOptions(storage(JSON.stringify({ decimals: 1, period: 9 })))).toMatchObject({
      decimals: 1,
      period: 9,
    });
    expect(SETTINGS_STORAGE_KEY).toBe("indicator-report.settings");
  });
});

describe("the 汇总 view's strings", () => {
  test("the same keys and kinds in both languages, none empty", () => {
    const keys = Object.keys(ROLLUP_STRINGS.zh).sort();
    expect(Object.keys(ROLLUP_STRINGS.en).sort()).toEqual(keys);
    for (const key of keys) {
      const k = key as keyof typeof ROLLUP_STRINGS.zh;
      expect([key, typeof ROLLUP_STRINGS.en[k]]).toEqual([key, typeof ROLLUP_STRINGS.zh[k]]);
      for (const strings of Object.values(ROLLUP_STRINGS))
        if (typeof strings[k] === "string")
          expect([key, (strings[k] as string).trim().length > 0]).toEqual([key, true]);
    }
    expect(ROLLUP_STRINGS.zh.headline(12, "街道", "全年")).toBe("汇总12个街道（报告期：全年）");
    expect(ROLLUP_STRINGS.en.notCountedTitle(1)).toBe("1 file not counted:");
  });
});
