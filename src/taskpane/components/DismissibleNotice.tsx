/** A MessageBar with a close button: the outcome of an action the user took. */
import * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarIntent,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { useLocale } from "./context";

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
  return (
    <MessageBar intent={intent} data-testid={testId}>
      <MessageBarBody>{children}</MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button
            appearance="transparent"
            size="small"
            icon={<DismissRegular />}
            aria-label={strings.close}
            onClick={onDismiss}
          />
        }
      />
    </MessageBar>
  );
};
