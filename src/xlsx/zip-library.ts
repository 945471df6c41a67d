import type * as ZipJs from "@zip.js/zip.js";

/**
 * zip.js as the reader and the writer both use it. No web workers (Node has none); zip.js's own
 * inflater, which measured faster here than Node's DecompressionStream (half the time on a 32 MB
 * sheet, whose chunks otherwise cross between threads and web-stream adapters); tolerant of what
 * JSZip, Excel and LibreOffice tolerate in a zip's layout: nothing is extracted to a disk, and a
 * staff file those tools open must not be refused for a name or a layout another tool might read
 * differently.
 */
export const READER_OPTIONS: ZipJs.ZipReaderConstructorOptions = {
  useWebWorkers: false,
  useCompressionStream: false,
  strictness: "tolerant",
};

/**
 * Loaded on the first package read or written, so that `--help` and option errors never pay for
 * it: loaded at start it made a plain check of a small file 0.13 s slower and 37 MB larger.
 */
let library: Promise<typeof ZipJs> | undefined;
export const zipJs = (): Promise<typeof ZipJs> => (library ??= import("@zip.js/zip.js"));
