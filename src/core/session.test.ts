import { EMPTY_PLAN, type WritePlan } from "./model/write-plan";
import { checkWorkbook } from "./check";
import { CheckCancelled, runCheck, type CheckStage } from "./session";
import type { WorkbookData } from "./model/workbook-data";
import type { WorkbookPort } from "./workbook-port";
import { LIST_HEADER, sheetOf } from "../../test/support/sheet-data";

/** A list with one target that lacks its value: one error, so there is something to flag. */
const DATA: WorkbookData = {
  sheets: [sheetOf("绩效指标", [LIST_HEADER, ["招商经费", "产出指标", "数量指标", "举办推介会", ""]])],
};

function portOf(data: WorkbookData, failWrite = false): WorkbookPort & { applied: WritePlan[]; reads: number } {
  const port = {
    applied: [] as WritePlan[],
    reads: 0,
    read: () => {
      port.reads++;
      return Promise.resolve(data);
    },
    apply: (plan: WritePlan) => {
      if (failWrite) return Promise.reject(new Error("protected"));
      port.applied.push(plan);
      return Promise.resolve();
    },
  };
  return port;
}

const OPTIONS = { asOf: "2026-06-30", locale: "zh-CN", source: "t.xlsx" } as const;
const FLAGS: WritePlan = { ...EMPTY_PLAN, flags: [] };

describe("a check session", () => {
  it("reads once, checks, plans and writes through the port, telling each stage first", async () => {
    const port = portOf(DATA);
    const stages: CheckStage["stage"][] = [];
    const run = await runCheck(port, OPTIONS, {
      check: checkWorkbook,
      plan: () => FLAGS,
      onStage: (s) => void stages.push(s.stage),
    });
    expect(port.reads).toBe(1);
    expect(run.result.findings.map((f) => `${f.rule} ${f.cell}`)).toContain("target-missing E2");
    expect(stages).toEqual(["reading", "checking", "writing"]);
    expect(port.applied).toEqual([FLAGS]);
    expect(run.write).toEqual({ status: "written", plan: FLAGS });
  });

  it("writes nothing when the plan is null, and runs the check the app gives (the pane's, in a worker)", async () => {
    const port = portOf(DATA);
    const seen: WorkbookData[] = [];
    const run = await runCheck(port, OPTIONS, {
      plan: () => null,
      check: async (data, options) => {
        seen.push(data);
        return Promise.resolve(checkWorkbook(data, options));
      },
    });
    expect(seen).toEqual([DATA]);
    expect(port.applied).toEqual([]);
    expect(run.write.status).toBe("none");
  });

  it("awaits a plan made elsewhere (the pane's worker plans the flags after the check)", async () => {
    const port = portOf(DATA);
    const run = await runCheck(port, OPTIONS, {
      check: checkWorkbook,
      plan: () => new Promise<WritePlan>((resolve) => setTimeout(() => resolve(FLAGS), 5)),
    });
    expect(port.applied).toEqual([FLAGS]);
    expect(run.write).toEqual({ status: "written", plan: FLAGS });
  });

  it("keeps the result when the write fails", async () => {
    const run = await runCheck(portOf(DATA, true), OPTIONS, { check: checkWorkbook, plan: () => FLAGS });
    expect(run.write).toMatchObject({ status: "failed", plan: FLAGS });
    expect(run.result.report.summary.errors).toBeGreaterThan(0);
  });

  it("stops before writing once aborted", async () => {
    const port = portOf(DATA);
    const abort = new AbortController();
    const session = runCheck(port, OPTIONS, {
      check: checkWorkbook,
      plan: () => FLAGS,
      signal: abort.signal,
      onStage: (s) => {
        if (s.stage === "checking") abort.abort();
      },
    });
    await expect(session).rejects.toBeInstanceOf(CheckCancelled);
    expect(port.applied).toEqual([]);
  });
});
