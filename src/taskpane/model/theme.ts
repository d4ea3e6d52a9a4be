/** Light or dark: Office reports its theme as colours; the task pane follows the body background. */

/** "#1F1F1F" → true. Unreadable colours count as light. */
export function isDarkColor(color: string | undefined | null): boolean {
  if (!color) return false;
  const match = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(color.trim());
  if (!match) return false;
  const hex = match[1].length === 3 ? [...match[1]].map((c) => c + c).join("") : match[1];
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  // Relative luminance (sRGB, simplified): below the middle grey is dark.
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance < 0.5;
}

export type ThemeName = "light" | "dark";

export function pickTheme(hints: {
  officeBodyBackground?: string;
  search?: string;
  prefersDark?: boolean;
}): ThemeName {
  const forced = hints.search ? new URLSearchParams(hints.search).get("theme") : null;
  if (forced === "dark" || forced === "light") return forced;
  if (hints.officeBodyBackground !== undefined)
    return isDarkColor(hints.officeBodyBackground) ? "dark" : "light";
  return hints.prefersDark ? "dark" : "light";
}
