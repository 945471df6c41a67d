import { mkdir, open, rename, rm, type FileHandle } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { reportSchema, type Report } from "../core";

/**
 * The report as `JSON.stringify(reportSchema.parse(report), null, 2)` writes it, byte for byte,
 * but in pieces, each validated as it leaves: at 100,000 rows the report is some 130 MB of JSON,
 * and holding its validated copy and its text at once took the command with --json to 950 MiB.
 * The long lists (projects, findings) go element by element; the rest, small, as a whole.
 */
export function* reportJson(report: Report): Generator<string> {
  const shape = reportSchema.shape;
  let first = true;
  for (const key of Object.keys(shape) as (keyof typeof shape)[]) {
    const value: unknown = report[key];
    const head = `${first ? "{\n" : ",\n"}  ${JSON.stringify(key)}: `;
    if (key === "projects" || key === "findings") {
      const items = report[key];
      if (!Array.isArray(items)) shape[key].parse(items);
      first = false;
      if (items.length === 0) {
        yield `${head}[]`;
        continue;
      }
      const element = shape[key].element;
      let at = 0;
      for (const item of items) {
        const text = JSON.stringify(element.parse(item), null, 2).replaceAll("\n", "\n    ");
        yield `${at++ === 0 ? `${head}[\n    ` : ",\n    "}${text}`;
      }
      yield "\n  ]";
      continue;
    }
    // Zod leaves an absent optional key out (and JSON an undefined value): so does this.
    const parsed: unknown = shape[key].parse(value);
    if (parsed === undefined) continue;
    first = false;
    yield `${head}${JSON.stringify(parsed, null, 2).replaceAll("\n", "\n  ")}`;
  }
  yield first ? "{}\n" : "\n}\n";
}

/** Pieces of about `size` characters: one write per piece, not one per finding. */
function* batched(pieces: Iterable<string>, size = 1 << 20): Generator<string> {
  let batch: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    batch.push(piece);
    length += piece.length;
    if (length >= size) {
      yield batch.join("");
      batch = [];
      length = 0;
    }
  }
  if (batch.length > 0) yield batch.join("");
}

/**
 * Writes the report to `path`: first to a file beside it, renamed into place once whole, so a
 * report that fails validation half way leaves no half a file (and an earlier report stays).
 */
export async function writeReportFile(path: string, report: Report): Promise<void> {
  const dir = dirname(resolve(path));
  await mkdir(dir, { recursive: true });
  const partial = join(dir, `.${basename(path)}.${process.pid}.partial`);
  let file: FileHandle;
  try {
    file = await open(partial, "w");
  } catch (error) {
    throw named(error, partial, path);
  }
  let closed = false;
  try {
    // appendFile writes a whole piece (writing again where a short write stopped).
    for (const text of batched(reportJson(report))) await file.appendFile(text, "utf8");
    await file.close();
    closed = true;
    await rename(partial, path);
  } catch (error) {
    if (!closed) await file.close();
    await rm(partial, { force: true });
    throw named(error, partial, path);
  }
}

/** A file system error about the file beside `path` said of `path`: the user never named the other. */
function named(error: unknown, partial: string, path: string): unknown {
  // Not `instanceof Error`: an error of node's own may come from another realm (a vm, jest).
  const refusal = error as Partial<NodeJS.ErrnoException> | null;
  if (typeof refusal?.message !== "string" || refusal.path !== partial) return error;
  return Object.assign(new Error(refusal.message.split(partial).join(path)), refusal, { path });
}

/** The report's whole text (for stdout, `--json -`). */
export const reportText = (report: Report): string => [...reportJson(report)].join("");
