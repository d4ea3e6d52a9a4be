/**
 * The district roll-up on the sample district (samples/district-workbooks.ts): twelve
 * workbooks in four layouts, one lacking an indicator, one in 元, a duplicate and a corrupt
 * file. The test reads every unit's cells itself with ExcelJS and checks the roll-up's sums,
 * rates, ranks, findings, paragraphs and the 汇总 workbook's formulas against them.
 */
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import * as ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { readWorkbookFile } from "../../src/xlsx/read-file";
import { rollupToBuffer } from "../../src/xlsx/write-rollup";
import { analyzeWorkbook, resolveOptions } from "../../src/core";
import { rollUp, unitNameOf } from "../../src/core/rollup";
import { sheet, workbook } from "../helpers/sheet";
import {
  ACTUAL_HEADERS,
  CORRUPT_FILE,
  DISTRICT,
  DISTRICT_INDICATORS,
  DUPLICATE,
  IndicatorKey,
  writeDistrict,
} from "../../samples/district-workbooks";

let dir: string;
let files: string[];
let out: string;
let result: { code: number; stdout: string; stderr: string };
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let json: any;
const hashes = new Map<string, string>();
const cellsByUnit = new Map<string, Map<IndicatorKey, Read>>();

interface Read {
  target?: number;
  actual?: number;
  previous?: number;
}

/** What the test itself reads from a unit's file: by the row's name and the columns' headers. */
async function readUnitCells(path: string, layout: keyof typeof ACTUAL_HEADERS) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const found = new Map<IndicatorKey, Read>();
  workbook.eachSheet((sheet) => {
    let cols:
      { name: number; unit?: number; target: number; actual: number; previous: number } | undefined;
    sheet.eachRow((row) => {
      const texts = (row.values as unknown[]).map((v) => (typeof v === "string" ? v : ""));
      const at = (re: RegExp) => texts.findIndex((t) => re.test(t));
      if (texts.includes(ACTUAL_HEADERS[layout])) {
        const unit = at(/单位$/);
        cols = {
          name: at(/^(指标|指标名称|项目)$/),
          target: at(/目标|计划|任务数/),
          actual: texts.indexOf(ACTUAL_HEADERS[layout]),
          previous: at(/同期/),
          ...(unit > 0 ? { unit } : {}),
        };
        return;
      }
      if (!cols) return;
      const name = texts[cols.name] ?? "";
      const spec = DISTRICT_INDICATORS.find((i) =>
        i.names.some((n) => name === n || name.startsWith(`${n}（`))
      );
      if (!spec) return;
      const unit = cols.unit !== undefined ? texts[cols.unit] : /（(.+)）$/.exec(name)?.[1];
      const scale = unit === "元" ? 1e-4 : 1;
      const value = (c: number) => {
        const v = row.getCell(c).value;
        return typeof v === "number" ? v * scale : undefined;
      };
      found.set(spec.key, {
        target: value(cols.target),
        actual: value(cols.actual),
        previous: value(cols.previous),
      });
    });
  });
  return found;
}

