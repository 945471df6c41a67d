/**
 * `npm run images`: renders the README's pictures of the checked sample with LibreOffice —
 * a flagged staff sheet, one 绩效目标表 block and the findings sheet — into docs/images/.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../src/cli/main";
import { assertLibreOffice, pdfPages, pdfText, toPdf } from "../test/support/libreoffice";

const root = join(__dirname, "..");

async function firstPage(pdf: string, pages: number, test: (text: string) => boolean): Promise<number> {
  for (let page = 1; page <= pages; page++) if (test(await pdfText(pdf, page))) return page;
  throw new Error("page not found");
}

function png(
  pdf: string,
  page: number,
  out: string,
  dpi: number,
  crop: { x: number; y: number; w: number; h: number },
): void {
  const args = ["-png", "-r", String(dpi), "-f", String(page), "-l", String(page), "-singlefile"];
  args.push("-x", String(crop.x), "-y", String(crop.y), "-W", String(crop.w), "-H", String(crop.h));
  execFileSync("pdftoppm", [...args, pdf, out]);
  console.log(`wrote ${out}.png`);
}

async function render(): Promise<void> {
  assertLibreOffice();
  const checked = join(mkdtempSync(join(tmpdir(), "check-targets-images-")), "sample.checked.xlsx");
  const io = { stdout: () => undefined, stderr: (t: string) => console.error(t), now: () => new Date() };
  await main([join(root, "samples", "sample.xlsx"), "--out", checked, "--as-of", "2026-06-30"], io);
  const pdf = await toPdf(checked);
  const pages = await pdfPages(pdf);
  const list = await firstPage(pdf, pages, (t) => t.includes("2021年项目支出绩效指标"));
  const table = await firstPage(pdf, pages, (t) => t.includes("1.（2）宝泰南北楼等隔离点安装空调相关费用绩效目标表"));
  png(pdf, list, join(root, "docs", "images", "flagged-sheet"), 120, { x: 60, y: 60, w: 1260, h: 560 });
  png(pdf, table, join(root, "docs", "images", "target-table"), 110, { x: 70, y: 75, w: 730, h: 334 });
  // The findings sheet (检查结果): its head and first rows, A4 landscape.
  const findings = await firstPage(pdf, pages, (t) => /序号\s+类别\s+项目编码/.test(t));
  png(pdf, findings, join(root, "docs", "images", "findings-sheet"), 110, { x: 70, y: 75, w: 1150, h: 458 });
}

void render();
