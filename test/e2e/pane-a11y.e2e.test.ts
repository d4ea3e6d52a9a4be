/**
 * The task pane under axe-core at Excel's narrowest width (320 px), in the light and the dark
 * theme, in Excel (the fake office.js over the sample workbook) and in a browser (standalone, on
 * the sample): every tab, the empty state, the start screen and its open error, a filled and a
 * checked draft, a notice, the sheet preview, the message when Excel cannot be reached. No
 * violation is allowed but `aria-hidden-focus` on Fluent's own focus-trap dummies (tabster's
 * `data-tabster-dummy` elements), and that only node by node. A failure lists the violations by
 * rule with their nodes; each run also leaves them per state as an artifact
 * (a11y-<mode>-<theme>.json, with what axe could not decide, and a screenshot of each state).
 *
 * axe is read from node_modules and served to the page from its own origin (the pane's
 * Content-Security-Policy forbids inline script, and it stays in force here).
 *
 * And focus: after each action that replaces or disables what had the focus (opening the sample
 * with Enter, refreshing, inserting the example table, writing the 报告 sheet, clearing a draft,
 * closing a notice, the open error or the sheet preview), the focus is on a useful control,
 * never on <body>.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Browser, BrowserContext, Page } from "playwright-core";
import { WorkbookModel } from "../../src/core/workbook";
import { readWorkbookFile } from "../../src/xlsx/read-file";
import type { FakeOfficeConfig } from "./fake-office/fake-office";
import {
  ARTIFACTS,
  NetworkLog,
  SAMPLES,
  StaticServer,
  assertBuilt,
  buildFakeOffice,
  guardedContext,
  launch,
  offMachine,
  screenshot,
  serve,
  watchErrors,
} from "./harness";

jest.setTimeout(180_000);

const EXCEL_HOST_INFO = "?_host_Info=Excel$Win32$16.01$zh-CN$$$$0";
/** Office's dark grey theme reports this body background. */
const OFFICE_DARK_BACKGROUND = "#262626";
const AXE_FILE = require.resolve("axe-core/axe.min.js");
/** Where the page loads axe from: its own origin, answered from node_modules by the test. */
const AXE_PATH = "/__test__/axe.min.js";
const THEMES = ["light", "dark"] as const;
type Theme = (typeof THEMES)[number];
const TABS = ["overview", "checks", "report", "draft", "settings"] as const;

const DRAFT = "全年完成城镇新增就业X人，完成目标任务的X%；城镇登记失业率控制在X%以内。";
const WRONG = "全年完成城镇新增就业1162人，完成目标任务的112.6%；城镇登记失业率控制在3.5%以内。";

let server: StaticServer;
let browser: Browser;
let fakeOffice: string;
let tmp: string;
let model: WorkbookModel;

