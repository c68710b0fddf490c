// The range the add-on works on: the user's selection, or the block of data around a single
// selected cell (what Ctrl+A would select), with the spreadsheet's locale for reading it.

import { columnLetter } from "../core/a1";
import { analyzeTable } from "../core/analyze-table";
import { inputLocale, isBlank, isDateObject, isPlausibleDay, isSheetError, readDay, type InputLocale } from "../core/cells";
import {
  detectLayout,
  headerText,
  LAYOUT_SAMPLE_ROWS,
  looksLikeDate,
  type ColumnMapping,
  type DetectedLayout,
  type Field,
} from "../core/columns";
import { customerDisplayName, customerKey } from "../core/customer-key";
import { isProjectDealType, PROJECT_DEAL_TYPES } from "../core/deal-types";
import type { Cells } from "../core/ingest";
import type { Analysis } from "../core/report";
import { languageForLocale, type Language } from "../i18n/language";
import { checkDistinctColumns, FIELDS, reportSettings, RequestError } from "./settings";
import type { AnalysisRequest, RangeState } from "./sidebar-api";

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
  return sheet.getRange(firstRow, firstColumn, Math.min(numRows, LAYOUT_SAMPLE_ROWS), numColumns).getValues();
}

export function detectColumns(selection: Selection, rows: Cells): DetectedLayout {
  return detectLayout(rows, selection.input);
}

/**
 * The header row for the user's mapping: the detected one, or else the first row when its date
 * cell is text that is no date (a header named in a way detection does not know, like "Paid on").
 */
export function headerRowFor(selection: Selection, rows: Cells, mapping: ColumnMapping): number {
  const detected = detectColumns(selection, rows.slice(0, LAYOUT_SAMPLE_ROWS)).headerRow;
  if (detected >= 0 || mapping.date === undefined) return detected;
  const dateCell = rows[0]?.[mapping.date];
  return typeof dateCell === "string" && !isBlank(dateCell) && !looksLikeDate(dateCell, selection.input) ? 0 : -1;
}

/** Header names by column: the header cell's text, or the sheet column letter where there is none. */
export function columnNames(selection: Selection, rows: Cells, headerRow: number): string[] {
  const header = headerRow >= 0 ? rows[headerRow] : undefined;
  return Array.from(
    { length: selection.numColumns },
    (_, column) => headerText(header, column) ?? columnLetter(selection.firstColumn - 1 + column),
  );
}

/** The whole range with one getValues(); an empty range gets one plain message, not an empty report. */
export function readValues(selection: Selection): Cells {
  const values = selection.range.getValues();
  if (values.every((row) => row.every(isBlank))) throw new RequestError("emptyRange", { range: selection.rangeA1 });
  return values;
}

/** A header with nothing under it: one message instead of a report of zeros. */
function requireOrders(selection: Selection, values: Cells, headerRow: number): void {
  if (values.slice(headerRow + 1).every((row) => row.every(isBlank))) throw new RequestError("noOrders", { range: selection.rangeA1 });
}

/** Below this share of dates among its first values, the column chosen as the date is refused. */
const DATE_SHARE = 0.5;

/**
 * Refuses a date column whose first values (those already read, below the header) are mostly not
 * dates as the core reads them: a customer or amount column chosen by mistake would otherwise
 * give a report of skipped rows, or of dates in 1905.
 */
function checkDateColumn(selection: Selection, values: Cells, headerRow: number, column: number, name: string): void {
  let filled = 0;
  let notDates = 0;
  let example: unknown;
  for (let row = headerRow + 1; row < Math.min(values.length, headerRow + 1 + LAYOUT_SAMPLE_ROWS); row++) {
    const cell = values[row]?.[column];
    if (isBlank(cell)) continue;
    filled++;
    const day = readDay(cell, selection.input);
    if (day !== undefined && isPlausibleDay(day)) continue;
    notDates++;
    example ??= cell;
  }
  if (notDates > filled * (1 - DATE_SHARE)) {
    throw new RequestError("notDates", { column: name, count: notDates, total: filled, example: quoted(example) });
  }
}

