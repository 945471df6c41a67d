/**
 * The namespaces of SpreadsheetML, transitional and strict. Elements are matched on their local
 * name and namespace, whatever prefix the file gives them (`<x:workbook>`, `<ns2:row>`), and a
 * part that declares no namespace at all (some generators write none) is read as the main one.
 */
const MAIN = new Set([
  "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  "http://purl.oclc.org/ooxml/spreadsheetml/main",
  // Excel 2007's beta wrote this one; Apache POI's test files still hold such workbooks.
  "http://schemas.microsoft.com/office/excel/2006/2",
  "",
]);
const OFFICE_RELATIONSHIPS = new Set([
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  "http://purl.oclc.org/ooxml/officeDocument/relationships",
]);
const PACKAGE_RELATIONSHIPS = new Set(["http://schemas.openxmlformats.org/package/2006/relationships", ""]);

export const isMain = (uri: string): boolean => MAIN.has(uri);
export const isOfficeRelationships = (uri: string): boolean => OFFICE_RELATIONSHIPS.has(uri);
export const isPackageRelationships = (uri: string): boolean => PACKAGE_RELATIONSHIPS.has(uri);

/**
 * Relationship types are URIs too, transitional (…/officeDocument/2006/relationships/worksheet)
 * or strict (http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet): their last
 * segment tells them apart.
 */
export function relationshipKind(type: string): string {
  return type.slice(type.lastIndexOf("/") + 1);
}
