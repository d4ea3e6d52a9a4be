/**
 * Standalone mode, several workbooks opened at once: the 汇总 view. Each file is read in the
 * browser and analysed on its own, then rolled up (model/rollup.ts): a header line with the
 * units counted and the files left out, the table of district indicators, the findings and
 * the district paragraphs, with a download of the 汇总 workbook and a copy of the text.
 * A chunk of its own: the first render does not carry the roll-up.
 */
import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownloadRegular, CopyRegular } from "@fluentui/react-icons";
import type { SettingsStorage } from "../../host/file-host";
import { copyText } from "../clipboard";
import { ROLLUP_STRINGS } from "../i18n/rollup";
import {
  NotCounted,
  PaneRollup,
  PickedFile,
  ROLLUP_FILE_NAME,
  RollupRow,
  rollUpFiles,
  rollupWorkbookBytes,
  savedEngineOptions,
} from "../model/rollup";
import { useDelayedFlag, useLocale } from "./context";
import { DismissibleNotice } from "./DismissibleNotice";
import { CARD_HEADER, STACKED_CARD, TAB_COLUMN } from "./styles";

const useStyles = makeStyles({
  root: {
    ...TAB_COLUMN,
    flexGrow: 1,
    minHeight: 0,
    minWidth: 0,
    overflowY: "auto",
    overflowX: "hidden",
    padding: tokens.spacingHorizontalM,
    boxSizing: "border-box",
  },
  card: { ...STACKED_CARD, minWidth: 0 },
  cardHeader: CARD_HEADER,
  wrap: { overflowWrap: "anywhere", lineBreak: "strict", minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1 },
  /** The table scrolls inside its card: the pane itself never scrolls sideways. */
  scroll: {
    overflowX: "auto",
    maxWidth: "100%",
    ":focus-visible": {
      outline: `2px solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "2px",
    },
  },
  table: {
    borderCollapse: "collapse",
    width: "100%",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  th: {
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    whiteSpace: "nowrap",
    verticalAlign: "bottom",
  },
  td: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    verticalAlign: "top",
  },
  name: { minWidth: "8em" },
  part: { paddingLeft: tokens.spacingHorizontalL },
  number: { whiteSpace: "nowrap", textAlign: "right" },
  behind: { minWidth: "12em", color: tokens.colorPaletteRedForeground1 },
  /** A second line in a cell: the target, the range, the reason, the first unit. */
  sub: {
    display: "block",
    fontSize: tokens.fontSizeBase100,
    lineHeight: tokens.lineHeightBase100,
    color: tokens.colorNeutralForeground3,
  },
  /** The district total: on one line, from the column's start (the column may be wide). */
  total: { whiteSpace: "nowrap" },
  /** A held-back reason is a sentence: it wraps in a column of its own width. */
  reason: { minWidth: "10em" },
  held: { color: tokens.colorPaletteDarkOrangeForeground1 },
  finding: { overflowWrap: "anywhere", lineBreak: "strict" },
  severity: { fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalXS },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorNeutralForeground3 },
  reportTitle: { fontWeight: tokens.fontWeightSemibold, textAlign: "center" },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  paragraph: {
    margin: 0,
    textIndent: "2em",
    overflowWrap: "anywhere",
    lineBreak: "strict",
    whiteSpace: "pre-wrap",
  },
  note: { margin: 0, color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
});

export interface RollupViewProps {
  files: PickedFile[];
  storage?: SettingsStorage;
  /** Saves a file for the user (a browser download). */
  onDownload: (bytes: Uint8Array, fileName: string) => void;
}

type State =
  | { kind: "reading"; done: number; total: number }
  | { kind: "done"; result: PaneRollup }
  | { kind: "failed"; message: string };

type Notice = { intent: "success" | "warning" | "error"; text: string };

async function readWorkbook(bytes: Uint8Array, fileName: string) {
  const { readWorkbookBuffer } = await import(
    /* webpackChunkName: "xlsx-reader" */ "../../xlsx/read-workbook"
  );
  return readWorkbookBuffer(bytes, fileName);
}

export const RollupView: React.FC<RollupViewProps> = ({ files, storage, onDownload }) => {
  const styles = useStyles();
  const { language } = useLocale();
  const t = ROLLUP_STRINGS[language];
  const [state, setState] = React.useState<State>({
    kind: "reading",
    done: 0,
    total: files.length,
  });
  const showProgress = useDelayedFlag(state.kind === "reading", 150);

  React.useEffect(() => {
    let live = true;
    rollUpFiles(files, {
      engine: savedEngineOptions(storage),
      readWorkbook,
      progress: (done, total) => live && setState({ kind: "reading", done, total }),
    }).then(
      (result) => live && setState({ kind: "done", result }),
      (error: unknown) =>
        live &&
        setState({
          kind: "failed",
          message: error instanceof Error ? error.message : String(error),
        })
    );
    return () => {
      live = false;
    };
  }, [files, storage]);

  if (state.kind === "reading")
    return (
      <main className={styles.root} aria-label={t.viewLabel} aria-busy data-testid="rollup-reading">
        {showProgress && (
          <Spinner
            size="small"
            label={state.done < state.total ? t.reading(state.done + 1, state.total) : t.rolling}
          />
        )}
      </main>
    );

  if (state.kind === "failed")
    return (
      <main className={styles.root} aria-label={t.viewLabel} data-testid="rollup-failed">
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody className={styles.wrap}>{t.failed(state.message)}</MessageBarBody>
        </MessageBar>
      </main>
    );

  const result = state.result;
  if (result.kind === "nothing")
    return (
      <main className={styles.root} aria-label={t.viewLabel} data-testid="rollup-nothing">
        <section className={styles.card}>
          <Subtitle2 as="h2">{t.nothing}</Subtitle2>
          <NotCountedList items={result.notCounted} withTitle={false} />
          <Body1>{t.nothingNext}</Body1>
        </section>
      </main>
    );
  return <RollupResult result={result} onDownload={onDownload} />;
};

const NotCountedList: React.FC<{ items: NotCounted[]; withTitle?: boolean }> = ({
  items,
  withTitle = true,
}) => {
  const styles = useStyles();
  const { language } = useLocale();
  const t = ROLLUP_STRINGS[language];
  if (items.length === 0) return null;
  const why = (item: NotCounted) =>
    item.why === "duplicate"
      ? t.duplicateOf(item.of)
      : item.why === "unread"
        ? t.unread(language === "en" ? item.messageEn : item.message)
        : t.ownRollup;
  return (
    <div data-testid="rollup-not-counted">
      {withTitle && <Body1>{t.notCountedTitle(items.length)}</Body1>}
      <ul className={styles.list}>
        {items.map((item) => (
          <li key={item.file} className={styles.wrap} data-file={item.file} data-why={item.why}>
            <Text weight="semibold">{item.file}</Text>
            {language === "en" ? ": " : "："}
            {why(item)}
          </li>
        ))}
      </ul>
    </div>
  );
};

const RollupResult: React.FC<{
  result: Extract<PaneRollup, { kind: "rollup" }>;
  onDownload: RollupViewProps["onDownload"];
}> = ({ result, onDownload }) => {
  const styles = useStyles();
  const { language, strings } = useLocale();
  const t = ROLLUP_STRINGS[language];
  const [notice, setNotice] = React.useState<Notice>();
  const [working, setWorking] = React.useState(false);
  const { rollup } = result;
  const period = rollup.months >= 12 ? strings.periodFull : strings.periodMonths(rollup.months);

  const run = async (action: () => Promise<Notice>) => {
    setWorking(true);
    try {
      setNotice(await action());
    } catch (error) {
      setNotice({
        intent: "error",
        text: strings.unexpectedError(error instanceof Error ? error.message : String(error)),
      });
    } finally {
      setWorking(false);
    }
  };

  const download = () =>
    run(async () => {
      onDownload(await rollupWorkbookBytes(result), ROLLUP_FILE_NAME);
      return { intent: "success", text: t.downloaded(ROLLUP_FILE_NAME) };
    });

  const copy = () =>
    run(async () =>
      (await copyText(result.text))
        ? { intent: "success", text: t.copied }
        : { intent: "warning", text: t.copyFailed }
    );

  const hasParagraphs = result.lines.some((l) => l.kind === "paragraph");

  return (
    <main className={styles.root} aria-label={t.viewLabel} data-testid="rollup">
      <section className={styles.card} aria-labelledby="rollup-heading">
        <Subtitle2 as="h2" id="rollup-heading">
          {t.heading}
        </Subtitle2>
        <Body1 className={styles.wrap} data-testid="rollup-headline">
          {t.headline(rollup.units.length, rollup.unitKind, period)}
        </Body1>
        <NotCountedList items={result.notCounted} />
        <div className={styles.actions}>
          <Button
            className={styles.grow}
            appearance="primary"
            icon={<ArrowDownloadRegular />}
            disabledFocusable={working}
            onClick={() => void download()}
            data-testid="rollup-download"
          >
            {t.download}
          </Button>
          <Button
            className={styles.grow}
            icon={<CopyRegular />}
            disabledFocusable={working || !hasParagraphs}
            onClick={() => void copy()}
            data-testid="rollup-copy"
          >
            {t.copy}
          </Button>
        </div>
        {notice && (
          <DismissibleNotice
            intent={notice.intent}
            testId="rollup-notice"
            onDismiss={() => setNotice(undefined)}
          >
            {notice.text}
          </DismissibleNotice>
        )}
      </section>

      <section className={styles.card} aria-labelledby="rollup-table-heading">
        <Subtitle2 as="h3" id="rollup-table-heading">
          {t.tableTitle}
        </Subtitle2>
        <div
          className={styles.scroll}
          role="region"
          aria-label={t.tableLabel}
          tabIndex={0}
          data-testid="rollup-table-scroll"
        >
          <table className={styles.table} data-testid="rollup-table">
            <thead>
              <tr>
                {[
                  t.colName,
                  t.colUnit,
                  t.colTotal,
                  t.colRate,
                  t.colGrowth,
                  t.colReported,
                  t.colBehind,
                ].map((label) => (
                  <th key={label} className={styles.th} scope="col">
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {result.rows.map((row) => (
                <SummaryRow key={row.id} row={row} />
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className={styles.card} aria-labelledby="rollup-findings-heading">
        <Subtitle2 as="h3" id="rollup-findings-heading">
          {t.findingsTitle}
        </Subtitle2>
        {rollup.findings.length === 0 ? (
          <Body1>{t.findingsNone}</Body1>
        ) : (
          <ul className={styles.list} data-testid="rollup-findings">
            {rollup.findings.map((f, k) => (
              <li key={k} className={styles.finding} data-code={f.code} data-file={f.file}>
                <span className={mergeClasses(styles.severity, styles[f.severity])}>
                  {t.severity[f.severity]}
                </span>
                {language === "en" ? f.messageEn : f.message}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section
        className={styles.card}
        aria-labelledby="rollup-report-heading"
        data-testid="rollup-report"
      >
        <Subtitle2 as="h3" id="rollup-report-heading">
          {t.reportTitle}
        </Subtitle2>
        {!hasParagraphs && <Body1>{t.reportNone}</Body1>}
        {hasParagraphs &&
          result.lines.map((line, k) =>
            line.kind === "title" ? (
              <Body1 key={k} className={styles.reportTitle} block>
                {line.text}
              </Body1>
            ) : line.kind === "heading" ? (
              <h4 key={k} className={styles.heading}>
                {line.text}
              </h4>
            ) : line.kind === "paragraph" ? (
              <p key={k} className={styles.paragraph} data-testid="rollup-paragraph">
                {line.text}
              </p>
            ) : (
              <Caption1 key={k} className={styles.note} block>
                {line.text}
              </Caption1>
            )
          )}
      </section>
    </main>
  );
};

const SummaryRow: React.FC<{ row: RollupRow }> = ({ row }) => {
  const styles = useStyles();
  const { language } = useLocale();
  const t = ROLLUP_STRINGS[language];
  const value = row.value;
  return (
    <tr data-testid="rollup-row" data-indicator={row.name}>
      <th scope="row" className={mergeClasses(styles.td, styles.name, row.part && styles.part)}>
        <Text weight="regular">
          {row.part ? t.partOf : ""}
          {row.name}
        </Text>
      </th>
      <td className={mergeClasses(styles.td, styles.number)}>{row.unit || "—"}</td>
      <td className={mergeClasses(styles.td, value.kind === "sum" ? styles.total : styles.reason)}>
        {value.kind === "sum" && (
          <>
            <span data-testid="rollup-total">{value.text}</span>
            {row.target && <span className={styles.sub}>{t.target(row.target)}</span>}
          </>
        )}
        {value.kind === "withheld" && (
          <>
            <span className={styles.held} data-testid="rollup-total">
              {t.withheld}
            </span>
            <span className={styles.sub}>{value.reason}</span>
          </>
        )}
        {value.kind === "rate" && (
          <>
            <span data-testid="rollup-total">{value.district ?? t.notSummed}</span>
            {value.how && <span className={styles.sub}>{value.how}</span>}
            {value.range && <span className={styles.sub}>{value.range}</span>}
            {value.blank && <span className={styles.sub}>{value.blank}</span>}
          </>
        )}
        {value.kind === "none" && <span data-testid="rollup-total">{t.noneReported}</span>}
      </td>
      <td className={mergeClasses(styles.td, styles.number)} data-testid="rollup-rate">
        {row.completionRate ?? "—"}
      </td>
      <td className={mergeClasses(styles.td, styles.number)} data-testid="rollup-growth">
        {row.growth ?? "—"}
      </td>
      <td className={mergeClasses(styles.td, styles.number)} data-testid="rollup-reported">
        {row.reported}/{row.units}
        {row.first && <span className={styles.sub}>{t.first(row.first)}</span>}
      </td>
      <td className={mergeClasses(styles.td, styles.behind)} data-testid="rollup-behind">
        {row.behind.length === 0 ? (
          "—"
        ) : (
          <>
            {row.behindWords !== "未完成目标任务" && (
              <span className={styles.sub}>{row.behindWords}</span>
            )}
            {row.behind.join("、")}
          </>
        )}
      </td>
    </tr>
  );
};
