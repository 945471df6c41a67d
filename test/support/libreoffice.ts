import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** LibreOffice and poppler come from Debian's packages; .ci/run installs them. */
export const SOFFICE = "/usr/bin/soffice";

export function assertLibreOffice(): void {
  if (!existsSync(SOFFICE)) {
    throw new Error(
      "LibreOffice is missing: apt-get install -y --no-install-recommends libreoffice-calc-nogui poppler-utils fonts-wqy-zenhei",
    );
  }
}

/** Converts a workbook with LibreOffice into `format` ("pdf", "xlsx" …); returns the new file. */
export async function convert(file: string, format: string): Promise<string> {
  const [converted] = await convertAll([file], format);
  if (converted === undefined) throw new Error(`LibreOffice did not convert ${file} to ${format}`);
  return converted;
}

/**
 * Converts workbooks (of different base names) in one start of LibreOffice, which opens each as a
 * colleague would, computing its formulas; returns the new files in the same order.
 */
export async function convertAll(files: readonly string[], format: string): Promise<string[]> {
  const out = await mkdtemp(join(tmpdir(), "check-targets-lo-"));
  const profile = await mkdtemp(join(tmpdir(), "check-targets-lo-profile-"));
  const args = [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", format];
  await run(SOFFICE, [...args, "--outdir", out, ...files], { timeout: 120_000 });
  return files.map((file) => {
    const converted = join(out, `${basename(file).replace(/\.[^.]+$/, "")}.${format}`);
    if (!existsSync(converted)) throw new Error(`LibreOffice did not convert ${file} to ${format}`);
    return converted;
  });
}

/** Converts a workbook to PDF as LibreOffice opens it: every sheet a page or more, in tab order. */
export const toPdf = (xlsx: string): Promise<string> => convert(xlsx, "pdf");

export async function pdfPages(pdf: string): Promise<number> {
  const { stdout } = await run("pdfinfo", [pdf]);
  return Number(/Pages:\s+(\d+)/.exec(stdout)?.[1] ?? 0);
}

export async function pdfText(pdf: string, page?: number): Promise<string> {
  const range = page === undefined ? [] : ["-f", String(page), "-l", String(page)];
  const { stdout } = await run("pdftotext", ["-layout", ...range, pdf, "-"], { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

export type Image = { width: number; height: number; rgb: Buffer };

/** One page as raw RGB pixels (PPM needs no decoder library). */
export async function pageImage(pdf: string, page: number, dpi = 60): Promise<Image> {
  const prefix = join(await mkdtemp(join(tmpdir(), "check-targets-ppm-")), "p");
  await run("pdftoppm", ["-r", String(dpi), "-f", String(page), "-l", String(page), "-singlefile", pdf, prefix]);
  const bytes = await readFile(`${prefix}.ppm`);
  // P6\n<w> <h>\n255\n<rgb…>
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 50).toString("latin1"));
  if (!header?.[1] || !header[2]) throw new Error("not a binary PPM");
  return { width: Number(header[1]), height: Number(header[2]), rgb: bytes.subarray(header[0].length) };
}

/** Pixels within `tolerance` of an RGB colour, and their bounding box. */
export function findColour(
  image: Image,
  hex: string,
  tolerance = 12,
): { count: number; box: { x0: number; y0: number; x1: number; y1: number } | null } {
  const [r, g, b] = [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  let count = 0;
  let box: { x0: number; y0: number; x1: number; y1: number } | null = null;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const i = (y * image.width + x) * 3;
      const near =
        Math.abs((image.rgb[i] ?? 0) - r) <= tolerance &&
        Math.abs((image.rgb[i + 1] ?? 0) - g) <= tolerance &&
        Math.abs((image.rgb[i + 2] ?? 0) - b) <= tolerance;
      if (!near) continue;
      count++;
      box =
        box === null
          ? { x0: x, y0: y, x1: x, y1: y }
          : { x0: Math.min(box.x0, x), y0: Math.min(box.y0, y), x1: Math.max(box.x1, x), y1: Math.max(box.y1, y) };
    }
  }
  return { count, box };
}
