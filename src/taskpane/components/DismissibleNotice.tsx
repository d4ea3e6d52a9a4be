/**
 * A MessageBar with a close button: the outcome of an action the user took. Closing it puts the
 * focus back on that action's control (or on the control before the notice).
 */
import * as React from "react";
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarIntent,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { useLocale } from "./context";
import { focusableBefore, useFocusOrigin } from "./focus";

/** Fits the narrowest pane: the text wraps (long names and addresses too), the close button stays inside. */
const useStyles = makeStyles({
  root: { minWidth: 0, maxWidth: "100%", boxSizing: "border-box" },
  body: { minWidth: 0, overflowWrap: "anywhere", lineBreak: "strict" },
});

export interface DismissibleNoticeProps {
  intent: MessageBarIntent;
  testId: string;
  onDismiss: () => void;
  children: React.ReactNode;
}

export const DismissibleNotice: React.FC<DismissibleNoticeProps> = ({
  intent,
  testId,
  onDismiss,
  children,
}) => {
  const { strings } = useLocale();
  const styles = useStyles();
  const root = React.useRef<HTMLDivElement>(null);
  const focusBack = useFocusOrigin();
  const dismiss = () => {
    focusBack(() => focusableBefore(root.current));
    onDismiss();
  };
  return (
    <MessageBar
      ref={root}
      className={styles.root}
      intent={intent}
      layout="multiline"
      // No MessageBarTitle here: without this Fluent would label the bar by an id not on the page.
      aria-labelledby={undefined}
      data-testid={testId}
    >
      <MessageBarBody className={styles.body}>{children}</MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button
            appearance="transparent"
            size="small"
            icon={<DismissRegular />}
            aria-label={strings.close}
            onClick={dismiss}
          />
        }
      />
    </MessageBar>
  );
};
