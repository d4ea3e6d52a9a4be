/**
 * Standalone mode (no Excel: office.js reported no host or did not load). The same workspace on
 * an .xlsx file opened from disk or on the bundled sample; clicking a source shows the cell in a
 * read-only sheet preview. Files are read in the browser only.
 */
import * as React from "react";
import {
  Badge,
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle1,
  Text,
  Tooltip,
  makeStyles,
  mergeClasses,
  shorthands,
  tokens,
} from "@fluentui/react-components";
import {
  DismissRegular,
  DocumentTableRegular,
  FolderOpenRegular,
  BookOpenRegular,
} from "@fluentui/react-icons";
import { FileHost, SheetPreview as PreviewData, SettingsStorage } from "../../host/file-host";
import { downloadBlob } from "../download";
import { PreviewHeaders, nameColumnFor, previewHeaders } from "../model/preview";
import { describeError } from "../model/session";
import { SheetPreview } from "./SheetPreview";
import { useDelayedFlag, useLocale } from "./context";
import { focusIfPresent } from "./focus";
import { useSession } from "./useSession";
import { lazyComponent } from "./lazy";
import type { PickedFile } from "../model/rollup";
import { PROGRESS_DELAY_MS, Workspace } from "./Workspace";

/* global fetch, localStorage, Blob, File */

