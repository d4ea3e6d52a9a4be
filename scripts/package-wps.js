#!/usr/bin/env node
/*
 * Packages the WPS 表格 add-in for offline installation (docs/wps.md):
 *
 *   npm run package:wps                 build (npm run build:wps) and package
 *   node scripts/package-wps.js [--out DIR] [--server URL]
 *
 * Takes the build in dist-wps/addin and writes, into dist-wps/package (or --out):
 *   indicator-report_<version>/   the add-in folder, as it goes into jsaddons
 *   publish.xml                   the jsaddons entry for it (publish mode)
 *   install.sh, uninstall.sh      Linux: ~/.local/share/Kingsoft/wps/jsaddons
 *   install.bat, uninstall.bat    Windows: %APPDATA%\kingsoft\wps\jsaddons
 *   jsplugins.xml, oem.ini.txt    enterprise builds: the add-in served from an intranet server
 *                                 (--server, the URL where the add-in folder is published)
 *   安装说明.txt                   the steps, in short
 * Nothing is downloaded; the scripts copy files and edit publish.xml, nothing else.
 */
"use strict";

const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const NAME = "indicator-report";
const TITLE = "指标报告助手";
const VERSION = require(path.join(ROOT, "package.json")).version;
const FOLDER = `${NAME}_${VERSION}`;
const DEFAULT_SERVER = "http://wps-addins.intranet.example/";

