/*
 * 指标报告助手: the first script of taskpane.html, before office.js and every bundle.
 *
 * Plain ES5 on purpose (test/excel/boot.test.ts parses it as ES5): it must run in the
 * Internet Explorer 11 engine that Office 2016/2019 volume-licensed uses for add-ins, where the
 * bundles cannot even be parsed, and say so instead of leaving a blank pane. It also notes
 * whether office.js failed to load, and offers the standalone page when loading takes long.
 * No inline script or style anywhere, so that a strict Content-Security-Policy holds.
 *
 * The bundles need Chromium 94 (Edge WebView2) or Safari 16.4: class static blocks (tested by
 * engine-probe.js, loaded right after this file) and ES2021 built-ins (tested below).
 */
/* global window, document, navigator */
(function () {
  "use strict";

  var boot = { oldEngine: false, officeJsFailed: false, staticBlocks: false, state: "loading" };
  window.IndicatorReportBoot = boot;

  var MESSAGES = {
    "old-engine": {
      zh:
        "此版本 Office 的加载项引擎太旧（Internet Explorer 11 或旧版 Edge），无法运行指标报告助手。" +
        "请使用 Office 2021、Office 2024 或 Microsoft 365，或装有 WebView2 的 Office 2019 零售版；" +
        "也可以在本机的 Edge 或 Chrome 浏览器中打开独立页面，打开工作簿文件使用，数据不离开本机。",
      en:
        "The add-in engine of this Office version is too old (Internet Explorer 11 or Edge " +
        "Legacy) for " +
        "Indicator Report. Use Office 2021, Office 2024 or Microsoft 365, or Office 2019 retail " +
        "with WebView2; or open the standalone page in Edge or Chrome on this computer and open " +
        "the workbook file there. The data stays on this computer.",
    },
    "office-failed": {
      zh:
        "无法加载 Office 的 office.js，所以无法连接到 Excel。" +
        "若本机不能访问互联网，请信息部门部署内网版（office.js 随加载项一起部署，见部署说明）；" +
        "也可以在浏览器中打开独立页面，打开工作簿文件使用。",
      en:
        "Office's office.js could not be loaded, so the pane cannot reach Excel. Without " +
        "internet access, ask IT for the intranet build (office.js is deployed with the " +
        "add-in, see the deployment guide); or open the standalone page in a browser and open " +
        "the workbook file there.",
    },
    slow: {
      zh:
        "加载时间比平常长。若一直停在这里，可能是本机不能访问互联网、无法下载 Office 的 office.js：" +
        "请信息部门部署内网版，或在浏览器中打开独立页面。",
      en:
        "Loading takes longer than usual. If it stays here, this computer may have no internet " +
        "access to download Office's office.js: ask IT for the intranet build, or open the " +
        "standalone page in a browser.",
    },
  };

  /** ES2021 built-ins the bundles use; missing in Internet Explorer and old Safari. */
  function hasModernBuiltIns() {
    return (
      typeof Promise === "function" &&
      typeof Proxy === "function" &&
      typeof Symbol === "function" &&
      typeof WeakRef === "function" &&
      typeof Object.hasOwn === "function" &&
      typeof Array.prototype.at === "function" &&
      typeof window.fetch === "function"
    );
  }

  function isTrident() {
    return /Trident\/|MSIE /.test(navigator.userAgent || "");
  }

  /** The page itself with ?mode=standalone: the pane without Office, on a workbook file. */
  function standaloneUrl() {
    var href = String(window.location.href).split("#")[0].split("?")[0];
    return href + "?mode=standalone";
  }

  function paragraph(text, className, lang) {
    var p = document.createElement("p");
    p.className = className;
    if (lang) p.setAttribute("lang", lang);
    p.appendChild(document.createTextNode(text));
    return p;
  }

  /** Shows a message in the loading box: "old-engine", "office-failed" or "slow". */
  function show(kind) {
    var box = document.getElementById("boot");
    var message = MESSAGES[kind];
    if (!box || !message) return;
    var keepSpinner = kind === "slow";
    if (!keepSpinner) {
      while (box.firstChild) box.removeChild(box.firstChild);
      box.setAttribute("role", "alert");
    }
    var old = document.getElementById("boot-message");
    if (old && old.parentNode) old.parentNode.removeChild(old);
    var note = document.createElement("div");
    note.id = "boot-message";
    note.className = "boot-message";
    note.appendChild(paragraph(message.zh, "boot-text", ""));
    note.appendChild(paragraph(message.en, "boot-text boot-en", "en"));
    var url = standaloneUrl();
    var link = document.createElement("a");
    link.href = url;
    link.target = "_blank";
    link.rel = "noopener";
    link.className = "boot-link";
    link.setAttribute("data-testid", "boot-standalone");
    link.appendChild(document.createTextNode("打开独立页面 / Open the standalone page"));
    note.appendChild(link);
    note.appendChild(paragraph(url, "boot-url", ""));
    box.appendChild(note);
    box.setAttribute("data-state", kind);
    boot.state = kind;
  }
  boot.show = show;

  var slowTimer = setTimeout(function () {
    if (boot.state === "loading") show("slow");
  }, 10000);

  /** The pane is up (or showing its own message): no more boot messages. */
  boot.done = function () {
    clearTimeout(slowTimer);
    boot.state = "done";
  };

  // A script that fails to load fires "error" on its element; only a capturing listener on
  // window hears it.
  if (window.addEventListener) {
    window.addEventListener(
      "error",
      function (event) {
        var target = event && event.target;
        var src = target && target.tagName === "SCRIPT" ? String(target.src || "") : "";
        if (/(^|\/)office\.js(\?|#|$)/.test(src)) boot.officeJsFailed = true;
      },
      true
    );
  }

  boot.oldEngine = isTrident() || !hasModernBuiltIns();
  function checkEngine() {
    // engine-probe.js has run by now (it comes right after this file in <head>).
    if (!boot.staticBlocks) boot.oldEngine = true;
    if (boot.oldEngine) {
      clearTimeout(slowTimer);
      show("old-engine");
    }
  }
  if (document.readyState === "loading" && document.addEventListener) {
    document.addEventListener("DOMContentLoaded", checkEngine);
  } else {
    checkEngine();
  }
})();