function quoted(cell: unknown): string {
  return isDateObject(cell) ? (Number.isNaN(cell.getTime()) ? "Invalid Date" : cell.toISOString().slice(0, 10)) : String(cell);
}

/** Deal types offered in the sidebar: enough for any real list of kinds, short enough to scroll. */
export const DEAL_TYPE_LIMIT = 50;

/**
 * The distinct values of the deal-type column below the header, as first spelled (compared like
 * customers), and the first that is a project deal type: the value left out by default. Past
 * DEAL_TYPE_LIMIT values only that default is still looked for, and kept in the list.
 */
function dealTypeChoices(values: Cells, headerRow: number, column: number | undefined): Pick<RangeState, "dealTypes" | "defaultDealType"> {
  if (column === undefined) return { dealTypes: [], defaultDealType: "" };
  const seen = new Map<string, string>();
  let defaultDealType = "";
  for (let row = headerRow + 1; row < values.length; row++) {
    const cell = values[row]?.[column];
    const key = customerKey(cell);
    if (key === "" || seen.has(key) || isSheetError(cell)) continue;
    const isDefault = defaultDealType === "" && isProjectDealType(cell);
    if (isDefault) defaultDealType = customerDisplayName(cell);
    if (seen.size < DEAL_TYPE_LIMIT || isDefault) seen.set(key, customerDisplayName(cell));
  }
  return { dealTypes: [...seen.values()], defaultDealType };
}

/** The deal-type column's choices for a form built from the head rows: one getValues of that column. */
export function readDealTypeChoices(
  selection: Selection,
  headerRow: number,
  column: number | undefined,
): Pick<RangeState, "dealTypes" | "defaultDealType"> {
  if (column === undefined) return dealTypeChoices([], headerRow, column);
  const { sheet, firstRow, firstColumn, numRows } = selection;
  return dealTypeChoices(sheet.getRange(firstRow, firstColumn + column, numRows, 1).getValues(), headerRow, 0);
}

/** The header name of each mapped column, for the report's "columns used" line. */
function namesByField(mapping: ColumnMapping, names: readonly string[]): Partial<Record<Field, string>> {
  const named: Partial<Record<Field, string>> = {};
  for (const field of FIELDS) {
    const column = mapping[field];
    if (column !== undefined) named[field] = names[column]!;
  }
  return named;
}

export interface TableAnalysis {
  analysis: Analysis;
  values: Cells;
  headerRow: number;
  mapping: ColumnMapping;
  /** What the form shows for this range. */
  range: RangeState;
}

/**
 * Analyses the values read by `readValues` with the request's columns: one column per role, a
 * date column of dates, the one-off deal type chosen or the column's default left out.
 */
export function analyzeSelectionValues(selection: Selection, values: Cells, request: AnalysisRequest): TableAnalysis {
  const { mapping, settings } = request;
  const headerRow = headerRowFor(selection, values, mapping);
  const headers = columnNames(selection, values, headerRow);
  checkDistinctColumns(mapping, headers);
  checkDateColumn(selection, values, headerRow, mapping.date!, headers[mapping.date!]!);
  requireOrders(selection, values, headerRow);
  const choices = dealTypeChoices(values, headerRow, mapping.dealType);
  const excluded = mapping.dealType === undefined ? "" : (settings.excludeDealType ?? choices.defaultDealType);
  // The default leaves out every project spelling, as the CLI and JUDGED_RETENTION do; the list
  // shows the column's own spelling of it.
  const excludedTypes = settings.excludeDealType === null ? PROJECT_DEAL_TYPES : [settings.excludeDealType];
  const analysis = analyzeTable(values, {
    mapping,
    headers,
    headerRow,
    firstRowNumber: selection.firstRow,
    excludeDealTypes: excluded ? excludedTypes : undefined,
    locale: selection.input,
    settings: {
      ...reportSettings(settings),
      columns: namesByField(mapping, headers),
      ...(excluded ? { excludedDealType: excluded } : {}),
    },
  });
  const range: RangeState = { sheetName: selection.sheet.getName(), rangeA1: selection.rangeA1, headers, mapping, ...choices };
  return { analysis, values, headerRow, mapping, range };
}
