/**
 * Long lists (bars, indicators, findings, report sections) show a page at a time, so that a
 * workbook of thousands of indicators keeps the pane's page small: the first page, then a
 * button for the next one ("显示更多"), or for the rest when little is left ("显示全部").
 */
import * as React from "react";
import { Button, makeStyles } from "@fluentui/react-components";
import { useLocale } from "./context";

const useStyles = makeStyles({
  more: { alignSelf: "flex-start" },
});

export interface Paged {
  /** How many of the items to show. */
  shown: number;
  /** How many are not shown. */
  rest: number;
  more: () => void;
}

/** The first `page` of `total` items, one more page per call of more(). */
export function usePaged(total: number, page: number): Paged {
  const [limit, setLimit] = React.useState(page);
  const shown = Math.min(total, limit);
  return {
    shown,
    rest: total - shown,
    // The last bit comes whole rather than as a page of a few.
    more: () => setLimit((n) => (total - n <= page * 1.5 ? total : n + page)),
  };
}

export const ShowMore: React.FC<{ paged: Paged; page: number; testId?: string }> = ({
  paged,
  page,
  testId = "show-more",
}) => {
  const styles = useStyles();
  const { strings } = useLocale();
  if (paged.rest <= 0) return null;
  return (
    <Button
      className={styles.more}
      appearance="subtle"
      size="small"
      onClick={paged.more}
      data-testid={testId}
    >
      {paged.rest <= page * 1.5 ? strings.showAll(paged.rest) : strings.showMore(paged.rest)}
    </Button>
  );
};
