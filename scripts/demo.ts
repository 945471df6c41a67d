/**
 * `npm run demo`: checks the bundled samples as a user would, with the real command, and writes
 * the checked copies and the reports into samples/out/: the target review of sample.xlsx, then
 * the mid-year monitoring of monitoring.xlsx. Error findings are the point of the demo, so exit
 * status 1 (errors found) counts as success here; 2 (unreadable) and bugs do not.
 */
import { join } from "node:path";
import { main } from "../src/cli/main";

const root = join(__dirname, "..");
const io = {
  stdout: (t: string) => console.log(t),
  stderr: (t: string) => console.error(`check-targets: ${t}`),
  now: () => new Date(),
};

async function checkSample(name: string, asOf: string): Promise<number> {
  const checked = join("samples", "out", `${name}.checked.xlsx`);
  const report = join("samples", "out", `${name}.report.json`);
  const code = await main(
    [
      join(root, "samples", `${name}.xlsx`),
      "--out",
      join(root, checked),
      "--json",
      join(root, report),
      "--as-of",
      asOf,
    ],
    io,
  );
  console.log(`→ ${checked}\n→ ${report}\n`);
  return code;
}

async function demo(): Promise<void> {
  const codes = [await checkSample("sample", "2026-06-30"), await checkSample("monitoring", "2026-06-30")];
  process.exitCode = codes.every((c) => c <= 1) ? 0 : Math.max(...codes);
}

void demo();
