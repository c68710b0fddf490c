// The server functions the sidebar calls through google.script.run (the SidebarApi contract), and
// the shared steps the menu items reuse. Each reads the selection once, in a fixed number of
// Apps Script calls, and returns plain data only.

import { isDateObject } from "../core/cells";
import type { Cells } from "../core/ingest";
import { ProblemError } from "../core/problems";
import type { RetentionReport, SkippedRow } from "../core/report";
import { fill, languageForLocale, type Language } from "../i18n/language";
import { ADDON_MESSAGES } from "../i18n/menu";
import { problemMessage } from "../i18n/problems";
import { SIDEBAR, type SidebarKey } from "../i18n/sidebar";
import { ADDON_VERSION } from "../version";
import type { HealthSettings } from "../core/health/health-check";
import { customerKey } from "../core/customer-key";
import { type CallListTable, lapsedCallList, neverReturnedCallList } from "../presentation/call-list";
import { currencyOfPattern } from "./currency";
import { writeCallListSheet } from "./call-list-sheet";
import { removeHighlights, replaceHighlight, rowRuns, rowsToHighlight, runsToA1 } from "./highlight";
import { loadRemembered, saveRemembered } from "./remembered-settings";
import {
  analyzeSelectionValues,
  columnNames,
  currentSelection,
  detectColumns,
  detectStatusColumn,
  headerRowFor,
  layoutDoubts,
  rangeToConfirm,
  readChoices,
  readHead,
  readValues,
  type Selection,
  type TableAnalysis,
} from "./selection";
import {
  checkRequest,
  DEFAULT_SETTINGS,
  mappingForRange,
  rememberRequest,
  RequestError,
  statusColumnForRange,
  type ColumnRole,
} from "./settings";
import type {
  AnalysisRequest,
  AnalysisResponse,
  CallListResponse,
  ColumnDoubt,
  HighlightResponse,
  RangeState,
  SidebarApi,
  SidebarState,
} from "./sidebar-api";

const ROLE_NAMES: Record<ColumnRole, SidebarKey> = {
  customer: "fieldCustomer",
  date: "fieldDate",
  amount: "fieldAmount",
  manager: "fieldManager",
  dealType: "fieldDealType",
  status: "fieldStatus",
};

/** Request details that hold a ColumnRole, named in the user's language in messages. */
const FIELD_DETAILS = ["field", "otherField"] as const;

/** The core's problems and bad requests become errors in the spreadsheet's language. */
export function localizedError(error: unknown, language: Language): Error {
  if (error instanceof ProblemError) return new Error(problemMessage(error.problem, language));
  if (error instanceof RequestError) {
    const details = { ...error.details };
    for (const key of FIELD_DETAILS) {
      const field = ROLE_NAMES[details[key] as ColumnRole];
      if (field !== undefined) details[key] = SIDEBAR[language][field];
    }
    return new Error(fill(ADDON_MESSAGES[language][error.code], details));
  }
  return error instanceof Error ? error : new Error(String(error));
}

export function inSelection<T>(body: (selection: Selection) => T): T {
  let language: Language = "en";
  try {
    const selection = currentSelection();
    language = selection.language;
    return body(selection);
  } catch (error) {
    throw localizedError(error, language);
  }
}

/** A request the add-on made up itself, and what in it the user must confirm before it runs. */
export interface StartingRequest {
  request: AnalysisRequest & { statusColumn: number | null };
  /** The detected columns that are a guess; [] for columns the user chose before, or sure ones. */
  doubts: ColumnDoubt[];
}

/**
 * The request the sidebar starts from: the columns remembered for this sheet when they still name a
 * customer and a date column inside the range, else the detected ones (with their doubts); the
 * remembered settings.
 */
export function startingRequest(selection: Selection, head: Cells): StartingRequest {
  const remembered = loadRemembered(selection.sheet);
  const { firstColumn, numColumns } = selection;
  const rememberedMapping = remembered && mappingForRange(remembered, firstColumn, numColumns);
  const usable = remembered !== undefined && rememberedMapping?.customer !== undefined && rememberedMapping.date !== undefined;
  const layout = usable ? undefined : detectColumns(selection, head);
  const mapping = layout?.mapping ?? rememberedMapping!;
  const rememberedStatus = usable ? statusColumnForRange(remembered, firstColumn, numColumns) : undefined;
  const statusColumn =
    rememberedStatus !== undefined ? rememberedStatus : detectStatusColumn(head, headerRowFor(selection, head, mapping), mapping);
  return {
    request: {
      sheetName: selection.sheet.getName(),
      rangeA1: selection.rangeA1,
      mapping,
      statusColumn,
      settings: remembered?.settings ?? DEFAULT_SETTINGS,
    },
    doubts: layout === undefined ? [] : layoutDoubts(layout),
  };
}

