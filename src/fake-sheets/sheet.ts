// One tab of the fake spreadsheet: its grid, frozen rows, column widths, conditional format rules
// and developer metadata.

import { parseA1, type Bounds } from "./a1";
import { asReal, Counted } from "./counted";
import { DeveloperMetadataVisibility } from "./enums";
import { Grid } from "./grid";
import { FakeRange } from "./range";
import type { CallCounter } from "./calls";
import type { FakeConditionalFormatRule, RuleDescription } from "./rules";
import type { FakeSpreadsheet } from "./spreadsheet";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Visibility = GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility;

type SheetMethods =
  | "activate"
  | "addDeveloperMetadata"
  | "getConditionalFormatRules"
  | "getDataRange"
  | "getDeveloperMetadata"
  | "getFrozenRows"
  | "getLastColumn"
  | "getLastRow"
  | "getMaxColumns"
  | "getMaxRows"
  | "getName"
  | "getParent"
  | "getRange"
  | "getRangeList"
  | "getSheetId"
  | "insertColumnsAfter"
  | "insertRowsAfter"
  | "setColumnWidth"
  | "setColumnWidths"
  | "setConditionalFormatRules"
  | "setFrozenRows"
  | "setName";

export class FakeSheet extends Counted implements Pick<Sheet, SheetMethods> {
  readonly grid: Grid;
  frozenRows = 0;
  readonly columnWidths = new Map<number, number>();
  private rules: FakeConditionalFormatRule[] = [];
  readonly metadata: FakeDeveloperMetadata[] = [];
  /** This sheet's selection, which Spreadsheet.getActiveRange reports while the sheet is active. */
  selection: Bounds = { row: 1, column: 1, numRows: 1, numColumns: 1 };

  constructor(
    counter: CallCounter,
    readonly spreadsheet: FakeSpreadsheet,
    private name: string,
    readonly sheetId: number,
    rows: readonly (readonly unknown[])[] = [],
  ) {
    super(counter, "Sheet");
    this.grid = new Grid(rows);
  }

  /** A range of this sheet from 1-based bounds, checked against the grid like Sheets does. */
  range(bounds: Bounds): FakeRange {
    const { row, column, numRows, numColumns } = bounds;
    if (![row, column, numRows, numColumns].every(Number.isInteger) || row < 1 || column < 1) {
      throw new Error(
        `Exception: The parameters (${row},${column},${numRows},${numColumns}) don't match the method signature for SpreadsheetApp.Sheet.getRange.`,
      );
    }
    if (numRows < 1 || numColumns < 1) throw new Error("Exception: The number of rows and columns in the range must be at least 1.");
    if (row + numRows - 1 > this.grid.maxRows || column + numColumns - 1 > this.grid.maxColumns) {
      throw new Error("Exception: The coordinates of the range are outside the dimensions of the sheet.");
    }
    return new FakeRange(this.counter, this, bounds);
  }

  rangeFromA1(a1: string): FakeRange {
    const parsed = parseA1(a1, this.grid.maxRows, this.grid.maxColumns);
    if (parsed.sheetName !== undefined && parsed.sheetName !== this.name) {
      return this.spreadsheet.sheetNamed(parsed.sheetName).rangeFromA1(a1.slice(a1.lastIndexOf("!") + 1));
    }
    return this.range(parsed.bounds);
  }

  /** The conditional format rules as plain data, in order: for deep-equal assertions. */
  describeRules(): RuleDescription[] {
    return this.rules.map((rule) => rule.describe());
  }

