export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serves `root` read-only on 127.0.0.1:`port` (0 = any free port). */
export function serveDirectory(root: string, port?: number): Promise<StaticServer>;
