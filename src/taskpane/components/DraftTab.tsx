/**
 * 文稿: paste a draft and fill its X from the workbook, or check a finished draft's numbers
 * against it; download the whole report as a Word document (the outline of the 报告配置
 * sheet, or one section per category). Loaded with the tab (React.lazy in Workspace.tsx), as
 * is the report engine; the docx package only when a document is written.
 */
import * as React from "react";
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Text,
  Textarea,
  Tooltip,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import {
  CheckmarkCircleRegular,
  CopyRegular,
  DismissRegular,
  DocumentArrowDownRegular,
  ErrorCircleRegular,
  TextGrammarCheckmarkRegular,
  TextNumberFormatRegular,
  WarningRegular,
} from "@fluentui/react-icons";
import { Analysis } from "../../core/model";
import type { Outline, Report } from "../../core/report";
import { copyText } from "../clipboard";
import { downloadBlob } from "../download";
import { CellTarget, DraftNote, DraftSegment, draftView, wordReport } from "../model/draft";
import { indexCells } from "../model/report";
import { Notice } from "../model/report-actions";
import { useLocale } from "./context";
import { DismissibleNotice } from "./DismissibleNotice";
import { CARD_HEADER, LIST_ROW, STACKED_CARD, TAB_COLUMN } from "./styles";

/** The draft and what was last done with it; kept by the workspace across tab switches. */
export interface DraftInput {
  text: string;
  shown?: {
    action: "fill" | "check";
    text: string;
    /** Candidates the user picked for unclear placeholders: [placeholder start, indicator id]. */
    choices?: [number, string][];
  };
}

export interface DraftTabProps {
  analysis: Analysis;
  /** The report's outline (session.ts); the default one when undefined. */
  outline?: Outline;
  /** The report the session wrote for that outline; undefined while it is being written. */
  report?: Report;
  draft: DraftInput;
  onDraftChange: (draft: DraftInput) => void;
  /** Selects a cell (Excel) or shows it in the preview (browser). */
  onSelect: (sheet: string, cell: string) => void;
}

