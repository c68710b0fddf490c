// A whole spreadsheet evaluated in HyperFormula: the fake spreadsheet after "Create template" (or
// any sheets of values and formulas) in, every cell's computed value out. The tests check the
// Dashboard with it; the preview shows it.

import { DetailedCellError, HyperFormula, type CellValue, type RawCellContent } from "hyperformula";
import { dayToSerial, MS_PER_DAY, serialToDay } from "../../core/calendar";
import { isDateObject } from "../../core/cells";
import { ZoneCalendar } from "../../core/time-zone";
import { displayValue, formatA1, parseA1, type FakeSpreadsheet } from "../../fake-sheets";
import { boundOpenRanges } from "./open-ranges";
import { retentionEngineConfig } from "./plugin";

/** A cell to load: a value (Date objects welcome) or a formula. */
export type WorkbookCell = unknown | { formula: string };

export interface WorkbookSheet {
  name: string;
  cells: WorkbookCell[][];
  /** Rows the sheet has (Sheets' grid size): where an open-ended range such as B2:B ends. */
  maxRows: number;
}

export interface WorkbookInput {
  /** Spreadsheet locale, such as `ru_RU`: the custom functions read dates, numbers and language by it. */
  locale: string;
  /** Spreadsheet time zone: which day a Date cell is. */
  timeZone: string;
  sheets: WorkbookSheet[];
}

export interface EvaluatedError {
  /** As Sheets shows it: `#ERROR!`, `#N/A` … */
  error: string;
  message: string;
}

export type EvaluatedCell = number | string | boolean | null | EvaluatedError;

export interface CellProblem extends EvaluatedError {
  sheet: string;
  /** A1 address of the cell within its sheet. */
  cell: string;
}

export interface EvaluatedWorkbook {
  /** Computed values per sheet, trimmed to the last cell with content. Dates are serial numbers. */
  values: Record<string, EvaluatedCell[][]>;
  /** Every cell whose value is an error, in sheet order. */
  errors: CellProblem[];
  /** The value at an A1 address such as `B5`, or null past the content. */
  value(sheet: string, a1: string): EvaluatedCell;
}

export function isFormulaCell(cell: WorkbookCell): cell is { formula: string } {
  return typeof cell === "object" && cell !== null && typeof (cell as { formula?: unknown }).formula === "string";
}

