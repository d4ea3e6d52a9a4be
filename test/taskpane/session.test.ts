import { analyzeWorkbook } from "../../src/core/index";
import { WorkbookModel } from "../../src/core/workbook";
import {
  DEFAULT_SETTINGS,
  InsertResult,
  ReportSettings,
  ReportSheetResult,
  WorkbookHost,
} from "../../src/host/workbook-host";
import { ReportError } from "../../src/core/errors";
import { AnalysisSession, describeError } from "../../src/taskpane/model/session";
import { sheet } from "../helpers/sheet";

function workbook(completed: number): WorkbookModel {
  return {
    sheets: [
      sheet("就业", [
        ["指标名称", "单位", "目标任务", "完成数"],
        ["城镇新增就业", "人", 1000, completed],
      ]),
    ],
  };
}

/** A host whose workbook, settings and failures the test controls. */
class FakeHost implements WorkbookHost {
  readonly kind = "excel" as const;
  readonly label = "当前工作簿";
  model: WorkbookModel = workbook(1126);
  reads = 0;
  readError?: Error;
  settings: ReportSettings = { ...DEFAULT_SETTINGS };
  saved: ReportSettings[] = [];
  settingsError?: Error;
  saveError?: Error;
  changeCallbacks: (() => void)[] = [];
  pendingRead?: { resolve: (m: WorkbookModel) => void };
  holdReads = false;

  async read(): Promise<WorkbookModel> {
    this.reads++;
    if (this.readError) throw this.readError;
    if (this.holdReads) return new Promise((resolve) => (this.pendingRead = { resolve }));
    return this.model;
  }
  async selectCell(): Promise<void> {}
  async insertIntoSelection(): Promise<InsertResult> {
    return { kind: "unsupported" };
  }
  async writeReportSheet(): Promise<ReportSheetResult> {
    return { kind: "unsupported" };
  }
  async loadSettings(): Promise<ReportSettings> {
    if (this.settingsError) throw this.settingsError;
    return this.settings;
  }
  async saveSettings(settings: ReportSettings): Promise<void> {
    if (this.saveError) throw this.saveError;
    this.saved.push(settings);
  }
  onChange(callback: () => void): () => void {
    this.changeCallbacks.push(callback);
    return () => (this.changeCallbacks = this.changeCallbacks.filter((c) => c !== callback));
  }
  fireChange(): void {
    for (const c of this.changeCallbacks) c();
  }
}

const immediate = () => Promise.resolve();

function completed(session: AnalysisSession): number | undefined {
  return session.getState().analysis?.indicators[0]?.actual?.value;
}

afterEach(() => jest.useRealTimers());

