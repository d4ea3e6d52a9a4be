/**
 * 报告: the paragraphs, each quoted number traceable to its cell (tooltip + click), and the
 * ways out: insert into the selected cell, write the 报告 sheet (or, in a browser, download a
 * copy with it), copy.
 */
import { userMessage } from "../../core/errors";
import * as React from "react";
import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Tooltip,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  ArrowDownloadRegular,
  CopyRegular,
  TableArrowUpRegular,
  TextAddRegular,
} from "@fluentui/react-icons";
import { InsertResult, ReportSheetResult, WorkbookHost } from "../../host/workbook-host";
import { copyText } from "../clipboard";
import { Notice, insertNotice, shorten, writeNotice } from "../model/report-actions";
import { NumberSegment, ParagraphView, ReportView, Segment, bindFigures } from "../model/report";
import { useLocale } from "./context";
import { DismissibleNotice } from "./DismissibleNotice";
import { Roving, useRoving } from "./roving";
import { ShowMore, usePaged } from "./ShowMore";
import { STACKED_CARD, TAB_COLUMN } from "./styles";

const useStyles = makeStyles({
  root: TAB_COLUMN,
  actions: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  secondary: { display: "flex", columnGap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1 },
  hint: { color: tokens.colorNeutralForeground3 },
  card: STACKED_CARD,
  cardHeader: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
  },
  // Chinese line breaking: no justified gaps, no closing punctuation at a line's start (the
  // browser's strict rules for the text; a number is bound to its unit and punctuation below).
  text: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: "1.9",
    textAlign: "start",
    lineBreak: "strict",
    wordBreak: "normal",
    overflowWrap: "anywhere",
  },
  figure: { whiteSpace: "nowrap" },
  number: {
    border: "none",
    background: "none",
    padding: 0,
    margin: 0,
    font: "inherit",
    lineHeight: "inherit",
    color: tokens.colorBrandForeground1,
    cursor: "pointer",
    textDecorationLine: "underline",
    textDecorationStyle: "dotted",
    textUnderlineOffset: "3px",
    borderRadius: tokens.borderRadiusSmall,
    ":hover": {
      backgroundColor: tokens.colorBrandBackground2,
      textDecorationStyle: "solid",
    },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  sectionActions: { display: "flex", flexShrink: 0, columnGap: "2px" },
  tooltipLine: { display: "block" },
  tooltipHint: { display: "block", color: tokens.colorNeutralForeground3, marginTop: "2px" },
  current: {
    margin: `${tokens.spacingVerticalS} 0`,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    whiteSpace: "pre-wrap",
    wordBreak: "break-all",
  },
  conflictList: {
    margin: `${tokens.spacingVerticalS} 0`,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  address: { fontFamily: tokens.fontFamilyMonospace },
  muted: { color: tokens.colorNeutralForeground3 },
  empty: { color: tokens.colorNeutralForeground3 },
});

type PendingDialog =
  | { kind: "occupied"; address: string; current: string; text: string }
  | { kind: "conflict"; result: Extract<ReportSheetResult, { kind: "conflict" }> };

export interface ReportTabProps {
  report: ReportView;
  host: WorkbookHost;
  /** Selects a cell (Excel) or shows it in the preview (browser). */
  onSelect: (sheet: string, cell: string) => void;
  /** Standalone: the name of the last downloaded copy. */
  copyName?: () => string | undefined;
}

const MAX_CONFLICTS_SHOWN = 8;

