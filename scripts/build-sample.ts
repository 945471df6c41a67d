/**
 * `npm run sample`: writes the bundled samples from the transcribed seed —
 * samples/sample.xlsx (the targets as staff keep them) and samples/monitoring.xlsx (the same
 * projects during the year, with actual values and spending).
 */
import { join } from "node:path";
import { loadSeed } from "../test/support/seed";
import { MONITORING_SAMPLE, monitoringWorkbook } from "../test/support/monitoring-workbook";
import { addDefinitionSheet, buildSampleWorkbook, dress } from "../test/support/seed-workbook";

async function main(): Promise<void> {
  const seed = loadSeed();
  const dir = join(__dirname, "..", "samples");
  await buildSampleWorkbook(seed).xlsx.writeFile(join(dir, "sample.xlsx"));
  const monitoring = monitoringWorkbook(seed, MONITORING_SAMPLE);
  addDefinitionSheet(monitoring);
  dress(monitoring);
  // Fixed dates keep the committed file byte-stable across rebuilds.
  monitoring.created = monitoring.modified = new Date(Date.UTC(2026, 0, 1));
  await monitoring.xlsx.writeFile(join(dir, "monitoring.xlsx"));
  console.log(`wrote ${dir}/sample.xlsx, ${dir}/monitoring.xlsx`);
}

void main();
