// The contract between the sidebar (browser) and the server functions it calls through
// google.script.run. Both sides, and the preview's stand-in for google.script.run, import these
// types, so a change on one side fails type-checking on the other. Plain data only: no Dates.

import type { ColumnMapping } from "../core/columns";
import type { Period } from "../core/periods";
import type { RetentionReport } from "../core/report";
import type { Language } from "../i18n/language";

export interface AnalysisSettings {
  /** Target retention in percent, 0…100 (the book's 67). */
  targetPercent: number;
  period: Period;
  /** Count a return only within this many days of the first purchase; null for any time. */
  withinDays: number | null;
  /** Deal-type value that marks one-off project deals (needs `mapping.dealType`); "" for none. */
  excludeDealType: string;
}

export interface SidebarState {
  language: Language;
  /** Spreadsheet locale, such as `ru_RU`. */
  locale: string;
  version: string;
  sheetName: string;
  /** The range that will be analysed, in A1 notation (the selection or its data region). */
  rangeA1: string;
  /** Header names of the range's columns (a column letter where there is no header). */
  headers: string[];
  /** Detected or remembered column mapping for this sheet. */
  mapping: ColumnMapping;
  settings: AnalysisSettings;
}

export interface AnalysisRequest {
  mapping: ColumnMapping;
  settings: AnalysisSettings;
}

export interface AnalysisResponse {
  rangeA1: string;
  report: RetentionReport;
}

export interface HighlightResponse {
  rangeA1: string;
  /** Order rows that got the below-target fill. */
  highlightedRows: number;
}

/** The server functions, as the sidebar calls them. */
export interface SidebarApi {
  getSidebarState(): SidebarState;
  /** Analyses the current selection (or the data region around a single selected cell). */
  analyzeSelection(request: AnalysisRequest): AnalysisResponse;
  /** Replaces any previous highlight with the rows of below-target cohorts in the selection. */
  highlightBelowTarget(request: AnalysisRequest): HighlightResponse;
  /** Removes the add-on's highlight, restoring the sheet's formatting exactly. */
  clearHighlighting(): { cleared: boolean };
}
