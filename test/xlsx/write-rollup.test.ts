/** The 汇总 workbook's cells for what the sums alone do not show: a weighted rate, a held field. */
import * as ExcelJS from "exceljs";
import { analyzeWorkbook, resolveOptions } from "../../src/core";
import { Rollup, UnitInput, rollUp, unitNameOf } from "../../src/core/rollup";
import { unzipSync } from "fflate";
import { rollupForWorkbook, rollupToBuffer } from "../../src/xlsx/write-rollup";
import { CellInput, sheet, workbook } from "../helpers/sheet";

const HEADER = ["指标名称", "单位", "年度目标", "完成", "上年同期"];
const NAMES = ["东城街道", "西城街道", "南城街道", "北城街道"];

function roll(rowsOf: (k: number) => CellInput[][]): Rollup {
  const units: UnitInput[] = NAMES.map((name, k) => {
    const model = workbook(sheet("指标", [[`${name}2023年主要指标`], HEADER, ...rowsOf(k)]));
    return {
      file: `${name}.xlsx`,
      named: unitNameOf(model, name),
      analysis: analyzeWorkbook(model),
    };
  });
  return rollUp(units, [], resolveOptions({}));
}

async function summarySheet(r: Rollup): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await rollupToBuffer(r, "汇总")) as unknown as ArrayBuffer);
  return wb.getWorksheet("汇总") as ExcelJS.Worksheet;
}

/** The cell of an indicator's row under a header of the 汇总 sheet. */
function cellAt(s: ExcelJS.Worksheet, r: Rollup, name: string, header: string, unit?: string) {
  const k = r.indicators.findIndex((d) => d.name === name && (!unit || d.unit === unit));
  const headers = (s.getRow(3).values as unknown[]).map(String);
  return s.getRow(4 + k).getCell(headers.indexOf(header));
}

const rates = [96.3, 94.1, 97.5, 95];
const due = (k: number) => 10000 + 1000 * k;

test("a rate from summed numerators and denominators: the totals' quotient ×100, as a formula", async () => {
  const r = roll((k) => [
    ["城乡居民医保参保率", "%", 95, rates[k], 93],
    ["城乡居民医保参保人数", "人", null, Math.round((rates[k] / 100) * due(k)), null],
    ["城乡居民医保应参保人数", "人", null, due(k), null],
  ]);
  const s = await summarySheet(r);
  const cell = cellAt(s, r, "城乡居民医保参保率", "全区合计");
  const value = cell.value as { formula: string; result: number };
  const n = cellAt(s, r, "城乡居民医保参保人数", "全区合计");
  const d = cellAt(s, r, "城乡居民医保应参保人数", "全区合计");
  expect(value.formula).toBe(`${n.address}/${d.address}*100`);
  const result =
    ((n.value as { result: number }).result / (d.value as { result: number }).result) * 100;
  expect(value.result).toBeCloseTo(result, 10);
  expect(cell.note).toBeDefined();
});

test("a rate some unit has no base for: no district value, and the unit named in 填报情况", async () => {
  const r = roll((k) => [
    ["城乡居民医保参保率", "%", 95, rates[k], 93],
    ...(k === 1 ? [] : [["应参保人数", "人", null, due(k), null]]),
  ]);
  const s = await summarySheet(r);
  expect(cellAt(s, r, "城乡居民医保参保率", "全区合计").value).toBeNull();
  expect(String(cellAt(s, r, "城乡居民医保参保率", "填报情况").value)).toContain(
    "西城街道工作簿中没有该比率的基数（分母），不计算全区比率"
  );
});

test("one unit's last-year value in doubt: the total is a SUM, 上年同期 says 暂不引用 with why", async () => {
  const r = roll((k) => [["城镇新增就业", "人", 100, 110 + k, k === 2 ? "九十" : 90]]);
  const s = await summarySheet(r);
  expect((cellAt(s, r, "城镇新增就业", "全区合计").value as { formula: string }).formula).toMatch(
    /^SUM\(/
  );
  const previous = cellAt(s, r, "城镇新增就业", "上年同期");
  expect(previous.value).toBe("暂不引用");
  expect(previous.note).toContain("南城街道（南城街道.xlsx）的上年同期数有误");
  expect(cellAt(s, r, "城镇新增就业", "同比增长").value).toBeNull();
});

test("a row in a measure of its own says it is kept apart", async () => {
  const r = roll((k) => [["纳入低保", k === 0 ? "人" : "户", 50, 52 + k, 49]]);
  const s = await summarySheet(r);
  expect(String(cellAt(s, r, "纳入低保", "填报情况", "人").value)).toContain(
    "计量单位为人，与多数单位的户不同，另列，不作全区合计"
  );
  expect(String(cellAt(s, r, "纳入低保", "填报情况", "户").value)).toContain(
    "计量单位不同，未计入：东城街道（人）"
  );
});

test("a unit of another period is left out of the SUM, column and all", async () => {
  const units: UnitInput[] = NAMES.map((name, k) => {
    const title = `${name}2023年${k === 1 ? "1-9月" : "1-10月"}主要指标`;
    const model = workbook(
      sheet("指标", [[title], HEADER, ["城镇新增就业", "人", 1000, 900 + k, 800]])
    );
    return {
      file: `${name}.xlsx`,
      named: unitNameOf(model, name),
      analysis: analyzeWorkbook(model),
    };
  });
  const r = rollUp(units, [], resolveOptions({}));
  const s = await summarySheet(r);
  const total = cellAt(s, r, "城镇新增就业", "全区合计").value as {
    formula: string;
    result: number;
  };
  expect(total).toEqual({ formula: "SUM(D4,F4:G4)", result: 900 + 902 + 903 });
  expect(String(cellAt(s, r, "城镇新增就业", "填报情况").value)).toContain(
    "报告期不同，未计入：西城街道"
  );
});

/** The parts of a stored workbook, but for its dates (docProps/core.xml). */
async function parts(r: Rollup): Promise<Record<string, string>> {
  const files = unzipSync(await rollupToBuffer(r, "汇总", { stored: true }));
  const text: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(files))
    if (name !== "docProps/core.xml") text[name] = new TextDecoder().decode(bytes);
  return text;
}

test("the roll-up as the workbook reads it (handed to a worker) writes the same workbook", async () => {
  const r = roll((k) => [
    ["城镇新增就业", "人", 100, 110 + k, k === 2 ? "九十" : 90],
    ["固定资产投资", k === 1 ? "元" : "万元", 5000, k === 1 ? 52000000 : 5200 + k, 4800],
    ["基本养老保险参保率", "%", 95, rates[k], 94],
  ]);
  expect(r.indicators.some((d) => d.figures.some((f) => f.factor !== 1))).toBe(true);
  expect(await parts(rollupForWorkbook(r))).toEqual(await parts(r));
});
