/**
 * `npm run preview [-- WORKBOOK.xlsx]`: builds the task pane against the in-memory Excel, with the
 * given workbook or the sample (samples/sample.xlsx), read here by the ExcelJS adapter and handed
 * to the page as JSON (so the page holds no ExcelJS), and serves it on http://127.0.0.1:3001/
 * (PORT to change it). The end-to-end test (test/e2e) and the bench use the same steps.
 */
import { createReadStream } from "node:fs";
import { mkdir, stat, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { basename, extname, join, normalize, resolve, sep } from "node:path";
import webpack from "webpack";
import type { WorkbookData } from "../src/core";
import { readWorkbookFile } from "../src/xlsx";

const root = resolve(__dirname, "..");
export const SAMPLE = join(root, "samples", "sample.xlsx");

type ConfigFactory = (env: Record<string, unknown>, argv: { mode: string }) => Promise<webpack.Configuration>;

/** The page's workbook: what preview.tsx fetches (workbook.json, or ?data=FILE.json). */
export type PreviewWorkbook = WorkbookData & { name: string };

/** Writes a workbook for the page to `outDir/file` (the e2e test and the bench add their own). */
export async function writePreviewData(outDir: string, file: string, workbook: PreviewWorkbook): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await writeFile(join(outDir, file), JSON.stringify(workbook));
}

/**
 * Builds the preview into `outDir`: the page, its bundle, and the workbook (`workbook`, default
 * the sample) as workbook.json.
 */
export async function buildPreview(
  outDir: string,
  mode: "development" | "production" = "development",
  workbook: string = SAMPLE,
  options: { minimize?: boolean } = {},
): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the CommonJS webpack config
  const makeConfig = require("../webpack.config.js") as ConfigFactory;
  const made = await makeConfig({ preview: true, previewOut: outDir }, { mode });
  // A production build left readable (the bench's CPU profile names the functions).
  const config = options.minimize === false ? { ...made, optimization: { ...made.optimization, minimize: false } } : made;
  const stats = await new Promise<webpack.Stats>((done, fail) => {
    webpack({ ...config, stats: "errors-warnings" }, (error, result) => {
      if (error) fail(error);
      else if (result === undefined) fail(new Error("webpack returned no stats"));
      else done(result);
    });
  });
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
  const data = await readWorkbookFile(workbook);
  await writePreviewData(outDir, "workbook.json", { ...data, name: basename(workbook) });
}

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".png": "image/png",
};

/** Serves `dir` on the loopback interface; port 0 picks a free one. */
export async function servePreview(dir: string, port: number): Promise<{ server: Server; url: string }> {
  const base = resolve(dir);
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
    const file = normalize(join(base, path === "/" ? "index.html" : path));
    const send404 = () => {
      response.writeHead(404, { "content-type": "text/plain" });
      response.end("not found");
    };
    if (!file.startsWith(base + sep)) return send404();
    stat(file).then(
      (info) => {
        if (!info.isFile()) return send404();
        response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
        createReadStream(file).pipe(response);
      },
      () => send404(),
    );
  });
  await new Promise<void>((listening) => server.listen(port, "127.0.0.1", listening));
  const { port: actual } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${actual}/` };
}

async function main(): Promise<void> {
  const outDir = join(root, "dist", "preview");
  const file = process.argv[2] === undefined ? SAMPLE : resolve(process.argv[2]);
  console.log(`Building the preview of ${file} …`);
  await buildPreview(outDir, "development", file);
  const { url } = await servePreview(outDir, Number(process.env.PORT ?? 3001));
  console.log(`Check Targets preview (${basename(file)} in an in-memory Excel): ${url}`);
  console.log(
    `English: ${url}?lang=en-US · dark theme: ${url}?theme=dark · read-only: ${url}?readOnly=1 · Ctrl+C to stop`,
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
