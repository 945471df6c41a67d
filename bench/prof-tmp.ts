import { Session } from "node:inspector/promises";
import { writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { checkWorkbook } from "../src/core";
import { openWorkbook, workbookData } from "../src/xlsx";
async function main() {
  const file = process.argv[2]!;
  const data = workbookData(await openWorkbook(file));
  (globalThis as any).gc?.();
  const s = new Session(); s.connect();
  await s.post("Profiler.enable");
  await s.post("Profiler.setSamplingInterval", { interval: 100 });
  await s.post("Profiler.start");
  const times: number[] = [];
  for (let i = 0; i < Number(process.argv[3] ?? 5); i++) {
    const t = performance.now();
    checkWorkbook(data, { asOf: "2026-06-30", locale: "zh-CN", source: file });
    times.push(Math.round(performance.now() - t));
  }
  const { profile } = await s.post("Profiler.stop");
  writeFileSync("/tmp/prof/check.cpuprofile", JSON.stringify(profile));
  console.log(times);
}
main();
