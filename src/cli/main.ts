/** The command-line face: reads a workbook file, runs the engine, prints or writes the result. */
import { writeFile } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { analyzeWorkbook, toJsonReport } from "../core";
import { isWorkbookReadError, readWorkbookFile } from "../xlsx/read-file";
import { CliOptions, USAGE, UsageError, parseCliArgs } from "./args";
import { renderMarkdown, renderText } from "./render";

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

async function run(options: CliOptions, io: CliIo): Promise<number> {
  if (options.out && resolve(options.out) === resolve(options.workbook)) {
    throw new UsageError("输出文件不能是输入的工作簿本身", "--out must not be the input workbook");
  }
  const workbook = await readWorkbookFile(options.workbook);
  const analysis = analyzeWorkbook(workbook, {
    period: options.period,
    decimals: options.decimals,
    scaleLargeAmounts: options.scale,
    yearStyle: options.yearStyle,
  });
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
  return 0;
}

/** Exit code 0 when it ran (findings or not), 2 on unusable input. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  try {
    return await run(parseCliArgs(argv), io);
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
