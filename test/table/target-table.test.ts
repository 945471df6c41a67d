import { join } from "node:path";
import {
  checkWorkbook,
  fromA1,
  numberFindings,
  planFindingsSheet,
  planTableWrite,
  planTargetTable,
  type SheetPlan,
} from "../../src/core";
import { pageCapacity } from "../../src/core/target-table/layout";
import { openWorkbook, workbookData } from "../support/exceljs";
import { roundTrip } from "../support/check-workbook";
import { addressOf, plannedCell } from "../support/planned-cells";
import { monitoringWorkbook } from "../support/monitoring-workbook";
import { loadSeed, type SeedProject } from "../support/seed";
import { buildSampleWorkbook } from "../support/seed-workbook";

const seed = loadSeed();
const ws = (text: string) => text.replace(/[\s\u3000]+/g, "");

async function samplePlan() {
  const result = checkWorkbook(workbookData(await roundTrip(buildSampleWorkbook(seed))), {
    asOf: "2026-06-30",
    locale: "zh-CN",
    source: "sample.xlsx",
  });
  return { plan: planTargetTable(result.model, result.findings), result };
}

/** The plan's cells as a grid of texts: [row][col], 1-based rows like the sheet. */
function grid(plan: SheetPlan): Map<number, Map<number, string>> {
  const rows = new Map<number, Map<number, string>>();
  for (const c of plan.cells) {
    const v = c.value;
    const t =
      v.kind === "text"
        ? v.text
        : v.kind === "number"
          ? v.format === "0%"
            ? `${Math.round(v.value * 100)}%`
            : v.value.toFixed(2)
          : `=${v.formula}`;
    if (!rows.has(c.row + 1)) rows.set(c.row + 1, new Map());
    rows.get(c.row + 1)!.set(c.col, t);
  }
  return rows;
}

const rowTexts = (g: Map<number, Map<number, string>>, row: number): string[] =>
  [...(g.get(row) ?? new Map<number, string>()).entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, t]) => t)
    .filter((t) => t !== "");

