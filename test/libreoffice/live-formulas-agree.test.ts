import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tokenize, translateFormulaToA1, translateFormulaToR1C1 } from "@borgar/fx";
import ExcelJS from "exceljs";
import {
  checkWorkbook,
  fromA1,
  liveRulesOf,
  OWNED,
  planCheckedWorkbook,
  toA1,
  type FlagRule,
  type LiveRule,
  type SheetPlan,
  type WorkbookData,
} from "../../src/core";
import { HelperColumns } from "../../src/core/flags/helper-columns";
import { RULES } from "../../src/core/model/rule-registry";
import { FilePort, readWorkbookFile } from "../../src/xlsx";
import { sheetPart } from "../roundtrip/package-parts";
import { assertLibreOffice, convertAll } from "../support/libreoffice";
import { rowCol } from "../support/planned-cells";

/**
 * Every live rule's conditional-format formula, evaluated by LibreOffice at every cell of its
 * range, against the TypeScript check on the same inputs: the formula is TRUE at a cell the rule
 * covers exactly where the check has a finding of that rule there, and FALSE at every other cell
 * of its range (those findings, if any, keep snapshot flags).
 *
 * How: each workbook below is checked by the core and written by the file writer as `--out`
 * writes it, plus one probe sheet per live flag, written by the same writer. A probe sheet holds,
 * at each address of the flag's range, the flag's formula moved to that address (the conditional
 * format's own reading: relative to the range's top-left cell) with every reference pointed at the
 * staff sheet. The move is @borgar/fx's (to R1C1 at the top-left cell, back to A1 at the cell),
 * not ours. LibreOffice opens the copy, computes the probes and saves it; the file reader reads
 * the results back.
 */

/** A staff cell: a value, a number with a number format, or a formula's error. */
type Cell = string | number | null | { value: number; numFmt: string } | { error: "#DIV/0!" };
type Scenario = { title: string; asOf: string; sheets: Record<string, Cell[][]> };

const pct = (value: number, numFmt = "0%"): Cell => ({ value, numFmt });
const date = (value: number): Cell => ({ value, numFmt: "yyyy-mm-dd" });
const DIV0: Cell = { error: "#DIV/0!" };

/** 项目清单 rows: 项目编码, 项目名称, then the three amounts (or two, without 其他资金). */
const projects = (header: string[], rows: Cell[][]): Cell[][] => [
  header,
  ...rows.map((amounts, i) => {
    const n = String(i + 1).padStart(3, "0");
    return [`13020823P00925610${n}B`, `项目${n}`, ...amounts];
  }),
];

const BUDGET: Scenario[] = [
  {
    title: "预算数 against 财政资金 + 其他资金",
    asOf: "2026-06-30",
    sheets: {
      项目清单: projects(
        ["项目编码", "项目名称", "预算数", "财政资金", "其他资金"],
        [
          [100, 60, 40], // equal
          [100, 60, 30], // off by 10
          [100, 60, 39.99], // off by 0.01, more than the tolerance (0.005)
          [100, 60, 39.996], // off by 0.004, within it
          [100.005, 100, 0], // off by the tolerance exactly (0.00499… in binary)
          [100, 99.995, 0], // off by the tolerance exactly (0.00500… in binary)
          [0.01, 0.005, null], // off by the tolerance exactly, in binary too
          [0.005, 0, 0],
          [50, 50, null], // blank 其他资金
          [50, 40, null],
          [50, null, 50], // blank 财政资金
          [50, null, 40],
          [50, null, null], // both blank: nothing to add up
          [0, 0, 0],
          [null, 60, 40], // blank 预算数
          ["100", 60, 30], // 预算数 as text
          ["100", 60, 40],
          [100, "60", 40], // 财政资金 as text
          [100, "60", 30],
          [100, 60, "40"], // 其他资金 as text
          [100, 100, "无"], // 其他资金 text that is no number
          [100, 90, "无"],
          [100, "—", 100],
          [-10, -5, -5], // negative
          [-10, -5, 5],
          [0.3, 0.1, 0.2], // 0.1 + 0.2 ≠ 0.3 in binary
          [12.34, 10.01, 2.33], // decimals
          [12.34, 10.01, 2.32],
          [1234567.89, 1000000, 234567.89],
          [100, DIV0, 40], // a fund cell showing an error
          [100, 60, DIV0],
          [DIV0, 60, 40],
          [date(46000), 46000, 0], // a date format on 预算数
        ],
      ).concat([
        [null, "小计", 200, null, null], // a subtotal row among the projects
        [null, "合计", 200, 100, 100],
      ]),
      无其他资金: projects(
        ["项目编码", "项目名称", "预算数", "财政资金"],
        [
          [100, 100],
          [100, 90],
          [50, null],
          ["100", 90],
          [100, "100"],
          [-1, -1],
          [0.3, 0.30000000000000004],
          [100, 100.004],
        ],
      ),
    },
  },
];

