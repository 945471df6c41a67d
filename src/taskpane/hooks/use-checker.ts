import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import { formatProblem, runCheck, WorkbookError, type CheckRun, type Finding, type TableMapping, type WritePlan, type WriteOutcome } from "../../core";
import { changesBetween } from "../finding-key";
import type { FlagAnswer, PaneEngine, PaneResult, SheetDefinition } from "../engine-types";
import { synonymEdit } from "../synonym-edit";
import type { Locale } from "../locale";
import type { PaneWorkbook } from "../pane-workbook";
import type { Selection } from "../components/FindingsView";
import {
  canFlag,
  foundNothing,
  INITIAL_STATE,
  paneReducer,
  type CheckOutcome,
  type PaneState,
  type WriteKind,
  type WriteState,
} from "../state";
import { paneStrings } from "../strings";

export type Checker = {
  state: PaneState;
  asOf: string;
  setAsOf(asOf: string): void;
  /** The fiscal year typed in the pane ("" to find it in the workbook); optional for views built without it. */
  fiscalYear?: string;
  setFiscalYear?(year: string): void;
  onCheck(): void;
  onFillTable(): void;
  onClearFlags(): void;
  onSaveMapping(mapping: TableMapping[]): void;
  onSelect(finding: Pick<Finding, "sheet" | "cell">): void;
  /** Shows a sheet the add-in wrote (the findings sheet, the 绩效目标表). */
  onOpenSheet?(sheet: string): void;
  /** Adds an indicator name as a synonym of a definition on 指标定义, then checks again. */
  onAddSynonym?(name: string, definition: SheetDefinition): void;
  /** The last failure to open a sheet, shown until the next attempt. */
  openError?: string | null;
  /** The last failure to select a cell, shown until the next selection. */
  selectError: string | null;
  /** The cell the user last selected in Excel (the pane shows its finding). */
  selection: Selection | null;
};

/** Resolves after the browser has painted (two animation frames); at once where there are none (jsdom). */
const paintFirst = (): Promise<void> =>
  typeof requestAnimationFrame === "function"
    ? new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())))
    : Promise.resolve();

/** A User Timing mark (check-targets:read …), which the bench (bench/pane.ts) reads to say where the time goes. */
const mark = (name: string): void => {
  if (typeof performance !== "undefined" && typeof performance.mark === "function") performance.mark(`check-targets:${name}`);
};

export const isIsoDate = (text: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));

/**
 * Builds the pane's capabilities from the workbook: the one place where the pane talks to it.
 * The pane checks as soon as it opens (the ribbon button opens it), then flags the problems.
 */
