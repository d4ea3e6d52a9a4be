/**
 * The task pane's state, apart from React: reads the workbook through a WorkbookHost, analyses
 * it with the current settings, notices changes (stale → automatic refresh) and keeps the
 * latest result. Components subscribe to it (useSyncExternalStore); tests drive it directly.
 *
 * A workbook may carry the report's outline on a 报告配置 sheet (src/core/report/outline.ts):
 * the analysis is of the workbook without it (the outline is no indicator table), and the
 * outline read from it is kept beside the analysis. The outline code is loaded on its own
 * (import()), while the workbook is read, so that it does not weigh on the task pane's first
 * load; should it fail to load, the whole workbook is analysed and there is no outline.
 *
 * The analysis comes in two steps: the analysis itself (with the outline), which the 概览 and
 * 校验 show at once, then the report written for the outline, which the 报告 and 文稿 tabs
 * share. A big workbook (../analysis/protocol.ts, WORKER_MIN_CELLS) is analysed in a Web
 * Worker, so that the pane stays responsive and shows its progress; a smaller one, or any when
 * no worker can run, on the main thread, yielding to the page between the steps.
 */
import type { analyzeWorkbook } from "../../core/index";
import { Analysis } from "../../core/model";
import type { Outline } from "../../core/report/writing/outline";
import type { Report } from "../../core/report/writing/report";
import { WorkbookModel } from "../../core/workbook";
import { isReportError } from "../../core/errors";
import { DEFAULT_SETTINGS, ReportSettings, WorkbookHost } from "../../host/workbook-host";
import {
  ANALYSIS_STEPS,
  AnalysisProgress,
  AnalysisStep,
  AnalysisWorkerClient,
  WORKER_MIN_CELLS,
  WorkerLike,
  WorkerUnavailable,
  needsWorker,
  workerSupported,
} from "../analysis/protocol";
import { loadEngine } from "../engine";
import { toEngineOptions } from "./settings";

export interface SessionError {
  /** Messages written for the user (WorkbookReadError has both), when there are any. */
  zh?: string;
  en?: string;
  /** The error's own message, for anything else. */
  detail: string;
}

export interface SessionState {
  phase: "loading" | "ready" | "error";
  /** Reading or analysing right now (the UI shows progress when this lasts). */
  busy: false | "reading" | "analysing";
  analysis?: Analysis;
  /**
   * The report's outline: from the 报告配置 sheet when the workbook has one (with findings
   * about it), else one section per category. Undefined until analysed, or when the outline
   * code could not be loaded.
   */
  outline?: Outline;
  /**
   * The report written for the outline (the 报告 and 文稿 tabs): undefined until written, a
   * moment after the analysis it belongs to.
   */
  report?: Report;
  /** How far the analysis has got, while it runs. */
  progress?: AnalysisProgress;
  /** Where the analysis shown ran. */
  runner?: AnalysisProgress["runner"];
  settings: ReportSettings;
  /** The workbook changed since the analysis shown. */
  stale: boolean;
  error?: SessionError;
  /** A settings save that failed (the settings still apply to this session). */
  saveError?: SessionError;
  /** Counts analyses, so views can tell a new result from the same one. */
  revision: number;
}

/** What the session needs of the report engine (src/core/report/outline.ts). */
export interface OutlineTools {
  withoutReportConfig(workbook: WorkbookModel): WorkbookModel;
  parseOutline(workbook: WorkbookModel, analysis: Analysis): Outline;
}

export function loadOutlineTools(): Promise<OutlineTools> {
  return import(/* webpackChunkName: "outline" */ "../../core/report/writing/outline");
}

export interface SessionOptions {
  /** Quiet time after a change before refreshing on its own (ms); 0 = never on its own. */
  autoRefreshMs?: number;
  /** The analysis (default: the engine chunk's analyzeWorkbook, loaded beside the read). */
  analyze?: typeof analyzeWorkbook;
  /** Lets the browser paint (e.g. a spinner) before a long synchronous analysis. */
  yieldToUi?: () => Promise<void>;
  /** Loads the outline code (default: loadOutlineTools, a separate chunk). */
  outlineTools?: () => Promise<OutlineTools>;
  /** Writes the report for an outline (default: the engine chunk's writeReport). */
  writeReport?: (analysis: Analysis, outline?: Outline) => Report;
  /**
   * Starts the analysis worker (default: ../analysis/spawn.ts when the page has Worker);
   * null: always the main thread.
   */
  worker?: (() => WorkerLike | Promise<WorkerLike>) | null;
  /** Workbooks of at least this many cells go to the worker (default WORKER_MIN_CELLS). */
  workerMinCells?: number;
}

/** The worker of the built pane, a chunk of its own (spawn.ts holds the bundler's syntax). */
function spawnDefaultWorker(): Promise<WorkerLike> {
  return import(/* webpackChunkName: "analysis-spawn" */ "../analysis/spawn").then((m) =>
    m.spawnAnalysisWorker()
  );
}