/** 指标 rows: 项目名称, 一级指标, 二级指标, 三级指标, 指标值, 完成值; one project per row. */
const indicators = (rows: [level1: string, level2: string, name: string, target: Cell, actual: Cell][]): Cell[][] => [
  ["项目名称", "一级指标", "二级指标", "三级指标", "指标值", "完成值"],
  ...rows.map(([l1, l2, name, target, actual], i) => [
    `项目${String(i + 1).padStart(3, "0")}`,
    l1,
    l2,
    name,
    target,
    actual,
  ]),
];

const SAT = ["满意度指标", "服务对象满意度指标", "群众满意度"] as const;
const QUALITY = ["产出指标", "质量指标", "验收合格率"] as const;
const COMPLAINTS = ["效益指标", "社会效益指标", "投诉率"] as const;
const COUNT = ["产出指标", "数量指标", "新增企业数"] as const;
const MONEY = ["效益指标", "经济效益指标", "带动投资"] as const;
const DAYS = ["产出指标", "时效指标", "办结时间"] as const;
const SCORE = ["效益指标", "社会效益指标", "考核得分"] as const;
const GROWTH = ["效益指标", "经济效益指标", "产值增长率"] as const;
const DONE = ["产出指标", "时效指标", "完成时间"] as const;

const ACTUALS: Scenario["sheets"] = {
  指标: indicators([
    // ≥ a percent, against percent-formatted cells and plain numbers
    [...SAT, "≥80%", pct(0.75)],
    [...SAT, "≥80%", pct(0.85)],
    [...SAT, "≥80%", pct(0.8)], // exactly the bound
    [...SAT, "≥80%", pct(0.7 + 0.1, "0.0%")], // 0.7999999999999999
    [...SAT, "≥80%", pct(0.7999, "0%")], // shows 80%, is less
    [...SAT, "≥80%", pct(0.0092, "0.00%")], // 0.92%
    [...SAT, "≥80%", 75],
    [...SAT, "≥80%", 80],
    [...SAT, "≥80%", 92],
    [...SAT, "≥80%", 0.92], // a fraction: 92%
    [...SAT, "≥80%", 0.5], // a fraction: 50%
    [...SAT, "≥80%", 1.5],
    [...SAT, "≥80%", 1.6],
    [...SAT, "≥80%", -0.5],
    [...SAT, "≥80%", "92%"], // text
    [...SAT, "≥80%", "75%"],
    [...SAT, "≥80%", "七成"],
    [...SAT, "≥80%", "待统计"],
    [...SAT, "≥80%", null],
    [...SAT, "≥80%", DIV0],
    [...SAT, "90%", pct(0.85)], // no operator: the direction gives ≥
    [...SAT, "90", pct(0.95)], // no unit on the target, a percent-formatted actual
    [...SAT, "90", 85],
    [...SAT, pct(0.9), pct(0.85)], // the target a percent-formatted number
    [...SAT, pct(0.9), 95],
    [...SAT, ">90%", pct(0.9)], // strict
    [...SAT, ">90%", pct(0.95)],
    [...SAT, "=100%", pct(0.99)],
    [...QUALITY, "≥98.5%", pct(0.985, "0.0%")],
    [...QUALITY, "≥98.5%", pct(0.9849, "0.0%")],
    [...QUALITY, "≥5‰", pct(0.006, "0.0%")], // 0.6% = 6‰
    [...QUALITY, "≥5‰", pct(0.004, "0.0%")],
    [...QUALITY, "≥5‰", 6],
    [...QUALITY, "≥5‰", 4],
    // ≤ and a reverse measure
    [...COMPLAINTS, "≤5%", pct(0.06)],
    [...COMPLAINTS, "≤5%", pct(0.05)],
    [...COMPLAINTS, "≤5%", 3],
    [...COMPLAINTS, "≤5%", 6],
    [...COMPLAINTS, "5%", pct(0.06)], // no operator: the direction gives ≤
    [...COMPLAINTS, "<5%", pct(0.05)],
    // a range
    [...SAT, "80%-90%", pct(0.85)],
    [...SAT, "80%-90%", pct(0.95)],
    [...SAT, "80%-90%", pct(0.75)],
    [...SAT, "80%-90%", pct(0.8)],
    [...SAT, "80%-90%", pct(0.9)],
    [...SAT, "80%-90%", 95],
    [...SAT, "80%-90%", 85],
    [...SAT, "80%-90%", 0.85],
    // quantities that add up over the year (cumulative): judged by progress mid-year
    [...COUNT, "≥18家", 12],
    [...COUNT, "≥18家", 18],
    [...COUNT, "≥18家", 20],
    [...COUNT, "≥18家", 1],
    [...COUNT, "≥18家", "12家"],
    [...COUNT, "≥18家", date(46203)], // a date format on a count
    [...COUNT, "=2次", 1],
    [...COUNT, "18", 12],
    [...MONEY, "≥100万元", 80],
    [...MONEY, "≥100万元", 100],
    [...MONEY, "≥1亿元", 5000],
    // not cumulative
    [...DAYS, "≤5天", 6],
    [...DAYS, "≤5天", 5],
    [...DAYS, "≤5天", 4.5],
    [...DAYS, "≤5天", date(46203)],
    [...DAYS, "≤5天", pct(0.05)],
    [...SCORE, "≥80分", 79.5],
    [...SCORE, "≥80分", 80],
    [...SCORE, "≥80分", pct(0.9)], // a percent against points
    [...SCORE, "≥0.5", 0.49],
    [...SCORE, "≥0.5", 0.5],
    [...SCORE, "≥-5", -6],
    [...SCORE, "≤0.3", 0.1 + 0.2], // 0.30000000000000004
    [...SCORE, "≥80分", 0],
    [...COUNT, "≥18家", 0],
    [...DAYS, "≤5天", 0],
    // a change from a baseline the sheet does not hold
    [...GROWTH, "较上年提高5%", 3],
    [...GROWTH, "较上年提高5%", pct(0.03)],
    [...GROWTH, "同比增长10%", 12],
    // qualitative targets
    [...DONE, "按时完成", "已完成"],
    [...DONE, "按时完成", "未完成"],
    [...DONE, "按时完成", 1],
    [...DONE, "12月底前完成", 0],
    [...SAT, "有所提升", 3],
  ]),
};

