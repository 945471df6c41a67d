// Builds the task pane and the ribbon's function file into dist/, copies the icons and the
// manifest (with https://localhost:3000/ rewritten to ADDIN_PROD_URL in production builds),
// and serves them over https on port 3000 for sideloading (`npm run dev-server`).
// With `--env preview` it builds the preview instead (scripts/preview.ts): the pane on the
// in-memory Excel, without office.js, into dist/preview/ (or --env previewOut=DIR).
"use strict";

const path = require("node:path");
const { builtinModules } = require("node:module");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { prodUrlFrom, rewriteManifestUrls } = require("./manifest-url.js");

const srcDir = path.resolve(__dirname, "src");
const nodeBuiltins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/**
 * The pane runs in Office's browser: ExcelJS and Node's modules must never reach the bundle
 * (docs/architecture.md: taskpane and commands import core and excel only). eslint.config.mjs forbids the
 * imports; this fails the build too if one slips in, rather than bundling or stubbing it.
 */
function rejectNodeOnlyModules({ request, contextInfo }, callback) {
  const fromOurCode = contextInfo !== undefined && contextInfo.issuer.startsWith(srcDir);
  if (request !== undefined && (/^exceljs(\/|$)/.test(request) || (fromOurCode && nodeBuiltins.has(request)))) {
    callback(new Error(`"${request}" (imported by ${contextInfo.issuer}) must not be bundled into the add-in`));
    return;
  }
  callback();
}

/**
 * https options for the dev server: the Office dev certificates (trusted by Office after
 * `npx office-addin-dev-certs install`) when office-addin-dev-certs is installed, otherwise
 * webpack-dev-server's own self-signed certificate, which Office does not trust until you do.
 */
async function devServerHttps() {
  let certsModule;
  try {
    certsModule = require.resolve("office-addin-dev-certs");
  } catch (error) {
    if (error.code !== "MODULE_NOT_FOUND") throw error;
    console.log(
      "[dev-server] office-addin-dev-certs is not installed: using webpack-dev-server's self-signed https certificate.",
    );
    return "https";
  }
  const certs = await require(certsModule).getHttpsServerOptions();
  return { type: "https", options: { ca: certs.ca, key: certs.key, cert: certs.cert } };
}

/** The preview page: the pane against the sample workbook in the in-memory Excel. */
function previewParts(env) {
  return {
    entry: { preview: "./scripts/preview-page/preview.tsx" },
    outDir: path.resolve(__dirname, env.previewOut || "dist/preview"),
    plugins: [
      new HtmlWebpackPlugin({ filename: "index.html", template: "./scripts/preview-page/preview.html", chunks: ["preview"] }),
    ],
  };
}

module.exports = async (env, argv) => {
  const dev = argv.mode === "development";
  const preview = env.preview ? previewParts(env) : null;
  const prodUrl = dev || preview ? undefined : prodUrlFrom(process.env);

  return {
    mode: dev ? "development" : "production",
    target: "web",
    // Source maps in development only: a production dist/ ships none (they were 6 MB).
    devtool: dev ? "source-map" : false,
    entry: preview?.entry ?? {
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: preview?.outDir ?? path.resolve(__dirname, "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // Lets TypeScript sources import "./x.js" for "./x.ts".
      extensionAlias: { ".js": [".ts", ".tsx", ".js"] },
    },
    externals: [rejectNodeOnlyModules],
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Types are checked by `tsc --noEmit` (npm test); the build only transpiles.
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
        {
          // Our modules only declare and export (no import is made for its side effects): marked so,
          // webpack keeps out of each chunk what the chunk does not use (zod schemas, catalogues)
          // and the engine loaded on demand stays out of the initial bundle.
          test: /\.tsx?$/,
          include: srcDir,
          sideEffects: false,
        },
      ],
    },
    plugins: preview?.plugins ?? [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      // The manifest's FunctionFile: required by Office, but the one ribbon button opens the pane
      // (ShowTaskpane), so the page runs no script of ours.
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: [],
      }),
      new HtmlWebpackPlugin({
        filename: "support.html",
        template: "./src/taskpane/support.html",
        chunks: [],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/host-check/unsupported-host.js", to: "unsupported-host.js" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform: (content) => (dev ? content : rewriteManifestUrls(content.toString("utf8"), prodUrl)),
          },
        ],
      }),
    ],
    performance: { hints: dev ? false : "warning", maxAssetSize: 1_000_000, maxEntrypointSize: 1_000_000 },
    devServer: {
      port: 3000,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: env.WEBPACK_SERVE ? await devServerHttps() : "https",
    },
  };
};
