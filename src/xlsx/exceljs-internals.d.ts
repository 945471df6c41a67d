/** ExcelJS 4.4's internal XML writer (lib/utils/xml-stream.js), which chunked-xml.ts patches. */
declare module "exceljs/lib/utils/xml-stream.js" {
  class XmlStream {
    _xml: string[];
    _rollbacks: unknown[];
    openNode(name: string, attributes?: Record<string, string | number>): void;
    leafNode(name: string, attributes?: Record<string, string | number>, text?: string): void;
    closeNode(): void;
    closeAll(): void;
    addRollback(): number;
    rollback(): void;
    get xml(): string;
  }
  export default XmlStream;
}
