/**
 * The pane's language, chosen in one place (docs/task-pane.md): the add-in speaks zh-CN by default
 * and en-US when Office's display language is English.
 */
export type Locale = "zh-CN" | "en-US";

/** Maps Office's display language (e.g. "zh-CN", "en-GB") to the pane's locale. */
export function localeFor(displayLanguage: string | undefined): Locale {
  return displayLanguage !== undefined && /^en(-|$)/i.test(displayLanguage) ? "en-US" : "zh-CN";
}

/** The locale for the running Office host (call after Office.onReady). */
export function officeLocale(): Locale {
  // Outside Office (a plain browser) Office.context has no display language.
  return localeFor(Office.context?.displayLanguage);
}
