/**
 * What the pane says when Excel refuses part of a read: a message in Chinese and English that
 * names the sheet (when there is one), what could not be read and what to do, from the error
 * code Office.js gives (OfficeExtension.Error.code).
 */
import { ReportError } from "../core/errors";

/** A read that could not go on at all (the pane shows `messageZh` / `messageEn`). */
export class ExcelReadError extends ReportError {
  readonly messageZh: string;
  readonly messageEn: string;
  readonly sheet?: string;

  /** `code`: Office.js's error code, e.g. "InvalidOperationInCellEditMode". */
  constructor(problem: ExcelReadProblem) {
    super(problem.code, { zh: problem.messageZh, en: problem.messageEn });
    this.name = "ExcelReadError";
    this.messageZh = problem.messageZh;
    this.messageEn = problem.messageEn;
    this.sheet = problem.sheet;
  }
}

/** A part of the workbook that was left out, the rest being read. */
export interface ExcelReadProblem {
  /** What was not read. */
  part: "workbook" | "tables" | "sheet" | "merges" | "indents";
  sheet?: string;
  code: string;
  messageZh: string;
  messageEn: string;
}

export function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code !== "" ? code : "Unknown";
}

/** Advice for the error codes a read meets in practice. */
function advice(code: string): { zh: string; en: string } {
  switch (code) {
    case "InvalidOperationInCellEditMode":
      return {
        zh: "Excel 正处于单元格编辑状态，请按 Enter 或 Esc 结束编辑后刷新",
        en: "Excel is editing a cell: press Enter or Esc, then refresh",
      };
    case "AccessDenied":
      return {
        zh: "工作簿或工作表受保护，或没有读取权限",
        en: "the workbook or sheet is protected, or may not be read",
      };
    case "ActivityLimitReached":
    case "MemoryLimitReached":
    case "RangeExceedsLimit":
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return {
        zh: "内容超出了 Excel 一次能返回的上限",
        en: "the content is beyond what Excel returns at once",
      };
    case "ServiceNotAvailable":
    case "RequestAborted":
    case "Conflict":
      return {
        zh: "Excel 暂时没有响应，请稍后刷新",
        en: "Excel did not answer for now: refresh in a moment",
      };
    case "ApiNotFound":
    case "NotImplemented":
    case "UnsupportedOperation":
    case "UnsupportedFeature":
      return {
        zh: "此版本的 Excel 不支持所需的功能",
        en: "this version of Excel lacks a feature needed",
      };
    case "UnsupportedSheet":
      return {
        zh: "这种工作表（如图表工作表、宏表）无法读取",
        en: "this kind of sheet (chart sheet, macro sheet) cannot be read",
      };
    default:
      return {
        zh: "请刷新重试；仍不行时请保存并重新打开工作簿",
        en: "refresh to try again; if it persists, save and reopen the workbook",
      };
  }
}

/** The named message for an error met while reading `part` (of `sheet`). */
export function describeReadError(
  part: ExcelReadProblem["part"],
  error: unknown,
  sheet?: string
): ExcelReadProblem {
  const code = errorCode(error);
  const { zh, en } = advice(code);
  const tag = `（Excel 错误 ${code}）`;
  const tagEn = ` (Excel error ${code})`;
  const named = (messageZh: string, messageEn: string): ExcelReadProblem => ({
    part,
    ...(sheet !== undefined ? { sheet } : {}),
    code,
    messageZh: `${messageZh}${tag}：${zh}。`,
    messageEn: `${messageEn}${tagEn}: ${en}.`,
  });
  switch (part) {
    case "workbook":
      return named("无法读取工作簿中的工作表", "The sheets of the workbook could not be read");
    case "tables":
      return named(
        "无法读取工作簿中的 Excel 表格，已按普通区域识别指标表",
        "The Excel tables of the workbook could not be read; tables were found as plain ranges"
      );
    case "sheet":
      return named(
        `工作表“${sheet}”无法读取，已跳过，其余工作表照常读取`,
        `The sheet "${sheet}" could not be read and was left out; the other sheets were read`
      );
    case "merges":
      return named(
        `工作表“${sheet}”的合并单元格无法读取，按未合并处理`,
        `The merged cells of the sheet "${sheet}" could not be read; they count as unmerged`
      );
    case "indents":
      return named(
        `工作表“${sheet}”的缩进无法读取，“其中”项按名称识别`,
        `The indents of the sheet "${sheet}" could not be read; parts are found by their names`
      );
  }
}
