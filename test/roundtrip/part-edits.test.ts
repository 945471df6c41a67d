import { withoutSheets } from "../../src/xlsx/write/calc-chain";
import { editSheetFormats } from "../../src/xlsx/write/sheet-formats";
import { editWorkbookPart, readWorkbookPart } from "../../src/xlsx/write/workbook-part";
import { fromBytes, toBytes } from "../../src/xlsx/write/xml-scan";

/** The writer's edits of single parts, on minimal XML as other programs write it. */

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const OURS = { sqref: "B2:B5", formula: 'AND(ISTEXT("check-targets:error"),B2<>"")', dxfId: 7 };

describe("flag rules in a staff sheet", () => {
  const sheet =
    `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData>` +
    '<x:conditionalFormatting sqref="A1:A9"><x:cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><x:formula>5</x:formula></x:cfRule></x:conditionalFormatting>' +
    '<x:dataValidations count="0"/><x:pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></x:worksheet>';

  it("go after the staff's, before the validations, in the part's prefix, ahead of the staff's rules in priority", () => {
    const edited = editSheetFormats(sheet, [OURS])!;
    expect(edited).toContain(
      '</x:conditionalFormatting><x:conditionalFormatting sqref="B2:B5"><x:cfRule type="expression" dxfId="7" priority="1">' +
        "<x:formula>AND(ISTEXT(&quot;check-targets:error&quot;),B2&lt;&gt;&quot;&quot;)</x:formula></x:cfRule></x:conditionalFormatting><x:dataValidations",
    );
    // The staff's rule: its priority moved behind ours, nothing else of it changed.
    expect(edited).toContain('<x:cfRule type="cellIs" dxfId="0" priority="2" operator="greaterThan">');
    expect(edited.slice(0, edited.indexOf("</x:sheetData>"))).toBe(sheet.slice(0, sheet.indexOf("</x:sheetData>")));
  });

  it("are replaced, not stacked, by a second check, and cleared back to the original bytes", () => {
    const once = editSheetFormats(sheet, [OURS])!;
    expect(editSheetFormats(once, [OURS])).toBe(once);
    expect(editSheetFormats(once, [])).toBe(sheet);
  });

  it("leave a sheet without any of ours alone", () => {
    expect(editSheetFormats(sheet, [])).toBeNull();
  });
});

describe("the workbook part", () => {
  const book =
    `<ns2:workbook xmlns:ns2="${MAIN}" xmlns:rel="${R}"><ns2:bookViews><ns2:workbookView activeTab="2"/></ns2:bookViews>` +
    '<ns2:sheets><ns2:sheet name="A" sheetId="1" rel:id="rId1"/><ns2:sheet name="检查目标_辅助" sheetId="2" state="hidden" rel:id="rId2"/><ns2:sheet name="C" sheetId="3" rel:id="rId3"/></ns2:sheets>' +
    '<ns2:definedNames><ns2:definedName name="_xlnm.Print_Area" localSheetId="2">C!$A$1:$B$2</ns2:definedName><ns2:definedName name="CT_1">x</ns2:definedName></ns2:definedNames>' +
    "<ns2:calcPr/></ns2:workbook>";

  it("keeps local names and the active tab on their sheet when a sheet of ours before them goes", () => {
    // Parts are edited as bytes, one character per byte.
    const bytes = toBytes(book);
    const part = readWorkbookPart(bytes);
    expect(part.sheets.map((s) => [s.name, s.rId])).toEqual([
      ["A", "rId1"],
      ["检查目标_辅助", "rId2"],
      ["C", "rId3"],
    ]);
    const edited = fromBytes(editWorkbookPart(bytes, part, {
      removeSheets: new Set([1]),
      states: new Map(),
      addSheets: [{ name: "绩效目标表", sheetId: 4, rId: "rIdCT1", state: "visible" }],
      dropName: (name) => name.startsWith("CT_"),
      addNames: [{ name: "CT_2", refersTo: "'绩效目标表'!$A$1", localSheetId: null }],
    }));
    expect(edited).toContain('<ns2:workbookView activeTab="1"/>');
    expect(edited).toContain(
      '<ns2:sheet name="A" sheetId="1" rel:id="rId1"/><ns2:sheet name="C" sheetId="3" rel:id="rId3"/><ns2:sheet name="绩效目标表" sheetId="4" rel:id="rIdCT1"/></ns2:sheets>',
    );
    expect(edited).toContain(
      '<ns2:definedName name="_xlnm.Print_Area" localSheetId="1">C!$A$1:$B$2</ns2:definedName><ns2:definedName name="CT_2">&apos;绩效目标表&apos;!$A$1</ns2:definedName></ns2:definedNames>',
    );
  });
});

describe("the calculation chain", () => {
  it("loses the cells of our sheets; a kept cell that relied on the sheet before it gets its own", () => {
    const chain = `<calcChain xmlns="${MAIN}"><c r="A1" i="1"/><c r="B1" i="5"/><c r="B2"/><c r="C1" i="1"/><c r="C2"/></calcChain>`;
    expect(withoutSheets(chain, new Set([5]))).toEqual({
      text: `<calcChain xmlns="${MAIN}"><c r="A1" i="1"/><c r="C1" i="1"/><c r="C2"/></calcChain>`,
      changed: true,
    });
    const after = `<calcChain xmlns="${MAIN}"><c r="B1" i="5"/><c r="A1" i="1"/><c r="A2"/><c r="B2" i="5"/><c r="A3" i="1"/></calcChain>`;
    expect(withoutSheets(after, new Set([1])).text).toBe(`<calcChain xmlns="${MAIN}"><c r="B1" i="5"/><c r="B2" i="5"/></calcChain>`);
    expect(withoutSheets(`<calcChain xmlns="${MAIN}"><c r="B1" i="5"/></calcChain>`, new Set([5])).text).toBeNull();
  });
});