function digest(data: Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "indicator-rollup-"));
  const district = join(dir, "各街道报表");
  files = await writeDistrict(district);
  for (const f of files) hashes.set(f, digest(await readFile(f)));
  for (const unit of DISTRICT)
    cellsByUnit.set(unit.name, await readUnitCells(join(district, unit.file), unit.layout));
  out = join(dir, "汇总.xlsx");
  let stdout = "";
  let stderr = "";
  const code = await main(["rollup", district, "--out", out, "--format", "json"], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  result = { code, stdout, stderr };
  json = JSON.parse(stdout);
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function districtIndicator(key: IndicatorKey) {
  const spec = DISTRICT_INDICATORS.find(
    (i) => i.key === key
  ) as (typeof DISTRICT_INDICATORS)[number];
  const name = spec.names[0].replace(/^其中：/, "");
  const found = json.indicators.find((d: { name: string }) => d.name === name);
  expect(found).toBeDefined();
  return found;
}

/** The test's own sum of what it read, for the units that report the indicator. */
function sumOf(key: IndicatorKey, field: keyof Read): { value: number; units: string[] } {
  let value = 0;
  const reporting: string[] = [];
  for (const unit of DISTRICT) {
    const v = cellsByUnit.get(unit.name)?.get(key)?.[field];
    if (v === undefined) continue;
    value += v;
    reporting.push(unit.name);
  }
  return { value, units: reporting };
}

describe("rollup on a district of twelve workbooks", () => {
  test("exit code 1 names the corrupt file; the inputs are untouched", async () => {
    expect(result.code).toBe(1);
    expect(json.unread.map((u: { file: string }) => u.file)).toEqual([CORRUPT_FILE]);
    for (const f of files) expect(digest(await readFile(f))).toBe(hashes.get(f));
  });

  test("twelve units, named from their titles, 填报单位 lines or file names; the duplicate counted once", () => {
    expect(json.units.map((u: { name: string }) => u.name).sort()).toEqual(
      DISTRICT.map((u) => u.name).sort()
    );
    expect(json.duplicates).toEqual([{ file: DUPLICATE.file, of: DUPLICATE.of }]);
    const from = new Set(json.units.map((u: { nameFrom: string }) => u.nameFrom));
    expect(from).toEqual(new Set(["title", "reporter", "file"]));
  });

  test.each([
    "jobs",
    "graduates",
    "loans",
    "medical",
    "flu",
    "investment",
    "retail",
  ] as IndicatorKey[])("%s: every total is the sum of the units' cells the test reads", (key) => {
    const d = districtIndicator(key);
    for (const field of ["target", "actual", "previous"] as const) {
      const own = sumOf(key, field);
      expect(d[field].kind).toBe("sum");
      expect(d[field].value).toBeCloseTo(own.value, 6);
      expect(d[field].of.length).toBe(own.units.length);
    }
  });

  test("rates are recomputed from the sums, not averaged", () => {
    for (const key of ["jobs", "loans", "investment"] as IndicatorKey[]) {
      const d = districtIndicator(key);
      const rate = sumOf(key, "actual").value / sumOf(key, "target").value;
      const growth = sumOf(key, "actual").value / sumOf(key, "previous").value - 1;
      expect(d.completionRate).toBeCloseTo(rate, 10);
      expect(d.growth).toBeCloseTo(growth, 10);
      const rates = DISTRICT.map((u) => {
        const c = cellsByUnit.get(u.name)?.get(key) as Read;
        return (c.actual as number) / (c.target as number);
      });
      const average = rates.reduce((s, r) => s + r, 0) / rates.length;
      expect(Math.abs(average - rate)).toBeGreaterThan(1e-6);
    }
  });

  test("东城街道's 元 is converted to 万元, with a finding at its cell", () => {
    const d = districtIndicator("investment");
    expect(d.unit).toBe("万元");
    const east = json.units.find((u: { name: string }) => u.name === "东城街道").index;
    const figure = d.figures.find((f: { unit: number }) => f.unit === east);
    expect(figure.unitOfMeasure).toBe("元");
    expect(figure.actual).toBeCloseTo(
      cellsByUnit.get("东城街道")?.get("investment")?.actual as number,
      6
    );
    const converted = json.findings.find((f: { code: string }) => f.code === "ROLLUP_CONVERTED");
    expect(converted).toMatchObject({ file: "东城街道.xlsx", indicator: "固定资产投资" });
    expect(converted.cell).toMatch(/^[A-Z]+\d+$/);
  });

  test("南湖街道 lacks 社会消费品零售总额: 12个街道中11个填报, and a finding names its file", () => {
    const d = districtIndicator("retail");
    const south = json.units.find((u: { name: string }) => u.name === "南湖街道").index;
    expect(d.missing).toEqual([south]);
    const missing = json.findings.filter(
      (f: { code: string }) => f.code === "ROLLUP_INDICATOR_MISSING"
    );
    expect(missing.map((f: { file: string }) => f.file)).toEqual(["南湖街道.xlsx"]);
    // Named as the district names it, on the sheet where 南湖街道 keeps its 经济 rows.
    expect(missing[0]).toMatchObject({ indicator: "社会消费品零售总额", sheet: "经济" });
    expect(missing[0].message).not.toContain("社零额");
    const text = json.report.sections
      .flatMap((s: { paragraphs: { text: string }[] }) => s.paragraphs.map((p) => p.text))
      .join("");
    expect(text).toContain("12个街道中11个填报，社会消费品零售总额合计");
  });

  test("the duplicate and the corrupt file are findings with their files", () => {
    const byCode = (code: string) => json.findings.filter((f: { code: string }) => f.code === code);
    expect(byCode("ROLLUP_DUPLICATE_FILE").map((f: { file: string }) => f.file)).toEqual([
      DUPLICATE.file,
    ]);
    expect(byCode("ROLLUP_FILE_UNREAD").map((f: { file: string }) => f.file)).toEqual([
      CORRUPT_FILE,
    ]);
    expect(byCode("ROLLUP_FILE_UNREAD")[0].message).toContain("不是 Excel 工作簿");
  });

  test("ranks and the units behind target come from the units' own cells", () => {
    const d = districtIndicator("jobs");
    const byActual = DISTRICT.map((u) => ({
      name: u.name,
      v: cellsByUnit.get(u.name)?.get("jobs")?.actual as number,
    })).sort((a, b) => b.v - a.v);
    const first = json.units[d.ranks.find((r: { rank: number }) => r.rank === 1).unit].name;
    expect(first).toBe(byActual[0].name);
    const behind = DISTRICT.filter((u) => {
      const c = cellsByUnit.get(u.name)?.get("jobs") as Read;
      return (c.actual as number) < (c.target as number);
    }).map((u) => u.name);
    expect(d.behind.map((u: number) => json.units[u].name).sort()).toEqual(behind.sort());
    expect(behind.length).toBeGreaterThan(0);
  });

  test("the employment paragraph, clause by clause, each number traced to the units' cells", () => {
    const jobs = sumOf("jobs", "actual").value;
    const rate = (jobs / sumOf("jobs", "target").value) * 100;
    const growth = (jobs / sumOf("jobs", "previous").value - 1) * 100;
    const graduates = sumOf("graduates", "actual").value;
    const top = DISTRICT.map((u) => ({
      name: u.name,
      v: cellsByUnit.get(u.name)?.get("jobs")?.actual as number,
    })).sort((a, b) => b.v - a.v)[0];
    const behind = json.indicators[0].behind.map((u: number) => json.units[u].name);
    const section = json.report.sections.find(
      (s: { heading: string }) => s.heading === "一、就业工作"
    );
    const paragraph = section.paragraphs[0];
    const clauses = paragraph.text.split(/(?<=[，；。])/);
    const two = (v: number) => String(Number(v.toFixed(2)));
    expect(clauses.slice(0, 6)).toEqual([
      `2023年，`,
      `全区完成城镇新增就业${jobs}人，`,
      `其中高校毕业生${graduates}人，`,
      `完成目标任务的${two(rate)}%，`,
      `同比增长${two(growth)}%，`,
      `${top.name}${top.v}人位居全区第一；`,
    ]);
    expect(clauses[6]).toBe(`${behind.join("、")}未完成目标任务。`);
    // The total traces to every unit's completed cell; the first unit's figure to its own.
    const total = paragraph.sources.find((s: { text: string }) => s.text === String(jobs));
    expect(total.from).toHaveLength(12);
    expect(new Set(total.from.map((c: { file: string }) => c.file)).size).toBe(12);
    const first = paragraph.sources.find((s: { text: string }) => s.text === String(top.v));
    expect(first.from).toEqual([expect.objectContaining({ file: `${top.name}.xlsx` })]);
  });

  test("the pension rate is weighted by each unit's 应参保人数, read from its own cells", () => {
    const d = json.indicators.find((i: { name: string }) => i.name === "基本养老保险参保率");
    let weighted = 0;
    let bases = 0;
    for (const u of DISTRICT) {
      const rate = cellsByUnit.get(u.name)?.get("pension")?.actual as number;
      const base = cellsByUnit.get(u.name)?.get("pensionBase")?.actual as number;
      weighted += rate * base;
      bases += base;
    }
    expect(d.rateBase).toMatchObject({ kind: "weighted", base: "基本养老保险应参保人数" });
    expect(d.rateBase.value).toBeCloseTo(weighted / bases, 10);
    const section = json.report.sections.find(
      (s: { heading: string }) => s.heading === "二、社会保险工作"
    );
    const paragraph = section.paragraphs[0];
    const shown = `${Number((weighted / bases).toFixed(2))}%`;
    expect(paragraph.text).toContain(
      `全区基本养老保险参保率为${shown}（按各街道基本养老保险应参保人数加权计算），各街道在`
    );
    // Traced to every unit's rate and base cells; the base is no sentence of its own.
    const source = paragraph.sources.find((s: { text: string }) => s.text === shown);
    expect(source.from).toHaveLength(24);
    expect(paragraph.text).not.toContain("应参保人数达");
  });

  test("two units tied for first in 流感疫苗接种 are both named: 并列全区第一", () => {
    const values = DISTRICT.map((u) => ({
      name: u.name,
      v: cellsByUnit.get(u.name)?.get("flu")?.actual as number,
    })).sort((a, b) => b.v - a.v);
    const top = values.filter((x) => x.v === values[0].v);
    expect(top).toHaveLength(2);
    const d = districtIndicator("flu");
    const first = d.ranks
      .filter((r: { rank: number }) => r.rank === 1)
      .map((r: { unit: number }) => json.units[r.unit].name);
    expect([...first].sort()).toEqual(top.map((x) => x.name).sort());
    const text = json.report.sections
      .flatMap((s: { paragraphs: { text: string }[] }) => s.paragraphs.map((p) => p.text))
      .join("");
    expect(text).toMatch(new RegExp(`，(${first.join("、")})均为${top[0].v}人次，并列全区第一`));
  });

  test("a rate indicator is never summed: the lowest and highest units", () => {
    const d = json.indicators.find((i: { name: string }) => i.name === "基本养老保险参保率");
    expect(d.isRate).toBe(true);
    expect(d.actual.kind).toBe("none");
    const values = DISTRICT.map((u) => cellsByUnit.get(u.name)?.get("pension")?.actual as number);
    expect(d.range.min.value).toBeCloseTo(Math.min(...values), 9);
    expect(d.range.max.value).toBeCloseTo(Math.max(...values), 9);
  });

  test("the 汇总 workbook: its formulas, evaluated from its own cells, give the JSON's figures", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet("汇总") as ExcelJS.Worksheet;
    expect(sheet.views[0]).toMatchObject({ state: "frozen" });
    const sheetOf = (name: string) => workbook.getWorksheet(name) as ExcelJS.Worksheet;
    const number = (s: ExcelJS.Worksheet, address: string): number => {
      const v = s.getCell(address).value as unknown;
      if (typeof v === "number") return v;
      return evaluate(s, (v as { formula: string }).formula);
    };
    // A small evaluator for the formulas the writer uses: SUM(range), 'sheet'!cell, a/b, a/b-1,
    // SUMPRODUCT(range, range)/SUM(range).
    const rowValues = (s: ExcelJS.Worksheet, from: string, to: string, r: string): number[] => {
      const row = s.getRow(Number(r));
      const values: number[] = [];
      for (let c = s.getColumn(from).number; c <= s.getColumn(to).number; c++) {
        const v = row.getCell(c).value;
        values.push(typeof v === "number" ? v : 0);
      }
      return values;
    };
    function evaluate(s: ExcelJS.Worksheet, formula: string): number {
      let m = /^SUM\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)$/.exec(formula);
      if (m) return rowValues(s, m[1], m[3], m[2]).reduce((a, b) => a + b, 0);
      m =
        /^SUMPRODUCT\(([A-Z]+)(\d+):([A-Z]+)\d+,([A-Z]+)(\d+):([A-Z]+)\d+\)\/SUM\(([A-Z]+)(\d+):([A-Z]+)\d+\)$/.exec(
          formula
        );
      if (m) {
        const a = rowValues(s, m[1], m[3], m[2]);
        const b = rowValues(s, m[4], m[6], m[5]);
        const w = rowValues(s, m[7], m[9], m[8]);
        return a.reduce((t, v, i) => t + v * b[i], 0) / w.reduce((t, v) => t + v, 0);
      }
      m = /^'([^']+)'!([A-Z]+\d+)$/.exec(formula);
      if (m) return number(sheetOf(m[1]), m[2]);
      m = /^([A-Z]+\d+)\/([A-Z]+\d+)(-1)?$/.exec(formula);
      if (m) return number(s, m[1]) / number(s, m[2]) - (m[3] ? 1 : 0);
      throw new Error(`unexpected formula ${formula}`);
    }
    const header = (sheet.getRow(3).values as unknown[]).map(String);
    const col = (h: string) => header.indexOf(h);
    let checked = 0;
    json.indicators.forEach(
      (
        d: {
          actual: { kind: string; value: number };
          target: { kind: string; value: number };
          completionRate?: number;
          growth?: number;
        },
        k: number
      ) => {
        const r = 4 + k;
        // A rate's base (应参保人数) has a total and no target: checked with its rate below.
        if (d.actual.kind !== "sum" || d.target.kind !== "sum") return;
        const at = (h: string) => `${sheet.getColumn(col(h)).letter}${r}`;
        expect((sheet.getCell(at("全区合计")).value as { formula: string }).formula).toMatch(
          /^SUM\(/
        );
        expect(number(sheet, at("全区合计"))).toBeCloseTo(d.actual.value, 6);
        expect(number(sheet, at("全区目标"))).toBeCloseTo(d.target.value, 6);
        expect(number(sheet, at("完成率"))).toBeCloseTo(d.completionRate as number, 10);
        expect(number(sheet, at("同比增长"))).toBeCloseTo(d.growth as number, 10);
        checked++;
      }
    );
    expect(checked).toBe(7);
    // The pension rate's district value: SUMPRODUCT(rates, bases)/SUM(bases) over the units.
    const k = json.indicators.findIndex((d: { name: string }) => d.name === "基本养老保险参保率");
    const total = `${sheet.getColumn(col("全区合计")).letter}${4 + k}`;
    expect((sheet.getCell(total).value as { formula: string }).formula).toMatch(/^SUMPRODUCT\(/);
    expect(number(sheet, total)).toBeCloseTo(json.indicators[k].rateBase.value, 10);
    // The tool's own reader sees the formulas' results, the same figures.
    const model = await readWorkbookFile(out);
    const summary = model.sheets.find((s) => s.name === "汇总");
    const totalCol = col("全区合计") - 1;
    expect(summary?.rows[3]?.[totalCol]?.value).toBe(json.indicators[0].actual.value);
    expect(model.sheets.map((s) => s.name)).toEqual(["汇总", "目标", "上年同期", "说明"]);
  });

  test("the 说明 sheet lists every finding with its file", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const notes = workbook.getWorksheet("说明") as ExcelJS.Worksheet;
    const text: string[] = [];
    notes.eachRow((row) =>
      text.push((row.values as unknown[]).filter((v) => typeof v === "string").join(" "))
    );
    for (const f of json.findings) expect(text.some((t) => t.includes(f.message))).toBe(true);
    expect(basename(out)).toBe("汇总.xlsx");
  });
});

