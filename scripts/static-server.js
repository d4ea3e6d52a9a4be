/**
 * A small static file server for the built task pane, on this machine only (127.0.0.1).
 * Used by the browser tests and by `npm run standalone` (the task pane without Excel).
 *
 *   node scripts/static-server.js [folder=dist] [port=3001]
 */
"use strict";

const fs = require("fs");
const http = require("http");
const path = require("path");
const { contentSecurityPolicy } = require("./csp");

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json",
  ".json": "application/json",
  ".xml": "application/xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** Serves `root` on 127.0.0.1:`port` (0 = any free port); resolves with its URL and a close(). */
function serveDirectory(root, port = 0) {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url || "/", "http://127.0.0.1").pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (pathname === "/") pathname = "/taskpane.html";
    const file = path.resolve(base, `.${pathname}`);
    if (!file.startsWith(base + path.sep) || req.method !== "GET") {
      res.writeHead(403).end();
      return;
    }
    fs.readFile(file, (error, data) => {
      if (error) {
        res.writeHead(404).end();
        return;
      }
      const headers = {
        "Content-Type": CONTENT_TYPES[path.extname(file)] || "application/octet-stream",
        "Cache-Control": "no-store",
      };
      // The same policy as the pages' meta tag (scripts/csp.js).
      if (path.extname(file) === ".html")
        headers["Content-Security-Policy"] = contentSecurityPolicy();
      res.writeHead(200, headers);
      res.end(data);
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      resolve({
        url: `http://127.0.0.1:${address.port}/`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

module.exports = { serveDirectory };

if (require.main === module) {
  const root = process.argv[2] || "dist";
  const port = Number(process.argv[3] || 3001);
  if (!fs.existsSync(path.join(root, "taskpane.html"))) {
    console.error(`${root}/taskpane.html 不存在，请先运行 npm run build / run npm run build first`);
    process.exit(2);
  }
  serveDirectory(root, port).then(({ url }) => {
    console.log(`指标报告助手（浏览器模式）: ${url}taskpane.html`);
    console.log("Ctrl+C 结束 / to stop");
  });
}
