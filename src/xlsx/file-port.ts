import { writeFile } from "node:fs/promises";
import { WorkbookError, type WorkbookData, type WorkbookPort, type WritePlan } from "../core";
import { readFileWithBytes } from "./read/read-file";
import { writeCheckedCopy } from "./write/write-copy";

/**
 * The command line's port: the file read by the package reader, the plans kept, and the checked
 * copy written from the original bytes (src/xlsx/write). No ExcelJS model of the file is ever
 * built, so what the reader reads cheaply (whole-column validations, huge merges) stays cheap
 * with --out too.
 */
export class FilePort implements WorkbookPort {
  private readonly plans: WritePlan[] = [];

  private constructor(
    private readonly path: string,
    private readonly data: WorkbookData,
    private readonly bytes: Buffer,
  ) {}

  static async open(path: string): Promise<FilePort> {
    const { data, bytes } = await readFileWithBytes(path);
    return new FilePort(path, data, bytes);
  }

  read(): Promise<WorkbookData> {
    return Promise.resolve(this.data);
  }

  apply(plan: WritePlan): Promise<void> {
    this.plans.push(plan);
    return Promise.resolve();
  }

  /** Writes the checked copy; returns the parts of the original it could not keep (none expected). */
  async save(path: string): Promise<string[]> {
    let copy: Awaited<ReturnType<typeof writeCheckedCopy>>;
    try {
      copy = await writeCheckedCopy(this.bytes, this.plans);
    } catch (cause) {
      // zip.js refuses an entry whose sizes contradict its header: the reader got past it (it
      // needs only the sheets), but a copy "byte for byte" of a damaged entry cannot be made.
      if (cause instanceof Error && /^(Invalid|Local file header)/.test(cause.message)) {
        throw new WorkbookError({ kind: "copy-damaged", path: this.path, detail: cause.message }, { cause });
      }
      throw cause;
    }
    await writeFile(path, copy.bytes);
    return copy.lost;
  }
}