function parseArgs(argv) {
  const args = { out: path.join(ROOT, "dist-wps", "package"), server: DEFAULT_SERVER };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--out") args.out = path.resolve(argv[++i]);
    else if (argv[i] === "--server") args.server = argv[++i];
    else throw new Error(`unknown option ${argv[i]}`);
  }
  if (!/^https?:\/\/[^\s"<>]+$/.test(args.server))
    throw new Error(`--server: not a URL: ${args.server}`);
  if (!args.server.endsWith("/")) args.server += "/";
  return args;
}

/** The one jsaddons/publish.xml element of this add-in (one line: the scripts edit it so). */
const publishEntry = () =>
  `<jsplugin name="${NAME}" type="et" url="${FOLDER}" version="${VERSION}" enable="enable_dev" install="null" customDomain=""/>`;

const xml = (body) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n${body}\n</jsplugins>\n`;

const crlf = (text) => text.replace(/\r?\n/g, "\r\n");

function installSh() {
  return `#!/bin/sh
# ${TITLE} ${VERSION}: installs (or updates) the WPS 表格 add-in for the current user.
# Run from the folder this script is in: sh install.sh
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
ADDONS="\${WPS_JSADDONS:-$HOME/.local/share/Kingsoft/wps/jsaddons}"
mkdir -p "$ADDONS"
# An update replaces every earlier version of this add-in.
for old in "$ADDONS"/${NAME}_*; do
  if [ -e "$old" ]; then rm -rf "$old"; fi
done
cp -R "$HERE/${FOLDER}" "$ADDONS/${FOLDER}"
ENTRY='${publishEntry()}'
PUBLISH="$ADDONS/publish.xml"
if [ -f "$PUBLISH" ] && grep -q '</jsplugins>' "$PUBLISH"; then
  TMP="$PUBLISH.tmp.$$"
  sed -e 's#<jsplugin [^>]*name="${NAME}"[^>]*/>##g' "$PUBLISH" \\
    | sed -e "s#</jsplugins>#  $ENTRY\\n</jsplugins>#" | grep -v '^[[:space:]]*$' > "$TMP"
  mv "$TMP" "$PUBLISH"
else
  printf '<?xml version="1.0" encoding="UTF-8"?>\\n<jsplugins>\\n  %s\\n</jsplugins>\\n' "$ENTRY" > "$PUBLISH"
fi
echo "已安装 ${TITLE} ${VERSION} 到 $ADDONS。请重新启动 WPS（Linux 上可执行 quickstartoffice restart）。"
echo "Installed ${TITLE} ${VERSION} into $ADDONS. Restart WPS."
`;
}

function uninstallSh() {
  return `#!/bin/sh
# ${TITLE}: removes the WPS 表格 add-in of the current user.
set -e
ADDONS="\${WPS_JSADDONS:-$HOME/.local/share/Kingsoft/wps/jsaddons}"
for old in "$ADDONS"/${NAME}_*; do
  if [ -e "$old" ]; then rm -rf "$old"; fi
done
PUBLISH="$ADDONS/publish.xml"
if [ -f "$PUBLISH" ]; then
  TMP="$PUBLISH.tmp.$$"
  sed -e 's#<jsplugin [^>]*name="${NAME}"[^>]*/>##g' "$PUBLISH" | grep -v '^[[:space:]]*$' > "$TMP" || true
  mv "$TMP" "$PUBLISH"
fi
echo "已卸载 ${TITLE}。请重新启动 WPS。"
echo "Uninstalled ${TITLE}. Restart WPS."
`;
}

/**
 * PowerShell that edits publish.xml as XML; the .bat files run it (Windows 7 and later). It
 * contains no double quote, so cmd passes it to PowerShell as one quoted argument.
 */
function psEdit(add) {
  const lines = [
    "$ErrorActionPreference = 'Stop'",
    "$publish = Join-Path $env:ADDONS 'publish.xml'",
    "$doc = New-Object System.Xml.XmlDocument",
    "if (Test-Path $publish) { $doc.Load($publish) }",
    "if ($doc.DocumentElement -eq $null) { $doc.LoadXml('<jsplugins/>'); [void]$doc.InsertBefore($doc.CreateXmlDeclaration('1.0', 'UTF-8', $null), $doc.DocumentElement) }",
    `foreach ($node in @($doc.DocumentElement.SelectNodes('jsplugin[@name=''${NAME}'']'))) { [void]$doc.DocumentElement.RemoveChild($node) }`,
  ];
  if (add) {
    lines.push(
      "$entry = $doc.CreateElement('jsplugin')",
      ...[
        ["name", NAME],
        ["type", "et"],
        ["url", FOLDER],
        ["version", VERSION],
        ["enable", "enable_dev"],
        ["install", "null"],
        ["customDomain", ""],
      ].map(([k, v]) => `$entry.SetAttribute('${k}', '${v}')`),
      "[void]$doc.DocumentElement.AppendChild($entry)"
    );
  }
  lines.push("$doc.Save($publish)");
  const script = lines.join("; ");
  if (script.includes('"')) throw new Error("psEdit: a double quote would break the .bat quoting");
  return script;
}

function installBat() {
  return crlf(`@echo off
rem ${NAME} ${VERSION}: installs (or updates) the WPS add-in for the current user.
chcp 65001 >nul
setlocal
set "HERE=%~dp0"
if "%WPS_JSADDONS%"=="" (set "ADDONS=%APPDATA%\\kingsoft\\wps\\jsaddons") else (set "ADDONS=%WPS_JSADDONS%")
if not exist "%ADDONS%" mkdir "%ADDONS%"
for /d %%D in ("%ADDONS%\\${NAME}_*") do rmdir /s /q "%%D"
xcopy /e /i /q /y "%HERE%${FOLDER}" "%ADDONS%\\${FOLDER}" >nul
if errorlevel 1 goto failed
powershell -NoProfile -ExecutionPolicy Bypass -Command "${psEdit(true)}"
if errorlevel 1 goto failed
echo 已安装 ${TITLE} ${VERSION}。请重新启动 WPS。
echo Installed ${TITLE} ${VERSION} into %ADDONS%. Restart WPS.
goto end
:failed
echo 安装失败 / installation failed
exit /b 1
:end
endlocal
`);
}

function uninstallBat() {
  return crlf(`@echo off
rem ${NAME}: removes the WPS add-in of the current user.
chcp 65001 >nul
setlocal
if "%WPS_JSADDONS%"=="" (set "ADDONS=%APPDATA%\\kingsoft\\wps\\jsaddons") else (set "ADDONS=%WPS_JSADDONS%")
for /d %%D in ("%ADDONS%\\${NAME}_*") do rmdir /s /q "%%D"
if exist "%ADDONS%\\publish.xml" powershell -NoProfile -ExecutionPolicy Bypass -Command "${psEdit(false)}"
echo 已卸载 ${TITLE}。请重新启动 WPS。
echo Uninstalled ${TITLE}. Restart WPS.
endlocal
`);
}

function oemSnippet(server) {
  return crlf(`; ${TITLE}: add to the WPS installation's office6\\cfgs\\oem.ini (enterprise builds).
; Windows: <WPS 安装目录>\\office6\\cfgs\\oem.ini
; Linux:   /opt/kingsoft/wps-office/office6/cfgs/oem.ini
;          (统信 UOS: /opt/apps/cn.wps.wps-office-pro/files/kingsoft/wps-office/office6/cfgs/oem.ini)
; Keep the existing keys of these sections; add or change only these lines.
[Support]
JsApiPlugin=true

[Server]
JSPluginsServer=${server}jsplugins.xml
`);
}

function readme(server) {
  return crlf(`${TITLE} ${VERSION}：WPS 表格加载项（离线安装）

个人版与大多数电脑（publish 模式，无需服务器）
  Linux：  在本文件夹中执行  sh install.sh
  Windows：双击 install.bat
  然后重新启动 WPS，打开工作簿，在“指标报告”选项卡点击“${TITLE}”。
  更新：用新版本的文件夹再运行一次 install；卸载：运行 uninstall。

企业版（oem.ini 与 jsplugins.xml，由管理员统一部署）
  1. 把 ${FOLDER} 文件夹放到内网服务器上，使 ${server}${NAME}/ribbon.xml 可以访问
     （文件夹改名为 ${NAME}），并把 jsplugins.xml 放到 ${server}jsplugins.xml。
  2. 在每台电脑 WPS 安装目录的 office6/cfgs/oem.ini 中加入 oem.ini.txt 的内容。
  3. 重新启动 WPS。

详见项目文档 docs/wps.md。
`);
}

function copyDir(from, to) {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const a = path.join(from, entry.name);
    const b = path.join(to, entry.name);
    if (entry.isDirectory()) copyDir(a, b);
    else fs.copyFileSync(a, b);
  }
}

function packageWps(options) {
  const addin = path.join(ROOT, "dist-wps", "addin");
  for (const file of ["index.html", "main.js", "ribbon.xml", "taskpane.html"]) {
    if (!fs.existsSync(path.join(addin, file)))
      throw new Error(`dist-wps/addin/${file} is missing: run \`npm run build:wps\` first.`);
  }
  const out = options.out;
  fs.rmSync(out, { recursive: true, force: true });
  copyDir(addin, path.join(out, FOLDER));
  const files = {
    "publish.xml": xml(`  ${publishEntry()}`),
    "jsplugins.xml": xml(
      `  <jspluginonline name="${NAME}" type="et" url="${options.server}${NAME}/" version="${VERSION}"/>`
    ),
    "oem.ini.txt": oemSnippet(options.server),
    "install.sh": installSh(),
    "uninstall.sh": uninstallSh(),
    "install.bat": installBat(),
    "uninstall.bat": uninstallBat(),
    "安装说明.txt": readme(options.server),
  };
  for (const [name, content] of Object.entries(files)) {
    fs.writeFileSync(path.join(out, name), content, "utf8");
    if (name.endsWith(".sh")) fs.chmodSync(path.join(out, name), 0o755);
  }
  return { out, folder: FOLDER, files: Object.keys(files) };
}

if (require.main === module) {
  try {
    const result = packageWps(parseArgs(process.argv.slice(2)));
    console.log(`WPS add-in packaged in ${path.relative(process.cwd(), result.out) || "."}:`);
    for (const name of [result.folder + "/", ...result.files]) console.log(`  ${name}`);
  } catch (error) {
    console.error(`package-wps: ${error.message}`);
    process.exit(2);
  }
}

module.exports = { packageWps, NAME, FOLDER, VERSION };
