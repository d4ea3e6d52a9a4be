/**
 * A district of twelve sub-districts (街道), each sending its own workbook, as a district
 * bureau receives them: four layouts with their own header words, and the usual troubles:
 *
 *   - 南湖街道 keeps no 社会消费品零售总额 row (an indicator one unit lacks);
 *   - 东城街道 writes 固定资产投资 in 元 where everyone else writes 万元;
 *   - 西关街道's file was sent twice, the second time renamed (a duplicate file);
 *   - one file is not a workbook at all (a corrupt file);
 *   - 城北街道 and 光明街道 tie for first in 流感疫苗接种;
 *   - every unit gives the base of its 基本养老保险参保率 (应参保人数, no target of its own),
 *     so that the district's rate is the base-weighted one.
 *
 * DISTRICT is the ground truth; writeDistrict(dir) writes the files with ExcelJS.
 */
import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";

export type DistrictLayout = "standard" | "sections" | "unit-in-name" | "by-line";

/** The district's indicators: a key, the names each layout writes, the unit, the line of work. */
export const DISTRICT_INDICATORS = [
  {
    key: "jobs",
    names: ["城镇新增就业", "城镇新增就业人数", "城镇新增就业", "城镇新增就业"],
    unit: "人",
    line: "就业",
  },
  {
    key: "graduates",
    names: ["其中：高校毕业生", "其中：高校毕业生", "其中：高校毕业生", "其中：高校毕业生"],
    unit: "人",
    line: "就业",
    partOf: "jobs",
  },
  {
    key: "loans",
    names: ["发放创业担保贷款", "创业担保贷款", "发放创业担保贷款", "发放创业担保贷款"],
    unit: "万元",
    line: "就业",
  },
  {
    key: "medical",
    names: [
      "城乡居民医保参保人数",
      "城乡居民医保参保人数",
      "城乡居民医保参保人数",
      "城乡居民医保参保人数",
    ],
    unit: "人",
    line: "社保",
  },
  {
    key: "pension",
    names: ["基本养老保险参保率", "基本养老保险参保率", "基本养老保险参保率", "基本养老保险参保率"],
    unit: "%",
    line: "社保",
  },
  {
    key: "pensionBase",
    names: [
      "基本养老保险应参保人数",
      "基本养老保险应参保人数",
      "基本养老保险应参保人数",
      "基本养老保险应参保人数",
    ],
    unit: "人",
    line: "社保",
  },
  {
    key: "flu",
    names: ["流感疫苗接种", "流感疫苗接种", "流感疫苗接种", "流感疫苗接种"],
    unit: "人次",
    line: "卫生",
  },
  {
    key: "investment",
    names: ["固定资产投资", "固定资产投资", "固定资产投资", "固定资产投资"],
    unit: "万元",
    line: "经济",
  },
  {
    key: "retail",
    names: ["社会消费品零售总额", "社会消费品零售总额", "社会消费品零售总额", "社零额"],
    unit: "万元",
    line: "经济",
  },
] as const;

export type IndicatorKey = (typeof DISTRICT_INDICATORS)[number]["key"];

export interface DistrictFigure {
  /** None for a base (应参保人数), which is no task. */
  target?: number;
  actual: number;
  previous: number;
}

export interface DistrictUnit {
  name: string;
  file: string;
  layout: DistrictLayout;
  /** The unit's figures, in the district's unit of measure (万元 for money). */
  figures: Partial<Record<IndicatorKey, DistrictFigure>>;
  /** Indicators this unit writes in 元 instead of 万元 (its cells hold ×10000). */
  inYuan?: IndicatorKey[];
}

const NAMES = [
  "东城街道",
  "西关街道",
  "南湖街道",
  "北苑街道",
  "中山街道",
  "城南街道",
  "城北街道",
  "新华街道",
  "文昌街道",
  "建设街道",
  "光明街道",
  "和平街道",
];
const LAYOUTS: DistrictLayout[] = ["standard", "sections", "unit-in-name", "by-line"];

/** How big each unit is, so that the largest is not always the last one listed. */
const SIZE = [5, 2, 9, 0, 7, 3, 11, 1, 8, 4, 10, 6];

/** Deterministic figures: unit n gets its own, some behind target, none identical. */
function figuresOf(n: number): Partial<Record<IndicatorKey, DistrictFigure>> {
  const k = SIZE[n];
  const jobsTarget = 800 + 50 * k;
  const jobs = jobsTarget + (n % 4 === 2 ? -60 - k : 40 + 7 * k);
  return {
    jobs: { target: jobsTarget, actual: jobs, previous: jobs - 30 - 3 * k },
    graduates: { target: 200 + 10 * k, actual: 210 + 11 * k, previous: 190 + 9 * k },
    loans: { target: 500 + 20 * k, actual: 512.5 + 23 * k, previous: 480 + 15 * k },
    medical: { target: 30000 + 1000 * k, actual: 30120 + 1010 * k, previous: 29800 + 990 * k },
    pension: { target: 95, actual: 94 + (k % 5) * 0.6, previous: 93.5 + (k % 3) * 0.4 },
    pensionBase: { actual: 20000 + 900 * k, previous: 19800 + 880 * k },
    flu: {
      target: 3000 + 100 * k,
      // SIZE 10 ties SIZE 11 for first place.
      actual: k === 9 ? 2600 : k === 10 ? 3100 + 120 * 11 : 3100 + 120 * k,
      previous: 2900 + 90 * k,
    },
    investment: { target: 52000 + 3000 * k, actual: 53100 + 3150 * k, previous: 50500 + 2800 * k },
    retail: { target: 86000 + 5000 * k, actual: 87500 + 5300 * k, previous: 83000 + 4700 * k },
  };
}

