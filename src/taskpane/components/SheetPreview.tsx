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
import { useLocale } from "./context";

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
  onClose: () => void;
}

export const SheetPreview: React.FC<SheetPreviewProps> = ({ preview, onClose }) => {
  const styles = useStyles();
  const { strings } = useLocale();
  const ref = `${preview.sheet}!${preview.cell}`;
  const selectedCol = preview.rows
    .flatMap((r) => r.cells.map((c, i) => (c.selected ? i : -1)))
    .find((i) => i >= 0);
  return (
    <aside
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
        </span>
        <Button
          appearance="subtle"
          size="small"
          icon={<DismissRegular />}
          aria-label={strings.previewClose}
          onClick={onClose}
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
              <th className={mergeClasses(styles.colHead, styles.corner)} />
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
                        cell.selected && styles.selected
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
