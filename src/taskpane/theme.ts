import { teamsHighContrastTheme, webLightTheme, type Theme } from "@fluentui/react-components";

/**
 * Windows high contrast (forced colours) is common among Office users: Fluent's high-contrast
 * theme then, its light web theme otherwise.
 */
export function paneTheme(matchMedia: ((query: string) => { matches: boolean }) | undefined): Theme {
  return matchMedia?.("(forced-colors: active)").matches === true ? teamsHighContrastTheme : webLightTheme;
}

/** Today as YYYY-MM-DD in the user's time zone. */
export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