export const DEFAULT_AUTO_REFRESH_MS = 1500;

export function describeError(error: unknown): SessionError {
  if (isReportError(error)) return { detail: error.message, zh: error.zh, en: error.en };
  // An error that crossed from the worker is plain data with its messages (WorkerError).
  if (error && typeof error === "object") {
    const e = error as { messageZh?: unknown; messageEn?: unknown; message?: unknown };
    const described: SessionError = {
      detail: typeof e.message === "string" ? e.message : String(error),
    };
    if (typeof e.messageZh === "string") described.zh = e.messageZh;
    if (typeof e.messageEn === "string") described.en = e.messageEn;
    return described;
  }
  return { detail: String(error) };
}

/** The outline, or undefined (and a warning) should reading it fail. */
function outlineOf(
  tools: OutlineTools,
  workbook: WorkbookModel,
  analysis: Analysis
): Outline | undefined {
  try {
    return tools.parseOutline(workbook, analysis);
  } catch (error) {
    console.warn("指标报告助手: the report outline could not be read", error);
    return undefined;
  }
}

type Listener = () => void;

export class AnalysisSession {
  private state: SessionState = {
    phase: "loading",
    busy: false,
    settings: { ...DEFAULT_SETTINGS },
    stale: false,
    revision: 0,
  };
  private readonly listeners = new Set<Listener>();
  private workbook?: WorkbookModel;
  private unsubscribe?: () => void;
  private timer?: ReturnType<typeof setTimeout>;
  /** Increments per read, so that a slow read cannot overwrite a newer one. */
  private readSeq = 0;
  private disposed = false;
  private readonly autoRefreshMs: number;
  private readonly analyze?: typeof analyzeWorkbook;
  private readonly yieldToUi: () => Promise<void>;
  private readonly loadTools: () => Promise<OutlineTools>;
  private tools?: Promise<OutlineTools | undefined>;
  private readonly writeReport?: (analysis: Analysis, outline?: Outline) => Report;
  private readonly worker?: AnalysisWorkerClient;
  private readonly workerMinCells: number;
  /** Increments per analysis, so that only the latest one (of a read or settings) shows. */
  private runSeq = 0;

  constructor(
    private readonly host: WorkbookHost,
    options: SessionOptions = {}
  ) {
    this.autoRefreshMs = options.autoRefreshMs ?? DEFAULT_AUTO_REFRESH_MS;
    this.analyze = options.analyze;
    this.yieldToUi = options.yieldToUi ?? (() => new Promise((resolve) => setTimeout(resolve, 0)));
    this.loadTools = options.outlineTools ?? loadOutlineTools;
    this.writeReport = options.writeReport;
    const spawn =
      options.worker === undefined
        ? workerSupported()
          ? spawnDefaultWorker
          : null
        : options.worker;
    if (spawn) this.worker = new AnalysisWorkerClient(spawn);
    this.workerMinCells = options.workerMinCells ?? WORKER_MIN_CELLS;
  }

  /** Whether the next analysis of this workbook would run in the worker. */
  usesWorker(workbook: WorkbookModel): boolean {
    return this.worker?.usable === true && needsWorker(workbook, this.workerMinCells);
  }

  /** The outline code, loading once; undefined when it cannot be loaded. */
  private outlineTools(): Promise<OutlineTools | undefined> {
    this.tools ??= this.loadTools().catch((error: unknown) => {
      console.warn("指标报告助手: the report outline could not be loaded", error);
      return undefined;
    });
    return this.tools;
  }

