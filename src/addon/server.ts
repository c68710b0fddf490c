// The server functions the sidebar calls through google.script.run (the SidebarApi contract), and
// the shared steps the menu items reuse. Each reads the selection once, in a fixed number of
// Apps Script calls, and returns plain data only.

import { isDateObject } from "../core/cells";
import type { Field } from "../core/columns";
import type { Cells } from "../core/ingest";
import { ProblemError } from "../core/problems";
import type { RetentionReport, SkippedRow } from "../core/report";
import { fill, languageForLocale, type Language } from "../i18n/language";
import { ADDON_MESSAGES } from "../i18n/menu";
import { problemMessage } from "../i18n/problems";
import { SIDEBAR, type SidebarKey } from "../i18n/sidebar";
import { ADDON_VERSION } from "../version";
import { removeHighlights, replaceHighlight, rowRuns, rowsToHighlight, runsToA1 } from "./highlight";
import { loadRemembered, saveRemembered } from "./remembered-settings";
import {
  analyzeSelectionValues,
  columnNames,
  currentSelection,
  detectColumns,
  headerRowFor,
  readDealTypeChoices,
  readHead,
  readValues,
  type Selection,
  type TableAnalysis,
} from "./selection";
import { checkRequest, DEFAULT_SETTINGS, mappingForRange, rememberRequest, RequestError } from "./settings";
import type { AnalysisRequest, AnalysisResponse, HighlightResponse, SidebarApi, SidebarState } from "./sidebar-api";

const FIELD_NAMES: Record<Field, SidebarKey> = {
  customer: "fieldCustomer",
  date: "fieldDate",
  amount: "fieldAmount",
  manager: "fieldManager",
  dealType: "fieldDealType",
};

/** Request details that hold a Field, named in the user's language in messages. */
const FIELD_DETAILS = ["field", "otherField"] as const;

/** The core's problems and bad requests become errors in the spreadsheet's language. */
export function localizedError(error: unknown, language: Language): Error {
  if (error instanceof ProblemError) return new Error(problemMessage(error.problem, language));
  if (error instanceof RequestError) {
    const details = { ...error.details };
    for (const key of FIELD_DETAILS) {
      const field = FIELD_NAMES[details[key] as Field];
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

/**
 * The request the sidebar starts from: the mapping remembered for this sheet when it still names a
 * customer and a date column inside the range, else the detected one; the remembered settings.
 */
export function startingRequest(selection: Selection, head: ReturnType<typeof readHead>): AnalysisRequest {
  const remembered = loadRemembered(selection.sheet);
  const rememberedMapping = remembered && mappingForRange(remembered, selection.firstColumn, selection.numColumns);
  const usable = rememberedMapping?.customer !== undefined && rememberedMapping.date !== undefined;
  return {
    sheetName: selection.sheet.getName(),
    rangeA1: selection.rangeA1,
    mapping: usable ? rememberedMapping : detectColumns(selection, head).mapping,
    settings: remembered?.settings ?? DEFAULT_SETTINGS,
  };
}

/**
 * The request for the current selection. A form built for another range (the user selected
 * elsewhere since) sends that range's columns: then the columns are the ones remembered or
 * detected for this range, and the one-off deal type goes back to this range's default.
 */
export function followSelection(selection: Selection, values: Cells, request: AnalysisRequest): AnalysisRequest {
  // A caller that names no range (an older sidebar, say) means the current one.
  const namesNoRange = request.sheetName === undefined && request.rangeA1 === undefined;
  if (namesNoRange || (request.sheetName === selection.sheet.getName() && request.rangeA1 === selection.rangeA1)) return request;
  const { mapping, sheetName, rangeA1 } = startingRequest(selection, values);
  return { sheetName, rangeA1, mapping, settings: { ...request.settings, excludeDealType: null } };
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

/** Analyses the selection with the user's columns and settings, remembering them for the sheet. */
function analyzeChecked(selection: Selection, request: AnalysisRequest): TableAnalysis {
  const values = readValues(selection);
  const checked = checkRequest(followSelection(selection, values, request), selection.numColumns, selection.rangeA1, selection.firstColumn);
  const result = analyzeSelectionValues(selection, values, checked);
  saveRemembered(selection.sheet, rememberRequest(checked, selection.firstColumn));
  return result;
}

export function highlightSelection(selection: Selection, request: AnalysisRequest): HighlightResponse {
  const { analysis, values, headerRow, mapping } = analyzeChecked(selection, request);
  const rows = rowsToHighlight(values, headerRow, selection.firstRow, mapping.customer!, analysis.isInWeakCohort);
  replaceHighlight(selection.sheet, runsToA1(rowRuns(rows), selection.firstColumn, selection.numColumns));
  return { rangeA1: selection.rangeA1, highlightedRows: rows.length };
}

/** Language of the active spreadsheet, for messages outside a selection. */
export function spreadsheetLanguage(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): Language {
  return languageForLocale(spreadsheet.getSpreadsheetLocale());
}

/** What the sidebar shows before the first analysis: range, headers, columns and settings. */
export function getSidebarState(): SidebarState {
  return inSelection((selection) => {
    const head = readHead(selection);
    const request = startingRequest(selection, head);
    const headerRow = headerRowFor(selection, head, request.mapping);
    return {
      language: selection.language,
      locale: selection.locale,
      version: ADDON_VERSION,
      sheetName: selection.sheet.getName(),
      rangeA1: selection.rangeA1,
      headers: columnNames(selection, head, headerRow),
      mapping: request.mapping,
      ...readDealTypeChoices(selection, headerRow, request.mapping.dealType),
      settings: request.settings,
    };
  });
}

/** Analyses the selection (or the data around a single selected cell) and returns the report. */
export function analyzeSelection(request: AnalysisRequest): AnalysisResponse {
  return inSelection((selection) => {
    const { analysis, range } = analyzeChecked(selection, request);
    return { range, report: plainReport(analysis.report) };
  });
}

/** Fills the order rows of customers from below-target cohorts light red, replacing any earlier highlight. */
export function highlightBelowTarget(request: AnalysisRequest): HighlightResponse {
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

/** The contract check: these are exactly the functions the sidebar may call. */
export const SIDEBAR_SERVER = { getSidebarState, analyzeSelection, highlightBelowTarget, clearHighlighting } satisfies SidebarApi;
