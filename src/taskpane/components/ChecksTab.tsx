/** 校验: findings grouped by severity; a click selects the cell in Excel (or the preview). */
import * as React from "react";
import {
  Caption1,
  CounterBadge,
  Subtitle2,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import {
  CheckmarkCircleRegular,
  ErrorCircleFilled,
  InfoFilled,
  WarningFilled,
} from "@fluentui/react-icons";
import { Severity } from "../../core/model";
import { ChecksView, FindingItem, SeverityGroup } from "../model/checks";
import { useLocale } from "./context";
import { ShowMore, usePaged } from "./ShowMore";
import { CARD_SURFACE, LIST_ROW, TAB_COLUMN } from "./styles";

const useStyles = makeStyles({
  root: TAB_COLUMN,
  summary: { color: tokens.colorNeutralForeground3 },
  card: {
    ...CARD_SURFACE,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
  },
  header: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
  },
  hint: {
    display: "block",
    color: tokens.colorNeutralForeground3,
    paddingBottom: tokens.spacingVerticalXS,
  },
  icon: { fontSize: "20px", flexShrink: 0 },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorBrandForeground1 },
  item: {
    ...LIST_ROW,
    cursor: "pointer",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXS}`,
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover },
    ":focus-visible": {
      outline: `2px solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "-2px",
    },
  },
  location: {
    alignSelf: "flex-start",
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorBrandForeground1,
    backgroundColor: tokens.colorBrandBackground2,
    borderRadius: tokens.borderRadiusSmall,
    padding: `0 ${tokens.spacingHorizontalXS}`,
  },
  none: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    color: tokens.colorPaletteGreenForeground1,
  },
});

const ICONS: Record<Severity, React.FC<{ className?: string }>> = {
  error: ErrorCircleFilled,
  warning: WarningFilled,
  info: InfoFilled,
};

export interface ChecksTabProps {
  checks: ChecksView;
  onSelect: (sheet: string, cell: string) => void;
}

export const ChecksTab: React.FC<ChecksTabProps> = ({ checks, onSelect }) => {
  const styles = useStyles();
  const { strings } = useLocale();
  if (checks.groups.length === 0)
    return (
      <div className={mergeClasses(styles.card, styles.none)} data-testid="checks-none">
        <CheckmarkCircleRegular className={styles.icon} />
        <Text>{strings.checksNone}</Text>
      </div>
    );
  return (
    <div className={styles.root} data-testid="checks">
      <Caption1 className={styles.summary} data-testid="checks-summary">
        {strings.checksSummary(checks.counts.error, checks.counts.warning, checks.counts.info)}
        {" · "}
        {strings.checksClickHint}
      </Caption1>
      {checks.groups.map((group) => (
        <SeverityCard key={group.severity} group={group} onSelect={onSelect} />
      ))}
    </div>
  );
};

/** Findings a severity lists at first, and how many more each "显示更多" adds. */
export const FINDINGS_PAGE = 30;

const SeverityCard: React.FC<{
  group: SeverityGroup;
  onSelect: (sheet: string, cell: string) => void;
}> = ({ group, onSelect }) => {
  const styles = useStyles();
  const paged = usePaged(group.items.length, FINDINGS_PAGE);
  const Icon = ICONS[group.severity];
  return (
    <section className={styles.card} data-testid={`severity-${group.severity}`}>
      <div className={styles.header}>
        <Icon className={mergeClasses(styles.icon, styles[group.severity])} />
        <Subtitle2 as="h2">{group.label}</Subtitle2>
        <CounterBadge
          count={group.items.length}
          overflowCount={999}
          size="small"
          appearance="ghost"
          color="informative"
          data-testid="severity-count"
        />
      </div>
      <Caption1 className={styles.hint}>{group.hint}</Caption1>
      {group.items.slice(0, paged.shown).map((item) => (
        <FindingButton key={item.key} item={item} onSelect={onSelect} />
      ))}
      <ShowMore paged={paged} page={FINDINGS_PAGE} testId="findings-more" />
    </section>
  );
};

const FindingButton: React.FC<{
  item: FindingItem;
  onSelect: (sheet: string, cell: string) => void;
}> = ({ item, onSelect }) => {
  const styles = useStyles();
  const { strings } = useLocale();
  const cell = item.cell;
  return (
    <button
      type="button"
      className={styles.item}
      onClick={() => cell && onSelect(item.sheet, cell)}
      disabled={!cell}
      title={cell ? strings.locate(item.location) : undefined}
      data-testid="finding"
      data-code={item.code}
    >
      <span className={styles.location}>{item.location}</span>
      <Text>{item.text}</Text>
    </button>
  );
};
