import { nameColumnFor, previewHeaders } from "../../src/taskpane/model/preview";
import { SAMPLE_PATH, analyseSample } from "./fixtures";

describe("nameColumnFor", () => {
  it("finds the name column of the table holding the cell", async () => {
    const analysis = await analyseSample(SAMPLE_PATH);
    expect(nameColumnFor(analysis, "就业", "G9")).toBe(1); // 序号 in A, 指标名称 in B
    expect(nameColumnFor(analysis, "就业", "G200")).toBe(0);
    expect(nameColumnFor(analysis, "无此表", "A1")).toBe(0);
    expect(nameColumnFor(undefined, "就业", "G9")).toBe(0);
    expect(nameColumnFor(analysis, "就业", "bad")).toBe(0);
  });
});

describe("previewHeaders", () => {
  it("names the columns of the table holding the cell, from its header row", async () => {
    const analysis = await analyseSample(SAMPLE_PATH);
    const headers = previewHeaders(analysis, "就业", "G9");
    expect(headers).toBeDefined();
    const table = analysis.tables.find((t) => t.sheet === "就业")!;
    expect(`A${headers!.row}`).toBe(table.range.split(":")[0].replace(/^[A-Z]+/, "A"));
    const name = table.columns.find((c) => c.role === "name")!;
    expect(headers!.names.get("B")).toBe(name.header);
    expect(headers!.names.size).toBe(table.columns.filter((c) => c.header.trim()).length);
    expect(previewHeaders(analysis, "就业", "G200")).toBeUndefined();
    expect(previewHeaders(undefined, "就业", "G9")).toBeUndefined();
  });
});
