/**
 * Analysis off the main thread (src/taskpane/analysis/protocol.ts): which workbooks go to the
 * worker, what the worker answers and in which order, the page's client over a fake worker
 * (each message copied with structuredClone, as postMessage does), and the session's fallback
 * to the main thread when the worker cannot start, crashes or cannot take the workbook.
 */
import { ReportError } from "../../src/core/errors";
import { analyzeWorkbook } from "../../src/core/index";
import {
  defaultOutline,
  parseOutline,
  withoutReportConfig,
} from "../../src/core/report/writing/outline";
import { buildReport } from "../../src/core/report/writing/report";
import { WorkbookModel } from "../../src/core/workbook";
import {
  DEFAULT_SETTINGS,
  InsertResult,
  ReportSettings,
  ReportSheetResult,
  WorkbookHost,
} from "../../src/host/workbook-host";
import {
  AnalyseRequest,
  AnalysisTools,
  AnalysisWorkerClient,
  WORKER_MIN_CELLS,
  WorkerLike,
  WorkerReply,
  WorkerUnavailable,
  cellCount,
  handleRequest,
  needsWorker,
  workerSupported,
} from "../../src/taskpane/analysis/protocol";
import { AnalysisSession, SessionState } from "../../src/taskpane/model/session";
import { sheet } from "../helpers/sheet";

const TOOLS: AnalysisTools = {
  analyzeWorkbook,
  withoutReportConfig,
  parseOutline,
  defaultOutline,
  buildReport,
};

function ledger(rows = 3): WorkbookModel {
  const body: (string | number)[][] = [["指标名称", "单位", "目标任务", "完成数"]];
  for (let i = 0; i < rows; i++) body.push([`城镇新增就业${i + 1}`, "人", 1000, 900 + i * 100]);
  return {
    sheets: [
      sheet("就业", body),
      sheet("报告配置", [
        ["序号", "标题", "指标或类别"],
        ["一、", "就业工作", "城镇新增就业1"],
      ]),
    ],
  };
}

/** A worker in this process: answers with handleRequest, each message cloned both ways. */
class FakeWorker implements WorkerLike {
  readonly listeners: Record<string, ((event: unknown) => void)[]> = {
    message: [],
    error: [],
    messageerror: [],
  };
  readonly requests: AnalyseRequest[] = [];
  terminated = false;

  constructor(
    private readonly tools: AnalysisTools = TOOLS,
    private readonly onPost?: (request: AnalyseRequest) => void
  ) {}

  addEventListener(type: string, listener: (event: never) => void): void {
    this.listeners[type].push(listener as (event: unknown) => void);
  }

  postMessage(message: AnalyseRequest): void {
    const request = structuredClone(message);
    this.requests.push(request);
    this.onPost?.(request);
    setTimeout(() =>
      handleRequest(request, this.tools, (reply) => {
        const copy = structuredClone(reply);
        setTimeout(() => this.emit("message", { data: copy }));
      })
    );
  }

  emit(type: string, event: unknown): void {
    for (const listener of this.listeners[type]) listener(event);
  }

  terminate(): void {
    this.terminated = true;
  }
}

/** A worker that crashes (an error event) on its first request, before any reply. */
class CrashingWorker extends FakeWorker {
  postMessage(message: AnalyseRequest): void {
    this.requests.push(message);
    setTimeout(() => this.emit("error", { message: "Uncaught RangeError" }));
  }
}

class Host implements WorkbookHost {
  readonly kind = "excel" as const;
  readonly label = "当前工作簿";
  reads = 0;
  constructor(public model: WorkbookModel) {}
  async read(): Promise<WorkbookModel> {
    this.reads++;
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
    return { ...DEFAULT_SETTINGS };
  }
  async saveSettings(): Promise<void> {}
  onChange(): () => void {
    return () => undefined;
  }
}

const immediate = () => Promise.resolve();

/** Every state the session went through. */
function record(session: AnalysisSession): SessionState[] {
  const states: SessionState[] = [];
  session.subscribe(() => states.push(session.getState()));
  return states;
}

/** The analysis and report the main thread writes for the workbook, for comparison. */
function onMainThread(workbook: WorkbookModel) {
  const analysis = analyzeWorkbook(withoutReportConfig(workbook));
  const outline = parseOutline(workbook, analysis);
  return { analysis, outline, report: buildReport(analysis, outline) };
}

