/** The one Node API the Excel fake uses (payload sizes), for the browser. */
const g = globalThis as unknown as { Buffer?: unknown };
if (!g.Buffer)
  g.Buffer = {
    byteLength: (text: string) => new TextEncoder().encode(text).length,
  };
export {};
