/**
 * Reading a draft (.txt) from disk. Chinese Windows saves text as GBK/GB18030 unless told
 * otherwise, Notepad may save UTF-16 ("Unicode"), others UTF-8 with or without a BOM: all
 * are read. A .docx or other binary file is refused with a hint to save as plain text.
 */
import { LocalFileError, readLocalFile } from "../xlsx/read-file";
import { UsageError } from "./args";

export type DraftEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

export interface Draft {
  text: string;
  encoding: DraftEncoding;
}

function gb18030Decoder(): TextDecoder | undefined {
  try {
    return new TextDecoder("gb18030", { fatal: true });
  } catch {
    return undefined; // Node built without full ICU
  }
}

/** Decodes the bytes of a text draft; throws UsageError when they are not text. */
export function decodeDraft(bytes: Uint8Array, label: string): Draft {
  if (bytes.length >= 2 && bytes[0] === 0x50 && bytes[1] === 0x4b)
    throw new UsageError(
      `“${label}”不是纯文本文件（可能是Word文档），请在Word中“另存为”纯文本(.txt)后再试`,
      `"${label}" is not a plain text file (a Word document?); save it as .txt first`
    );
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  if (bytes.includes(0))
    throw new UsageError(
      `“${label}”不是文本文件，请提供.txt文稿`,
      `"${label}" is not a text file; give a .txt draft`
    );
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    const gb = gb18030Decoder();
    if (gb) {
      try {
        return { text: gb.decode(bytes), encoding: "gb18030" };
      } catch {
        // fall through
      }
    }
    throw new UsageError(
      `无法识别“${label}”的编码，请以UTF-8或GBK保存`,
      `cannot read the encoding of "${label}"; save it as UTF-8 or GBK`
    );
  }
}

/** The largest draft file read: a year's report is well under 100 KB. */
export const MAX_DRAFT_BYTES = 4 * 1024 * 1024;

/** The longest draft filled or checked: about 250 pages, where a year's report has 10 to 30. */
export const MAX_DRAFT_CHARS = 500_000;

export async function readDraftFile(path: string): Promise<Draft> {
  let bytes: Uint8Array;
  try {
    bytes = await readLocalFile(path, MAX_DRAFT_BYTES, { zh: "文稿", en: "draft" });
  } catch (error) {
    if (!(error instanceof LocalFileError)) throw error;
    if (error.reason === "missing")
      throw new UsageError(`找不到文稿“${path}”`, `draft not found: ${path}`);
    throw new UsageError(error.zh, error.en);
  }
  const draft = decodeDraft(bytes, path);
  if (draft.text.trim() === "")
    throw new UsageError(`文稿“${path}”是空的`, `the draft ${path} is empty`);
  if (draft.text.length > MAX_DRAFT_CHARS)
    throw new UsageError(
      `文稿“${path}”有${draft.text.length}字，超过${MAX_DRAFT_CHARS}字的上限，请分成几份再填写或核对`,
      `the draft ${path} has ${draft.text.length} characters, over the limit of ${MAX_DRAFT_CHARS}; split it`
    );
  return draft;
}
