// A rectangle of a fake sheet. Reads return fresh plain arrays (strings, numbers, booleans and the
// Dates that were stored), writes check their dimensions the way Sheets does.

import { formatA1, type Bounds } from "./a1";
import { asReal, Counted } from "./counted";
import { displayValue } from "./display";
import { enumName } from "./enums";
import type { CallCounter } from "./calls";
import type { CellFormat, FormatKey } from "./grid";
import type { FakeSheet } from "./sheet";

type Range = GoogleAppsScript.Spreadsheet.Range;

type RangeMethods =
  | "activate"
  | "getA1Notation"
  | "getBackground"
  | "getBackgrounds"
  | "getColumn"
  | "getDataRegion"
  | "getDataValidations"
  | "getDisplayValue"
  | "getDisplayValues"
  | "getFontColors"
  | "getFontWeights"
  | "getFormula"
  | "getFormulas"
  | "getHorizontalAlignments"
  | "getLastColumn"
  | "getLastRow"
  | "getNote"
  | "getNotes"
  | "getNumColumns"
  | "getNumRows"
  | "getNumberFormat"
  | "getNumberFormats"
  | "getRow"
  | "getSheet"
  | "getValue"
  | "getValues"
  | "setBackground"
  | "setBackgrounds"
  | "setDataValidation"
  | "setFontColor"
  | "setFontWeight"
  | "setFormula"
  | "setFormulas"
  | "setHorizontalAlignment"
  | "setNote"
  | "setNotes"
  | "setNumberFormat"
  | "setNumberFormats"
  | "setValue"
  | "setValues";

export class FakeRange extends Counted implements Pick<Range, RangeMethods> {
  constructor(
    counter: CallCounter,
    readonly sheet: FakeSheet,
    readonly bounds: Bounds,
  ) {
    super(counter, "Range");
  }

  /** The same rectangle as a new object (Apps Script never hands out the same Range twice). */
  copy(): FakeRange {
    return new FakeRange(this.counter, this.sheet, { ...this.bounds });
  }

  private map<T>(cell: (row: number, column: number) => T): T[][] {
    const { row, column, numRows, numColumns } = this.bounds;
    const rows: T[][] = new Array<T[]>(numRows);
    for (let r = 0; r < numRows; r++) {
      const cells = new Array<T>(numColumns);
      for (let c = 0; c < numColumns; c++) cells[c] = cell(row + r, column + c);
      rows[r] = cells;
    }
    return rows;
  }

  private forEach(cell: (row: number, column: number, r: number, c: number) => void): void {
    const { row, column, numRows, numColumns } = this.bounds;
    for (let r = 0; r < numRows; r++) for (let c = 0; c < numColumns; c++) cell(row + r, column + c, r, c);
  }