const useStyles = makeStyles({
  root: TAB_COLUMN,
  card: STACKED_CARD,
  cardHeader: CARD_HEADER,
  hint: { color: tokens.colorNeutralForeground3 },
  input: { width: "100%" },
  actions: { display: "flex", columnGap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1 },
  summary: { fontWeight: tokens.fontWeightSemibold },
  text: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: "1.9",
    // not justified: the marks and the expected values would stretch the lines around them
    textAlign: "start",
    wordBreak: "break-all",
    whiteSpace: "pre-wrap",
  },
  mark: {
    border: "none",
    background: "none",
    padding: 0,
    margin: 0,
    font: "inherit",
    lineHeight: "inherit",
    color: "inherit",
    borderRadius: tokens.borderRadiusSmall,
    textDecorationLine: "underline",
    textUnderlineOffset: "3px",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  clickable: { cursor: "pointer" },
  filled: {
    color: tokens.colorBrandForeground1,
    textDecorationStyle: "dotted",
    ":hover": { backgroundColor: tokens.colorBrandBackground2, textDecorationStyle: "solid" },
  },
  left: {
    backgroundColor: tokens.colorPaletteYellowBackground2,
    color: tokens.colorNeutralForeground1,
    textDecorationLine: "none",
    padding: "0 2px",
    cursor: "help",
  },
  confirmed: {
    textDecorationStyle: "solid",
    textDecorationColor: tokens.colorPaletteGreenBorder2,
    textDecorationThickness: "2px",
    ":hover": { backgroundColor: tokens.colorPaletteGreenBackground1 },
  },
  mismatch: {
    color: tokens.colorPaletteRedForeground1,
    backgroundColor: tokens.colorPaletteRedBackground1,
    textDecorationStyle: "wavy",
    textDecorationColor: tokens.colorPaletteRedBorder2,
    padding: "0 2px",
    ":hover": { backgroundColor: tokens.colorPaletteRedBackground2 },
  },
  expected: {
    marginLeft: "2px",
    fontSize: tokens.fontSizeBase100,
    lineHeight: tokens.lineHeightBase100,
    color: tokens.colorPaletteRedForeground1,
    verticalAlign: "super",
    whiteSpace: "nowrap",
  },
  confirmedIcon: { color: tokens.colorPaletteGreenForeground1, fontSize: "12px" },
  unchecked: {
    textDecorationStyle: "dotted",
    textDecorationColor: tokens.colorNeutralStroke1,
    cursor: "help",
  },
  tooltipLine: { display: "block" },
  tooltipHint: { display: "block", color: tokens.colorNeutralForeground3, marginTop: "2px" },
  listTitle: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalXS },
  listIcon: { fontSize: "16px", flexShrink: 0 },
  warningIcon: { color: tokens.colorPaletteDarkOrangeForeground1 },
  errorIcon: { color: tokens.colorPaletteRedForeground1 },
  list: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
  },
  item: {
    ...LIST_ROW,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
  },
  itemButton: {
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  itemHead: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "baseline" },
  quoted: { fontWeight: tokens.fontWeightSemibold, flexShrink: 0 },
  location: {
    alignSelf: "flex-start",
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorBrandForeground1,
    backgroundColor: tokens.colorBrandBackground2,
    borderRadius: tokens.borderRadiusSmall,
    padding: `0 ${tokens.spacingHorizontalXS}`,
  },
  sentence: { color: tokens.colorNeutralForeground3 },
  choices: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
    paddingTop: tokens.spacingVerticalXS,
  },
  reportTitle: { fontWeight: tokens.fontWeightSemibold, textAlign: "center" },
  level1: { paddingLeft: 0 },
  level2: { paddingLeft: tokens.spacingHorizontalL },
  level3: { paddingLeft: tokens.spacingHorizontalXXL },
  level4: { paddingLeft: "36px" },
  heading: { fontWeight: tokens.fontWeightSemibold },
  empty: { color: tokens.colorNeutralForeground3 },
});

