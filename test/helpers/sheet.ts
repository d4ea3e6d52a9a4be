import { parseRange } from "../../src/core/address";
import {
  CellModel,
  CellRange,
  CellValue,
  SheetModel,
  TableDefinition,
  WorkbookModel,
} from "../../src/core/workbook";

/** A cell given as a bare value, or with its number format and indent. */
export type CellInput = CellValue | undefined | { v: CellValue; fmt?: string; indent?: number };

function toCell(input: CellInput): CellModel | undefined {
  if (input === undefined || input === null) return undefined;
  if (typeof input === "object" && !(input instanceof Date) && "v" in input) {
    const cell: CellModel = { value: input.v };
    if (input.fmt) cell.numFmt = input.fmt;
    if (input.indent) cell.indent = input.indent;
    return cell;
  }
  return { value: input as CellValue };
}

function range(a1: string): CellRange {
  const parsed = parseRange(a1);
  if (!parsed) throw new Error(`bad range ${a1}`);
  return parsed;
}

/** Builds a sheet from rows of values, e.g. sheet("就业", [["指标", "目标"], ["新增就业", 1000]]). */
export function sheet(
  name: string,
  rows: CellInput[][],
  extra: {
    merges?: string[];
    tables?: { name: string; ref: string; hasHeaderRow?: boolean }[];
  } = {}
): SheetModel {
  const tables: TableDefinition[] = (extra.tables ?? []).map((t) => ({
    name: t.name,
    range: range(t.ref),
    hasHeaderRow: t.hasHeaderRow ?? true,
  }));
  return {
    name,
    rows: rows.map((row) => row.map(toCell)),
    merges: (extra.merges ?? []).map(range),
    tables,
  };
}

export function workbook(...sheets: SheetModel[]): WorkbookModel {
  return { sheets };
}