describe("the standard 绩效目标表", () => {
  let plan: SheetPlan;
  let result: ReturnType<typeof checkWorkbook>;
  beforeAll(async () => {
    ({ plan, result } = await samplePlan());
  });

  it("lays out table 1 field for field as the seed does", () => {
    const g = grid(plan);
    const p = seed.projects[0]!;
    expect(rowTexts(g, 1)).toEqual([`1.${p.name}绩效目标表`, expect.stringMatching(/^check-targets:table/)]);
    expect(rowTexts(g, 2)).toEqual(["366001唐山市丰润区商务和投资促进局本级", "单位：万元"]);
    expect(rowTexts(g, 3)).toEqual([
      "项目编码",
      "13020823P00925610020B",
      "项目名称",
      "（2）宝泰南北楼等隔离点安装空调相关费用",
    ]);
    expect(rowTexts(g, 4)).toEqual(["预算规模及资金用途", "预算数", "72.02", "其中：财政资金", "72.02", "其他资金"]);
    expect(rowTexts(g, 5)).toEqual(["宝泰南北楼等隔离点安装空调相关费用"]);
    // Broken before the parenthesis, so that no renderer wraps inside it.
    expect(rowTexts(g, 6)).toEqual(["资金支出计划\n（%）", "3月底", "6月底", "10月底", "12月底"]);
    expect(rowTexts(g, 7)).toEqual(["25%", "50%", "75%", "100%"]);
    expect(ws(rowTexts(g, 8).join("|"))).toBe(ws(`绩效目标|${p.goals}`));
    expect(rowTexts(g, 9)).toEqual(["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"]);
    p.indicators.forEach((ind, i) => {
      const row = rowTexts(g, 10 + i).map(ws);
      const expected = [ind.level1, ind.level2, ind.name, ind.description, ind.target, ind.basis].map(ws);
      // Level 1 and 2 stand once per merged run, as in the official form.
      expect(expected.filter((t) => !row.includes(t))).toEqual(
        expected
          .slice(0, 2)
          .filter(
            (t, k) =>
              i > 0 &&
              p.indicators[i - 1]![k === 0 ? "level1" : "level2"] === (k === 0 ? ind.level1 : ind.level2) &&
              t !== "",
          ),
      );
    });
    expect(plan.merges).toEqual(expect.arrayContaining(["A1:G1", "A4:A5", "B5:G5", "A6:A7", "A10:A13", "D10:E10"]));
  });

  it("holds every field of every seed table", () => {
    const text = ws(plan.cells.map((c) => (c.value.kind === "text" ? c.value.text : "")).join("|"));
    const numbers = new Set(plan.cells.flatMap((c) => (c.value.kind === "number" ? [c.value.value] : [])));
    const fields = (p: SeedProject) => [
      p.code,
      p.name,
      p.use,
      p.goals,
      ...p.indicators.flatMap((i) => [i.level1, i.level2, i.name, i.description, i.target, i.basis]),
    ];
    for (const p of seed.projects) {
      for (const field of fields(p)) if (ws(field) !== "") expect(text).toContain(ws(field));
      expect(numbers).toContain(p.budget);
      expect(numbers).toContain(p.fiscal);
      for (const v of p.plan) expect(numbers).toContain(v / 100);
    }
    const indicatorRows = plan.cells.filter(
      (c) => /^F\d+$/.test(addressOf(c)) && c.style?.horizontal === "center",
    ).length;
    expect(indicatorRows).toBeGreaterThanOrEqual(95);
  });

  it("marks the cells whose source has a finding, red for errors, amber for warnings", () => {
    // Source cells the table shows: each indicator's target, level 2 and name; project code and budget.
    const shown = new Set(
      [
        ...result.model.indicators.flatMap((i) => [i.cells.target, i.cells.level2, i.cells.name]),
        ...result.model.projects.flatMap((p) => [p.cells.code, p.cells.budget, ...(p.cells.plan ?? [])]),
      ].flatMap((r) => (r === null ? [] : [`${r.sheet}!${r.cell}`])),
    );
    const at = (severity: string) =>
      new Set(
        result.findings
          .filter((f) => f.severity === severity)
          .map((f) => `${f.sheet}!${f.cell}`)
          .filter((k) => shown.has(k)),
      );
    const errors = at("error");
    const warnings = [...at("warning")].filter((k) => !errors.has(k));
    // Merged areas repeat the fill on their blank cells; count the cells that show a value.
    const filled = (fill: string) =>
      plan.cells.filter((c) => c.style?.fill === fill && !(c.value.kind === "text" && c.value.text === "")).length;
    expect(errors.size).toBe(2);
    expect(filled("FFC7CE")).toBe(errors.size);
    expect(warnings.length).toBeGreaterThanOrEqual(15);
    expect(filled("FFEB9C")).toBe(warnings.length);
  });

  it("prints on A4, one page wide, blocks kept whole, merges never overlapping", () => {
    expect(plan.page).toMatchObject({ paper: "A4", orientation: "portrait", fitToWidth: true });
    // The official columns A–G and the finding numbers in H.
    expect(plan.page!.printArea).toMatch(/^A1:H\d+$/);
    const boxes = plan.merges.map((m) => m.split(":").map((a) => fromA1(a)!));
    const overlapping = boxes.flatMap(([a, b], i) =>
      boxes
        .slice(i + 1)
        .filter(([c, d]) => a!.row <= d!.row && c!.row <= b!.row && a!.col <= d!.col && c!.col <= b!.col)
        .map(() => plan.merges[i]),
    );
    expect(overlapping).toEqual([]);
    // A page break falls only just before a block's title row.
    const titles = new Set(plan.cells.filter((c) => c.style?.fontSize === 14).map((c) => c.row));
    for (const after of plan.page!.rowBreaks) expect(titles.has(after)).toBe(true);
  });
});

