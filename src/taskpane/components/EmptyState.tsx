/** No indicator table found: what the add-in looks for, and a way to try it. */
import * as React from "react";
import { Body1, Button, Caption1, Subtitle1, makeStyles, tokens } from "@fluentui/react-components";
import { DocumentTableRegular, TableAddRegular } from "@fluentui/react-icons";
import { EXAMPLE_PREVIEW_ROWS, EXAMPLE_TABLE } from "../model/example-table";
import { useLocale } from "./context";
import { CARD_SURFACE } from "./styles";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    rowGap: tokens.spacingVerticalM,
    ...CARD_SURFACE,
    padding: tokens.spacingHorizontalL,
  },
  icon: { fontSize: "40px", color: tokens.colorBrandForeground1 },
  table: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    width: "100%",
    tableLayout: "fixed",
  },
  // The table teaches the header words: they wrap rather than being cut at a narrow pane.
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: `2px ${tokens.spacingHorizontalXS}`,
    overflowWrap: "anywhere",
    lineBreak: "strict",
    verticalAlign: "top",
  },
  head: {
    backgroundColor: tokens.colorNeutralBackground3,
    fontWeight: tokens.fontWeightSemibold,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  nameCol: { width: "30%" },
});

export interface EmptyStateProps {
  /** Inside Excel, when the host can insert the example table. */
  onInsertExample?: () => void;
  /** In a browser: open the bundled sample workbook. */
  onOpenSample?: () => void;
  busy?: boolean;
}

export const EmptyState: React.FC<EmptyStateProps> = ({ onInsertExample, onOpenSample, busy }) => {
  const styles = useStyles();
  const { strings } = useLocale();
  const rows = EXAMPLE_TABLE.slice(0, EXAMPLE_PREVIEW_ROWS);
  return (
    <div className={styles.root} data-testid="empty-state">
      <DocumentTableRegular className={styles.icon} aria-hidden />
      <Subtitle1 as="h2">{strings.emptyTitle}</Subtitle1>
      <Body1>{strings.emptyBody}</Body1>
      <Caption1 className={styles.muted}>{strings.emptyExampleCaption}</Caption1>
      <table className={styles.table} data-testid="example-table">
        <colgroup>
          <col className={styles.nameCol} />
        </colgroup>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {row.map((value, c) => (
                <td key={c} className={r === 0 ? `${styles.cell} ${styles.head}` : styles.cell}>
                  {value}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {onInsertExample && (
        <Button
          appearance="primary"
          icon={<TableAddRegular />}
          disabledFocusable={busy}
          onClick={onInsertExample}
          data-testid="insert-example"
        >
          {strings.emptyInsertExample}
        </Button>
      )}
      {onOpenSample && (
        <Button
          appearance="primary"
          disabledFocusable={busy}
          onClick={onOpenSample}
          data-testid="empty-open-sample"
        >
          {strings.emptyOpenSample}
        </Button>
      )}
    </div>
  );
};
