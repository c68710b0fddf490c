// Reading order rows out of a 2-D array of cells (custom function arguments, a sheet range) into a
// ledger. The same loop serves both: a column is an array of rows plus a column number.

import { customerKey } from "./customer-key";
import { isBlank, isPlausibleDay, isSheetError, parseAmount, readDay, type InputLocale } from "./cells";
import { fail, type Problem } from "./problems";
import { statusKey, statusLabel, statusVerdict, type StatusRule } from "./statuses";

export type Cells = readonly (readonly unknown[])[];

export interface ColumnRef {
  /** How the user knows this column: an argument name or a header. */
  argument: string;
  values: Cells;
  column: number;
}

export interface OrderColumns {
  customer: ColumnRef;
  date: ColumnRef;
  amount?: ColumnRef;
  manager?: ColumnRef;
  dealType?: ColumnRef;
  /** A recognised status or stage column (see statuses.ts): only with IngestOptions.statusRule. */
  status?: ColumnRef;
}

/**
 * Where the orders go: a ledger, or a caller that indexes customers its own way before one. `row`
 * is the order's index in the columns' values, for a target that reads more columns of it.
 */
export interface OrderTarget {
  add(key: string, rawName: unknown, day: number, amount?: number, rawManager?: unknown, row?: number): unknown;
}

export interface IngestOptions {
  locale: InputLocale;
  /** Rows whose deal type is one of these (compared like customers) are one-off deals, left out. */
  excludeDealTypes?: readonly string[];
  /** Which statuses are purchases, for a status column. */
  statusRule?: StatusRule;
  /** Row number that `values[0]` has in messages: 1 within a range, the sheet row in a sidebar. */
  firstRowNumber?: number;
  /** First data row inside `values` (1 when row 0 is a header). */
  skipLeadingRows?: number;
  /** Without it, the first problem is thrown: a custom function must not return a wrong number. */
  onSkippedRow?: (problem: Problem) => void;
}

export interface IngestStats {
  /** Rows looked at, blank ones included. */
  rows: number;
  blankRows: number;
  excludedRows: number;
  skippedRows: number;
  /** Rows added to the ledger: purchases, and refunds (negative amounts), which are no purchases. */
  orders: number;
  /** Rows left out by their status, per status as first spelled; absent without a status column. */
  leftOutByStatus?: Record<string, number>;
}

/** Adds the counts of one ingest (a piece of the rows) to those of the whole. */
export function addIngestStats(into: IngestStats, from: IngestStats): void {
  into.rows += from.rows;
  into.blankRows += from.blankRows;
  into.excludedRows += from.excludedRows;
  into.skippedRows += from.skippedRows;
  into.orders += from.orders;
  for (const [label, count] of Object.entries(from.leftOutByStatus ?? {})) countLeftOutStatus(into, label, count);
}

/** Counts a row left out by its status. */
export function countLeftOutStatus(stats: IngestStats, label: string, count = 1): void {
  const counts = (stats.leftOutByStatus ??= {});
  const key = statusKey(label);
  const same = Object.keys(counts).find((existing) => statusKey(existing) === key);
  if (same === undefined) {
    counts[label] = count;
    return;
  }
  // One status in several spellings ("Refunded", "refunded") is one count, under the spelling that
  // sorts first, so that the row order does not choose it.
  const kept = label < same ? label : same;
  const total = counts[same]! + count;
  if (kept !== same) delete counts[same];
  counts[kept] = total;
}

function cell(ref: ColumnRef | undefined, row: number): unknown {
  return ref === undefined ? undefined : ref.values[row]?.[ref.column];
}

/** The deal types to leave out as keys, or undefined when none is. */
export function dealTypeKeys(values: readonly string[] | undefined): ReadonlySet<string> | undefined {
  const keys = new Set((values ?? []).map(customerKey).filter((key) => key !== ""));
  return keys.size === 0 ? undefined : keys;
}

const HASH = 0x23;

function columnWithError(refs: readonly (ColumnRef | undefined)[], row: number): ColumnRef | undefined {
  for (const ref of refs) {
    if (ref !== undefined && isSheetError(cell(ref, row))) return ref;
  }
  return undefined;
}

