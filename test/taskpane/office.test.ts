/**
 * Where the pane runs, decided without a timeout, and the page's first script (boot.js), which
 * must stay ES5 for the Internet Explorer 11 engine of old Office versions.
 */
import * as fs from "fs";
import * as path from "path";
import { parse } from "acorn";
import { officeHostHint, startOffice } from "../../src/taskpane/office";

const page = (search = "", extra: Record<string, unknown> = {}) => ({
  location: { search },
  name: "",
  ...extra,
});

describe("officeHostHint reads the host information as office.js does", () => {
  test.each([
    ["?_host_Info=Excel$Win32$16.01$zh-CN$$$$0", "excel", "win32"],
    ["?_host_Info=Excel|Web|16.00|en-US|abc|||", "excel", "web"],
    ["?et=&_host_Info=Excel%24Mac%2416.01%24zh-CN%24%24%24%240&x=1", "excel", "mac"],
    ["?_host_Info=Word$Win32$16.01$zh-CN$$$$0", "word", "win32"],
  ])("%s → %s on %s", (search, host, platform) => {
    expect(officeHostHint(page(search))).toEqual({ host, platform });
  });

  test("from window.external.GetHostInfo (Office on Windows)", () => {
    const external = { GetHostInfo: () => "isDialog=false&_host_Info=Excel|Win32|16.01|zh-CN" };
    expect(officeHostHint(page("", { external }))).toEqual({ host: "excel", platform: "win32" });
  });

  test("from a JSON window.name, and from what office.js kept in sessionStorage", () => {
    const name = JSON.stringify({ hostInfo: "Excel$Web$16.00$zh-CN$$$$0" });
    expect(officeHostHint(page("", { name }))).toEqual({ host: "excel", platform: "web" });
    const sessionStorage = {
      getItem: (key: string) => (key === "hostInfoValue" ? "Excel|Mac|16.01|zh-CN" : null),
    };
    expect(officeHostHint(page("", { sessionStorage }))).toEqual({
      host: "excel",
      platform: "mac",
    });
  });

  test("a plain browser has none", () => {
    expect(officeHostHint(page("?lang=en", { name: "some-frame" }))).toBeUndefined();
    const external = {
      GetHostInfo: () => {
        throw new Error("not Office");
      },
    };
    expect(officeHostHint(page("", { external }))).toBeUndefined();
  });
});

describe("startOffice", () => {
  const inExcel = "?_host_Info=Excel$Win32$16.01$zh-CN$$$$0";
  const never = () => new Promise<never>(() => undefined);

  test("outside Office: standalone at once, even while office.js would never answer", async () => {
    const Office = { onReady: never };
    await expect(startOffice(page("", { Office }))).resolves.toEqual({ kind: "standalone" });
  });

  test("?mode=standalone wins over the host information", async () => {
    const Office = { onReady: never };
    await expect(startOffice(page(`${inExcel}&mode=standalone`, { Office }))).resolves.toEqual({
      kind: "standalone",
    });
  });

  test("in Excel without office.js: office-failed", async () => {
    await expect(startOffice(page(inExcel))).resolves.toEqual({ kind: "office-failed" });
  });

  test("in Excel: waits for Office.onReady however long it takes (no timeout)", async () => {
    let ready: (info: { host: string }) => void = () => undefined;
    const Office = { onReady: () => new Promise((resolve) => (ready = resolve)) };
    let settled = false;
    const start = startOffice(page(inExcel, { Office })).then((s) => {
      settled = true;
      return s;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(settled).toBe(false);
    ready({ host: "Excel" });
    await expect(start).resolves.toEqual({ kind: "excel" });
  });

  test("another Office application, or onReady failing", async () => {
    const word = { onReady: () => Promise.resolve({ host: "Word" }) };
    await expect(
      startOffice(page("?_host_Info=Word$Win32$16.01$zh-CN", { Office: word }))
    ).resolves.toEqual({ kind: "other-host", host: "Word" });
    const failing = { onReady: () => Promise.reject(new Error("no host")) };
    await expect(startOffice(page(inExcel, { Office: failing }))).resolves.toEqual({
      kind: "office-failed",
    });
  });
});

describe("boot.js", () => {
  const BOOT = path.join(__dirname, "..", "..", "src", "taskpane", "boot");

  test("is ES5 (it must run in Internet Explorer 11)", () => {
    const source = fs.readFileSync(path.join(BOOT, "boot.js"), "utf8");
    expect(() => parse(source, { ecmaVersion: 5 })).not.toThrow();
  });

  test("the engine probe needs class static blocks, the floor of the bundles", () => {
    const source = fs.readFileSync(path.join(BOOT, "engine-probe.js"), "utf8");
    expect(() => parse(source, { ecmaVersion: 2021 })).toThrow();
    expect(() => parse(source, { ecmaVersion: 2022 })).not.toThrow();
  });
});
