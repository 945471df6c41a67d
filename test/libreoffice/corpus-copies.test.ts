import { existsSync } from "node:fs";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { writeCheckedCopy } from "../../src/xlsx";
import { corpusFile, corpusWorkbooks, fullPlan, worksheetNames } from "../roundtrip/corpus";
import { assertLibreOffice, convert } from "../support/libreoffice";

/**
 * Checked copies of a sample of real workbooks, of the kinds the writer edits most carefully
 * (a macro workbook, prefixed XML, Google Sheets, charts, pivots, in-cell pictures), opened by
 * LibreOffice (a private profile each) and saved again: every sheet of the original and ours are there.
 */
const SAMPLE = [
  "0016_0-www-crossref-org.lib.rivier.edu_education-files_suffix-generator.xlsm",
  "0154_59021.xlsx",
  "0468_google-sheets.xlsx",
  "0021_45540_classic_Footer.xlsx",
  "0426_pivots.xlsx",
  "0424_picture_richdata.xlsx",
];

describe("checked copies of corpus workbooks in LibreOffice", () => {
  const present = corpusWorkbooks().length > 0 && SAMPLE.every((f) => existsSync(corpusFile(f)));
  if (!present) {
    it.skip("needs ../shared/corpus, which is absent here", () => undefined);
    return;
  }
  beforeAll(assertLibreOffice);

  it.each(SAMPLE)("%s opens with every sheet, ours included", async (name) => {
    const original = await readFile(corpusFile(name));
    const sheets = await worksheetNames(original);
    const copy = await writeCheckedCopy(original, [fullPlan(sheets[0]!)]);
    expect(copy.lost).toEqual([]);
    const file = join(await mkdtemp(join(tmpdir(), "check-targets-lo-corpus-")), `copy${extname(name)}`);
    await writeFile(file, copy.bytes);
    const resaved = await readFile(await convert(file, "xlsx"));
    const names = await worksheetNames(resaved);
    for (const sheet of [...sheets, "绩效目标表", "检查目标_辅助"]) expect(names).toContain(sheet);
  }, 180_000);
});
