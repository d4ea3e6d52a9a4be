import { createExcelHost } from "../../src/excel/excel-host";
import { FakeExcel } from "./fake-excel";

function setup(version = "1.17") {
  const fake = new FakeExcel();
  fake.addSheet("就业", [
    ["指标", "目标", "完成"],
    ["城镇新增就业", 1000, 1126],
  ]);
  fake.addSheet("社保", [["指标"]]);
  const host = createExcelHost(fake.run, fake.requirements(version), { debounceMs: 800 });
  return { fake, host };
}

/** Lets pending promises (subscription, event dispatch) run, and advances the clock. */
async function advance(ms: number): Promise<void> {
  await jest.advanceTimersByTimeAsync(ms);
}

beforeEach(() => {
  jest.useFakeTimers();
});

afterEach(() => {
  jest.useRealTimers();
});

test("changes are debounced: one call back after 800 ms of quiet", async () => {
  const { fake, host } = setup();
  const callback = jest.fn();
  host.onChange(callback);
  await advance(0);
  expect(fake.activeHandlers().map((r) => r.event)).toEqual([
    "onChanged",
    "onFormatChanged",
    "tableAdded",
    "tableDeleted",
    "onAdded",
    "onDeleted",
  ]);

  fake.userEdit("就业", "C2", 1130);
  await advance(500);
  fake.userEdit("就业", "C2", 1131);
  fake.userEdit("社保", "B1", "目标");
  await advance(799);
  expect(callback).not.toHaveBeenCalled();
  await advance(1);
  expect(callback).toHaveBeenCalledTimes(1);

  fake.userEdit("就业", "C2", 1132);
  await advance(800);
  expect(callback).toHaveBeenCalledTimes(2);
});

test("the add-in's own writes to 报告 do not call back; the user's data do", async () => {
  const { fake, host } = setup();
  const callback = jest.fn();
  host.onChange(callback);
  await advance(0);

  await host.writeReportSheet([{ heading: "一、就业", text: "城镇新增就业1126人。" }]);
  await host.writeReportSheet([{ heading: "一、就业", text: "城镇新增就业1131人。" }]);
  await advance(2000);
  expect(fake.writes.length).toBeGreaterThan(0);
  expect(callback).not.toHaveBeenCalled();

  fake.userEdit("就业", "C2", 1131);
  await advance(800);
  expect(callback).toHaveBeenCalledTimes(1);
});

test("the 报告 sheet written in an earlier session is recognised from the memory", async () => {
  const { fake, host } = setup();
  await host.writeReportSheet([{ heading: "一、就业", text: "城镇新增就业1126人。" }]);
  await advance(0);

  const reopened = createExcelHost(fake.run, fake.requirements());
  const callback = jest.fn();
  reopened.onChange(callback);
  await advance(0);
  await reopened.writeReportSheet([{ heading: "一、就业", text: "城镇新增就业1131人。" }]);
  await advance(2000);
  expect(callback).not.toHaveBeenCalled();
});

test("unsubscribe removes the handlers and cancels a pending call back", async () => {
  const { fake, host } = setup();
  const callback = jest.fn();
  const unsubscribe = host.onChange(callback);
  await advance(0);
  expect(fake.activeHandlers().length).toBe(6);

  fake.userEdit("就业", "C2", 1130);
  await advance(400);
  unsubscribe();
  await advance(0);
  expect(fake.activeHandlers()).toEqual([]);
  fake.userEdit("就业", "C2", 1131);
  await advance(2000);
  expect(callback).not.toHaveBeenCalled();
  unsubscribe(); // twice is harmless
});

test("unsubscribe before the subscription finished still removes the handlers", async () => {
  const { fake, host } = setup();
  const unsubscribe = host.onChange(jest.fn());
  unsubscribe();
  await advance(0);
  expect(fake.registrations.length).toBe(6);
  expect(fake.activeHandlers()).toEqual([]);
});

test("before ExcelApi 1.9: each sheet's onChanged plus sheets added and deleted", async () => {
  const { fake, host } = setup("1.8");
  const callback = jest.fn();
  const unsubscribe = host.onChange(callback);
  await advance(0);
  expect(fake.activeHandlers().map((r) => `${r.event}${r.sheetId ? " " + r.sheetId : ""}`)).toEqual(
    [
      `onChanged ${fake.sheet("就业").id}`,
      `onChanged ${fake.sheet("社保").id}`,
      "onAdded",
      "onDeleted",
    ]
  );
  fake.userEdit("社保", "A2", "参保人数");
  await advance(800);
  expect(callback).toHaveBeenCalledTimes(1);
  unsubscribe();
  await advance(0);
  expect(fake.activeHandlers()).toEqual([]);
});

test("a paragraph inserted into a data sheet is a change like any other", async () => {
  const { fake, host } = setup();
  const callback = jest.fn();
  host.onChange(callback);
  await advance(0);
  fake.select("社保", "C5");
  await host.insertIntoSelection("城乡居民医保参保24650人。");
  await advance(800);
  expect(callback).toHaveBeenCalledTimes(1);
});