describe("AnalysisSession", () => {
  it("loads settings, reads and analyses", async () => {
    const host = new FakeHost();
    host.settings = { ...DEFAULT_SETTINGS, yearStyle: "chinese", period: 6 };
    const session = new AnalysisSession(host, { yieldToUi: immediate });
    const states: string[] = [];
    session.subscribe(() => states.push(`${session.getState().phase}/${session.getState().busy}`));
    await session.start();
    const state = session.getState();
    expect(state.phase).toBe("ready");
    expect(state.busy).toBe(false);
    expect(state.settings.period).toBe(6);
    expect(state.analysis?.months).toBe(6);
    expect(state.revision).toBe(1);
    expect(states).toContain("loading/reading");
    expect(states).toContain("loading/analysing");
    expect(completed(session)).toBe(1126);
  });

  it("does not read the 报告配置 sheet as an indicator table, and keeps its outline", async () => {
    const host = new FakeHost();
    host.model = {
      sheets: [
        ...workbook(1126).sheets,
        sheet("报告配置", [
          ["序号", "标题", "指标或类别"],
          ["一、", "就业工作", "城镇新增就业"],
        ]),
      ],
    };
    const session = new AnalysisSession(host, { yieldToUi: immediate });
    await session.start();
    const state = session.getState();
    expect(state.analysis?.tables.map((t) => t.sheet)).toEqual(["就业"]);
    expect(state.analysis?.indicators.map((i) => i.name)).toEqual(["城镇新增就业"]);
    expect(state.outline).toMatchObject({ source: "sheet", sheet: "报告配置", findings: [] });
    expect(state.outline?.sections.map((s) => s.title)).toEqual(["就业工作"]);

    host.model = workbook(1200);
    await session.refresh();
    expect(session.getState().outline?.source).toBe("default");
    expect(completed(session)).toBe(1200);
  });

  it("analyses the whole workbook when the outline code cannot be loaded", async () => {
    const host = new FakeHost();
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    const session = new AnalysisSession(host, {
      yieldToUi: immediate,
      outlineTools: () => Promise.reject(new Error("chunk failed")),
    });
    await session.start();
    expect(session.getState().phase).toBe("ready");
    expect(session.getState().outline).toBeUndefined();
    expect(completed(session)).toBe(1126);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it("falls back to default settings when they cannot be loaded", async () => {
    const host = new FakeHost();
    host.settingsError = new Error("no settings");
    const session = new AnalysisSession(host, { yieldToUi: immediate });
    await session.start();
    expect(session.getState().settings).toEqual(DEFAULT_SETTINGS);
    expect(session.getState().phase).toBe("ready");
  });

  it("reports a read error with the user's messages, and recovers on refresh", async () => {
    const host = new FakeHost();
    host.readError = Object.assign(new Error("bad"), { messageZh: "坏了", messageEn: "broken" });
    const session = new AnalysisSession(host, { yieldToUi: immediate });
    await session.start();
    expect(session.getState()).toMatchObject({
      phase: "error",
      busy: false,
      error: { zh: "坏了", en: "broken", detail: "bad" },
    });
    host.readError = undefined;
    await session.refresh();
    expect(session.getState().phase).toBe("ready");
    expect(session.getState().error).toBeUndefined();
  });

  it("marks the result stale on a change and refreshes after a quiet moment", async () => {
    jest.useFakeTimers();
    const host = new FakeHost();
    const session = new AnalysisSession(host, { autoRefreshMs: 1000, yieldToUi: immediate });
    await session.start();
    expect(host.reads).toBe(1);
    host.model = workbook(1200);
    host.fireChange();
    expect(session.getState().stale).toBe(true);
    await jest.advanceTimersByTimeAsync(600);
    host.fireChange(); // a second change restarts the wait
    await jest.advanceTimersByTimeAsync(600);
    expect(host.reads).toBe(1);
    expect(session.getState().stale).toBe(true);
    await jest.advanceTimersByTimeAsync(500);
    expect(host.reads).toBe(2);
    expect(session.getState().stale).toBe(false);
    expect(completed(session)).toBe(1200);
  });

  it("refreshes at once on request and then skips the pending automatic refresh", async () => {
    jest.useFakeTimers();
    const host = new FakeHost();
    const session = new AnalysisSession(host, { autoRefreshMs: 1000, yieldToUi: immediate });
    await session.start();
    host.fireChange();
    await session.refresh();
    expect(host.reads).toBe(2);
    await jest.advanceTimersByTimeAsync(2000);
    expect(host.reads).toBe(2);
  });

  it("stays stale without automatic refresh when it is switched off", async () => {
    jest.useFakeTimers();
    const host = new FakeHost();
    const session = new AnalysisSession(host, { autoRefreshMs: 0, yieldToUi: immediate });
    await session.start();
    host.fireChange();
    await jest.advanceTimersByTimeAsync(10_000);
    expect(session.getState().stale).toBe(true);
    expect(host.reads).toBe(1);
  });

  it("applies settings without reading again, and saves them", async () => {
    const host = new FakeHost();
    const session = new AnalysisSession(host, { yieldToUi: immediate });
    await session.start();
    const next = { ...DEFAULT_SETTINGS, yearStyle: "chinese" as const, decimals: 1 };
    await session.applySettings(next);
    expect(host.reads).toBe(1);
    expect(host.saved).toEqual([next]);
    expect(session.getState().analysis?.options).toMatchObject({
      yearStyle: "chinese",
      decimals: 1,
    });
    expect(session.getState().revision).toBe(2);
  });

  it("keeps applied settings when saving fails, and says so", async () => {
    const host = new FakeHost();
    host.saveError = new Error("read-only");
    const session = new AnalysisSession(host, { yieldToUi: immediate });
    await session.start();
    await session.applySettings({ ...DEFAULT_SETTINGS, decimals: 0 });
    expect(session.getState().settings.decimals).toBe(0);
    expect(session.getState().saveError?.detail).toBe("read-only");
    expect(session.getState().analysis?.options.decimals).toBe(0);
  });

  it("ignores a slow read overtaken by a newer one", async () => {
    const host = new FakeHost();
    const session = new AnalysisSession(host, { yieldToUi: immediate });
    await session.start();
    host.holdReads = true;
    const slow = session.refresh();
    const firstPending = host.pendingRead;
    const fast = session.refresh();
    const secondPending = host.pendingRead;
    secondPending?.resolve(workbook(2000));
    await fast;
    firstPending?.resolve(workbook(1));
    await slow;
    expect(completed(session)).toBe(2000);
  });

  it("stops listening when disposed", async () => {
    jest.useFakeTimers();
    const host = new FakeHost();
    const session = new AnalysisSession(host, { autoRefreshMs: 100, yieldToUi: immediate });
    await session.start();
    expect(host.changeCallbacks).toHaveLength(1);
    host.fireChange();
    session.dispose();
    expect(host.changeCallbacks).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(1000);
    expect(host.reads).toBe(1);
  });

  it("uses the engine given", async () => {
    const host = new FakeHost();
    const analyze = jest.fn(analyzeWorkbook);
    const session = new AnalysisSession(host, { analyze, yieldToUi: immediate });
    await session.start();
    expect(analyze).toHaveBeenCalledWith(host.model, {
      decimals: 2,
      scaleLargeAmounts: true,
      yearStyle: "arabic",
    });
  });
});

describe("describeError", () => {
  it("keeps the user's messages when an error has them", () => {
    expect(describeError(new Error("x"))).toEqual({ detail: "x" });
    expect(describeError("plain")).toEqual({ detail: "plain" });
    // The one error base: its Chinese and English texts, not the two glued together.
    expect(
      describeError(
        new ReportError("NO_WORKBOOK", { zh: "没有打开的工作簿", en: "no workbook is open" })
      )
    ).toEqual({
      detail: "没有打开的工作簿 / no workbook is open",
      zh: "没有打开的工作簿",
      en: "no workbook is open",
    });
  });
});