describe("the 绩效目标表 during the year", () => {
  it("adds 完成值, 偏差 and 得分 beside each indicator, the light and the score beside each block", async () => {
    const wb = monitoringWorkbook(seed, { actuals: { "1/空调单价": "2500元", "1/群众满意度": "75%" } });
    const data = workbookData(await roundTrip(wb));
    const result = checkWorkbook(data, { asOf: "2026-12-31", locale: "zh-CN", source: "m.xlsx" });
    const table = planTableWrite(data, result).sheets[0]!;
    const g = grid(table);
    // H–J the monitoring columns, K 偏差原因, L the finding numbers.
    expect(table.page).toMatchObject({ orientation: "landscape", printArea: expect.stringMatching(/^A1:L\d+$/) });
    expect(rowTexts(g, 2).slice(0, 3)).toEqual(["单位：万元", "监控：红灯", "有错误，见检查结果"]);
    expect(rowTexts(g, 3).slice(-3)).toEqual(["自评得分", result.report.projects[0]!.score!.toFixed(2), "优"]);
    expect(rowTexts(g, 9).slice(-4)).toEqual(["完成值", "偏差", "得分", "偏差原因"]);
    const costRow = 10 + seed.projects[0]!.indicators.findIndex((i) => i.name === "空调单价");
    // 偏差 in the target's unit: 2500 元 is 0.25 万元, 0.05 万元 over the ≤0.2 万元 limit.
    expect(rowTexts(g, costRow).slice(-4, -1)).toEqual(["2500元", "+0.05万元", "10.00"]);
    const satisfaction = 10 + seed.projects[0]!.indicators.findIndex((i) => i.name === "群众满意度");
    expect(rowTexts(g, satisfaction).slice(-4, -1)).toEqual(["75%", "−5个百分点", expect.any(String)]);
    expect(plannedCell(table, `H${costRow}`)!.style?.fill).toBe("FFC7CE");
  });
});

describe("the 绩效目标表 carries its reasons", () => {
  const refsOf = (plan: SheetPlan, column: string): Map<number, number[]> =>
    new Map(
      plan.cells
        .filter((c) => new RegExp(`^${column}\\d+$`).test(addressOf(c)) && c.value.kind === "text")
        .flatMap((c) => {
          const t = (c.value as { text: string }).text;
          return t.startsWith("→") ? [[c.row + 1, t.slice(1).replace(/…$/, "").split("、").map(Number)] as const] : [];
        }),
    );

  it("numbers beside each indicator row the findings-sheet rows of its findings", async () => {
    const { result } = await samplePlan();
    const data = workbookData(await roundTrip(buildSampleWorkbook(seed)));
    const plan = planTableWrite(data, result).sheets[0]!;
    const findingsSheet = planFindingsSheet({
      report: result.report,
      findings: result.findings,
      codeOf: () => null,
      nameOf: () => null,
      locale: "zh-CN",
      checkedOn: null,
    });
    const refs = refsOf(plan, "H");
    const referred = [...refs.values()].flat();
    const flagged = numberFindings(result.findings).filter((n) => n.finding.severity !== "info");
    // Every error and warning is referred to from the table, once.
    expect([...referred].sort((a, b) => a - b)).toEqual(flagged.map((n) => n.number));
    for (const [row, numbers] of refs) {
      for (const number of numbers) {
        const n = flagged.find((f) => f.number === number)!;
        // The number is the one the findings sheet gives that finding …
        const link = findingsSheet.cells.find(
          (c) => c.value.kind === "number" && c.value.value === number && addressOf(c).startsWith("A"),
        )!;
        const linkRow = link.row + 1;
        const formula = plannedCell(findingsSheet, `G${linkRow}`)!.value;
        expect(formula).toEqual({ kind: "formula", formula: expect.stringContaining(`!${n.finding.cell}"`) });
        // … and the row shows the indicator the finding is about.
        if (n.finding.indicator !== null) {
          const texts = plan.cells.filter((c) => c.row + 1 === row).map((c) => c.value);
          expect(texts).toContainEqual({ kind: "text", text: n.finding.indicator });
        }
      }
    }
  });

  it("shows 偏差原因 and the light's reason: 招商经费's amber light and the warning behind it", async () => {
    const data = workbookData(await openWorkbook(join(__dirname, "..", "..", "samples", "monitoring.xlsx")));
    const result = checkWorkbook(data, { asOf: "2026-06-30", locale: "zh-CN", source: "monitoring.xlsx" });
    const plan = planTableWrite(data, result).sheets[0]!;
    const g = grid(plan);
    const title = [...g].find(([, row]) => [...row.values()].some((t) => /招商经费绩效目标表$/.test(t)))![0];
    expect(rowTexts(g, title + 1)).toEqual(expect.arrayContaining(["监控：黄灯", "有警告，见检查结果"]));
    const warning = numberFindings(result.findings).find(
      (n) => n.finding.rule === "deviation-reason-missing" && (n.finding.project ?? "").endsWith("（2）招商经费"),
    )!;
    expect(warning.finding.severity).toBe("warning");
    const refs = refsOf(plan, "L");
    expect(refs.get(title + 1)).toContain(warning.number);
    // The indicator's row: its empty 偏差原因 cell marked amber, and the same number beside it.
    const row = [...g].find(([r, cells]) => r > title && [...cells.values()].includes(warning.finding.indicator!))![0];
    expect(plannedCell(plan, `K${row}`)?.style?.fill).toBe("FFEB9C");
    expect(refs.get(row)).toEqual([warning.number]);
    expect(rowTexts(g, 9 + (title - 1)).slice(-2)).toEqual(["得分", "偏差原因"]);
  });

  it("ends with a short legend and keeps its marker in a hidden column", async () => {
    const { plan } = await samplePlan();
    const last = plan.cells.filter((c) => c.value.kind === "text" && c.value.text.startsWith("说明："));
    expect(last).toHaveLength(1);
    expect((last[0]!.value as { text: string }).text).toMatch(/浅红为错误、浅黄为警告.*→N.*检查结果/);
    const marker = plan.cells.find((c) => c.value.kind === "text" && c.value.text.startsWith("check-targets:"))!;
    expect(addressOf(marker)).toBe("I1");
    expect(plan.columnWidths.find((w) => w.column === "I")).toMatchObject({ hidden: true });
    expect(plan.page!.printArea).toMatch(/^A1:H/);
  });
});

