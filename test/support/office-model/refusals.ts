import type { FakeSheet, FakeWorkbook } from "./model";
import { FakeRichApiError } from "./runtime";

/**
 * What Excel refuses at sync whichever object asks, with Office's error codes: an API the host's
 * requirement sets lack (ApiNotFound), a change to a protected sheet or to a protected workbook's
 * structure (AccessDenied), a feature the legacy shared-workbook mode lacks (a code the test
 * chooses), a colour that is not #RRGGBB (InvalidArgument). The sources of the protection and
 * shared-mode refusals: docs/excel-behaviour.md, "Sheets, names, printing".
 */

function versionAtLeast(have: string, want: string): boolean {
  const [h1 = 0, h2 = 0] = have.split(".").map(Number);
  const [w1 = 0, w2 = 0] = want.split(".").map(Number);
  return h1 > w1 || (h1 === w1 && h2 >= w2);
}

/** Office raises ApiNotFound at sync for an API the host's requirement sets lack. */
export function requireApi(workbook: FakeWorkbook, version: string, api: string): void {
  if (!versionAtLeast(workbook.excelApi, version)) {
    throw new FakeRichApiError("ApiNotFound", `${api} needs ExcelApi ${version}; this host has ${workbook.excelApi}`);
  }
}

export function guardCells(sheet: FakeSheet): void {
  if (sheet.protected) {
    throw new FakeRichApiError(
      "AccessDenied",
      `The cell or chart you're trying to change is on a protected sheet (${sheet.name}).`,
    );
  }
}

export function guardLegacyShared(workbook: FakeWorkbook, feature: string): void {
  if (workbook.legacyShared) {
    // Office.js documents no answer for this mode: a test chooses it (AccessDenied by default).
    throw new FakeRichApiError(
      workbook.legacySharedCode ?? "AccessDenied",
      `${feature} is not available in a shared workbook.`,
    );
  }
}

export function guardStructure(workbook: FakeWorkbook): void {
  if (workbook.structureProtected) {
    throw new FakeRichApiError("AccessDenied", "The workbook's structure is protected.");
  }
}

export function normaliseColor(color: unknown): string {
  if (typeof color !== "string" || !/^#[0-9a-f]{6}$/i.test(color)) {
    throw new FakeRichApiError("InvalidArgument", `not a colour: ${String(color)}`);
  }
  return color.toUpperCase();
}