describe("several workbooks without rollup: each analysed on its own", () => {
  async function run(args: string[]) {
    let stdout = "";
    let stderr = "";
    const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    return { code, stdout, stderr };
  }
  const district = () => join(dir, "各街道报表");

  test("JSON is an array, one report per file; the corrupt file is named and the exit code is 1", async () => {
    const r = await run([district(), "--format", "json"]);
    expect(r.code).toBe(1);
    const reports = JSON.parse(r.stdout);
    expect(reports).toHaveLength(files.length);
    const bad = reports.find((x: { workbook: string }) => x.workbook === CORRUPT_FILE);
    expect(bad.error.zh).toContain("不是 Excel 工作簿");
    const east = reports.find((x: { workbook: string }) => x.workbook === "东城街道.xlsx");
    expect(east.indicators.length).toBeGreaterThan(5);
    expect(r.stderr).toContain(CORRUPT_FILE);
  });

  test("text goes one after another; two good files exit 0", async () => {
    const a = join(district(), "东城街道.xlsx");
    const b = join(district(), "南湖街道.xlsx");
    const r = await run([a, b]);
    expect(r.code).toBe(0);
    expect(r.stdout.indexOf("东城街道.xlsx")).toBeLessThan(r.stdout.indexOf("南湖街道.xlsx"));
    expect(r.stdout.match(/【报告】/g)).toHaveLength(2);
  });

  test("--out DIR writes one report per workbook and never over an input", async () => {
    const folder = join(dir, "报告");
    await import("node:fs/promises").then((fs) => fs.mkdir(folder));
    const a = join(district(), "东城街道.xlsx");
    const b = join(district(), "南湖街道.xlsx");
    const r = await run([a, b, "--out", folder, "--format", "md"]);
    expect(r.code).toBe(0);
    const written = await import("node:fs/promises").then((fs) => fs.readdir(folder));
    expect(written.sort()).toEqual(["东城街道.报告.md", "南湖街道.报告.md"]);
    expect(digest(await readFile(a))).toBe(hashes.get(a));
    const again = await run([a, b, "--out", folder, "--format", "md"]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/已存在|--force/);
  });
});

