/** The command-line face: reads a workbook file, runs the engine, prints or writes the result. */
import { writeFile } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { Analysis, EngineOptions, analyzeWorkbook, toJsonReport } from "../core";
import { periodPhrase } from "../core/format";
import {
  buildReport,
  checkDraft,
  fillDraft,
  parseOutline,
  withoutReportConfig,
} from "../core/report";
import type { WorkbookModel } from "../core/workbook";
import { reportToBuffer } from "../docx/export-docx";
import { isWorkbookReadError, readWorkbookFile } from "../xlsx/read-file";
import { CliOptions, DraftCommandOptions, USAGE, UsageError, parseCommand } from "./args";
import { readDraftFile } from "./draft";
import { renderMarkdown, renderText } from "./render";
import { checkJson, fillJson, renderCheckText, renderFillText } from "./render-draft";

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

function samePath(a: string, b: string): boolean {
  return resolve(a) === resolve(b);
}

/** The workbook and its analysis; the 报告配置 sheet is an outline, not an indicator table. */
async function analyze(
  path: string,
  options: EngineOptions
): Promise<{ workbook: WorkbookModel; analysis: Analysis }> {
  const workbook = await readWorkbookFile(path);
  return { workbook, analysis: analyzeWorkbook(withoutReportConfig(workbook), options) };
}

/** --period wins over the headers; say so when a table's header names another period. */
function warnPeriodOverride(analysis: Analysis, period: number | undefined, io: CliIo): void {
  if (period === undefined) return;
  const other = analysis.tables.find((t) => t.period && t.period.months !== period);
  if (!other?.period) return;
  io.stderr(
    `注意：${other.sheet}表头的期别为${periodPhrase(other.period.months)}，已按 --period 1-${period} 计算` +
      ` / note: the header of ${other.sheet} names ${other.period.months} months; --period ${period} is used\n`
  );
}

async function run(options: CliOptions, io: CliIo): Promise<number> {
  if (options.out && samePath(options.out, options.workbook)) {
    throw new UsageError("输出文件不能是输入的工作簿本身", "--out must not be the input workbook");
  }
  if (options.docx && samePath(options.docx, options.workbook)) {
    throw new UsageError(
      "Word报告不能覆盖输入的工作簿，请换一个文件名",
      "--docx must not overwrite the input workbook"
    );
  }
  if (options.docx && options.out && samePath(options.docx, options.out)) {
    throw new UsageError("--docx 与 --out 不能是同一个文件", "--docx and --out must differ");
  }
  const { workbook, analysis } = await analyze(options.workbook, {
    period: options.period,
    decimals: options.decimals,
    scaleLargeAmounts: options.scale,
    yearStyle: options.yearStyle,
  });
  warnPeriodOverride(analysis, options.period, io);
  const name = basename(options.workbook);
  const output =
    options.format === "json"
      ? `${JSON.stringify(toJsonReport(analysis, name), null, 2)}\n`
      : options.format === "md"
        ? renderMarkdown(analysis, name)
        : renderText(analysis, name);
  if (options.out) {
    await writeFile(options.out, output, "utf8");
    io.stderr(`已写入 ${options.out} / written to ${options.out}\n`);
  } else {
    io.stdout(output);
  }
  if (options.docx) {
    const outline = parseOutline(workbook, analysis);
    const report = buildReport(analysis, outline);
    for (const f of report.findings) io.stderr(`[报告] ${f.message}\n`);
    await writeFile(options.docx, await reportToBuffer(report));
    io.stderr(
      `已写入Word报告 ${options.docx}（${outline.source === "sheet" ? `按“${outline.sheet}”的大纲` : "按类别"}，${report.sections.length}节）/ Word report written to ${options.docx}\n`
    );
  }
  return 0;
}

async function runDraft(options: DraftCommandOptions, io: CliIo): Promise<number> {
  if (
    options.out &&
    (samePath(options.out, options.workbook) || samePath(options.out, options.draft))
  )
    throw new UsageError(
      "输出文件不能是输入的文稿或工作簿本身",
      "--out must not be the input draft or workbook"
    );
  const draft = await readDraftFile(options.draft);
  const { analysis } = await analyze(options.workbook, {
    period: options.period,
    decimals: options.decimals,
  });
  const names = { draft: basename(options.draft), workbook: basename(options.workbook) };
  let output: string;
  let fileOutput: string | undefined;
  if (options.command === "fill") {
    const result = fillDraft(draft.text, analysis);
    if (options.format === "json") output = `${JSON.stringify(fillJson(result, names), null, 2)}\n`;
    else {
      // With --out, the filled draft goes to the file and the account to the screen.
      output = renderFillText(result, draft.text, names, !options.out);
      if (options.out) fileOutput = result.text;
    }
  } else {
    const check = checkDraft(draft.text, analysis);
    output =
      options.format === "json"
        ? `${JSON.stringify(checkJson(check, names), null, 2)}\n`
        : renderCheckText(check, names);
  }
  if (options.out && fileOutput === undefined) {
    await writeFile(options.out, output, "utf8");
    io.stderr(`已写入 ${options.out} / written to ${options.out}\n`);
    return 0;
  }
  if (options.out && fileOutput !== undefined) {
    await writeFile(options.out, fileOutput, "utf8");
    io.stderr(`已写入填好的文稿 ${options.out}（UTF-8）/ filled draft written to ${options.out}\n`);
  }
  io.stdout(output);
  return 0;
}

/** Exit code 0 when it ran (findings or not), 2 on unusable input. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  try {
    const command = parseCommand(argv);
    return command.command === "report" ? await run(command, io) : await runDraft(command, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${error.message}\n`);
      return 2;
    }
    if (isWorkbookReadError(error)) {
      io.stderr(`${error.message}\n`);
      return 2;
    }
    if (error instanceof RangeError) {
      io.stderr(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