  /** Throws Sheets' own message when a 2-D array does not fit the range exactly. */
  private checkShape(grid: readonly (readonly unknown[])[]): void {
    const { numRows, numColumns } = this.bounds;
    if (!Array.isArray(grid) || grid.length !== numRows) {
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${Array.isArray(grid) ? grid.length : 0} but the range has ${numRows}.`,
      );
    }
    for (const row of grid) {
      if (!Array.isArray(row) || row.length !== numColumns) {
        throw new Error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${Array.isArray(row) ? row.length : 0} but the range has ${numColumns}.`,
        );
      }
    }
  }

  private formats<K extends FormatKey>(property: K): CellFormat[K][][] {
    return this.map((row, column) => this.sheet.grid.format(property, row, column));
  }

  private setEach<K extends FormatKey>(property: K, value: CellFormat[K] | null): Range {
    this.forEach((row, column) => {
      this.sheet.grid.setFormat(property, row, column, value);
    });
    return asReal(this);
  }

  private setGrid<K extends FormatKey>(property: K, grid: readonly (readonly (CellFormat[K] | null)[])[]): Range {
    this.checkShape(grid);
    this.forEach((row, column, r, c) => {
      this.sheet.grid.setFormat(property, row, column, grid[r]![c]!);
    });
    return asReal(this);
  }

  /** Writes one cell as Sheets would take typed input: "=…" is a formula, a leading ' forces text. */
  private writeCell(row: number, column: number, value: unknown): void {
    const grid = this.sheet.grid;
    if (typeof value === "string" && value.startsWith("=")) {
      grid.setFormat("formula", row, column, value);
      grid.setValue(row, column, "");
      return;
    }
    grid.setFormat("formula", row, column, null);
    grid.setValue(row, column, typeof value === "string" && value.startsWith("'") ? value.slice(1) : value);
  }

  activate(): Range {
    this.sheet.spreadsheet.activateRange(this);
    return asReal(this);
  }
  getA1Notation(): string {
    return formatA1(this.bounds);
  }
  getSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return asReal(this.sheet);
  }
  getRow(): number {
    return this.bounds.row;
  }
  getColumn(): number {
    return this.bounds.column;
  }
  getNumRows(): number {
    return this.bounds.numRows;
  }
  getNumColumns(): number {
    return this.bounds.numColumns;
  }
  getLastRow(): number {
    return this.bounds.row + this.bounds.numRows - 1;
  }
  getLastColumn(): number {
    return this.bounds.column + this.bounds.numColumns - 1;
  }

  getValue(): unknown {
    return this.sheet.grid.value(this.bounds.row, this.bounds.column);
  }
  getValues(): unknown[][] {
    return this.map((row, column) => this.sheet.grid.value(row, column));
  }
  setValue(value: unknown): Range {
    this.forEach((row, column) => {
      this.writeCell(row, column, value);
    });
    return asReal(this);
  }
  setValues(values: unknown[][]): Range {
    this.checkShape(values);
    this.forEach((row, column, r, c) => {
      this.writeCell(row, column, values[r]![c]);
    });
    return asReal(this);
  }

  getDisplayValue(): string {
    return this.getDisplayValues()[0]![0]!;
  }
  getDisplayValues(): string[][] {
    const timeZone = this.sheet.spreadsheet.timeZone;
    const grid = this.sheet.grid;
    return this.map((row, column) => displayValue(grid.value(row, column), grid.format("numberFormat", row, column), timeZone));
  }

  getFormula(): string {
    return this.sheet.grid.format("formula", this.bounds.row, this.bounds.column);
  }
  getFormulas(): string[][] {
    return this.formats("formula");
  }
  setFormula(formula: string): Range {
    this.forEach((row, column) => {
      this.writeCell(row, column, formula);
    });
    return asReal(this);
  }
  setFormulas(formulas: string[][]): Range {
    this.checkShape(formulas);
    this.forEach((row, column, r, c) => {
      this.writeCell(row, column, formulas[r]![c]);
    });
    return asReal(this);
  }

  getNumberFormat(): string {
    return this.sheet.grid.format("numberFormat", this.bounds.row, this.bounds.column);
  }
  getNumberFormats(): string[][] {
    return this.formats("numberFormat");
  }
  setNumberFormat(numberFormat: string): Range {
    return this.setEach("numberFormat", numberFormat);
  }
  setNumberFormats(numberFormats: string[][]): Range {
    return this.setGrid("numberFormat", numberFormats);
  }

  getBackground(): string {
    return this.sheet.grid.format("background", this.bounds.row, this.bounds.column);
  }
  getBackgrounds(): string[][] {
    return this.formats("background");
  }
  setBackground(color: string | null): Range {
    return this.setEach("background", color);
  }
  setBackgrounds(colors: (string | null)[][]): Range {
    return this.setGrid("background", colors);
  }

  getFontColors(): string[][] {
    return this.formats("fontColor");
  }
  setFontColor(color: string | null): Range {
    return this.setEach("fontColor", color);
  }
  getFontWeights(): GoogleAppsScript.Spreadsheet.FontWeight[][] {
    return this.formats("fontWeight") as GoogleAppsScript.Spreadsheet.FontWeight[][];
  }
  setFontWeight(fontWeight: GoogleAppsScript.Spreadsheet.FontWeight | null): Range {
    return this.setEach("fontWeight", fontWeight);
  }
  getHorizontalAlignments(): string[][] {
    return this.formats("horizontalAlignment");
  }
  setHorizontalAlignment(alignment: "left" | "center" | "normal" | "right" | null): Range {
    return this.setEach("horizontalAlignment", alignment === "normal" ? null : alignment);
  }

  getNote(): string {
    return this.sheet.grid.format("note", this.bounds.row, this.bounds.column);
  }
  getNotes(): string[][] {
    return this.formats("note");
  }
  setNote(note: string | null): Range {
    return this.setEach("note", note === "" ? null : note);
  }
  setNotes(notes: (string | null)[][]): Range {
    this.checkShape(notes);
    return this.setGrid(
      "note",
      notes.map((row) => row.map((note) => (note === "" ? null : note))),
    );
  }

  getDataValidations(): (GoogleAppsScript.Spreadsheet.DataValidation | null)[][] {
    return this.formats("dataValidation") as (GoogleAppsScript.Spreadsheet.DataValidation | null)[][];
  }
  setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null): Range {
    return this.setEach("dataValidation", rule);
  }

  /**
   * The range grown in the four directions (or only along `dimension`) while a neighbouring row or
   * column, diagonals included, has a value: what Ctrl+A selects around a cell in Sheets.
   */
  getDataRegion(dimension?: GoogleAppsScript.Spreadsheet.Dimension): Range {
    const grid = this.sheet.grid;
    let top = this.bounds.row;
    let left = this.bounds.column;
    let bottom = this.getLastRow();
    let right = this.getLastColumn();
    const vertical = dimension === undefined || enumName(dimension) === "ROWS";
    const horizontal = dimension === undefined || enumName(dimension) === "COLUMNS";
    const rowHasData = (row: number): boolean => {
      for (let column = Math.max(1, left - 1); column <= Math.min(grid.maxColumns, right + 1); column++) {
        if (!grid.isEmpty(row, column)) return true;
      }
      return false;
    };
    const columnHasData = (column: number): boolean => {
      for (let row = Math.max(1, top - 1); row <= Math.min(grid.maxRows, bottom + 1); row++) {
        if (!grid.isEmpty(row, column)) return true;
      }
      return false;
    };
    // Rows first, then columns, until nothing grows: a column check scans the whole height, so it
    // must not run once per added row.
    for (let grown = true; grown; ) {
      grown = false;
      for (; vertical && top > 1 && rowHasData(top - 1); grown = true) top--;
      for (; vertical && bottom < grid.maxRows && rowHasData(bottom + 1); grown = true) bottom++;
      for (; horizontal && left > 1 && columnHasData(left - 1); grown = true) left--;
      for (; horizontal && right < grid.maxColumns && columnHasData(right + 1); grown = true) right++;
    }
    return asReal(
      new FakeRange(this.counter, this.sheet, { row: top, column: left, numRows: bottom - top + 1, numColumns: right - left + 1 }),
    );
  }
}
