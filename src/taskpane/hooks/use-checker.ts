import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import {
  checkWorkbook,
  planClear,
  planFlagWrite,
  planSettingsSheet,
  planTableWrite,
  WorkbookError,
  type Finding,
  type TableMapping,
  type WritePlan,
} from "../../core";
import type { Locale } from "../locale";
import type { PaneWorkbook } from "../pane-workbook";
import { canFlag, INITIAL_STATE, paneReducer, type CheckOutcome, type PaneState, type WriteKind } from "../state";
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
  /** The last failure to select a cell, shown until the next selection. */
  selectError: string | null;
};

export const isIsoDate = (text: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));

/**
 * Builds the pane's capabilities from the workbook: the one place where the pane talks to it.
 * The pane checks as soon as it opens (the ribbon button opens it), then flags the problems.
 */
export function useChecker(workbook: PaneWorkbook, options: { locale: Locale; today: string }): Checker {
  const { locale, today } = options;
  const text = paneStrings[locale];
  const [state, dispatch] = useReducer(paneReducer, INITIAL_STATE);
  const [asOf, setAsOf] = useState(today);
  const [fiscalYear, setFiscalYear] = useState("");
  // Read when a check runs, so a year typed since the last check applies to the next one.
  const yearRef = useRef<number | null>(null);
  yearRef.current = /^(19|20)\d{2}$/.test(fiscalYear.trim()) ? Number(fiscalYear.trim()) : null;
  const [selectError, setSelectError] = useState<string | null>(null);
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
        ? error.message
        : text.unexpected(error instanceof Error ? error.message : String(error)),
    [text],
  );

  const write = useCallback(
    async (what: WriteKind, plan: WritePlan, detail: string): Promise<boolean> => {
      dispatch({ type: "write-started", what });
      try {
        await workbook.apply(plan);
        dispatch({ type: "write-succeeded", what, detail });
        return true;
      } catch (error) {
        dispatch({ type: "write-failed", what, message: messageOf(error) });
        return false;
      }
    },
    [workbook, messageOf],
  );

  const check = useCallback(
    async (date: string): Promise<void> => {
      dispatch({ type: "check-started" });
      let outcome: CheckOutcome;
      try {
        const { data, access } = await workbook.readWithAccess();
        const result = checkWorkbook(data, {
          asOf: date,
          locale,
          source: access.name,
          fiscalYear: yearRef.current,
        });
        outcome = { asOf: date, data, result, access };
      } catch (error) {
        dispatch({ type: "check-failed", message: messageOf(error) });
        return;
      }
      dispatch({ type: "check-succeeded", outcome });
      if (!canFlag(outcome)) return;
      const { summary } = outcome.result.report;
      await write(
        "flags",
        planFlagWrite(outcome.data, outcome.result),
        text.flagsWritten(summary.errors, summary.warnings),
      );
    },
    [workbook, locale, messageOf, write, text],
  );

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
    onCheck: () => {
      if (isIsoDate(asOf)) void exclusive(() => check(asOf));
    },
    onFillTable: () => {
      if (current === null) return;
      const plan = planTableWrite(current.data, current.result);
      void exclusive(async () => void (await write("table", plan, text.tableWritten(plan.sheets[0]?.name ?? ""))));
    },
    onClearFlags: () => {
      if (current === null) return;
      void exclusive(
        async () => void (await write("clear", planClear(current.data, { table: false }), text.flagsCleared)),
      );
    },
    onSaveMapping: (mapping) => {
      if (current === null) return;
      const plan: WritePlan = {
        sheets: [planSettingsSheet(current.result.settings, mapping)],
        names: null,
        flags: null,
        removeSheets: [],
      };
      void exclusive(async () => {
        if (await write("mapping", plan, text.mappingSaved)) await check(current.asOf);
      });
    },
    onSelect: ({ sheet, cell }) => {
      setSelectError(null);
      workbook
        .select(sheet, cell)
        .catch((error: unknown) => setSelectError(`${text.selectFailed}: ${messageOf(error)}`));
    },
  };
}
