/**
 * The task pane's state, apart from React: reads the workbook through a WorkbookHost, analyses
 * it with the current settings, notices changes (stale → automatic refresh) and keeps the
 * latest result. Components subscribe to it (useSyncExternalStore); tests drive it directly.
 */
import { analyzeWorkbook } from "../../core/index";
import { Analysis } from "../../core/model";
import { WorkbookModel } from "../../core/workbook";
import { DEFAULT_SETTINGS, ReportSettings, WorkbookHost } from "../../host/workbook-host";
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
  settings: ReportSettings;
  /** The workbook changed since the analysis shown. */
  stale: boolean;
  error?: SessionError;
  /** A settings save that failed (the settings still apply to this session). */
  saveError?: SessionError;
  /** Counts analyses, so views can tell a new result from the same one. */
  revision: number;
}

export interface SessionOptions {
  /** Quiet time after a change before refreshing on its own (ms); 0 = never on its own. */
  autoRefreshMs?: number;
  analyze?: typeof analyzeWorkbook;
  /** Lets the browser paint (e.g. a spinner) before a long synchronous analysis. */
  yieldToUi?: () => Promise<void>;
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
  private readonly analyze: typeof analyzeWorkbook;
  private readonly yieldToUi: () => Promise<void>;

  constructor(
    private readonly host: WorkbookHost,
    options: SessionOptions = {}
  ) {
    this.autoRefreshMs = options.autoRefreshMs ?? DEFAULT_AUTO_REFRESH_MS;
    this.analyze = options.analyze ?? analyzeWorkbook;
    this.yieldToUi = options.yieldToUi ?? (() => new Promise((resolve) => setTimeout(resolve, 0)));
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
    await this.yieldToUi();
    if (seq !== this.readSeq || this.disposed) return;
    try {
      const analysis = this.analyze(workbook, toEngineOptions(this.state.settings));
      this.set({
        busy: false,
        phase: "ready",
        analysis,
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
