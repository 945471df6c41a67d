import type { TrafficLight } from "./model/report";

/**
 * The add-in's colours, once, as RRGGBB: Excel's light red, yellow and green presets, so a flag
 * looks like the conditional formats staff already know. Each adapter writes them in its own
 * notation (#RRGGBB for Office.js, FFRRGGBB for the package's XML) with the helpers below.
 */
export const FLAG_FILL = { error: "FFC7CE", warning: "FFEB9C", info: "DDEBF7" } as const;

/** A project's traffic light: red, amber and green as the flags; blue for beaten targets. */
export const LIGHT_FILL: Readonly<Record<TrafficLight, string>> = {
  red: FLAG_FILL.error,
  amber: FLAG_FILL.warning,
  green: "C6EFCE",
  blue: "BDD7EE",
};

/** Office.js colour notation. */
export const hashColor = (rgb: string): string => `#${rgb}`;
/** OOXML colour notation: opaque alpha first. */
export const argbColor = (rgb: string): string => `FF${rgb}`;
