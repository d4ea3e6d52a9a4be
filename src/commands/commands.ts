/*
 * Function file for add-in commands (FunctionFile in manifest.xml).
 *
 * The ribbon button only opens the task pane (ShowTaskpane), so there is
 * nothing to register yet. ExecuteFunction commands would be associated here
 * with Office.actions.associate("name", handler).
 */

/* global Office */

if (typeof Office !== "undefined") {
  Office.onReady(() => {
    // Office.js is ready; no commands to register yet.
  });
}
