import { createExcelHost } from "../../src/excel/excel-host";
import { normalizeSettings, SETTINGS_KEY } from "../../src/excel/settings";
import { DEFAULT_SETTINGS, ReportSettings } from "../../src/host/workbook-host";
import { FakeExcel } from "./fake-excel";

function setup() {
  const fake = new FakeExcel();
  fake.addSheet("就业", [["指标"]]);
  return { fake, host: createExcelHost(fake.run, fake.requirements()) };
}

test("round trip through the workbook settings", async () => {
  const { fake, host } = setup();
  const settings: ReportSettings = {
    period: 10,
    decimals: 1,
    scaleLargeAmounts: false,
    yearStyle: "chinese",
  };
  await host.saveSettings(settings);
  expect(typeof fake.settings.get(SETTINGS_KEY)).toBe("string");
  expect(await host.loadSettings()).toEqual(settings);
  expect(fake.writes).toEqual([]);

  // A second host on the same workbook (the file was reopened) reads the same.
  const again = createExcelHost(fake.run, fake.requirements());
  expect(await again.loadSettings()).toEqual(settings);
});

test("no settings yet: the defaults, in one sync", async () => {
  const { fake, host } = setup();
  expect(await host.loadSettings()).toEqual(DEFAULT_SETTINGS);
  expect(fake.syncCount).toBe(1);
});

test.each([
  ["not JSON", "{decimals: 3"],
  ["JSON of the wrong shape", "[1,2,3]"],
  ["a number", 42],
  ["null", null],
])("broken settings (%s) give the defaults", async (_label, raw) => {
  const { fake, host } = setup();
  fake.settings.set(SETTINGS_KEY, raw);
  expect(await host.loadSettings()).toEqual(DEFAULT_SETTINGS);
});

test("bad fields take their default, good ones stay", () => {
  expect(
    normalizeSettings(
      JSON.stringify({ period: 13, decimals: 1, scaleLargeAmounts: "yes", yearStyle: "roman" })
    )
  ).toEqual({ ...DEFAULT_SETTINGS, decimals: 1 });
  expect(normalizeSettings({ period: 6.5, decimals: 9 })).toEqual(DEFAULT_SETTINGS);
  expect(normalizeSettings({ period: 6 })).toEqual({ ...DEFAULT_SETTINGS, period: 6 });
});

test("loadSettings never throws, even when Excel fails", async () => {
  const failing = (() => Promise.reject(new Error("Excel is busy"))) as unknown as typeof Excel.run;
  const host = createExcelHost(failing, { isSetSupported: () => true });
  const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  expect(await host.loadSettings()).toEqual(DEFAULT_SETTINGS);
  warn.mockRestore();
});

test("saveSettings stores only valid values", async () => {
  const { fake, host } = setup();
  await host.saveSettings({ ...DEFAULT_SETTINGS, decimals: 99 } as ReportSettings);
  expect(JSON.parse(String(fake.settings.get(SETTINGS_KEY)))).toEqual(DEFAULT_SETTINGS);
});
