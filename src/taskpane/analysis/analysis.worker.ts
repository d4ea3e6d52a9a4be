/**
 * The analysis worker (see protocol.ts): the engine, the outline and the report code, and
 * nothing of Office, React or the page. Started by spawn.ts; a chunk of its own, never part of
 * the first render.
 */
import { analyzeWorkbook } from "../../core/index";
import {
  defaultOutline,
  parseOutline,
  withoutReportConfig,
} from "../../core/report/writing/outline";
import { buildReport } from "../../core/report/writing/report";
import { AnalyseRequest, AnalysisTools, WorkerReply, handleRequest } from "./protocol";

/* global self */

const tools: AnalysisTools = {
  analyzeWorkbook,
  withoutReportConfig,
  parseOutline,
  defaultOutline,
  buildReport,
};

interface WorkerScope {
  addEventListener(type: "message", listener: (event: { data: AnalyseRequest }) => void): void;
  postMessage(message: WorkerReply): void;
}

const scope = self as unknown as WorkerScope;

scope.addEventListener("message", (event) => {
  if (event.data?.type === "analyse")
    handleRequest(event.data, tools, (reply) => scope.postMessage(reply));
});