/** The sample copied next to taskpane.html by webpack; relative to the page. */
export const SAMPLE_URL = "samples/街道指标台账.xlsx";
export const SAMPLE_NAME = "街道指标台账.xlsx";
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", height: "100%", minHeight: 0 },
  dropping: { outline: `2px dashed ${tokens.colorBrandStroke1}`, outlineOffset: "-4px" },
  header: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    flexShrink: 0,
  },
  title: { fontWeight: tokens.fontWeightSemibold, flexGrow: 1, color: "inherit" },
  headerButton: {
    color: tokens.colorNeutralForegroundOnBrand,
    ":hover": { color: tokens.colorNeutralForegroundOnBrand },
  },
  badge: {
    flexShrink: 0,
    color: tokens.colorNeutralForegroundOnBrand,
    ...shorthands.borderColor(tokens.colorNeutralForegroundOnBrand),
  },
  start: {
    display: "flex",
    flexDirection: "column",
    alignItems: "stretch",
    rowGap: tokens.spacingVerticalM,
    margin: tokens.spacingHorizontalM,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow4,
  },
  startIcon: { fontSize: "48px", color: tokens.colorBrandForeground1 },
  muted: { color: tokens.colorNeutralForeground3 },
  messages: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0` },
  error: { minWidth: 0, maxWidth: "100%", boxSizing: "border-box" },
  errorBody: { minWidth: 0, overflowWrap: "anywhere", lineBreak: "strict" },
  errorTitle: { display: "block" },
  errorPart: { display: "block", marginTop: tokens.spacingVerticalXXS },
  hidden: { display: "none" },
});

/** localStorage when the page may use it (not in some sandboxed or file:// pages). */
function browserStorage(): SettingsStorage | undefined {
  try {
    const storage = localStorage;
    return {
      getItem: (key) => {
        try {
          return storage.getItem(key);
        } catch {
          return null;
        }
      },
      setItem: (key, value) => storage.setItem(key, value),
    };
  } catch {
    return undefined;
  }
}

/** Hands a file to the browser's downloads. */
export function downloadBytes(bytes: Uint8Array, fileName: string): void {
  downloadBlob(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_TYPE }), fileName);
}

type Opening = { name: string } | undefined;

/** Several workbooks opened at once: the 汇总 view, a chunk loaded only then. */
const LazyRollup = lazyComponent(
  () => import(/* webpackChunkName: "rollup" */ "./RollupView"),
  (m) => m.RollupView
);
type Several = { files: PickedFile[]; id: number };
let nextSeveralId = 1;

export const StandaloneShell: React.FC = () => {
  const styles = useStyles();
  const { strings, language } = useLocale();
  const [host, setHost] = React.useState<FileHost>();
  const [several, setSeveral] = React.useState<Several>();
  const [opening, setOpening] = React.useState<Opening>();
  const [openError, setOpenError] = React.useState<string>();
  const [dropping, setDropping] = React.useState(false);
  const input = React.useRef<HTMLInputElement>(null);
  const openFileButton = React.useRef<HTMLButtonElement>(null);
  const openOtherButton = React.useRef<HTMLButtonElement>(null);
  const storage = React.useMemo(browserStorage, []);
  const showOpening = useDelayedFlag(opening !== undefined, PROGRESS_DELAY_MS);

  const openBytes = React.useCallback(
    async (name: string, load: () => Promise<Uint8Array>) => {
      setOpening({ name });
      setOpenError(undefined);
      try {
        const bytes = await load();
        const next = new FileHost({ fileName: name, bytes, storage, download: downloadBytes });
        await next.read(); // fail here, on the start screen, rather than in the workspace
        setHost(next);
        setSeveral(undefined);
        setOpenError(undefined);
      } catch (error) {
        const e = describeError(error);
        setOpenError((language === "en" ? e.en : e.zh) ?? strings.unexpectedError(e.detail));
      } finally {
        setOpening(undefined);
      }
    },
    [storage, language, strings]
  );

  const openFile = (file: File) =>
    openBytes(file.name, async () => new Uint8Array(await file.arrayBuffer()));

  /** One file opens as before; two or more are rolled up (汇总). */
  const openFiles = (files: File[]) => {
    if (files.length < 2) {
      if (files[0]) void openFile(files[0]);
      return;
    }
    setOpenError(undefined);
    const picked = files.map((f) => ({
      name: f.name,
      bytes: async () => new Uint8Array(await f.arrayBuffer()),
    }));
    setSeveral({ files: picked, id: nextSeveralId++ });
  };

  const openSample = () =>
    openBytes(SAMPLE_NAME, async () => {
      const response = await fetch(SAMPLE_URL);
      if (!response.ok) throw new Error(`${strings.standaloneSampleFailed} (${response.status})`);
      return new Uint8Array(await response.arrayBuffer());
    });

  const chooseFile = () => input.current?.click();

  /** The error closed: the focus goes to the way to open a file (the start screen's, or the header's). */
  const closeError = () => {
    if (!focusIfPresent(openFileButton.current)) focusIfPresent(openOtherButton.current);
    setOpenError(undefined);
  };

  const dropProps = {
    onDragOver: (event: React.DragEvent) => {
      if (!event.dataTransfer.types.includes("Files")) return;
      event.preventDefault();
      setDropping(true);
    },
    onDragLeave: () => setDropping(false),
    onDrop: (event: React.DragEvent) => {
      event.preventDefault();
      setDropping(false);
      openFiles(Array.from(event.dataTransfer.files));
    },
  };

  return (
    <div className={mergeClasses(styles.root, dropping && styles.dropping)} {...dropProps}>
      <header className={styles.header}>
        <Text className={styles.title} as="h1">
          {strings.appTitle}
        </Text>
        <Badge className={styles.badge} appearance="outline" size="small">
          {strings.standaloneBadge}
        </Badge>
        {(host || several) && (
          <>
            <Tooltip content={strings.standaloneOpenOther} relationship="label">
              <Button
                ref={openOtherButton}
                className={styles.headerButton}
                appearance="transparent"
                icon={<FolderOpenRegular />}
                onClick={chooseFile}
                data-testid="open-other"
              />
            </Tooltip>
            <Tooltip content={strings.standaloneOpenSample} relationship="label">
              <Button
                className={styles.headerButton}
                appearance="transparent"
                icon={<BookOpenRegular />}
                onClick={() => void openSample()}
                data-testid="open-sample-header"
              />
            </Tooltip>
          </>
        )}
      </header>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple
        aria-label={strings.standaloneFileLabel}
        data-testid="file-input"
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          event.target.value = ""; // the same file may be chosen again
          openFiles(files);
        }}
      />
      {(openError || (showOpening && opening)) && (
        <section className={styles.messages} aria-label={strings.standaloneMessages}>
          {openError && (
            <MessageBar
              className={styles.error}
              intent="error"
              layout="multiline"
              data-testid="open-error"
            >
              <MessageBarBody className={styles.errorBody}>
                <MessageBarTitle className={styles.errorTitle} data-testid="open-error-title">
                  {strings.readFailedTitle}
                </MessageBarTitle>
                <span className={styles.errorPart} data-testid="open-error-body">
                  {openError}
                </span>
                <span className={styles.errorPart} data-testid="open-error-next">
                  {strings.readFailedNext}
                </span>
              </MessageBarBody>
              <MessageBarActions
                containerAction={
                  <Button
                    appearance="transparent"
                    size="small"
                    icon={<DismissRegular />}
                    aria-label={strings.close}
                    onClick={closeError}
                    data-testid="open-error-close"
                  />
                }
              >
                <Button size="small" onClick={chooseFile} data-testid="open-error-other">
                  {strings.standaloneOpenOther}
                </Button>
              </MessageBarActions>
            </MessageBar>
          )}
          {showOpening && opening && (
            <Spinner size="small" label={strings.standaloneLoadingFile(opening.name)} />
          )}
        </section>
      )}
      {several ? (
        <React.Suspense fallback={<Spinner className={styles.messages} size="small" />}>
          <LazyRollup.Component
            key={several.id}
            files={several.files}
            storage={storage}
            onDownload={downloadBytes}
          />
        </React.Suspense>
      ) : host ? (
        <FileWorkspace
          key={host.label + String(hostKey(host))}
          host={host}
          onOpenSample={openSample}
        />
      ) : (
        <main className={styles.start} data-testid="standalone-start">
          <DocumentTableRegular className={styles.startIcon} aria-hidden />
          <Subtitle1 as="h2">{strings.standaloneTitle}</Subtitle1>
          <Body1>{strings.standaloneBody}</Body1>
          <Button
            ref={openFileButton}
            appearance="primary"
            icon={<FolderOpenRegular />}
            disabledFocusable={opening !== undefined}
            onClick={chooseFile}
            data-testid="open-file"
          >
            {strings.standaloneOpenFile}
          </Button>
          <Button
            icon={<BookOpenRegular />}
            disabledFocusable={opening !== undefined}
            onClick={() => void openSample()}
            data-testid="open-sample"
          >
            {strings.standaloneOpenSample}
          </Button>
          <Caption1 className={styles.muted}>{strings.standaloneDrop}</Caption1>
          <Caption1 className={styles.muted}>{strings.standaloneSeveral}</Caption1>
        </main>
      )}
    </div>
  );
};

/** Distinguishes two hosts on files of the same name (a React key). */
const hostIds = new WeakMap<FileHost, number>();
let nextHostId = 1;
function hostKey(host: FileHost): number {
  let id = hostIds.get(host);
  if (id === undefined) {
    id = nextHostId++;
    hostIds.set(host, id);
  }
  return id;
}

const FileWorkspace: React.FC<{ host: FileHost; onOpenSample: () => void }> = ({
  host,
  onOpenSample,
}) => {
  const { session, state } = useSession(host);
  const [preview, setPreview] = React.useState<{ data: PreviewData; headers?: PreviewHeaders }>();
  const analysis = React.useRef(state.analysis);
  analysis.current = state.analysis;
  React.useEffect(
    () =>
      host.onSelect((sheet, cell) => {
        const keepCol = nameColumnFor(analysis.current, sheet, cell);
        const headers = previewHeaders(analysis.current, sheet, cell);
        void host
          .preview(sheet, cell, undefined, keepCol)
          .then((data) => setPreview({ data, headers }));
      }),
    [host]
  );
  const closePreview = React.useCallback(() => setPreview(undefined), []);
  const onSelect = React.useCallback(
    (sheet: string, cell: string) => void host.selectCell(sheet, cell),
    [host]
  );
  return (
    <Workspace
      host={host}
      session={session}
      state={state}
      onSelect={onSelect}
      onOpenSample={onOpenSample}
      copyName={() => host.lastCopyName}
      onTabChange={closePreview}
      footer={
        preview && (
          <SheetPreview preview={preview.data} headers={preview.headers} onClose={closePreview} />
        )
      }
    />
  );
};