describe("the 绩效目标表's pages", () => {
  it("packs the blocks: a page ends only where the next block would not fit, two blocks a page for the sample", async () => {
    const { plan } = await samplePlan();
    const heights = new Map(plan.rowHeights.map((h) => [h.row, h.height]));
    const height = (from: number, to: number) => {
      let sum = 0;
      for (let r = from; r <= to; r++) sum += heights.get(r) ?? 15;
      return sum;
    };
    const titles = plan.cells
      .filter((c) => c.style?.fontSize === 14 && addressOf(c).startsWith("A"))
      .map((c) => c.row + 1)
      .sort((a, b) => a - b);
    const capacity = pageCapacity(
      plan.columnWidths.filter((w) => !w.hidden).map((w) => w.width),
      "portrait",
    );
    const breaks = plan.page!.rowBreaks;
    const starts = [1, ...breaks.map((b) => b + 1)];
    starts.forEach((start, i) => {
      const end = (breaks[i] ?? Number(plan.page!.printArea.replace(/^.*[A-Z]/, ""))) as number;
      const blocks = titles.filter((t) => t >= start && t <= end).length;
      expect(blocks).toBeGreaterThan(0);
      expect(height(start, end)).toBeLessThanOrEqual(capacity);
      // Not the last page: the next block would not have fitted too.
      const next = titles.find((t) => t > end);
      const after = titles.find((t) => t > (next ?? Infinity));
      if (next !== undefined && after !== undefined) expect(height(start, after - 1)).toBeGreaterThan(capacity);
    });
    expect(titles).toHaveLength(15);
    expect(breaks).toHaveLength(7);
  });
});

describe("the finding numbers beside a row", () => {
  it("show the first three in order, and … when the row has more", async () => {
    const { result } = await samplePlan();
    const first = result.findings[0]!;
    const findings = [first, first, first, first, ...result.findings.slice(1)];
    const plan = planTargetTable(result.model, findings);
    const numbers = numberFindings(findings)
      .filter((n) => n.finding === first)
      .map((n) => n.number);
    expect(numbers).toHaveLength(4);
    const refs = plan.cells.filter((c) => addressOf(c).startsWith("H") && c.value.kind === "text");
    expect(refs.map((c) => (c.value as { text: string }).text)).toContain(`→${numbers.slice(0, 3).join("、")}…`);
  });
});
