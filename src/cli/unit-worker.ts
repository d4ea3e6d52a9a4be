/**
 * A worker thread of the roll-up (unit-workers.ts): reads and analyses the files it is sent,
 * one at a time, and writes the 汇总 workbook when asked.
 */
import { parentPort, workerData } from "node:worker_threads";
import { readUnit } from "./read-units";
import { rollupFileBytes } from "./rollup-workbook";
import type { WorkerRequest } from "./unit-workers";

const port = parentPort;
if (port)
  port.on("message", (request: WorkerRequest) => {
    if (request.kind === "read")
      void readUnit(request.path, workerData.engine).then((read) => port.postMessage(read));
    else
      void rollupFileBytes(request.rollup, request.title).then((bytes) => {
        // Handed over, not copied: a buffer of its own (a Buffer may be a slice of a pool).
        const own = bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
        port.postMessage(own, [own.buffer as ArrayBuffer]);
      });
  });
