import {
  CHANGE_READING,
  CHANGE_WORD_BEFORE,
  COUNT_CHANGE_WORDS,
  OPPOSITE_CHANGE,
} from "../../../src/core/lexicon";

describe("CHANGE_READING", () => {
  test.each([
    ["增长", "up"],
    ["增加", "up"],
    ["提高", "up"],
    ["上升", "up"],
    ["增幅", "up"],
    ["下降", "down"],
    ["减少", "down"],
    ["降低", "down"],
    ["回落", "down"],
    ["下滑", "down"],
    ["降幅", "down"],
    ["减幅", "down"],
    ["增速", "neutral"],
  ])("%s reads %s", (word, direction) => {
    const read = CHANGE_READING.up.test(word)
      ? "up"
      : CHANGE_READING.down.test(word)
        ? "down"
        : CHANGE_READING.neutral.test(word)
          ? "neutral"
          : undefined;
    expect(read).toBe(direction);
    expect(new RegExp(`^(?:${CHANGE_READING.word.source})$`).test(word)).toBe(true);
  });

  test("every direction word the checker rewrites is read", () => {
    for (const word of Object.keys(OPPOSITE_CHANGE)) {
      // 多/少 say a change only after what it is against: "比上年多3家", not "1300多人".
      const said = COUNT_CHANGE_WORDS.includes(word) ? `比上年${word}` : word;
      expect(CHANGE_READING.word.test(said) || CHANGE_READING.moreOrFewer.test(said)).toBe(true);
      expect(CHANGE_WORD_BEFORE.test(said)).toBe(true);
    }
    for (const word of COUNT_CHANGE_WORDS) expect(CHANGE_WORD_BEFORE.test(word)).toBe(false);
  });

  test("what a change is against", () => {
    for (const words of ["同比", "比上年同期", "较去年", "与上年相比"])
      expect(new RegExp(`^(?:${CHANGE_READING.yearOnYear.source})$`).test(words)).toBe(true);
  });
});
