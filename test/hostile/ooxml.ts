import JSZip from "jszip";
import { columnLetters } from "../../src/core";

/**
 * A workbook written as raw OOXML, the way Excel lays it out, for what ExcelJS cannot write:
 * conditional formats in the x14 extension, a macro part. Strings go to the shared-string table.
 */
export type RawSheet = {
  name: string;
  rows: readonly (readonly (string | number | null)[])[];
  /** XML placed after <sheetData> and before <pageMargins>: <mergeCells>, <conditionalFormatting> … */
  afterData?: string;
  /** The worksheet's <extLst> content. */
  extLst?: string;
  state?: "visible" | "hidden" | "veryHidden";
  /** A column chart of A2:A<rows> drawn on the sheet (a drawing part and a chart part). */
  chart?: boolean;
};

export type RawWorkbook = {
  sheets: readonly RawSheet[];
  /** <dxf> elements of the styles part, for classic conditional formats (dxfId = index). */
  dxfs?: readonly string[];
  /** Adds xl/vbaProject.bin and the macro-enabled content type: an .xlsm. */
  macros?: boolean;
};

export const escapeXml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function sheetXml(sheet: RawSheet, strings: Map<string, number>): string {
  const rows = sheet.rows
    .map((row, r) => {
      const cells = row
        .map((value, c) => {
          if (value === null) return "";
          const ref = `${columnLetters(c)}${r + 1}`;
          if (typeof value === "number") return `<c r="${ref}"><v>${value}</v></c>`;
          let index = strings.get(value);
          if (index === undefined) {
            index = strings.size;
            strings.set(value, index);
          }
          return `<c r="${ref}" t="s"><v>${index}</v></c>`;
        })
        .join("");
      return `<row r="${r + 1}">${cells}</row>`;
    })
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${MAIN}" xmlns:r="${REL}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
    `xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" mc:Ignorable="x14ac">` +
    `<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/>` +
    `<sheetData>${rows}</sheetData>${sheet.afterData ?? ""}` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `${sheet.chart ? `<drawing r:id="rIdD"/>` : ""}` +
    `${sheet.extLst === undefined ? "" : `<extLst>${sheet.extLst}</extLst>`}</worksheet>`
  );
}

function stylesXml(dxfs: readonly string[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}">` +
    `<fonts count="1"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/><scheme val="minor"/></font></fonts>` +
    `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
    `<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>` +
    `<dxfs count="${dxfs.length}">${dxfs.join("")}</dxfs>` +
    `<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`
  );
}

const RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const CHART = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/main";
const SHEET_DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";

/** A column chart of the sheet's column A, anchored at C2:I16, as Excel lays the parts out. */
function addChart(zip: JSZip, sheet: number, n: number, raw: RawSheet): void {
  const ref = `'${raw.name}'!$A$2:$A$${Math.max(2, raw.rows.length)}`;
  zip.file(
    `xl/charts/chart${n}.xml`,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="${CHART}" xmlns:a="${DRAWING}" xmlns:r="${REL}">` +
      `<c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
      `<c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>${escapeXml(ref)}</c:f></c:numRef></c:val></c:ser>` +
      `<c:axId val="1"/><c:axId val="2"/></c:barChart>` +
      `<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx>` +
      `<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx>` +
      `</c:plotArea></c:chart></c:chartSpace>`,
  );
  zip.file(
    `xl/drawings/drawing${n}.xml`,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${SHEET_DRAWING}" xmlns:a="${DRAWING}">` +
      `<xdr:twoCellAnchor><xdr:from><xdr:col>2</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
      `<xdr:to><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 ${n}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${CHART}">` +
      `<c:chart xmlns:c="${CHART}" xmlns:r="${REL}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame>` +
      `<xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`,
  );
  zip.file(
    `xl/drawings/_rels/drawing${n}.xml.rels`,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart${n}.xml"/></Relationships>`,
  );
  zip.file(
    `xl/worksheets/_rels/sheet${sheet}.xml.rels`,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS}"><Relationship Id="rIdD" Type="${REL}/drawing" Target="../drawings/drawing${n}.xml"/></Relationships>`,
  );
}