  activate(): Sheet {
    this.spreadsheet.activeSheet = this;
    return asReal(this);
  }
  getName(): string {
    return this.name;
  }
  setName(name: string): Sheet {
    if (this.spreadsheet.sheets.some((sheet) => sheet !== this && sheet.name === name)) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    this.name = name;
    return asReal(this);
  }
  getSheetId(): number {
    return this.sheetId;
  }
  getParent(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return asReal(this.spreadsheet);
  }
  getRange(rowOrA1: number | string, column?: number, numRows = 1, numColumns = 1): GoogleAppsScript.Spreadsheet.Range {
    if (typeof rowOrA1 === "string") return asReal(this.rangeFromA1(rowOrA1));
    return asReal(this.range({ row: rowOrA1, column: column ?? Number.NaN, numRows, numColumns }));
  }
  getRangeList(a1Notations: string[]): GoogleAppsScript.Spreadsheet.RangeList {
    return asReal(
      new FakeRangeList(
        this.counter,
        a1Notations.map((a1) => this.rangeFromA1(a1)),
      ),
    );
  }
  getDataRange(): GoogleAppsScript.Spreadsheet.Range {
    const numRows = Math.max(1, this.grid.lastRow());
    const numColumns = Math.max(1, this.grid.lastColumn());
    return asReal(this.range({ row: 1, column: 1, numRows, numColumns }));
  }
  getLastRow(): number {
    return this.grid.lastRow();
  }
  getLastColumn(): number {
    return this.grid.lastColumn();
  }
  getMaxRows(): number {
    return this.grid.maxRows;
  }
  getMaxColumns(): number {
    return this.grid.maxColumns;
  }
  /** Appends empty rows; inserting between rows (which shifts cells) is not modelled. */
  insertRowsAfter(afterPosition: number, howMany: number): Sheet {
    if (afterPosition !== this.grid.maxRows) throw new Error("fake-sheets: insertRowsAfter only appends after the last row");
    this.grid.maxRows += howMany;
    return asReal(this);
  }
  /** Appends empty columns; inserting between columns (which shifts cells) is not modelled. */
  insertColumnsAfter(afterPosition: number, howMany: number): Sheet {
    if (afterPosition !== this.grid.maxColumns) throw new Error("fake-sheets: insertColumnsAfter only appends after the last column");
    this.grid.maxColumns += howMany;
    return asReal(this);
  }
  getFrozenRows(): number {
    return this.frozenRows;
  }
  setFrozenRows(rows: number): void {
    this.frozenRows = rows;
  }
  setColumnWidth(columnPosition: number, width: number): Sheet {
    this.columnWidths.set(columnPosition, width);
    return asReal(this);
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): Sheet {
    for (let column = startColumn; column < startColumn + numColumns; column++) this.columnWidths.set(column, width);
    return asReal(this);
  }
  getConditionalFormatRules(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
    return asReal([...this.rules]);
  }
  setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]): void {
    this.rules = [...(rules as unknown as FakeConditionalFormatRule[])];
  }
  getDeveloperMetadata(): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
    return asReal([...this.metadata]);
  }
  addDeveloperMetadata(key: string, valueOrVisibility?: string | Visibility, visibility?: Visibility): Sheet {
    const value = typeof valueOrVisibility === "string" ? valueOrVisibility : null;
    const shownTo = (typeof valueOrVisibility === "string" ? visibility : valueOrVisibility) ?? DeveloperMetadataVisibility.DOCUMENT;
    this.metadata.push(new FakeDeveloperMetadata(this.counter, this, key, value, shownTo));
    return asReal(this);
  }
}

export class FakeRangeList extends Counted implements Pick<GoogleAppsScript.Spreadsheet.RangeList, "getRanges"> {
  constructor(
    counter: CallCounter,
    private readonly ranges: FakeRange[],
  ) {
    super(counter, "RangeList");
  }
  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return asReal(this.ranges.map((range) => range.copy()));
  }
}

/** Developer metadata on a sheet: a key, a value, and which scripts may see it. */
export class FakeDeveloperMetadata
  extends Counted
  implements Pick<GoogleAppsScript.Spreadsheet.DeveloperMetadata, "getKey" | "getValue" | "getVisibility" | "setValue" | "remove" | "getId">
{
  private static nextId = 1;
  private readonly id = FakeDeveloperMetadata.nextId++;

  constructor(
    counter: CallCounter,
    private readonly owner: FakeSheet,
    private readonly key: string,
    private value: string | null,
    private readonly visibility: Visibility,
  ) {
    super(counter, "DeveloperMetadata");
  }
  getId(): number {
    return this.id;
  }
  getKey(): string {
    return this.key;
  }
  getValue(): string | null {
    return this.value;
  }
  getVisibility(): Visibility {
    return this.visibility;
  }
  setValue(value: string): GoogleAppsScript.Spreadsheet.DeveloperMetadata {
    this.value = value;
    return asReal(this);
  }
  remove(): void {
    const index = this.owner.metadata.indexOf(this);
    if (index >= 0) this.owner.metadata.splice(index, 1);
  }
}