/** What HyperFormula should load for a value cell, given the spreadsheet's time zone. */
function rawValue(value: unknown, zone: ZoneCalendar): RawCellContent {
  if (value === "" || value === null || value === undefined) return null;
  if (isDateObject(value)) {
    const ms = value.getTime();
    const day = zone.dayOf(ms);
    return dayToSerial(day) + (ms - zone.startOf(day)) / MS_PER_DAY;
  }
  // HyperFormula reads a leading "=" as a formula and strips one leading apostrophe as Sheets'
  // text marker: such text gets an apostrophe of its own so it loads as the text it is.
  if (typeof value === "string") return /^[='+\-@]/.test(value) ? `'${value}` : value;
  if (typeof value === "number" || typeof value === "boolean") return value;
  return String(value);
}

function exported(value: CellValue): EvaluatedCell {
  if (value instanceof DetailedCellError) return { error: value.value, message: value.message };
  return value;
}

/** A1 address of a 0-based cell, as HyperFormula counts rows and columns. */
function a1(row: number, column: number): string {
  return formatA1({ row: row + 1, column: column + 1, numRows: 1, numColumns: 1 });
}

/**
 * Values first, formulas after: HyperFormula fixes the size of a spilled result when its formula
 * is entered, and the retention functions work that size out from the data already loaded.
 */
export function evaluateSheets(input: WorkbookInput): EvaluatedWorkbook {
  const zone = new ZoneCalendar(input.timeZone);
  const valueSheets: Record<string, RawCellContent[][]> = {};
  for (const sheet of input.sheets) {
    valueSheets[sheet.name] = sheet.cells.map((row) => row.map((cell) => (isFormulaCell(cell) ? null : rawValue(cell, zone))));
  }
  const engine = HyperFormula.buildFromSheets(valueSheets, retentionEngineConfig(input.locale));
  try {
    const maxRows = new Map(input.sheets.map((sheet) => [sheet.name, sheet.maxRows]));
    for (const sheet of input.sheets) {
      const id = engine.getSheetId(sheet.name)!;
      const rowsOf = (name: string | undefined): number | undefined => maxRows.get(name ?? sheet.name);
      sheet.cells.forEach((row, r) => {
        row.forEach((cell, c) => {
          if (isFormulaCell(cell)) engine.setCellContents({ sheet: id, row: r, col: c }, boundOpenRanges(cell.formula, rowsOf));
        });
      });
    }
    return collect(
      engine,
      input.sheets.map((sheet) => sheet.name),
    );
  } finally {
    engine.destroy();
  }
}

function collect(engine: HyperFormula, names: string[]): EvaluatedWorkbook {
  const values: Record<string, EvaluatedCell[][]> = {};
  const errors: CellProblem[] = [];
  for (const name of names) {
    const rows = engine.getSheetValues(engine.getSheetId(name)!).map((row) => row.map(exported));
    values[name] = rows;
    rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        if (typeof cell === "object" && cell !== null) errors.push({ sheet: name, cell: a1(r, c), ...cell });
      });
    });
  }
  return {
    values,
    errors,
    value(sheet: string, address: string): EvaluatedCell {
      const { row, column } = parseA1(address, 1, 1).bounds;
      return values[sheet]?.[row - 1]?.[column - 1] ?? null;
    },
  };
}

/** The fake spreadsheet's sheets as HyperFormula input: values, formulas and grid sizes. */
export function workbookFromFake(spreadsheet: FakeSpreadsheet): WorkbookInput {
  return {
    locale: spreadsheet.locale,
    timeZone: spreadsheet.timeZone,
    sheets: spreadsheet.sheets.map((sheet) => {
      const grid = sheet.grid;
      const cells = Array.from({ length: grid.lastRow() }, (_, r) =>
        Array.from({ length: grid.lastColumn() }, (_, c): WorkbookCell => {
          const formula = grid.format("formula", r + 1, c + 1);
          return formula === "" ? grid.value(r + 1, c + 1) : { formula };
        }),
      );
      return { name: sheet.getName(), cells, maxRows: grid.maxRows };
    }),
  };
}

/**
 * Evaluates the fake spreadsheet (e.g. after createTemplate) in HyperFormula. `display` gives each
 * cell as the sheet would show it with the cell's number format (dates, percentages, amounts).
 */
export function evaluateWorkbook(spreadsheet: FakeSpreadsheet): EvaluatedWorkbook & { display: Record<string, string[][]> } {
  const evaluated = evaluateSheets(workbookFromFake(spreadsheet));
  const zone = new ZoneCalendar(spreadsheet.timeZone);
  const display: Record<string, string[][]> = {};
  for (const sheet of spreadsheet.sheets) {
    const rows = evaluated.values[sheet.getName()] ?? [];
    display[sheet.getName()] = rows.map((row, r) =>
      row.map((cell, c) => shownAs(cell, sheet.grid.format("numberFormat", r + 1, c + 1), zone, spreadsheet.timeZone)),
    );
  }
  return { ...evaluated, display };
}

const DATE_FORMAT = /[dy]/i;

function shownAs(cell: EvaluatedCell, numberFormat: string, zone: ZoneCalendar, timeZone: string): string {
  if (cell !== null && typeof cell === "object") return cell.error;
  if (typeof cell === "number" && DATE_FORMAT.test(numberFormat)) {
    return displayValue(new Date(zone.startOf(serialToDay(cell))), numberFormat, timeZone);
  }
  return displayValue(cell, numberFormat, timeZone);
}
