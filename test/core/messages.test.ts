/**
 * The one catalogue: every code once, with its severity and a text in each language; an
 * English text carries no Chinese of its own (only the user's words passed in).
 */
import { FINDING_RULES, FindingCode, FieldName, makeFinding } from "../../src/core/findings";
import { MESSAGE_CODES, isMessageCode, messageSeverity } from "../../src/core/messages";
import { ParamsOf, REPORT_MESSAGES, ReportMessageCode, say } from "../../src/core/report/messages";

const CHINESE = /[\u3400-\u9fff]/;
const who = { zh: "X（S!A1）", en: "X" };
const problem = { zh: "问题", en: "a problem" };

/** Parameters for each report message, in English words only; a new code must add its own. */
const SAMPLES: { [C in ReportMessageCode]: ParamsOf<C>[] } = {
  NO_VALUE: [{ indicator: who, field: "target" }],
  FLAGGED_CELL: [{ indicator: who, cell: "S!D4" }],
  NO_RATE: (["ceiling", "missing", "percent"] as const).map((why) => ({ indicator: who, why })),
  NO_SCHEDULE: [{}],
  NO_SHORTFALL: (["met", "ceiling"] as const).map((why) => ({ indicator: who, why })),
  NO_GROWTH: [{ indicator: who }],
  NO_CHANGE: [{ indicator: who }],
  UNIT_MISMATCH: [{ indicator: who, written: "kg", unit: "" }],
  GROWTH_KIND: (["points", "percent", "lessThanDouble"] as const).map((kind) => ({
    indicator: who,
    kind,
  })),
  GROWTH_FLAT: [{ indicator: who }],
  GROWTH_DIRECTION: [
    { indicator: who, words: "growth", written: "up", actual: "down" },
    { indicator: who, words: "change", written: "down", actual: "up" },
    { indicator: who, words: "schedule", written: "down", actual: "up" },
  ],
  STATED_MISMATCH: [
    { field: "rate", cell: "S!G4" },
    { field: "growth", cell: "S!F4" },
  ],
  NO_INDICATOR: (["phrase", "list", "unnamed", "afterUnclear"] as const).map((where) => ({
    words: "words",
    where,
  })),
  AMBIGUOUS: [{ candidates: ["A (S!A1)", "B (S!A2)"], names: ["A", "B"] }],
  DUPLICATE_DIFFERS: [{ indicator: who, a: "S!D4", b: "T!D4" }],
  PERIODS_DIFFER: [{ periods: ["1-11", "12"] }],
  AGE_DIFFERS: [{ indicator: who, age: "60+", otherAge: "18+" }],
  PART_IS_TOTAL: [{ indicator: who }],
  UNDONE: [{ words: "not" }],
  QUALIFIED: [{}],
  UNCLEAR_SUBJECT: [{}, { main: who, parts: ["A", "B"] }],
  NO_UNIT: [{}],
  NO_FIELD: [{ change: true }, { change: false }],
  EACH_DIFFERS: [{ values: ["A 1", "B 2"] }],
  OWN_SUBJECT: [{ words: "w", topic: who, what: "share" }],
  PLANNED: [{ words: "plan" }],
  AIMED_AHEAD: [{ words: "2025" }],
  COUNTED_NOUN: [{ indicator: who, written: "people", counted: "households" }],
  TOO_COARSE: [{ written: "0.08" }],
  UNDECIDED: [{}],
  NOT_A_NUMBER: (
    [
      "ordinal",
      "age",
      "ageRange",
      "date",
      "period",
      "range",
      "name",
      "quoted",
      "heading",
      "qualifier",
      "schedule",
      "hotline",
      "code",
    ] as const
  ).map((kind) => ({ kind })),
  CHECK_AGREES: [
    { indicator: who, field: "actual", cells: ["S!D4"] },
    { indicator: who, field: "rate", cells: [] },
  ],
  CHECK_WORDING: [
    { why: problem, written: "up 3%", corrected: "down 3%", statedAgrees: true },
    { why: problem, written: "up 3%", statedAgrees: false },
  ],
  CHECK_RATE_DIFFERS: [
    {
      indicator: who,
      field: "rate",
      written: "96%",
      expected: "97%",
      cells: ["S!D4", "S!C4"],
      corrected: "97%",
      statedAgrees: true,
    },
    {
      indicator: who,
      field: "growth",
      written: "3%",
      expected: "4%",
      cells: [],
      statedAgrees: false,
    },
  ],
  CHECK_SCALE_SLIP: [
    {
      indicator: who,
      field: "actual",
      slip: { zh: "万/亿", en: "a factor of 10 000" },
      written: "12.6",
      book: "12.6",
      cells: ["S!D4"],
    },
  ],
  CHECK_VALUE_DIFFERS: [
    {
      indicator: who,
      field: "actual",
      written: "10",
      book: "1",
      inTextUnit: "1",
      cells: [],
      times: 1,
    },
    {
      indicator: who,
      field: "target",
      written: "1",
      book: "100",
      inTextUnit: "100",
      cells: ["S!C4"],
      times: -2,
    },
    {
      indicator: who,
      field: "previous",
      written: "5",
      book: "6",
      inTextUnit: "6",
      cells: ["S!E4"],
    },
  ],
  CHECK_NO_INDICATOR: [{}],
  TEMPLATE_AT: [
    { line: 1, column: 3, problem },
    { line: 2, column: 1, problem },
  ],
  UNCLOSED_TAG: [{}],
  STRAY_BRACE: [{}],
  EMPTY_TAG: (["ref", "condition", "braces"] as const).map((where) => ({ where })),
  UNKNOWN_FIELD: [{ word: "w" }],
  BAD_OPTION: [{ option: "o" }],
  UNKNOWN_CONDITION: [{ word: "w" }],
  UNCLOSED_CONDITION: [{}],
  NESTED_TOO_DEEP: [{ levels: 32 }],
  STRAY_ELSE: [{}],
  STRAY_END: [{}],
  UNKNOWN_INDICATOR: [
    { name: "n", like: [] },
    { name: "n", like: ["a", "b"] },
  ],
  AMBIGUOUS_INDICATOR: [
    { name: "n", cells: ["S!D4", "T!D4"] },
    { name: "n", names: "a, b" },
  ],
  OUTLINE_AT: [{ cell: "S!B3", problem }],
  OUTLINE_UNKNOWN_ITEM: [{ name: "n", like: ["a"] }],
  OUTLINE_AMBIGUOUS_ITEM: [
    { name: "n", cells: ["S!D4", "T!D4"] },
    { name: "n", names: "a, b" },
  ],
  OUTLINE_NO_HEADER: [{}],
  OUTLINE_BAD_NUMBER: [{ number: "x" }],
};

