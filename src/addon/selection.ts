// The range the add-on works on: the user's selection, or the block of data around a single
// selected cell (what Ctrl+A would select), with the spreadsheet's locale for reading it.

import { columnLetter } from "../core/a1";
import { analyzeTable } from "../core/analyze-table";
import { inputLocale, isBlank, isDateObject, parseDateText, type InputLocale } from "../core/cells";
import { detectLayout, type ColumnMapping, type DetectedLayout } from "../core/columns";
import type { Cells } from "../core/ingest";
import type { Analysis } from "../core/report";
import { languageForLocale, type Language } from "../i18n/language";
import { reportSettings } from "./settings";
import type { AnalysisRequest } from "./sidebar-api";

/** detectLayout looks for a header in the first 10 rows and guesses columns from the first 50. */
const HEAD_ROWS = 50;

export interface Selection {
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  range: GoogleAppsScript.Spreadsheet.Range;
  rangeA1: string;
  /** Sheet row and column (1-based) of the range's top-left cell. */
  firstRow: number;
  firstColumn: number;
  numRows: number;
  numColumns: number;
  locale: string;
  input: InputLocale;
  language: Language;
}

export function currentSelection(): Selection {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const locale = spreadsheet.getSpreadsheetLocale() || "en_US";
  const input = inputLocale(locale, spreadsheet.getSpreadsheetTimeZone() || Session.getScriptTimeZone());
  const selected = spreadsheet.getActiveRange() ?? spreadsheet.getActiveSheet().getDataRange();
  const isOneCell = selected.getNumRows() === 1 && selected.getNumColumns() === 1;
  const range = isOneCell ? selected.getDataRegion() : selected;
  return {
    spreadsheet,
    sheet: range.getSheet(),
    range,
    rangeA1: range.getA1Notation(),
    firstRow: range.getRow(),
    firstColumn: range.getColumn(),
    numRows: range.getNumRows(),
    numColumns: range.getNumColumns(),
    locale,
    input,
    language: languageForLocale(locale),
  };
}

/** The first rows only: enough to find the header and guess the columns, cheap on a huge range. */
export function readHead(selection: Selection): Cells {
  const { sheet, firstRow, firstColumn, numRows, numColumns } = selection;
  return sheet.getRange(firstRow, firstColumn, Math.min(numRows, HEAD_ROWS), numColumns).getValues();
}

/** A date cell (Sheets hands those over as Dates) or text that reads as a date; not a bare number. */
function looksLikeDate(input: InputLocale): (cell: unknown) => boolean {
  return (cell) => isDateObject(cell) || (typeof cell === "string" && parseDateText(cell, input.slashOrder) !== undefined);
}

export function detectColumns(selection: Selection, rows: Cells): DetectedLayout {
  return detectLayout(rows, looksLikeDate(selection.input));
}

/**
 * The header row for the user's mapping: the detected one, or else the first row when its date
 * cell is text that is no date (a header named in a way detection does not know, like "Paid on").
 */
export function headerRowFor(selection: Selection, rows: Cells, mapping: ColumnMapping): number {
  const detected = detectColumns(selection, rows.slice(0, HEAD_ROWS)).headerRow;
  if (detected >= 0 || mapping.date === undefined) return detected;
  const dateCell = rows[0]?.[mapping.date];
  return typeof dateCell === "string" && !isBlank(dateCell) && !looksLikeDate(selection.input)(dateCell) ? 0 : -1;
}

/** Header names by column: the header cell's text, or the sheet column letter where there is none. */
export function columnNames(selection: Selection, rows: Cells, headerRow: number): string[] {
  const header = headerRow >= 0 ? rows[headerRow] : undefined;
  return Array.from({ length: selection.numColumns }, (_, column) => {
    const cell = header?.[column];
    return isBlank(cell) ? columnLetter(selection.firstColumn - 1 + column) : String(cell).trim();
  });
}

export interface TableAnalysis {
  analysis: Analysis;
  values: Cells;
  headerRow: number;
  mapping: ColumnMapping;
}

/** Reads the whole range with one getValues() and analyses it with the request's columns. */
export function analyzeSelectionValues(selection: Selection, request: AnalysisRequest): TableAnalysis {
  const values = selection.range.getValues();
  const headerRow = headerRowFor(selection, values, request.mapping);
  const analysis = analyzeTable(values, {
    mapping: request.mapping,
    headers: columnNames(selection, values, headerRow),
    headerRow,
    firstRowNumber: selection.firstRow,
    excludeDealType: request.settings.excludeDealType || undefined,
    locale: selection.input,
    settings: reportSettings(request.settings),
  });
  return { analysis, values, headerRow, mapping: request.mapping };
}
