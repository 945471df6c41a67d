/**
 * `npm run preview`: the pane in a plain browser against a workbook (the sample by default), held
 * by the in-memory Excel in place of office.js. The workbook arrives as JSON (made from the .xlsx
 * at build time), so the bundle holds no ExcelJS.
 *
 * Query parameters: lang=en-US (Office's display language), readOnly=1 (opened read-only),
 * asOf=YYYY-MM-DD (the check's date, default today), theme=dark (Office's dark theme),
 * data=FILE.json (another workbook served beside the page; the e2e test and the bench use it).
 * The fake is exposed as window.checkTargetsPreview for the end-to-end test.
 */
import type { WorkbookData } from "../../src/core";
import { FakeExcel, workbookFromData } from "../../test/support/office-model";
import { installFakeOffice } from "../../test/support/office-model/install";
import { showStartFailure, start } from "../../src/taskpane/boot";

declare global {
  interface Window {
    checkTargetsPreview?: FakeExcel;
    /** The workbook's JSON, requested by preview.html before the bundle ran. */
    previewResponse?: Promise<Response>;
  }
}

/** Office's colours in its dark theme ("Black" on Windows), as Office.context.officeTheme reports them. */
const DARK_OFFICE_THEME = {
  bodyBackgroundColor: "#262626",
  bodyForegroundColor: "#FFFFFF",
  controlBackgroundColor: "#3B3B3B",
  controlForegroundColor: "#FFFFFF",
};

function isWorkbookData(json: unknown): json is WorkbookData & { name?: string } {
  return typeof json === "object" && json !== null && Array.isArray((json as { sheets?: unknown }).sheets);
}

function showStatus(fake: FakeExcel, element: HTMLElement | null): void {
  if (element === null) return;
  const { selection, sheets } = fake.workbook;
  const rules = sheets.reduce((n, s) => n + s.conditionalFormats.length, 0);
  const at = selection === null ? "—" : `${selection.sheet}!${selection.address}`;
  element.textContent = `预览 Preview · 选中 Selected: ${at} · 条件格式 Conditional formats: ${rules} · 工作表 Sheets: ${sheets.map((s) => s.name).join(", ")}`;
}

/** Marks of the harness's own work, which Excel would not do (the bench tells it apart from the pane's). */
const mark = (name: string) => performance.mark(`check-targets:preview-${name}`);

async function preview(): Promise<void> {
  mark("script");
  const params = new URLSearchParams(window.location.search);
  const file = params.get("data") ?? "workbook.json";
  if (!/^[\w.-]+\.json$/.test(file)) throw new Error(`data=${file}: a .json file beside the page`);
  const response = await (window.previewResponse ?? fetch(file));
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
  const json: unknown = await response.json();
  if (!isWorkbookData(json)) throw new Error(`${file} is not workbook data`);
  const fake = new FakeExcel(
    workbookFromData(json, {
      name: json.name ?? "workbook.xlsx",
      excelApi: "1.13",
      readOnly: params.get("readOnly") === "1",
    }),
    // Excel runs a batch in its own process: the fake lets the page run every 30 ms of a batch.
    { timeSlice: 30 },
  );
  mark("workbook");
  const status = document.getElementById("preview-status");
  const run = fake.run;
  Object.defineProperty(fake, "run", {
    value: async <T,>(batch: Parameters<typeof run<T>>[0]): Promise<T> => {
      try {
        return await run(batch);
      } finally {
        showStatus(fake, status);
      }
    },
  });
  window.checkTargetsPreview = fake;
  installFakeOffice(fake, params.get("lang") ?? "zh-CN");
  if (params.get("theme") === "dark") {
    (Office.context as { officeTheme?: typeof DARK_OFFICE_THEME }).officeTheme = DARK_OFFICE_THEME;
  }
  const asOf = params.get("asOf");
  await start(asOf === null ? {} : { today: asOf });
}

preview().catch(showStartFailure);
