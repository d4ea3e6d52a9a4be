import { DEFAULT_SETTINGS } from "../../src/host/workbook-host";
import { sanitizeSettings } from "../../src/host/file-host";
import { STRINGS } from "../../src/taskpane/i18n";
import {
  AUTO_PERIOD,
  periodChoices,
  periodValue,
  sameSettings,
  toEngineOptions,
  withPeriod,
  yearChoices,
} from "../../src/taskpane/model/settings";
import { isDarkColor, pickTheme } from "../../src/taskpane/model/theme";
import { SAMPLE_PATH, analyseSample } from "./fixtures";

describe("settings choices", () => {
  it("offers automatic (with what the headers say) and 1—12月", () => {
    const choices = periodChoices(STRINGS.zh, 10);
    expect(choices).toHaveLength(13);
    expect(choices[0]).toEqual({ value: AUTO_PERIOD, label: "按表头（当前：1—10月）" });
    expect(choices[1]).toEqual({ value: "1", label: "1月" });
    expect(choices[10]).toEqual({ value: "10", label: "1—10月" });
    expect(choices[12]).toEqual({ value: "12", label: "全年" });
    expect(periodChoices(STRINGS.zh)[0].label).toBe("按表头（自动）");
  });

  it("writes the year both ways", () => {
    expect(yearChoices(2023).map((c) => c.label)).toEqual(["2023年", "二〇二三年"]);
  });

  it("reads the period back", () => {
    const ten = withPeriod(DEFAULT_SETTINGS, "10");
    expect(ten.period).toBe(10);
    expect(periodValue(ten)).toBe("10");
    expect(withPeriod(ten, AUTO_PERIOD).period).toBeUndefined();
    expect("period" in withPeriod(ten, AUTO_PERIOD)).toBe(false);
    expect(withPeriod(ten, "13").period).toBeUndefined();
    expect(periodValue(DEFAULT_SETTINGS)).toBe(AUTO_PERIOD);
  });

  it("turns settings into engine options", () => {
    expect(toEngineOptions(DEFAULT_SETTINGS)).toEqual({
      decimals: 2,
      scaleLargeAmounts: true,
      yearStyle: "arabic",
    });
    expect(toEngineOptions({ ...DEFAULT_SETTINGS, period: 6, yearStyle: "chinese" })).toEqual({
      period: 6,
      decimals: 2,
      scaleLargeAmounts: true,
      yearStyle: "chinese",
    });
  });

  it("changes the report text", async () => {
    const analysis = await analyseSample(
      SAMPLE_PATH,
      toEngineOptions({ ...DEFAULT_SETTINGS, period: 6, yearStyle: "chinese", decimals: 1 })
    );
    expect(analysis.months).toBe(6);
    expect(analysis.paragraphs[0].text.startsWith("二〇二三年上半年，")).toBe(true);
    expect(analysis.paragraphs[0].text).toContain("完成全年目标的112.6%");
  });

  it("compares settings", () => {
    expect(sameSettings(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS })).toBe(true);
    expect(sameSettings(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, decimals: 1 })).toBe(false);
  });
});

describe("sanitizeSettings", () => {
  it("keeps valid values and replaces the rest by defaults", () => {
    expect(
      sanitizeSettings({ period: 10, decimals: 0, scaleLargeAmounts: false, yearStyle: "chinese" })
    ).toEqual({ period: 10, decimals: 0, scaleLargeAmounts: false, yearStyle: "chinese" });
    expect(
      sanitizeSettings({ period: 13, decimals: 2.5, scaleLargeAmounts: "yes", yearStyle: "roman" })
    ).toEqual(DEFAULT_SETTINGS);
    expect(sanitizeSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(sanitizeSettings("{}")).toEqual(DEFAULT_SETTINGS);
  });
});

describe("theme", () => {
  it("is dark when Office's body background is dark", () => {
    expect(isDarkColor("#1F1F1F")).toBe(true);
    expect(isDarkColor("#262626")).toBe(true);
    expect(isDarkColor("#FFFFFF")).toBe(false);
    expect(isDarkColor("#e6e6e6")).toBe(false);
    expect(isDarkColor("#333")).toBe(true);
    expect(isDarkColor("not a colour")).toBe(false);
    expect(isDarkColor(undefined)).toBe(false);
  });

  it("follows Office, else ?theme=, else the system", () => {
    expect(pickTheme({ officeBodyBackground: "#1f1f1f" })).toBe("dark");
    expect(pickTheme({ officeBodyBackground: "#ffffff", prefersDark: true })).toBe("light");
    expect(pickTheme({ prefersDark: true })).toBe("dark");
    expect(pickTheme({ prefersDark: true, search: "?theme=light" })).toBe("light");
    expect(pickTheme({ search: "?theme=dark" })).toBe("dark");
    expect(pickTheme({})).toBe("light");
  });
});
