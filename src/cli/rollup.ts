/**
 * `indicator-report rollup <files or folders…>`: every sub-district's workbook into one
 * district summary. The inputs are only read; the 汇总 workbook, the report and the Word file
 * are written where asked, never over an input.
 */
import { readdir, realpath, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { EngineOptions, resolveOptions } from "../core";
import { UnitInput, UnreadFile, districtReport, districtTitle, rollUp } from "../core/rollup";
import { isRollupWorkbook } from "../core/rollup/layout";
import { readWorkbookFile } from "../xlsx/read-file";
import { UsageError } from "./args";
import type { RollupOptions } from "./args";
import { NamedPath, OutputTarget, checkOutputs, writeOutput } from "./files";
import { UnitRead, readUnits } from "./read-units";
import { writeRollupWorkbook } from "./rollup-workbook";
import { UnitWorkers, workerCount } from "./unit-workers";
import { renderRollupMarkdown, renderRollupText, rollupJson } from "./render-rollup";
import type { CliIo } from "./main";

const WORKBOOK_FILE = /\.(xlsx|xlsm)$/i;

/**
 * The workbooks named: files as given, folders by their .xlsx files (not Office's ~$ locks).
 * `replaceable` says which files found in a folder are left out because they will be replaced
 * (an earlier roll-up of this tool at the output's path); every other file stays an input, so
 * that the output check refuses to write over it.
 */
export async function expandInputs(
  paths: string[],
  replaceable: (path: string) => Promise<boolean> = async () => false
): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info?.isDirectory()) {
      files.push(path);
      continue;
    }
    const names = (await readdir(path))
      .filter((n) => WORKBOOK_FILE.test(n) && !n.startsWith("~$") && !n.startsWith("."))
      .sort((a, b) => a.localeCompare(b, "zh-CN"));
    for (const name of names) {
      const full = join(path, name);
      if (!(await replaceable(full))) files.push(full);
    }
  }
  if (files.length === 0)
    throw new UsageError(
      "没有找到要汇总的工作簿（.xlsx）：请指定文件或包含它们的文件夹",
      "no workbooks (.xlsx) to roll up: name files or folders that hold them"
    );
  return files;
}

/** Whether a file is a roll-up this tool wrote (it may be replaced; it is never a unit). */
async function isOwnRollup(path: string): Promise<boolean> {
  try {
    const workbook = await readWorkbookFile(path);
    return isRollupWorkbook(workbook.sheets.map((s) => s.name));
  } catch {
    return false;
  }
}

/** Progress on stderr for a person at a terminal: "已读取 12/30 …", on one line. */
function progressOn(io: CliIo, quiet: boolean, tty: boolean) {
  if (quiet || !tty) return undefined;
  return (done: number, total: number, file: string) =>
    io.stderr(`\r已读取 ${done}/${total} ${file}${done === total ? "\n" : ""}`);
}

function nothingToRollUp(unread: UnreadFile[], skipped: string[]): UsageError {
  const zh = [
    ...unread.map((u) => `${u.file}：${u.message}`),
    ...skipped.map((f) => `${f}：汇总工作簿`),
  ];
  const en = [
    ...unread.map((u) => `${u.file}: ${u.messageEn}`),
    ...skipped.map((f) => `${f}: a roll-up`),
  ];
  return new UsageError(
    `没有可汇总的工作簿（${zh.join("；")}）`,
    `no workbook to roll up (${en.join("; ")})`
  );
}

export async function runRollup(options: RollupOptions, io: CliIo, tty: boolean): Promise<number> {
  const outputs: NamedPath[] = [];
  if (options.out) outputs.push({ path: options.out, zh: "汇总工作簿", en: "summary workbook" });
  if (options.docx) outputs.push({ path: options.docx, zh: "Word报告", en: "Word report" });
  const real = (path: string) => realpath(path).catch(() => resolve(path));
  const outputPaths = await Promise.all(outputs.map((o) => real(o.path)));
  const files = await expandInputs(
    options.inputs,
    async (path) => outputPaths.includes(await real(path)) && (await isOwnRollup(path))
  );
  const targets = await checkOutputs(
    files.map((path) => ({ path, zh: "工作簿", en: "workbook" })),
    outputs,
    options.force
  );
  const engine = {
    ...(options.period !== undefined ? { period: options.period } : {}),
    ...(options.decimals !== undefined ? { decimals: options.decimals } : {}),
  };
  const workers = UnitWorkers.start(workerCount(files.length, options.jobs), engine);
  try {
    const reads = await readUnits(files, {
      engine,
      progress: progressOn(io, options.quiet, tty),
      ...(workers ? { workers } : {}),
    });
    return await rollUpReads(reads, { options, engine, targets, io, workers });
  } finally {
    await workers?.close();
  }
}

interface RollupRun {
  options: RollupOptions;
  engine: EngineOptions;
  targets: OutputTarget[];
  io: CliIo;
  workers: UnitWorkers | undefined;
}

async function rollUpReads(reads: UnitRead[], run: RollupRun): Promise<number> {
  const { options, io, targets } = run;
  const inputs: UnitInput[] = [];
  const unread: UnreadFile[] = [];
  const skipped: string[] = [];
  for (const r of reads) {
    if (r.kind === "unit") inputs.push(r.input);
    else if (r.kind === "unread") unread.push(r.unread);
    else skipped.push(r.file);
  }
  if (inputs.length === 0) throw nothingToRollUp(unread, skipped);
  const resolved = resolveOptions(run.engine);
  const rollup = rollUp(inputs, unread, resolved, skipped);
  // The workbook is made (by a worker, when there are) while this thread writes the report.
  const workbook = options.out
    ? writeRollupWorkbook(rollup, districtTitle(rollup, resolved), run.workers)
    : undefined;
  workbook?.catch(() => undefined); // its failure is reported where it is awaited, below
  const report = districtReport(rollup, resolved);
  const output =
    options.format === "json"
      ? `${JSON.stringify(rollupJson(rollup, report), null, 2)}\n`
      : options.format === "md"
        ? renderRollupMarkdown(rollup, report, resolved)
        : renderRollupText(rollup, report, resolved);
  io.stdout(output);
  let t = 0;
  if (workbook) {
    await writeOutput(targets[t++], await workbook);
    io.stderr(`已写入汇总工作簿 ${options.out} / summary workbook written to ${options.out}\n`);
  }
  if (options.docx) {
    const { reportToBuffer } = await import("../docx/export-docx");
    await writeOutput(targets[t++], await reportToBuffer(report));
    io.stderr(`已写入Word报告 ${options.docx} / Word report written to ${options.docx}\n`);
  }
  // 1: it ran, but some files could not be read (they are named above).
  return unread.length > 0 ? 1 : 0;
}
