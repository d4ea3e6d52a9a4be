/** The command-line face: reads a workbook file, runs the engine, prints or writes the result. */
import { stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { Analysis, EngineOptions, analyzeWorkbook, toJsonReport } from "../core";
import { periodPhrase } from "../core/format";
// The report's own modules, not the report index: the draft code (fill, check) and the Word
// writer are loaded only by the commands that use them.
import { parseOutline, withoutReportConfig } from "../core/report/writing/outline";
import { buildReport } from "../core/report/writing/report";
import { withTextMemo } from "../core/text";
import type { WorkbookModel } from "../core/workbook";
import { isWorkbookReadError, readWorkbookFile } from "../xlsx/read-file";
import { CliOptions, DraftCommandOptions, USAGE, UsageError, parseCommand } from "./args";
import { NamedPath, checkOutputs, writeOutput } from "./files";
import {
  checkJson,
  fillJson,
  inertLine,
  renderCheckText,
  renderFillText,
  renderMarkdown,
  renderText,
} from "./safe-render";

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

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

const WORKBOOK = { zh: "工作簿", en: "workbook" };
const DRAFT = { zh: "文稿", en: "draft" };
const OUTPUT = { zh: "输出文件", en: "output file" };
const WORD = { zh: "Word报告", en: "Word report" };

/** One workbook's report, rendered in the format asked. */
async function reportOf(path: string, options: CliOptions, io: CliIo, json = true) {
  const { workbook, analysis } = await analyze(path, {
    period: options.period,
    decimals: options.decimals,
    scaleLargeAmounts: options.scale,
    yearStyle: options.yearStyle,
  });
  warnPeriodOverride(analysis, options.period, io);
  const name = basename(path);
  // The report normalises the same units and names again: remembered for this run only.
  return withTextMemo(() => {
    const outline = parseOutline(workbook, analysis);
    const report = buildReport(analysis, outline);
    const data = options.format === "json" ? toJsonReport(analysis, name, report) : undefined;
    const output =
      options.format === "json"
        ? json
          ? `${JSON.stringify(data, null, 2)}\n`
          : ""
        : options.format === "md"
          ? renderMarkdown(analysis, report, name)
          : renderText(analysis, report, name);
    return { outline, report, output, data };
  });
}

/**
 * Several workbooks (or a folder): each analysed on its own. Text one after another, JSON an
 * array, or with --out DIR one report file per workbook. A file that fails is named on
 * stderr and skipped; exit code 1 says some did.
 */
async function runBatch(options: CliOptions & { workbooks: string[] }, io: CliIo): Promise<number> {
  const { expandInputs } = await import("./rollup");
  const files = await expandInputs(options.workbooks);
  let folder: string | undefined;
  if (options.out) {
    const info = await stat(options.out).catch(() => undefined);
    if (!info?.isDirectory())
      throw new UsageError(
        `多个工作簿时 --out 应为已存在的文件夹，“${options.out}”不是`,
        `with several workbooks --out must be an existing folder; ${options.out} is not`
      );
    folder = options.out;
  }
  const extension = options.format === "json" ? "json" : options.format === "md" ? "md" : "txt";
  const outputs = folder
    ? files.map((f) => ({
        path: join(folder as string, `${basename(f).replace(/\.[^.]*$/, "")}.报告.${extension}`),
        ...OUTPUT,
      }))
    : [];
  const targets = await checkOutputs(
    files.map((path) => ({ path, ...WORKBOOK })),
    outputs,
    options.force
  );
  const arrayOut: unknown[] = [];
  const texts: string[] = [];
  let failed = 0;
  for (let k = 0; k < files.length; k++) {
    try {
      const { output, data } = await reportOf(files[k], options, io, false);
      const text = data !== undefined ? `${JSON.stringify(data, null, 2)}\n` : output;
      if (folder) {
        await writeOutput(targets[k], text);
        io.stderr(`已写入 ${outputs[k].path} / written to ${outputs[k].path}\n`);
      } else if (data !== undefined) arrayOut.push(data);
      else texts.push(output);
    } catch (error) {
      if (!(error instanceof UsageError || isWorkbookReadError(error))) throw error;
      failed++;
      io.stderr(`${oneLine(error.message)}（已跳过 / skipped）\n`);
      if (!folder && options.format === "json")
        arrayOut.push({ workbook: basename(files[k]), error: { zh: error.zh, en: error.en } });
    }
  }
  if (!folder) {
    if (options.format === "json") io.stdout(`${JSON.stringify(arrayOut, null, 2)}\n`);
    else io.stdout(texts.join(`\n${"─".repeat(40)}\n\n`));
  }
  return failed > 0 ? 1 : 0;
}

async function run(options: CliOptions, io: CliIo): Promise<number> {
  if ((await stat(options.workbook).catch(() => undefined))?.isDirectory())
    return runBatch({ ...options, workbooks: [options.workbook] }, io);
  const outputs: NamedPath[] = [];
  if (options.out) outputs.push({ path: options.out, ...OUTPUT });
  if (options.docx) outputs.push({ path: options.docx, ...WORD });
  const targets = await checkOutputs(
    [{ path: options.workbook, ...WORKBOOK }],
    outputs,
    options.force
  );
  const outTarget = options.out ? targets[0] : undefined;
  const docxTarget = options.docx ? targets[targets.length - 1] : undefined;
  const { outline, report, output } = await reportOf(options.workbook, options, io);
  if (outTarget) {
    await writeOutput(outTarget, output);
    io.stderr(`已写入 ${options.out} / written to ${options.out}\n`);
  } else {
    io.stdout(output);
  }
  if (docxTarget) {
    for (const f of report.findings) io.stderr(`[报告] ${f.message}\n`);
    const { reportToBuffer } = await import("../docx/export-docx");
    await writeOutput(docxTarget, await reportToBuffer(report));
    io.stderr(
      `已写入Word报告 ${options.docx}（${outline.source === "sheet" ? `按“${outline.sheet}”的大纲` : "按工作簿的结构"}，${report.sections.length}节）/ Word report written to ${options.docx}\n`
    );
  }
  return 0;
}

async function runDraft(options: DraftCommandOptions, io: CliIo): Promise<number> {
  const [outTarget] = await checkOutputs(
    [
      { path: options.workbook, ...WORKBOOK },
      { path: options.draft, ...DRAFT },
    ],
    options.out ? [{ path: options.out, ...OUTPUT }] : [],
    options.force
  );
  const { readDraftFile } = await import("./draft");
  const draft = await readDraftFile(options.draft);
  const { analysis } = await analyze(options.workbook, {
    period: options.period,
    decimals: options.decimals,
  });
  const names = { draft: basename(options.draft), workbook: basename(options.workbook) };
  let output: string;
  let fileOutput: string | undefined;
  if (options.command === "fill") {
    const { fillDraft } = await import("../core/report/reading/fill");
    const result = fillDraft(draft.text, analysis);
    if (options.format === "json") output = `${JSON.stringify(fillJson(result, names), null, 2)}\n`;
    else {
      // With --out, the filled draft goes to the file and the account to the screen.
      output = renderFillText(result, draft.text, names, !options.out);
      if (options.out) fileOutput = result.text;
    }
  } else {
    const { checkDraft } = await import("../core/report/reading/check");
    const check = checkDraft(draft.text, analysis);
    output =
      options.format === "json"
        ? `${JSON.stringify(checkJson(check, names), null, 2)}\n`
        : renderCheckText(check, names);
  }
  if (outTarget && fileOutput === undefined) {
    await writeOutput(outTarget, output);
    io.stderr(`已写入 ${options.out} / written to ${options.out}\n`);
    return 0;
  }
  if (outTarget && fileOutput !== undefined) {
    await writeOutput(outTarget, fileOutput);
    io.stderr(`已写入填好的文稿 ${options.out}（UTF-8）/ filled draft written to ${options.out}\n`);
  }
  io.stdout(output);
  return 0;
}

/** One line for an error nobody planned for; the stack trace only with --debug. */
export function unexpectedErrorLine(error: unknown, debug: boolean): string {
  if (
    error instanceof RangeError &&
    /call stack|Invalid array length|allocation/i.test(error.message)
  )
    return `工作簿或文稿的结构过于庞大或嵌套过深，无法处理 / the workbook or draft is too large or too deeply nested to process (${error.message})\n`;
  const detail =
    error instanceof Error ? error.message.split("\n")[0] : String(error).split("\n")[0];
  const line = `内部错误，无法完成：${detail} / internal error, could not finish: ${detail}\n`;
  if (!debug) return line;
  const stack = error instanceof Error && error.stack ? error.stack : String(error);
  return `${line}${stack}\n`;
}

/** Exit code 0 when it ran (findings or not), 2 on unusable input and on any error. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const debug = argv.includes("--debug");
  try {
    const command = parseCommand(argv);
    switch (command.command) {
      case "report":
        return await run(command, io);
      case "batch":
        return await runBatch(command, io);
      case "rollup": {
        const { runRollup } = await import("./rollup");
        return await runRollup(command, io, io === processIo && process.stderr.isTTY === true);
      }
      default:
        return await runDraft(command, io);
    }
  } catch (error) {
    if (error instanceof UsageError || isWorkbookReadError(error)) {
      io.stderr(`${oneLine(error.message)}\n`);
      return 2;
    }
    io.stderr(unexpectedErrorLine(error, debug));
    return 2;
  }
}

/** Messages carry file and sheet names, which may hold line breaks and controls: one inert line. */
function oneLine(text: string): string {
  return inertLine(text);
}
