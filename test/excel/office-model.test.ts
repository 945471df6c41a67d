import { FakeExcel, newSheet, newWorkbook, snapshot, type FakeWorkbook } from "../support/office-model";
import type { FakeExcelContext } from "../support/office-model";

/** The in-memory Excel behaves as Office.js does where the adapter's correctness depends on it. */

function workbook(excelApi = "1.8"): FakeWorkbook {
  const wb = newWorkbook({ excelApi });
  const sheet = newSheet(wb, "数据");
  sheet.rows = [[{ value: "项目" }, { value: 5 }], [{ value: "x" }]];
  wb.sheets.push(sheet);
  return wb;
}

const run = <T>(fake: FakeExcel, batch: (context: FakeExcelContext) => Promise<T>) => fake.run(batch);

describe("the in-memory Excel", () => {
  it("lets the page run during a long batch when time-sliced (the preview), yet runs batches one at a time", async () => {
    const sliced = async (timeSlice: number | undefined) => {
      const fake = new FakeExcel(workbook(), timeSlice === undefined ? {} : { timeSlice });
      let ticks = 0;
      let stop = false;
      const tick = () => {
        ticks++;
        if (!stop) setTimeout(tick, 0);
      };
      const writer = fake.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("数据");
        for (let i = 1; i <= 60; i++) sheet.getRange(`C${i}`).values = [[i]];
        setTimeout(tick, 0);
        await context.sync();
        return ticks;
      });
      // Another batch, sent while the first runs: it sees all of the first batch's writes or none.
      const reader = fake.run(async (context) => {
        const range = context.workbook.worksheets.getItem("数据").getRange("C1:C60");
        range.load("values");
        await context.sync();
        return range.values.flat();
      });
      const [during, seen] = await Promise.all([writer, reader]);
      stop = true;
      return { during, seen };
    };
    const on = await sliced(0);
    expect(on.during).toBeGreaterThan(10);
    const all = Array.from({ length: 60 }, (_, i) => i + 1);
    expect([all, all.map(() => "")]).toContainEqual(on.seen);
    // Tests leave it off: a batch runs at once, as before.
    const off = await sliced(undefined);
    expect(off.during).toBeLessThanOrEqual(2);
  });

  it("throws PropertyNotLoaded for a property read before load and sync, as Office does", async () => {
    const fake = new FakeExcel(workbook());
    await run(fake, async (context) => {
      const range = context.workbook.worksheets.getItem("数据").getRange("A1:B2");
      // The reads the office-addins lint rules forbid are the point of this test.
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      range.load("values");
      expect(() => range.values).toThrow(/not available/);
      await context.sync();
      expect(range.values).toEqual([
        ["项目", 5],
        ["x", ""],
      ]);
      expect(() => range.formulas).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  it("queues writes until sync and counts every sync", async () => {
    const wb = workbook();
    const fake = new FakeExcel(wb);
    await run(fake, async (context) => {
      context.workbook.worksheets.getItem("数据").getRange("C1").values = [["new"]];
      expect(wb.sheets[0]?.rows[0]?.[2]).toBeUndefined();
      await context.sync();
      expect(wb.sheets[0]?.rows[0]?.[2]).toEqual({ value: "new" });
    });
    expect(fake.syncs).toBe(1);
  });

  it("stops a batch at the failing action and keeps what ran before (no rollback)", async () => {
    const wb = workbook();
    const fake = new FakeExcel(wb);
    await expect(
      run(fake, async (context) => {
        const sheet = context.workbook.worksheets.getItem("数据");
        sheet.getRange("C1").values = [["written"]];
        context.workbook.worksheets.getItem("missing").getRange("A1").values = [["x"]];
        sheet.getRange("D1").values = [["never"]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
    expect(wb.sheets[0]?.rows[0]?.[2]?.value).toBe("written");
    expect(wb.sheets[0]?.rows[0]?.[3]).toBeUndefined();
  });

  it("locates a used range afresh after a write in the same sync, and after a change between syncs", async () => {
    const wb = workbook();
    const fake = new FakeExcel(wb);
    const addresses = await run(fake, async (context) => {
      const sheet = context.workbook.worksheets.getItem("数据");
      const before = sheet.getUsedRange(true);
      before.load("address");
      sheet.getRange("D5").values = [["new"]];
      const after = sheet.getUsedRange(true);
      after.load("address");
      await context.sync();
      // A test's change to the state between syncs, as putting a stray value does.
      (wb.sheets[0] as FakeWorkbook["sheets"][number]).rows[9] = [{ value: "stray" }];
      const later = sheet.getUsedRange(true);
      later.load("address");
      await context.sync();
      return [before.address, after.address, later.address];
    });
    expect(addresses).toEqual(["数据!A1:B2", "数据!A1:D5", "数据!A1:D10"]);
  });

  it("gives the range at row and column indexes (ExcelApi 1.7), refusing one outside the grid", async () => {
    const fake = new FakeExcel(workbook());
    const address = await run(fake, async (context) => {
      const range = context.workbook.worksheets.getItem("数据").getRangeByIndexes(1, 0, 1, 2);
      range.load("address,values");
      await context.sync();
      return [range.address, range.values];
    });
    expect(address).toEqual(["数据!A2:B2", [["x", ""]]]);
    await expect(
      run(fake, async (context) => {
        context.workbook.worksheets.getItem("数据").getRangeByIndexes(1_048_575, 0, 2, 1).load("address");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("refuses an Excel.run that leaves actions unsent", async () => {
    const fake = new FakeExcel(workbook());
    await expect(
      run(fake, async (context) => {
        context.workbook.worksheets.getItem("数据").getRange("A1").values = [["lost"]];
      }),
    ).rejects.toThrow(/never sent/);
  });

  it("enters text as Excel does: '=…' is a formula unless the cell is formatted as text; '001' becomes 1", async () => {
    const wb = workbook();
    const fake = new FakeExcel(wb);
    await run(fake, async (context) => {
      const sheet = context.workbook.worksheets.getItem("数据");
      sheet.getRange("A3:C3").values = [['=HYPERLINK("x")', "001", "text"]];
      const text = sheet.getRange("A4:B4");
      text.numberFormat = [["@", "@"]];
      text.values = [['=HYPERLINK("x")', "001"]];
      await context.sync();
    });
    const rows = wb.sheets[0]?.rows ?? [];
    expect(rows[2]?.[0]).toEqual({ value: null, formula: 'HYPERLINK("x")' });
    expect(rows[2]?.[1]).toEqual({ value: 1 });
    expect(rows[3]?.[0]).toEqual({ value: '=HYPERLINK("x")', numberFormat: "@" });
    expect(rows[3]?.[1]).toEqual({ value: "001", numberFormat: "@" });
  });

  it("resolves *OrNullObject proxies at sync, and refuses reads of a null object", async () => {
    const fake = new FakeExcel(workbook());
    await run(fake, async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("missing");
      const present = context.workbook.worksheets.getItemOrNullObject("数据");
      expect(() => missing.isNullObject).toThrow(/not available/);
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      expect(() => missing.name).toThrow(/null object/);
    });
  });

  it("fails to load `custom` when a sheet also has other kinds of rule; customOrNullObject works", async () => {
    const wb = workbook();
    wb.sheets[0]?.conditionalFormats.push(
      { id: "a", type: "ColorScale", areas: [{ top: 0, left: 0, bottom: 9, right: 0 }], formula: null, fill: null },
      { id: "b", type: "Custom", areas: [{ top: 0, left: 1, bottom: 0, right: 1 }], formula: "=A1>1", fill: "#FF0000" },
    );
    const fake = new FakeExcel(wb);
    await expect(
      run(fake, async (context) => {
        context.workbook.worksheets.getItem("数据").getRange().conditionalFormats.load("items/custom/rule/formula");
        await context.sync();
      }),
    ).rejects.toThrow(/not permitted for the current object/);

    const formulas = await run(fake, async (context) => {
      const formats = context.workbook.worksheets.getItem("数据").getRange().conditionalFormats;
      formats.load("items/type,items/customOrNullObject/rule/formula");
      await context.sync();
      return formats.items.map((cf) =>
        cf.customOrNullObject.isNullObject ? null : cf.customOrNullObject.rule.formula,
      );
    });
    expect(formulas).toEqual([null, "=A1>1"]);
  });

  it("raises ApiNotFound for what the host's requirement sets lack", async () => {
    const fake = new FakeExcel(workbook("1.8"));
    expect(fake.isSetSupported("ExcelApi", "1.8")).toBe(true);
    expect(fake.isSetSupported("ExcelApi", "1.13")).toBe(false);
    await expect(
      run(fake, async (context) => {
        context.workbook.worksheets.getItem("数据").getRange("A1:B2").getMergedAreasOrNullObject().load("address");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  it("refuses writes to a protected sheet, and conditional formats in the legacy shared mode", async () => {
    const wb = workbook("1.13");
    const before = snapshot(wb);
    const fake = new FakeExcel(wb);
    (wb.sheets[0] as { protected: boolean }).protected = true;
    await expect(
      run(fake, async (context) => {
        context.workbook.worksheets.getItem("数据").getRange("A1").values = [["x"]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
    (wb.sheets[0] as { protected: boolean }).protected = false;
    wb.legacyShared = true;
    await expect(
      run(fake, async (context) => {
        context.workbook.worksheets.getItem("数据").getRange("A1").conditionalFormats.add("Custom");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
    wb.legacyShared = false;
    expect(snapshot(wb)).toEqual(before);
  });
});

describe("the in-memory Excel's read limits", () => {
  /** A sheet with one value in A1 and a stray one in XFD1048576. */
  function strayWorkbook(options: Partial<FakeWorkbook> = {}): FakeWorkbook {
    const wb = newWorkbook({ excelApi: "1.9", ...options });
    const sheet = newSheet(wb, "数据");
    sheet.rows[0] = [{ value: "项目" }];
    (sheet.rows[1_048_575] ??= [])[16_383] = { value: "备注" };
    wb.sheets.push(sheet);
    return wb;
  }

  it("gives the extent of a used range that reaches XFD1048576", async () => {
    const fake = new FakeExcel(strayWorkbook());
    const extent = await run(fake, async (context) => {
      const used = context.workbook.worksheets.getItem("数据").getUsedRange(true);
      used.load("address,rowCount,columnCount");
      await context.sync();
      return [used.address, used.rowCount, used.columnCount];
    });
    expect(extent).toEqual(["数据!A1:XFD1048576", 1_048_576, 16_384]);
  });

  it.each(["values", "formulas", "numberFormat", "valueTypes"])(
    "refuses %s of a range past 5,000,000 cells with RangeExceedsLimit, as Excel documents",
    async (property) => {
      const fake = new FakeExcel(strayWorkbook());
      await expect(
        run(fake, async (context) => {
          context.workbook.worksheets.getItem("数据").getUsedRange(true).load(property);
          await context.sync();
        }),
      ).rejects.toMatchObject({ code: "RangeExceedsLimit" });
      expect(fake.largestRead).toBe(0);
    },
  );

  it("refuses, on the web only, a sync whose response exceeds 5 MB", async () => {
    const long = (platform: FakeWorkbook["platform"]) => {
      const wb = newWorkbook({ platform });
      const sheet = newSheet(wb, "长");
      // 2,000 cells of 1,000 CJK characters: 3,000 bytes each in UTF-8, 6 MB in all.
      sheet.rows = Array.from({ length: 2_000 }, () => [{ value: "说".repeat(1_000) }]);
      wb.sheets.push(sheet);
      return new FakeExcel(wb);
    };
    const read = (fake: FakeExcel) =>
      run(fake, async (context) => {
        context.workbook.worksheets.getItem("长").getRange("A1:A2000").load("values");
        await context.sync();
      });
    await expect(read(long("web"))).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    const desktop = long("desktop");
    await read(desktop);
    expect(desktop.largestRead).toBe(2_000);
    expect(desktop.largestResponse).toBeGreaterThan(6_000_000);
  });

  it("finds constants, formulas and visible cells as areas (ExcelApi 1.9); a null object where there are none", async () => {
    const wb = workbook("1.9");
    const sheet = wb.sheets[0] as FakeWorkbook["sheets"][number];
    // A1:B1 constants, A2 constant; C1:C2 formulas; row 3 empty; A4:B4 constants; row 2 hidden.
    sheet.rows[0]?.push({ value: null, formula: "B1*2" });
    sheet.rows[1]?.push(undefined, { value: 3, formula: "1+2" });
    sheet.rows[3] = [{ value: "a" }, { value: "b" }];
    sheet.hiddenRows.add(1);
    const fake = new FakeExcel(wb);
    const areas = await run(fake, async (context) => {
      const used = context.workbook.worksheets.getItem("数据").getUsedRange(true);
      const found = (["Constants", "Formulas", "Visible"] as const).map((type) => {
        const special = used.getSpecialCellsOrNullObject(type);
        special.load("address,areaCount,cellCount");
        special.areas.load("items/address,items/values");
        return special;
      });
      const none = context.workbook.worksheets
        .getItem("数据")
        .getRange("E1:F9")
        .getSpecialCellsOrNullObject("Constants");
      none.load("areas/items/values");
      await context.sync();
      expect(none.isNullObject).toBe(true);
      return found.map((s) => ({ address: s.address, cells: s.cellCount, values: s.areas.items.map((a) => a.values) }));
    });
    expect(areas).toEqual([
      { address: "数据!A1:B1,数据!A2,数据!A4:B4", cells: 5, values: [[["项目", 5]], [["x"]], [["a", "b"]]] },
      { address: "数据!C1:C2", cells: 2, values: [[[""], [3]]] },
      {
        address: "数据!A1:C1,数据!A3:C4",
        cells: 9,
        values: [
          [["项目", 5, ""]],
          [
            ["", "", ""],
            ["a", "b", ""],
          ],
        ],
      },
    ]);

    const old = new FakeExcel(workbook("1.8"));
    await expect(
      run(old, async (context) => {
        context.workbook.worksheets.getItem("数据").getUsedRange(true).getSpecialCellsOrNullObject("Constants");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});