describe("the roll-up never writes over a unit's workbook", () => {
  async function run(args: string[]) {
    let stdout = "";
    let stderr = "";
    const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    return { code, stdout, stderr };
  }

  test("--out naming an input is refused, even with --force; the input is untouched", async () => {
    const district = join(dir, "各街道报表");
    const input = join(district, "东城街道.xlsx");
    const r = await run(["rollup", district, "--out", input, "--force", "--quiet"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/就是输入的/);
    expect(digest(await readFile(input))).toBe(hashes.get(input));
  });

  test("an earlier 汇总 in the folder is not a unit, and with --force it is replaced", async () => {
    const folder = await mkdtemp(join(tmpdir(), "rollup-again-"));
    const { copyFile } = await import("node:fs/promises");
    for (const unit of DISTRICT.slice(0, 4))
      await copyFile(join(dir, "各街道报表", unit.file), join(folder, unit.file));
    const summary = join(folder, "汇总.xlsx");
    const first = await run(["rollup", folder, "--out", summary, "--format", "json"]);
    expect(first.code).toBe(0);
    const again = await run(["rollup", folder, "--out", summary, "--format", "json", "--force"]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).units).toHaveLength(4);
    // Read as an input, without --out, it is named and left out.
    const listed = await run(["rollup", folder, "--format", "json"]);
    const json2 = JSON.parse(listed.stdout);
    expect(json2.units).toHaveLength(4);
    expect(
      json2.findings.some(
        (f: { code: string; file: string }) =>
          f.code === "ROLLUP_FILE_SKIPPED" && f.file === "汇总.xlsx"
      )
    ).toBe(true);
    await rm(folder, { recursive: true, force: true });
  });

  test("no readable workbook at all: exit 2 with each file's reason", async () => {
    const r = await run([
      "rollup",
      join(dir, "各街道报表", CORRUPT_FILE),
      join(dir, "不存在.xlsx"),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/没有可汇总的工作簿.*城东街道\.xlsx.*不存在\.xlsx/);
  });
});

describe("the 汇总 workbook when a unit leaves last year's value blank", () => {
  test("the growth's formula divides the covering units' SUM, and the 填报情况 names the unit left out", async () => {
    const names = ["东城街道", "西城街道", "南城街道"];
    const inputs = names.map((name, k) => {
      const model = workbook(
        sheet("指标", [
          [`${name}2023年主要指标完成情况`],
          ["指标名称", "单位", "年度目标", "完成", "上年同期"],
          ["城镇新增就业", "人", 100, 110 + k, k === 1 ? null : 90],
        ])
      );
      const file = `${name}.xlsx`;
      return { file, named: unitNameOf(model, file), analysis: analyzeWorkbook(model) };
    });
    const r = rollUp(inputs, [], resolveOptions({}));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await rollupToBuffer(r, "汇总")) as never);
    const summary = book.getWorksheet("汇总") as ExcelJS.Worksheet;
    const header = (summary.getRow(3).values as unknown[]).map(String);
    const cell = (h: string) => summary.getRow(4).getCell(header.indexOf(h));
    const growth = cell("同比增长").value as { formula: string; result: number };
    expect(growth.formula).toMatch(/^SUM\(D4,F4\)\//);
    expect(growth.result).toBeCloseTo((110 + 112) / 180 - 1, 12);
    expect(String(cell("填报情况").value)).toContain("西城街道未填上年同期数，未计入增速计算");
  });
});