describe("which workbooks go to the worker", () => {
  it("counts the cells that hold something", () => {
    const workbook = ledger(3);
    // 4 header cells and 4 per row on 就业, 3 + 3 on 报告配置.
    expect(cellCount(workbook)).toBe(4 + 3 * 4 + 6);
    expect(cellCount({ sheets: [] })).toBe(0);
  });

  it("sends a workbook of WORKER_MIN_CELLS cells or more", () => {
    const rows = Math.ceil(WORKER_MIN_CELLS / 4);
    expect(needsWorker(ledger(3))).toBe(false);
    expect(needsWorker(ledger(rows))).toBe(true);
    expect(needsWorker(ledger(3), 10)).toBe(true);
  });

  it("knows whether the page can start a worker", () => {
    expect(workerSupported({})).toBe(false);
    expect(workerSupported({ Worker: class {} })).toBe(true);
    expect(workerSupported({ Worker: {} })).toBe(false);
  });
});

describe("the worker's answers", () => {
  it("says its progress, then the analysis with its outline, then the report", () => {
    const workbook = ledger(3);
    const replies: WorkerReply[] = [];
    handleRequest({ type: "analyse", id: 7, workbook, options: {} }, TOOLS, (r) =>
      replies.push(structuredClone(r))
    );
    expect(replies.map((r) => [r.type, r.id, r.type === "progress" ? r.step : ""])).toEqual([
      ["progress", 7, 1],
      ["analysis", 7, ""],
      ["progress", 7, 2],
      ["report", 7, ""],
    ]);
    const expected = onMainThread(workbook);
    const analysis = replies[1].type === "analysis" ? replies[1] : undefined;
    expect(analysis?.analysis).toEqual(expected.analysis);
    expect(analysis?.outline).toEqual(expected.outline);
    expect(analysis?.outline?.source).toBe("sheet");
    expect(replies[3].type === "report" && replies[3].report).toEqual(expected.report);
  });

  it("passes the settings to the engine", () => {
    const replies: WorkerReply[] = [];
    handleRequest(
      { type: "analyse", id: 1, workbook: ledger(), options: { period: 6 } },
      TOOLS,
      (r) => replies.push(r)
    );
    const analysis = replies.find((r) => r.type === "analysis");
    expect(analysis?.type === "analysis" && analysis.analysis.months).toBe(6);
  });

  it("answers an engine error with its messages for the user", () => {
    const replies: WorkerReply[] = [];
    const failing: AnalysisTools = {
      ...TOOLS,
      analyzeWorkbook: () => {
        throw Object.assign(new Error("bad"), { messageZh: "坏了", messageEn: "broken" });
      },
    };
    handleRequest({ type: "analyse", id: 2, workbook: ledger(), options: {} }, failing, (r) =>
      replies.push(r)
    );
    expect(replies.at(-1)).toEqual({
      type: "failed",
      id: 2,
      error: { message: "bad", messageZh: "坏了", messageEn: "broken", forUser: true },
    });
  });

  it("tells an error for the user (ReportError) from a failure of the code", () => {
    const replies: WorkerReply[] = [];
    // An option out of range: the engine's ReportError, in both languages.
    handleRequest(
      { type: "analyse", id: 4, workbook: ledger(), options: { decimals: 9 } },
      TOOLS,
      (r) => replies.push(r)
    );
    const failed = replies.at(-1);
    expect(failed?.type === "failed" && failed.error.forUser).toBe(true);
    const broken: AnalysisTools = {
      ...TOOLS,
      analyzeWorkbook: () => {
        throw new TypeError("x.flatMap is not a function");
      },
    };
    handleRequest({ type: "analyse", id: 5, workbook: ledger(), options: {} }, broken, (r) =>
      replies.push(r)
    );
    expect(replies.at(-1)).toEqual({
      type: "failed",
      id: 5,
      error: { message: "x.flatMap is not a function", forUser: false },
    });
  });

  it("still analyses and writes the default report when the outline cannot be read", () => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    const replies: WorkerReply[] = [];
    const noOutline: AnalysisTools = {
      ...TOOLS,
      parseOutline: () => {
        throw new Error("outline");
      },
    };
    handleRequest({ type: "analyse", id: 3, workbook: ledger(), options: {} }, noOutline, (r) =>
      replies.push(r)
    );
    expect(replies.map((r) => r.type)).toEqual(["progress", "analysis", "progress", "report"]);
    const analysis = replies[1].type === "analysis" ? replies[1] : undefined;
    expect(analysis?.outline).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });
});