const ACTUAL: Scenario[] = [
  { title: "完成值 against 指标值 at the year's end", asOf: "2026-12-31", sheets: ACTUALS },
  { title: "完成值 against 指标值 mid-year", asOf: "2026-06-30", sheets: ACTUALS },
];

/** The cases of each live rule; every rule the registry marks live needs some (see the first test). */
const CASES: Record<string, Scenario[]> = { "budget-sum": BUDGET, "actual-fails-target": ACTUAL };

const LIVE_IDS = Object.entries(RULES)
  .filter(([, entry]) => entry.live)
  .map(([id]) => id);

/** `formula`, relative to `from`, as the cell `to` of another sheet reads it for `sheet`. */
function moved(formula: string, from: string, to: string, sheet: string): string {
  const a1 = translateFormulaToA1(translateFormulaToR1C1(`=${formula}`, from), to);
  const prefix = `'${sheet.replace(/'/g, "''")}'!`;
  const refs = new Set(["range", "range_beam", "range_ternary"]);
  return tokenize(a1, { mergeRefs: true })
    .map((t) => (refs.has(t.type) && !t.value.includes("!") ? prefix + t.value : t.value))
    .join("")
    .replace(/^=/, "");
}

/** Every A1 address of a range such as "F2:F40". */
function cellsOf(range: string): string[] {
  const [a, b = a] = range.split(":");
  const from = fromA1(a ?? "");
  const to = fromA1(b ?? "");
  if (from === null || to === null) throw new Error(`not a range: ${range}`);
  const out: string[] = [];
  for (let row = from.row; row <= to.row; row++)
    for (let col = from.col; col <= to.col; col++) out.push(toA1(row, col));
  return out;
}

const normalised = (formula: string): string => formula.replace(new RegExp(`${OWNED.namePrefix}\\d+`, "g"), "CT");

/** The live rule each planned flag comes from: the same formula but for the numbering of the helper's names. */
function liveFlags(flags: readonly FlagRule[], live: readonly LiveRule[]): { rule: string; flag: FlagRule }[] {
  return live.flatMap((l) =>
    l.rules(new HelperColumns()).map((own) => {
      const flag = flags.find(
        (f) =>
          f.sheet === own.sheet &&
          f.ranges.join(" ") === own.ranges.join(" ") &&
          normalised(f.formula) === normalised(own.formula),
      );
      if (flag === undefined)
        throw new Error(`${l.rule}: the plan lacks its flag on ${own.sheet}!${own.ranges.join(",")}`);
      return { rule: l.rule, flag };
    }),
  );
}

