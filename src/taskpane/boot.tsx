import { FluentProvider, webDarkTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { ExcelWorkbook, isExcelHost, officeHost, watchSelection, type ReadResult } from "../excel";
import { App } from "./App";
import { localEngine } from "./engine-port";
import type { PaneEngine } from "./engine-types";
import { workerEngine } from "./engine-worker-client";
import { officeLocale } from "./locale";
import type { PaneWorkbook } from "./pane-workbook";
import { localDate, paneTheme } from "./theme";

/** Starts the pane once Office is ready: the same code runs in Excel (index.tsx) and in the preview (preview.tsx). */
export async function start(options: { today?: string } = {}): Promise<void> {
  const info = await Office.onReady();
  const container = document.getElementById("container");
  if (container === null) throw new Error("taskpane.html has no #container element");
  if (!isExcelHost(info)) throw new Error(`this add-in runs in Excel only (host: ${String(info.host)})`);
  const locale = officeLocale();
  document.documentElement.lang = locale;
  const host = officeHost();
  const adapter = new ExcelWorkbook({ host });
  // The first check's read starts now, so Excel reads while React renders the pane; the check that
  // opens the pane takes it, later checks read afresh. Its failure reaches that check (and its
  // message), so here it is only marked as handled.
  let firstRead: Promise<ReadResult> | null = adapter.readWithAccess();
  firstRead.catch(() => undefined);
  const workbook: PaneWorkbook = {
    readWithAccess: () => {
      const read = firstRead ?? adapter.readWithAccess();
      firstRead = null;
      return read;
    },
    apply: (plan) => adapter.apply(plan),
    select: (sheet, cell) => adapter.select(sheet, cell),
    activate: (sheet) => adapter.activate(sheet),
    editCells: (edits) => adapter.editCells(edits),
    watchSelection: (listener) => watchSelection(host, listener),
  };
  // Office's theme as the pane opens (Office.context.officeTheme, Office 2016 and later).
  const officeTheme = (Office.context as { officeTheme?: { bodyBackgroundColor?: string } }).officeTheme;
  const theme = paneTheme(window.matchMedia?.bind(window), officeTheme);
  document.documentElement.style.colorScheme = theme === webDarkTheme ? "dark" : "light";
  document.body.style.backgroundColor = theme.colorNeutralBackground1;
  // The check runs in a Web Worker, started now so its code loads while the workbook is read.
  const engine = startEngine();
  createRoot(container).render(
    <FluentProvider theme={theme}>
      <App workbook={workbook} locale={locale} today={options.today ?? localDate(new Date())} engine={engine} />
    </FluentProvider>,
  );
}

/** The engine in a Web Worker; in the pane's thread where a worker cannot start (said on the console). */
function startEngine(): PaneEngine {
  if (typeof Worker !== "function") return localEngine();
  try {
    return workerEngine();
  } catch (error) {
    console.warn("Check Targets: the checking engine runs in the pane's thread (no Web Worker):", error);
    return localEngine();
  }
}

export function showStartFailure(error: unknown): void {
  // React may be what failed: show the reason as plain text, and report it to the console.
  const reason = error instanceof Error ? error.message : String(error);
  document.body.textContent = `检查目标无法启动 / Check Targets could not start: ${reason}`;
  reportError(error);
}
