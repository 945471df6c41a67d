import { FluentProvider } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { ExcelWorkbook, isExcelHost, officeHost } from "../excel";
import { App } from "./App";
import { officeLocale } from "./locale";
import { localDate, paneTheme } from "./theme";

/** Starts the pane once Office is ready: the same code runs in Excel (index.tsx) and in the preview (preview.tsx). */
export async function start(options: { today?: string } = {}): Promise<void> {
  const info = await Office.onReady();
  const container = document.getElementById("container");
  if (container === null) throw new Error("taskpane.html has no #container element");
  if (!isExcelHost(info)) throw new Error(`this add-in runs in Excel only (host: ${String(info.host)})`);
  const locale = officeLocale();
  document.documentElement.lang = locale;
  const workbook = new ExcelWorkbook({ host: officeHost(), locale });
  createRoot(container).render(
    <FluentProvider theme={paneTheme(window.matchMedia?.bind(window))}>
      <App workbook={workbook} locale={locale} today={options.today ?? localDate(new Date())} />
    </FluentProvider>,
  );
}

export function showStartFailure(error: unknown): void {
  // React may be what failed: show the reason as plain text, and report it to the console.
  const reason = error instanceof Error ? error.message : String(error);
  document.body.textContent = `检查目标无法启动 / Check Targets could not start: ${reason}`;
  reportError(error);
}