describe("the message catalogue", () => {
  it("defines each code once, findings and report messages together", () => {
    expect(new Set(MESSAGE_CODES).size).toBe(MESSAGE_CODES.length);
    for (const code of Object.keys(REPORT_MESSAGES)) expect(code in FINDING_RULES).toBe(false);
    expect(MESSAGE_CODES.every(isMessageCode)).toBe(true);
    expect(isMessageCode("NOT_A_CODE")).toBe(false);
  });

  it("gives every code a severity", () => {
    for (const code of MESSAGE_CODES)
      expect(["error", "warning", "info"]).toContain(messageSeverity(code));
  });

  it.each(Object.keys(SAMPLES) as ReportMessageCode[])(
    "%s says it in both languages, English without Chinese",
    (code) => {
      for (const params of SAMPLES[code] as ParamsOf<typeof code>[]) {
        const text = say(code, params);
        expect(text.code).toBe(code);
        expect(text.zh).not.toBe("");
        expect(CHINESE.test(text.zh)).toBe(true);
        expect(text.en).not.toBe("");
        expect(text.en).not.toMatch(CHINESE);
      }
    }
  );

  it.each(Object.keys(FINDING_RULES) as FindingCode[])(
    "finding %s says it in both languages, English without Chinese",
    (code) => {
      const fields: FieldName[] = ["actual", "target", "previous"];
      for (const field of fields) {
        const finding = makeFinding(code, {
          sheet: "S",
          cell: "D4",
          indicator: "X",
          field,
          otherField: "target",
          raw: "1",
          a: "2",
          b: "3",
          c: "4",
        });
        expect(finding.message).not.toBe("");
        expect(finding.messageEn).not.toMatch(CHINESE);
      }
    }
  );
});
