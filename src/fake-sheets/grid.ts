// The cells of one fake sheet. Values are kept as rows of a plain array (cheap for 100 000-row
// tests); formulas and formatting are sparse maps, since most cells have none.

import { isBlank } from "../core/cells";

/** What one cell holds besides its value. Absent properties are Sheets' defaults. */
export interface CellFormat {
  formula: string;
  numberFormat: string;
  background: string;
  fontColor: string;
  fontWeight: string;
  note: string;
  horizontalAlignment: string;
  dataValidation: unknown;
}

export type FormatKey = keyof CellFormat;

/** Sheets' defaults, as the real getters report them for an untouched cell. */
export const DEFAULT_FORMAT: CellFormat = {
  formula: "",
  numberFormat: "General",
  background: "#ffffff",
  fontColor: "#000000",
  fontWeight: "normal",
  note: "",
  horizontalAlignment: "general",
  dataValidation: null,
};

// Column numbers stay below 2^15 in Sheets (18 278 columns), so row * 2^15 + column is unique.
const key = (row: number, column: number): number => row * 32_768 + column;

export class Grid {
  maxRows: number;
  maxColumns: number;
  private readonly values: unknown[][] = [];
  private readonly formats = new Map<FormatKey, Map<number, unknown>>();

  constructor(rows: readonly (readonly unknown[])[] = [], maxRows = 1000, maxColumns = 26) {
    this.maxRows = Math.max(maxRows, rows.length);
    this.maxColumns = maxColumns;
    // A loop, not Math.max(...rows): a million-row sheet would overflow the call stack.
    rows.forEach((row, index) => {
      this.values[index] = [...row];
      this.maxColumns = Math.max(this.maxColumns, row.length);
    });
  }

  /** 1-based row and column, like Apps Script. Empty cells read as "". */
  value(row: number, column: number): unknown {
    const cell = this.values[row - 1]?.[column - 1];
    return cell === undefined || cell === null ? "" : cell;
  }

  setValue(row: number, column: number, value: unknown): void {
    const cells = (this.values[row - 1] ??= []);
    cells[column - 1] = value;
  }

  format<K extends FormatKey>(property: K, row: number, column: number): CellFormat[K] {
    const stored = this.formats.get(property)?.get(key(row, column));
    return (stored === undefined ? DEFAULT_FORMAT[property] : stored) as CellFormat[K];
  }

  setFormat<K extends FormatKey>(property: K, row: number, column: number, value: CellFormat[K] | null): void {
    let byCell = this.formats.get(property);
    if (!byCell) this.formats.set(property, (byCell = new Map()));
    if (value === null || value === DEFAULT_FORMAT[property]) byCell.delete(key(row, column));
    else byCell.set(key(row, column), value);
  }

  isEmpty(row: number, column: number): boolean {
    return isBlank(this.value(row, column)) && this.format("formula", row, column) === "";
  }

  /** Last row with a value or formula; 0 for an empty sheet (as Sheet.getLastRow). */
  lastRow(): number {
    let last = 0;
    for (let row = this.values.length; row >= 1 && last === 0; row--) {
      if ((this.values[row - 1] ?? []).some((cell) => !isBlank(cell))) last = row;
    }
    for (const cell of this.formats.get("formula")?.keys() ?? []) last = Math.max(last, Math.floor(cell / 32_768));
    return last;
  }

  /** Last column with a value or formula; 0 for an empty sheet. */
  lastColumn(): number {
    let last = 0;
    for (const cells of this.values) {
      for (let column = cells?.length ?? 0; column > last; column--) {
        if (!isBlank(cells?.[column - 1])) last = column;
      }
    }
    for (const cell of this.formats.get("formula")?.keys() ?? []) last = Math.max(last, cell % 32_768);
    return last;
  }

  /** Rows of the sheet, trimmed to the last row and column with content: for test assertions. */
  contentRows(): unknown[][] {
    const rows = this.lastRow();
    const columns = this.lastColumn();
    return Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => this.value(r + 1, c + 1)));
  }
}
