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