export const ReportTab: React.FC<ReportTabProps> = ({ report, host, onSelect, copyName }) => {
  const styles = useStyles();
  const { strings, language } = useLocale();
  const [notice, setNotice] = React.useState<Notice>();
  const [dialog, setDialog] = React.useState<PendingDialog>();
  const [working, setWorking] = React.useState(false);
  const sections = usePaged(report.paragraphs.length, REPORT_SECTIONS);
  const inBrowser = host.kind === "file";

  // While an action runs, the buttons are disabledFocusable rather than disabled: a disabled
  // button would drop the focus to <body>.
  const run = async (action: () => Promise<void>) => {
    setWorking(true);
    try {
      await action();
    } catch (error) {
      // A refusal the product explains (a file it will not copy) in the user's language, as is.
      const known = userMessage(error, language);
      setNotice({ intent: "error", text: known ?? strings.unexpectedError(messageOf(error)) });
    } finally {
      setWorking(false);
    }
  };

  /** The whole report, or one section, into the selected cell. */
  const insert = (text: string, overwrite: boolean) =>
    run(async () => {
      const result: InsertResult = await host.insertIntoSelection(text, overwrite);
      if (result.kind === "occupied") setDialog({ ...result, text });
      else setNotice(insertNotice(result, strings));
    });

  const writeSheet = (overwrite: boolean) =>
    run(async () => {
      const result = await host.writeReportSheet(report.blocks, overwrite);
      if (result.kind === "conflict") setDialog({ kind: "conflict", result });
      else setNotice(writeNotice(result, strings, inBrowser ? copyName?.() : undefined));
    });

  const copy = (text: string) =>
    run(async () => {
      const copied = await copyText(text);
      setNotice(
        copied
          ? { intent: "success", text: strings.reportCopied }
          : { intent: "warning", text: strings.reportCopyFailed }
      );
    });

  if (report.paragraphs.length === 0)
    return <Caption1 className={styles.empty}>{strings.reportNone}</Caption1>;

  return (
    <div className={styles.root} data-testid="report">
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={inBrowser ? <ArrowDownloadRegular /> : <TableArrowUpRegular />}
          disabledFocusable={working}
          onClick={() => writeSheet(false)}
          data-testid="write-sheet"
        >
          {inBrowser ? strings.reportDownloadCopy : strings.reportWriteSheet}
        </Button>
        <div className={styles.secondary}>
          {!inBrowser && (
            <Button
              className={styles.grow}
              icon={<TextAddRegular />}
              disabledFocusable={working}
              onClick={() => insert(report.plainText, false)}
              data-testid="insert"
            >
              {strings.reportInsert}
            </Button>
          )}
          <Button
            className={inBrowser ? styles.grow : undefined}
            icon={<CopyRegular />}
            disabledFocusable={working}
            onClick={() => copy(report.plainText)}
            data-testid="copy"
          >
            {strings.reportCopy}
          </Button>
        </div>
      </div>
      {notice && (
        <DismissibleNotice
          intent={notice.intent}
          testId="report-notice"
          onDismiss={() => setNotice(undefined)}
        >
          {notice.text}
          {inBrowser && notice.intent === "success" && copyName?.() && (
            <Caption1 className={styles.muted} block>
              {strings.copyCaveat}
            </Caption1>
          )}
        </DismissibleNotice>
      )}
      <Caption1 className={styles.hint}>{strings.reportHint}</Caption1>
      {report.paragraphs.slice(0, sections.shown).map((p) => (
        <ParagraphCard
          key={p.key}
          paragraph={p}
          onSelect={onSelect}
          onCopy={copy}
          onInsert={inBrowser ? undefined : (text) => insert(text, false)}
          disabled={working}
        />
      ))}
      <ShowMore paged={sections} page={REPORT_SECTIONS} testId="sections-more" />
      <Dialog
        open={dialog !== undefined}
        onOpenChange={(_, data) => !data.open && setDialog(undefined)}
      >
        <DialogSurface>
          {dialog?.kind === "occupied" && (
            <DialogBody>
              <DialogTitle>{strings.occupiedTitle}</DialogTitle>
              <DialogContent data-testid="occupied-dialog">
                {strings.occupiedBody(dialog.address)}
                <div className={styles.current}>{shorten(dialog.current, 200)}</div>
                {strings.occupiedQuestion}
              </DialogContent>
              <DialogActions>
                <Button
                  appearance="primary"
                  onClick={() => {
                    setDialog(undefined);
                    void insert(dialog.text, true);
                  }}
                >
                  {strings.overwrite}
                </Button>
                <Button onClick={() => setDialog(undefined)}>{strings.cancel}</Button>
              </DialogActions>
            </DialogBody>
          )}
          {dialog?.kind === "conflict" && (
            <DialogBody>
              <DialogTitle>{strings.conflictTitle(dialog.result.sheet)}</DialogTitle>
              <DialogContent data-testid="conflict-dialog">
                {strings.conflictBody}
                <ul className={styles.conflictList}>
                  {dialog.result.edited.slice(0, MAX_CONFLICTS_SHOWN).map((e) => (
                    <li key={e.address}>
                      <span className={styles.address}>{e.address}</span>
                      {"："}
                      {strings.conflictCurrent}“{shorten(e.current, 40)}”
                      <span className={styles.muted}>
                        {" → "}
                        {strings.conflictPlanned}“{shorten(e.planned, 40)}”
                      </span>
                    </li>
                  ))}
                  {dialog.result.edited.length > MAX_CONFLICTS_SHOWN && (
                    <li className={styles.muted}>
                      {strings.conflictMore(dialog.result.edited.length - MAX_CONFLICTS_SHOWN)}
                    </li>
                  )}
                </ul>
              </DialogContent>
              <DialogActions>
                <Button
                  appearance="primary"
                  onClick={() => {
                    setDialog(undefined);
                    void writeSheet(true);
                  }}
                >
                  {strings.overwrite}
                </Button>
                <Button onClick={() => setDialog(undefined)}>{strings.cancel}</Button>
              </DialogActions>
            </DialogBody>
          )}
        </DialogSurface>
      </Dialog>
    </div>
  );
};

/**
 * A long report shows a page at a time: its first sections, a section's first paragraphs and a
 * paragraph's first quoted numbers, each with "显示更多". What is copied, inserted or written is
 * always the whole report.
 */
const REPORT_SECTIONS = 8;
const SECTION_PARAGRAPHS = 10;
const PARAGRAPH_FIGURES = 24;

