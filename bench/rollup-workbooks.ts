/**
 * The benches' district: `files` units' workbooks of `perFile` indicators each, the same names
 * in every unit, in two layouts, with 其中 rows and a few units in 元.
 */
import * as path from "path";
import * as ExcelJS from "exceljs";

const LINES = ["就业", "社保", "卫健", "民政", "经济", "城管", "安全生产", "文化", "征兵", "党建"];
const UNITS = ["人", "户", "万元", "人次", "%", "家"];

function rows(count: number, unitIndex: number): [string, string, number, number, number][] {
  const out: [string, string, number, number, number][] = [];
  for (let k = 0; k < count; k++) {
    const unit = UNITS[k % UNITS.length];
    const yuan = unit === "万元" && unitIndex % 7 === 3;
    const scale = yuan ? 10000 : 1;
    const base = unit === "%" ? 90 : 100 + ((k * 37 + unitIndex * 11) % 900);
    const name = `${k % 9 === 8 ? "其中：" : ""}${LINES[k % LINES.length]}指标${k}`;
    out.push([
      name,
      yuan ? "元" : unit,
      base * scale,
      (base + ((k + unitIndex) % 13) - 4) * scale,
      (base - 5) * scale,
    ]);
  }
  return out;
}

async function writeUnit(file: string, unitIndex: number, count: number): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const name = `第${unitIndex + 1}街道`;
  const sheet = workbook.addWorksheet("指标");
  if (unitIndex % 2 === 0) {
    sheet.addRow([`${name}2023年主要指标完成情况`]);
    sheet.addRow(["指标名称", "单位", "年度目标", "完成", "上年同期"]);
    for (const r of rows(count, unitIndex)) sheet.addRow(r);
  } else {
    sheet.addRow([`填报单位：${name}`]);
    sheet.addRow(["项目", "计量单位", "计划数", "实际完成数", "去年同期数"]);
    for (const r of rows(count, unitIndex)) sheet.addRow(r);
  }
  await workbook.xlsx.writeFile(file);
}

/** Writes the workbooks into `dir` (第001街道.xlsx …) and gives their paths. */
export async function writeUnits(dir: string, files: number, perFile: number): Promise<string[]> {
  const paths: string[] = [];
  for (let u = 0; u < files; u++) {
    const file = path.join(dir, `第${String(u + 1).padStart(3, "0")}街道.xlsx`);
    await writeUnit(file, u, perFile);
    paths.push(file);
  }
  return paths;
}
