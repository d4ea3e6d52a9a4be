/*
 * 指标报告助手 for WPS 表格: the functions ribbon.xml calls. WPS loads this file itself, as it
 * is (index.html includes it), in whatever engine the client has: it is plain ES5, no build step.
 *
 * The button opens the task pane (taskpane.html next to this file). The pane is created once
 * and its ID kept in PluginStorage (shared by the add-in's pages for the session); pressing the
 * button again shows the same pane. Version differences: Application.CreateTaskPane or
 * CreateTaskpane, the global Application or wps.EtApplication().
 */

/* global window, document */
// The IndicatorReport_* functions are called by WPS, by the names ribbon.xml gives.
/* eslint-disable @typescript-eslint/no-unused-vars */

var IndicatorReport = (function () {
  var PANE_KEY = "indicatorReport.taskPaneId";
  var TITLE = "指标报告助手";
  /** msoCTPDockPositionRight */
  var DOCK_RIGHT = 2;

  function application() {
    if (window.Application) return window.Application;
    var wps = window.wps;
    if (!wps) return null;
    return typeof wps.EtApplication === "function"
      ? wps.EtApplication()
      : wps.EtApplication || null;
  }

  /** The folder of this page, with a trailing slash (file:// or http://). */
  function baseUrl() {
    var href = String(document.location.href).split("#")[0].split("?")[0];
    return href.substring(0, href.lastIndexOf("/") + 1);
  }

  function createPane(app, url) {
    if (typeof app.CreateTaskPane === "function") return app.CreateTaskPane(url, TITLE);
    if (typeof app.CreateTaskpane === "function") return app.CreateTaskpane(url, TITLE);
    throw new Error("此版本的 WPS 不支持任务窗格 (CreateTaskPane)");
  }

  function existingPane(app) {
    var storage = app.PluginStorage;
    var id = storage ? storage.getItem(PANE_KEY) : null;
    if (id === null || id === undefined || id === "") return null;
    try {
      return app.GetTaskPane(Number(id)) || null;
    } catch (_e) {
      return null;
    }
  }

  function showPane() {
    var app = application();
    if (!app) return false;
    var pane = existingPane(app);
    if (!pane) {
      pane = createPane(app, baseUrl() + "taskpane.html");
      if (app.PluginStorage) app.PluginStorage.setItem(PANE_KEY, pane.ID);
      try {
        pane.DockPosition = DOCK_RIGHT;
      } catch (_e) {
        // Older clients dock on the right anyway.
      }
    }
    pane.Visible = true;
    return true;
  }

  return { application: application, baseUrl: baseUrl, showPane: showPane };
})();

function IndicatorReport_OnLoad(ribbonUI) {
  var app = IndicatorReport.application();
  if (app && typeof app.ribbonUI !== "object") app.ribbonUI = ribbonUI;
  return true;
}

function IndicatorReport_OnAction(control) {
  if (control && control.Id === "IndicatorReportShowPane") IndicatorReport.showPane();
  return true;
}

function IndicatorReport_GetImage() {
  return "assets/icon-80.png";
}
