/** Style pieces the tabs share, so every card looks the same. */
import { tokens } from "@fluentui/react-components";

/** A white card on the pane's grey background, as Office task panes draw their groups. */
export const CARD_SURFACE = {
  backgroundColor: tokens.colorNeutralBackground1,
  borderRadius: tokens.borderRadiusMedium,
  boxShadow: tokens.shadow2,
};

/** The tab's column of cards. */
export const TAB_COLUMN = {
  display: "flex",
  flexDirection: "column",
  rowGap: tokens.spacingVerticalM,
} as const;

/** A card whose content stacks: a header line, text, actions. */
export const STACKED_CARD = {
  ...CARD_SURFACE,
  padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalM}`,
  display: "flex",
  flexDirection: "column",
  rowGap: tokens.spacingVerticalS,
} as const;

/** A card's title line with its action at the far end. */
export const CARD_HEADER = {
  display: "flex",
  alignItems: "center",
  justifyContent: "space-between",
  columnGap: tokens.spacingHorizontalS,
} as const;

/** One clickable row of a list (a finding, a placeholder left blank): a plain full-width button. */
export const LIST_ROW = {
  display: "flex",
  flexDirection: "column",
  rowGap: "2px",
  width: "100%",
  textAlign: "left",
  border: "none",
  borderTop: `1px solid ${tokens.colorNeutralStroke3}`,
  background: "none",
  color: "inherit",
  font: "inherit",
} as const;
