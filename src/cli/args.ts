/**
 * Command-line arguments:
 *   indicator-report <workbook.xlsx> [--period 1-10] [--format text|md|json] [--out FILE] [--docx FILE]
 *   indicator-report fill <draft.txt> <workbook.xlsx> [--format text|json] [--out FILE]
 *   indicator-report check <draft.txt> <workbook.xlsx> [--format text|json] [--out FILE]
 * and everywhere --force (replace an existing output) and --debug (stack trace of an unexpected error).
 */
import { ParseArgsConfig, parseArgs } from "node:util";
import { ReportError } from "../core/errors";

export type OutputFormat = "text" | "md" | "json";

export interface CliOptions {
  workbook: string;
  period?: number;
  format: OutputFormat;
  out?: string;
  decimals?: number;
  scale: boolean;
  yearStyle: "arabic" | "chinese";
  /** Also write the report as a Word document. */
  docx?: string;
  /** Replace existing output files. */
  force: boolean;
  /** Print the stack trace of an unexpected error. */
  debug: boolean;
}

/** `fill` and `check`: a draft (text) and the workbook to take or compare numbers with. */
export interface DraftCommandOptions {
  command: "fill" | "check";
  draft: string;
  workbook: string;
  format: "text" | "json";
  out?: string;
  period?: number;
  decimals?: number;
  force: boolean;
  debug: boolean;
}

/** `rollup`: many units' workbooks (files or folders) into one district summary. */
export interface RollupOptions {
  command: "rollup";
  inputs: string[];
  format: OutputFormat;
  /** The 汇总 workbook to write. */
  out?: string;
  docx?: string;
  period?: number;
  decimals?: number;
  /** Worker threads (default: the machine's cores when there are more files than cores). */
  jobs?: number;
  quiet: boolean;
  force: boolean;
  debug: boolean;
}

export type Command =
  | ({ command: "report" } & CliOptions)
  | ({ command: "batch"; workbooks: string[] } & CliOptions)
  | DraftCommandOptions
  | RollupOptions;

/** A usage problem: reported on one line in Chinese and English, exit code 2. */
export class UsageError extends ReportError {
  constructor(zh: string, en: string) {
    super("USAGE", { zh, en });
    this.name = "UsageError";
  }
}

export const USAGE = `用法 / usage:
  indicator-report <工作簿.xlsx> [--period 1-10] [--format text|md|json] [--out 文件] [--docx 报告.docx]
  indicator-report fill <文稿.txt> <工作簿.xlsx> [--format text|json] [--out 文件]
  indicator-report check <文稿.txt> <工作簿.xlsx> [--format text|json] [--out 文件]
  indicator-report rollup <工作簿或文件夹…> [--out 汇总.xlsx] [--format text|md|json] [--docx 汇总.docx] [--period 1-10]
  indicator-report <a.xlsx> <b.xlsx> …（或文件夹） [--format text|json] [--out 文件夹]

  fill       把文稿中的X（X人、X%、X万元…）换成工作簿中的数，只填能确定的，并逐处说明
  check      核对文稿中的数与工作簿是否一致（数值、万/亿、完成率、增长）
  rollup     把各街道（社区、镇）的工作簿汇总为全区：合计、完成率、增长、排名、问题和全区段落；
             --out 写入汇总工作簿（含公式），--quiet 不显示进度，--jobs 并行读取的线程数
  多个工作簿  逐个分析；JSON 为数组；--out 为文件夹时每个工作簿写一份报告；有文件失败时退出码为1
  --period   报告期，如 1-10 表示1—10月（默认取表头中的期别，否则为全年）
  --format   输出格式：text（默认）、md（仅报告）、json
  --out      写入文件而不是屏幕（fill 的 text 格式：写入填好的文稿）
  --docx     另存Word报告（按“报告配置”工作表的大纲，没有则按类别）
  --decimals 百分比与金额的小数位数（默认2）
  --no-scale 大额金额不换算为万元/亿元
  --year-style chinese  年份写作二〇二三年
  --force    允许替换已存在的输出文件（输入的工作簿和文稿永远不会被覆盖）
  --debug    出现意外错误时显示调试信息`;