function workbook(sheets: Scenario["sheets"]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell === null) return;
        const at = ws.getCell(r + 1, c + 1);
        if (typeof cell !== "object") at.value = cell;
        else if ("error" in cell) at.value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellValue;
        else {
          at.value = cell.value;
          at.numFmt = cell.numFmt;
        }
      }),
    );
  }
  return wb;
}

/** A probe's result as LibreOffice computed it: TRUE, FALSE or an error. */
type Computed = { value: unknown; error?: string } | undefined;

/**
 * A conditional format applies where its formula is TRUE. An error does not apply it: AND passes
 * on a staff cell's #DIV/0!, and a row past a helper column's end reads an error.
 */
const isTrue = (result: Computed): boolean => result?.value === true;

/** An error no staff cell passes on: the formula names a function or a name the spreadsheet does not know. */
const broken = (result: Computed): boolean => result?.error === "#NAME?";

/** One probe: the live rule's formula at `cell` of `sheet`, computed on `probeSheet` at the same address. */
type Probe = { rule: string; sheet: string; cell: string; probeSheet: string };

type Checked = {
  scenario: Scenario;
  data: WorkbookData;
  findings: Set<string>;
  live: LiveRule[];
  flags: { rule: string; flag: FlagRule }[];
  probes: Probe[];
  copy: string;
  written: string[];
  results?: Map<string, Computed>;
};

/** Checks a scenario and writes its checked copy with the probe sheets. */
async function checkedCopy(scenario: Scenario, dir: string, index: number): Promise<Checked> {
  const input = join(dir, `in-${index}.xlsx`);
  await workbook(scenario.sheets).xlsx.writeFile(input);
  const port = await FilePort.open(input);
  const data = await port.read();
  const result = checkWorkbook(data, { asOf: scenario.asOf, locale: "zh-CN", source: "t" });
  const plan = planCheckedWorkbook(data, result);
  const live = liveRulesOf(data, result);
  const probes: Probe[] = [];
  const flags = liveFlags(plan.flags ?? [], live);
  const sheets: SheetPlan[] = flags.map(({ rule, flag }, k) => {
    const probeSheet = `probe${k + 1}`;
    const topLeft = flag.ranges[0]?.split(":")[0] ?? "";
    const cells = flag.ranges.flatMap(cellsOf).map((cell) => {
      probes.push({ rule, sheet: flag.sheet, cell, probeSheet });
      return {
        ...rowCol(cell),
        value: { kind: "formula" as const, formula: moved(flag.formula, topLeft, cell, flag.sheet) },
      };
    });
    return { name: probeSheet, visibility: "visible", cells, merges: [], columnWidths: [], rowHeights: [], page: null };
  });
  await port.apply(plan);
  await port.apply({ sheets, names: null, flags: null, removeSheets: [] });
  const copy = join(dir, `copy-${index}.xlsx`);
  await port.save(copy);
  // The conditional formats as the copy holds them: the formulas probed are the ones written.
  const written: string[] = [];
  const bytes = await readFile(copy);
  for (const name of new Set((plan.flags ?? []).map((f) => f.sheet))) {
    const xml = (await sheetPart(bytes, name)) ?? "";
    for (const m of xml.matchAll(/<conditionalFormatting sqref="([^"]*)">.*?<formula>(.*?)<\/formula>/g)) {
      written.push(`${name}!${m[1]} ${decode(m[2] ?? "")}`);
    }
  }
  const findings = new Set(result.findings.map((f) => `${f.rule} ${f.sheet}!${f.cell}`));
  return { scenario, data, findings, live, flags, probes, copy, written };
}

