import { columnLetters, parseA1, parseRange, rangeToA1, toA1 } from "../../src/core/address";

describe("columnLetters", () => {
  test.each<[number, string]>([
    [0, "A"],
    [1, "B"],
    [25, "Z"],
    [26, "AA"],
    [27, "AB"],
    [51, "AZ"],
    [52, "BA"],
    [701, "ZZ"],
    [702, "AAA"],
    [16383, "XFD"], // Excel's last column
  ])("%i → %s", (col, letters) => {
    expect(columnLetters(col)).toBe(letters);
  });
});

describe("toA1", () => {
  test.each<[number, number, string]>([
    [0, 0, "A1"],
    [6, 1, "B7"],
    [9, 26, "AA10"],
    [1048575, 16383, "XFD1048576"],
  ])("row %i, col %i → %s", (row, col, a1) => {
    expect(toA1(row, col)).toBe(a1);
  });
});

describe("parseA1", () => {
  test.each<[string, number, number]>([
    ["A1", 0, 0],
    ["B7", 6, 1],
    ["$B$7", 6, 1],
    ["$B7", 6, 1],
    ["B$7", 6, 1],
    ["aa10", 9, 26],
    [" C3 ", 2, 2],
    ["Z1", 0, 25],
    ["AA1", 0, 26],
    ["ZZ1", 0, 701],
    ["AAA1", 0, 702],
    ["XFD1048576", 1048575, 16383],
  ])("%j → row %i, col %i", (address, row, col) => {
    expect(parseA1(address)).toEqual({ row, col });
  });

  test.each(["", "A", "7", "A0", "1A", "AAAA1", "B-1", "B7:C8", "Sheet1!B7", "B 7"])(
    "%j is not an A1 address",
    (address) => {
      expect(parseA1(address)).toBeUndefined();
    }
  );

  test("round trip with toA1", () => {
    for (const [row, col] of [
      [0, 0],
      [41, 25],
      [99, 26],
      [5, 701],
      [12, 702],
    ]) {
      expect(parseA1(toA1(row, col))).toEqual({ row, col });
    }
  });
});

describe("parseRange", () => {
  test.each<[string, { top: number; left: number; bottom: number; right: number }]>([
    ["A1:F10", { top: 0, left: 0, bottom: 9, right: 5 }],
    ["Sheet1!A1:F10", { top: 0, left: 0, bottom: 9, right: 5 }],
    ["'my sheet'!A1:B2", { top: 0, left: 0, bottom: 1, right: 1 }],
    ["'就业 指标'!$A$1:$C$3", { top: 0, left: 0, bottom: 2, right: 2 }],
    ["'a!b'!C3", { top: 2, left: 2, bottom: 2, right: 2 }],
    ["B2", { top: 1, left: 1, bottom: 1, right: 1 }],
    ["F10:A1", { top: 0, left: 0, bottom: 9, right: 5 }], // corners in any order
    ["A10:F1", { top: 0, left: 0, bottom: 9, right: 5 }],
  ])("%j", (address, range) => {
    expect(parseRange(address)).toEqual(range);
  });

  test.each(["", "foo", "A1:", ":B2", "Sheet1!", "A1:B2:C3", "A0:B2"])(
    "%j is not a range",
    (address) => {
      expect(parseRange(address)).toBeUndefined();
    }
  );
});

describe("rangeToA1", () => {
  test("a rectangle and a single cell", () => {
    expect(rangeToA1({ top: 0, left: 0, bottom: 9, right: 5 })).toBe("A1:F10");
    expect(rangeToA1({ top: 2, left: 1, bottom: 2, right: 1 })).toBe("B3");
  });

  test("round trip with parseRange", () => {
    for (const a1 of ["A1:F10", "C4:AA100", "B3", "ZZ1:AAA2"]) {
      const range = parseRange(a1);
      expect(range && rangeToA1(range)).toBe(a1);
    }
  });
});
