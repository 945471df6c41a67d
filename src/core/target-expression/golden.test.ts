import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { parseTarget } from "./parse";
import { targetExpressionSchema } from "./schema";

/**
 * Golden target expressions: every *.json in test/fixtures/target-expressions is a list of
 * { input, expected, note? }. seed.json holds every 指标值 of the seed, variants.json the forms staff
 * type, must-fail.json the unparseable and missing ones.
 */
const FOLDER = join(__dirname, "..", "..", "..", "test", "fixtures", "target-expressions");
const caseSchema = z.object({ input: z.string(), expected: targetExpressionSchema, note: z.string().optional() });

const files = readdirSync(FOLDER)
  .filter((f) => f.endsWith(".json"))
  .sort();
const cases = files.flatMap((file) =>
  z
    .array(caseSchema)
    .parse(JSON.parse(readFileSync(join(FOLDER, file), "utf8")))
    .map((c) => ({
      ...c,
      file,
      name: `${file} ${JSON.stringify(c.input)}${c.note === undefined ? "" : ` (${c.note})`}`,
    })),
);

describe("golden target expressions", () => {
  it("has the three fixture files", () => {
    expect(files).toEqual(expect.arrayContaining(["must-fail.json", "seed.json", "variants.json"]));
  });

  it.each(cases)("$name", ({ file, input, expected }) => {
    const parsed = parseTarget(input);
    expect(parsed).toEqual(expected);
    if (file === "must-fail.json") expect(["missing", "unparseable"]).toContain(parsed.kind);
  });
});
