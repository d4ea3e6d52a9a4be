/**
 * A small bar chart of completion rates, drawn with plain elements: no chart library, so the
 * task pane stays small and needs no eval or inline-script allowances under a strict CSP.
 * Each bar has its label beside it (whole: a long one wraps to a second line, never cut), the bars
 * are listed by line of work in the order of the cards, and they are one tab stop (the arrow
 * keys move between them); Enter or a click goes to the indicator's cell. A line of work shows
 * its first bars (those behind target first) and the rest on demand, so that a workbook of
 * thousands of indicators draws tens of bars, not thousands.
 */
import * as React from "react";
import { Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { CellRef } from "../../core/model";
import { chartGroups } from "../model/chart";
import type { BarColor, CompletionChart as ChartData } from "../model/overview";
import { useLocale } from "./context";
import { useRoving } from "./roving";
import { ShowMore } from "./ShowMore";

/** Bars a line of work shows at first, and how many more each "显示更多" adds. */
export const CHART_GROUP_BARS = 10;

/** Room at the right of each bar for its figure ("113.75%"). */
const VALUE_WIDTH = "56px";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  legend: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
  legendItem: {
    display: "inline-flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalXS,
  },
  legendTarget: {
    display: "inline-block",
    width: 0,
    height: "12px",
    borderLeft: `1px dashed ${tokens.colorNeutralStroke1}`,
  },
  legendPace: {
    display: "inline-block",
    width: 0,
    height: "12px",
    borderLeft: `2px dotted ${tokens.colorBrandStroke1}`,
  },
  group: { display: "flex", flexDirection: "column", margin: 0, padding: 0, listStyleType: "none" },
  groupTitle: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground3,
  },
  // Label, bar and figure on one row; a long label wraps to a second line, never cut.
  bar: {
    display: "grid",
    gridTemplateColumns: `minmax(0, 42%) minmax(0, 1fr) ${VALUE_WIDTH}`,
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    width: "100%",
    padding: `3px ${tokens.spacingHorizontalXS}`,
    border: "none",
    borderRadius: tokens.borderRadiusSmall,
    background: "none",
    color: "inherit",
    font: "inherit",
    textAlign: "start",
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover },
    ":focus-visible": {
      outline: `2px solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "-2px",
    },
  },
  label: {
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
    lineBreak: "strict",
    overflowWrap: "anywhere",
  },
  track: {
    position: "relative",
    flexGrow: 1,
    height: "10px",
    borderRadius: "2px",
    backgroundColor: tokens.colorNeutralBackground3,
  },
  fill: { position: "absolute", left: 0, top: 0, bottom: 0, borderRadius: "2px" },
  clipped: {
    backgroundImage: `linear-gradient(to right, transparent calc(100% - 8px), ${tokens.colorNeutralBackground1} calc(100% - 8px), ${tokens.colorNeutralBackground1} calc(100% - 6px), transparent calc(100% - 6px))`,
  },
  mark: { position: "absolute", top: "-3px", bottom: "-3px", width: 0 },
  target: { borderLeft: `1px dashed ${tokens.colorNeutralStroke1}` },
  pace: { borderLeft: `2px dotted ${tokens.colorBrandStroke1}` },
  value: {
    flexShrink: 0,
    textAlign: "end",
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    fontVariantNumeric: "tabular-nums",
  },
  empty: { color: tokens.colorNeutralForeground3 },
});

/** The same colours as the cards' ProgressBar for each status. */
const FILL: Record<BarColor, string> = {
  success: tokens.colorPaletteGreenBackground3,
  brand: tokens.colorCompoundBrandBackground,
  warning: tokens.colorPaletteDarkOrangeBackground3,
  error: tokens.colorPaletteRedBackground3,
};

export interface CompletionChartProps {
  chart: ChartData;
  onSelect: (ref: CellRef) => void;
}

export const CompletionChart: React.FC<CompletionChartProps> = ({ chart, onSelect }) => {
  const styles = useStyles();
  const { strings } = useLocale();
  const all = React.useMemo(() => chartGroups(chart.bars), [chart.bars]);
  /** Bars shown of each line of work, by its position. */
  const [limits, setLimits] = React.useState<number[]>([]);
  let index = 0;
  const groups = all.map((group, at) => {
    const limit = Math.min(group.bars.length, limits[at] ?? CHART_GROUP_BARS);
    const bars = group.bars.slice(0, limit).map((bar) => ({ bar, index: index++ }));
    return { title: group.title, bars, rest: group.bars.length - limit, at };
  });
  const roving = useRoving(index);
  if (chart.bars.length === 0)
    return <Caption1 className={styles.empty}>{strings.overviewChartEmpty}</Caption1>;
  const more = (at: number, rest: number) =>
    setLimits((old) => {
      const next = [...old];
      const now = next[at] ?? CHART_GROUP_BARS;
      next[at] = rest <= CHART_GROUP_BARS * 1.5 ? now + rest : now + CHART_GROUP_BARS * 2;
      return next;
    });
  const percent = (share: number) => `${(share * 100).toFixed(2)}%`;
  return (
    <div className={styles.root}>
      <div className={styles.legend} aria-hidden>
        <span className={styles.legendItem}>
          <span className={styles.legendTarget} />
          {strings.overviewChartTarget}
        </span>
        {chart.paceText && (
          <span className={styles.legendItem}>
            <span className={styles.legendPace} />
            {chart.paceText}
          </span>
        )}
      </div>
      <div
        role="group"
        aria-label={strings.overviewChartLabel}
        data-testid="completion-chart"
        onKeyDown={roving.onKeyDown}
      >
        {groups.map((group) => (
          <React.Fragment key={`${group.title}-${group.at}`}>
            {groups.length > 1 && group.title && (
              <h3 className={styles.groupTitle} data-testid="chart-group">
                {group.title}
              </h3>
            )}
            <ul className={styles.group}>
              {group.bars.map(({ bar, index }) => (
                <li key={bar.id}>
                  <button
                    type="button"
                    className={styles.bar}
                    onClick={() => onSelect(bar.ref)}
                    aria-label={bar.description}
                    title={bar.description}
                    data-testid="chart-bar"
                    data-indicator={bar.id}
                    {...roving.item(index)}
                  >
                    <span className={styles.label} data-testid="chart-label">
                      {bar.label}
                    </span>
                    <span className={styles.track}>
                      <span
                        className={mergeClasses(styles.fill, bar.clipped && styles.clipped)}
                        style={{
                          width: percent(Math.max(0.004, bar.length)),
                          backgroundColor: FILL[bar.color],
                        }}
                        data-color={bar.color}
                      />
                      <span
                        className={mergeClasses(styles.mark, styles.target)}
                        style={{ left: percent(chart.targetAt) }}
                      />
                      {chart.paceAt !== undefined && (
                        <span
                          className={mergeClasses(styles.mark, styles.pace)}
                          style={{ left: percent(chart.paceAt) }}
                        />
                      )}
                    </span>
                    <span className={styles.value} data-testid="chart-value">
                      {bar.rateText}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
            <ShowMore
              paged={{
                shown: group.bars.length,
                rest: group.rest,
                more: () => more(group.at, group.rest),
              }}
              page={CHART_GROUP_BARS}
              testId="chart-more"
            />
          </React.Fragment>
        ))}
      </div>
    </div>
  );
};
