/**
 * Node-only: reads a workbook file from disk (read-only) and hands the bytes to readWorkbookBuffer.
 * Only regular files are read, and never more than a bound: a FIFO, a device (/dev/zero), a folder
 * or an oversized file is refused before any byte is read.
 */
import { constants } from "node:fs";
import { open, stat } from "node:fs/promises";
import { ReportError } from "../core/errors";
import { WorkbookModel } from "../core/workbook";
import { NativeInflate } from "./native-inflate";
import {
  MAX_FILE_BYTES,
  WorkbookReadError,
  fileNotFoundError,
  readWorkbookBuffer,
} from "./read-workbook";

export { WorkbookReadError, isWorkbookReadError } from "./read-workbook";

/** Why a local file could not be read, with one line in Chinese and English. */
export class LocalFileError extends ReportError {
  constructor(
    readonly reason: "missing" | "folder" | "not-regular" | "denied" | "loop" | "too-large" | "io",
    zh: string,
    en: string,
    cause?: unknown
  ) {
    super(`FILE_${reason.toUpperCase().replace("-", "_")}`, { zh, en }, cause);
    this.name = "LocalFileError";
  }
}

function mib(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/** A file-system error as one bilingual line; `what` names the file ("文件“a.xlsx”" / "a.xlsx"). */
export function fileSystemError(
  error: unknown,
  path: string,
  action: "read" | "write" = "read"
): LocalFileError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const verbZh = action === "read" ? "读取" : "写入";
  const verbEn = action === "read" ? "read" : "write";
  switch (code) {
    case "ENOENT":
      return new LocalFileError(
        "missing",
        `找不到“${path}”，请检查路径是否正确`,
        `${path}: not found; check the path`,
        error
      );
    case "ENOTDIR":
      return new LocalFileError(
        "missing",
        `找不到“${path}”：路径中有一段不是文件夹`,
        `${path}: a part of the path is not a folder`,
        error
      );
    case "EISDIR":
      return new LocalFileError(
        "folder",
        `“${path}”是文件夹，不是文件`,
        `${path} is a folder, not a file`,
        error
      );
    case "EACCES":
    case "EPERM":
      return new LocalFileError(
        "denied",
        `没有权限${verbZh}“${path}”`,
        `permission denied: cannot ${verbEn} ${path}`,
        error
      );
    case "ELOOP":
      return new LocalFileError(
        "loop",
        `“${path}”是循环的符号链接，无法${verbZh}`,
        `${path} is a symbolic link loop`,
        error
      );
    case "ENAMETOOLONG":
      return new LocalFileError("io", `路径“${path}”太长`, `the path ${path} is too long`, error);
    case "EROFS":
      return new LocalFileError(
        "denied",
        `“${path}”所在的磁盘是只读的`,
        `${path} is on a read-only file system`,
        error
      );
    case "ENOSPC":
    case "EDQUOT":
      return new LocalFileError(
        "io",
        `磁盘空间不足，无法写入“${path}”`,
        `no space left to write ${path}`,
        error
      );
    default:
      return new LocalFileError(
        "io",
        `无法${verbZh}“${path}”（${code ?? "I/O"}）`,
        `cannot ${verbEn} ${path} (${code ?? "I/O error"})`,
        error
      );
  }
}

/**
 * The bytes of a regular file of at most `maxBytes`. `kind` names it in messages (工作簿 / workbook).
 * Throws LocalFileError for anything else, before reading when the file's type or size says so.
 */
export async function readLocalFile(
  path: string,
  maxBytes: number,
  kind: { zh: string; en: string } = { zh: "文件", en: "file" }
): Promise<Uint8Array> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw fileSystemError(error, path);
  }
  if (info.isDirectory())
    throw new LocalFileError(
      "folder",
      `“${path}”是文件夹，不是${kind.zh}`,
      `${path} is a folder, not a ${kind.en}`
    );
  if (!info.isFile())
    throw new LocalFileError(
      "not-regular",
      `“${path}”不是普通文件（设备、管道或套接字），无法作为${kind.zh}读取`,
      `${path} is not a regular file (a device, pipe or socket) and cannot be read as a ${kind.en}`
    );
  if (info.size > maxBytes) throw tooLarge(path, maxBytes, kind);
  let handle;
  try {
    // O_NONBLOCK: should the file have been swapped for a FIFO since the stat, open does not hang.
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw fileSystemError(error, path);
  }
  try {
    const opened = await handle.stat();
    if (!opened.isFile())
      throw new LocalFileError(
        "not-regular",
        `“${path}”不是普通文件，无法作为${kind.zh}读取`,
        `${path} is not a regular file`
      );
    // Read at most maxBytes + 1: a file that grows while being read is still bounded.
    const buffer = new Uint8Array(Math.min(opened.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) throw tooLarge(path, maxBytes, kind);
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof LocalFileError) throw error;
    throw fileSystemError(error, path);
  } finally {
    await handle.close();
  }
}

function tooLarge(
  path: string,
  maxBytes: number,
  kind: { zh: string; en: string }
): LocalFileError {
  return new LocalFileError(
    "too-large",
    `“${path}”超过${kind.zh}大小上限 ${mib(maxBytes)}`,
    `${path} is larger than the ${kind.en} size limit of ${mib(maxBytes)}`
  );
}

export async function readWorkbookFile(path: string): Promise<WorkbookModel> {
  const bytes = await readBytes(path);
  return readWorkbookBuffer(bytes, path, NativeInflate);
}

async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return await readLocalFile(path, MAX_FILE_BYTES, { zh: "工作簿", en: "workbook" });
  } catch (error) {
    if (!(error instanceof LocalFileError)) throw error;
    if (error.reason === "missing") throw fileNotFoundError(path, error);
    const code = error.reason === "too-large" ? "TOO_LARGE" : "FILE_NOT_FOUND";
    throw new WorkbookReadError(code, path, error.zh, error.en, error);
  }
}
