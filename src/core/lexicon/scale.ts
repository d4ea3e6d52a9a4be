/**
 * Scale: 万 and 亿 for large amounts (元 → 万元 → 亿元; never 十万/百万/千万 as units, never
 * "3亿4500万"), and the short forms reports write (5.25万 for 5.25万元).
 */

/** The scale words a report writes, from the largest. */
export const SCALE_WORDS: { word: string; factor: number }[] = [
  { word: "亿", factor: 1e8 },
  { word: "万", factor: 1e4 },
];

/** Scales read in cells and drafts (a table may say 千元, 百万元). */
export const SCALE_READING: Record<string, number> = {
  千: 1e3,
  万: 1e4,
  百万: 1e6,
  千万: 1e7,
  亿: 1e8,
};

/** The prefix for a scale factor: 1e8 → 亿, 1e4 → 万, 1e3 → 千, 1 → "". */
export function scalePrefix(factor: number): string {
  if (factor === 1e8) return "亿";
  if (factor === 1e4) return "万";
  if (factor === 1e3) return "千";
  return "";
}

/** The scale to write a money amount in, from its size in base units as it will print. */
export function scaleFor(
  printedMagnitude: (factor: number) => number,
  sourceScale: number
): number {
  if (printedMagnitude(1e4) >= 1e8) return 1e8;
  if (printedMagnitude(1) >= 1e6 || sourceScale >= 1e3) return 1e4;
  return sourceScale;
}