/** "1-10", "1—10", "1~10", "10", "1-10月" → 10. */
export function parsePeriod(text: string): number {
  const normalized = text.normalize("NFKC").replace(/月$/, "").trim();
  const match = /^(?:1\s*[-—–~至到]\s*)?(\d{1,2})$/.exec(normalized);
  const months = match ? Number(match[1]) : NaN;
  if (!Number.isInteger(months) || months < 1 || months > 12) {
    throw new UsageError(
      `报告期“${text}”无效，应为1-1到1-12之间，如 --period 1-10`,
      `invalid period "${text}"; use 1-1 to 1-12, e.g. --period 1-10`
    );
  }
  return months;
}

/** node:util parseArgs, with its errors as a UsageError in both languages. */
function parseOrExplain<T extends ParseArgsConfig["options"]>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options, strict: true });
  } catch (error) {
    throw new UsageError(
      `参数有误：${(error as Error).message}`,
      `bad arguments: ${(error as Error).message}`
    );
  }
}

const REPORT_OPTIONS = {
  period: { type: "string", short: "p" },
  format: { type: "string", short: "f", default: "text" },
  out: { type: "string", short: "o" },
  decimals: { type: "string" },
  "no-scale": { type: "boolean", default: false },
  "year-style": { type: "string", default: "arabic" },
  docx: { type: "string" },
  force: { type: "boolean", default: false },
  debug: { type: "boolean", default: false },
} as const;

export function parseCliArgs(argv: string[]): CliOptions {
  const parsed = parseOrExplain(argv, REPORT_OPTIONS);
  const { values, positionals } = parsed;
  if (positionals.length === 0) {
    throw new UsageError("请指定一个 .xlsx 工作簿文件", "give exactly one .xlsx workbook");
  }
  const format = values.format as string;
  if (format !== "text" && format !== "md" && format !== "json") {
    throw new UsageError(
      `不支持的输出格式“${format}”，可选 text、md、json`,
      `unknown format "${format}"; use text, md or json`
    );
  }
  const yearStyle = values["year-style"];
  if (yearStyle !== "arabic" && yearStyle !== "chinese") {
    throw new UsageError(
      `--year-style 只能是 arabic 或 chinese`,
      `--year-style must be arabic or chinese`
    );
  }
  const options: CliOptions = {
    workbook: positionals[0],
    format,
    scale: !values["no-scale"],
    yearStyle,
    force: values.force === true,
    debug: values.debug === true,
  };
  if (values.period !== undefined) options.period = parsePeriod(values.period);
  if (values.out !== undefined) options.out = values.out;
  if (values.docx !== undefined) options.docx = values.docx;
  if (values.decimals !== undefined) {
    const decimals = Number(values.decimals);
    if (!Number.isInteger(decimals) || decimals < 0 || decimals > 4) {
      throw new UsageError(`小数位数应为0—4`, `--decimals must be 0 to 4`);
    }
    options.decimals = decimals;
  }
  return options;
}

/** The report command, or `fill` / `check` when the first word says so. */
export function parseCommand(argv: string[]): Command {
  const [first, ...rest] = argv;
  if (first === "fill" || first === "check") return parseDraftArgs(first, rest);
  if (first === "rollup") return parseRollupArgs(rest);
  const options = parseCliArgs(argv);
  const workbooks = parseOrExplain(argv, REPORT_OPTIONS).positionals;
  if (workbooks.length > 1) {
    if (options.docx)
      throw new UsageError(
        "多个工作簿时不能用 --docx；请逐个生成Word报告，或用 rollup --docx 生成汇总报告",
        "--docx takes one workbook; use rollup --docx for a district report"
      );
    return { command: "batch", workbooks, ...options };
  }
  return { command: "report", ...options };
}