beforeAll(async () => {
  assertBuilt();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pane-a11y-"));
  [server, browser, fakeOffice, model] = await Promise.all([
    serve(path.join(__dirname, "..", "..", "dist")),
    launch(),
    buildFakeOffice(tmp),
    readWorkbookFile(path.join(SAMPLES, "街道指标台账.xlsx")),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

interface Pane {
  context: BrowserContext;
  page: Page;
  network: NetworkLog;
  errors: string[];
  /** Errors the test brought about on purpose (a chunk it refused). */
  expected?: (error: string) => boolean;
}

let open: Pane[] = [];

afterEach(async () => {
  const panes = open;
  open = [];
  for (const p of panes) {
    await p.context.close();
    expect(p.network.violations).toEqual([]);
    expect(offMachine(p.network)).toEqual([]);
    expect(
      p.errors.filter((e) => !e.includes("Failed to load resource") && !p.expected?.(e))
    ).toEqual([]);
  }
});

async function newPane(
  theme: Theme,
  guard: Parameters<typeof guardedContext>[2] = {}
): Promise<Pane> {
  const { context, network } = await guardedContext(
    browser,
    { viewport: { width: 320, height: 760 }, colorScheme: theme },
    guard
  );
  // Registered after the harness's guard, so it answers first; nothing leaves the machine.
  await context.route(`**${AXE_PATH}`, (route) =>
    route.fulfill({ path: AXE_FILE, contentType: "text/javascript; charset=utf-8" })
  );
  const page = await context.newPage();
  const pane = { context, page, network, errors: watchErrors(page) };
  open.push(pane);
  return pane;
}

/** The pane in a browser on the start screen. */
async function openStandalone(theme: Theme): Promise<Page> {
  const { page } = await newPane(theme);
  await page.goto(`${server.url}taskpane.html?theme=${theme}`);
  await page.getByTestId("open-sample").waitFor();
  return page;
}

/**
 * The pane in Excel (the fake office.js) on the sample workbook, or on `workbook`; `refuseHost`:
 * the Excel host's chunk fails to load, so the pane can only say that it cannot reach Excel.
 */
async function openInExcel(
  theme: Theme,
  workbook: WorkbookModel = model,
  refuseHost = false
): Promise<Page> {
  const pane = await newPane(theme, { officeJs: { file: fakeOffice } });
  const { context, page } = pane;
  if (refuseHost) {
    await context.route("**/excel-host.*.js", (route) => route.abort("failed"));
    // What the page reports about it: the chunk's failure, and why the pane says what it says.
    pane.expected = (e) => e.includes("excel-host.") || e.includes("could not be created");
  }
  const config: FakeOfficeConfig = {
    model: workbook,
    bodyBackgroundColor: theme === "dark" ? OFFICE_DARK_BACKGROUND : "#FFFFFF",
  };
  await context.addInitScript(
    (c) => {
      (window as unknown as { __fakeOfficeConfig: unknown }).__fakeOfficeConfig = c;
    },
    config as unknown as Record<string, unknown>
  );
  await page.goto(`${server.url}taskpane.html${EXCEL_HOST_INFO}`);
  return page;
}

const CORRUPT_FILE = {
  name: "损坏的台账.xlsx",
  mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  buffer: Buffer.from("not a workbook"),
};

const BLANK_WORKBOOK: WorkbookModel = {
  sheets: [{ name: "Sheet1", rows: [], merges: [], tables: [] }],
};

interface AxeNode {
  target: string;
  html: string;
  /** One of tabster's focus-trap dummies (Fluent puts them around its focus groups). */
  dummy: boolean;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

/**
 * axe-core on the whole page as it is now: its violations, and the nodes each rule could not
 * decide (for the artifact, to look at: colour contrast over a gradient, for one).
 */
async function runAxe(
  page: Page
): Promise<{ violations: AxeViolation[]; incomplete: Record<string, string[]> }> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ url: AXE_PATH });
  return page.evaluate(async () => {
    interface Result {
      incomplete: { id: string; nodes: { target: unknown[]; failureSummary?: string }[] }[];
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: unknown[]; html: string; element?: Element }[];
      }[];
    }
    const axe = (window as unknown as { axe: { run: (...a: unknown[]) => Promise<Result> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"], elementRef: true });
    return {
      violations: result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({
          target: n.target.map(String).join(" "),
          html: n.html.slice(0, 160),
          dummy: n.element?.hasAttribute("data-tabster-dummy") ?? false,
        })),
      })),
      incomplete: Object.fromEntries(
        result.incomplete.map((v) => [
          v.id,
          v.nodes.map((n) => `${n.target.map(String).join(" ")}: ${n.failureSummary ?? ""}`),
        ])
      ),
    };
  });
}

/** The violations that count: all but aria-hidden-focus on tabster's dummies. */
function counted(violations: AxeViolation[]): AxeViolation[] {
  return violations
    .map((v) =>
      v.id === "aria-hidden-focus" ? { ...v, nodes: v.nodes.filter((n) => !n.dummy) } : v
    )
    .filter((v) => v.nodes.length > 0);
}

/** "rule (impact, n nodes): help" and one line per node: how a failure reads. */
function listByRule(violations: AxeViolation[]): string[] {
  return violations.map(
    (v) =>
      `${v.id} (${v.impact ?? "?"}, ${v.nodes.length} nodes): ${v.help}\n` +
      v.nodes.map((n) => `      ${n.target}  ${n.html}`).join("\n")
  );
}

/** Each state's violations by rule id (all of them), and those that count, listed by rule. */
type Log = Record<
  string,
  { byRule: Record<string, number>; counted: string[]; undecided: Record<string, string[]> }
>;

/** One test's states: `name` names its artifacts (the log, a screenshot per state). */
interface Run {
  name: string;
  log: Log;
}

/**
 * Runs axe on the page as it is now, as `state` (and leaves a screenshot of it, named after the
 * log); the test checks the log at its end.
 */
