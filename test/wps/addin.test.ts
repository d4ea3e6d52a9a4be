/**
 * The files WPS loads itself: main.js must be plain ES5 (WPS runs it untranspiled), and the
 * ribbon's button must open the task pane, with either spelling of CreateTaskPane and with the
 * application reached through window.Application or wps.EtApplication().
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { parse } from "acorn";

const ADDIN = path.join(__dirname, "..", "..", "src", "wps", "addin");
const MAIN = fs.readFileSync(path.join(ADDIN, "main.js"), "utf8");
const RIBBON = fs.readFileSync(path.join(ADDIN, "ribbon.xml"), "utf8");
const PAGE_URL =
  "file:///home/user/.local/share/Kingsoft/wps/jsaddons/indicator-report_0.1.0/index.html";

interface Pane {
  ID: number;
  url: string;
  Visible: boolean;
  DockPosition?: number;
}

function fakeWps(spelling: "CreateTaskPane" | "CreateTaskpane") {
  const panes: Pane[] = [];
  const storage = new Map<string, string>();
  const app: Record<string, unknown> = {
    ActiveWorkbook: null,
    ActiveCell: null,
    PluginStorage: {
      getItem: (k: string) => (storage.has(k) ? storage.get(k) : null),
      setItem: (k: string, v: unknown) => storage.set(k, String(v)),
    },
    GetTaskPane: (id: number) => panes.find((p) => p.ID === id),
    [spelling]: (url: string) => {
      const pane: Pane = { ID: 100 + panes.length, url, Visible: false };
      panes.push(pane);
      return pane;
    },
  };
  return { app, panes };
}

function load(window: Record<string, unknown>) {
  const context = vm.createContext({ window, document: { location: { href: PAGE_URL } } });
  vm.runInContext(MAIN, context);
  return context as unknown as {
    IndicatorReport_OnAction(control: { Id: string }): boolean;
    IndicatorReport_OnLoad(ribbon: unknown): boolean;
    IndicatorReport_GetImage(control: { Id: string }): string;
  };
}

test("main.js is ES5", () => {
  expect(() => parse(MAIN, { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
});

test.each(["CreateTaskPane", "CreateTaskpane"] as const)(
  "the button opens one task pane (%s), docked right, and shows it again later",
  (spelling) => {
    const { app, panes } = fakeWps(spelling);
    const addin = load({ Application: app });
    expect(addin.IndicatorReport_OnLoad({ ribbon: true })).toBe(true);
    addin.IndicatorReport_OnAction({ Id: "IndicatorReportShowPane" });
    expect(panes).toEqual([
      {
        ID: 100,
        url: "file:///home/user/.local/share/Kingsoft/wps/jsaddons/indicator-report_0.1.0/taskpane.html",
        Visible: true,
        DockPosition: 2,
      },
    ]);
    panes[0].Visible = false; // the user closed it
    addin.IndicatorReport_OnAction({ Id: "IndicatorReportShowPane" });
    expect(panes.length).toBe(1);
    expect(panes[0].Visible).toBe(true);
    addin.IndicatorReport_OnAction({ Id: "SomethingElse" });
    expect(panes.length).toBe(1);
  }
);

test("through wps.EtApplication() when there is no global Application", () => {
  const { app, panes } = fakeWps("CreateTaskPane");
  const addin = load({ wps: { EtApplication: () => app } });
  addin.IndicatorReport_OnAction({ Id: "IndicatorReportShowPane" });
  expect(panes.length).toBe(1);
});

test("ribbon.xml: a 指标报告助手 button wired to the functions of main.js", () => {
  const button = /<button\b[^>]*id="IndicatorReportShowPane"[^>]*\/>/s.exec(RIBBON)?.[0] ?? "";
  expect(button).toContain('label="指标报告助手"');
  const addin = load({}) as unknown as Record<string, unknown>;
  const callbacks = [...RIBBON.matchAll(/\b(?:onLoad|onAction|getImage)="([^"]+)"/g)].map(
    (m) => m[1]
  );
  expect(callbacks.sort()).toEqual(
    ["IndicatorReport_GetImage", "IndicatorReport_OnAction", "IndicatorReport_OnLoad"].sort()
  );
  for (const name of callbacks) expect(typeof addin[name]).toBe("function");
  expect(
    fs.existsSync(
      path.join(__dirname, "..", "..", (addin.IndicatorReport_GetImage as () => string)())
    )
  ).toBe(true);
});

test("the WPS pages load no office.js", () => {
  for (const page of ["taskpane.html", "index.html"]) {
    expect(fs.readFileSync(path.join(ADDIN, page), "utf8")).not.toMatch(/office\.js|appsforoffice/);
  }
});