export const DISTRICT_YEAR = 2023;

export const DISTRICT: DistrictUnit[] = NAMES.map((name, k) => {
  const figures = figuresOf(k);
  if (name === "南湖街道") delete figures.retail;
  const unit: DistrictUnit = { name, file: `${name}.xlsx`, layout: LAYOUTS[k % 4], figures };
  if (name === "东城街道") unit.inYuan = ["investment"];
  return unit;
});

/** The second copy of 西关街道's workbook, renamed as offices do. */
export const DUPLICATE = { of: "西关街道.xlsx", file: "西关街道（重新报送）.xlsx" };
export const CORRUPT_FILE = "城东街道.xlsx";

/** Where each layout writes the completed value: the header word the test looks for. */
export const ACTUAL_HEADERS: Record<DistrictLayout, string> = {
  standard: "完成",
  sections: "实际完成数",
  "unit-in-name": "本年累计",
  "by-line": "完成数",
};

type Row = (string | number | null)[];

function nameFor(layout: DistrictLayout, key: IndicatorKey): string {
  const spec = DISTRICT_INDICATORS.find(
    (i) => i.key === key
  ) as (typeof DISTRICT_INDICATORS)[number];
  return spec.names[LAYOUTS.indexOf(layout)];
}

function cellValues(
  unit: DistrictUnit,
  key: IndicatorKey
): [string, number | null, number, number] | undefined {
  const f = unit.figures[key];
  if (!f) return undefined;
  const spec = DISTRICT_INDICATORS.find(
    (i) => i.key === key
  ) as (typeof DISTRICT_INDICATORS)[number];
  const yuan = unit.inYuan?.includes(key);
  const scale = yuan ? 10000 : 1;
  const target = f.target === undefined ? null : f.target * scale;
  return [yuan ? "元" : spec.unit, target, f.actual * scale, f.previous * scale];
}

function addSheet(workbook: ExcelJS.Workbook, name: string, rows: Row[], widths: number[]): void {
  const sheet = workbook.addWorksheet(name);
  for (const row of rows) sheet.addRow(row);
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
}

const LINES = ["就业", "社保", "卫生", "经济"];
const LINE_HEADINGS: Record<string, string> = {
  就业: "就业创业",
  社保: "社会保障",
  卫生: "卫生健康",
  经济: "经济发展",
};

function keysOf(line?: string): IndicatorKey[] {
  return DISTRICT_INDICATORS.filter((i) => !line || i.line === line).map((i) => i.key);
}

export function buildDistrictWorkbook(unit: DistrictUnit): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const { layout } = unit;
  if (layout === "standard") {
    const rows: Row[] = [
      [`${unit.name}${DISTRICT_YEAR}年主要指标完成情况`],
      ["指标名称", "单位", "年度目标", "完成", "上年同期"],
    ];
    for (const key of keysOf()) {
      const v = cellValues(unit, key);
      if (v) rows.push([nameFor(layout, key), ...v]);
    }
    addSheet(workbook, "主要指标", rows, [26, 8, 12, 12, 12]);
  } else if (layout === "sections") {
    const rows: Row[] = [
      [`${DISTRICT_YEAR}年度${unit.name}经济社会发展指标`],
      ["序号", "指标", "计量单位", "计划数", "实际完成数", "去年同期数"],
    ];
    LINES.forEach((line, n) => {
      rows.push([`${"一二三四"[n]}、${LINE_HEADINGS[line]}`]);
      let seq = 0;
      for (const key of keysOf(line)) {
        const v = cellValues(unit, key);
        const name = nameFor(layout, key);
        if (v) rows.push([name.startsWith("其中") ? null : ++seq, name, ...v]);
      }
    });
    addSheet(workbook, "指标台账", rows, [6, 26, 8, 12, 12, 12]);
  } else if (layout === "unit-in-name") {
    for (const line of LINES) {
      const rows: Row[] = [
        [`填报单位：${unit.name}`],
        ["项目", "目标任务", "本年累计", "上年同期"],
      ];
      for (const key of keysOf(line)) {
        const v = cellValues(unit, key);
        if (v) rows.push([`${nameFor(layout, key)}（${v[0]}）`, v[1], v[2], v[3]]);
      }
      addSheet(workbook, line, rows, [30, 12, 12, 12]);
    }
  } else {
    // No unit name inside: the bureau knows it by the file name.
    const rows: Row[] = [
      [`${DISTRICT_YEAR}年工作指标`],
      ["类别", "指标名称", "单位", "任务数", "完成数", "去年同期"],
    ];
    for (const line of LINES)
      for (const key of keysOf(line)) {
        const v = cellValues(unit, key);
        if (v) rows.push([LINE_HEADINGS[line], nameFor(layout, key), ...v]);
      }
    addSheet(workbook, "Sheet1", rows, [12, 26, 8, 12, 12, 12]);
  }
  return workbook;
}

/** Writes the district's files into `dir` (created); returns their paths in order. */
export async function writeDistrict(dir: string): Promise<string[]> {
  fs.mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const unit of DISTRICT) {
    const file = path.join(dir, unit.file);
    await buildDistrictWorkbook(unit).xlsx.writeFile(file);
    written.push(file);
  }
  const duplicate = path.join(dir, DUPLICATE.file);
  fs.copyFileSync(path.join(dir, DUPLICATE.of), duplicate);
  written.push(duplicate);
  const corrupt = path.join(dir, CORRUPT_FILE);
  fs.writeFileSync(corrupt, "这不是一个Excel文件：传输中断，只收到了一半。\n");
  written.push(corrupt);
  return written;
}

if (require.main === module) {
  writeDistrict(process.argv[2] ?? "district").then(
    (files) => files.forEach((f) => console.log(`wrote ${f}`)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    }
  );
}
