import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { luminance, paneTheme } from "./theme";

const media = (forced: boolean) => (query: string) => ({ matches: forced && query.includes("forced-colors") });

describe("the pane's theme", () => {
  it("follows Office's dark and light themes", () => {
    expect(paneTheme(media(false), { bodyBackgroundColor: "#262626" })).toBe(webDarkTheme);
    expect(paneTheme(media(false), { bodyBackgroundColor: "#444444" })).toBe(webDarkTheme);
    expect(paneTheme(media(false), { bodyBackgroundColor: "#FFFFFF" })).toBe(webLightTheme);
    expect(paneTheme(media(false), { bodyBackgroundColor: "#E6E6E6" })).toBe(webLightTheme);
    expect(paneTheme(media(false))).toBe(webLightTheme);
  });

  it("keeps high contrast above any Office theme", () => {
    expect(paneTheme(media(true), { bodyBackgroundColor: "#262626" })).toBe(teamsHighContrastTheme);
  });

  it("reads a colour's luminance, and nothing from what is not a colour", () => {
    expect(luminance("#000000")).toBe(0);
    expect(luminance("ffffff")).toBeCloseTo(1);
    expect(luminance("transparent")).toBeNull();
  });
});
