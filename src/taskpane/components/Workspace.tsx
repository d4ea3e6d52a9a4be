/**
 * The task pane once a workbook is at hand (in Excel, or opened in a browser): a status line,
 * progress and staleness messages, and the tabs. Adding a tab = one entry in `tabs` below.
 * The 文稿 tab is loaded when first opened (it brings the report engine); 设置 is an icon
 * with a tooltip, so that five tabs fit a narrow pane in either language.
 */
import * as React from "react";
import {
  Button,
  Caption1,
  CounterBadge,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Tab,
  TabList,
  Text,
  Tooltip,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  ArrowClockwiseRegular,
  DocumentTableRegular,
  SettingsRegular,
} from "@fluentui/react-icons";
import { CellRef } from "../../core/model";
import { WorkbookHost } from "../../host/workbook-host";
import { periodText } from "../model/format";
import { AnalysisSession, SessionError, SessionState } from "../model/session";
import type { DraftInput } from "./DraftTab";
import { OverviewTab } from "./OverviewTab";
import { useDelayedFlag, useLocale } from "./context";
import { focusIfPresent } from "./focus";
import { lazyComponent } from "./lazy";
import { useEngine } from "./useEngine";

// Every tab but the first, and the empty state, load when first needed (or once the first
// analysis is shown, see preloadTabs): they stay out of the first render's JavaScript.
const LazyChecks = lazyComponent(
  () => import(/* webpackChunkName: "checks" */ "./ChecksTab"),
  (m) => m.ChecksTab
);
const LazyReport = lazyComponent(
  () => import(/* webpackChunkName: "report" */ "./ReportTab"),
  (m) => m.ReportTab
);
const LazyDraft = lazyComponent(
  () => import(/* webpackChunkName: "draft" */ "./DraftTab"),
  (m) => m.DraftTab
);
const LazySettings = lazyComponent(
  () => import(/* webpackChunkName: "settings" */ "./SettingsTab"),
  (m) => m.SettingsTab
);
const LazyEmpty = lazyComponent(
  () => import(/* webpackChunkName: "empty" */ "./EmptyState"),
  (m) => m.EmptyState
);
const ChecksTab = LazyChecks.Component;
const ReportTab = LazyReport.Component;
const DraftTab = LazyDraft.Component;
const SettingsTab = LazySettings.Component;
const EmptyState = LazyEmpty.Component;

/** Loads the other tabs in the background, so that a click shows them without a wait. */
function preloadTabs(): void {
  for (const tab of [LazyChecks, LazyReport, LazySettings, LazyDraft]) void tab.preload();
}