/**
 * The request for the current selection. A form built for another range (the user selected
 * elsewhere since) sends that range's columns: then the columns are the ones remembered or
 * detected for this range (doubts and all), and the one-off deal type and the statuses that count
 * go back to this range's defaults.
 */
export function followSelection(
  selection: Selection,
  values: Cells,
  request: AnalysisRequest,
): Pick<StartingRequest, "doubts"> & { request: AnalysisRequest } {
  // A caller that names no range (an older sidebar, say) means the current one.
  const namesNoRange = request.sheetName === undefined && request.rangeA1 === undefined;
  if (namesNoRange || (request.sheetName === selection.sheet.getName() && request.rangeA1 === selection.rangeA1))
    return { request, doubts: [] };
  const starting = startingRequest(selection, values);
  const settings = { ...request.settings, excludeDealType: null, countedStatuses: null };
  return { request: { ...starting.request, settings }, doubts: starting.doubts };
}

/** Dates cannot cross google.script.run; a skipped row quotes its cell, which may be one. */
function plainValue(value: unknown): unknown {
  if (!isDateObject(value)) return value;
  return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
}

function plainReport(report: RetentionReport): RetentionReport {
  const skipped = report.skipped.map(
    ({ row, problem }): SkippedRow => ({
      row,
      problem: { ...problem, value: plainValue(problem.value), otherValue: plainValue(problem.otherValue) },
    }),
  );
  return { ...report, skipped };
}

/**
 * Analyses the selection with the user's columns and settings, remembering them for the sheet; a
 * range whose columns are a guess (`doubts`, or found so on a moved selection) is not analysed
 * but handed back to be confirmed.
 */
function analyzeChecked(
  selection: Selection,
  request: AnalysisRequest,
  doubts: readonly ColumnDoubt[] = [],
  limits: Pick<HealthSettings, "lapsedLimit"> = {},
): TableAnalysis | { toConfirm: RangeState } {
  const values = readValues(selection);
  const followed = followSelection(selection, values, request);
  const unsure = [...doubts, ...followed.doubts];
  if (unsure.length > 0) return { toConfirm: rangeToConfirm(selection, values, followed.request, unsure) };
  const checked = checkRequest(followed.request, selection.numColumns, selection.rangeA1, selection.firstColumn);
  const result = analyzeSelectionValues(selection, values, checked, limits);
  saveRemembered(selection.sheet, rememberRequest(checked, selection.firstColumn));
  return result;
}

/** Every list is read whole: the sheet gets all the customers, not the report's top 50. */
const UNCAPPED = { lapsedLimit: Number.POSITIVE_INFINITY };

/** The analysis for an action that writes to the spreadsheet: refused while the columns are a guess. */
function analyzeForAction(selection: Selection, request: AnalysisRequest, doubts: readonly ColumnDoubt[] = []): TableAnalysis {
  const result = analyzeChecked(selection, request, doubts, UNCAPPED);
  if ("toConfirm" in result) throw new RequestError("doubtfulColumns", { range: selection.rangeA1 });
  return result;
}

/**
 * Highlights the order rows of the customers to win back (new ones of the judged cohorts who did
 * not come back within H, and lapsed ones) with the request's columns; `doubts` about them (the
 * menu's detected ones) refuse it, as a moved selection's do.
 */
export function highlightSelection(selection: Selection, request: AnalysisRequest, doubts: readonly ColumnDoubt[] = []): HighlightResponse {
  const { analysis, values, headerRow, mapping } = analyzeForAction(selection, request, doubts);
  const lapsed = new Set((analysis.report.healthCheck?.lapsed.customers ?? []).map((customer) => customerKey(customer.name)));
  const toWinBack = (key: string): boolean => analysis.isNeverReturned(key) || lapsed.has(key);
  const rows = rowsToHighlight(values, headerRow, selection.firstRow, mapping.customer!, toWinBack);
  replaceHighlight(selection.sheet, runsToA1(rowRuns(rows), selection.firstColumn, selection.numColumns));
  const customers = new Set(rows.map((row) => customerKey(values[row - selection.firstRow]?.[mapping.customer!]))).size;
  return { rangeA1: selection.rangeA1, highlightedRows: rows.length, customers };
}

