/**
 * Report settings kept in the workbook (context.workbook.settings), so they travel with the file.
 * Stored as a JSON string under SETTINGS_KEY. Whatever is read back is validated field by field:
 * a broken or foreign value gives the defaults, never an exception.
 */
import { DEFAULT_SETTINGS, ReportSettings } from "../host/workbook-host";

export const SETTINGS_KEY = "indicatorReport.settings";

/** Any value (parsed JSON, an object, garbage) → valid settings; bad fields take their default. */
export function normalizeSettings(raw: unknown): ReportSettings {
  let source: unknown = raw;
  if (typeof source === "string") {
    try {
      source = JSON.parse(source);
    } catch {
      source = undefined;
    }
  }
  const settings: ReportSettings = { ...DEFAULT_SETTINGS };
  if (typeof source !== "object" || source === null || Array.isArray(source)) return settings;
  const record = source as Record<string, unknown>;
  const { period, decimals, scaleLargeAmounts, yearStyle } = record;
  if (typeof period === "number" && Number.isInteger(period) && period >= 1 && period <= 12) {
    settings.period = period;
  }
  if (
    typeof decimals === "number" &&
    Number.isInteger(decimals) &&
    decimals >= 0 &&
    decimals <= 4
  ) {
    settings.decimals = decimals;
  }
  if (typeof scaleLargeAmounts === "boolean") settings.scaleLargeAmounts = scaleLargeAmounts;
  if (yearStyle === "arabic" || yearStyle === "chinese") settings.yearStyle = yearStyle;
  return settings;
}

/** Queues the read; call `settingsFrom` on the result after the next sync. */
export function queueSettingsLoad(context: Excel.RequestContext): Excel.Setting {
  const item = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
  item.load("value");
  return item;
}

/** The loaded setting → settings (defaults when missing or broken). */
export function settingsFrom(item: Excel.Setting): ReportSettings {
  if (item.isNullObject) return { ...DEFAULT_SETTINGS };
  return normalizeSettings(item.value);
}

/** Queues the write of (normalized) settings. */
export function queueSettingsSave(context: Excel.RequestContext, settings: ReportSettings): void {
  context.workbook.settings.add(SETTINGS_KEY, JSON.stringify(normalizeSettings(settings)));
}
