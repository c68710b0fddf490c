// Cohorts: customers grouped by the period of their first purchase.

import { inWindow, type CustomerLedger, type DayWindow } from "./ledger";
import { periodEnd, periodIndex, periodStart, type Period } from "./periods";

export interface CohortRow {
  index: number;
  /** Epoch days of the period's first and last day. */
  start: number;
  end: number;
  newCustomers: number;
  returned: number;
  rate: number;
}

/** One row per period that has new customers (first purchase in `window`), oldest first. */
export function retentionCohorts(
  ledger: CustomerLedger,
  period: Period,
  withinDays?: number,
  window: DayWindow = {},
): CohortRow[] {
  const byIndex = new Map<number, { newCustomers: number; returned: number }>();
  for (let customer = 0; customer < ledger.size; customer++) {
    const first = ledger.first(customer);
    if (!inWindow(first, window)) continue;
    const index = periodIndex(first, period);
    let cohort = byIndex.get(index);
    if (cohort === undefined) byIndex.set(index, (cohort = { newCustomers: 0, returned: 0 }));
    cohort.newCustomers++;
    if (ledger.hasReturned(customer, withinDays)) cohort.returned++;
  }
  return [...byIndex.entries()]
    .sort(([a], [b]) => a - b)
    .map(([index, { newCustomers, returned }]) => ({
      index,
      start: periodStart(index, period),
      end: periodEnd(index, period),
      newCustomers,
      returned,
      rate: returned / newCustomers,
    }));
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
