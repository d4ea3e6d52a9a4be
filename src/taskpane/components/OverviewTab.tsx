/** 概览: completion per indicator, grouped by line of work, under a small chart. */
import * as React from "react";
import {
  Badge,
  Button,
  Caption1,
  ProgressBar,
  Subtitle2,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownRegular, ArrowUpRegular, DocumentTextRegular } from "@fluentui/react-icons";
import { CellRef } from "../../core/model";
import { CategoryGroup, IndicatorRow, Overview } from "../model/overview";
import { ReportStatus } from "../model/report";
import { CompletionChart } from "./CompletionChart";
import { useLocale } from "./context";
import { ShowMore, usePaged } from "./ShowMore";
import { CARD_SURFACE, TAB_COLUMN } from "./styles";

/** Indicators a card lists at first, and how many more each "显示更多" adds. */
export const CARD_ROWS = 25;

const useStyles = makeStyles({
  root: TAB_COLUMN,
  card: {
    ...CARD_SURFACE,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
  },
  cardHeader: {
    display: "flex",
    alignItems: "baseline",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
    paddingBottom: tokens.spacingVerticalXS,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  list: { display: "flex", flexDirection: "column" },
  row: {
    display: "flex",
    flexDirection: "column",
    rowGap: "2px",
    width: "100%",
    textAlign: "left",
    border: "none",
    background: "none",
    color: "inherit",
    font: "inherit",
    cursor: "pointer",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXS}`,
    borderTop: `1px solid ${tokens.colorNeutralStroke3}`,
    borderRadius: 0,
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover },
    ":focus-visible": {
      outline: `2px solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "-2px",
    },
  },
  firstRow: { borderTop: "none" },
  part: { paddingLeft: tokens.spacingHorizontalXL },
  line: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
    minWidth: 0,
  },
  name: {
    fontWeight: tokens.fontWeightSemibold,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    minWidth: 0,
  },
  partName: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2 },
  figures: { display: "flex", alignItems: "baseline", columnGap: tokens.spacingHorizontalXS },
  completed: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  target: { color: tokens.colorNeutralForeground3 },
  rate: { fontWeight: tokens.fontWeightSemibold },
  growth: {
    display: "inline-flex",
    alignItems: "center",
    columnGap: "2px",
    color: tokens.colorNeutralForeground3,
    whiteSpace: "nowrap",
  },
  up: { color: tokens.colorPaletteGreenForeground1 },
  down: { color: tokens.colorPaletteRedForeground1 },
  badge: { flexShrink: 0 },
  state: {
    ...CARD_SURFACE,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalM}`,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  stateList: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: "2px",
  },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

export interface OverviewTabProps {
  overview: Overview;
  onSelect: (ref: CellRef) => void;
  /** The report's state, which the overview leads with, and the way to it. */
  report?: ReportStatus;
  onOpenReport?: () => void;
}

export const OverviewTab: React.FC<OverviewTabProps> = ({
  overview,
  onSelect,
  report,
  onOpenReport,
}) => {
  const styles = useStyles();
  const { strings } = useLocale();
  return (
    <div className={styles.root} data-testid="overview">
      {report && report.sections > 0 && onOpenReport && (
        <section className={styles.state} data-testid="report-state">
          <Subtitle2 as="h2">{strings.reportStateTitle}</Subtitle2>
          <ul className={styles.stateList}>
            <li>{strings.reportStateReady(report.sections)}</li>
            {report.toCheck > 0 && (
              <li className={styles.warn}>{strings.reportStateCheck(report.toCheck)}</li>
            )}
            {report.omitted > 0 && (
              <li className={styles.warn}>{strings.reportStateOmitted(report.omitted)}</li>
            )}
            {report.toCheck === 0 && report.omitted === 0 && <li>{strings.reportStateAllClear}</li>}
          </ul>
          <Button
            appearance="primary"
            icon={<DocumentTextRegular />}
            onClick={onOpenReport}
            data-testid="open-report"
          >
            {strings.reportOpen}
          </Button>
        </section>
      )}
      <section className={styles.card}>
        <div className={styles.cardHeader}>
          <Subtitle2 as="h2">{strings.overviewChartTitle}</Subtitle2>
        </div>
        <CompletionChart chart={overview.chart} onSelect={onSelect} />
      </section>
      {overview.groups.map((group) => (
        <CategoryCard key={group.category} group={group} onSelect={onSelect} />
      ))}
    </div>
  );
};

const CategoryCard: React.FC<{ group: CategoryGroup; onSelect: (ref: CellRef) => void }> = ({
  group,
  onSelect,
}) => {
  const styles = useStyles();
  const { strings } = useLocale();
  const paged = usePaged(group.rows.length, CARD_ROWS);
  return (
    <section className={styles.card} data-testid={`category-${group.category}`}>
      <div className={styles.cardHeader}>
        <Subtitle2 as="h2">{group.title}</Subtitle2>
        {group.measured > 0 && (
          <Caption1 className={styles.muted}>
            {strings.categoryDone(group.done, group.measured)}
          </Caption1>
        )}
      </div>
      <div className={styles.list}>
        {group.rows.slice(0, paged.shown).map((row, i) => (
          <IndicatorItem key={row.id} row={row} first={i === 0} onSelect={onSelect} />
        ))}
      </div>
      <ShowMore paged={paged} page={CARD_ROWS} testId="rows-more" />
    </section>
  );
};

const IndicatorItem: React.FC<{
  row: IndicatorRow;
  first: boolean;
  onSelect: (ref: CellRef) => void;
}> = ({ row, first, onSelect }) => {
  const styles = useStyles();
  const { strings } = useLocale();
  return (
    <button
      type="button"
      className={mergeClasses(styles.row, first && styles.firstRow, row.isPart && styles.part)}
      onClick={() => onSelect(row.ref)}
      title={strings.locate(row.refLabel)}
      data-testid="indicator-row"
      data-indicator={row.name}
      data-id={row.id}
    >
      <span className={styles.line}>
        <Text className={mergeClasses(styles.name, row.isPart && styles.partName)}>
          {row.isPart ? `${strings.partPrefix} ${row.name}` : row.name}
        </Text>
        {!row.isPart && (
          <Badge
            className={styles.badge}
            appearance="tint"
            color={row.badgeColor}
            size="small"
            data-testid="status-badge"
          >
            {row.statusLabel}
          </Badge>
        )}
      </span>
      <span className={styles.line}>
        <span className={styles.figures} data-testid="figures">
          <span className={styles.completed}>{row.completed}</span>
          <Caption1 className={styles.target}>{row.targetText}</Caption1>
        </span>
        <span className={styles.figures}>
          {row.rateText && (
            <Caption1 className={styles.rate} data-testid="rate">
              {row.rateText}
            </Caption1>
          )}
        </span>
      </span>
      {row.barValue !== undefined && !row.isPart && (
        <ProgressBar
          value={row.barValue}
          max={1}
          thickness="large"
          color={row.barColor}
          aria-label={row.rateText}
        />
      )}
      {row.growthText && (
        <Caption1
          className={mergeClasses(
            styles.growth,
            row.growthTone === "good" && styles.up,
            row.growthTone === "bad" && styles.down
          )}
          data-testid="growth"
        >
          {row.growthDirection === "up" && <ArrowUpRegular aria-hidden />}
          {row.growthDirection === "down" && <ArrowDownRegular aria-hidden />}
          {row.growthText}
        </Caption1>
      )}
    </button>
  );
};
