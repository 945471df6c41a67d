/**
 * `npm run preview`: the pane in a plain browser against the sample workbook, held by the
 * in-memory Excel in place of office.js. The workbook arrives as JSON (made from
 * samples/sample.xlsx at build time), so the bundle holds no ExcelJS.
 *
 * Query parameters: lang=en-US (Office's display language), readOnly=1 (opened read-only),
 * asOf=YYYY-MM-DD (the check's date, default today).
 * The fake is exposed as window.checkTargetsPreview for the end-to-end test.
 */
import type { WorkbookData } from "../core";
import { FakeExcel, workbookFromData } from "../excel/fake";
import { installFakeOffice } from "../excel/fake/install";
import { showStartFailure, start } from "./boot";

declare global {
  interface Window {
    checkTargetsPreview?: FakeExcel;
  }
}

function isWorkbookData(json: unknown): json is WorkbookData {
  return typeof json === "object" && json !== null && Array.isArray((json as { sheets?: unknown }).sheets);
}

function showStatus(fake: FakeExcel, element: HTMLElement | null): void {
  if (element === null) return;
  const { selection, sheets } = fake.workbook;
  const rules = sheets.reduce((n, s) => n + s.conditionalFormats.length, 0);
  const at = selection === null ? "—" : `${selection.sheet}!${selection.address}`;
  element.textContent = `预览 Preview · 选中 Selected: ${at} · 条件格式 Conditional formats: ${rules} · 工作表 Sheets: ${sheets.map((s) => s.name).join(", ")}`;
}

async function preview(): Promise<void> {
  const params = new URLSearchParams(window.location.search);
  const response = await fetch("sample-workbook.json");
  if (!response.ok) throw new Error(`sample-workbook.json: HTTP ${response.status}`);
  const json: unknown = await response.json();
  if (!isWorkbookData(json)) throw new Error("sample-workbook.json is not workbook data");
  const fake = new FakeExcel(
    workbookFromData(json, { name: "sample.xlsx", excelApi: "1.13", readOnly: params.get("readOnly") === "1" }),
  );
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
  const asOf = params.get("asOf");
  await start(asOf === null ? {} : { today: asOf });
}

preview().catch(showStartFailure);