  getState = (): SessionState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<SessionState>): void {
    if (this.disposed) return;
    this.state = { ...this.state, ...patch };
    for (const listener of [...this.listeners]) listener();
  }

  /** Loads the settings, reads and analyses, then listens for changes. */
  async start(): Promise<void> {
    void this.outlineTools();
    if (!this.analyze) loadEngine().catch(() => undefined); // its error shows at the analysis
    let settings: ReportSettings = { ...DEFAULT_SETTINGS };
    try {
      settings = await this.host.loadSettings();
    } catch {
      // Unreadable settings: the defaults will do.
    }
    this.set({ settings });
    this.unsubscribe = this.host.onChange(() => this.changed());
    await this.refresh();
  }

  /** Reads the workbook again and analyses it. */
  async refresh(): Promise<void> {
    this.clearTimer();
    const seq = ++this.readSeq;
    this.set({ busy: "reading" });
    let workbook: WorkbookModel;
    try {
      workbook = await this.host.read();
    } catch (error) {
      if (seq !== this.readSeq) return;
      this.set({ busy: false, phase: "error", error: describeError(error) });
      return;
    }
    if (seq !== this.readSeq) return;
    this.workbook = workbook;
    this.set({ stale: false });
    await this.reanalyse(seq);
  }

  /** Applies and saves new settings; re-analyses the workbook already read. */
  async applySettings(settings: ReportSettings): Promise<void> {
    this.set({ settings, saveError: undefined });
    const saving = this.host.saveSettings(settings).catch((error: unknown) => {
      this.set({ saveError: describeError(error) });
    });
    if (this.workbook && this.state.busy !== "reading") await this.reanalyse(this.readSeq);
    await saving;
  }

  private async reanalyse(seq: number): Promise<void> {
    const workbook = this.workbook;
    if (!workbook) return;
    const run = ++this.runSeq;
    const current = () => seq === this.readSeq && run === this.runSeq && !this.disposed;
    const progress = (step: AnalysisStep, runner: AnalysisProgress["runner"]) => ({
      step,
      steps: ANALYSIS_STEPS,
      sheets: workbook.sheets.length,
      runner,
    });
    if (this.usesWorker(workbook)) {
      this.set({ busy: "analysing", progress: progress(1, "worker") });
      if (await this.analyseInWorker(workbook, current, progress)) return;
      if (!current()) return;
    }
    this.set({ busy: "analysing", progress: progress(1, "main") });
    const tools = await this.outlineTools();
    let analyze = this.analyze;
    let writeReport = this.writeReport;
    if (!analyze || !writeReport) {
      try {
        const engine = await loadEngine();
        analyze ??= engine.analyzeWorkbook;
        writeReport ??= engine.writeReport;
      } catch (error) {
        if (current()) this.failed(error);
        return;
      }
    }
    await this.yieldToUi();
    if (!current()) return;
    let analysis: Analysis;
    let outline: Outline | undefined;
    try {
      analysis = analyze(
        tools ? tools.withoutReportConfig(workbook) : workbook,
        toEngineOptions(this.state.settings)
      );
      outline = tools && outlineOf(tools, workbook, analysis);
    } catch (error) {
      this.failed(error);
      return;
    }
    // A big workbook here (no worker): the 概览 paints before the report is written. A small
    // one shows with its report, in one step.
    const inSteps = needsWorker(workbook, this.workerMinCells);
    if (inSteps) {
      this.analysed(analysis, outline, progress(2, "main"));
      await this.yieldToUi();
      if (!current()) return;
    }
    let report: Report;
    try {
      report = writeReport(analysis, outline);
    } catch (error) {
      if (!inSteps) this.analysed(analysis, outline, progress(2, "main"));
      this.failed(error);
      return;
    }
    if (inSteps) this.set({ busy: false, progress: undefined, report });
    else this.analysed(analysis, outline, progress(2, "main"), { busy: false, report });
  }

  /**
   * The analysis in the worker; false when the worker cannot be used (the caller analyses on
   * the main thread).
   */
  private async analyseInWorker(
    workbook: WorkbookModel,
    current: () => boolean,
    progress: (step: AnalysisStep, runner: "worker") => AnalysisProgress
  ): Promise<boolean> {
    const worker = this.worker;
    if (!worker) return false;
    try {
      const report = await worker.run(workbook, toEngineOptions(this.state.settings), {
        onProgress: (step) => current() && this.set({ progress: progress(step, "worker") }),
        onAnalysis: (analysis, outline) =>
          current() && this.analysed(analysis, outline, progress(2, "worker")),
      });
      if (current()) this.set({ busy: false, progress: undefined, report });
    } catch (error) {
      if (error instanceof WorkerUnavailable) {
        console.warn("指标报告助手: analysing on the main thread,", error.message);
        return false;
      }
      if (current()) this.failed(error);
    }
    return true;
  }

  /** A new analysis: the 概览 and 校验 show it; its report is still to come. */
  private analysed(
    analysis: Analysis,
    outline: Outline | undefined,
    progress: AnalysisProgress,
    /** With its report at once: { busy: false, report }. */
    done?: { busy: false; report: Report }
  ): void {
    this.set({
      phase: "ready",
      analysis,
      outline,
      report: undefined,
      progress: done ? undefined : progress,
      runner: progress.runner,
      error: undefined,
      revision: this.state.revision + 1,
      ...done,
    });
  }

  private failed(error: unknown): void {
    this.set({ busy: false, progress: undefined, phase: "error", error: describeError(error) });
  }

  /** The host reports a change: the result is out of date; refresh after a quiet moment. */
  private changed(): void {
    if (this.disposed) return;
    this.set({ stale: true });
    this.clearTimer();
    if (this.autoRefreshMs > 0)
      this.timer = setTimeout(() => {
        this.timer = undefined;
        void this.refresh();
      }, this.autoRefreshMs);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  dispose(): void {
    this.clearTimer();
    this.worker?.dispose();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.disposed = true;
    this.listeners.clear();
  }
}
