// The range the add-on works on: the user's selection, or the block of data around a single
// selected cell (what Ctrl+A would select), with the spreadsheet's locale for reading it.

import { columnLetter } from "../core/a1";
import { analyzeTable } from "../core/analyze-table";
import type { HealthSettings } from "../core/health/health-check";
import { findHealthColumns } from "../core/health/health-columns";
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
import { findStatusColumn, statusKey, statusLabel, statusRule, statusVerdict } from "../core/statuses";
import { languageForLocale, type Language } from "../i18n/language";
import { checkDistinctColumns, FIELDS, reportSettings, RequestError } from "./settings";
import type { AnalysisRequest, ColumnDoubt, RangeState, StatusChoice } from "./sidebar-api";

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
  /** The spreadsheet's time zone (the script's when it has none): the zone its dates are days in. */
  timeZone: string;
  input: InputLocale;
  language: Language;
}

export function currentSelection(): Selection {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const locale = spreadsheet.getSpreadsheetLocale() || "en_US";
  const timeZone = spreadsheet.getSpreadsheetTimeZone() || Session.getScriptTimeZone();
  const input = inputLocale(locale, timeZone);
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
    timeZone,
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
 * What the user must confirm of a detected layout: the fields two header names fit equally well,
 * or, with no header naming a customer and a date, the columns guessed from the contents (the
 * customer and the date, found or not, and the amount when one was found).
 */
export function layoutDoubts(layout: DetectedLayout): ColumnDoubt[] {
  const { mapping } = layout;
  if (layout.headerRow < 0) {
    const required = (["customer", "date"] as const).map(
      (field): ColumnDoubt =>
        mapping[field] === undefined ? { kind: "missing", field } : { kind: "guess", field, column: mapping[field] },
    );
    return mapping.amount === undefined ? required : [...required, { kind: "guess", field: "amount", column: mapping.amount }];
  }
  return (["customer", "date"] as const).flatMap((field): ColumnDoubt[] => {
    const columns = layout.doubts?.[field];
    return columns === undefined ? [] : [{ kind: "tie", field, columns }];
  });
}

/**
 * The status column as the command line finds it: a header naming one over mostly known statuses
 * in the first rows, not a column read for another role; null without one (or without a header).
 */
export function detectStatusColumn(rows: Cells, headerRow: number, mapping: ColumnMapping): number | null {
  if (headerRow < 0) return null;
  const column = findStatusColumn(rows[headerRow]!, rows.slice(headerRow + 1, LAYOUT_SAMPLE_ROWS));
  return column < 0 || Object.values(mapping).includes(column) ? null : column;
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

/** Values offered in a list (deal types, statuses): enough for any real list of kinds, short enough to scroll. */
export const CHOICE_LIMIT = 50;

/** How a list's values are told apart and shown. */
interface ValueSpelling {
  key: (cell: unknown) => string;
  label: (cell: unknown) => string;
  /** Past CHOICE_LIMIT values, whether this one is still kept, given those kept so far. */
  keepPastLimit?: (cell: unknown, kept: readonly string[]) => boolean;
}

/** The distinct values of a column below the header, as first spelled; blanks and sheet errors are no value. */
function distinctValues(values: Cells, headerRow: number, column: number, spelling: ValueSpelling): string[] {
  const seen = new Map<string, string>();
  for (let row = headerRow + 1; row < values.length; row++) {
    const cell = values[row]?.[column];
    const key = spelling.key(cell);
    if (key === "" || seen.has(key) || isSheetError(cell)) continue;
    if (seen.size < CHOICE_LIMIT || spelling.keepPastLimit?.(cell, [...seen.values()])) seen.set(key, spelling.label(cell));
  }
  return [...seen.values()];
}

const DEAL_TYPE_SPELLING: ValueSpelling = {
  key: customerKey,
  label: customerDisplayName,
  // The default must be offered however late it comes, so the list shows what is left out.
  keepPastLimit: (cell, kept) => isProjectDealType(cell) && !kept.some(isProjectDealType),
};

const STATUS_SPELLING: ValueSpelling = { key: statusKey, label: statusLabel };

/**
 * The deal-type column's values (compared like customers), and the first that is a project deal
 * type: the value left out by default.
 */
function dealTypeChoices(values: Cells, headerRow: number, column: number | undefined): Pick<RangeState, "dealTypes" | "defaultDealType"> {
  if (column === undefined) return { dealTypes: [], defaultDealType: "" };
  const dealTypes = distinctValues(values, headerRow, column, DEAL_TYPE_SPELLING);
  return { dealTypes, defaultDealType: dealTypes.find(isProjectDealType) ?? "" };
}

/** The status column's values (compared as statuses are), each with whether it counts under `counted`. */
function statusChoices(values: Cells, headerRow: number, column: number | null, counted: readonly string[] | null): StatusChoice[] {
  if (column === null) return [];
  const rule = statusRule(counted ?? undefined);
  return distinctValues(values, headerRow, column, STATUS_SPELLING).map((value) => ({
    value,
    counted: statusVerdict(value, rule) === "purchase",
  }));
}

/** One column of the range, read with one getValues: enough for its choices, cheap on a wide range. */
function readColumn(selection: Selection, column: number): Cells {
  const { sheet, firstRow, firstColumn, numRows } = selection;
  return sheet.getRange(firstRow, firstColumn + column, numRows, 1).getValues();
}

/** The deal-type and status choices for a form built from the head rows: one getValues per column. */
export function readChoices(
  selection: Selection,
  headerRow: number,
  request: Pick<AnalysisRequest, "mapping" | "settings"> & { statusColumn: number | null },
): Pick<RangeState, "dealTypes" | "defaultDealType" | "statuses"> {
  const { mapping, statusColumn } = request;
  const dealTypes = mapping.dealType === undefined ? [] : readColumn(selection, mapping.dealType);
  const statuses = statusColumn === null ? [] : readColumn(selection, statusColumn);
  return {
    ...dealTypeChoices(dealTypes, headerRow, mapping.dealType === undefined ? undefined : 0),
    statuses: statusChoices(statuses, headerRow, statusColumn === null ? null : 0, request.settings.countedStatuses),
  };
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

/** The request's status column, or the one found as the command line finds it when the request names none. */
function statusColumnOf(request: AnalysisRequest, values: Cells, headerRow: number): number | null {
  return request.statusColumn === undefined ? detectStatusColumn(values, headerRow, request.mapping) : request.statusColumn;
}

/** What the form shows for the range, from all its values. */
function rangeState(
  selection: Selection,
  values: Cells,
  headerRow: number,
  request: AnalysisRequest & { statusColumn: number | null },
  doubts: ColumnDoubt[],
): RangeState {
  const { mapping, statusColumn } = request;
  return {
    sheetName: selection.sheet.getName(),
    rangeA1: selection.rangeA1,
    headers: columnNames(selection, values, headerRow),
    mapping,
    ...dealTypeChoices(values, headerRow, mapping.dealType),
    statusColumn,
    statuses: statusChoices(values, headerRow, statusColumn, request.settings.countedStatuses),
    doubts,
  };
}

/** What the form shows for a range whose columns still need the user's word (`doubts`): nothing is analysed. */
export function rangeToConfirm(selection: Selection, values: Cells, request: AnalysisRequest, doubts: ColumnDoubt[]): RangeState {
  const headerRow = headerRowFor(selection, values, request.mapping);
  return rangeState(selection, values, headerRow, { ...request, statusColumn: statusColumnOf(request, values, headerRow) }, doubts);
}

/**
 * Analyses the values read by `readValues` with the request's columns: one column per role, a
 * date column of dates, the one-off deal type chosen or the column's default left out, only the
 * statuses that count (the completed ones unless the user ticked others).
 */
export function analyzeSelectionValues(
  selection: Selection,
  values: Cells,
  request: AnalysisRequest,
  limits: Pick<HealthSettings, "lapsedLimit"> = {},
): TableAnalysis {
  const { mapping, settings } = request;
  const headerRow = headerRowFor(selection, values, mapping);
  const statusColumn = statusColumnOf(request, values, headerRow);
  const range = rangeState(selection, values, headerRow, { ...request, statusColumn }, []);
  const { headers } = range;
  checkDistinctColumns(mapping, statusColumn, headers);
  checkDateColumn(selection, values, headerRow, mapping.date!, headers[mapping.date!]!);
  requireOrders(selection, values, headerRow);
  const counted = settings.countedStatuses;
  const excluded = mapping.dealType === undefined ? "" : (settings.excludeDealType ?? range.defaultDealType);
  // The default leaves out every project spelling, as the CLI and JUDGED_RETENTION do; the list
  // shows the column's own spelling of it.
  const excludedTypes = settings.excludeDealType === null ? PROJECT_DEAL_TYPES : [settings.excludeDealType];
  const analysis = analyzeTable(values, {
    mapping,
    headers,
    headerRow,
    firstRowNumber: selection.firstRow,
    excludeDealTypes: excluded ? excludedTypes : undefined,
    ...(statusColumn === null ? {} : { status: { column: statusColumn, ...(counted ? { counted } : {}) } }),
    health: {
      columns:
        headerRow < 0
          ? {}
          : findHealthColumns(values[headerRow]!, { ...mapping, ...(statusColumn === null ? {} : { status: statusColumn }) }),
    },
    locale: selection.input,
    settings: {
      ...reportSettings(settings),
      ...limits,
      columns: namesByField(mapping, headers),
      ...(excluded ? { excludedDealType: excluded } : {}),
    },
  });
  return { analysis, values, headerRow, mapping, range };
}
