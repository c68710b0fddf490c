// Cohorts: customers grouped by the period of their first purchase.

import { inWindow, type CustomerLedger, type DayWindow } from "./ledger";
import { periodEnd, periodIndex, periodStart, type Period } from "./periods";

export interface CohortRow {
  index: number;
  /** Epoch days of the period's first and last day. */
  start: number;
  end: number;
  newCustomers: number;
  /** Came back: at any time, or within `withinDays` when given. */
  returned: number;
  /** Came back within the horizon (`returned` when no horizon is given). */
  returnedInTime: number;
  /** returned ÷ newCustomers. */
  rate: number;
}

/**
 * One row per period that has new customers (first purchase in `window`), oldest first. With a
 * horizon, each row also counts who came back within that many days (the judged verdict's rule).
 */
export function retentionCohorts(
  ledger: CustomerLedger,
  period: Period,
  withinDays?: number,
  window: DayWindow = {},
  horizonDays?: number,
): CohortRow[] {
  if (ledger.isEmpty) return [];
  // Counted by first purchase day, then days folded into periods: the data spans far fewer days
  // than customers, so the calendar arithmetic runs once a day instead of once a customer.
  const earliest = ledger.earliestDay;
  const newByDay = new Int32Array(ledger.latestDay - earliest + 1);
  const returnedByDay = new Int32Array(newByDay.length);
  const inTimeByDay = horizonDays === undefined ? returnedByDay : new Int32Array(newByDay.length);
  for (let customer = 0; customer < ledger.size; customer++) {
    const first = ledger.first(customer);
    if (!inWindow(first, window)) continue;
    newByDay[first - earliest]!++;
    if (ledger.hasReturned(customer, withinDays)) returnedByDay[first - earliest]!++;
    if (horizonDays !== undefined && ledger.hasReturned(customer, horizonDays)) inTimeByDay[first - earliest]!++;
  }
  const rows: CohortRow[] = [];
  for (let offset = 0; offset < newByDay.length; offset++) {
    if (newByDay[offset] === 0) continue;
    const index = periodIndex(earliest + offset, period);
    let row = rows[rows.length - 1];
    if (row?.index !== index) {
      const [start, end] = [periodStart(index, period), periodEnd(index, period)];
      row = { index, start, end, newCustomers: 0, returned: 0, returnedInTime: 0, rate: 0 };
      rows.push(row);
    }
    row.newCustomers += newByDay[offset]!;
    row.returned += returnedByDay[offset]!;
    row.returnedInTime += inTimeByDay[offset]!;
  }
  for (const row of rows) row.rate = row.returned / row.newCustomers;
  return rows;
}

export type MatrixMeasure = "rate" | "count";

export interface MatrixRow {
  index: number;
  start: number;
  size: number;
  /** Offset k → customers of the cohort who bought in period cohort+k; undefined past the data. */
  active: (number | undefined)[];
}

export interface CohortMatrix {
  rows: MatrixRow[];
  /** Offsets 0 … offsets-1 (the first cohort to the last period in the data). */
  offsets: number;
}

/** The classic triangle. The ledger must have been built with `trackPeriods: period`. */
export function cohortMatrix(ledger: CustomerLedger, period: Period): CohortMatrix {
  if (ledger.options.trackPeriods !== period) throw new Error("cohortMatrix needs a ledger that tracks this period");
  if (ledger.isEmpty) return { rows: [], offsets: 0 };
  const lastIndex = periodIndex(ledger.latestDay, period);
  const byCohort = new Map<number, MatrixRow>();
  for (let customer = 0; customer < ledger.size; customer++) {
    if (!ledger.hasPurchase(customer)) continue;
    const index = periodIndex(ledger.first(customer), period);
    let row = byCohort.get(index);
    if (row === undefined) {
      row = { index, start: periodStart(index, period), size: 0, active: new Array<number>(lastIndex - index + 1).fill(0) };
      byCohort.set(index, row);
    }
    row.size++;
    for (const bought of ledger.periods(customer)) row.active[bought - index]!++;
  }
  const rows = [...byCohort.values()].sort((a, b) => a.index - b.index);
  const offsets = lastIndex - rows[0]!.index + 1;
  for (const row of rows) row.active.length = offsets;
  return { rows, offsets };
}
