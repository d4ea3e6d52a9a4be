/**
 * Which unit a workbook is: its 填报单位 line, else the unit named in a title ("XX街道2023年
 * 主要指标完成情况"), else its file name without the extension.
 */
import { UNIT_NAME_READING } from "../lexicon/district";
import { SheetModel, WorkbookModel } from "../workbook";

/** Rows at the top of each sheet where titles and 填报单位 lines stand. */
const TITLE_ROWS = 4;

/** Rows at the foot of a sheet where a 填报单位 line may stand instead. */
const FOOT_ROWS = 6;

function textsOf(
  workbook: WorkbookModel,
  rowsOf: (rows: SheetModel["rows"]) => SheetModel["rows"]
): string[] {
  const texts: string[] = [];
  for (const sheet of workbook.sheets) {
    if (sheet.hidden) continue;
    for (const row of rowsOf(sheet.rows))
      for (const cell of row ?? [])
        if (typeof cell?.value === "string") texts.push(cell.value.normalize("NFKC").trim());
  }
  return texts;
}

export interface UnitName {
  name: string;
  from: "title" | "reporter" | "file";
  /** The district the full name puts it in ("云溪区" of 云溪区江滨街道), when it does. */
  district?: string;
}

function namedIn(texts: string[], pattern: RegExp): string | undefined {
  for (const text of texts) {
    const match = pattern.exec(text.replace(/\s+/g, ""));
    const name = match?.[1]?.replace(UNIT_NAME_READING.periodBefore, "");
    if (name && !UNIT_NAME_READING.generic.test(name)) return name;
  }
  return undefined;
}

/**
 * "金桥街道办事处" is 金桥街道, and "云溪区江滨街道" 江滨街道, as the other units and the
 * district's text name it.
 */
function shortName(name: string): string {
  return name
    .replace(UNIT_NAME_READING.office, "街道")
    .replace(UNIT_NAME_READING.districtBefore, "");
}

export function unitNameOf(workbook: WorkbookModel, file: string): UnitName {
  const named = fullUnitNameOf(workbook, file);
  const district = UNIT_NAME_READING.districtBefore.exec(
    named.name.replace(UNIT_NAME_READING.office, "街道")
  )?.[0];
  return { ...named, name: shortName(named.name), ...(district ? { district } : {}) };
}

function fullUnitNameOf(workbook: WorkbookModel, file: string): UnitName {
  const texts = textsOf(workbook, (rows) => rows.slice(0, TITLE_ROWS));
  const foot = textsOf(workbook, (rows) =>
    rows.slice(Math.max(TITLE_ROWS, rows.length - FOOT_ROWS))
  );
  const reporter =
    namedIn(texts, UNIT_NAME_READING.reporter) ?? namedIn(foot, UNIT_NAME_READING.reporter);
  if (reporter) return { name: reporter, from: "reporter" };
  const titled = namedIn(texts, UNIT_NAME_READING.inTitle);
  if (titled) return { name: titled, from: "title" };
  const base = file.replace(/^.*[\\/]/, "").replace(/\.(xlsx|xlsm|xls|et)$/i, "");
  const named = UNIT_NAME_READING.inFileName.exec(base.normalize("NFKC").replace(/\s+/g, ""))?.[1];
  return { name: named ?? (base || file), from: "file" };
}
