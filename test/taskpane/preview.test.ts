import { nameColumnFor } from "../../src/taskpane/model/preview";
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
