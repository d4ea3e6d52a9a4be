/**
 * A worker thread of the roll-up (unit-workers.ts): reads and analyses the files it takes, one
 * at a time, and writes the 汇总 workbook when asked.
 */
import { parentPort, workerData } from "node:worker_threads";
import { readUnit } from "./read-units";
import { rollupFileBytes } from "./rollup-workbook";
import { WorkerReply, WorkerRequest, takeNext } from "./unit-workers";

const port = parentPort;

/** Reads every file it takes from the shared counter, answering each as soon as it is read. */
async function readTaken(paths: string[], next: Int32Array): Promise<void> {
  for (let k = takeNext(next); k < paths.length; k = takeNext(next)) {
    const reply: WorkerReply = {
      kind: "read",
      k,
      read: await readUnit(paths[k], workerData.engine),
    };
    port?.postMessage(reply);
  }
}

if (port)
  port.on("message", (request: WorkerRequest) => {
    if (request.kind === "read")
      void readTaken(request.paths, new Int32Array(request.next)).then(() =>
        port.postMessage({ kind: "read-done" } satisfies WorkerReply)
      );
    else
      void rollupFileBytes(request.rollup, request.title).then((bytes) => {
        // Handed over, not copied: a buffer of its own (a Buffer may be a slice of a pool).
        const own = bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
        const reply: WorkerReply = { kind: "written", bytes: own };
        port.postMessage(reply, [own.buffer as ArrayBuffer]);
      });
  });
