// A1 notation for the fake: parsing "B2", "A1:C10", "A:C", "2:5", "'Sheet 1'!A1:B2" into 1-based
// bounds, and writing bounds back as Sheets does ("A1" for one cell, "A1:C10" otherwise).

import { columnLetter } from "../core/a1";

export interface Bounds {
  /** 1-based first row and column, as Apps Script counts them. */
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export interface ParsedA1 {
  sheetName?: string;
  bounds: Bounds;
}

const CELL = /^(\$?[A-Z]*)(\$?\d*)$/;

function columnNumber(letters: string): number {
  let n = 0;
  for (const letter of letters) n = n * 26 + (letter.charCodeAt(0) - 64);
  return n;
}

function splitSheetName(a1: string): { sheetName?: string; cells: string } {
  const bang = a1.lastIndexOf("!");
  if (bang < 0) return { cells: a1 };
  const name = a1.slice(0, bang);
  const unquoted = name.startsWith("'") && name.endsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
  return { sheetName: unquoted, cells: a1.slice(bang + 1) };
}

/**
 * Parses A1 notation; open-ended ranges ("A:C", "2:5", "A2:C") run to the sheet's last row or
 * column, given as `maxRows` / `maxColumns`. Throws like Sheets on anything else.
 */
export function parseA1(a1: string, maxRows: number, maxColumns: number): ParsedA1 {
  const { sheetName, cells } = splitSheetName(a1.trim());
  const [startText, endText = startText] = cells.toUpperCase().replace(/\$/g, "").split(":");
  const start = CELL.exec(startText ?? "");
  const end = CELL.exec(endText ?? "");
  if (!start || !end || (start[1] === "" && start[2] === "") || (end[1] === "" && end[2] === "")) {
    throw new Error(`Range not found: ${a1}`);
  }
  const firstColumn = start[1] ? columnNumber(start[1]) : 1;
  const firstRow = start[2] ? Number(start[2]) : 1;
  const lastColumn = end[1] ? columnNumber(end[1]) : maxColumns;
  const lastRow = end[2] ? Number(end[2]) : maxRows;
  if (firstRow < 1 || lastRow < 1) throw new Error(`Range not found: ${a1}`);
  const row = Math.min(firstRow, lastRow);
  const column = Math.min(firstColumn, lastColumn);
  return {
    ...(sheetName === undefined ? {} : { sheetName }),
    bounds: {
      row,
      column,
      numRows: Math.max(firstRow, lastRow) - row + 1,
      numColumns: Math.max(firstColumn, lastColumn) - column + 1,
    },
  };
}

export function formatA1({ row, column, numRows, numColumns }: Bounds): string {
  const start = `${columnLetter(column - 1)}${row}`;
  if (numRows === 1 && numColumns === 1) return start;
  return `${start}:${columnLetter(column + numColumns - 2)}${row + numRows - 1}`;
}
