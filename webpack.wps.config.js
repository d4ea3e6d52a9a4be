/*
 * Webpack configuration for the WPS 表格 add-in: the task pane for WPS (src/wps/addin) and the
 * files WPS loads itself (index.html, main.js, ribbon.xml), into dist-wps/addin/.
 *
 *   npm run build:wps      production build
 *   npm run package:wps    the build plus the install files (scripts/package-wps.js)
 *
 * WPS runs add-ins in its own embedded Chromium, older than Office's WebView2 on many clients
 * (docs/wps.md). esbuild lowers the syntax of our code and of the libraries to WPS_TARGET;
 * src/wps/addin/polyfills.ts adds the newer library functions. The pages load from the local
 * jsaddons folder (file://), so every URL is relative.
 */
"use strict";

const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { EsbuildPlugin } = require("esbuild-loader");

/** The oldest engine the build supports (see docs/wps.md for why this one). */
const WPS_TARGET = "chrome64";

module.exports = (_env = {}, options = {}) => {
  const dev = options.mode !== "production";
  /** @type {import("webpack").Configuration} */
  const config = {
    mode: dev ? "development" : "production",
    target: ["web", "es5"],
    devtool: dev ? "source-map" : false,
    entry: { taskpane: "./src/wps/addin/taskpane.tsx" },
    output: {
      path: path.resolve(__dirname, "dist-wps", "addin"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
      publicPath: "auto",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        {
          // Our TypeScript and every library's JavaScript, lowered to the WPS engine.
          test: /\.(tsx?|m?jsx?)$/,
          exclude: [path.resolve(__dirname, "src/wps/addin/main.js")],
          loader: "esbuild-loader",
          options: { target: WPS_TARGET, jsx: "automatic", tsconfig: "tsconfig.json" },
        },
        {
          test: /\.(png|jpg|jpeg|gif|ico|ttf|woff|woff2)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext][query]" },
        },
      ],
    },
    optimization: {
      // main.js is copied as it is: WPS calls its top-level functions by name.
      minimizer: [new EsbuildPlugin({ target: WPS_TARGET, exclude: /^main\.js$/ })],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/wps/addin/taskpane.html",
        chunks: ["taskpane"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "src/wps/addin/index.html", to: "index.html" },
          { from: "src/wps/addin/main.js", to: "main.js" },
          { from: "src/wps/addin/ribbon.xml", to: "ribbon.xml" },
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
          { from: "samples/街道指标台账.xlsx", to: "samples/[name][ext]", noErrorOnMissing: true },
        ],
      }),
    ],
  };
  return config;
};