export function useChecker(
  workbook: PaneWorkbook,
  options: { locale: Locale; today: string; engine: PaneEngine },
): Checker {
  const { locale, today, engine } = options;
  const text = paneStrings[locale];
  const [state, dispatch] = useReducer(paneReducer, INITIAL_STATE);
  const [asOf, setAsOf] = useState(today);
  const [fiscalYear, setFiscalYear] = useState("");
  // Read when a check runs, so a year typed since the last check applies to the next one.
  const yearRef = useRef<number | null>(null);
  yearRef.current = /^(19|20)\d{2}$/.test(fiscalYear.trim()) ? Number(fiscalYear.trim()) : null;
  const [selectError, setSelectError] = useState<string | null>(null);
  const [openError, setOpenError] = useState<string | null>(null);
  const [selection, setSelection] = useState<Selection | null>(null);
  const lastOutcome = useRef<CheckOutcome | null>(null);
  // One job at a time: a check, or a write, or a save followed by a check.
  const busy = useRef(false);
  const exclusive = useCallback(async (job: () => Promise<void>): Promise<void> => {
    if (busy.current) return;
    busy.current = true;
    try {
      await job();
    } finally {
      busy.current = false;
    }
  }, []);

  const messageOf = useCallback(
    (error: unknown): string =>
      error instanceof WorkbookError
        ? formatProblem(error.problem, locale)
        : text.unexpected(error instanceof Error ? error.message : String(error)),
    [text, locale],
  );

  /** A write after a check: `job` plans it, applies it and says what it did; a failure is shown. */
  const write = useCallback(
    async (what: WriteKind, job: () => Promise<{ detail: string; sheet?: string }>): Promise<boolean> => {
      dispatch({ type: "write-started", what });
      try {
        const done = await job();
        dispatch({ type: "write-succeeded", what, ...done });
        return true;
      } catch (error) {
        dispatch({ type: "write-failed", what, message: messageOf(error) });
        return false;
      }
    },
    [messageOf],
  );

  const check = useCallback(
    async (date: string): Promise<void> => {
      dispatch({ type: "check-started" });
      let access: CheckOutcome["access"] | null = null;
      // The flags the worker plans after the check (asked for with it), and what they came to.
      let planning: Promise<FlagAnswer> | null = null;
      let flags: FlagAnswer = null;
      let checked: CheckOutcome | null = null;
      let shown = false;
      let run: CheckRun<PaneResult>;
      // The core's check session, with the pane's own read (which also learns the workbook's
      // access), its engine (a worker: the pane stays responsive) and the flags that engine planned.
      const port = {
        read: async () => {
          const read = await workbook.readWithAccess();
          access = read.access;
          return read.data;
        },
        apply: (plan: WritePlan) => workbook.apply(plan),
      };
      const accessOf = (): CheckOutcome["access"] => {
        if (access === null) throw new Error("the workbook's access is known once it is read");
        return access;
      };
      try {
        run = await runCheck<PaneResult>(
          port,
          () => ({ asOf: date, locale, source: accessOf().name, fiscalYear: yearRef.current, checkedOn: today }),
          {
            check: async (data, options) => {
              const result = engine.check(data, options);
              // Asked for at once: the worker goes on to the flags while the pane shows the results.
              if (canFlag({ access: accessOf() })) {
                planning = engine.flags();
                // A failed check fails its flags too; the check's own failure is the one shown.
                planning.catch(() => undefined);
              }
              const answer = await result;
              mark("checked");
              return answer;
            },
            plan: async (data, result) => {
              checked = { asOf: date, data, result, access: accessOf() };
              if (planning === null || foundNothing(checked)) return null;
              // The results are shown while the flags are planned and written: the list waits for
              // neither, and gets two frames to paint first.
              shown = succeed(checked, { status: "writing", what: "flags" });
              await paintFirst();
              flags = await planning;
              return flags === "unchanged" ? null : flags;
            },
            onStage: (stage) => {
              if (stage.stage === "reading") mark("check");
              else if (stage.stage === "checking") {
                mark("read");
                dispatch({ type: "check-progress", progress: stage });
              }
            },
          },
        );
      } catch (error) {
        if (shown) dispatch({ type: "write-failed", what: "flags", message: messageOf(error) });
        else dispatch({ type: "check-failed", message: messageOf(error) });
        return;
      }
      const outcome: CheckOutcome = checked ?? { asOf: date, data: run.data, result: run.result, access: accessOf() };
      const writeState = flagsWritten(outcome, flags, run.write);
      mark("written");
      if (!shown) succeed(outcome, writeState);
      else dispatch({ type: "flags-settled", write: writeState });
    },
    [workbook, engine, locale, today, messageOf, text],
  );

  /** Shows a finished check, with what re-checking changed; true once shown. */
  function succeed(outcome: CheckOutcome, write: WriteState): true {
    const previous = lastOutcome.current;
    lastOutcome.current = outcome;
    const changes = previous === null ? null : changesBetween(previous.result.findings, outcome.result.findings);
    dispatch({ type: "check-succeeded", outcome, write, changes });
    return true;
  }

  /** What the session's write of the flags comes to, for the pane's message. */
  function flagsWritten(outcome: CheckOutcome, flags: FlagAnswer, write: WriteOutcome): WriteState {
    const sheet = outcome.result.findingsSheet;
    if (write.status === "failed") return { status: "failed", what: "flags", message: messageOf(write.error) };
    if (write.status === "written") {
      const { summary } = outcome.result.report;
      return {
        status: "written",
        what: "flags",
        detail: text.flagsWritten(summary.errors, summary.warnings),
        // The findings sheet is written with the flags (issue 14): the pane offers to open it.
        ...(write.plan.sheets.some((s) => s.name === sheet) ? { sheet } : {}),
      };
    }
    if (flags === "unchanged" && !foundNothing(outcome)) return { status: "unchanged", what: "flags", sheet };
    return { status: "none" };
  }

  // Excel's selection, shown in the pane: listened to for as long as the pane is open.
  useEffect(() => {
    if (workbook.watchSelection === undefined) return;
    let stop: (() => Promise<void>) | null = null;
    let closed = false;
    let at = 0;
    workbook
      .watchSelection((cell) => setSelection({ ...cell, at: ++at }))
      .then(
        (remove) => {
          if (closed) void remove();
          else stop = remove;
        },
        // Without selection events the pane still works: the link just runs one way.
        (error: unknown) => setSelectError(`${text.watchFailed}: ${messageOf(error)}`),
      );
    return () => {
      closed = true;
      if (stop !== null) void stop();
    };
  }, [workbook, text, messageOf]);

  // The ribbon button opens the pane: check at once.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void exclusive(() => check(today));
  }, [exclusive, check, today]);

  const current = state.status === "done" ? state.outcome : null;

  return {
    state,
    asOf,
    setAsOf,
    fiscalYear,
    setFiscalYear,
    selectError,
    openError,
    selection,
    onCheck: () => {
      if (isIsoDate(asOf)) void exclusive(() => check(asOf));
    },
    onFillTable: () => {
      if (current === null) return;
      void exclusive(async () => {
        await write("table", async () => {
          const plan = await engine.plan({ kind: "table" });
          await workbook.apply(plan);
          const sheet = plan.sheets[0]?.name ?? "";
          return { detail: text.tableWritten(sheet), sheet };
        });
      });
    },
    onClearFlags: () => {
      if (current === null) return;
      void exclusive(async () => {
        await write("clear", async () => {
          await workbook.apply(await engine.plan({ kind: "clear" }));
          return { detail: text.flagsCleared };
        });
      });
    },
    onSaveMapping: (mapping) => {
      if (current === null) return;
      void exclusive(async () => {
        const saved = await write("mapping", async () => {
          await workbook.apply(await engine.plan({ kind: "settings", mapping }));
          return { detail: text.mappingSaved };
        });
        if (saved) await check(current.asOf);
      });
    },
    ...(workbook.editCells === undefined
      ? {}
      : {
          onAddSynonym: (name: string, definition: SheetDefinition) => {
            if (current === null) return;
            void exclusive(async () => {
              let changed = false;
              const done = await write("synonym", async () => {
                const edits = synonymEdit(current.data, definition, name);
                if (edits === null) return { detail: text.synonymPresent(name, definition.name) };
                await workbook.editCells?.(edits);
                changed = true;
                return { detail: text.synonymAdded(name, definition.name) };
              });
              // The name now matches: the check shows it (and the flags follow).
              if (done && changed) await check(current.asOf);
            });
          },
        }),
    ...(workbook.activate === undefined
      ? {}
      : {
          onOpenSheet: (sheet: string) => {
            setOpenError(null);
            workbook
              .activate?.(sheet)
              .catch((error: unknown) => setOpenError(`${text.openFailed}: ${messageOf(error)}`));
          },
        }),
    onSelect: ({ sheet, cell }) => {
      setSelectError(null);
      workbook
        .select(sheet, cell)
        .catch((error: unknown) => setSelectError(`${text.selectFailed}: ${messageOf(error)}`));
    },
  };
}
