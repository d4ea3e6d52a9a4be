import { STRINGS, pickLanguage } from "../../src/taskpane/i18n";

describe("pickLanguage", () => {
  it("is Chinese by default", () => {
    expect(pickLanguage({})).toBe("zh");
    expect(pickLanguage({ browserLanguage: "fr-FR" })).toBe("zh");
    expect(pickLanguage({ officeLanguage: "de-DE" })).toBe("zh");
    expect(pickLanguage({ officeLanguage: "" })).toBe("zh");
  });

  it("follows an English Office or browser", () => {
    expect(pickLanguage({ officeLanguage: "en-US" })).toBe("en");
    expect(pickLanguage({ officeLanguage: "EN-gb" })).toBe("en");
    expect(pickLanguage({ browserLanguage: "en" })).toBe("en");
    expect(pickLanguage({ officeLanguage: "zh-CN", browserLanguage: "en-US" })).toBe("zh");
  });

  it("lets ?lang= override", () => {
    expect(pickLanguage({ browserLanguage: "zh-CN", search: "?lang=en" })).toBe("en");
    expect(pickLanguage({ browserLanguage: "en-US", search: "?lang=zh" })).toBe("zh");
    expect(pickLanguage({ browserLanguage: "en-US", search: "?lang=xx" })).toBe("en");
    expect(pickLanguage({ officeLanguage: "zh-CN", search: "?x=1&lang=en-US" })).toBe("en");
  });
});

describe("strings", () => {
  it("has the same keys and kinds in both languages", () => {
    const zhKeys = Object.keys(STRINGS.zh).sort();
    expect(Object.keys(STRINGS.en).sort()).toEqual(zhKeys);
    for (const key of zhKeys) {
      const k = key as keyof typeof STRINGS.zh;
      expect([key, typeof STRINGS.en[k]]).toEqual([key, typeof STRINGS.zh[k]]);
    }
  });

  it("has no empty strings", () => {
    for (const strings of Object.values(STRINGS))
      for (const [key, value] of Object.entries(strings))
        if (typeof value === "string") expect([key, value.trim().length > 0]).toEqual([key, true]);
  });

  it("fills in parameters", () => {
    expect(STRINGS.zh.summary(4, 18)).toBe("4张指标表 · 18项指标");
    expect(STRINGS.en.summary(1, 2)).toBe("1 table · 2 indicators");
    expect(STRINGS.zh.periodMonths(10)).toBe("1—10月");
    expect(STRINGS.en.periodMonths(10)).toBe("January–October");
    expect(STRINGS.zh.ceilingWithin("3.5%")).toBe("控制在3.5%以内");
    expect(STRINGS.zh.growthPoints("+1.2")).toBe("+1.2个百分点");
  });
});
