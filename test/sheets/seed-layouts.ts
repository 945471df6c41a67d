import ExcelJS from "exceljs";
import { parseTarget, type SheetPlan } from "../../src/core";
import type { Seed, SeedProject } from "../support/seed";
import {
  addDefinitionSheet,
  addGoalList,
  addIndicatorList,
  addProjectList,
  addStandardForms,
  buildSampleWorkbook,
} from "../support/seed-workbook";

/**
 * The seed laid out in every layout of docs/layouts.md and in variants staff produce. Each workbook holds
 * the department's 指标定义 sheet, so mapping is compared along with everything else.
 */
export type Variant = { name: string; build: (seed: Seed) => ExcelJS.Workbook };

const SYMBOLS: Record<string, string> = { ">=": "≥", "<=": "≤", "=": "=", ">": ">", "<": "<" };

/** A seed target split as newer templates keep it: operator | value | unit. */
export function splitTarget(raw: string): [string, string | number, string] {
  const t = parseTarget(raw);
  switch (t.kind) {
    case "quantitative":
      return [
        t.operator === null || t.operator === "range" ? "" : (SYMBOLS[t.operator] ?? ""),
        t.value,
        t.unit?.text ?? "",
      ];
    case "missing":
      return [t.operator === null || t.operator === "range" ? "" : (SYMBOLS[t.operator] ?? ""), "", t.unit?.text ?? ""];
    default:
      return ["定性", raw.trim(), ""];
  }
}

function workbook(fill: (wb: ExcelJS.Workbook) => void): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  addDefinitionSheet(wb);
  return wb;
}

/** An indicator list whose target is split over 指标方向 (operators), 指标值, 计量单位, with 指标性质 saying 正向/反向. */
function splitList(wb: ExcelJS.Workbook, projects: readonly SeedProject[]): void {
  const ws = wb.addWorksheet("绩效指标");
  ws.addRow(["2021年项目支出绩效指标（新模板）"]);
  ws.addRow([
    "项目编码",
    "一级指标",
    "二级指标",
    "三级指标",
    "指标性质",
    "指标方向",
    "指标值",
    "计量单位",
    "指标值确定依据",
    "指标描述",
  ]);
  for (const p of projects) {
    for (const ind of p.indicators) {
      const [op, value, unit] = splitTarget(ind.targetRaw);
      const direction = ind.level2 === "成本指标" ? "反向" : "正向";
      ws.addRow([p.code, ind.level1, ind.level2, ind.name, direction, op, value, unit, ind.basis, ind.description]);
    }
  }
}

/** A project list whose plan sits under a merged 资金支出计划（%） header, one header row lower. */
function twoRowHeaderProjects(wb: ExcelJS.Workbook, projects: readonly SeedProject[]): void {
  const ws = wb.addWorksheet("项目清单");
  ws.addRow([
    "单位",
    "项目编码",
    "项目名称",
    "预算数",
    "财政资金",
    "其他资金",
    "资金用途",
    "资金支出计划（%）",
    null,
    null,
    null,
    "绩效目标",
  ]);
  ws.addRow([null, null, null, null, null, null, null, "3月底", "6月底", "10月底", "12月底", null]);
  for (const c of [1, 2, 3, 4, 5, 6, 7, 12]) ws.mergeCells(1, c, 2, c);
  ws.mergeCells(1, 8, 1, 11);
  for (const p of projects) ws.addRow([p.unit, p.code, p.name, p.budget, p.fiscal, p.other, p.use, ...p.plan, p.goals]);
}

