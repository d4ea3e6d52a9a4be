/**
 * Analysis off the main thread, for big workbooks.
 *
 * The host reads the workbook on the main thread (Office.js lives there only); a workbook of at
 * least WORKER_MIN_CELLS cells is then handed, as the plain WorkbookModel, to a Web Worker
 * (analysis.worker.ts), which analyses it, reads its outline and writes its report, saying how
 * far it has got. Smaller workbooks stay on the main thread, where they take less time than a
 * worker's start and the copies to it and back.
 *
 * Protocol (one request, then replies of the same id, in this order):
 *   → { type: "analyse", id, workbook, options }
 *   ← { type: "progress", id, step: 1, steps: 2 }   analysing the sheets
 *   ← { type: "analysis", id, analysis, outline }   the 概览 and 校验 can show
 *   ← { type: "progress", id, step: 2, steps: 2 }   writing the report
 *   ← { type: "report", id, report }                the 报告 and 文稿 tabs
 *   ← { type: "failed", id, error }                 the engine threw
 * An error written for the user (a ReportError, or one with messageZh) is the session's error, as on
 * the main thread. A worker that cannot start, crashes, cannot clone a message, or fails with
 * any other error (a function the worker's engine lacks, say, in an old WPS webview, where the
 * page's polyfills do not reach the worker) is "unavailable": the session analyses on the main
 * thread instead, from then on, and what the main thread finds is what the pane shows.
 *
 * This file holds no browser globals: the worker's side (handleRequest) and the page's side
 * (AnalysisWorkerClient) are tested with a fake worker.
 */
import type { analyzeWorkbook } from "../../core/index";
import type { Analysis, EngineOptions } from "../../core/model";
import type { Outline } from "../../core/report/writing/outline";
import type { Report } from "../../core/report/writing/report";
import type { WorkbookModel } from "../../core/workbook";

/**
 * Workbooks with at least this many cells (cells that hold something) are analysed in a
 * worker. Measured on 2 cores: the 10 000-indicator bench workbook has about 60 000 cells,
 * analysed and its report written in about 200 ms, and copied to the worker and back in about
 * as long (of which the main thread does about half); 2 500 indicators, about 15 000 cells, in
 * 50 to 150 ms; a ledger of a few hundred indicators, a few thousand cells, in tens of ms, less
 * than a worker's start and the copies.
 */
export const WORKER_MIN_CELLS = 20_000;

/** The analysis' steps, as progress counts them. */
export const ANALYSIS_STEPS = 2;

/** Step 1: analysing the sheets; step 2: writing the report. */
export type AnalysisStep = 1 | 2;

export interface AnalysisProgress {
  step: AnalysisStep;
  steps: number;
  /** Sheets of the workbook, for the text ("正在分析 10 张工作表…"). */
  sheets: number;
  /** Where the analysis runs. */
  runner: "worker" | "main";
}

export interface AnalyseRequest {
  type: "analyse";
  id: number;
  workbook: WorkbookModel;
  options: EngineOptions;
}

/** An error as it crosses to the page: the messages written for the user, when there are. */
export interface WorkerError {
  message: string;
  messageZh?: string;
  messageEn?: string;
  /** Written for the user (a ReportError, or messages of its own), not a failure of the code. */
  forUser: boolean;
}

export type WorkerReply =
  | { type: "progress"; id: number; step: AnalysisStep; steps: number }
  | { type: "analysis"; id: number; analysis: Analysis; outline?: Outline }
  | { type: "report"; id: number; report: Report }
  | { type: "failed"; id: number; error: WorkerError };

/** Cells that hold something, over every sheet. */
export function cellCount(workbook: WorkbookModel): number {
  let count = 0;
  for (const sheet of workbook.sheets)
    for (const row of sheet.rows) if (row) for (const cell of row) if (cell) count++;
  return count;
}

/** Whether this page can start a worker at all (every engine the pane supports can). */
export function workerSupported(scope: { Worker?: unknown } = globalThis): boolean {
  return typeof scope.Worker === "function";
}

export function needsWorker(workbook: WorkbookModel, minCells = WORKER_MIN_CELLS): boolean {
  return cellCount(workbook) >= minCells;
}

// ---------------------------------------------------------------------------
// The worker's side

/** What the worker computes with: the engine, the outline and the report code. */
export interface AnalysisTools {
  analyzeWorkbook: typeof analyzeWorkbook;
  withoutReportConfig(workbook: WorkbookModel): WorkbookModel;
  parseOutline(workbook: WorkbookModel, analysis: Analysis): Outline;
  defaultOutline(analysis: Analysis): Outline;
  buildReport(analysis: Analysis, outline: Outline): Report;
}

function errorOf(error: unknown): WorkerError {
  const e = (error ?? {}) as {
    message?: unknown;
    messageZh?: unknown;
    messageEn?: unknown;
    zh?: unknown;
    en?: unknown;
  };
  const out: WorkerError = {
    message: typeof e.message === "string" ? e.message : String(error),
    forUser:
      typeof e.messageZh === "string" || (typeof e.zh === "string" && typeof e.en === "string"),
  };
  // A ReportError's own texts (core/errors.ts), else an adapter's messageZh / messageEn.
  const zh = typeof e.zh === "string" ? e.zh : e.messageZh;
  const en = typeof e.en === "string" ? e.en : e.messageEn;
  if (typeof zh === "string") out.messageZh = zh;
  if (typeof en === "string") out.messageEn = en;
  return out;
}

