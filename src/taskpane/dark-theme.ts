/** Fluent's dark theme, a chunk of its own: only a dark Office or browser loads it. */
export { webDarkTheme } from "@fluentui/react-components";
