/**
 * Sheet-qualified addresses as Office.js returns them: "Sheet1!A1:F20", "'My Sheet'!B3",
 * "'O''Brien'!A1", and lists of areas "Sheet1!A1:B2, Sheet1!D4:D5".
 * The A1 part is parsed by src/core/address.ts.
 */
import { parseRange } from "../core/address";
import { CellRange } from "../core/workbook";

export interface SheetAddress {
  /** The sheet name without quotes; undefined when the address names no sheet. */
  sheet?: string;
  /** The part after "!", e.g. "A1:F20". */
  local: string;
}

/** "'My Sheet'!A1:B2" → { sheet: "My Sheet", local: "A1:B2" }. */
export function splitSheetAddress(address: string): SheetAddress {
  const text = address.trim();
  const bang = text.lastIndexOf("!");
  if (bang < 0) return { local: text };
  let sheet = text.slice(0, bang);
  if (sheet.length >= 2 && sheet.startsWith("'") && sheet.endsWith("'")) {
    sheet = sheet.slice(1, -1).replace(/''/g, "'");
  }
  return { sheet, local: text.slice(bang + 1) };
}

/** The rectangle of a (possibly sheet-qualified) address; undefined when unreadable. */
export function addressToRange(address: string): CellRange | undefined {
  return parseRange(splitSheetAddress(address).local);
}

/** Splits a list of areas on the commas that are not inside a quoted sheet name. */
export function splitAreas(address: string): string[] {
  const areas: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted; // '' inside a name toggles twice: still quoted
    if (ch === "," && !quoted) {
      areas.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  areas.push(current);
  return areas.map((area) => area.trim()).filter((area) => area !== "");
}

/** Cells in a range. */
export function cellCount(range: CellRange): number {
  return (range.bottom - range.top + 1) * (range.right - range.left + 1);
}
