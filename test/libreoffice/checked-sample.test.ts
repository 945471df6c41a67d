import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { loadSeed } from "../support/seed";
import { assertLibreOffice, findColour, pageImage, pdfPages, pdfText, toPdf } from "../support/libreoffice";

/** `check-targets sample.xlsx --out checked.xlsx`, opened by LibreOffice as a colleague would. */
describe("the checked sample in LibreOffice", () => {
  beforeAll(assertLibreOffice);

  it("converts to PDF and PNG, with every project's 绩效目标表 block and the flags drawn", async () => {
    const dir = await mkdtemp(join(tmpdir(), "check-targets-checked-"));
    const out = join(dir, "checked.xlsx");
    const io = { stdout: () => undefined, stderr: (t: string) => console.error(t), now: () => new Date(2026, 5, 30) };
    await main([join(__dirname, "..", "..", "samples", "sample.xlsx"), "--out", out], io);
    const pdf = await toPdf(out);
    const pages = await pdfPages(pdf);
    expect(pages).toBeGreaterThan(10);
    const text = await pdfText(pdf);
    for (const p of loadSeed().projects) expect(text).toContain(`${p.table}.${p.name}绩效目标表`);
    // The hidden helper sheet is not printed; the marker beside the table is outside the print area.
    expect(text).not.toContain("check-targets:");
    // Red flags on the staff sheets (the two missing satisfaction targets).
    let red = 0;
    for (let page = 1; page <= pages; page++) red += findColour(await pageImage(pdf, page, 30), "FFC7CE").count;
    expect(red).toBeGreaterThan(0);
  }, 180_000);
});