const decode = (xml: string): string =>
  xml.replace(
    /&(lt|gt|quot|apos|amp);/g,
    (_, e: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[e] ?? "",
  );

/** What a staff row holds, for a failure's message. */
function rowText(data: WorkbookData, sheet: string, cell: string): string {
  const at = fromA1(cell);
  const row = at === null ? [] : (data.sheets.find((s) => s.name === sheet)?.rows[at.row] ?? []);
  return row
    .map((c) =>
      c === null ? "" : (c.error ?? `${JSON.stringify(c.value)}${c.numberFormat ? ` [${c.numberFormat}]` : ""}`),
    )
    .join(" | ");
}

describe("live formulas in LibreOffice agree with the TypeScript rules", () => {
  const checked: Checked[] = [];

  beforeAll(async () => {
    assertLibreOffice();
    const dir = await mkdtemp(join(tmpdir(), "check-targets-live-agree-"));
    const scenarios = Object.values(CASES).flat();
    for (const [i, scenario] of scenarios.entries()) checked.push(await checkedCopy(scenario, dir, i));
    const converted = await convertAll(
      checked.map((c) => c.copy),
      "xlsx",
    );
    for (const [i, file] of converted.entries()) {
      const c = checked[i]!;
      const back = await readWorkbookFile(file);
      c.results = new Map();
      for (const p of c.probes) {
        const at = fromA1(p.cell)!;
        const cell = back.sheets.find((s) => s.name === p.probeSheet)?.rows[at.row]?.[at.col] ?? null;
        c.results.set(`${p.rule} ${p.sheet}!${p.cell}`, {
          value: cell?.value ?? null,
          ...(cell?.error ? { error: cell.error } : {}),
        });
      }
    }
  }, 120_000);

  it("moves a formula as a conditional format reads it at another cell, pointed at the staff sheet", () => {
    const formula = "AND(ISNUMBER(F2),IFERROR(F2<INDEX(CT_4,ROW(F2)),FALSE),$A$1<>D2)";
    expect(moved(formula, "F2", "F2", "指标")).toBe(
      "AND(ISNUMBER('指标'!F2),IFERROR('指标'!F2<INDEX(CT_4,ROW('指标'!F2)),FALSE),'指标'!$A$1<>'指标'!D2)",
    );
    expect(moved(formula, "F2", "F7", "it's")).toBe(
      "AND(ISNUMBER('it''s'!F7),IFERROR('it''s'!F7<INDEX(CT_4,ROW('it''s'!F7)),FALSE),'it''s'!$A$1<>'it''s'!D7)",
    );
  });

  it("has cases for every rule the registry marks live, and for no other", () => {
    expect(LIVE_IDS.length).toBeGreaterThan(0);
    expect(Object.keys(CASES).sort()).toEqual([...LIVE_IDS].sort());
  });

  it.each(LIVE_IDS)("%s: TRUE exactly at the covered cells with a finding, FALSE elsewhere in its ranges", (rule) => {
    const mine = checked.filter((c) => (CASES[rule] ?? []).includes(c.scenario));
    expect(mine.length).toBeGreaterThan(0);
    const wrong: string[] = [];
    let flagged = 0;
    let passed = 0;
    for (const c of mine) {
      const live = c.live.find((l) => l.rule === rule);
      expect(live).toBeDefined();
      const results = c.results!;
      const probed = new Set(c.probes.filter((p) => p.rule === rule).map((p) => `${p.sheet}!${p.cell}`));
      // Every covered cell lies in a range of the rule; the formula there must say what the check says.
      for (const cell of live!.covers) {
        const [sheet = "", address = ""] = cell.split("!");
        const result = results.get(`${rule} ${cell}`);
        const finding = c.findings.has(`${rule} ${cell}`);
        if (finding) flagged++;
        else passed++;
        if (!probed.has(cell) || isTrue(result) !== finding || broken(result)) {
          wrong.push(
            `${c.scenario.title}: ${cell} (${rowText(c.data, sheet, address)}): check ${finding ? "flags" : "passes"}, ` +
              `formula ${probed.has(cell) ? JSON.stringify(result?.error ?? result?.value) : "absent"}`,
          );
        }
      }
      // Cells of its ranges that it does not cover: no live flag (a finding there has a snapshot one).
      for (const cell of probed) {
        if (live!.covers.has(cell)) continue;
        const [sheet = "", address = ""] = cell.split("!");
        const result = results.get(`${rule} ${cell}`);
        if (isTrue(result) || broken(result)) {
          wrong.push(
            `${c.scenario.title}: ${cell} (${rowText(c.data, sheet, address)}) not covered, yet the formula is ` +
              `${JSON.stringify(result?.error ?? result?.value)} (check ${c.findings.has(`${rule} ${cell}`) ? "flags" : "passes"})`,
          );
        }
      }
      // What is evaluated is what the copy holds.
      for (const { flag } of c.flags.filter((f) => f.rule === rule)) {
        expect(c.written).toContain(`${flag.sheet}!${flag.ranges.join(" ")} ${flag.formula}`);
      }
    }
    expect(wrong).toEqual([]);
    // Enough on both sides to mean something.
    expect(flagged).toBeGreaterThanOrEqual(5);
    expect(passed).toBeGreaterThanOrEqual(5);
  });
});
