import type { CheckOutcome, PaneState } from "./state";
import { canFlag, INITIAL_STATE, isReadOnly, paneReducer } from "./state";

const outcome = (access: Partial<CheckOutcome["access"]> = {}): CheckOutcome =>
  ({
    asOf: "2026-06-30",
    data: { sheets: [] },
    result: {} as CheckOutcome["result"],
    access: { name: "book.xlsx", readOnly: false, protectedSheets: [], ...access },
  }) as CheckOutcome;

const run = (...events: Parameters<typeof paneReducer>[1][]): PaneState => events.reduce(paneReducer, INITIAL_STATE);

describe("paneReducer", () => {
  const done = outcome();

  it("goes idle → checking → done", () => {
    expect(INITIAL_STATE).toEqual({ status: "idle" });
    expect(run({ type: "check-started" })).toEqual({
      status: "checking",
      previous: null,
      progress: { stage: "reading" },
    });
    expect(run({ type: "check-started" }, { type: "check-succeeded", outcome: done })).toEqual({
      status: "done",
      outcome: done,
      write: { status: "none" },
      changes: null,
    });
  });

  it("moves a check through its stages with their counts, and ends with the flags' write and the changes", () => {
    const stages = run(
      { type: "check-started" },
      { type: "check-progress", progress: { stage: "checking", sheets: 3, rows: 120 } },
    );
    expect(stages).toMatchObject({ status: "checking", progress: { stage: "checking", sheets: 3, rows: 120 } });
    const writing = paneReducer(stages, {
      type: "check-progress",
      progress: { stage: "writing", findings: 9, rules: 4 },
    });
    expect(writing).toMatchObject({ progress: { stage: "writing", findings: 9, rules: 4 } });
    expect(
      paneReducer(writing, {
        type: "check-succeeded",
        outcome: done,
        write: { status: "unchanged", what: "flags" },
        changes: { resolved: 2, added: 1 },
      }),
    ).toEqual({
      status: "done",
      outcome: done,
      write: { status: "unchanged", what: "flags" },
      changes: { resolved: 2, added: 1 },
    });
    // Progress outside a check is stale news.
    expect(run({ type: "check-progress", progress: { stage: "reading" } })).toEqual(INITIAL_STATE);
  });

  it("keeps the last outcome while checking again and after a failed check", () => {
    const checkedOnce = run({ type: "check-started" }, { type: "check-succeeded", outcome: done });
    const again = paneReducer(checkedOnce, { type: "check-started" });
    expect(again).toEqual({ status: "checking", previous: done, progress: { stage: "reading" } });
    expect(paneReducer(again, { type: "check-failed", message: "no" })).toEqual({
      status: "failed",
      message: "no",
      previous: done,
    });
  });

  it("runs a write within done, and records how it ended", () => {
    const ready = run({ type: "check-started" }, { type: "check-succeeded", outcome: done });
    const writing = paneReducer(ready, { type: "write-started", what: "table" });
    expect(writing).toMatchObject({ status: "done", write: { status: "writing", what: "table" } });
    expect(paneReducer(writing, { type: "write-succeeded", what: "clear", detail: "x" })).toBe(writing);
    expect(paneReducer(writing, { type: "write-succeeded", what: "table", detail: "filled" })).toMatchObject({
      write: { status: "written", what: "table", detail: "filled" },
    });
    expect(paneReducer(writing, { type: "write-failed", what: "table", message: "protected" })).toMatchObject({
      write: { status: "failed", what: "table", message: "protected" },
    });
  });

  it("settles the flags of a check shown while they were planned and written", () => {
    const shown = run({ type: "check-started" }, { type: "check-succeeded", outcome: done, write: { status: "writing", what: "flags" } });
    const unchanged = { status: "unchanged", what: "flags", sheet: "检查结果" } as const;
    expect(paneReducer(shown, { type: "flags-settled", write: unchanged })).toMatchObject({ status: "done", write: unchanged });
    expect(paneReducer(shown, { type: "flags-settled", write: { status: "none" } })).toMatchObject({ write: { status: "none" } });
    // Only the flags' own write is settled so: a table being written is left to its own events.
    const table = paneReducer(run({ type: "check-started" }, { type: "check-succeeded", outcome: done }), {
      type: "write-started",
      what: "table",
    });
    expect(paneReducer(table, { type: "flags-settled", write: unchanged })).toBe(table);
  });

  it("ignores writes outside done", () => {
    expect(run({ type: "write-started", what: "flags" })).toEqual(INITIAL_STATE);
    const checking = run({ type: "check-started" });
    expect(paneReducer(checking, { type: "write-succeeded", what: "flags", detail: "" })).toBe(checking);
  });

  it("says why a workbook cannot be written", () => {
    expect(isReadOnly(outcome({ readOnly: true }))).toBe(true);
    expect(isReadOnly(outcome())).toBe(false);
    expect(canFlag(outcome())).toBe(true);
    expect(canFlag(outcome({ protectedSheets: ["绩效指标"] }))).toBe(false);
    expect(canFlag(outcome({ readOnly: true }))).toBe(false);
  });
});
