import XmlStream from "exceljs/lib/utils/xml-stream.js";

/** Joined text of the fragments rendered so far, kept beside the stream. */
const chunks = new WeakMap<XmlStream, string[]>();

/** Fragments gathered before they are joined into one string. */
const FRAGMENTS = 16_384;

let installed = false;

/**
 * ExcelJS renders a worksheet into one array of small strings, a dozen or so per cell, and joins
 * them when it is done: for a staff sheet of 800,000 cells (a 100,000-row list) that array and its
 * strings took 700 MB at the peak. This joins the fragments every few thousand, whenever no
 * rollback point is open (ExcelJS may still cut the text back to one), so that only joined text
 * and a short array are held: the same XML, byte for byte. Installed once; where ExcelJS's
 * internals are not as expected (another version), ExcelJS's own rendering is left in place.
 */
export function installChunkedXml(): void {
  if (installed) return;
  installed = true;
  const proto = XmlStream.prototype as Partial<XmlStream>;
  const probe = new XmlStream();
  const xml = Object.getOwnPropertyDescriptor(proto, "xml");
  if (
    !Array.isArray(probe._xml) ||
    !Array.isArray(probe._rollbacks) ||
    typeof proto.closeNode !== "function" ||
    typeof proto.closeAll !== "function" ||
    typeof xml?.get !== "function"
  )
    return;
  const closeNode = proto.closeNode;
  proto.closeNode = function chunkedCloseNode(this: XmlStream) {
    closeNode.call(this);
    if (this._xml.length >= FRAGMENTS && this._rollbacks.length === 0) {
      const joined = chunks.get(this) ?? [];
      joined.push(this._xml.join(""));
      chunks.set(this, joined);
      this._xml = [];
    }
  };
  Object.defineProperty(proto, "xml", {
    configurable: true,
    get(this: XmlStream) {
      this.closeAll();
      const joined = chunks.get(this) ?? [];
      chunks.delete(this);
      joined.push(this._xml.join(""));
      const text = joined.join("");
      this._xml = [text];
      return text;
    },
  });
}