/** The currency sign of the amount column's first order cell, or null: one Apps Script call. */
function sheetCurrency(selection: Selection, headerRow: number, amountColumn: number | undefined): string | null {
  if (amountColumn === undefined || headerRow + 1 >= selection.numRows) return null;
  const cell = selection.sheet.getRange(selection.firstRow + headerRow + 1, selection.firstColumn + amountColumn);
  return currencyOfPattern(cell.getNumberFormat());
}

/** Language of the active spreadsheet, for messages outside a selection. */
export function spreadsheetLanguage(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): Language {
  return languageForLocale(spreadsheet.getSpreadsheetLocale());
}

/** What the sidebar shows before the first analysis: range, headers, columns and settings. */
export function getSidebarState(): SidebarState {
  return inSelection((selection) => {
    const head = readHead(selection);
    const { request, doubts } = startingRequest(selection, head);
    const headerRow = headerRowFor(selection, head, request.mapping);
    return {
      language: selection.language,
      locale: selection.locale,
      timeZone: selection.timeZone,
      cellLocale: { slashOrder: selection.input.slashOrder, decimalComma: selection.input.decimalComma },
      version: ADDON_VERSION,
      sheetName: selection.sheet.getName(),
      rangeA1: selection.rangeA1,
      headers: columnNames(selection, head, headerRow),
      mapping: request.mapping,
      ...readChoices(selection, headerRow, request),
      statusColumn: request.statusColumn,
      doubts,
      settings: request.settings,
    };
  });
}

/** Analyses the selection (or the data around a single selected cell) and returns the report. */
export function analyzeSelection(request: AnalysisRequest): AnalysisResponse {
  return inSelection((selection) => {
    const result = analyzeChecked(selection, request);
    if ("toConfirm" in result) return { range: result.toConfirm, report: null, sheetCurrency: null };
    return {
      range: result.range,
      report: plainReport(result.analysis.report),
      sheetCurrency: sheetCurrency(selection, result.headerRow, result.mapping.amount),
    };
  });
}

/** Fills the order rows of the customers to win back light red, replacing any earlier highlight. */
export function highlightToWinBack(request: AnalysisRequest): HighlightResponse {
  return inSelection((selection) => highlightSelection(selection, request));
}

/** Removes the add-on's highlight from every sheet, leaving the sheets' own formatting as it was. */
export function clearHighlighting(): { cleared: boolean } {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  try {
    return { cleared: removeHighlights(spreadsheet.getSheets()) };
  } catch (error) {
    throw localizedError(error, spreadsheetLanguage(spreadsheet));
  }
}

/**
 * Writes a call list into a sheet of its own, or nothing when nobody is on it. The new sheet
 * becomes the active one, as in Sheets; the orders are selected again after it, since the sidebar
 * follows the selection and its next action is about the same orders. Its message names the sheet.
 */
function copyCallList(selection: Selection, sheetKey: "lapsedSheet" | "neverReturnedSheet", table: CallListTable): CallListResponse {
  if (table.rows.length === 0) return { sheetName: null, customers: 0 };
  const sheetName = writeCallListSheet(selection.spreadsheet, SIDEBAR[selection.language][sheetKey], table, selection.locale);
  selection.range.activate();
  return { sheetName, customers: table.rows.length };
}

/**
 * Writes every lapsed customer (health check, question 5) to a new sheet: whom to call, their
 * manager, when they last bought, their usual gap, the revenue at stake and a contact.
 */
export function copyLapsedCustomers(request: AnalysisRequest): CallListResponse {
  return inSelection((selection) => {
    const lapsed = analyzeForAction(selection, request).analysis.report.healthCheck?.lapsed.customers ?? [];
    return copyCallList(selection, "lapsedSheet", lapsedCallList(lapsed, selection.language));
  });
}

/**
 * Writes every new customer of the judged cohorts who did not come back within H to a new sheet:
 * whom to call, their manager, their first purchase, what they spent and a contact.
 */
export function copyNeverReturnedCustomers(request: AnalysisRequest): CallListResponse {
  return inSelection((selection) => {
    const customers = analyzeForAction(selection, request).analysis.neverReturned();
    return copyCallList(selection, "neverReturnedSheet", neverReturnedCallList(customers, selection.language));
  });
}

/** The contract check: these are exactly the functions the sidebar may call. */
export const SIDEBAR_SERVER = {
  getSidebarState,
  analyzeSelection,
  highlightToWinBack,
  clearHighlighting,
  copyLapsedCustomers,
  copyNeverReturnedCustomers,
} satisfies SidebarApi;
