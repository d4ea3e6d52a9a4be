/**
 * A small horizontal bar chart of completion rates, drawn as plain SVG: no chart library, so
 * the task pane stays small and needs no eval or inline-script allowances under a strict CSP.
 */
import * as React from "react";
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { CellRef } from "../../core/model";
import { BarColor, CompletionChart as ChartData } from "../model/overview";
import { useLocale } from "./context";

const WIDTH = 320;
const LABEL_WIDTH = 104;
const VALUE_WIDTH = 50;
const BAR_HEIGHT = 12;
const ROW_HEIGHT = 20;
const TOP = 16;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  svg: { width: "100%", height: "auto", display: "block", overflow: "visible" },
  label: { fill: tokens.colorNeutralForeground2, fontSize: "11px" },
  value: { fill: tokens.colorNeutralForeground2, fontSize: "11px" },
  axis: { fill: tokens.colorNeutralForeground3, fontSize: "10px" },
  track: { fill: tokens.colorNeutralBackground3 },
  row: { cursor: "pointer", ":hover": { opacity: 0.8 } },
  guide: { stroke: tokens.colorNeutralStroke1, strokeDasharray: "3 2", strokeWidth: 1 },
  pace: { stroke: tokens.colorBrandStroke1, strokeDasharray: "2 2", strokeWidth: 1 },
  empty: { color: tokens.colorNeutralForeground3 },
});

const FILL: Record<BarColor, string> = {
  success: tokens.colorPaletteGreenBackground3,
  brand: tokens.colorBrandBackground,
  warning: tokens.colorPaletteMarigoldBackground3,
  error: tokens.colorPaletteRedBackground3,
};

export interface CompletionChartProps {
  chart: ChartData;
  onSelect: (ref: CellRef) => void;
}

export const CompletionChart: React.FC<CompletionChartProps> = ({ chart, onSelect }) => {
  const styles = useStyles();
  const { strings } = useLocale();
  if (chart.bars.length === 0)
    return <Caption1 className={styles.empty}>{strings.overviewChartEmpty}</Caption1>;
  const barArea = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const x = (share: number) => LABEL_WIDTH + share * barArea;
  const height = TOP + chart.bars.length * ROW_HEIGHT + 2;
  return (
    <div className={styles.root}>
      <svg
        className={styles.svg}
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-label={strings.overviewChartLabel}
        data-testid="completion-chart"
      >
        <text className={styles.axis} x={x(chart.targetAt)} y={10} textAnchor="middle">
          100%
        </text>
        {chart.bars.map((bar, i) => {
          const y = TOP + i * ROW_HEIGHT;
          return (
            <g
              key={bar.id}
              className={styles.row}
              onClick={() => onSelect(bar.ref)}
              data-testid="chart-bar"
            >
              <title>{`${bar.label}：${bar.rateText}`}</title>
              <text className={styles.label} x={0} y={y + BAR_HEIGHT - 2}>
                {bar.label}
              </text>
              <rect
                className={styles.track}
                x={LABEL_WIDTH}
                y={y}
                width={barArea}
                height={BAR_HEIGHT}
                rx={2}
              />
              <rect
                x={LABEL_WIDTH}
                y={y}
                width={Math.max(1, bar.length * barArea)}
                height={BAR_HEIGHT}
                rx={2}
                fill={FILL[bar.color]}
              />
              {bar.clipped && (
                <path
                  d={`M${x(1) - 6} ${y} l4 ${BAR_HEIGHT / 2} l-4 ${BAR_HEIGHT / 2}`}
                  fill="none"
                  stroke={tokens.colorNeutralBackground1}
                  strokeWidth={1.5}
                />
              )}
              <text className={styles.value} x={x(1) + 4} y={y + BAR_HEIGHT - 2}>
                {bar.rateText}
              </text>
            </g>
          );
        })}
        <line
          className={styles.guide}
          x1={x(chart.targetAt)}
          x2={x(chart.targetAt)}
          y1={TOP - 3}
          y2={height}
        />
        {chart.paceAt !== undefined && (
          <line
            className={styles.pace}
            x1={x(chart.paceAt)}
            x2={x(chart.paceAt)}
            y1={TOP - 3}
            y2={height}
          >
            <title>{chart.paceText}</title>
          </line>
        )}
      </svg>
      {chart.paceText && <Caption1 className={styles.empty}>{chart.paceText}</Caption1>}
    </div>
  );
};
