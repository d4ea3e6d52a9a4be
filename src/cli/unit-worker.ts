/** A worker thread of the roll-up: reads and analyses the files it is sent, one at a time. */
import { parentPort, workerData } from "node:worker_threads";
import { readUnit } from "./read-units";

const port = parentPort;
if (port)
  port.on("message", (path: string) => {
    void readUnit(path, workerData.engine).then((read) => port.postMessage(read));
  });
