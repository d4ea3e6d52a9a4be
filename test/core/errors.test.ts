/** One error base: every error a user may see carries a code and both languages. */
import { ReportError, userMessage } from "../../src/core/errors";
import { UsageError } from "../../src/cli/args";
import { ExcelReadError } from "../../src/excel/read-errors";
import { LocalFileError } from "../../src/xlsx/read-file";
import { WorkbookReadError } from "../../src/xlsx/read-workbook";
import { ZipGuardError } from "../../src/xlsx/zip-guard";

describe("ReportError", () => {
  const errors: ReportError[] = [
    new UsageError("缺少工作簿", "missing workbook"),
    new ZipGuardError("limit", "超过上限", "over the limit"),
    new LocalFileError("too-large", "文件过大", "file too large"),
    new WorkbookReadError("NOT_XLSX", "台账.xls", "不是 Excel 工作簿", "not an Excel workbook"),
    new ExcelReadError({
      code: "GeneralException",
      part: "workbook",
      messageZh: "读取失败",
      messageEn: "read failed",
    }),
  ];

  test.each(errors.map((e) => [e.name, e] as const))(
    "%s is a ReportError with a code and its message in both languages",
    (_name, error) => {
      expect(error).toBeInstanceOf(ReportError);
      expect(error.code).toMatch(/^[A-Za-z_]+$/);
      expect(userMessage(error, "zh")).toBe(error.zh);
      expect(userMessage(error, "en")).toBe(error.en);
      expect(error.message).toBe(`${error.zh} / ${error.en}`);
    }
  );

  test("an unexpected error has no user message of its own", () => {
    expect(userMessage(new RangeError("Maximum call stack size exceeded"), "zh")).toBeUndefined();
  });
});
