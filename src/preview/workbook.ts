// One preview spreadsheet per locale: the CSV pasted into a fake spreadsheet, the add-on's
// Code.js running against it, the selection, and the optional template hook.

import { columnLetter } from "../core/analyze-table";
import { inputLocale } from "../core/cells";
import { createFakeSheets, type FakeSheets } from "../fake-sheets/index";
import { AddonRuntime } from "./addon-runtime";
import { gridSnapshot, type GridSnapshot, type ShownText } from "./grid-snapshot";
import { evaluateWorkbook } from "./hyperformula/index";
import { sheetCell } from "./sheet-cells";

export const DEFAULT_TIME_ZONE = "Europe/Moscow";

export interface WorkbookSource {
  /** The CSV's records, header first. */
  records: string[][];
  sheetName: string;
  code: string;
  sidebarHtml: string;
  timeZone: string;
}

function sheetRows(records: string[][], locale: string, timeZone: string): { rows: unknown[][]; formats: (string | undefined)[][] } {
  const cellLocale = inputLocale(locale, timeZone);
  const rows: unknown[][] = [];
  const formats: (string | undefined)[][] = [];
  records.forEach((record, index) => {
    // The header stays text, whatever it looks like.
    const cells = record.map((text) => (index === 0 ? { value: text } : sheetCell(text, cellLocale)));
    rows.push(cells.map((cell) => cell.value));
    formats.push(cells.map((cell) => cell.numberFormat));
  });
  return { rows, formats };
}

/** The add-on's template builder, as Code.js declares it (menu item "Create template"). */
const CREATE_TEMPLATE = "createTemplate";

export class Workbook {
  readonly fake: FakeSheets;
  readonly runtime: AddonRuntime;
  /** Formula sheets' text as HyperFormula computed it, by sheet name (set by createTemplate). */
  private evaluated: Record<string, string[][]> = {};

  constructor(
    source: WorkbookSource,
    readonly locale: string,
  ) {
    const { rows, formats } = sheetRows(source.records, locale, source.timeZone);
    this.fake = createFakeSheets({
      locale,
      timeZone: source.timeZone,
      userLocale: locale.split(/[_-]/)[0],
      sheets: { [source.sheetName]: rows },
      readHtmlFile: () => source.sidebarHtml,
    });
    const grid = this.fake.sheet(source.sheetName).grid;
    formats.forEach((rowFormats, row) =>
      rowFormats.forEach((format, column) => format && grid.setFormat("numberFormat", row + 1, column + 1, format)),
    );
    this.runtime = new AddonRuntime(source.code, this.fake);
  }

  get sheetNames(): string[] {
    return this.fake.spreadsheet.sheets.map((sheet) => sheet.getName());
  }

  snapshot(sheetName?: string): GridSnapshot {
    const sheet = sheetName === undefined ? this.fake.spreadsheet.activeSheet : this.fake.sheet(sheetName);
    const computed = this.evaluated[sheet.getName()];
    const shown: ShownText | undefined = computed && ((row, column) => computed[row - 1]?.[column - 1]);
    return gridSnapshot(sheet, this.sheetNames, this.fake.spreadsheet.timeZone, shown);
  }

  get canCreateTemplate(): boolean {
    return this.runtime.has(CREATE_TEMPLATE);
  }

  /**
   * Runs the add-on's "Create template" and evaluates the new tabs' formulas in HyperFormula, the
   * way Sheets would show them. Returns the names of the tabs it added.
   */
  createTemplate(): string[] {
    const before = new Set(this.sheetNames);
    this.runtime.call(CREATE_TEMPLATE, []);
    const created = this.sheetNames.filter((name) => !before.has(name));
    const { display } = evaluateWorkbook(this.fake.spreadsheet);
    for (const name of created) if (display[name]) this.evaluated[name] = display[name];
    return created;
  }

  /** Selects an A1 range on a sheet, as a click or drag in Sheets would; that sheet becomes active. */
  select(sheetName: string, a1: string): void {
    const bare = a1.includes("!") ? a1 : `'${sheetName.replace(/'/g, "''")}'!${a1}`;
    this.fake.select(bare);
  }

  /** Whole rows `first…last`, as a drag over the row headers selects them (to the last used column). */
  selectRows(sheetName: string, first: number, last: number): void {
    const lastColumn = columnLetter(Math.max(1, this.fake.sheet(sheetName).grid.lastColumn()) - 1);
    this.select(sheetName, `A${Math.min(first, last)}:${lastColumn}${Math.max(first, last)}`);
  }
}
