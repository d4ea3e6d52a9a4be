/** Runs an AnalysisSession for a host while the component is mounted. */
import * as React from "react";
import { WorkbookHost } from "../../host/workbook-host";
import { AnalysisSession, SessionOptions, SessionState } from "../model/session";

export function useSession(
  host: WorkbookHost,
  options?: SessionOptions
): { session: AnalysisSession; state: SessionState } {
  // One session per host; options are read once.
  const session = React.useMemo(() => new AnalysisSession(host, options), [host]);
  React.useEffect(() => {
    void session.start();
    return () => session.dispose();
  }, [session]);
  const state = React.useSyncExternalStore(session.subscribe, session.getState);
  return { session, state };
}
