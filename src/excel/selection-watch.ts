import { splitSheet } from "./a1";
import type { ExcelHost } from "./host";

/** A cell or range the user selected: its sheet and A1 address (without the sheet). */
export type SelectedCell = { sheet: string; address: string };

/**
 * Follows the user's selection: Workbook.onSelectionChanged (ExcelApi 1.2, within the manifest's
 * 1.8), then the selected range's address in a batch of its own. Resolves once Excel has the
 * handler, to a function that removes it.
 */
export async function watchSelection(
  host: ExcelHost,
  listener: (selection: SelectedCell) => void,
): Promise<() => Promise<void>> {
  const selected = () =>
    host.run(async (context) => {
      const range = context.workbook.getSelectedRange();
      range.load("address");
      await context.sync();
      return range.address;
    });
  const registration = await host.run(async (context) => {
    const handler = context.workbook.onSelectionChanged.add(async () => {
      const { sheet, area } = splitSheet(await selected());
      if (sheet !== null) listener({ sheet, address: area });
    });
    await context.sync();
    return handler;
  });
  return async () => {
    registration.remove();
    await registration.context.sync();
  };
}