function parseDraftArgs(command: "fill" | "check", argv: string[]): DraftCommandOptions {
  const parsed = parseOrExplain(argv, {
    period: { type: "string", short: "p" },
    format: { type: "string", short: "f", default: "text" },
    out: { type: "string", short: "o" },
    decimals: { type: "string" },
    force: { type: "boolean", default: false },
    debug: { type: "boolean", default: false },
  });
  const { values, positionals } = parsed;
  if (positionals.length !== 2) {
    throw new UsageError(
      `请指定文稿和工作簿：indicator-report ${command} 文稿.txt 工作簿.xlsx`,
      `give a draft and a workbook: indicator-report ${command} DRAFT.txt WORKBOOK.xlsx`
    );
  }
  const format = values.format as string;
  if (format !== "text" && format !== "json") {
    throw new UsageError(
      `不支持的输出格式“${format}”，可选 text、json`,
      `unknown format "${format}"; use text or json`
    );
  }
  const options: DraftCommandOptions = {
    command,
    draft: positionals[0],
    workbook: positionals[1],
    format,
    force: values.force === true,
    debug: values.debug === true,
  };
  if (values.out !== undefined) options.out = values.out;
  if (values.period !== undefined) options.period = parsePeriod(values.period);
  if (values.decimals !== undefined) {
    const decimals = Number(values.decimals);
    if (!Number.isInteger(decimals) || decimals < 0 || decimals > 4) {
      throw new UsageError(`小数位数应为0—4`, `--decimals must be 0 to 4`);
    }
    options.decimals = decimals;
  }
  return options;
}

function parseDecimals(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const decimals = Number(text);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 4) {
    throw new UsageError(`小数位数应为0—4`, `--decimals must be 0 to 4`);
  }
  return decimals;
}

function parseRollupArgs(argv: string[]): RollupOptions {
  const { values, positionals } = parseOrExplain(argv, {
    period: { type: "string", short: "p" },
    format: { type: "string", short: "f", default: "text" },
    out: { type: "string", short: "o" },
    docx: { type: "string" },
    decimals: { type: "string" },
    jobs: { type: "string" },
    quiet: { type: "boolean", short: "q", default: false },
    force: { type: "boolean", default: false },
    debug: { type: "boolean", default: false },
  });
  if (positionals.length === 0)
    throw new UsageError(
      "请指定要汇总的工作簿或文件夹：indicator-report rollup 各街道/ --out 汇总.xlsx",
      "name the workbooks or folders to roll up: indicator-report rollup units/ --out summary.xlsx"
    );
  const format = values.format as string;
  if (format !== "text" && format !== "md" && format !== "json")
    throw new UsageError(
      `不支持的输出格式“${format}”，可选 text、md、json`,
      `unknown format "${format}"; use text, md or json`
    );
  if (values.out !== undefined && !/\.xlsx$/i.test(values.out))
    throw new UsageError(
      `--out 应为 .xlsx 文件（汇总工作簿），收到“${values.out}”`,
      `--out must be an .xlsx file (the summary workbook), got "${values.out}"`
    );
  const options: RollupOptions = {
    command: "rollup",
    inputs: positionals,
    format,
    quiet: values.quiet === true,
    force: values.force === true,
    debug: values.debug === true,
  };
  if (values.out !== undefined) options.out = values.out;
  if (values.docx !== undefined) options.docx = values.docx;
  if (values.period !== undefined) options.period = parsePeriod(values.period);
  const decimals = parseDecimals(values.decimals);
  if (decimals !== undefined) options.decimals = decimals;
  if (values.jobs !== undefined) {
    const jobs = Number(values.jobs);
    if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64)
      throw new UsageError(`--jobs 应为1—64的整数`, `--jobs must be a whole number from 1 to 64`);
    options.jobs = jobs;
  }
  return options;
}