const ParagraphCard: React.FC<{
  paragraph: ParagraphView;
  onSelect: (sheet: string, cell: string) => void;
  onCopy: (text: string) => void;
  /** In Excel: this section alone into the selected cell. */
  onInsert?: (text: string) => void;
  disabled: boolean;
}> = ({ paragraph, onSelect, onCopy, onInsert, disabled }) => {
  const styles = useStyles();
  const { strings } = useLocale();
  const text = paragraph.text ? `${paragraph.heading}\n${paragraph.text}` : paragraph.heading;
  const headingId = React.useId();
  const paged = usePaged(paragraph.paragraphs.length, SECTION_PARAGRAPHS);
  return (
    <section className={styles.card} data-testid="paragraph" aria-labelledby={headingId}>
      <div className={styles.cardHeader}>
        <Subtitle2 as={paragraph.level <= 1 ? "h2" : "h3"} id={headingId}>
          {paragraph.heading}
        </Subtitle2>
        <div className={styles.sectionActions}>
          {onInsert && (
            <Tooltip content={strings.reportInsertSection} relationship="label">
              <Button
                appearance="subtle"
                size="small"
                icon={<TextAddRegular />}
                disabledFocusable={disabled}
                onClick={() => onInsert(text)}
                data-testid="insert-section"
              />
            </Tooltip>
          )}
          <Tooltip content={strings.reportCopyParagraph} relationship="label">
            <Button
              appearance="subtle"
              size="small"
              icon={<CopyRegular />}
              onClick={() => onCopy(text)}
              data-testid="copy-section"
            />
          </Tooltip>
        </div>
      </div>
      {paragraph.paragraphs.slice(0, paged.shown).map((p, k) => (
        <ParagraphText key={k} segments={p.segments} onSelect={onSelect} />
      ))}
      <ShowMore paged={paged} page={SECTION_PARAGRAPHS} testId="paragraphs-more" />
      {paragraph.doubt && (
        // (no title: see DismissibleNotice)
        <MessageBar intent="info" aria-labelledby={undefined} data-testid="doubt">
          <MessageBarBody>{paragraph.doubt}</MessageBarBody>
        </MessageBar>
      )}
      {paragraph.omitted && (
        <MessageBar intent="warning" aria-labelledby={undefined} data-testid="omitted">
          <MessageBarBody>{paragraph.omitted}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
};

/**
 * One paragraph's text. Its numbers are one tab stop (a roving tab index): Tab reaches the
 * paragraph's current number, the arrow keys (and Home, End) move between its numbers.
 */
const ParagraphText: React.FC<{
  segments: Segment[];
  onSelect: (sheet: string, cell: string) => void;
}> = ({ segments, onSelect }) => {
  const styles = useStyles();
  const runs = React.useMemo(() => bindFigures(segments), [segments]);
  const figures = React.useMemo(() => runs.filter((r) => r.kind === "figure").length, [runs]);
  const paged = usePaged(figures, PARAGRAPH_FIGURES);
  const roving = useRoving(paged.shown);
  // The runs up to the last figure shown (and the text after it when all are).
  let end = runs.length;
  if (paged.rest > 0)
    for (let i = 0, seen = 0; i < runs.length; i++)
      if (runs[i].kind === "figure" && ++seen === paged.shown) {
        end = i + 1;
        break;
      }
  let n = 0;
  return (
    <p className={styles.text} data-testid="paragraph-text" onKeyDown={roving.onKeyDown}>
      {runs.slice(0, end).map((run, i) => {
        if (run.kind === "text") return <React.Fragment key={i}>{run.text}</React.Fragment>;
        const at = n++;
        return (
          <span key={i} className={styles.figure} data-testid="figure">
            {run.before}
            <NumberButton segment={run.number} roving={roving.item(at)} onSelect={onSelect} />
            {run.after}
          </span>
        );
      })}
      {paged.rest > 0 && (
        <>
          {"…"}
          <ShowMore paged={paged} page={PARAGRAPH_FIGURES} testId="figures-more" />
        </>
      )}
    </p>
  );
};

const NumberButton: React.FC<{
  segment: NumberSegment;
  roving: ReturnType<Roving["item"]>;
  onSelect: (sheet: string, cell: string) => void;
}> = ({ segment, roving, onSelect }) => {
  const styles = useStyles();
  const { strings } = useLocale();
  const content = (
    <span data-testid="source-tooltip">
      {segment.tooltip.map((line, i) => (
        <span key={i} className={styles.tooltipLine}>
          {line}
        </span>
      ))}
      <span className={styles.tooltipHint}>{strings.sourceClick(segment.ref)}</span>
    </span>
  );
  return (
    <Tooltip content={content} relationship="description" withArrow positioning="above">
      <button
        type="button"
        {...roving}
        className={styles.number}
        onClick={() => onSelect(segment.span.sheet, segment.span.cell)}
        data-testid="source-number"
        data-ref={segment.ref}
      >
        {segment.text}
      </button>
    </Tooltip>
  );
};

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
