/** 设置: report period, decimals, 万/亿 scaling and the year style; saved as they change. */
import * as React from "react";
import {
  Button,
  Caption1,
  Field,
  Radio,
  RadioGroup,
  Select,
  Switch,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { DEFAULT_SETTINGS, ReportSettings } from "../../host/workbook-host";
import {
  DECIMAL_CHOICES,
  periodChoices,
  periodValue,
  sameSettings,
  withPeriod,
  yearChoices,
} from "../model/settings";
import { useLocale } from "./context";
import { CARD_SURFACE } from "./styles";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    ...CARD_SURFACE,
    padding: tokens.spacingHorizontalM,
  },
  footer: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface SettingsTabProps {
  settings: ReportSettings;
  /** Months found in the table headers, shown with the automatic choice. */
  detectedMonths?: number;
  year?: number;
  storedIn: "workbook" | "browser";
  saveError?: string;
  onChange: (settings: ReportSettings) => void;
}

export const SettingsTab: React.FC<SettingsTabProps> = ({
  settings,
  detectedMonths,
  year,
  storedIn,
  saveError,
  onChange,
}) => {
  const styles = useStyles();
  const { strings } = useLocale();
  const periods = periodChoices(strings, detectedMonths);
  const period = periodValue(settings);
  const years = yearChoices(year);
  return (
    <div className={styles.root} data-testid="settings">
      <Field label={strings.settingsPeriod} hint={strings.settingsPeriodHint}>
        <Select
          value={period}
          onChange={(_, data) => onChange(withPeriod(settings, data.value))}
          data-testid="setting-period"
        >
          {periods.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={strings.settingsDecimals} hint={strings.settingsDecimalsHint}>
        <Select
          value={String(settings.decimals)}
          onChange={(_, data) => onChange({ ...settings, decimals: Number(data.value) })}
          data-testid="setting-decimals"
        >
          {DECIMAL_CHOICES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field hint={strings.settingsScaleHint}>
        <Switch
          label={strings.settingsScale}
          checked={settings.scaleLargeAmounts}
          onChange={(_, data) => onChange({ ...settings, scaleLargeAmounts: data.checked })}
          data-testid="setting-scale"
        />
      </Field>
      <Field label={strings.settingsYear}>
        <RadioGroup
          layout="horizontal"
          value={settings.yearStyle}
          onChange={(_, data) =>
            onChange({
              ...settings,
              yearStyle: data.value === "chinese" ? "chinese" : "arabic",
            })
          }
          data-testid="setting-year"
        >
          {years.map((c) => (
            <Radio key={c.value} value={c.value} label={c.label} />
          ))}
        </RadioGroup>
      </Field>
      <div className={styles.footer}>
        <Caption1 className={styles.muted}>
          {saveError ??
            (storedIn === "workbook"
              ? strings.settingsSavedWorkbook
              : strings.settingsSavedBrowser)}
        </Caption1>
        <Button
          size="small"
          disabled={sameSettings(settings, DEFAULT_SETTINGS)}
          onClick={() => onChange({ ...DEFAULT_SETTINGS })}
        >
          {strings.settingsReset}
        </Button>
      </div>
    </div>
  );
};
