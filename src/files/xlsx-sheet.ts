// A worksheet's rows, streamed: each `<row>` of its XML becomes the cells a spreadsheet would hand
// over (numbers, text, true/false, Dates for date-styled numbers, error values such as `#N/A` as
// their text), placed by their column letters, since empty cells are left out of the XML.

import { FileError } from "./file-error";
import type { XlsxArchive } from "./xlsx-archive";
import type { WorkbookParts } from "./xlsx-workbook";

/** A cell's value; undefined for an empty one. A Date's UTC fields are the cell's wall-clock time. */
export type CellValue = string | number | boolean | Date | undefined;

export interface SheetRow {
  /** The sheet's row number (1 = the first); rows with no cells are left out of the XML, and so here. */
  row: number;
  cells: CellValue[];
}

const DAY_MS = 86_400_000;
/** 1970-01-01 as a 1900-system date number: what Excel and Sheets count from 1899-12-30. */
const UNIX_EPOCH_1900 = 25_569;
/** 1970-01-01 as a 1904-system date number, counted from 1904-01-01. */
const UNIX_EPOCH_1904 = 24_107;
/** 1900-02-29 in Excel, a day that never was: the numbers before it run a day ahead. */
const EXCEL_LEAP_DAY_1900 = 60;

/**
 * A date number as a Date whose UTC fields are its wall-clock time. Numbers before 1900-03-01 are
 * a day ahead in Excel, which counts 1900 as a leap year (Lotus 1-2-3 did); its 29 February, 60,
 * reads as 28 February.
 */
export function dateOfNumber(value: number, date1904: boolean): Date {
  const days = date1904 ? value - UNIX_EPOCH_1904 : value - UNIX_EPOCH_1900 + (value >= 1 && value < EXCEL_LEAP_DAY_1900 ? 1 : 0);
  return new Date(Math.round(days * DAY_MS));
}

const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?/;

/** A `t="d"` cell's ISO 8601 text as a Date of its wall-clock time (an offset, if any, left aside). */
function isoDate(text: string): Date | undefined {
  const m = ISO_DATE_TIME.exec(text.trim());
  if (m === null) return undefined;
  const date = new Date(`${m[1]}T${m[2] ?? "00:00"}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** `AB12` → 27 (columns from 0); -1 when the reference has no letters. */
export function columnOf(reference: string): number {
  let column = 0;
  let letters = 0;
  for (const char of reference) {
    const code = char.charCodeAt(0) | 0x20; // lower case
    if (code < 0x61 || code > 0x7a) break;
    column = column * 26 + (code - 0x60);
    letters++;
  }
  return letters === 0 ? -1 : column - 1;
}

/**
 * The rows of the sheet whose part is `part`, a batch for each piece of XML read, with the
 * sheet's bytes read so far and in all (uncompressed).
 */
export async function* sheetRows(
  archive: XlsxArchive,
  path: string,
  part: string,
  workbook: WorkbookParts,
): AsyncGenerator<{ rows: SheetRow[]; bytesRead: number; totalBytes: number }> {
  const totalBytes = archive.size(part);
  let rows: SheetRow[] = [];
  let row: SheetRow = { row: 0, cells: [] };
  let column = -1;
  let type = "n";
  let style = 0;
  let text = "";
  let hasText = false;
  /** Inside the element whose text is the cell's value: `<v>`, or `<t>` of an inline string. */
  let inValue = false;
  let phonetic = 0;
  const value = (): CellValue => {
    switch (type) {
      case "s": {
        const shared = workbook.sharedStrings[Number(text)];
        if (shared === undefined) throw new FileError("damagedXlsx", path, `${part}: no shared string ${text}`);
        return shared;
      }
      case "inlineStr":
      case "str":
      case "e":
        return text;
      case "b":
        return text === "1" || text === "true";
      case "d":
        return isoDate(text) ?? text;
      default: {
        if (!hasText || text.trim() === "") return undefined;
        const number = Number(text);
        if (!Number.isFinite(number)) return text;
        return workbook.dateStyles[style] ? dateOfNumber(number, workbook.date1904) : number;
      }
    }
  };
  const pieces = archive.streamXml(part, {
    open: (name, attributes) => {
      switch (name) {
        case "row":
          row = { row: attributes.r === undefined ? row.row + 1 : Number(attributes.r), cells: [] };
          column = -1;
          break;
        case "c": {
          const at = attributes.r === undefined ? -1 : columnOf(attributes.r);
          column = at < 0 ? column + 1 : at;
          type = attributes.t ?? "n";
          style = attributes.s === undefined ? 0 : Number(attributes.s);
          text = "";
          hasText = false;
          break;
        }
        case "v":
          inValue = true;
          break;
        case "rPh":
          phonetic++;
          break;
        case "t":
          inValue = type === "inlineStr" && phonetic === 0;
          break;
      }
    },
    close: (name) => {
      if (name === "v" || name === "t") inValue = false;
      else if (name === "rPh") phonetic--;
      else if (name === "c") row.cells[column] = value();
      else if (name === "row") rows.push(row);
    },
    text: (piece) => {
      if (!inValue) return;
      text += piece;
      hasText = true;
    },
  });
  for await (const bytesRead of pieces) {
    if (rows.length === 0) continue;
    yield { rows, bytesRead, totalBytes };
    rows = [];
  }
  yield { rows, bytesRead: totalBytes, totalBytes };
}
