/** An Office.js error (OfficeExtension.Error, "RichApi.Error") as far as the adapter reads it. */
export type OfficeErrorLike = { code: string; message: string; debugInfo?: { errorLocation?: string } };

export function officeError(error: unknown): OfficeErrorLike | null {
  if (typeof error !== "object" || error === null) return null;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return typeof code === "string" && typeof message === "string" ? (error as OfficeErrorLike) : null;
}

/** Codes with which Excel refuses a change: protection, or a feature the legacy shared mode locks. */
export const REFUSED = new Set(["AccessDenied", "UnsupportedFeature", "UnsupportedOperation"]);

/**
 * Codes with which Excel refuses a read too large: a range property over 5,000,000 cells, or a
 * request or response over Excel on the web's 5 MB ("Error handling with the application-specific
 * JavaScript APIs"; "Resource limits and performance optimization for Office Add-ins").
 */
export const TOO_LARGE = new Set([
  "RangeExceedsLimit",
  "ResponsePayloadSizeLimitExceeded",
  "RequestPayloadSizeLimitExceeded",
]);

export const errorCode = (error: unknown): string | null => officeError(error)?.code ?? null;

/** Where an Office error happened, e.g. "Range.getMergedAreasOrNullObject". */
export const errorLocation = (error: unknown): string => officeError(error)?.debugInfo?.errorLocation ?? "";

/** A short technical detail for a message: "ItemNotFound: …". */
export function errorDetail(error: unknown): string {
  const office = officeError(error);
  if (office !== null) return `${office.code}: ${office.message}`;
  return error instanceof Error ? error.message : String(error);
}
