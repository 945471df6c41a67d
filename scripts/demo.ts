/**
 * `npm run demo`: checks the bundled sample as a user would, with the real command, and
 * writes the checked copy and the report. Error findings are the point of the demo, so exit
 * status 1 (errors found) counts as success here; 2 (unreadable) and bugs do not.
 */
import { join } from "node:path";
import { main } from "../src/cli/main";

const root = join(__dirname, "..");
const out = join(root, "samples", "out");

async function demo(): Promise<void> {
  const code = await main(
    [
      join(root, "samples", "sample.xlsx"),
      "--out",
      join(out, "sample.checked.xlsx"),
      "--json",
      join(out, "sample.report.json"),
      "--as-of",
      "2026-06-30",
    ],
    { stdout: (t) => console.log(t), stderr: (t) => console.error(`check-targets: ${t}`), now: () => new Date() },
  );
  console.log(
    `\n→ ${join("samples", "out", "sample.checked.xlsx")}\n→ ${join("samples", "out", "sample.report.json")}`,
  );
  process.exitCode = code <= 1 ? 0 : code;
}

void demo();
