/**
 * The Excel adapter feeding the engine: read the fake workbook through the host, analyse it.
 */
import { analyzeWorkbook } from "../../src/core";
import { createExcelHost } from "../../src/excel/excel-host";
import { readWorkbookBuffer } from "../../src/xlsx/read-workbook";
import { buildSampleWorkbook } from "../../samples/sample-workbook";
import { FakeExcel } from "./fake-excel";
import { SAMPLE_ROWS } from "./workbooks";

const CATEGORY: Record<string, string> = {
  城镇新增就业: "就业",
  失业人员再就业: "就业",
  就业困难人员再就业: "就业",
  城镇登记失业率: "就业",
  城乡居民医保参保人数: "社保",
  城乡居民医保缴费金额: "社保",
  城乡居民养老保险续保率: "社保",
  固定资产投资: "投资",
  新增四上企业入库: "投资",
  限上批发零售业销售额: "投资",
};

/** The domain sample as a statistician keeps it: title, merged title, table away from A1. */
function domainWorkbook(): FakeExcel {
  const fake = new FakeExcel();
  fake.addSheet("说明", [["本表为演示数据"]]);
  fake.addSheet(
    "重点指标",
    [
      ["2023年1—10月重点工作指标完成情况"],
      ["类别", "指标名称", "单位", "目标任务", "1—10月完成", "上年同期"],
      ...SAMPLE_ROWS.map(([name, unit, target, actual, previous]) => [
        CATEGORY[name],
        name,
        unit,
        target,
        actual,
        previous ?? null,
      ]),
    ],
    { at: "B2", merges: ["B2:G2"], tables: [{ name: "重点指标表", ref: "B3:G13" }] }
  );
  return fake;
}

test("read through the host, analysed by the engine: the expected indicators", async () => {
  const fake = domainWorkbook();
  const host = createExcelHost(fake.run, fake.requirements());
  const model = await host.read();
  expect(fake.syncCount).toBe(2);

  const analysis = analyzeWorkbook(model);
  expect(analysis.tables.map((t) => [t.sheet, t.name, t.range, t.source])).toEqual([
    ["重点指标", "重点指标表", "B3:G13", "excel-table"],
  ]);
  expect(analysis.months).toBe(10);
  expect(analysis.year).toBe(2023);

  const byName = Object.fromEntries(analysis.indicators.map((i) => [i.name, i]));
  expect(Object.keys(byName)).toEqual(SAMPLE_ROWS.map(([name]) => name));

  const jobs = byName["城镇新增就业"];
  expect(jobs.unit).toBe("人");
  expect(jobs.target?.value).toBe(1000);
  expect(jobs.actual?.value).toBe(1126);
  expect(jobs.actual?.ref).toEqual({ sheet: "重点指标", cell: "F4" });
  expect(jobs.completionRate).toBeCloseTo(1.126, 6);
  expect(jobs.growth).toBeCloseTo(1126 / 1050 - 1, 6);
  expect(jobs.status).toBe("exceeded");

  const unemployment = byName["城镇登记失业率"];
  expect(unemployment.direction).toBe("ceiling");
  expect(unemployment.status).toBe("completed");

  expect(byName["城乡居民医保参保人数"].status).toBe("behind");
  expect(byName["固定资产投资"].growth).toBeCloseTo(12.6 / 11.54 - 1, 6);

  const employment = analysis.paragraphs.find((p) => p.category === "employment");
  expect(employment?.text).toContain("1126人");
  expect(employment?.sources.some((s) => s.sheet === "重点指标" && s.cell === "F4")).toBe(true);
});

test("the demo workbook: Excel adapter and .xlsx reader give the same model and analysis", async () => {
  const bytes = await buildSampleWorkbook().xlsx.writeBuffer();
  const fromFile = await readWorkbookBuffer(bytes as ArrayBuffer, "街道指标台账.xlsx");
  const fake = FakeExcel.fromModel(fromFile);
  const fromExcel = await createExcelHost(fake.run, fake.requirements()).read();

  expect(fromExcel).toEqual(fromFile);
  expect(fake.syncCount).toBe(2);
  const a = analyzeWorkbook(fromExcel, { period: 12 });
  const b = analyzeWorkbook(fromFile, { period: 12 });
  expect(a.indicators.length).toBeGreaterThan(10);
  expect(a).toEqual(b);
});
