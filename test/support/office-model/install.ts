import type { FakeExcel } from "./index";

/**
 * Puts the in-memory Excel where office.js would be (globalThis.Office, Excel), so that the
 * task pane runs unchanged in a plain browser: `npm run preview` and the end-to-end test.
 */
export function installFakeOffice(fake: FakeExcel, displayLanguage: string): void {
  const globals = globalThis as unknown as Record<string, unknown>;
  globals.Excel = {
    run: fake.run,
    ConditionalFormatType: { custom: "Custom" },
    SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
  };
  const platform = fake.workbook.platform === "web" ? "OfficeOnline" : "PC";
  globals.Office = {
    HostType: { Excel: "Excel" },
    PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC" },
    onReady: () => Promise.resolve({ host: "Excel", platform }),
    context: { displayLanguage, platform, requirements: { isSetSupported: fake.isSetSupported } },
    actions: { associate: () => undefined },
  };
}