/** Answers one request (analysis.worker.ts calls it on each message). */
export function handleRequest(
  request: AnalyseRequest,
  tools: AnalysisTools,
  post: (reply: WorkerReply) => void
): void {
  const { id, workbook, options } = request;
  try {
    post({ type: "progress", id, step: 1, steps: ANALYSIS_STEPS });
    const analysis = tools.analyzeWorkbook(tools.withoutReportConfig(workbook), options);
    let outline: Outline | undefined;
    try {
      outline = tools.parseOutline(workbook, analysis);
    } catch (error) {
      console.warn("指标报告助手: the report outline could not be read", error);
    }
    post({ type: "analysis", id, analysis, outline });
    post({ type: "progress", id, step: 2, steps: ANALYSIS_STEPS });
    const report = tools.buildReport(analysis, outline ?? tools.defaultOutline(analysis));
    post({ type: "report", id, report });
  } catch (error) {
    post({ type: "failed", id, error: errorOf(error) });
  }
}

// ---------------------------------------------------------------------------
// The page's side

/** The part of a Web Worker the client uses. */
export interface WorkerLike {
  postMessage(message: AnalyseRequest): void;
  addEventListener(type: "message", listener: (event: { data: WorkerReply }) => void): void;
  addEventListener(type: "error" | "messageerror", listener: (event: unknown) => void): void;
  terminate(): void;
}

/** The worker could not start, crashed or could not take the workbook: use the main thread. */
export class WorkerUnavailable extends Error {
  constructor(readonly reason: string) {
    super(`the analysis worker is unavailable: ${reason}`);
    this.name = "WorkerUnavailable";
  }
}

/** An error the engine threw inside the worker, with its messages for the user. */
export class WorkerAnalysisError extends Error {
  readonly messageZh?: string;
  readonly messageEn?: string;

  constructor(error: WorkerError) {
    super(error.message);
    this.name = "WorkerAnalysisError";
    if (error.messageZh !== undefined) this.messageZh = error.messageZh;
    if (error.messageEn !== undefined) this.messageEn = error.messageEn;
  }
}

export interface RunHandlers {
  onProgress(step: AnalysisStep, steps: number): void;
  /** The analysis and outline, before the report is written. */
  onAnalysis(analysis: Analysis, outline: Outline | undefined): void;
}

interface Pending {
  handlers: RunHandlers;
  resolve: (report: Report) => void;
  reject: (error: Error) => void;
}

/**
 * One worker for a session, started on first use and kept for the next refresh. run() resolves
 * with the report once written (after onAnalysis), rejects with WorkerAnalysisError when the
 * engine threw, and with WorkerUnavailable when the worker cannot be used (from then on too).
 */
export class AnalysisWorkerClient {
  private worker?: WorkerLike;
  private starting?: Promise<WorkerLike>;
  private broken?: string;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly spawn: () => WorkerLike | Promise<WorkerLike>) {}

  /** False once the worker has failed: the caller should not ask again. */
  get usable(): boolean {
    return this.broken === undefined;
  }

  private start(): Promise<WorkerLike> {
    this.starting ??= (async () => {
      const worker = await this.spawn();
      worker.addEventListener("message", (event) => this.reply(event.data));
      worker.addEventListener("error", (event) => this.fail(describeEvent(event, "error")));
      worker.addEventListener("messageerror", () => this.fail("a reply could not be read"));
      this.worker = worker;
      return worker;
    })();
    return this.starting;
  }

  async run(
    workbook: WorkbookModel,
    options: EngineOptions,
    handlers: RunHandlers
  ): Promise<Report> {
    if (this.broken !== undefined) throw new WorkerUnavailable(this.broken);
    let worker: WorkerLike;
    try {
      worker = await this.start();
    } catch (error) {
      this.fail(`it could not start (${error instanceof Error ? error.message : String(error)})`);
      throw new WorkerUnavailable(this.broken ?? "it could not start");
    }
    if (this.broken !== undefined) throw new WorkerUnavailable(this.broken);
    const id = this.nextId++;
    return new Promise<Report>((resolve, reject) => {
      this.pending.set(id, { handlers, resolve, reject });
      try {
        worker.postMessage({ type: "analyse", id, workbook, options });
      } catch (error) {
        // DataCloneError: something in the model the worker cannot be given.
        this.fail(
          `the workbook could not be sent (${error instanceof Error ? error.message : String(error)})`
        );
      }
    });
  }

  private reply(reply: WorkerReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    switch (reply.type) {
      case "progress":
        pending.handlers.onProgress(reply.step, reply.steps);
        return;
      case "analysis":
        pending.handlers.onAnalysis(reply.analysis, reply.outline);
        return;
      case "report":
        this.pending.delete(reply.id);
        pending.resolve(reply.report);
        return;
      case "failed":
        if (!reply.error.forUser) {
          this.fail(`the analysis failed in the worker (${reply.error.message})`);
          return;
        }
        this.pending.delete(reply.id);
        pending.reject(new WorkerAnalysisError(reply.error));
        return;
    }
  }

  /** The worker is of no more use: every run waiting on it is told so. */
  private fail(reason: string): void {
    this.broken ??= reason;
    this.dispose();
  }

  /** Stops the worker (runs still waiting are told it is unavailable); not used after this. */
  dispose(): void {
    this.broken ??= "closed";
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const p of waiting) p.reject(new WorkerUnavailable(this.broken));
    const worker = this.worker;
    this.worker = undefined;
    if (!worker) return;
    try {
      worker.terminate();
    } catch {
      // already gone
    }
  }
}

function describeEvent(event: unknown, fallback: string): string {
  const message = (event as { message?: unknown } | undefined)?.message;
  return typeof message === "string" && message ? message : fallback;
}