export function ingestOrders(columns: OrderColumns, ledger: OrderTarget, options: IngestOptions): IngestStats {
  const { locale, onSkippedRow } = options;
  const firstRowNumber = options.firstRowNumber ?? 1;
  const excludedKeys = dealTypeKeys(options.excludeDealTypes);
  const stats: IngestStats = { rows: 0, blankRows: 0, excludedRows: 0, skippedRows: 0, orders: 0 };
  const skip = (problem: Problem): void => {
    if (onSkippedRow === undefined) fail(problem);
    stats.skippedRows++;
    onSkippedRow(problem);
  };
  const refs = [columns.customer, columns.date, columns.amount, columns.manager, columns.dealType, columns.status];
  // A sheet error where a figure comes from makes the row unreadable, whatever else is wrong with
  // it. In the manager column it only loses the manager: the purchase is still one, as for a custom
  // function, which reads no managers, so that every surface counts the same purchases.
  const figureRefs = [columns.customer, columns.date, columns.amount, columns.dealType, columns.status];
  // Looking for error values in every column of every row costs more than a parse that fails: a
  // date or an amount that parses is no error value, and a customer's key is one only when it
  // starts with "#". So the columns are searched only where the row would not become an order,
  // or might hold one anyway; the first column with an error value still gives the reason.
  const skippedForError = (row: number, rowNumber: number): boolean => {
    const errorRef = columnWithError(figureRefs, row);
    if (errorRef !== undefined) skip({ code: "errorValue", argument: errorRef.argument, row: rowNumber, value: cell(errorRef, row) });
    return errorRef !== undefined;
  };
  const statusRef = options.statusRule === undefined ? undefined : columns.status;
  const rowCount = columns.customer.values.length;
  for (let row = options.skipLeadingRows ?? 0; row < rowCount; row++) {
    stats.rows++;
    const rowNumber = firstRowNumber + row;
    if (statusRef !== undefined) {
      // Before the customer and the date: a lost deal or a line item's continuation row needs neither.
      if (skippedForError(row, rowNumber)) continue;
      const statusCell = cell(statusRef, row);
      const verdict = statusVerdict(statusCell, options.statusRule!);
      if (verdict === "leftOut") {
        countLeftOutStatus(stats, statusLabel(statusCell));
        continue;
      }
      if (verdict === "continuation" && !refs.every((ref) => isBlank(cell(ref, row)))) continue;
    }
    const customerCell = cell(columns.customer, row);
    const key = customerKey(customerCell);
    if (key === "") {
      if (skippedForError(row, rowNumber)) continue;
      if (refs.every((ref) => isBlank(cell(ref, row)))) stats.blankRows++;
      else skip({ code: "missingCustomer", argument: columns.customer.argument, row: rowNumber });
      continue;
    }
    const dateCell = cell(columns.date, row);
    const day = readDay(dateCell, locale);
    if (day === undefined || !isPlausibleDay(day)) {
      if (skippedForError(row, rowNumber)) continue;
      if (day !== undefined) skip({ code: "implausibleDate", argument: columns.date.argument, row: rowNumber, value: dateCell });
      else if (isBlank(dateCell)) skip({ code: "missingDate", argument: columns.date.argument, row: rowNumber, value: customerCell });
      else skip({ code: "badDate", argument: columns.date.argument, row: rowNumber, value: dateCell });
      continue;
    }
    const dealTypeCell = cell(columns.dealType, row);
    if (excludedKeys?.has(customerKey(dealTypeCell))) {
      if (!skippedForError(row, rowNumber)) stats.excludedRows++;
      continue;
    }
    let amount = 0;
    if (columns.amount !== undefined) {
      const amountCell = cell(columns.amount, row);
      const parsed = isBlank(amountCell) ? 0 : parseAmount(amountCell, locale.decimalComma);
      if (parsed === undefined) {
        if (!skippedForError(row, rowNumber))
          skip({ code: "badAmount", argument: columns.amount.argument, row: rowNumber, value: amountCell });
        continue;
      }
      amount = parsed;
    }
    // The date and the amount were read, so neither is an error value; the other figures may be.
    const mayHoldError = key.charCodeAt(0) === HASH || isSheetError(dealTypeCell) || isSheetError(cell(columns.status, row));
    if (mayHoldError && skippedForError(row, rowNumber)) continue;
    const managerCell = cell(columns.manager, row);
    ledger.add(key, customerCell, day, amount, isSheetError(managerCell) ? undefined : managerCell, row);
    stats.orders++;
  }
  return stats;
}