/** The workbook as the bytes of an .xlsx (or, with `macros`, an .xlsm). */
export async function rawWorkbook(book: RawWorkbook): Promise<Buffer> {
  const zip = new JSZip();
  const strings = new Map<string, number>();
  const workbookType = book.macros
    ? "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
    : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
  const charts: string[] = [];
  const sheetParts = book.sheets.map((sheet, i) => {
    const part = `worksheets/sheet${i + 1}.xml`;
    zip.file(`xl/${part}`, sheetXml(sheet, strings));
    if (sheet.chart) {
      const n = charts.length + 1;
      charts.push(`${n}`);
      addChart(zip, i + 1, n, sheet);
    }
    return part;
  });
  const sst = [...strings.keys()].map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`).join("");
  zip.file(
    "xl/sharedStrings.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN}" count="${strings.size}" uniqueCount="${strings.size}">${sst}</sst>`,
  );
  zip.file("xl/styles.xml", stylesXml(book.dxfs ?? []));
  const rels = [
    ...sheetParts.map((part, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="${part}"/>`),
    `<Relationship Id="rIdS" Type="${REL}/styles" Target="styles.xml"/>`,
    `<Relationship Id="rIdT" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`,
    ...(book.macros
      ? [
          `<Relationship Id="rIdV" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>`,
        ]
      : []),
  ].join("");
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`,
  );
  const sheets = book.sheets
    .map(
      (s, i) =>
        `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.state && s.state !== "visible" ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`,
    )
    .join("");
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets>${sheets}</sheets></workbook>`,
  );
  if (book.macros) {
    // Not a real VBA project: the reader must take the file for what its content types say.
    zip.file("xl/vbaProject.bin", Buffer.from("not a real VBA project, only its part"));
  }
  const overrides = [
    `<Override PartName="/xl/workbook.xml" ContentType="${workbookType}"/>`,
    ...sheetParts.map(
      (part) =>
        `<Override PartName="/xl/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    ),
    `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`,
    `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`,
    ...charts.flatMap((n) => [
      `<Override PartName="/xl/drawings/drawing${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`,
      `<Override PartName="/xl/charts/chart${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`,
    ]),
  ].join("");
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      (book.macros ? `<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>` : "") +
      `${overrides}</Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  return await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

const X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main";
const XM = "http://schemas.microsoft.com/office/excel/2006/main";
export const DATA_BAR_ID = "{5B6C1E2A-0D6F-4B0B-9C41-3E2A1F6D7A01}";
export const ICON_SET_ID = "{5B6C1E2A-0D6F-4B0B-9C41-3E2A1F6D7A02}";
export const CROSS_SHEET_ID = "{5B6C1E2A-0D6F-4B0B-9C41-3E2A1F6D7A03}";
export const CROSS_SHEET_FORMULA = "$H2&gt;参考!$A$1";
/** A list validation whose values come from another sheet: Excel keeps it in the x14 extension. */
export const LIST_FORMULA = "参考!$A$3:$A$5";
/** A sparkline in I2 over the 分值 column. */
export const SPARKLINE_FORMULA = "绩效指标!H2:H6";

/**
 * An indicator list whose 分值 column carries what Excel 2010+ writes for a data bar (a classic
 * rule linked to its x14 half), an icon set with three triangles and a rule that refers to another
 * sheet (both x14 only), next to a classic "duplicate values" rule and a classic expression; and
 * a dropdown list of 一级指标 taken from another sheet (an x14 data validation) and a sparkline.
 * One target (≥8O%) is unreadable, so a check has a flag to add to that very sheet.
 */
export async function x14Workbook(): Promise<Buffer> {
  const rows: (string | number | null)[][] = [
    ["项目名称", "一级指标", "二级指标", "三级指标", "指标值", "指标值确定依据", "备注", "分值"],
    ["隔离点", "产出指标", "数量指标", "征用医用隔离点", "≥5家", "上级要求", null, 30],
    ["隔离点", "产出指标", "质量指标", "隔离率", "≥8O%", "上级要求", null, 20],
    ["隔离点", "产出指标", "时效指标", "完成时限", "12月底前", "上级要求", null, 20],
    ["隔离点", "效益指标", "社会效益指标", "阻断疫情蔓延", "有效阻断", "上级要求", null, 10],
    ["隔离点", "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "调查问卷", null, 10],
  ];
  const classic =
    `<conditionalFormatting sqref="H2:H6"><cfRule type="dataBar" priority="3"><dataBar><cfvo type="min"/><cfvo type="max"/>` +
    `<color rgb="FF638EC6"/></dataBar><extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" xmlns:x14="${X14}">` +
    `<x14:id>${DATA_BAR_ID}</x14:id></ext></extLst></cfRule></conditionalFormatting>` +
    `<conditionalFormatting sqref="D2:D6"><cfRule type="duplicateValues" dxfId="0" priority="4"/></conditionalFormatting>` +
    `<conditionalFormatting sqref="B2:B6"><cfRule type="expression" dxfId="1" priority="5"><formula>LEN($B2)&gt;10</formula></cfRule></conditionalFormatting>`;
  const ext =
    `<ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="${X14}"><x14:conditionalFormattings>` +
    `<x14:conditionalFormatting xmlns:xm="${XM}"><x14:cfRule type="dataBar" id="${DATA_BAR_ID}"><x14:dataBar minLength="0" maxLength="100" gradient="0">` +
    `<x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/><x14:negativeFillColor rgb="FFFF0000"/><x14:axisColor rgb="FF000000"/></x14:dataBar></x14:cfRule>` +
    `<xm:sqref>H2:H6</xm:sqref></x14:conditionalFormatting>` +
    `<x14:conditionalFormatting xmlns:xm="${XM}"><x14:cfRule type="iconSet" priority="2" id="${ICON_SET_ID}"><x14:iconSet iconSet="3Triangles">` +
    `<x14:cfvo type="percent"><xm:f>0</xm:f></x14:cfvo><x14:cfvo type="percent"><xm:f>33</xm:f></x14:cfvo><x14:cfvo type="percent"><xm:f>67</xm:f></x14:cfvo>` +
    `</x14:iconSet></x14:cfRule><xm:sqref>H2:H6</xm:sqref></x14:conditionalFormatting>` +
    `<x14:conditionalFormatting xmlns:xm="${XM}"><x14:cfRule type="expression" priority="1" id="${CROSS_SHEET_ID}">` +
    `<xm:f>${CROSS_SHEET_FORMULA}</xm:f><x14:dxf><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></x14:dxf></x14:cfRule>` +
    `<xm:sqref>A2:H6</xm:sqref></x14:conditionalFormatting>` +
    `</x14:conditionalFormattings></ext>` +
    `<ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="${X14}"><x14:dataValidations count="1" xmlns:xm="${XM}">` +
    `<x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1"><x14:formula1><xm:f>${LIST_FORMULA}</xm:f></x14:formula1>` +
    `<xm:sqref>B2:B6</xm:sqref></x14:dataValidation></x14:dataValidations></ext>` +
    `<ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="${X14}"><x14:sparklineGroups xmlns:xm="${XM}">` +
    `<x14:sparklineGroup displayEmptyCellsAs="gap"><x14:colorSeries rgb="FF376092"/><x14:colorNegative rgb="FFD00000"/>` +
    `<x14:sparklines><x14:sparkline><xm:f>${SPARKLINE_FORMULA}</xm:f><xm:sqref>I2</xm:sqref></x14:sparkline></x14:sparklines>` +
    `</x14:sparklineGroup></x14:sparklineGroups></ext>`;
  return await rawWorkbook({
    sheets: [
      { name: "绩效指标", rows, afterData: classic, extLst: ext },
      { name: "参考", rows: [[25], ["分值超过此数的行标红"], ["产出指标"], ["效益指标"], ["满意度指标"]] },
    ],
    dxfs: [
      `<dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf>`,
      `<dxf><font><b/></font></dxf>`,
    ],
  });
}
