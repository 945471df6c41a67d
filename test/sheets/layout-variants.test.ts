import { planSettingsSheet, type CheckResult, type Finding } from "../../src/core";
import { checkBuilt } from "../support/check-workbook";
import { loadSeed } from "../support/seed";
import { addPlannedSheet, baseline, VARIANTS } from "./seed-layouts";

/** Details that name a cell: they move with the layout, the finding does not. */
const CELL_DETAILS = new Set(["first", "goalCell"]);

function findingKey(f: Finding): string {
  const details = Object.entries(f.details)
    .filter(([k]) => !CELL_DETAILS.has(k))
    // The split template shows "≤25000元" where the cell said "≤25000 元": same target.
    .map(([k, v]) => [k, typeof v === "string" ? v.replace(/\s+/g, "") : v]);
  return JSON.stringify([f.rule, f.severity, f.project, f.indicator, details]);
}

/** What must not depend on the layout: projects, indicators (with their definitions), goals, findings. */
function projection(result: CheckResult) {
  const byCode = new Map(result.model.projects.map((p) => [p.key, p]));
  return {
    projects: result.report.projects
      .map((p) => {
        const model = byCode.get(p.code ?? "");
        return {
          code: p.code,
          name: p.name,
          budget: p.budget,
          fiscal: p.fiscal,
          other: p.other,
          plan: p.plan,
          use: model?.use,
          goals: model?.goals,
          unit: model?.unit,
          indicators: p.indicators.map((i) => ({
            level1: i.level1,
            level2: i.level2,
            name: i.name,
            description: i.description,
            target:
              i.target.parsed.kind === "quantitative"
                ? [i.target.parsed.operator, i.target.parsed.value, i.target.parsed.unit?.dimension]
                : i.target.parsed.kind === "qualitative"
                  ? [i.target.parsed.text.trim()]
                  : [i.target.parsed.kind],
            definition: i.definition,
          })),
        };
      })
      .sort((a, b) => (a.code ?? "").localeCompare(b.code ?? "")),
    goals: result.report.goals.map((g) => [g.name, g.target.text]),
    findings: result.findings.map(findingKey).sort(),
  };
}

describe("the seed in every layout staff keep", () => {
  const seed = loadSeed();
  let expected: ReturnType<typeof projection>;
  beforeAll(async () => {
    expected = projection(await checkBuilt(baseline(seed)));
  });

  it("has a baseline worth comparing with: every project, indicator, goal and the seed's defects", () => {
    expect(expected.projects).toHaveLength(15);
    expect(expected.projects.flatMap((p) => p.indicators)).toHaveLength(95);
    expect(expected.projects.every((p) => p.indicators.every((i) => i.definition !== null))).toBe(true);
    expect(expected.goals).toHaveLength(12);
    // 40 since issue 12 (was 23): 15 时效 targets without a time and two misfiled indicators.
    expect(expected.findings).toHaveLength(40);
  });

  it.each(VARIANTS.map((v) => [v.name, v] as const))(
    "%s: same projects, indicators and findings",
    async (_, variant) => {
      const result = await checkBuilt(variant.build(seed));
      expect(result.model.skipped).toEqual([]);
      expect(projection(result)).toEqual(expected);
    },
  );

  it.each(VARIANTS.map((v) => [v.name, v] as const))(
    "%s: read the same again through the mapping it saved",
    async (_, variant) => {
      const first = await checkBuilt(variant.build(seed));
      const wb = variant.build(seed);
      addPlannedSheet(wb, planSettingsSheet(first.settings, first.mapping));
      const again = await checkBuilt(wb);
      expect(again.model.layouts.every((l) => l.source === "saved")).toBe(true);
      expect(again.model.layouts.map((l) => [l.sheet, l.kind, l.headerRow])).toEqual(
        first.model.layouts.map((l) => [l.sheet, l.kind, l.headerRow]),
      );
      expect(projection(again)).toEqual(expected);
    },
  );
});
