/**
 * One base for every error a user may be shown: a stable code and its message in both
 * languages (the pane and the CLI show the user's language; logs show both). Thrown by the
 * adapters (file, zip, Excel reads) and the CLI; the faces read it with `userMessage`.
 */

/** A text in the two languages of the product. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** A text in both languages with the stable code of what it says (a reason, a message). */
export interface CodedText extends Bilingual {
  code: string;
}

export class ReportError extends Error {
  readonly code: string;
  readonly zh: string;
  readonly en: string;

  constructor(code: string, text: Bilingual, cause?: unknown) {
    super(`${text.zh} / ${text.en}`);
    this.name = "ReportError";
    this.code = code;
    this.zh = text.zh;
    this.en = text.en;
    if (cause !== undefined) (this as { cause?: unknown }).cause = cause;
  }
}

export function isReportError(error: unknown): error is ReportError {
  return error instanceof ReportError;
}

/** The message of a known error in the user's language; undefined for an unexpected one. */
export function userMessage(error: unknown, language: keyof Bilingual): string | undefined {
  return isReportError(error) ? error[language] : undefined;
}
