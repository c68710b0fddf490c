// The contract between the sidebar (browser) and the server functions it calls through
// google.script.run. Both sides, and the preview's stand-in for google.script.run, import these
// types, so a change on one side fails type-checking on the other. Plain data only: no Dates.

import type { InputLocale } from "../core/cells";
import type { ColumnMapping } from "../core/columns";
import type { Period } from "../core/periods";
import type { RetentionReport } from "../core/report";
import type { Language } from "../i18n/language";

export interface AnalysisSettings {
  /** Target retention in percent, 1…100 (the book's 67). */
  targetPercent: number;
  period: Period;
  /** Count a return only within this many days of the first purchase; null for any time. */
  withinDays: number | null;
  /** The data's first period is judged too: its customers are known to be new. */
  ordersStartWithBusiness: boolean;
  /**
   * The deal type left out as one-off deals (needs `mapping.dealType`): one of the column's values,
   * "" to leave nothing out, or null for the default, the column's project deal type (see
   * `RangeState.defaultDealType`), which is what the template and the command line leave out.
   */
  excludeDealType: string | null;
  /**
   * The status column's values that count as purchases (needs a status column), as the column
   * spells them; null for the completed ones (paid, completed, won …), as the command line counts.
   */
  countedStatuses: string[] | null;
  /**
   * The amounts' currency when the sheet's number format shows none: an ISO code or a sign, as
   * `parseCurrency` takes it; null or absent for none.
   */
  currency?: string | null;
  /** The health check's trend rule: a change beyond ± this many percent is growth or a fall (above 0, below 100); absent for 10. */
  trendThresholdPercent?: number;
  /** The health check's lapsed customers: gone more than this many of their usual gaps (above 1); absent for 2. */
  lapsedFactor?: number;
}

/** A status column's value, and whether the rows holding it count as purchases. */
export interface StatusChoice {
  value: string;
  counted: boolean;
}

/**
 * A column the form asks the user to confirm before anything is analysed: two or more header names
 * fit the field equally well (a "tie", the first of `columns` proposed); or no header names it, and
 * the column proposed is a "guess" from the cells' contents, or there is none ("missing").
 */
export type ColumnDoubt =
  | { kind: "tie"; field: "customer" | "date"; columns: number[] }
  | { kind: "guess"; field: "customer" | "date" | "amount"; column: number }
  | { kind: "missing"; field: "customer" | "date" };

/** The range the form is built for, and what the form offers for it. */
export interface RangeState {
  sheetName: string;
  /** The range that is analysed, in A1 notation (the selection or its data region). */
  rangeA1: string;
  /** Header names of the range's columns (a column letter where there is no header). */
  headers: string[];
  /** Detected, remembered or chosen column mapping. */
  mapping: ColumnMapping;
  /** The deal-type column's distinct values (the first few, as first spelled); [] without the column. */
  dealTypes: string[];
  /** The value `excludeDealType: null` leaves out: the column's project deal type, or "". */
  defaultDealType: string;
  /** The status or stage column that decides which rows are purchases; null for none. */
  statusColumn: number | null;
  /** The status column's distinct values (the first few, as first spelled); [] without the column. */
  statuses: StatusChoice[];
  /** Columns found by a guess the user must confirm; [] when the columns are sure or the user's own. */
  doubts: ColumnDoubt[];
}

export interface SidebarState extends RangeState {
  language: Language;
  /** Spreadsheet locale, such as `ru_RU`. */
  locale: string;
  /** The spreadsheet's time zone, such as `Europe/Moscow`: the zone its dates are days in. */
  timeZone: string;
  /** How the locale writes dates and numbers as text, for the SQL that reads them the same way. */
  cellLocale: Pick<InputLocale, "slashOrder" | "decimalComma">;
  version: string;
  settings: AnalysisSettings;
}

export interface AnalysisRequest {
  /**
   * The range the form was built for. When the selection has moved since, the server finds the
   * columns of the new range itself (the mapping sent belongs to the old one).
   */
  sheetName?: string;
  rangeA1?: string;
  mapping: ColumnMapping;
  /** The status column (an index like the mapping's); null for none; left out, found as the command line finds it. */
  statusColumn?: number | null;
  settings: AnalysisSettings;
}

export interface AnalysisResponse {
  /** The range analysed, its columns and deal types: the form follows it. */
  range: RangeState;
  /**
   * The report; null when the selection moved to a range whose columns are a guess (`range.doubts`):
   * nothing is analysed until the user confirms them.
   */
  report: RetentionReport | null;
  /** The currency sign of the amount column's number format (its first order's cell); null when it shows none. */
  sheetCurrency: string | null;
}

export interface HighlightResponse {
  rangeA1: string;
  /** Order rows that got the fill: those of the customers to win back. */
  highlightedRows: number;
  /** The customers behind them: new ones of judged cohorts who did not come back within H, and lapsed ones. */
  customers: number;
}

/** A call list written to a new sheet: its name, or null when nobody was on the list. */
export interface CallListResponse {
  sheetName: string | null;
  customers: number;
}

/** The server functions, as the sidebar calls them. */
export interface SidebarApi {
  getSidebarState(): SidebarState;
  /** Analyses the current selection (or the data region around a single selected cell). */
  analyzeSelection(request: AnalysisRequest): AnalysisResponse;
  /**
   * Replaces any previous highlight with the order rows of the customers to win back: new
   * customers of the judged cohorts who did not come back within H, and lapsed customers.
   */
  highlightToWinBack(request: AnalysisRequest): HighlightResponse;
  /** Removes the add-on's highlight, restoring the sheet's formatting exactly. */
  clearHighlighting(): { cleared: boolean };
  /** Writes every lapsed customer of the selection's orders to a new sheet the add-on creates. */
  copyLapsedCustomers(request: AnalysisRequest): CallListResponse;
  /** Writes every new customer of the judged cohorts who did not come back within H to a new sheet. */
  copyNeverReturnedCustomers(request: AnalysisRequest): CallListResponse;
}
