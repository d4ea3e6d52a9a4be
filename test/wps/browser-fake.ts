/**
 * The strict ET fake as WPS's window.Application in a browser, for the end-to-end test of the
 * built WPS page: injected before the page loads, it holds the workbook the test put in
 * window.__fakeWpsConfig. The test drives and inspects it through window.__fakeEt.
 */
import { WorkbookModel } from "../../src/core/workbook";
import { FakeEt } from "./fake-et";

/* global window */

export interface FakeWpsConfig {
  model: WorkbookModel;
  /** "method": the members older WPS versions expose as zero-argument methods. */
  members?: "property" | "method";
  /** Expose the application as wps.EtApplication() instead of the global Application. */
  viaWps?: boolean;
}

const w = window as unknown as {
  __fakeWpsConfig?: FakeWpsConfig;
  __fakeEt?: FakeEt;
  Application?: unknown;
  wps?: unknown;
};

const config = w.__fakeWpsConfig;
if (!config) throw new Error("fake WPS: window.__fakeWpsConfig is missing");
const fake = FakeEt.fromModel(config.model, { members: config.members });
w.__fakeEt = fake;
if (config.viaWps) w.wps = { EtApplication: () => fake.Application };
else w.Application = fake.Application;
