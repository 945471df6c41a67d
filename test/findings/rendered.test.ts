import { execFile } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { main } from "../../src/cli/main";
import { loadSeed } from "../support/seed";
import { assertLibreOffice, findColour, pageImage, pdfPages, pdfText, toPdf } from "../support/libreoffice";

const run = promisify(execFile);
const SAMPLES = join(__dirname, "..", "..", "samples");
/** Pages of the 绩效目标表 that LibreOffice printed for the samples before the blocks were packed. */
const PAGES_BEFORE = { sample: 11, monitoring: 15 } as const;
/** Excel's default margins, which the checked copy keeps: 0.75" top and bottom. */
const MARGIN = 54;

/** How far down its printable area a page's content reaches, 0–1, from the words' boxes. */
async function fill(pdf: string, page: number): Promise<number> {
  const { stdout } = await run("pdftotext", ["-bbox", "-f", String(page), "-l", String(page), pdf, "-"], {
    maxBuffer: 16 * 1024 * 1024,
  });
  const height = Number(/<page width="[\d.]+" height="([\d.]+)"/.exec(stdout)?.[1]);
  const bottoms = [...stdout.matchAll(/yMax="([\d.]+)"/g)].map((m) => Number(m[1]));
  return (Math.max(...bottoms) - MARGIN) / (height - 2 * MARGIN);
}

type Rendered = { pdf: string; pages: { page: number; text: string }[] };

/** `check-targets <sample> --out …` as the demo runs it, then LibreOffice's PDF of the copy. */
async function render(name: keyof typeof PAGES_BEFORE): Promise<Rendered> {
  const dir = await mkdtemp(join(tmpdir(), "check-targets-rendered-"));
  const out = join(dir, `${name}.checked.xlsx`);
  const io = { stdout: () => undefined, stderr: (t: string) => console.error(t), now: () => new Date(2026, 5, 30) };
  expect(await main([join(SAMPLES, `${name}.xlsx`), "--out", out, "--as-of", "2026-06-30"], io)).toBeLessThanOrEqual(1);
  const pdf = await toPdf(out);
  const count = await pdfPages(pdf);
  const pages = [];
  for (let page = 1; page <= count; page++) pages.push({ page, text: await pdfText(pdf, page) });
  return { pdf, pages };
}

/** The pages of the 绩效目标表: those with a block title ("3.（2）…绩效目标表"). */
const tablePages = (r: Rendered) => r.pages.filter((p) => /^\s*\d+\.\S.*绩效目标表\s*$/m.test(p.text));
/**
 * The 绩效目标表 is the copy's last sheet: every page from its first on must open with a block, or
 * a block was split across pages (a page holding only a block's tail has no title).
 */
const noSplitBlocks = (r: Rendered) => {
  const first = r.pages.findIndex((p) => /^\s*\d+\.\S.*绩效目标表\s*$/m.test(p.text));
  expect(first).toBeGreaterThanOrEqual(0);
  expect(r.pages.slice(first).map((p) => p.page)).toEqual(tablePages(r).map((p) => p.page));
};
const titlesOn = (text: string) => [...text.matchAll(/^\s*(\d+)\.\S.*绩效目标表\s*$/gm)].map((m) => Number(m[1]));

describe("the checked samples, printed by LibreOffice", () => {
  beforeAll(assertLibreOffice);

  it("print the sample's 绩效目标表 on fewer pages, none less than half full but the last", async () => {
    const r = await render("sample");
    const pages = tablePages(r);
    const titles = pages.flatMap((p) => titlesOn(p.text));
    expect(titles).toEqual(loadSeed().projects.map((_, i) => i + 1));
    expect(pages.length).toBeLessThan(PAGES_BEFORE.sample);
    noSplitBlocks(r);
    const fills = await Promise.all(pages.map((p) => fill(r.pdf, p.page)));
    expect(fills.slice(0, -1).filter((f) => f < 0.5)).toEqual([]);
    // Without the marker on paper.
    expect(r.pages.map((p) => p.text).join("")).not.toContain("check-targets:");
  }, 180_000);

  it("print the monitoring sample's 绩效目标表 block by block, and its 检查结果 with the header on every page", async () => {
    const r = await render("monitoring");
    const pages = tablePages(r);
    // Landscape with the monitoring columns: every block whole and in order, packed two to a page
    // where they fit, no page but the last under half full.
    const titles = pages.flatMap((p) => titlesOn(p.text));
    expect(titles).toEqual(loadSeed().projects.map((_, i) => i + 1));
    expect(pages.length).toBeLessThan(PAGES_BEFORE.monitoring);
    expect(pages.length).toBe(Math.ceil(titles.length / 2));
    noSplitBlocks(r);
    const fills = await Promise.all(pages.map((p) => fill(r.pdf, p.page)));
    expect(fills.slice(0, -1).filter((f) => f < 0.5)).toEqual([]);
    expect(fills.every((f) => f <= 1)).toBe(true);
    expect(pages.some((p) => p.text.includes("偏差原因"))).toBe(true);
    const amber = pages.find((p) => /招商经费绩效目标表/.test(p.text))!;
    expect(amber.text).toMatch(/监控：黄灯/);
    expect(amber.text).toMatch(/有警告，见检查结果/);
    expect(amber.text).toMatch(/→\d+/);

    const findings = r.pages.filter((p) => /序号\s+类别\s+项目编码/.test(p.text));
    expect(findings.length).toBeGreaterThanOrEqual(2);
    expect(findings[0]!.text).toMatch(/检查结果/);
    expect(findings[0]!.text).toMatch(/截至日期：2026-06-30/);
    // The rows are coloured by severity: light red for errors, light yellow for warnings.
    const image = await pageImage(r.pdf, findings[0]!.page, 40);
    expect(findColour(image, "FFEB9C").count).toBeGreaterThan(0);
  }, 180_000);
});