export const VARIANTS: readonly Variant[] = [
  {
    name: "flat list without title rows or merged cells",
    build: (seed) =>
      workbook((wb) => {
        addProjectList(wb, seed.projects, "项目清单", { titleRows: 0 });
        addIndicatorList(wb, seed.projects, "绩效指标", { titleRows: 0 });
        addGoalList(wb, seed);
      }),
  },
  {
    name: "columns reordered and renamed below five title rows, budget in a date format",
    build: (seed) =>
      workbook((wb) => {
        const ws = addProjectList(wb, seed.projects, "项目", {
          titleRows: 5,
          order: [
            "name",
            "code",
            "budget",
            "fiscal",
            "other",
            "plan0",
            "plan1",
            "plan2",
            "plan3",
            "use",
            "goals",
            "unit",
          ],
          headers: {
            code: "项目代码",
            budget: "年度预算数(万元)",
            fiscal: "财政拨款",
            other: "其中：其他资金",
            plan0: "一季度",
            plan1: "二季度",
            plan2: "三季度",
            plan3: "四季度",
            unit: "预算单位",
            goals: "年度绩效目标",
          },
        });
        // A date format copied onto the budget column: the cells still hold the budget.
        ws.getColumn(3).numFmt = "yyyy-mm-dd";
        addIndicatorList(wb, seed.projects, "指标", {
          titleRows: 5,
          merge: true,
          order: ["target", "name", "level2", "level1", "code", "basis", "description", "project"],
          headers: {
            target: "年度指标值",
            name: "指标名称",
            description: "指标说明",
            basis: "确定依据",
            code: "项目代码",
          },
        });
        addGoalList(wb, seed, "部门目标");
      }),
  },
  {
    name: "English headers",
    build: (seed) =>
      workbook((wb) => {
        addProjectList(wb, seed.projects, "Projects", {
          headers: {
            unit: "Unit",
            code: "Project code",
            name: "Project name",
            budget: "Budget (10k yuan)",
            fiscal: "Fiscal funds",
            other: "Other funds",
            use: "Use of funds",
            plan0: "Q1",
            plan1: "Q2",
            plan2: "Q3",
            plan3: "Q4",
            goals: "Performance goals",
          },
        });
        addIndicatorList(wb, seed.projects, "Indicators", {
          headers: {
            code: "Project code",
            project: "Project name",
            level1: "Level 1",
            level2: "Level 2",
            name: "Indicator",
            description: "Description",
            target: "Target",
            basis: "Basis",
          },
        });
        addGoalList(wb, seed, "Goals", { headers: ["No.", "Department goal", "Target", "Description"] });
      }),
  },
  {
    name: "spacer columns, stray spaces and full-width characters in headers, a hidden row, a formula",
    build: (seed) =>
      workbook((wb) => {
        const projects = addProjectList(wb, seed.projects, "项目清单", {
          spacers: [1, 3, 7],
          headers: { code: " 项目 编码 ", budget: "预算数（万元）：", plan3: "１２月底" },
        });
        // The budget as a formula over the funds, its cached value what a reader sees.
        projects.eachRow((row, n) => {
          if (n <= 3) return;
          const budget = row.getCell(6); // F: unit, spacer, code, name, spacer, budget
          budget.value = { formula: `G${n}+H${n}`, result: budget.value as number };
        });
        const list = addIndicatorList(wb, seed.projects, "绩效指标", {
          merge: true,
          spacers: [2, 6],
          headers: { level1: "一级指标：", name: "三级指标＊", target: "指标值（％）", basis: "指标值确定依据 " },
        });
        list.getRow(9).hidden = true;
        const goals = addGoalList(wb, seed);
        goals.spliceRows(2, 0, []);
      }),
  },
  {
    name: "target split over operator and unit columns, 指标性质 meaning 正向/反向",
    build: (seed) =>
      workbook((wb) => {
        addProjectList(wb, seed.projects);
        splitList(wb, seed.projects);
        addGoalList(wb, seed);
      }),
  },
  {
    name: "project list, indicator list and goals stacked in one sheet",
    build: (seed) =>
      workbook((wb) => {
        const ws = addProjectList(wb, seed.projects, "预算与绩效");
        ws.addRow([]);
        addIndicatorList(wb, seed.projects, "", { into: ws, merge: true });
        ws.addRow([]);
        ws.addRow([]);
        addGoalList(wb, seed, "", { into: ws });
      }),
  },
  {
    name: "indicator list naming projects by code only, two-row header on the project list",
    build: (seed) =>
      workbook((wb) => {
        twoRowHeaderProjects(wb, seed.projects);
        addIndicatorList(wb, seed.projects, "绩效指标", {
          order: ["code", "level1", "level2", "name", "description", "target", "basis"],
        });
        addGoalList(wb, seed);
      }),
  },
  {
    name: "standard form as pasted from Word: fifteen merged blocks in one sheet",
    build: (seed) =>
      workbook((wb) => {
        addStandardForms(wb, seed.projects, "项目绩效目标", { merge: true });
        addGoalList(wb, seed);
      }),
  },
  {
    name: "standard form unmerged over three sheets, with a spacer column",
    build: (seed) =>
      workbook((wb) => {
        addGoalList(wb, seed);
        for (let i = 0; i < 3; i++) {
          addStandardForms(wb, seed.projects.slice(i * 5, i * 5 + 5), `目标表${i + 1}`, { spacer: true });
        }
      }),
  },
  {
    name: "standard form with labels above their values and English grid headers",
    build: (seed) =>
      workbook((wb) => {
        addStandardForms(wb, seed.projects, "Targets", {
          merge: true,
          labelsAbove: true,
          gridHeader: ["Level 1", "Level 2", "Indicator", "Description", "Target", "Basis"],
        });
        addGoalList(wb, seed);
      }),
  },
];

/** The baseline every variant is compared with: the sample's flat lists. */
export const baseline = (seed: Seed): ExcelJS.Workbook => buildSampleWorkbook(seed);

/** A planned sheet written as an adapter would (XlsxPort.apply does it for real), for tests of saved settings. */
export function addPlannedSheet(wb: ExcelJS.Workbook, plan: SheetPlan): void {
  const ws = wb.addWorksheet(plan.name, { state: plan.visibility });
  for (const c of plan.cells) {
    const v = c.value;
    ws.getCell(c.row + 1, c.col + 1).value =
      v.kind === "text" ? v.text : v.kind === "number" ? v.value : { formula: v.formula };
  }
}
