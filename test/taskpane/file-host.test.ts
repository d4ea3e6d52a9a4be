import * as fs from "fs";
import { WorkbookModel } from "../../src/core/workbook";
import {
  FileHost,
  SETTINGS_STORAGE_KEY,
  SettingsStorage,
  cellText,
  copyFileName,
  previewAround,
  workbookWithReport,
} from "../../src/host/file-host";
import { DEFAULT_SETTINGS } from "../../src/host/workbook-host";
import { readWorkbookBuffer } from "../../src/xlsx/read-workbook";
import { sheet } from "../helpers/sheet";
import { SAMPLE_PATH } from "./fixtures";

class MemoryStorage implements SettingsStorage {
  items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

const sampleBytes = new Uint8Array(fs.readFileSync(SAMPLE_PATH));

describe("FileHost", () => {
  it("reads the file once, with ExcelJS loaded on demand", async () => {
    const host = new FileHost({ fileName: "街道指标台账.xlsx", bytes: sampleBytes });
    expect(host.kind).toBe("file");
    expect(host.label).toBe("街道指标台账.xlsx");
    const model = await host.read();
    expect(model.sheets.map((s) => s.name)).toContain("就业");
    expect(await host.read()).toBe(model);
  });

  it("passes read errors on, and may read again", async () => {
    let calls = 0;
    const host = new FileHost({
      fileName: "a.xlsx",
      bytes: new Uint8Array(),
      readWorkbook: async () => {
        calls++;
        if (calls === 1) throw new Error("first");
        return { sheets: [] };
      },
    });
    await expect(host.read()).rejects.toThrow("first");
    await expect(host.read()).resolves.toEqual({ sheets: [] });
  });

  it("rejects a file that is not a workbook with the reader's message", async () => {
    const host = new FileHost({ fileName: "a.xlsx", bytes: new TextEncoder().encode("a,b\n1,2") });
    await expect(host.read()).rejects.toMatchObject({ code: "NOT_XLSX" });
  });

  it("tells listeners which cell to show", async () => {
    const host = new FileHost({ fileName: "a.xlsx", bytes: sampleBytes });
    const selected: string[] = [];
    const stop = host.onSelect((sheetName, cell) => selected.push(`${sheetName}!${cell}`));
    await host.selectCell("就业", "E4");
    stop();
    await host.selectCell("就业", "E5");
    expect(selected).toEqual(["就业!E4"]);
    const preview = await host.preview("就业", "E4");
    expect(preview.found).toBe(true);
    expect(preview.rows.flatMap((r) => r.cells).find((c) => c.selected)).toMatchObject({
      address: "E4",
      text: "1,126", // formatted #,##0 in the sample
    });
  });

  it("cannot insert into a selection", async () => {
    const host = new FileHost({ fileName: "a.xlsx", bytes: sampleBytes });
    expect(await host.insertIntoSelection("x")).toEqual({ kind: "unsupported" });
    expect(await host.insertIntoSelection("x", true)).toEqual({ kind: "unsupported" });
  });

  it("never fires onChange", () => {
    const host = new FileHost({ fileName: "a.xlsx", bytes: sampleBytes });
    const callback = jest.fn();
    const stop = host.onChange(callback);
    stop();
    expect(callback).not.toHaveBeenCalled();
  });

  it("keeps settings in the storage, sanitised", async () => {
    const storage = new MemoryStorage();
    const host = new FileHost({ fileName: "a.xlsx", bytes: sampleBytes, storage });
    expect(await host.loadSettings()).toEqual(DEFAULT_SETTINGS);
    await host.saveSettings({ ...DEFAULT_SETTINGS, period: 10, decimals: 1 });
    expect(JSON.parse(storage.getItem(SETTINGS_STORAGE_KEY) ?? "")).toEqual({
      ...DEFAULT_SETTINGS,
      period: 10,
      decimals: 1,
    });
    expect(await host.loadSettings()).toMatchObject({ period: 10, decimals: 1 });
    storage.setItem(SETTINGS_STORAGE_KEY, "{not json");
    expect(await host.loadSettings()).toEqual(DEFAULT_SETTINGS);
    const noStorage = new FileHost({ fileName: "a.xlsx", bytes: sampleBytes });
    await noStorage.saveSettings(DEFAULT_SETTINGS);
    expect(await noStorage.loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it("without a download, cannot write a report sheet", async () => {
    const host = new FileHost({ fileName: "a.xlsx", bytes: sampleBytes });
    expect(host.canWriteCopy).toBe(false);
    expect(await host.writeReportSheet([{ heading: "h", text: "t" }])).toEqual({
      kind: "unsupported",
    });
  });

  it("downloads a copy with a 报告 sheet and leaves the original bytes alone", async () => {
    const before = Buffer.from(sampleBytes);
    const downloads: { bytes: Uint8Array; name: string }[] = [];
    const host = new FileHost({
      fileName: "街道指标台账.xlsx",
      bytes: sampleBytes,
      download: (bytes, name) => {
        downloads.push({ bytes, name });
      },
    });
    const blocks = [
      { heading: "（一）就业工作", text: "2023年，完成城镇新增就业1126人。" },
      { heading: "（二）社会保险工作", text: "2023年，……" },
    ];
    const result = await host.writeReportSheet(blocks);
    expect(result).toEqual({ kind: "written", sheet: "报告", cells: 4, created: true });
    expect(host.lastCopyName).toBe("街道指标台账-报告.xlsx");
    expect(downloads).toHaveLength(1);
    expect(Buffer.from(sampleBytes).equals(before)).toBe(true);
    const copy = await readWorkbookBuffer(downloads[0].bytes, downloads[0].name);
    const report = copy.sheets.find((s) => s.name === "报告");
    expect(report?.rows[0]?.[0]?.value).toBe("（一）就业工作");
    expect(report?.rows[1]?.[0]?.value).toBe("2023年，完成城镇新增就业1126人。");
    expect(report?.rows[3]?.[0]?.value).toBe("（二）社会保险工作");
    // the original sheets are all still there
    const original = await host.read();
    expect(copy.sheets.map((s) => s.name)).toEqual([...original.sheets.map((s) => s.name), "报告"]);
  });

  it("replaces an existing 报告 sheet in the copy", async () => {
    const first = await workbookWithReport(sampleBytes, [{ heading: "旧", text: "旧文字" }]);
    const second = await workbookWithReport(first.bytes, [{ heading: "新", text: "新文字" }]);
    expect(second).toMatchObject({ created: false, cells: 2 });
    const copy = await readWorkbookBuffer(second.bytes);
    const reports = copy.sheets.filter((s) => s.name === "报告");
    expect(reports).toHaveLength(1);
    expect(reports[0].rows[0]?.[0]?.value).toBe("新");
  });
});

describe("previewAround", () => {
  const model: WorkbookModel = {
    sheets: [
      sheet("表", [
        ["指标", "单位", "目标", "完成", "上年", "完成率", "同比"],
        [
          "新增就业",
          "人",
          1000,
          1126,
          1050,
          { v: 1.126, fmt: "0.0%" },
          { v: 0.0724, fmt: "0.00%" },
        ],
        ["其中：大学生", "人", null, 12, null, null, null],
      ]),
    ],
  };

  it("starts at column A for a cell near it", () => {
    const preview = previewAround(model, "表", "D2", { rows: 3, cols: 5 });
    expect(preview).toMatchObject({
      found: true,
      cell: "D2",
      columns: ["A", "B", "C", "D", "E"],
      pinnedFirst: false,
    });
    expect(preview.rows.map((r) => r.number)).toEqual([1, 2, 3]);
    expect(preview.rows[1].cells[3]).toEqual({
      address: "D2",
      text: "1126",
      numeric: true,
      selected: true,
    });
    expect(preview.rows[2].cells[0]).toMatchObject({ text: "其中：大学生", numeric: false });
  });

  it("keeps column A in view for a cell further right", () => {
    const preview = previewAround(model, "表", "$G$2", { rows: 3, cols: 4 });
    expect(preview.columns).toEqual(["A", "F", "G", "H"]);
    expect(preview.pinnedFirst).toBe(true);
    expect(preview.rows[1].cells.map((c) => c.text)).toEqual(["新增就业", "112.6%", "7.24%", ""]);
  });

  it("starts at row 1 near the top and centres the cell further down", () => {
    expect(previewAround(model, "表", "A1").rows[0].number).toBe(1);
    expect(previewAround(model, "表", "A20").rows.map((r) => r.number)).toEqual([
      17, 18, 19, 20, 21, 22, 23,
    ]);
  });

  it("says when the sheet or the address is unknown", () => {
    expect(previewAround(model, "无", "A1")).toMatchObject({ found: false, rows: [] });
    expect(previewAround(model, "表", "1A")).toMatchObject({ found: false });
  });
});

describe("cellText", () => {
  it("shows values roughly as Excel does", () => {
    expect(cellText(undefined)).toBe("");
    expect(cellText({ value: null })).toBe("");
    expect(cellText({ value: "文字" })).toBe("文字");
    expect(cellText({ value: 1126 })).toBe("1126");
    expect(cellText({ value: 1234567.5, numFmt: "#,##0.00" })).toBe("1,234,567.5");
    expect(cellText({ value: 0.986, numFmt: "0.0%" })).toBe("98.6%");
    expect(cellText({ value: 0.5, numFmt: "0%" })).toBe("50%");
    expect(cellText({ value: { error: "#DIV/0!" } })).toBe("#DIV/0!");
    expect(cellText({ value: true })).toBe("TRUE");
    expect(cellText({ value: new Date(Date.UTC(2023, 9, 31)) })).toBe("2023-10-31");
    expect(cellText({ value: 1 / 3 })).toBe("0.3333");
  });
});

describe("copyFileName", () => {
  it("adds -报告 before the extension", () => {
    expect(copyFileName("街道指标台账.xlsx")).toBe("街道指标台账-报告.xlsx");
    expect(copyFileName("A.XLSX")).toBe("A-报告.xlsx");
    expect(copyFileName(".xlsx")).toBe("workbook-报告.xlsx");
  });
});

describe("the sheet preview keeps the name column in view", () => {
  const model: WorkbookModel = {
    sheets: [
      sheet("就业", [
        ["序号", "指标名称", "单位", "目标", "完成", "完成率", "上年", "同比", "备注"],
        [1, "城镇新增就业", "人", 1000, 1126, 1.126, 1050, 0.07, "x"],
      ]),
    ],
  };

  it("starts at the name column when the cell is near it", () => {
    expect(previewAround(model, "就业", "E2", undefined, 1).columns).toEqual([
      "B",
      "C",
      "D",
      "E",
      "F",
    ]);
    expect(previewAround(model, "就业", "A2", undefined, 1).columns[0]).toBe("A");
  });

  it("pins the name column first for a cell further right", () => {
    const preview = previewAround(model, "就业", "I2", undefined, 1);
    expect(preview.columns).toEqual(["B", "H", "I", "J", "K"]);
    expect(preview.pinnedFirst).toBe(true);
    expect(preview.rows[1].cells[0].text).toBe("城镇新增就业");
  });
});
