// One preview spreadsheet per locale: the CSV pasted into a fake spreadsheet, the add-on's
// Code.js running against it, the selection, and the optional template hook.

import { columnLetter } from "../core/a1";
import { inputLocale } from "../core/cells";
import { createFakeSheets, type FakeSheets } from "../fake-sheets/index";
import { AddonRuntime } from "./addon-runtime";
import { gridSnapshot, type GridSnapshot } from "./grid-snapshot";
import { evaluateWorkbook } from "./hyperformula/index";
import type { CellValue } from "../files/read-workbook";
import { type SheetCell, sheetCell, workbookCell } from "./sheet-cells";

export const DEFAULT_TIME_ZONE = "Europe/Moscow";

export interface WorkbookSource {
  /** The data file's rows, header first: a CSV's text, or an .xlsx sheet's typed cells. */
  records: string[][] | CellValue[][];
  sheetName: string;
  code: string;
  sidebarHtml: string;
  timeZone: string;
}

function sheetRows(
  records: WorkbookSource["records"],
  locale: string,
  timeZone: string,
): { rows: unknown[][]; formats: (string | undefined)[][] } {
  const cellLocale = inputLocale(locale, timeZone);
  const rows: unknown[][] = [];
  const formats: (string | undefined)[][] = [];
  const cellOf = (value: CellValue): SheetCell =>
    typeof value === "string" ? sheetCell(value, cellLocale) : workbookCell(value, cellLocale);
  records.forEach((record: readonly CellValue[], index) => {
    // The header stays text, whatever it looks like.
    const cells = record.map((value) => (index === 0 ? { value: value ?? "" } : cellOf(value)));
    rows.push(cells.map((cell) => cell.value));
    formats.push(cells.map((cell) => cell.numberFormat));
  });
  return { rows, formats };
}

/** The add-on's template builders, as Code.js declares them (its "Create template" menu items). */
/**
 * Apps Script calls that may change what a sheet shows (Range.setValues,
 * Sheet.setConditionalFormatRules …); developer metadata (the remembered settings) is invisible.
 */
const WRITING_CALL = /^(?!.*DeveloperMetadata)[^.]+\.(set|insert|delete|clear|add|remove|append|activate|merge|sort|hide|show|copy|move)/;

export const TEMPLATE_BUILDERS = ["createTemplate", "createTemplateWithSampleOrders"] as const;
export type TemplateBuilder = (typeof TEMPLATE_BUILDERS)[number];

export class Workbook {
  readonly fake: FakeSheets;
  readonly runtime: AddonRuntime;
  /** Formula sheets' text as HyperFormula computed it, by sheet name (set by createTemplate). */
  private evaluated: Record<string, string[][]> = {};
  /** Selections and templates made by the preview itself, which the call counter does not see. */
  private localChanges = 0;

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
    formats.forEach((rowFormats, row) => {
      rowFormats.forEach((format, column) => {
        if (format) grid.setFormat("numberFormat", row + 1, column + 1, format);
      });
    });
    this.runtime = new AddonRuntime(source.code, this.fake);
  }

  get sheetNames(): string[] {
    return this.fake.spreadsheet.sheets.map((sheet) => sheet.getName());
  }

  snapshot(sheetName?: string): GridSnapshot {
    const sheet = sheetName === undefined ? this.fake.spreadsheet.activeSheet : this.fake.sheet(sheetName);
    return gridSnapshot(sheet, this.sheetNames, this.fake.spreadsheet.timeZone, this.version, this.evaluated[sheet.getName()]);
  }

  /**
   * Changes whenever the grid may look different: the preview's own selections and templates, and
   * every Apps Script call that can change a sheet (a setter, insert, delete …). Analysing only
   * reads, so the page can skip redrawing thousands of rows after it.
   */
  get version(): string {
    const writes = Object.entries(this.fake.calls.snapshot())
      .filter(([name]) => WRITING_CALL.test(name))
      .reduce((sum, [, count]) => sum + count, 0);
    return `${this.localChanges}.${writes}`;
  }

  /** The template builders this Code.js declares. */
  get templateBuilders(): TemplateBuilder[] {
    return TEMPLATE_BUILDERS.filter((name) => this.runtime.has(name));
  }

  /**
   * Runs the add-on's "Create template" and evaluates the new tabs' formulas in HyperFormula, the
   * way Sheets would show them. Returns the names of the tabs it added.
   */
  createTemplate(builder: TemplateBuilder = "createTemplate"): string[] {
    const before = new Set(this.sheetNames);
    this.runtime.call(builder, []);
    const created = this.sheetNames.filter((name) => !before.has(name));
    const { display } = evaluateWorkbook(this.fake.spreadsheet);
    for (const name of created) if (display[name]) this.evaluated[name] = display[name];
    this.localChanges++;
    return created;
  }

  /** Selects an A1 range on a sheet, as a click or drag in Sheets would; that sheet becomes active. */
  select(sheetName: string, a1: string): void {
    const bare = a1.includes("!") ? a1 : `'${sheetName.replace(/'/g, "''")}'!${a1}`;
    this.fake.select(bare);
    this.localChanges++;
  }

  /** Whole rows `first…last`, as a drag over the row headers selects them (to the last used column). */
  selectRows(sheetName: string, first: number, last: number): void {
    const lastColumn = columnLetter(Math.max(1, this.fake.sheet(sheetName).grid.lastColumn()) - 1);
    this.select(sheetName, `A${Math.min(first, last)}:${lastColumn}${Math.max(first, last)}`);
  }
}
