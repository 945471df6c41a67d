import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

/** What the pane reads of Office.context.officeTheme (absent outside Office and in older hosts). */
export type OfficeColors = { bodyBackgroundColor?: string } | undefined;

/** Relative luminance of a #rrggbb colour (WCAG 2.x), or null for anything else. */
export function luminance(hex: string): number | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (m === null) return null;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const c = Number.parseInt(h ?? "0", 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Windows high contrast (forced colours) is common among Office users: Fluent's high-contrast
 * theme then. Otherwise the pane follows Office's own theme: dark when Office's body background
 * is dark (the Black and Dark Gray themes), light otherwise.
 */
export function paneTheme(
  matchMedia: ((query: string) => { matches: boolean }) | undefined,
  office: OfficeColors = undefined,
): Theme {
  if (matchMedia?.("(forced-colors: active)").matches === true) return teamsHighContrastTheme;
  const background = office?.bodyBackgroundColor === undefined ? null : luminance(office.bodyBackgroundColor);
  return background !== null && background < 0.2 ? webDarkTheme : webLightTheme;
}

/** Today as YYYY-MM-DD in the user's time zone. */
export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
