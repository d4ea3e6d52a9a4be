/** Inside Excel: the workspace on the open workbook, through the Office.js host. */
import * as React from "react";
import { WorkbookHost } from "../../host/workbook-host";
import { EXAMPLE_TABLE } from "../model/example-table";
import { useSession } from "./useSession";
import { Workspace } from "./Workspace";

export const ExcelShell: React.FC<{ host: WorkbookHost }> = ({ host }) => {
  const { session, state } = useSession(host);
  const onSelect = React.useCallback(
    (sheet: string, cell: string) => {
      host.selectCell(sheet, cell).catch((error: unknown) => console.warn("selectCell", error));
    },
    [host]
  );
  const insertExample = host.insertExampleTable
    ? async () => {
        await host.insertExampleTable?.(EXAMPLE_TABLE);
        await session.refresh();
      }
    : undefined;
  return (
    <Workspace
      host={host}
      session={session}
      state={state}
      onSelect={onSelect}
      onInsertExample={insertExample}
    />
  );
};
