import type { Finding, Report, Severity } from "../core";
import { changesBetween } from "./finding-key";
import { filterRows, OTHER_GROUP, prepareFindings, rowAtCell, type ListFilter, type ListRow } from "./finding-list";

const finding = (
  severity: Severity,
  projectKey: string | null,
  cell: string,
  rule: Finding["rule"] = "target-missing",
): Finding => ({
  rule,
  severity,
  sheet: "绩效指标",
  cell,
  project: projectKey,
  projectKey,
  indicator: `指标${cell}`,
  details: { target: "" },
});

const project = (code: string, name: string): Report["projects"][number] =>
  ({ code, name, light: "green", score: null }) as Report["projects"][number];

const REPORT = { projects: [project("A1", "甲"), project("B2", "乙"), project("C3", "丙")] };
const KEYS = ["A1", "B2", "C3"];
const ALL: ListFilter = {
  severities: new Set(["error", "warning", "info"]),
  projects: new Set(),
  lights: new Set(),
  rule: null,
  query: "",
};

describe("the findings list as data", () => {
  const findings = [
    finding("info", "A1", "G2"),
    finding("warning", "A1", "G3", "target-direction"),
    finding("error", "B2", "G9"),
    finding("warning", "C3", "G12", "target-direction"),
    finding("info", null, "B4", "settings-invalid"),
  ];
  const prepared = prepareFindings(findings, REPORT, KEYS, "zh-CN", "其他");

  it("puts projects with errors first, then warnings; within a project errors, warnings, notes", () => {
    const rows = filterRows(prepared, ALL);
    expect(rows.map((r) => (r.type === "project" ? `#${r.group.name}` : r.item.finding.cell))).toEqual([
      "#乙",
      "G9",
      "#甲",
      "G3",
      "G2",
      "#丙",
      "G12",
      "#其他",
      "B4",
    ]);
  });

  it("counts per project and per rule, most frequent rule first", () => {
    expect(prepared.groups.get("A1")?.counts).toEqual({ error: 0, warning: 1, info: 1 });
    expect(prepared.rules[0]).toEqual({ rule: "target-missing", count: 2 });
    expect(prepared.totals).toEqual({ error: 1, warning: 2, info: 2 });
  });

  it("filters by severity, project, rule and search text, keeping a header per shown project", () => {
    const problems = filterRows(prepared, { ...ALL, severities: new Set(["error", "warning"]) });
    expect(problems.filter((r) => r.type === "finding")).toHaveLength(3);
    const onlyA = filterRows(prepared, { ...ALL, projects: new Set(["A1"]) });
    expect(onlyA.map((r) => r.key)).toEqual([
      "project:A1",
      expect.stringContaining("G3"),
      expect.stringContaining("G2"),
    ]);
    expect(filterRows(prepared, { ...ALL, rule: "target-direction" }).filter((r) => r.type === "finding")).toHaveLength(
      2,
    );
    const searched = filterRows(prepared, { ...ALL, query: " 指标g12 " });
    expect(searched.map((r) => (r.type === "project" ? r.shown : r.item.finding.cell))).toEqual([1, "G12"]);
    // The project code is searchable too.
    expect(filterRows(prepared, { ...ALL, query: "b2" }).filter((r) => r.type === "finding")).toHaveLength(1);
  });

  it("filters by the projects' traffic lights, leaving out findings of no project", () => {
    const lit = prepareFindings(
      findings,
      { projects: [{ ...project("A1", "甲"), light: "red" }, { ...project("B2", "乙"), light: "amber" }, project("C3", "丙")] },
      KEYS,
      "zh-CN",
      "其他",
    );
    const projectsOf = (rows: ListRow[]) => rows.flatMap((r) => (r.type === "project" ? [r.group.key] : []));
    expect(projectsOf(filterRows(lit, { ...ALL, lights: new Set(["red"]) }))).toEqual(["A1"]);
    expect(projectsOf(filterRows(lit, { ...ALL, lights: new Set(["red", "green"]) })).sort()).toEqual(["A1", "C3"]);
    expect(projectsOf(filterRows(lit, { ...ALL, lights: new Set(["blue"]) }))).toEqual([]);
    // No light chosen: every project, and the findings of none (settings, definitions).
    expect(projectsOf(filterRows(lit, ALL))).toContain(OTHER_GROUP);
  });

  it("finds the finding at a cell Excel selected, a range by its first cell", () => {
    const rows = filterRows(prepared, ALL);
    expect(rowAtCell(rows, "绩效指标", "G9")?.key).toContain("G9");
    expect(rowAtCell(rows, "绩效指标", "'绩效指标'!$G$3:$H$4")?.key).toContain("G3");
    expect(rowAtCell(rows, "绩效指标", "Z1")).toBeNull();
  });

  it("tells what a re-check changed, counting repeated findings", () => {
    const before = [finding("error", "B2", "G9"), finding("warning", "A1", "G3"), finding("warning", "A1", "G3")];
    const after = [finding("warning", "A1", "G3"), finding("error", "C3", "G20")];
    expect(changesBetween(before, after)).toEqual({ resolved: 2, added: 1 });
    expect(changesBetween(after, after)).toEqual({ resolved: 0, added: 0 });
  });

  it("keeps a key per finding that survives a re-check and is unique within one", () => {
    const twice = prepareFindings(
      [finding("error", "B2", "G9"), finding("error", "B2", "G9")],
      REPORT,
      KEYS,
      "zh-CN",
      "其他",
    );
    const keys = twice.items.map((i) => i.key);
    expect(new Set(keys).size).toBe(2);
    expect(prepareFindings([finding("error", "B2", "G9")], REPORT, KEYS, "zh-CN", "其他").items[0]?.key).toBe(keys[0]);
  });
});
