/** The task pane: theme, language, and the shell for where it runs (Excel or a browser). */
import * as React from "react";
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  Theme,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { WorkbookHost } from "../../host/workbook-host";
import type { Language, Strings } from "../i18n";
import { loadStrings, stringsNow } from "../i18n/load";
import { zh } from "../i18n/zh";
import { ThemeName } from "../model/theme";
import { LocaleContext, LocaleValue } from "./context";
import { ExcelShell } from "./ExcelShell";
import { lazyComponent } from "./lazy";

// A browser (no Excel) loads the standalone shell; Excel never does.
const LazyStandalone = lazyComponent(
  () => import(/* webpackChunkName: "standalone" */ "./StandaloneShell"),
  (m) => m.StandaloneShell
);
const StandaloneShell = LazyStandalone.Component;

/**
 * Headings are Fluent Text components rendered as h1/h2: no browser margins. A plain style
 * element (type selectors, so any class still wins): makeStaticStyles would bring Griffel's
 * style compiler into the first render, which build-time CSS leaves out otherwise.
 */
const GLOBAL_CSS = "h1,h2,h3{margin:0}body{margin:0}";

function useGlobalStyles(): void {
  React.useInsertionEffect(() => {
    if (document.head.querySelector("style[data-indicator-report]")) return;
    const style = document.createElement("style");
    style.setAttribute("data-indicator-report", "");
    style.textContent = GLOBAL_CSS;
    document.head.prepend(style);
  }, []);
}

const useStyles = makeStyles({
  provider: {
    height: "100vh",
    display: "flex",
    flexDirection: "column",
    backgroundColor: tokens.colorNeutralBackground2,
  },
  message: { margin: tokens.spacingHorizontalM },
  loading: { padding: tokens.spacingVerticalXXL },
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
    margin: "-1px",
  },
});

export type AppMode =
  /** The host, or its creation under way (a chunk of its own, loaded beside the first render). */
  | { kind: "excel"; host: WorkbookHost | Promise<WorkbookHost> }
  /** In Excel, but the Office.js host could not be created. */
  | { kind: "excel-unavailable" }
  | { kind: "standalone" };

export interface AppProps {
  mode: AppMode;
  language: Language;
  theme: ThemeName;
}

/** What the page needs before it can show anything: the strings and the theme. */
interface Basics {
  strings: Strings;
  theme: Theme;
}

function basicsNow(language: Language, theme: ThemeName): Basics | undefined {
  const strings = stringsNow(language);
  if (!strings || theme === "dark") return undefined;
  return { strings, theme: webLightTheme };
}

/** Should a chunk fail to load, the pane still shows: in Chinese, or in the light theme. */
async function loadBasics(language: Language, theme: ThemeName): Promise<Basics> {
  const fallBack =
    <T,>(what: string, value: T) =>
    (error: unknown) => {
      console.warn(`指标报告助手: the ${what} could not be loaded`, error);
      return value;
    };
  const [strings, fluentTheme] = await Promise.all([
    loadStrings(language).catch(fallBack("strings", zh)),
    theme === "dark"
      ? import(/* webpackChunkName: "dark-theme" */ "../dark-theme")
          .then((m) => m.webDarkTheme)
          .catch(fallBack("dark theme", webLightTheme))
      : webLightTheme,
  ]);
  return { strings, theme: fluentTheme };
}

/** The basics, loading them first when a chunk is needed (English, or the dark theme). */
function useBasics(language: Language, theme: ThemeName): Basics | undefined {
  const [loaded, setLoaded] = React.useState<Basics | undefined>(() => basicsNow(language, theme));
  React.useEffect(() => {
    if (loaded) return undefined;
    let live = true;
    void loadBasics(language, theme).then((basics) => live && setLoaded(basics));
    return () => {
      live = false;
    };
  }, [language, theme, loaded]);
  return loaded;
}

/** The host once created; undefined while it is, null when it could not be. */
function useHost(mode: AppMode): WorkbookHost | undefined | null {
  const pending = mode.kind === "excel" ? mode.host : undefined;
  const [host, setHost] = React.useState<WorkbookHost | undefined | null>(() =>
    pending instanceof Promise ? undefined : pending
  );
  React.useEffect(() => {
    if (!(pending instanceof Promise)) {
      setHost(pending);
      return undefined;
    }
    let live = true;
    pending.then(
      (created) => live && setHost(created),
      (error: unknown) => {
        console.error("指标报告助手: the Excel host could not be created", error);
        if (live) setHost(null);
      }
    );
    return () => {
      live = false;
    };
  }, [pending]);
  return host;
}

const App: React.FC<AppProps> = ({ mode, language, theme }) => {
  const basics = useBasics(language, theme);
  // Until then the page's own loading state stays (taskpane.html).
  if (basics === undefined) return <BootLoading />;
  // The standalone shell loads here too: the pane shows once it has, with its start screen.
  return (
    <React.Suspense fallback={<BootLoading />}>
      <LoadedApp mode={mode} language={language} basics={basics} />
    </React.Suspense>
  );
};

const LoadedApp: React.FC<{ mode: AppMode; language: Language; basics: Basics }> = ({
  mode,
  language,
  basics,
}) => {
  useGlobalStyles();
  const styles = useStyles();
  const host = useHost(mode);
  const locale = React.useMemo<LocaleValue>(
    () => ({ language, strings: basics.strings }),
    [language, basics.strings]
  );
  const unavailable = mode.kind === "excel-unavailable" || (mode.kind === "excel" && host === null);
  return (
    // The provider itself stays unstyled: Fluent copies its classes onto portal nodes (tooltips,
    // dialogs), which must not become full-height blocks.
    <FluentProvider theme={basics.theme} lang={locale.strings.lang}>
      <LocaleContext.Provider value={locale}>
        <div
          className={styles.provider}
          data-testid="app"
          data-mode={unavailable ? "excel-unavailable" : mode.kind}
        >
          {mode.kind === "excel" && host && <ExcelShell host={host} />}
          {mode.kind === "excel" && host === undefined && (
            <main>
              <Spinner className={styles.loading} label={locale.strings.reading} />
            </main>
          )}
          {mode.kind === "standalone" && <StandaloneShell />}
          {unavailable && (
            <main>
              <h1 className={styles.hidden}>{locale.strings.appTitle}</h1>
              <MessageBar
                className={styles.message}
                intent="error"
                layout="multiline"
                aria-labelledby={undefined} // (no title: see DismissibleNotice)
                data-testid="excel-unavailable"
              >
                <MessageBarBody>{locale.strings.excelUnavailable}</MessageBarBody>
              </MessageBar>
            </main>
          )}
        </div>
      </LocaleContext.Provider>
    </FluentProvider>
  );
};

/** The same loading state as taskpane.html's (boot.css), while a language or theme loads. */
const BootLoading: React.FC = () => (
  <div className="boot" role="status">
    <div className="boot-spinner" aria-hidden="true" />
    <p className="boot-text">正在加载指标报告助手…</p>
    <p className="boot-text boot-en" lang="en">
      Loading Indicator Report…
    </p>
  </div>
);

export default App;