export const DraftTab: React.FC<DraftTabProps> = (props) => {
  const { analysis, outline, report, draft, onDraftChange, onSelect } = props;
  const styles = useStyles();
  const { strings, language } = useLocale();
  const [notice, setNotice] = React.useState<Notice>();
  const [wordNotice, setWordNotice] = React.useState<Notice>();
  const [writing, setWriting] = React.useState(false);
  const input = React.useRef<HTMLTextAreaElement>(null);

  const index = React.useMemo(() => indexCells(analysis.indicators), [analysis]);
  const shown = draft.shown;
  const view = React.useMemo(
    () =>
      shown &&
      draftView(
        shown.action,
        shown.text,
        analysis,
        strings,
        language,
        index,
        new Map(shown.choices ?? [])
      ),
    [shown, analysis, strings, language, index]
  );
  // The session's report (not written again here: on a big workbook that took seconds).
  const word = React.useMemo(
    () => report && wordReport(outline, analysis, strings, language, report),
    [outline, analysis, strings, language, report]
  );

  const run = (action: "fill" | "check") => {
    setNotice(undefined);
    onDraftChange({ text: draft.text, shown: { action, text: draft.text } });
  };

  const choose = (start: number, indicatorId: string) => {
    if (!shown) return;
    const choices = (shown.choices ?? []).filter(([at]) => at !== start);
    onDraftChange({ ...draft, shown: { ...shown, choices: [...choices, [start, indicatorId]] } });
  };

  const copy = async (text: string) => {
    const copied = await copyText(text);
    setNotice(
      copied
        ? { intent: "success", text: strings.reportCopied }
        : { intent: "warning", text: strings.reportCopyFailed }
    );
  };

  const downloadWord = async () => {
    if (!word) return;
    setWriting(true);
    setWordNotice(undefined);
    try {
      const { reportToBlob } = await import(
        /* webpackChunkName: "docx" */ "../../docx/export-docx"
      );
      const blob = await reportToBlob(word.report);
      downloadBlob(blob, word.view.fileName);
      setWordNotice({ intent: "success", text: strings.wordDownloaded(word.view.fileName) });
    } catch (error) {
      setWordNotice({
        intent: "error",
        text: strings.wordFailed(error instanceof Error ? error.message : String(error)),
      });
    } finally {
      setWriting(false);
    }
  };

  const empty = draft.text.trim() === "";

  return (
    <div className={styles.root} data-testid="draft">
      <section className={styles.card}>
        <Subtitle2 as="h2">{strings.draftTitle}</Subtitle2>
        <Caption1 className={styles.hint}>{strings.draftHint}</Caption1>
        <Textarea
          ref={input}
          className={styles.input}
          value={draft.text}
          onChange={(_, data) => onDraftChange({ ...draft, text: data.value })}
          placeholder={strings.draftPlaceholder}
          aria-label={strings.draftLabel}
          resize="vertical"
          rows={5}
          data-testid="draft-input"
        />
        <div className={styles.actions}>
          <Button
            className={styles.grow}
            appearance="primary"
            icon={<TextNumberFormatRegular />}
            disabled={empty}
            onClick={() => run("fill")}
            data-testid="draft-fill"
          >
            {strings.draftFill}
          </Button>
          <Button
            className={styles.grow}
            icon={<TextGrammarCheckmarkRegular />}
            disabled={empty}
            onClick={() => run("check")}
            data-testid="draft-check"
          >
            {strings.draftCheck}
          </Button>
          <Tooltip content={strings.draftClear} relationship="label">
            <Button
              appearance="subtle"
              icon={<DismissRegular />}
              disabled={empty && !shown}
              onClick={() => {
                setNotice(undefined);
                onDraftChange({ text: "" });
                // This button is disabled once the draft is empty: the text box takes the focus.
                input.current?.focus();
              }}
              data-testid="draft-clear"
            />
          </Tooltip>
        </div>
      </section>

      {view && (
        <section className={styles.card} data-testid="draft-result" data-action={view.action}>
          <div className={styles.cardHeader}>
            <Subtitle2 as="h2">
              {view.action === "fill" ? strings.draftFilledTitle : strings.draftCheckedTitle}
            </Subtitle2>
            {view.action === "fill" && !view.empty && (
              <Button
                size="small"
                icon={<CopyRegular />}
                onClick={() => void copy(view.text)}
                data-testid="draft-copy"
              >
                {strings.reportCopy}
              </Button>
            )}
          </div>
          <Text className={styles.summary} data-testid="draft-summary">
            {view.summary}
          </Text>
          {view.extra.map((line) => (
            <Caption1 key={line} className={styles.hint} data-testid="draft-extra">
              {line}
            </Caption1>
          ))}
          {notice && (
            <MessageBar
              intent={notice.intent}
              aria-labelledby={undefined} // (no title: see DismissibleNotice)
              data-testid="draft-notice"
            >
              <MessageBarBody>{notice.text}</MessageBarBody>
            </MessageBar>
          )}
          <p className={styles.text} data-testid="draft-text">
            {view.segments.map((segment, i) => (
              <SegmentView key={i} segment={segment} onSelect={onSelect} />
            ))}
          </p>
          {!view.empty && (
            <Caption1 className={styles.hint}>
              {view.action === "fill" ? strings.draftFillHint : strings.draftCheckHint}
            </Caption1>
          )}
          {view.notes.length > 0 && (
            <NoteList
              title={view.action === "fill" ? strings.draftLeftTitle : strings.draftMismatchTitle}
              kind={view.action === "fill" ? "warning" : "error"}
              notes={view.notes}
              onSelect={onSelect}
              onChoose={choose}
            />
          )}
          {view.unchecked.length > 0 && (
            <NoteList
              title={strings.draftUncheckedTitle}
              kind="warning"
              notes={view.unchecked}
              onSelect={onSelect}
            />
          )}
        </section>
      )}

      <section className={styles.card} data-testid="word">
        <div className={styles.cardHeader}>
          <Subtitle2 as="h2">{strings.wordTitle}</Subtitle2>
        </div>
        <Caption1 className={styles.hint}>{strings.wordHint}</Caption1>
        {word ? (
          <>
            <Text className={styles.reportTitle} data-testid="word-title">
              {word.view.title}
            </Text>
            <Button
              appearance="primary"
              icon={<DocumentArrowDownRegular />}
              disabled={word.view.sections.length === 0}
              disabledFocusable={writing}
              onClick={() => void downloadWord()}
              data-testid="download-docx"
            >
              {writing ? strings.wordWorking : strings.wordDownload}
            </Button>
            {wordNotice && (
              <DismissibleNotice
                intent={wordNotice.intent}
                testId="word-notice"
                onDismiss={() => setWordNotice(undefined)}
              >
                {wordNotice.text}
              </DismissibleNotice>
            )}
            <Text
              className={styles.heading}
              data-testid="outline-caption"
              data-source={word.view.source}
            >
              {word.view.caption}
            </Text>
            {word.view.source === "default" && (
              <Caption1 className={styles.hint}>{strings.outlineDefaultHint}</Caption1>
            )}
            {word.view.sections.length === 0 ? (
              <Caption1 className={styles.empty}>{strings.outlineNone}</Caption1>
            ) : (
              <ul className={styles.list} data-testid="outline">
                {word.view.sections.map((section) => (
                  <li
                    key={section.key}
                    className={styles[`level${section.level}` as const]}
                    data-testid="outline-section"
                  >
                    <Located target={section.target} onSelect={onSelect}>
                      <span className={styles.heading} data-testid="outline-heading">
                        {section.heading}
                      </span>
                      <Caption1 className={styles.hint} data-testid="outline-covers">
                        {section.covers}
                      </Caption1>
                    </Located>
                  </li>
                ))}
              </ul>
            )}
            {word.view.findings.length > 0 && (
              <>
                <span className={styles.listTitle}>
                  <ErrorCircleRegular className={mergeClasses(styles.listIcon, styles.errorIcon)} />
                  <Text className={styles.heading} data-testid="outline-findings-title">
                    {strings.outlineFindings(word.view.findings.length)}
                  </Text>
                </span>
                <ul className={styles.list}>
                  {word.view.findings.map((f) => (
                    <li key={f.key} data-testid="outline-finding" data-severity={f.severity}>
                      <Located target={f.target} onSelect={onSelect}>
                        {f.target && <span className={styles.location}>{f.target.ref}</span>}
                        <span>{stripRef(f.text, f.target)}</span>
                      </Located>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        ) : (
          <Spinner size="small" label={strings.reportWriting} data-testid="word-writing" />
        )}
      </section>
    </div>
  );
};

/** Findings start with their cell ("报告配置!C3 未找到…"), shown apart as a badge. */
function stripRef(text: string, target: CellTarget | undefined): string {
  return target && text.startsWith(`${target.ref} `) ? text.slice(target.ref.length + 1) : text;
}

/** A list row: a button that goes to its cell when it has one, else plain. */
const Located: React.FC<{
  target?: CellTarget;
  onSelect: (sheet: string, cell: string) => void;
  children: React.ReactNode;
}> = ({ target, onSelect, children }) => {
  const styles = useStyles();
  const { strings } = useLocale();
  if (!target) return <div className={styles.item}>{children}</div>;
  return (
    <button
      type="button"
      className={mergeClasses(styles.item, styles.itemButton)}
      title={strings.locate(target.ref)}
      onClick={() => onSelect(target.sheet, target.cell)}
      data-ref={target.ref}
    >
      {children}
    </button>
  );
};

const NoteList: React.FC<{
  title: string;
  kind: "warning" | "error";
  notes: DraftNote[];
  onSelect: (sheet: string, cell: string) => void;
  onChoose?: (start: number, indicatorId: string) => void;
}> = ({ title, kind, notes, onSelect, onChoose }) => {
  const styles = useStyles();
  const Icon = kind === "error" ? ErrorCircleRegular : WarningRegular;
  return (
    <div data-testid={`draft-notes-${kind}`}>
      <span className={styles.listTitle}>
        <Icon
          className={mergeClasses(
            styles.listIcon,
            kind === "error" ? styles.errorIcon : styles.warningIcon
          )}
        />
        <Text className={styles.heading}>{title}</Text>
      </span>
      <ul className={styles.list}>
        {notes.map((note) => (
          <li key={note.key} data-testid="draft-note">
            <Located target={note.target} onSelect={onSelect}>
              <span className={styles.itemHead}>
                <span className={styles.quoted}>{note.text}</span>
                {note.target && <span className={styles.location}>{note.target.ref}</span>}
              </span>
              <span>{note.message}</span>
              {note.sentence && <Caption1 className={styles.sentence}>{note.sentence}</Caption1>}
            </Located>
            {note.choices && onChoose && (
              <div className={styles.choices} data-testid="draft-choices">
                {note.choices.map((choice) => (
                  <Button
                    key={choice.indicatorId}
                    size="small"
                    appearance="outline"
                    onClick={() => onChoose(choice.start, choice.indicatorId)}
                    data-testid="draft-choice"
                  >
                    {choice.label}
                  </Button>
                ))}
              </div>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
};

const TESTIDS: Record<Exclude<DraftSegment["kind"], "text">, string> = {
  filled: "draft-number",
  left: "draft-left",
  confirmed: "draft-confirmed",
  mismatch: "draft-mismatch",
  unchecked: "draft-unchecked",
};

const SegmentView: React.FC<{
  segment: DraftSegment;
  onSelect: (sheet: string, cell: string) => void;
}> = ({ segment, onSelect }) => {
  const styles = useStyles();
  const { strings } = useLocale();
  if (segment.kind === "text") return <>{segment.text}</>;
  const { target } = segment;
  const content = (
    <span data-testid="draft-tooltip">
      {segment.tooltip.map((line, i) => (
        <span key={i} className={styles.tooltipLine}>
          {line}
        </span>
      ))}
      {target && <span className={styles.tooltipHint}>{strings.sourceClick(target.ref)}</span>}
    </span>
  );
  const className = mergeClasses(
    styles.mark,
    target && styles.clickable,
    segment.kind === "filled" && styles.filled,
    segment.kind === "left" && styles.left,
    segment.kind === "confirmed" && styles.confirmed,
    segment.kind === "mismatch" && styles.mismatch,
    segment.kind === "unchecked" && styles.unchecked
  );
  const mark = target ? (
    <button
      type="button"
      className={className}
      onClick={() => onSelect(target.sheet, target.cell)}
      data-testid={TESTIDS[segment.kind]}
      data-ref={target.ref}
    >
      {segment.text}
    </button>
  ) : (
    <span className={className} tabIndex={0} data-testid={TESTIDS[segment.kind]}>
      {segment.text}
    </span>
  );
  return (
    <>
      <Tooltip content={content} relationship="description" withArrow positioning="above">
        {mark}
      </Tooltip>
      {segment.kind === "mismatch" && segment.expected && (
        <span className={styles.expected} data-testid="draft-expected">
          {strings.draftExpected(segment.expected)}
        </span>
      )}
      {segment.kind === "confirmed" && (
        <CheckmarkCircleRegular
          className={mergeClasses(styles.expected, styles.confirmedIcon)}
          aria-label={strings.draftConfirmed(segment.text)}
        />
      )}
    </>
  );
};
