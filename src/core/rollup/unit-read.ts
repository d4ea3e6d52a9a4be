/**
 * One unit's workbook, read and analysed for the roll-up, the same way by every face (the
 * CLI's worker threads, the pane's 汇总 view): a roll-up this tool wrote is not a unit, and a
 * file that cannot be read becomes its message, never a throw. `read` does the face's I/O.
 */
import { analyzeWorkbook } from "../index";
import { isReportError } from "../errors";
import { EngineOptions } from "../model";
import { withoutReportConfig } from "../report/writing/outline";
import { WorkbookModel } from "../workbook";
import { isRollupWorkbook } from "./layout";
import { UnitInput, UnreadFile } from "./model";
import { unitNameOf } from "./unit-name";

export type UnitRead =
  | { kind: "unit"; input: UnitInput }
  | { kind: "unread"; unread: UnreadFile }
  /** A roll-up workbook this tool wrote (an earlier 汇总.xlsx among the files). */
  | { kind: "rollup"; file: string };

/**
 * The unit's analysis for the district: of its visible sheets when they hold its rows. A
 * hidden sheet beside them is a working copy (last year's "2022年（旧）"): it sets no year,
 * gives no rows and raises no findings in the district's figures; a workbook whose rows are
 * all on hidden sheets is read whole.
 */
function unitAnalysis(workbook: WorkbookModel, options: EngineOptions) {
  const visible = workbook.sheets.filter((s) => !s.hidden);
  if (visible.length === workbook.sheets.length || visible.length === 0)
    return analyzeWorkbook(workbook, options);
  const shown = analyzeWorkbook({ ...workbook, sheets: visible }, options);
  return shown.indicators.length > 0 ? shown : analyzeWorkbook(workbook, options);
}

/** A message's path to the file ("/a/b/金沙街道.xlsx", "C:\\报表\\金沙街道.xlsx") as its name. */
function withoutPath(text: string, file: string): string {
  const name = file.replace(/^.*[\\/]/, "");
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return text.replace(new RegExp(`[^\\s“”"']*[\\\\/]${escaped}`, "g"), name);
}

export async function readUnitWith(
  file: string,
  read: () => Promise<WorkbookModel>,
  options: EngineOptions
): Promise<UnitRead> {
  try {
    const workbook = await read();
    if (isRollupWorkbook(workbook.sheets.map((s) => s.name))) return { kind: "rollup", file };
    const { indicators, findings, tables, months, year } = unitAnalysis(
      withoutReportConfig(workbook),
      options
    );
    // Only what the roll-up reads is kept (and crosses back from a worker thread): of the
    // unit's findings, its errors, which the roll-up repeats (a unit's notes are its own).
    const analysis = {
      indicators,
      findings: findings.filter((f) => f.severity === "error"),
      tables,
      months,
      ...(year !== undefined ? { year } : {}),
    };
    return { kind: "unit", input: { file, named: unitNameOf(workbook, file), analysis } };
  } catch (error) {
    // The file is named by its name, as the finding before the message does, not by the
    // path it was read from ("/…/报表/金沙街道.xlsx").
    const named = (text: string) => withoutPath(text, file);
    if (isReportError(error))
      return {
        kind: "unread",
        unread: { file, message: named(error.zh), messageEn: named(error.en) },
      };
    const detail = named(error instanceof Error ? error.message.split("\n")[0] : String(error));
    return {
      kind: "unread",
      unread: {
        file,
        message: `读取时出错：${detail}`,
        messageEn: `failed while reading: ${detail}`,
      },
    };
  }
}
