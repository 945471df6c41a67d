import type { Finding } from "../model/finding";
import type { Project } from "../model/project";
import { projectFinding, type Rule } from "./context";

export const checkBudgetSum: Rule = (ctx) =>
  ctx.model.projectRows.flatMap((p) => {
    if (p.budget === null || p.cells.budget === null || (p.fiscal === null && p.other === null)) return [];
    // A fund cell showing #REF! is reported as such (cell-error), not summed as zero.
    if ([p.cells.fiscal, p.cells.other].some(ctx.showsError)) return [];
    const sum = (p.fiscal ?? 0) + (p.other ?? 0);
    if (Math.abs(p.budget - sum) <= ctx.settings.budgetTolerance) return [];
    return [
      projectFinding("budget-sum", "error", p, p.cells.budget, {
        budget: p.budget,
        fiscal: p.fiscal ?? 0,
        other: p.other ?? 0,
        sum,
      }),
    ];
  });

/** The first plan cell that breaks "0–100, rising, ends at 100", with the reason. */
function badPlanCell(plan: NonNullable<Project["plan"]>): { index: number; reason: string } | null {
  let previous = 0;
  for (const [index, value] of plan.entries()) {
    if (value === null) return { index, reason: "empty" };
    if (value < 0 || value > 100) return { index, reason: "range" };
    if (value < previous) return { index, reason: "falling" };
    previous = value;
  }
  return plan[3] === 100 ? null : { index: 3, reason: "last" };
}

export const checkPlan: Rule = (ctx) =>
  ctx.model.projectRows.flatMap((p) => {
    if (p.plan === null || p.cells.plan === null) return [];
    const bad = badPlanCell(p.plan);
    const at = bad === null ? null : p.cells.plan[bad.index];
    // A plan cell showing #N/A is reported as such (cell-error), not as a gap in the plan.
    if (bad === null || !at || ctx.showsError(at)) return [];
    return [
      projectFinding("plan-invalid", "error", p, at, {
        reason: bad.reason,
        plan: p.plan.map((v) => v ?? "").join("/"),
      }),
    ];
  });

export const checkProjectCodes: Rule = (ctx) => {
  // Settings are parsed with settingsSchema before a check, which refuses a pattern that does not compile.
  const pattern = new RegExp(ctx.settings.projectCodePattern);
  return ctx.model.projects.flatMap((p) =>
    p.code !== null && p.cells.code !== null && !pattern.test(p.code)
      ? [projectFinding("project-code", "warning", p, p.cells.code, { code: p.code })]
      : [],
  );
};

const content = (p: Project): string => JSON.stringify([p.name, p.budget, p.fiscal, p.other, p.plan, p.use, p.goals]);

export const checkDuplicateProjects: Rule = (ctx) => {
  const seen = new Map<string, Project>();
  const out: Finding[] = [];
  for (const p of ctx.model.projectRows) {
    if (p.code === null || p.cells.code === null) continue;
    const first = seen.get(p.code);
    if (first === undefined) seen.set(p.code, p);
    else if (content(first) !== content(p)) {
      out.push(
        projectFinding("project-duplicate", "error", p, p.cells.code, {
          code: p.code,
          first: first.cells.code?.cell ?? null,
        }),
      );
    }
  }
  return out;
};
