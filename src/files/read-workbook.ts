// An .xlsx workbook's sheets and their rows, for the command line: the parts that every sheet
// needs are read up front (see xlsx-workbook.ts), then one sheet is streamed row by row
// (xlsx-sheet.ts). Memory holds the shared strings and a piece of the sheet, not the sheet.

import { closeSync, openSync, readSync } from "node:fs";
import { onFile } from "./file-error";
import { XlsxArchive } from "./xlsx-archive";
import { type CellValue, type SheetRow, sheetRows } from "./xlsx-sheet";
import { readWorkbookParts, type WorkbookParts } from "./xlsx-workbook";

export type { CellValue, SheetRow } from "./xlsx-sheet";

/**
 * Whether the file starts as a zip does (`PK` and a record's signature): an .xlsx, or some other
 * zip that openWorkbook then refuses. Whatever its name: a renamed workbook is one all the same.
 */
export function isZipFile(path: string): boolean {
  const head = Buffer.alloc(4);
  let read = 0;
  try {
    const fd = openSync(path, "r");
    try {
      read = onFile(path, () => readSync(fd, head, 0, 4, 0));
    } finally {
      closeSync(fd);
    }
  } catch {
    return false; // not there, or not readable: the reading that follows says why
  }
  return read === 4 && head[0] === 0x50 && head[1] === 0x4b && [0x03, 0x05, 0x07].includes(head[2]!) && head[3] === head[2]! + 1;
}

export class Workbook {
  private constructor(
    private readonly path: string,
    private readonly archive: XlsxArchive,
    private readonly parts: WorkbookParts,
  ) {}

  /**
   * The workbook at `path`. A file that is no zip, or a damaged one, is a FileError
   * ("damagedXlsx"); a zip without a workbook in it, "notXlsx".
   */
  static async open(path: string): Promise<Workbook> {
    const archive = await XlsxArchive.open(path);
    try {
      return new Workbook(path, archive, await readWorkbookParts(archive, path));
    } catch (error) {
      archive.close();
      throw error;
    }
  }

  /** The worksheets' names, in the workbook's order. */
  get sheets(): string[] {
    return this.parts.sheets.map((sheet) => sheet.name);
  }

  /** The rows of the sheet named `name` (one of `sheets`), in batches, with how far the reading is. */
  rows(name: string): AsyncGenerator<{ rows: SheetRow[]; bytesRead: number; totalBytes: number }> {
    const sheet = this.parts.sheets.find((candidate) => candidate.name === name);
    if (sheet === undefined) throw new Error(`no sheet ${name}`);
    return sheetRows(this.archive, this.path, sheet.part, this.parts);
  }

  close(): void {
    this.archive.close();
  }
}

/**
 * Every row of a workbook's first sheet, placed at its sheet row (missing rows are empty), for a
 * small file read whole: the preview's --data workbook.
 */
export async function readFirstSheet(path: string): Promise<CellValue[][]> {
  const workbook = await Workbook.open(path);
  try {
    const rows: CellValue[][] = [];
    const first = workbook.sheets[0];
    if (first === undefined) return rows;
    for await (const batch of workbook.rows(first)) {
      for (const { row, cells } of batch.rows) rows[row - 1] = cells;
    }
    return Array.from(rows, (cells) => cells ?? []);
  } finally {
    workbook.close();
  }
}