async function check(page: Page, state: string, run: Run): Promise<void> {
  // Nothing hovered, no transition under way: the colours axe reads are the resting ones.
  await page.mouse.move(1, 1);
  await page.waitForTimeout(400);
  const { violations, incomplete } = await runAxe(page);
  run.log[state] = {
    byRule: Object.fromEntries(violations.map((v) => [v.id, v.nodes.length])),
    counted: listByRule(counted(violations)),
    undecided: incomplete,
  };
  await screenshot(page, `${run.name}-${state.replace(/^\w+: /, "").replace(/\W+/g, "-")}`);
}

/** The states with a violation that counts, and those violations by rule. */
function failing(log: Log): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(log)
      .filter(([, entry]) => entry.counted.length > 0)
      .map(([state, entry]) => [state, entry.counted])
  );
}

function writeLog(run: Run): void {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.writeFileSync(
    path.join(ARTIFACTS, `${run.name}.json`),
    JSON.stringify(run.log, null, 2) + "\n"
  );
}

async function showTab(page: Page, tab: (typeof TABS)[number]): Promise<void> {
  await page.getByTestId(`tab-${tab}`).click();
  await page.getByTestId(tab).waitFor();
}

/** The focused element, as data-testid, role or tag. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return "body";
    return (
      (el as HTMLElement).dataset.testid ?? el.getAttribute("role") ?? el.tagName.toLowerCase()
    );
  });
}

async function waitForFocus(page: Page, testId: string): Promise<void> {
  await page
    .waitForFunction(
      (id) => (document.activeElement as HTMLElement | null)?.dataset.testid === id,
      testId,
      { timeout: 5_000 }
    )
    .catch(() => undefined);
  expect(await focused(page)).toBe(testId);
}

async function visitTabs(page: Page, run: Run, mode: string): Promise<void> {
  for (const tab of TABS) {
    await showTab(page, tab);
    await check(page, `${mode}: ${tab}`, run);
  }
}

async function visitDraft(page: Page, run: Run, mode: string): Promise<void> {
  await showTab(page, "draft");
  await page.getByTestId("draft-input").fill(DRAFT);
  await page.getByTestId("draft-fill").click();
  await page.getByTestId("draft-result").waitFor();
  await check(page, `${mode}: draft filled`, run);
  await page.getByTestId("draft-input").fill(WRONG);
  await page.getByTestId("draft-check").click();
  await page.locator("[data-testid=draft-result][data-action=check]").waitFor();
  await check(page, `${mode}: draft checked`, run);
}

describe("axe-core at 320px", () => {
  for (const theme of THEMES) {
    it(`in a browser, ${theme} theme: the start screen, every tab, drafts, the sheet preview`, async () => {
      const run: Run = { name: `a11y-standalone-${theme}`, log: {} };
      try {
        const page = await openStandalone(theme);
        await check(page, "standalone: start", run);
        await page.getByTestId("file-input").setInputFiles(CORRUPT_FILE);
        await page.getByTestId("open-error").waitFor();
        await check(page, "standalone: open error", run);
        await page.getByTestId("open-error-close").click();
        await page.getByTestId("open-sample").click();
        await page.getByTestId("overview").waitFor();
        await visitTabs(page, run, "standalone");
        await visitDraft(page, run, "standalone");
        await showTab(page, "report");
        await page.getByTestId("copy").click();
        await page.getByTestId("report-notice").waitFor();
        await check(page, "standalone: report notice", run);
        await page.getByTestId("source-number").first().click();
        await page.getByTestId("sheet-preview").waitFor();
        await check(page, "standalone: sheet preview", run);
      } finally {
        writeLog(run);
      }
      expect(failing(run.log)).toEqual({});
    });

    it(`in Excel, ${theme} theme: every tab, drafts, the empty state`, async () => {
      const run: Run = { name: `a11y-excel-${theme}`, log: {} };
      try {
        const page = await openInExcel(theme);
        await page.getByTestId("overview").waitFor();
        await visitTabs(page, run, "excel");
        await visitDraft(page, run, "excel");
        const empty = await openInExcel(theme, BLANK_WORKBOOK);
        await empty.getByTestId("empty-state").waitFor();
        await check(empty, "excel: empty state", run);
        const refused = await openInExcel(theme, model, true);
        await refused.getByTestId("excel-unavailable").waitFor();
        await check(refused, "excel: unavailable", run);
      } finally {
        writeLog(run);
      }
      expect(failing(run.log)).toEqual({});
    });
  }
});

describe("focus after an action is on a useful control, not <body>", () => {
  it("opening the sample with Enter: the selected tab", async () => {
    const page = await openStandalone("light");
    await page.getByTestId("open-sample").focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("overview").waitFor();
    await waitForFocus(page, "tab-overview");
    expect(await page.getByTestId("tab-overview").getAttribute("aria-selected")).toBe("true");
  });

  it("opening another copy of the sample from the header: the focus stays on that button", async () => {
    const page = await openStandalone("light");
    await page.getByTestId("open-sample").click();
    await page.getByTestId("overview").waitFor();
    await showTab(page, "checks");
    await page.getByTestId("open-sample-header").focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("overview").waitFor();
    await waitForFocus(page, "open-sample-header");
  });

  it("a file that fails to open: the open button keeps the focus, and gets it back when the error is closed", async () => {
    const page = await openStandalone("light");
    await page.getByTestId("open-file").focus();
    await page.getByTestId("file-input").setInputFiles(CORRUPT_FILE);
    await page.getByTestId("open-error").waitFor();
    await waitForFocus(page, "open-file");
    await page.getByTestId("open-error-close").focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("open-error").waitFor({ state: "detached" });
    await waitForFocus(page, "open-file");
  });

  it("going to the report from the overview: its first action, also while the tab loads", async () => {
    const page = await openStandalone("light");
    // The 报告 tab's code arrives late, as on a slow network.
    await page.context().route("**/report.*.js", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.fallback();
    });
    await page.getByTestId("open-sample").click();
    await page.getByTestId("open-report").focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("report").waitFor();
    await waitForFocus(page, "write-sheet");
  });

  it("closing the sheet preview (button or Escape): back to the number that opened it", async () => {
    const page = await openStandalone("light");
    await page.getByTestId("open-sample").click();
    await showTab(page, "report");
    const number = page.getByTestId("source-number").first();
    const ref = await number.getAttribute("data-ref");
    for (const close of ["button", "Escape"] as const) {
      await number.focus();
      await page.keyboard.press("Enter");
      await page.getByTestId("sheet-preview").waitFor();
      if (close === "button") {
        await page.getByTestId("preview-close").focus();
        await page.keyboard.press("Enter");
      } else {
        await page.keyboard.press("Escape");
        // The number's tooltip, shown on focus, takes the first Escape (Fluent's order).
        await page.waitForTimeout(200);
        if (await page.getByTestId("sheet-preview").count()) await page.keyboard.press("Escape");
      }
      await page.getByTestId("sheet-preview").waitFor({ state: "detached" });
      await waitForFocus(page, "source-number");
      expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.ref)).toBe(
        ref
      );
    }
  });

  it("closing a notice: back to the action that brought it", async () => {
    const page = await openStandalone("light");
    await page.getByTestId("open-sample").click();
    await showTab(page, "report");
    await page.getByTestId("copy").focus();
    await page.keyboard.press("Enter");
    const notice = page.getByTestId("report-notice");
    await notice.waitFor();
    await notice.getByRole("button").focus();
    await page.keyboard.press("Enter");
    await notice.waitFor({ state: "detached" });
    await waitForFocus(page, "copy");
  });

  it("clearing a draft: the draft's text box", async () => {
    const page = await openStandalone("light");
    await page.getByTestId("open-sample").click();
    await showTab(page, "draft");
    await page.getByTestId("draft-input").fill(DRAFT);
    await page.getByTestId("draft-fill").click();
    await page.getByTestId("draft-result").waitFor();
    await page.getByTestId("draft-clear").focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("draft-result").waitFor({ state: "detached" });
    await waitForFocus(page, "draft-input");
  });

  it("in Excel, refreshing: the refresh button keeps the focus", async () => {
    const page = await openInExcel("light");
    await page.getByTestId("overview").waitFor();
    await page.getByTestId("refresh").focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(
      () =>
        document.querySelector("[data-testid=refresh]")?.getAttribute("aria-disabled") !== "true"
    );
    await page.waitForTimeout(300);
    await waitForFocus(page, "refresh");
  });

  it("in Excel, writing the 报告 sheet: the button keeps the focus", async () => {
    const page = await openInExcel("light");
    await showTab(page, "report");
    await page.getByTestId("write-sheet").focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("report-notice").waitFor();
    await waitForFocus(page, "write-sheet");
  });

  it("in Excel, inserting the example table: the selected tab of the pane it opens", async () => {
    const page = await openInExcel("light", BLANK_WORKBOOK);
    await page.getByTestId("insert-example").focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("overview").waitFor();
    await waitForFocus(page, "tab-overview");
  });
});