describe("the page's client", () => {
  it("gives progress and the analysis before the report, and keeps one worker", async () => {
    const spawned: FakeWorker[] = [];
    const client = new AnalysisWorkerClient(() => {
      const worker = new FakeWorker();
      spawned.push(worker);
      return worker;
    });
    const events: string[] = [];
    const report = await client.run(
      ledger(),
      {},
      {
        onProgress: (step, steps) => events.push(`progress ${step}/${steps}`),
        onAnalysis: (analysis) => events.push(`analysis ${analysis.indicators.length}`),
      }
    );
    expect(events).toEqual(["progress 1/2", "analysis 3", "progress 2/2"]);
    expect(report).toEqual(onMainThread(ledger()).report);
    await client.run(ledger(4), {}, { onProgress: () => undefined, onAnalysis: () => undefined });
    expect(spawned).toHaveLength(1);
    expect(spawned[0].requests.map((r) => r.id)).toEqual([1, 2]);
    client.dispose();
    expect(spawned[0].terminated).toBe(true);
  });

  const quiet = { onProgress: () => undefined, onAnalysis: () => undefined };

  it("is unavailable when the worker cannot start, and does not try again", async () => {
    let tries = 0;
    const client = new AnalysisWorkerClient(() => {
      tries++;
      throw new Error("SecurityError: blocked by the page's policy");
    });
    await expect(client.run(ledger(), {}, quiet)).rejects.toBeInstanceOf(WorkerUnavailable);
    expect(client.usable).toBe(false);
    await expect(client.run(ledger(), {}, quiet)).rejects.toBeInstanceOf(WorkerUnavailable);
    expect(tries).toBe(1);
  });

  it("is unavailable when the worker crashes while a run waits", async () => {
    let worker: FakeWorker | undefined;
    const client = new AnalysisWorkerClient(() => (worker = new CrashingWorker()));
    await expect(client.run(ledger(), {}, quiet)).rejects.toThrow(/Uncaught RangeError/);
    expect(client.usable).toBe(false);
    expect(worker?.terminated).toBe(true);
  });

  it("tells a run still waiting when it is closed", async () => {
    const client = new AnalysisWorkerClient(() => new FakeWorker());
    const run = client.run(ledger(), {}, quiet);
    await new Promise((resolve) => setImmediate(resolve));
    client.dispose();
    await expect(run).rejects.toThrow(new WorkerUnavailable("closed"));
  });

  it("is unavailable when the workbook cannot be sent", async () => {
    const client = new AnalysisWorkerClient(
      () =>
        new FakeWorker(TOOLS, () => {
          throw new Error("DataCloneError: could not be cloned");
        })
    );
    await expect(client.run(ledger(), {}, quiet)).rejects.toThrow(/could not be sent/);
    expect(client.usable).toBe(false);
  });

  it("is unavailable when the worker fails with an error not written for the user", async () => {
    const lacking: AnalysisTools = {
      ...TOOLS,
      analyzeWorkbook: () => {
        throw new TypeError("x.flatMap is not a function");
      },
    };
    const client = new AnalysisWorkerClient(() => new FakeWorker(lacking));
    await expect(client.run(ledger(), {}, quiet)).rejects.toThrow(
      new WorkerUnavailable("the analysis failed in the worker (x.flatMap is not a function)")
    );
    expect(client.usable).toBe(false);
  });

  it("rejects with the engine's messages when the engine fails in the worker", async () => {
    const failing: AnalysisTools = {
      ...TOOLS,
      analyzeWorkbook: () => {
        throw Object.assign(new Error("bad"), { messageZh: "坏了" });
      },
    };
    const client = new AnalysisWorkerClient(() => new FakeWorker(failing));
    await expect(client.run(ledger(), {}, quiet)).rejects.toMatchObject({
      message: "bad",
      messageZh: "坏了",
    });
    expect(client.usable).toBe(true);
  });
});

