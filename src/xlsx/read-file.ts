/** Node-only: reads a workbook file from disk (read-only) and hands the bytes to readWorkbookBuffer. */
import { readFile } from "fs/promises";
import { WorkbookModel } from "../core/workbook";
import { fileNotFoundError, notAFileError, readWorkbookBuffer } from "./read-workbook";

export { WorkbookReadError, isWorkbookReadError } from "./read-workbook";

export async function readWorkbookFile(path: string): Promise<WorkbookModel> {
  const bytes = await readBytes(path);
  return readWorkbookBuffer(bytes, path);
}

async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw fileNotFoundError(path, error);
    if (code === "EISDIR") throw notAFileError(path, error);
    throw error;
  }
}
