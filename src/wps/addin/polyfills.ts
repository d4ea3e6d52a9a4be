/**
 * Library features newer than the engine the WPS build targets (Chromium 64, see docs/wps.md),
 * used by the engine, the task pane or their libraries. Syntax is lowered by the build; these
 * are the runtime functions, from core-js. Each is a no-op where the browser has it.
 */
import "core-js/actual/object/from-entries";
import "core-js/actual/object/has-own";
import "core-js/actual/array/flat";
import "core-js/actual/array/flat-map";
import "core-js/actual/array/at";
import "core-js/actual/array/find-last";
import "core-js/actual/string/replace-all";
import "core-js/actual/string/match-all";
import "core-js/actual/string/at";
import "core-js/actual/string/trim-start";
import "core-js/actual/string/trim-end";
import "core-js/actual/promise/finally";
import "core-js/actual/promise/all-settled";
import "core-js/actual/global-this";
import "core-js/actual/queue-microtask";
import "core-js/actual/structured-clone";
