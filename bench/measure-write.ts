import { generatedData } from "../bench/generated-workbook";
import { checkWorkbook, planCheckedWorkbook, planFlagWrite } from "../src/core";
import { ExcelWorkbook } from "../src/excel";
import { FakeExcel, workbookFromData } from "../test/support/office-model";
import { loadSeed } from "../test/support/seed";
const OPTIONS = { asOf: "2026-06-30", locale: "zh-CN", source: "list.xlsx" } as const;
async function main() {
  const seed = loadSeed();
  for (const n of [95, 1000, 5000]) {
    for (const platform of ["desktop", "web"] as const) {
      for (const kind of ["flags", "checked"] as const) {
        const data = generatedData(seed, n);
        const fake = new FakeExcel(workbookFromData(data, { excelApi: "1.13", platform }));
        const port = new ExcelWorkbook({ host: fake.host() });
        let t = Date.now();
        const read = await port.read();
        const readSyncs = fake.syncs;
        const tr = Date.now() - t;
        const result = checkWorkbook(read, OPTIONS);
        const plan = kind === "flags" ? planFlagWrite(read, result) : planCheckedWorkbook(read, result);
        const r0 = fake.requests.length;
        t = Date.now();
        await port.apply(plan);
        const reqs = fake.requests.slice(r0);
        console.log(
          JSON.stringify({
            n,
            platform,
            kind,
            readSyncs,
            writeSyncs: fake.syncs - readSyncs,
            maxRequest: Math.max(...reqs),
            totalRequest: reqs.reduce((a, b) => a + b, 0),
            largestResponse: fake.largestResponse,
            readMs: tr,
            writeMs: Date.now() - t,
          }),
        );
      }
    }
  }
}
void main();
