import type { WorkbookData } from "../core";
import type { WorkbookAccess } from "../excel";
import type { PaneResult } from "./engine-types";

/**
 * The pane's state: a union driven by one reducer (docs/architecture.md, conventions), never a heap of flags.
 * idle → checking → done | failed; a write (flags, table, clear, mapping) runs within done.
 */

/** A finished check: what was read, what was found, and whether the workbook can be written. */
export type CheckOutcome = {
  asOf: string;
  data: WorkbookData;
  result: PaneResult;
  access: WorkbookAccess;
};

export type WriteKind = "flags" | "table" | "clear" | "mapping" | "synonym";

export type WriteState =
  | { status: "none" }
  /** The workbook already carries exactly the flags this check would write: nothing was written. */
  | { status: "unchanged"; what: "flags"; sheet?: string }
  | { status: "writing"; what: WriteKind }
  /** `sheet`: the sheet the write made, which the pane offers to open (the findings sheet, the 绩效目标表). */
  | { status: "written"; what: WriteKind; detail: string; sheet?: string }
  | { status: "failed"; what: WriteKind; message: string };

/** Where a running check is, with what it has counted so far. */
export type CheckStage =
  | { stage: "reading" }
  | { stage: "checking"; sheets: number; rows: number }
  | { stage: "writing"; findings: number; rules: number };

/** What a re-check changed, by finding identity (finding-list.ts); null after the first check. */
export type Changes = { resolved: number; added: number } | null;

export type PaneState =
  | { status: "idle" }
  | { status: "checking"; previous: CheckOutcome | null; progress: CheckStage }
  | { status: "done"; outcome: CheckOutcome; write: WriteState; changes: Changes }
  | { status: "failed"; message: string; previous: CheckOutcome | null };

export type PaneEvent =
  | { type: "check-started" }
  | { type: "check-progress"; progress: CheckStage }
  /** The check and the flags written with it (`write`: how that write ended). */
  | { type: "check-succeeded"; outcome: CheckOutcome; write?: WriteState; changes?: Changes }
  | { type: "check-failed"; message: string }
  | { type: "write-started"; what: WriteKind }
  | { type: "write-succeeded"; what: WriteKind; detail: string; sheet?: string }
  | { type: "write-failed"; what: WriteKind; message: string }
  /** How the flags written with a check (shown while they were planned and written) ended. */
  | { type: "flags-settled"; write: WriteState };

export const INITIAL_STATE: PaneState = { status: "idle" };

const outcomeOf = (state: PaneState): CheckOutcome | null =>
  state.status === "done" ? state.outcome : state.status === "idle" ? null : state.previous;

export function paneReducer(state: PaneState, event: PaneEvent): PaneState {
  switch (event.type) {
    // One job at a time is the hook's rule (useChecker's `exclusive`): the events come in order.
    case "check-started":
      return { status: "checking", previous: outcomeOf(state), progress: { stage: "reading" } };
    case "check-progress":
      return state.status === "checking" ? { ...state, progress: event.progress } : state;
    case "check-succeeded":
      return {
        status: "done",
        outcome: event.outcome,
        write: event.write ?? { status: "none" },
        changes: event.changes ?? null,
      };
    case "check-failed":
      return { status: "failed", message: event.message, previous: outcomeOf(state) };
    case "write-started":
      // Writes need a finished check.
      if (state.status !== "done") return state;
      return { ...state, write: { status: "writing", what: event.what } };
    case "flags-settled":
      if (state.status !== "done" || state.write.status !== "writing" || state.write.what !== "flags") return state;
      return { ...state, write: event.write };
    case "write-succeeded":
    case "write-failed":
      if (state.status !== "done" || state.write.status !== "writing" || state.write.what !== event.what) return state;
      return {
        ...state,
        write:
          event.type === "write-succeeded"
            ? {
                status: "written",
                what: event.what,
                detail: event.detail,
                ...(event.sheet === undefined ? {} : { sheet: event.sheet }),
              }
            : { status: "failed", what: event.what, message: event.message },
      };
  }
}

/** Why the pane may not write to this workbook, or null. */
export const isReadOnly = (outcome: Pick<CheckOutcome, "access">): boolean => outcome.access.readOnly;

/** Whether the last check's flags can be written: not read-only, no protected staff sheet. */
export const canFlag = (outcome: Pick<CheckOutcome, "access">): boolean =>
  !isReadOnly(outcome) && outcome.access.protectedSheets.length === 0;

/** No table of any known layout was found: nothing to flag, nothing to fill. */
export const foundNothing = (outcome: CheckOutcome): boolean =>
  outcome.result.mapping.length === 0 && outcome.result.projectKeys.length === 0;

/** The pane root's data-check-state, for automation (the e2e test, the bench). */
export const checkState = (state: PaneState): "idle" | "checking" | "done" | "failed" => state.status;
