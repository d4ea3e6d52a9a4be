/*
 * Webpack configuration for the task pane (taskpane.html) and the add-in command
 * function file (commands.html).
 *
 *   npm run build       production bundle in dist/ (URLs in manifest*.xml rewritten to URL_PROD)
 *   npm run build:dev   development bundle in dist/
 *   npm run dev-server  https://localhost:3000 with the Office dev certificate
 *   npm run build:intranet  (or INTRANET=1, or --env intranet) office.js and the files it loads
 *                       are copied from @microsoft/office-js into office/ and served from the
 *                       add-in's own origin, for networks without internet (docs/deploy.md);
 *                       the default build loads office.js from Microsoft's CDN.
 */
"use strict";

const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { contentSecurityPolicy } = require("./scripts/csp");

const URL_DEV = "https://localhost:3000/";
// Where the production build is hosted. Override with ADDIN_PROD_URL=https://host/path/ npm run build
const URL_PROD = process.env.ADDIN_PROD_URL || "https://indicator-report.example.com/";

const OFFICE_CDN_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_DIST = path.join(
  path.dirname(require.resolve("@microsoft/office-js/package.json")),
  "dist"
);

/** What office.js loads for Excel (host files, strings of each language, telemetry, error page). */
const OFFICE_JS_FILES = [
  "office.js",
  "o15apptofilemappingtable.js",
  "es6-promise.js",
  "excel*.js",
  "*/office_strings.js",
  "telemetry/*.js",
  "ariatelemetry/*.js",
  "agaveerrorux/**",
];

async function getHttpsOptions() {
  // Creates (and on first use asks to trust) the localhost dev certificate.
  const devCerts = require("office-addin-dev-certs");
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

module.exports = async (env = {}, options = {}) => {
  const dev = options.mode !== "production";
  // Only `webpack serve` needs the certificate; `webpack` (build) and `webpack --watch` must not
  // try to create or install one.
  const serving = Boolean(env.WEBPACK_SERVE) && !env.WEBPACK_BUILD;
  const intranet = Boolean(env.intranet) || process.env.INTRANET === "1";
  // The page loads office.js before any bundle, as a plain script (see taskpane.html).
  const officeJs = intranet ? "office/office.js" : OFFICE_CDN_URL;

  /** @type {import("webpack").Configuration} */
  const config = {
    mode: dev ? "development" : "production",
    // Office hosts run Edge (WebView2), Safari or Chrome: modern ES2020, no IE11, no polyfills.
    target: ["web", "es2020"],
    // Separate .map files; never an eval-based devtool, so the bundle works under a strict CSP.
    devtool: "source-map",
    entry: {
      // taskpane.html is the HtmlWebpackPlugin template below (watched by it in dev).
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
      // exceljs needs no Node fallbacks here: its package.json "browser" field points webpack at
      // the self-contained browser build (dist/exceljs.min.js).
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: [
            {
              // Build-time CSS: makeStyles calls become precomputed class names and rules, so
              // the page needs no style compiler at run time (Fluent's own come precompiled).
              loader: "@griffel/webpack-loader",
              options: {
                modules: [
                  {
                    moduleSource: "@fluentui/react-components",
                    importName: "makeStyles",
                    resetImportName: "makeResetStyles",
                    // Fluent does not re-export Griffel's __staticStyles: makeStaticStyles stays
                    // as it is (App's few global rules).
                    staticImportName: null,
                  },
                ],
                babelOptions: { presets: ["@babel/preset-typescript"] },
              },
            },
            {
              loader: "ts-loader",
              options: {
                // Type-check only what is bundled; `npm run typecheck` covers the whole project.
                onlyCompileBundledFiles: true,
                compilerOptions: {
                  // ES modules so that webpack can tree-shake @fluentui/react-components.
                  module: "es2020",
                  sourceMap: true,
                },
              },
            },
          ],
        },
        {
          test: /\.(png|jpg|jpeg|gif|ico|ttf|woff|woff2)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext][query]" },
        },
      ],
    },
    optimization: {
      splitChunks: {
        chunks: "all",
        cacheGroups: {
          // Initial (synchronously loaded) chunks only, so that a library loaded later with
          // import() (e.g. exceljs) stays in its own async chunk instead of joining these.
          react: {
            test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/,
            name: "react",
            chunks: "initial",
            priority: 20,
          },
          vendor: {
            test: /[\\/]node_modules[\\/]/,
            name: "vendor",
            chunks: "initial",
            priority: 10,
          },
        },
      },
    },
    performance: {
      hints: dev ? false : "warning",
      // What taskpane.html loads up front: React, the Fluent UI components of the first render
      // and the pane's frame, about 490 KiB minified (the engine and every other tab are
      // chunks of their own). This only warns; `npm run build` fails on the gzipped total
      // (scripts/check-bundle-budget.js).
      maxEntrypointSize: 560 * 1024,
      // Per file; leaves room for a lazily imported exceljs browser build (about 0.9 MiB minified).
      maxAssetSize: 1200 * 1024,
      assetFilter: (file) => file.endsWith(".js"),
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        // The page's Content-Security-Policy meta (scripts/csp.js), the first element of <head>.
        csp: contentSecurityPolicy(),
        officeJs,
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        csp: contentSecurityPolicy(),
        officeJs,
      }),
      new CopyWebpackPlugin({
        patterns: [
          {
            from: "assets/*",
            to: "assets/[name][ext][query]",
          },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              return dev ? content : content.toString().split(URL_DEV).join(URL_PROD);
            },
          },
          {
            from: "samples/街道指标台账.xlsx",
            to: "samples/[name][ext]",
            noErrorOnMissing: true,
          },
          // Runs before any bundle: the loading state, the old-engine check (ES5, not bundled).
          { from: "src/taskpane/boot/*", to: "[name][ext]" },
          ...(intranet
            ? OFFICE_JS_FILES.map((pattern) => ({
                from: pattern,
                context: OFFICE_JS_DIST,
                to: "office/",
                globOptions: { ignore: ["**/*.debug.js"] },
              }))
            : []),
        ],
      }),
    ],
    devServer: {
      hot: true,
      headers: {
        // The pages' policy, as the built pages carry it. No CORS header: no other origin needs
        // to read these files (Office loads the pane as a page, not with fetch).
        "Content-Security-Policy": contentSecurityPolicy(),
      },
      server: serving ? { type: "https", options: await getHttpsOptions() } : "https",
      port: Number(process.env.npm_package_config_dev_server_port) || 3000,
    },
  };

  return config;
};
