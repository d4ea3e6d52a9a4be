/**
 * Copies text: the async Clipboard API where the page may use it, else a hidden textarea and
 * document.execCommand("copy") (Office's older webviews and some intranet browsers).
 */

/* global document, navigator */

export interface ClipboardDeps {
  clipboard?: { writeText(text: string): Promise<void> };
  document?: Document;
}

export async function copyText(
  text: string,
  deps: ClipboardDeps = defaultDeps()
): Promise<boolean> {
  if (deps.clipboard) {
    try {
      await deps.clipboard.writeText(text);
      return true;
    } catch {
      // Permission denied or not focused: try the old way.
    }
  }
  return deps.document ? copyWithTextarea(text, deps.document) : false;
}

function defaultDeps(): ClipboardDeps {
  return {
    clipboard: typeof navigator !== "undefined" ? navigator.clipboard : undefined,
    document: typeof document !== "undefined" ? document : undefined,
  };
}

export function copyWithTextarea(text: string, doc: Document): boolean {
  const area = doc.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.setAttribute("aria-hidden", "true");
  area.style.position = "fixed";
  area.style.top = "0";
  area.style.left = "-9999px";
  area.style.opacity = "0";
  doc.body.appendChild(area);
  const active = doc.activeElement as HTMLElement | null;
  area.select();
  let copied = false;
  try {
    copied = doc.execCommand("copy");
  } catch {
    copied = false;
  }
  doc.body.removeChild(area);
  active?.focus?.();
  return copied;
}
