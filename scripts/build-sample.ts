/** Writes samples/sample.xlsx from the transcribed seed: `npm run sample`. */
import { join } from "node:path";
import { loadSeed } from "../test/support/seed";
import { buildSampleWorkbook } from "../test/support/seed-workbook";

async function main(): Promise<void> {
  const out = join(__dirname, "..", "samples", "sample.xlsx");
  await buildSampleWorkbook(loadSeed()).xlsx.writeFile(out);
  console.log(`wrote ${out}`);
}

void main();
