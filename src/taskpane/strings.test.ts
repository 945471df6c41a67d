import fc from "fast-check";
import { paneStrings } from "./strings";

describe("the pane's long dates", () => {
  it("read as Intl's long date in each language, for any calendar date", () => {
    const intl = {
      "zh-CN": new Intl.DateTimeFormat("zh-CN", { dateStyle: "long", timeZone: "UTC" }),
      "en-US": new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" }),
    } as const;
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2199-12-31T00:00:00Z"), noInvalidDate: true }),
        fc.constantFrom("zh-CN" as const, "en-US" as const),
        (date, locale) => {
          const iso = date.toISOString().slice(0, 10);
          expect(paneStrings[locale].asOfLong(iso)).toBe(intl[locale].format(new Date(`${iso}T00:00:00Z`)));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("spells out the sample's date", () => {
    expect(paneStrings["zh-CN"].asOfLong("2026-06-30")).toBe("2026年6月30日");
    expect(paneStrings["en-US"].asOfLong("2026-06-30")).toBe("June 30, 2026");
  });
});
