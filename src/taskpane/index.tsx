import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { officeLocale } from "./locale";

async function start(): Promise<void> {
  await Office.onReady();
  const container = document.getElementById("container");
  if (container === null) throw new Error("taskpane.html has no #container element");
  const locale = officeLocale();
  document.documentElement.lang = locale;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App locale={locale} />
    </FluentProvider>,
  );
}

start().catch((error: unknown) => {
  // React may be what failed: show the reason as plain text, and report it to the console.
  const reason = error instanceof Error ? error.message : String(error);
  document.body.textContent = `检查目标无法启动 / Check Targets could not start: ${reason}`;
  reportError(error);
});
