/**
 * Standalone mode stands in for "select the cell in Excel" with a small read-only view of the
 * sheet around the cell, the cell highlighted.
 */
import * as React from "react";
import {
  Button,
  Caption1,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { SheetPreview as PreviewData } from "../../host/file-host";
import { PreviewHeaders } from "../model/preview";
import { useLocale } from "./context";
import { useFocusOrigin } from "./focus";

const useStyles = makeStyles({
  root: {
    flexShrink: 0,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow8,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS}`,
  },
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
  },
  title: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
  table: {
    width: "100%",
    tableLayout: "fixed",
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    marginTop: tokens.spacingVerticalXS,
  },
  corner: { width: "28px" },
  /** The first column usually holds the row's name: a little wider. */
  firstCol: { width: "30%" },
  colHead: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightRegular,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    textAlign: "center",
  },
  activeHead: {
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: `1px ${tokens.spacingHorizontalXS}`,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    height: "20px",
  },
  numeric: { textAlign: "right" },
  /** The table's header words under the column letters. */
  nameHead: {
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightSemibold,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: `1px ${tokens.spacingHorizontalXS}`,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    textAlign: "start",
  },
  /** The cell shown is never cut: it wraps. */
  whole: { whiteSpace: "normal", overflowWrap: "anywhere", textOverflow: "clip" },
  value: {
    display: "block",
    overflowWrap: "anywhere",
    marginTop: "2px",
  },
  pinned: { borderRightWidth: "3px", borderRightStyle: "double" },
  selected: {
    outline: `2px solid ${tokens.colorBrandStroke1}`,
    outlineOffset: "-2px",
    backgroundColor: tokens.colorBrandBackground2,
    fontWeight: tokens.fontWeightSemibold,
  },
});

export interface SheetPreviewProps {
  preview: PreviewData;
  /** The header row of the table holding the cell, when it is not among the rows shown. */
  headers?: PreviewHeaders;
  onClose: () => void;
}

export const SheetPreview: React.FC<SheetPreviewProps> = ({ preview, headers, onClose }) => {
  const styles = useStyles();
  const { strings } = useLocale();
  const ref = `${preview.sheet}!${preview.cell}`;
  const root = React.useRef<HTMLElement>(null);
  // Closed by the user: the focus goes back to what showed this cell (a number, a finding).
  const focusBack = useFocusOrigin(preview, root);
  const close = React.useCallback(() => {
    focusBack();
    onClose();
  }, [focusBack, onClose]);
  // Escape closes the preview (unless something else, a dialog or a menu, took it first).
  React.useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape" && !event.defaultPrevented) close();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [close]);
  const selectedCell = preview.rows.flatMap((r) => r.cells).find((c) => c.selected);
  const showNames =
    headers !== undefined &&
    !preview.rows.some((r) => r.number === headers.row) &&
    preview.columns.some((col) => headers.names.has(col));
  const selectedCol = preview.rows
    .flatMap((r) => r.cells.map((c, i) => (c.selected ? i : -1)))
    .find((i) => i >= 0);
  return (
    <aside
      ref={root}
      className={styles.root}
      aria-label={strings.previewTitle(ref)}
      data-testid="sheet-preview"
    >
      <div className={styles.header}>
        <span>
          <Text className={styles.title} data-testid="preview-ref">
            {strings.previewTitle(ref)}
          </Text>{" "}
          <Caption1 className={styles.muted}>· {strings.previewReadOnly}</Caption1>
          {selectedCell?.text && (
            <Caption1 className={styles.value} data-testid="preview-value">
              {strings.previewValue(selectedCell.text)}
            </Caption1>
          )}
        </span>
        <Button
          appearance="subtle"
          size="small"
          icon={<DismissRegular />}
          aria-label={strings.previewClose}
          onClick={close}
          data-testid="preview-close"
        />
      </div>
      {!preview.found ? (
        <Caption1 className={styles.muted}>{strings.previewMissing(ref)}</Caption1>
      ) : (
        <table className={styles.table}>
          <colgroup>
            <col className={styles.corner} />
            {preview.columns.map((col, i) => (
              <col key={col} className={i === 0 ? styles.firstCol : undefined} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <td className={mergeClasses(styles.colHead, styles.corner)} />
              {preview.columns.map((col, i) => (
                <th
                  key={col}
                  className={mergeClasses(
                    styles.colHead,
                    i === selectedCol && styles.activeHead,
                    i === 0 && preview.pinnedFirst && styles.pinned
                  )}
                >
                  {col}
                </th>
              ))}
            </tr>
            {showNames && (
              <tr data-testid="preview-header-row">
                <th className={mergeClasses(styles.colHead, styles.corner)}>{headers.row}</th>
                {preview.columns.map((col) => (
                  <th
                    key={col}
                    scope="col"
                    className={styles.nameHead}
                    title={headers.names.get(col)}
                  >
                    {headers.names.get(col) ?? ""}
                  </th>
                ))}
              </tr>
            )}
          </thead>
          <tbody>
            {preview.rows.map((row) => {
              const active = row.cells.some((c) => c.selected);
              return (
                <tr key={row.number}>
                  <th className={mergeClasses(styles.colHead, active && styles.activeHead)}>
                    {row.number}
                  </th>
                  {row.cells.map((cell, i) => (
                    <td
                      key={cell.address}
                      title={cell.text ? `${cell.address}：${cell.text}` : cell.address}
                      className={mergeClasses(
                        styles.cell,
                        cell.numeric && styles.numeric,
                        i === 0 && preview.pinnedFirst && styles.pinned,
                        cell.selected && styles.selected,
                        cell.selected && styles.whole
                      )}
                      data-selected={cell.selected || undefined}
                      data-address={cell.address}
                    >
                      {cell.text}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </aside>
  );
};