describe("the session", () => {
  it("analyses a big workbook in the worker, showing progress, the analysis, then the report", async () => {
    const host = new Host(ledger(5));
    const session = new AnalysisSession(host, {
      yieldToUi: immediate,
      worker: () => new FakeWorker(),
      workerMinCells: 10,
      analyze: () => {
        throw new Error("not on the main thread");
      },
    });
    const states = record(session);
    await session.start();
    const state = session.getState();
    const expected = onMainThread(ledger(5));
    expect(state).toMatchObject({ phase: "ready", busy: false, runner: "worker", revision: 1 });
    expect(state.progress).toBeUndefined();
    expect(state.analysis).toEqual(expected.analysis);
    expect(state.outline).toEqual(expected.outline);
    expect(state.report).toEqual(expected.report);
    const steps = states
      .filter((s) => s.progress)
      .map(
        (s) =>
          `${s.progress?.runner} ${s.progress?.step}/${s.progress?.steps} ${s.progress?.sheets}`
      );
    expect([...new Set(steps)]).toEqual(["worker 1/2 2", "worker 2/2 2"]);
    // The 概览 could show before the report was written.
    expect(states.some((s) => s.analysis && !s.report && s.phase === "ready")).toBe(true);
    session.dispose();
  });

  it("keeps a small workbook on the main thread, its report with its analysis", async () => {
    let spawned = 0;
    const session = new AnalysisSession(new Host(ledger()), {
      yieldToUi: immediate,
      worker: () => {
        spawned++;
        return new FakeWorker();
      },
    });
    const states = record(session);
    await session.start();
    expect(spawned).toBe(0);
    expect(session.getState()).toMatchObject({ phase: "ready", runner: "main", busy: false });
    expect(session.getState().report).toEqual(onMainThread(ledger()).report);
    expect(states.some((s) => s.analysis && !s.report)).toBe(false);
  });

  it("falls back to the main thread when the worker cannot start, and stays there", async () => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    let tries = 0;
    const host = new Host(ledger(5));
    const session = new AnalysisSession(host, {
      yieldToUi: immediate,
      workerMinCells: 10,
      worker: () => {
        tries++;
        throw new Error("Worker is not defined");
      },
    });
    const states = record(session);
    await session.start();
    const expected = onMainThread(ledger(5));
    expect(session.getState()).toMatchObject({ phase: "ready", runner: "main", busy: false });
    expect(session.getState().analysis).toEqual(expected.analysis);
    expect(session.getState().report).toEqual(expected.report);
    // A big workbook on the main thread still shows its analysis before its report.
    expect(states.some((s) => s.analysis && !s.report && s.progress?.step === 2)).toBe(true);
    await session.refresh();
    expect(host.reads).toBe(2);
    expect(tries).toBe(1);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it("falls back to the main thread when the worker crashes", async () => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    const session = new AnalysisSession(new Host(ledger(5)), {
      yieldToUi: immediate,
      workerMinCells: 10,
      worker: () => new CrashingWorker(),
    });
    await session.start();
    expect(session.getState()).toMatchObject({ phase: "ready", runner: "main" });
    expect(session.getState().report).toEqual(onMainThread(ledger(5)).report);
    expect(warn).toHaveBeenCalledWith(
      "指标报告助手: analysing on the main thread,",
      expect.stringContaining("Uncaught RangeError")
    );
    warn.mockRestore();
  });

  it("analyses on the main thread when the worker fails unexpectedly", async () => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    const lacking: AnalysisTools = {
      ...TOOLS,
      analyzeWorkbook: () => {
        throw new TypeError("x.flatMap is not a function");
      },
    };
    const session = new AnalysisSession(new Host(ledger(5)), {
      yieldToUi: immediate,
      workerMinCells: 10,
      worker: () => new FakeWorker(lacking),
    });
    await session.start();
    expect(session.getState()).toMatchObject({ phase: "ready", runner: "main", busy: false });
    expect(session.getState().report).toEqual(onMainThread(ledger(5)).report);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it("shows an engine error from the worker as the session's error", async () => {
    const failing: AnalysisTools = {
      ...TOOLS,
      analyzeWorkbook: () => {
        throw Object.assign(new Error("bad"), { messageZh: "坏了", messageEn: "broken" });
      },
    };
    const session = new AnalysisSession(new Host(ledger(5)), {
      yieldToUi: immediate,
      workerMinCells: 10,
      worker: () => new FakeWorker(failing),
    });
    await session.start();
    expect(session.getState()).toMatchObject({
      phase: "error",
      busy: false,
      error: { zh: "坏了", en: "broken", detail: "bad" },
    });
    expect(session.getState().progress).toBeUndefined();
  });

  it("shows an engine ReportError from the worker as the main thread would", async () => {
    const refusing: AnalysisTools = {
      ...TOOLS,
      analyzeWorkbook: () => {
        throw new ReportError("E_TEST", { zh: "报告期不对", en: "bad period" });
      },
    };
    const inWorker = new AnalysisSession(new Host(ledger(5)), {
      yieldToUi: immediate,
      workerMinCells: 10,
      worker: () => new FakeWorker(refusing),
    });
    const onMain = new AnalysisSession(new Host(ledger(5)), {
      yieldToUi: immediate,
      worker: null,
      analyze: refusing.analyzeWorkbook,
    });
    await Promise.all([inWorker.start(), onMain.start()]);
    expect(inWorker.getState().phase).toBe("error");
    expect(inWorker.getState().runner).toBeUndefined();
    expect(inWorker.getState().error).toEqual(onMain.getState().error);
  });

  it("shows only the latest analysis when settings change while the worker runs", async () => {
    const host = new Host(ledger(5));
    const session = new AnalysisSession(host, {
      yieldToUi: immediate,
      workerMinCells: 10,
      worker: () => new FakeWorker(),
    });
    const starting = session.start();
    await new Promise((resolve) => setImmediate(resolve));
    await Promise.all([starting, session.applySettings({ ...DEFAULT_SETTINGS, period: 6 })]);
    expect(session.getState().analysis?.months).toBe(6);
    expect(session.getState().report?.months).toBe(6);
    expect(session.getState().busy).toBe(false);
  });
});