/** Reading or analysing for longer than this shows progress. */
export const PROGRESS_DELAY_MS = 300;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", flexGrow: 1, minHeight: 0 },
  status: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    minHeight: "32px",
  },
  statusIcon: { fontSize: "20px", color: tokens.colorBrandForeground1, flexShrink: 0 },
  statusText: { display: "flex", flexDirection: "column", minWidth: 0, flexGrow: 1 },
  label: {
    fontWeight: tokens.fontWeightSemibold,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
  muted: { color: tokens.colorNeutralForeground3 },
  progress: { flexShrink: 0 },
  progressSpace: { height: "2px", flexShrink: 0 },
  tabs: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingLeft: tokens.spacingHorizontalXS,
    flexShrink: 0,
    // At Excel's narrowest pane the five tabs fit in any language and font.
    "@media (max-width: 340px)": {
      paddingLeft: 0,
      "& .fui-Tab": {
        paddingLeft: tokens.spacingHorizontalXXS,
        paddingRight: tokens.spacingHorizontalXXS,
      },
    },
  },
  tabLabel: { display: "inline-flex", alignItems: "center", columnGap: tokens.spacingHorizontalXS },
  content: {
    flexGrow: 1,
    minHeight: 0,
    overflowY: "auto",
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
  messages: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: `0 ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  center: { padding: tokens.spacingVerticalXXL },
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

const TAB_PANEL_ID = "pane-tabpanel";
const tabId = (value: string) => `pane-tab-${value}`;

export type TabValue = "overview" | "checks" | "report" | "draft" | "settings";

export interface WorkspaceProps {
  host: WorkbookHost;
  session: AnalysisSession;
  state: SessionState;
  /** Selects a cell: Excel selects it; a browser shows it in the sheet preview. */
  onSelect: (sheet: string, cell: string) => void;
  /** Empty state, in a browser. */
  onOpenSample?: () => void;
  /** Empty state, in Excel (when the host can). */
  onInsertExample?: () => Promise<void>;
  /** Standalone: the name of the last downloaded copy. */
  copyName?: () => string | undefined;
  /** Shown under the content (the sheet preview). */
  footer?: React.ReactNode;
  /** Another tab was chosen (the sheet preview closes). */
  onTabChange?: () => void;
}

export const Workspace: React.FC<WorkspaceProps> = (props) => {
  const { host, session, state, onSelect, footer } = props;
  const styles = useStyles();
  const { strings, language } = useLocale();
  const [tab, setTab] = React.useState<TabValue>("overview");
  const [inserting, setInserting] = React.useState(false);
  const [draft, setDraft] = React.useState<DraftInput>({ text: "" });
  const showProgress = useDelayedFlag(state.busy !== false, PROGRESS_DELAY_MS);
  const progressText =
    state.progress &&
    strings.analysisProgress(state.progress.step, state.progress.steps, state.progress.sheets);
  const analysis = state.analysis;
  const engine = useEngine();

  const overview = React.useMemo(
    () => analysis && engine?.buildOverview(analysis, strings, language),
    [engine, analysis, strings, language]
  );
  const checks = React.useMemo(
    () => analysis && engine?.buildChecks(analysis.findings, strings, language),
    [engine, analysis, strings, language]
  );
  const outline = state.outline;
  // The report the session wrote (in the worker for a big workbook); undefined a moment longer.
  const written = state.report;
  const report = React.useMemo(
    () => analysis && written && engine?.buildReport(analysis, strings, language, outline, written),
    [engine, analysis, strings, language, outline, written]
  );
  const reportWriting = (
    <Spinner size="small" label={strings.reportWriting} data-testid="report-writing" />
  );
  const selectRef = React.useCallback((ref: CellRef) => onSelect(ref.sheet, ref.cell), [onSelect]);
  const content = React.useRef<HTMLDivElement>(null);
  /** Where focus goes once the tab shown has rendered (the first useful control). */
  const focusNext = React.useRef<string>();
  // Each tab opens at its top; a requested control gets the focus.
  React.useLayoutEffect(() => {
    const panel = content.current;
    if (panel) panel.scrollTop = 0;
    const target = focusNext.current;
    focusNext.current = undefined;
    if (!target || !panel) return undefined;
    const focusTarget = () =>
      focusIfPresent(panel.querySelector<HTMLElement>(`[data-testid="${target}"]`));
    if (focusTarget()) return undefined;
    // The tab is still loading (a chunk of its own): the control gets the focus once it is there.
    const observer = new MutationObserver(() => focusTarget() && observer.disconnect());
    observer.observe(panel, { childList: true, subtree: true });
    const stop = setTimeout(() => observer.disconnect(), 10_000);
    return () => {
      observer.disconnect();
      clearTimeout(stop);
    };
  }, [tab]);
  const ready = analysis !== undefined;
  React.useEffect(() => {
    if (ready) preloadTabs();
  }, [ready]);
  const openReport = React.useCallback(() => {
    focusNext.current = "write-sheet";
    setTab("report");
  }, []);

  const errorText = (error: SessionError) =>
    (language === "en" ? error.en : error.zh) ?? strings.unexpectedError(error.detail);

  const insertExample = props.onInsertExample;
  const runInsertExample = insertExample
    ? async () => {
        setInserting(true);
        try {
          await insertExample();
        } finally {
          setInserting(false);
        }
      }
    : undefined;

  const tabs: {
    value: TabValue;
    label: React.ReactNode;
    /** An icon-only tab: its name goes to the tooltip and aria-label. */
    icon?: React.ReactElement;
    render: () => React.ReactNode;
  }[] =
    analysis && overview && checks && engine
      ? [
          {
            value: "overview",
            label: strings.tabOverview,
            render: () => (
              <OverviewTab
                overview={overview}
                onSelect={selectRef}
                report={report && engine.reportStatus(report)}
                onOpenReport={openReport}
              />
            ),
          },
          {
            value: "checks",
            label: (
              <span className={styles.tabLabel}>
                {strings.tabChecks}
                {checks.badge && (
                  <CounterBadge
                    count={checks.badge.count}
                    color={checks.badge.color}
                    size="small"
                    overflowCount={99}
                    aria-label={checks.badge.label}
                    data-testid="checks-badge"
                  />
                )}
              </span>
            ),
            render: () => <ChecksTab checks={checks} onSelect={onSelect} />,
          },
          {
            value: "report",
            label: strings.tabReport,
            render: () =>
              report ? (
                <ReportTab
                  report={report}
                  host={host}
                  onSelect={onSelect}
                  copyName={props.copyName}
                />
              ) : (
                reportWriting
              ),
          },
          {
            value: "draft",
            label: strings.tabDraft,
            render: () => (
              <LazyBoundary fallback={(message) => strings.unexpectedError(message)}>
                <React.Suspense fallback={<Spinner size="small" label={strings.draftLoading} />}>
                  <DraftTab
                    analysis={analysis}
                    outline={state.outline}
                    report={written}
                    draft={draft}
                    onDraftChange={setDraft}
                    onSelect={onSelect}
                  />
                </React.Suspense>
              </LazyBoundary>
            ),
          },
          {
            value: "settings",
            label: strings.tabSettings,
            icon: <SettingsRegular />,
            render: () => (
              <SettingsTab
                settings={state.settings}
                detectedMonths={state.settings.period === undefined ? analysis.months : undefined}
                year={analysis.year}
                storedIn={host.kind === "excel" ? "workbook" : "browser"}
                saveError={
                  state.saveError
                    ? strings.settingsSaveFailed(errorText(state.saveError))
                    : undefined
                }
                onChange={(settings) => void session.applySettings(settings)}
              />
            ),
          },
        ]
      : [];

  const noTables = analysis !== undefined && analysis.tables.length === 0;
  const current = tabs.find((t) => t.value === tab) ?? tabs[0];
  // Once the tabs are shown (the first workbook read, or the example table inserted into an
  // empty one), focus goes to the selected tab rather than staying on nothing.
  const tabsShown = tabs.length > 0 && !noTables;
  React.useEffect(() => {
    // (not when the pane has no focus: it must not take it from the workbook)
    if (!tabsShown || !document.hasFocus()) return;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    document.querySelector<HTMLElement>("[role=tab][aria-selected=true]")?.focus();
  }, [tabsShown]);
  const refreshButton = React.useRef<HTMLButtonElement>(null);
  /** Refreshes from a banner's button, which goes once that works: the focus goes first. */
  const refreshFromBanner = () => {
    if (!focusIfPresent(refreshButton.current))
      focusIfPresent(document.querySelector<HTMLElement>("[role=tab][aria-selected=true]"));
    void session.refresh();
  };

  return (
    <main className={styles.root} aria-label={strings.appTitle}>
      {host.kind !== "file" && <h1 className={styles.hidden}>{strings.appTitle}</h1>}
      <div className={styles.status}>
        <DocumentTableRegular className={styles.statusIcon} aria-hidden />
        <div className={styles.statusText}>
          <Text className={styles.label} title={host.label} data-testid="workbook-label">
            {host.label}
          </Text>
          <Caption1 className={styles.muted} data-testid="summary" data-runner={state.runner}>
            {analysis
              ? `${strings.summary(analysis.tables.length, analysis.indicators.length)} · ${periodText(
                  analysis.months,
                  strings
                )}`
              : state.busy === "analysing"
                ? strings.analysing
                : strings.reading}
          </Caption1>
        </div>
        {host.kind === "excel" && (
          <Tooltip content={strings.refresh} relationship="label">
            <Button
              ref={refreshButton}
              appearance="subtle"
              icon={<ArrowClockwiseRegular />}
              disabledFocusable={state.busy !== false}
              onClick={() => void session.refresh()}
              data-testid="refresh"
            />
          </Tooltip>
        )}
      </div>
      {showProgress && analysis ? (
        <ProgressBar
          className={styles.progress}
          thickness="medium"
          data-testid="progress"
          aria-label={progressText ?? strings.analysing}
        />
      ) : (
        <div className={styles.progressSpace} />
      )}
      {(state.error || state.stale) && (
        <div className={styles.messages}>
          {state.error && (
            <MessageBar intent="error" layout="multiline" data-testid="error">
              <MessageBarBody>
                <MessageBarTitle>{strings.readFailedTitle}</MessageBarTitle>
                {errorText(state.error)}
              </MessageBarBody>
              <MessageBarActions>
                <Button size="small" onClick={refreshFromBanner}>
                  {strings.retry}
                </Button>
              </MessageBarActions>
            </MessageBar>
          )}
          {state.stale && !state.error && (
            <MessageBar intent="warning" data-testid="stale">
              <MessageBarBody>
                <MessageBarTitle>{strings.staleTitle}</MessageBarTitle>
                {strings.sentences(strings.staleBody, strings.staleAuto)}
              </MessageBarBody>
              <MessageBarActions>
                <Button size="small" disabled={state.busy !== false} onClick={refreshFromBanner}>
                  {strings.refresh}
                </Button>
              </MessageBarActions>
            </MessageBar>
          )}
        </div>
      )}
      {tabs.length > 0 && !noTables && (
        <TabList
          className={styles.tabs}
          selectedValue={current?.value}
          onTabSelect={(_, data) => {
            setTab(data.value as TabValue);
            props.onTabChange?.();
          }}
          size="small"
        >
          {tabs.map((t) =>
            t.icon ? (
              <Tooltip key={t.value} content={<>{t.label}</>} relationship="label">
                <Tab
                  value={t.value}
                  icon={t.icon}
                  id={tabId(t.value)}
                  aria-controls={TAB_PANEL_ID}
                  data-testid={`tab-${t.value}`}
                />
              </Tooltip>
            ) : (
              <Tab
                key={t.value}
                value={t.value}
                id={tabId(t.value)}
                aria-controls={TAB_PANEL_ID}
                data-testid={`tab-${t.value}`}
              >
                {t.label}
              </Tab>
            )
          )}
        </TabList>
      )}
      <div
        ref={content}
        className={styles.content}
        // A tab's panel, labelled by its tab, once there are tabs (not over the empty state).
        role={tabsShown ? "tabpanel" : undefined}
        id={TAB_PANEL_ID}
        aria-labelledby={tabsShown && current ? tabId(current.value) : undefined}
        data-testid="content"
      >
        {!analysis && state.phase === "loading" && showProgress && !state.progress && (
          <Spinner
            className={styles.center}
            label={state.busy === "analysing" ? strings.analysing : strings.reading}
          />
        )}
        {!analysis && state.progress && (showProgress || state.progress.runner === "worker") && (
          // A big workbook's analysis, in the worker: how far it has got.
          <div
            className={styles.center}
            role="status"
            data-testid="analysis-progress"
            data-runner={state.progress.runner}
            data-step={state.progress.step}
          >
            <ProgressBar
              thickness="large"
              value={(state.progress.step - 0.5) / state.progress.steps}
              aria-label={progressText}
            />
            <Caption1>{progressText}</Caption1>
          </div>
        )}
        <LazyBoundary
          key={noTables ? "empty" : current?.value}
          fallback={(message) => strings.unexpectedError(message)}
        >
          <React.Suspense fallback={<Spinner size="small" />}>
            {noTables && (
              <EmptyState
                onOpenSample={props.onOpenSample}
                onInsertExample={runInsertExample}
                busy={inserting || state.busy !== false}
              />
            )}
            {!noTables && current?.render()}
          </React.Suspense>
        </LazyBoundary>
      </div>
      {footer}
    </main>
  );
};

/** Shows a message instead of a lazily loaded tab that failed to load or render. */
class LazyBoundary extends React.Component<
  { fallback: (message: string) => string; children: React.ReactNode },
  { error?: string }
> {
  state: { error?: string } = {};

  static getDerivedStateFromError(error: unknown): { error: string } {
    return { error: error instanceof Error ? error.message : String(error) };
  }

  render(): React.ReactNode {
    if (this.state.error === undefined) return this.props.children;
    return (
      // (no title: see DismissibleNotice)
      <MessageBar intent="error" aria-labelledby={undefined} data-testid="tab-error">
        <MessageBarBody>{this.props.fallback(this.state.error)}</MessageBarBody>
      </MessageBar>
    );
  }
}
