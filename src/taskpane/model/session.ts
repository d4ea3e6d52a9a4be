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
 */
import type { analyzeWorkbook } from "../../core/index";
import { Analysis } from "../../core/model";
import type { Outline } from "../../core/report/outline";
import { WorkbookModel } from "../../core/workbook";
import { DEFAULT_SETTINGS, ReportSettings, WorkbookHost } from "../../host/workbook-host";
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
  return import(/* webpackChunkName: "outline" */ "../../core/report/outline");
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
}

export const DEFAULT_AUTO_REFRESH_MS = 1500;

export function describeError(error: unknown): SessionError {
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

  constructor(
    private readonly host: WorkbookHost,
    options: SessionOptions = {}
  ) {
    this.autoRefreshMs = options.autoRefreshMs ?? DEFAULT_AUTO_REFRESH_MS;
    this.analyze = options.analyze;
    this.yieldToUi = options.yieldToUi ?? (() => new Promise((resolve) => setTimeout(resolve, 0)));
    this.loadTools = options.outlineTools ?? loadOutlineTools;
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
    this.set({ busy: "analysing" });
    const tools = await this.outlineTools();
    let analyze = this.analyze;
    if (!analyze) {
      try {
        analyze = (await loadEngine()).analyzeWorkbook;
      } catch (error) {
        if (seq === this.readSeq)
          this.set({ busy: false, phase: "error", error: describeError(error) });
        return;
      }
    }
    await this.yieldToUi();
    if (seq !== this.readSeq || this.disposed) return;
    try {
      const analysis = analyze(
        tools ? tools.withoutReportConfig(workbook) : workbook,
        toEngineOptions(this.state.settings)
      );
      const outline = tools && outlineOf(tools, workbook, analysis);
      this.set({
        busy: false,
        phase: "ready",
        analysis,
        outline,
        error: undefined,
        revision: this.state.revision + 1,
      });
    } catch (error) {
      this.set({ busy: false, phase: "error", error: describeError(error) });
    }
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
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.disposed = true;
    this.listeners.clear();
  }
}
