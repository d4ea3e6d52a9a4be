/** The task pane: theme, language, and the shell for where it runs (Excel or a browser). */
import * as React from "react";
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  makeStaticStyles,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { WorkbookHost } from "../../host/workbook-host";
import { Language, STRINGS } from "../i18n";
import { ThemeName } from "../model/theme";
import { LocaleContext, LocaleValue } from "./context";
import { ExcelShell } from "./ExcelShell";
import { StandaloneShell } from "./StandaloneShell";

/** Headings are Fluent Text components rendered as h1/h2: no browser margins. */
const useStaticStyles = makeStaticStyles({
  "h1, h2, h3": { margin: 0 },
  body: { margin: 0 },
});

const useStyles = makeStyles({
  provider: {
    height: "100vh",
    display: "flex",
    flexDirection: "column",
    backgroundColor: tokens.colorNeutralBackground2,
  },
  message: { margin: tokens.spacingHorizontalM },
});

export type AppMode =
  | { kind: "excel"; host: WorkbookHost }
  /** In Excel, but the Office.js host could not be created. */
  | { kind: "excel-unavailable" }
  | { kind: "standalone" };

export interface AppProps {
  mode: AppMode;
  language: Language;
  theme: ThemeName;
}

const App: React.FC<AppProps> = ({ mode, language, theme }) => {
  useStaticStyles();
  const styles = useStyles();
  const locale = React.useMemo<LocaleValue>(
    () => ({ language, strings: STRINGS[language] }),
    [language]
  );
  return (
    // The provider itself stays unstyled: Fluent copies its classes onto portal nodes (tooltips,
    // dialogs), which must not become full-height blocks.
    <FluentProvider
      theme={theme === "dark" ? webDarkTheme : webLightTheme}
      lang={locale.strings.lang}
    >
      <LocaleContext.Provider value={locale}>
        <div className={styles.provider} data-testid="app" data-mode={mode.kind}>
          {mode.kind === "excel" && <ExcelShell host={mode.host} />}
          {mode.kind === "standalone" && <StandaloneShell />}
          {mode.kind === "excel-unavailable" && (
            <MessageBar className={styles.message} intent="error" layout="multiline">
              <MessageBarBody>{locale.strings.excelUnavailable}</MessageBarBody>
            </MessageBar>
          )}
        </div>
      </LocaleContext.Provider>
    </FluentProvider>
  );
};

export default App;
