import { localeFor } from "./locale";

describe("localeFor", () => {
  it.each([
    ["zh-CN", "zh-CN"],
    ["zh-TW", "zh-CN"],
    ["en-US", "en-US"],
    ["en-GB", "en-US"],
    ["EN-us", "en-US"],
    ["en", "en-US"],
    ["fr-FR", "zh-CN"],
    ["eng", "zh-CN"],
    ["", "zh-CN"],
    [undefined, "zh-CN"],
  ] as const)("%p → %s", (displayLanguage, expected) => {
    expect(localeFor(displayLanguage)).toBe(expected);
  });
});
