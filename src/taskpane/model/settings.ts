/** Settings tab: the choices offered, and how settings become engine options. */
import { formatYear } from "../../core/format";
import { EngineOptions } from "../../core/model";
import { ReportSettings } from "../../host/workbook-host";
import { Strings } from "../i18n";
import { periodText } from "./format";

export const AUTO_PERIOD = "auto";

export interface Choice {
  value: string;
  label: string;
}

/** "按表头（当前：全年）", then 1月, 1—2月 … 全年 (value "1" … "12"). */
export function periodChoices(strings: Strings, detectedMonths?: number): Choice[] {
  const auto =
    detectedMonths === undefined
      ? strings.settingsPeriodAuto
      : strings.settingsPeriodAutoNow(periodText(detectedMonths, strings));
  const months = Array.from({ length: 12 }, (_, i) => i + 1).map((m) => ({
    value: String(m),
    label: periodText(m, strings),
  }));
  return [{ value: AUTO_PERIOD, label: auto }, ...months];
}

export const DECIMAL_CHOICES: Choice[] = [0, 1, 2, 3, 4].map((d) => ({
  value: String(d),
  label: String(d),
}));

/** "2023年" / "二〇二三年", with the workbook's year when it names one. */
export function yearChoices(year: number | undefined): Choice[] {
  const y = year ?? new Date().getFullYear();
  return (["arabic", "chinese"] as const).map((style) => ({
    value: style,
    label: formatYear(y, style),
  }));
}

export function periodValue(settings: ReportSettings): string {
  return settings.period === undefined ? AUTO_PERIOD : String(settings.period);
}

/** Reads a choice back; anything unexpected means automatic. */
export function withPeriod(settings: ReportSettings, value: string): ReportSettings {
  const month = Number(value);
  const next: ReportSettings = { ...settings };
  if (value !== AUTO_PERIOD && Number.isInteger(month) && month >= 1 && month <= 12)
    next.period = month;
  else delete next.period;
  return next;
}

export function toEngineOptions(settings: ReportSettings): EngineOptions {
  const options: EngineOptions = {
    decimals: settings.decimals,
    scaleLargeAmounts: settings.scaleLargeAmounts,
    yearStyle: settings.yearStyle,
  };
  if (settings.period !== undefined) options.period = settings.period;
  return options;
}

export function sameSettings(a: ReportSettings, b: ReportSettings): boolean {
  return (
    a.period === b.period &&
    a.decimals === b.decimals &&
    a.scaleLargeAmounts === b.scaleLargeAmounts &&
    a.yearStyle === b.yearStyle
  );
}
