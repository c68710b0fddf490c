// The fake spreadsheet: locale, time zone, its sheets and which one (and which range) is active.

import { asReal, Counted } from "./counted";
import { FakeSheet } from "./sheet";
import type { CallCounter } from "./calls";
import type { FakeRange } from "./range";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

type SpreadsheetMethods =
  | "deleteSheet"
  | "getActiveCell"
  | "getActiveRange"
  | "getActiveSheet"
  | "getId"
  | "getName"
  | "getRange"
  | "getSheetByName"
  | "getSheets"
  | "getSpreadsheetLocale"
  | "getSpreadsheetTimeZone"
  | "insertSheet"
  | "setActiveRange"
  | "setActiveSheet"
  | "toast";

export class FakeSpreadsheet extends Counted implements Pick<Spreadsheet, SpreadsheetMethods> {
  readonly sheets: FakeSheet[] = [];
  activeSheet!: FakeSheet;
  /** Messages shown with toast(), oldest first. */
  readonly toasts: string[] = [];
  private nextSheetId = 0;

  constructor(
    counter: CallCounter,
    public locale: string,
    public timeZone: string,
    readonly name = "Orders",
  ) {
    super(counter, "Spreadsheet");
  }

  /** Adds a sheet without counting a call (test setup); `insertSheet` is the counted API. */
  addSheet(name: string, rows: readonly (readonly unknown[])[] = [], index = this.sheets.length): FakeSheet {
    if (this.sheets.some((sheet) => sheet.getName() === name)) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    const sheet = new FakeSheet(this.counter, this, name, this.nextSheetId++, rows);
    this.sheets.splice(index, 0, sheet);
    this.activeSheet ??= sheet;
    return sheet;
  }

  sheetNamed(name: string): FakeSheet {
    const sheet = this.sheets.find((candidate) => candidate.getName() === name);
    if (!sheet) throw new Error(`Range not found: no sheet named "${name}"`);
    return sheet;
  }

  /** Makes `range` the selection and its sheet the active one, as a click would. */
  activateRange(range: FakeRange): void {
    this.activeSheet = range.sheet;
    range.sheet.selection = { ...range.bounds };
  }

  getName(): string {
    return this.name;
  }
  getId(): string {
    return `fake-${this.name}`;
  }
  getSpreadsheetLocale(): string {
    return this.locale;
  }
  getSpreadsheetTimeZone(): string {
    return this.timeZone;
  }
  getSheets(): Sheet[] {
    return asReal([...this.sheets]);
  }
  getSheetByName(name: string): Sheet | null {
    return asReal(this.sheets.find((sheet) => sheet.getName() === name) ?? null);
  }
  /** insertSheet(name?, index?): the new sheet becomes active, as in Sheets. */
  insertSheet(nameOrIndex?: string | number | object, index?: number | object): Sheet {
    const name = typeof nameOrIndex === "string" ? nameOrIndex : `Sheet${this.sheets.length + 1}`;
    const position = typeof nameOrIndex === "number" ? nameOrIndex : typeof index === "number" ? index : this.sheets.length;
    const sheet = this.addSheet(name, [], position);
    this.activeSheet = sheet;
    return asReal(sheet);
  }
  deleteSheet(sheet: Sheet): void {
    const fake = sheet as unknown as FakeSheet;
    this.sheets.splice(this.sheets.indexOf(fake), 1);
    if (this.activeSheet === fake && this.sheets[0]) this.activeSheet = this.sheets[0];
  }
  getActiveSheet(): Sheet {
    return asReal(this.activeSheet);
  }
  setActiveSheet(sheet: Sheet): Sheet {
    this.activeSheet = sheet as unknown as FakeSheet;
    return sheet;
  }
  getActiveRange(): GoogleAppsScript.Spreadsheet.Range | null {
    return asReal(this.activeSheet.range(this.activeSheet.selection));
  }
  getActiveCell(): GoogleAppsScript.Spreadsheet.Range {
    const { row, column } = this.activeSheet.selection;
    return asReal(this.activeSheet.range({ row, column, numRows: 1, numColumns: 1 }));
  }
  setActiveRange(range: GoogleAppsScript.Spreadsheet.Range): GoogleAppsScript.Spreadsheet.Range {
    this.activateRange(range as unknown as FakeRange);
    return range;
  }
  getRange(a1Notation: string): GoogleAppsScript.Spreadsheet.Range {
    return asReal(this.activeSheet.rangeFromA1(a1Notation));
  }
  toast(message: string): void {
    this.toasts.push(message);
  }
}
