import { LEDGER_FILE_NAME } from "../../samples/ledger-workbook";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseRange } from "../../src/core/address";
import { CellModel, SheetModel, WorkbookModel } from "../../src/core/workbook";
import { readWorkbookFile } from "../../src/xlsx/read-file";
import {
  buildProblemWorkbook,
  PROBLEM_FILE_NAME,
  PROBLEM_HEADER_ROW,
  PROBLEM_HEADERS,
  PROBLEM_ROWS,
  PROBLEM_SHEET,
  PROBLEM_TITLE,
  PROBLEM_TITLE_MERGE,
  problemRowNumber,
} from "../../samples/problem-workbook";
import {
  buildSampleWorkbook,
  ECONOMY,
  EMPLOYMENT,
  INSURANCE,
  NOTES_SHEET,
  SAMPLE_FILE_NAME,
  SAMPLE_SHEET_NAMES,
  SAMPLE_SHEETS,
  SampleSheet,
  rateOf,
  statedValue,
} from "../../samples/sample-workbook";
import { writeSamples } from "../../samples/make-samples";

let dir: string;
let sample: WorkbookModel;
let problems: WorkbookModel;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "samples-"));
  await buildSampleWorkbook().xlsx.writeFile(path.join(dir, SAMPLE_FILE_NAME));
  await buildProblemWorkbook().xlsx.writeFile(path.join(dir, PROBLEM_FILE_NAME));
  sample = await readWorkbookFile(path.join(dir, SAMPLE_FILE_NAME));
  problems = await readWorkbookFile(path.join(dir, PROBLEM_FILE_NAME));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function sheetOf(model: WorkbookModel, name: string): SheetModel {
  const found = model.sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** Cell at a 1-based row and column, as Excel numbers them. */
function at(sheet: SheetModel, row: number, col: number): CellModel | undefined {
  return sheet.rows[row - 1]?.[col - 1];
}

function rowValues(sheet: SheetModel, row: number, width: number) {
  return Array.from({ length: width }, (_, c) => at(sheet, row, c + 1)?.value ?? null);
}

describe("街道指标台账", () => {
  test("has every sheet, in order", () => {
    expect(sample.sheets.map((s) => s.name)).toEqual(SAMPLE_SHEET_NAMES);
    expect(sample.sheets.every((s) => !s.hidden)).toBe(true);
  });

  test("就业 is a plain range under a merged title", () => {
    const sheet = sheetOf(sample, EMPLOYMENT.sheet);
    expect(sheet.tables).toEqual([]);
    expect(sheet.merges).toContainEqual(parseRange(EMPLOYMENT.titleMerge!));
    expect(at(sheet, 1, 1)?.value).toBe(EMPLOYMENT.title);
    expect(at(sheet, 1, 2)).toBeUndefined();
    expect(at(sheet, 2, 1)?.value).toBe(EMPLOYMENT.subtitles[0]);
    expect(rowValues(sheet, EMPLOYMENT.headerRow, EMPLOYMENT.headers.length)).toEqual(
      EMPLOYMENT.headers
    );
  });

  test("就业 rows: values, rate formulas' cached results and formats", () => {
    const sheet = sheetOf(sample, EMPLOYMENT.sheet);
    EMPLOYMENT.rows.forEach((row, i) => {
      const r = EMPLOYMENT.headerRow + 1 + i;
      expect(at(sheet, r, 2)?.value).toBe(row.name);
      expect(at(sheet, r, 4)?.value ?? null).toBe(row.target);
      expect(at(sheet, r, 5)?.value ?? null).toBe(row.actual);
      expect(at(sheet, r, 7)?.value ?? null).toBe(row.previous);
      const rate = statedValue(row, "rate");
      if (rate === undefined) expect(at(sheet, r, 6)).toBeUndefined();
      else expect(at(sheet, r, 6)).toMatchObject({ value: rate, numFmt: "0.00%" });
    });
    const footRow = EMPLOYMENT.headerRow + EMPLOYMENT.rows.length + 2;
    expect(at(sheet, footRow, 1)?.value).toBe(EMPLOYMENT.footnote);
  });

  test.each(SAMPLE_SHEETS.filter((s) => s.table).map((s) => [s.sheet, s] as [string, SampleSheet]))(
    "%s holds its Excel table with its name, range and header",
    (_, spec) => {
      const sheet = sheetOf(sample, spec.sheet);
      expect(sheet.tables).toEqual([
        { name: spec.table, range: parseRange(spec.range), hasHeaderRow: true },
      ]);
      expect(rowValues(sheet, spec.headerRow, spec.headers.length)).toEqual(spec.headers);
      if (spec.title) expect(at(sheet, 1, 1)?.value).toBe(spec.title);
    }
  );

  test("stated rates and growth: formulas have cached results, typed values stay", () => {
    for (const spec of SAMPLE_SHEETS) {
      const sheet = sheetOf(sample, spec.sheet);
      spec.rows.forEach((row, i) => {
        const stated = statedValue(row, row.growth !== undefined ? "growth" : "rate");
        const cell = at(sheet, spec.headerRow + 1 + i, spec.statedColumn);
        if (stated === undefined) expect(cell).toBeUndefined();
        else if (typeof stated === "number") expect(cell?.value).toBeCloseTo(stated, 10);
        else expect(cell?.value).toBe(stated);
      });
    }
  });

  test("the deliberate problems are there", () => {
    const typedOver = INSURANCE.rows.findIndex((row) => typeof row.rate === "number");
    const insurance = sheetOf(sample, INSURANCE.sheet);
    const cell = at(insurance, INSURANCE.headerRow + 1 + typedOver, INSURANCE.statedColumn);
    expect(cell?.value).toBe(INSURANCE.rows[typedOver].rate);
    expect(cell?.value).not.toBeCloseTo(rateOf(INSURANCE.rows[typedOver])!, 3);

    const unreadable = EMPLOYMENT.rows.findIndex((row) => row.previous === "待核实");
    const employment = sheetOf(sample, EMPLOYMENT.sheet);
    expect(at(employment, EMPLOYMENT.headerRow + 1 + unreadable, 7)?.value).toBe("待核实");

    const slip = ECONOMY.rows.find((row) => row.name === "税收收入")!;
    expect((slip.actual as number) / (slip.previous as number)).toBeGreaterThan(5000);
  });

  test("说明 is free text without tables", () => {
    const notes = sheetOf(sample, NOTES_SHEET);
    expect(notes.tables).toEqual([]);
    expect(notes.rows.every((row) => row.length <= 1)).toBe(true);
  });
});

describe("问题示例", () => {
  test("one plain sheet with a merged title and the header", () => {
    expect(problems.sheets.map((s) => s.name)).toEqual([PROBLEM_SHEET]);
    const sheet = problems.sheets[0];
    expect(sheet.tables).toEqual([]);
    expect(sheet.merges).toEqual([parseRange(PROBLEM_TITLE_MERGE)]);
    expect(at(sheet, 1, 1)?.value).toBe(PROBLEM_TITLE);
    expect(rowValues(sheet, PROBLEM_HEADER_ROW, PROBLEM_HEADERS.length)).toEqual(PROBLEM_HEADERS);
  });

  test("every row reads back as written", () => {
    const sheet = problems.sheets[0];
    PROBLEM_ROWS.forEach((row, i) => {
      const r = problemRowNumber(i);
      expect(rowValues(sheet, r, 5)).toEqual([
        row.name === "" ? null : row.name,
        row.unit,
        row.target,
        row.actual,
        row.previous,
      ]);
      if (row.indent) expect(at(sheet, r, 1)?.indent).toBe(row.indent);
    });
    expect(sheet.rows.length).toBe(problemRowNumber(PROBLEM_ROWS.length - 1));
  });

  test("the Excel error is a cached #DIV/0! formula result", () => {
    const sheet = problems.sheets[0];
    const i = PROBLEM_ROWS.findIndex((row) => row.problem === "excel-error");
    expect(at(sheet, problemRowNumber(i), 7)?.value).toEqual({ error: "#DIV/0!" });
  });
});

test("make-samples writes every sample and they read back", async () => {
  const outDir = path.join(dir, "out");
  const files = await writeSamples(outDir);
  expect(files.map((f) => path.basename(f))).toEqual([
    SAMPLE_FILE_NAME,
    PROBLEM_FILE_NAME,
    LEDGER_FILE_NAME,
  ]);
  for (const file of files) {
    const model = await readWorkbookFile(file);
    expect(model.sheets.length).toBeGreaterThan(0);
  }
});
