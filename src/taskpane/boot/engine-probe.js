/*
 * 指标报告助手: loaded right after boot.js. An engine that parses this file knows class static
 * blocks (Chromium 94, Safari 16.4), the newest syntax in the bundles; in an older one this file
 * is a syntax error, the flag stays false and boot.js shows its message.
 */
/* global window */
class EngineProbe {
  static {
    window.IndicatorReportBoot.staticBlocks = true;
  }
}
void EngineProbe;
