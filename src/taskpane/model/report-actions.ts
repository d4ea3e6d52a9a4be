/** What the report tab says after an action (insert, write the 报告 sheet, copy). */
import { InsertResult, ReportSheetResult } from "../../host/workbook-host";
import { Strings } from "../i18n";

export interface Notice {
  intent: "success" | "info" | "warning" | "error";
  text: string;
}

export function insertNotice(result: InsertResult, strings: Strings): Notice | undefined {
  switch (result.kind) {
    case "inserted":
      return { intent: "success", text: strings.inserted(result.address) };
    case "unsupported":
      return { intent: "warning", text: strings.unsupported };
    case "occupied":
      return undefined; // asks first
  }
}

export function writeNotice(
  result: ReportSheetResult,
  strings: Strings,
  copyName?: string
): Notice | undefined {
  switch (result.kind) {
    case "written":
      return copyName
        ? { intent: "success", text: strings.downloadedCopy(copyName) }
        : { intent: "success", text: strings.written(result.sheet, result.cells, result.created) };
    case "unsupported":
      return { intent: "warning", text: strings.unsupported };
    case "conflict":
      return undefined; // asks first
  }
}

/** A cell's content, shortened for a dialog. */
export function shorten(text: string, max = 80): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}
