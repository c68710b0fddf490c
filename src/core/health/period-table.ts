// The health check's periods (issue 14), with the cohorts' period setting: for each period P,
//   activeCustomers    customers with a purchase in P
//   newCustomers       those of them whose first purchase is in P; existingCustomers the rest
//   newRevenue         amounts in P of customers whose first purchase is in P; existingRevenue the
//                      rest. Refunds lower the group the customer is in that period, so a refund
//                      dated in a period with no purchase of that customer lowers existing revenue.
//   purchases          distinct customer-days in P (new and existing ones apart too)
//   averageOrder       revenue ÷ purchases
//   activeBase         customers with a purchase in the 12 months ending on P's last day
// The table is filled customer by customer from the purchase log, in one pass.

import { isoDate } from "../calendar";
import { periodEnd, periodLabel, periodStart, type Period } from "../periods";
import { ratio } from "../statistics";
import { yearBefore } from "./calendar-year";
import type { DayTable } from "./day-table";
import { type EntryRun, REFUND } from "./purchase-log";

export interface HealthPeriod {
  /** `2024-03`, `2024-Q1`, … as the cohorts write it. */
  period: string;
  start: string;
  end: string;
  /** The period's last day is on or before the latest purchase: not still in progress. */
  complete: boolean;
  /** Enters the verdicts of questions 1, 3 and 8: starts 12 months or more after the data do. */
  judged: boolean;
  activeCustomers: number;
  newCustomers: number;
  existingCustomers: number;
  purchases: number;
  newPurchases: number;
  existingPurchases: number;
  /** Money figures are null without an amount column. */
  revenue: number | null;
  newRevenue: number | null;
  existingRevenue: number | null;
  /** Existing customers' share of the period's revenue (question 1's line); null without amounts or revenue above 0. */
  existingShare: number | null;
  averageOrder: number | null;
  newAverageOrder: number | null;
  existingAverageOrder: number | null;
  activeBase: number;
}

/** Sums per period position (0 = the first period of the data). */
export class PeriodTotals {
  readonly active: Int32Array;
  readonly fresh: Int32Array;
  readonly purchases: Int32Array;
  readonly newPurchases: Int32Array;
  readonly newRevenue: Float64Array;
  readonly existingRevenue: Float64Array;
  /** Differences of the active base: +1 where a customer's trailing year starts, −1 after it ends. */
  private readonly baseSteps: Int32Array;
  /**
   * Each day of the table's → the last position whose trailing year holds it (−1 for none): looked
   * up per purchase instead of searched.
   */
  private readonly lastCounting: Int32Array;

  constructor(
    readonly period: Period,
    readonly firstIndex: number,
    readonly count: number,
    private readonly days: DayTable,
  ) {
    this.active = new Int32Array(count);
    this.fresh = new Int32Array(count);
    this.purchases = new Int32Array(count);
    this.newPurchases = new Int32Array(count);
    this.newRevenue = new Float64Array(count);
    this.existingRevenue = new Float64Array(count);
    this.baseSteps = new Int32Array(count + 1);
    this.lastCounting = lastPositionsCounting(days, count, (position) => yearBefore(periodEnd(firstIndex + position, period)));
  }

  /** The position of a day's period (the day within the table's days). */
  position(day: number): number {
    return this.days.period(day) - this.firstIndex;
  }

  /** Adds one customer's entries given their first purchase day. */
  addCustomer(run: EntryRun, firstDay: number): void {
    const firstPosition = this.position(firstDay);
    let lastDay = Number.NaN;
    let lastPosition = -1;
    let baseFrom = -1;
    let baseTo = -2;
    for (let i = run.start; i < run.end; i++) {
      const day = run.day[i]!;
      const position = this.position(day);
      const isNew = position === firstPosition;
      if (isNew) this.newRevenue[position] = this.newRevenue[position]! + run.amount[i]!;
      else this.existingRevenue[position] = this.existingRevenue[position]! + run.amount[i]!;
      if (run.flags[i]! & REFUND || day === lastDay) continue;
      lastDay = day;
      this.purchases[position]!++;
      if (isNew) this.newPurchases[position]!++;
      if (position !== lastPosition) {
        lastPosition = position;
        this.active[position]!++;
        if (isNew) this.fresh[position]!++;
      }
      // The positions whose trailing year holds this day; a customer's runs merge, so each period
      // counts them once.
      const to = this.lastCounting[day - this.days.firstDay]!;
      if (position > baseTo + 1) {
        this.closeBaseRun(baseFrom, baseTo);
        baseFrom = position;
      }
      baseTo = Math.max(baseTo, to);
    }
    this.closeBaseRun(baseFrom, baseTo);
  }

  activeBase(): Int32Array {
    const base = new Int32Array(this.count);
    let running = 0;
    for (let position = 0; position < this.count; position++) {
      running += this.baseSteps[position]!;
      base[position] = running;
    }
    return base;
  }

  private closeBaseRun(from: number, to: number): void {
    if (from < 0 || to < from) return;
    this.baseSteps[from]!++;
    this.baseSteps[to + 1]!--;
  }
}

/**
 * For each day of `days`, the last position whose trailing year holds it: whose `windowStart`
 * (the day after which a purchase counts) is before it. The starts rise with position.
 */
function lastPositionsCounting(days: DayTable, count: number, windowStart: (position: number) => number): Int32Array {
  const last = new Int32Array(days.size);
  let position = -1;
  let nextStart = count > 0 ? windowStart(0) : Number.POSITIVE_INFINITY;
  for (let offset = 0; offset < last.length; offset++) {
    while (nextStart < days.firstDay + offset) {
      position++;
      nextStart = position + 1 < count ? windowStart(position + 1) : Number.POSITIVE_INFINITY;
    }
    last[offset] = position;
  }
  return last;
}

export interface PeriodFlags {
  complete: (position: number) => boolean;
  judged: (position: number) => boolean;
}

/** Existing customers' share of a period's revenue; null when the revenue is not above 0 (no share to give). */
export function existingShareOf(newRevenue: number, existingRevenue: number): number | null {
  const revenue = newRevenue + existingRevenue;
  return revenue > 0 ? existingRevenue / revenue : null;
}

export function periodRows(totals: PeriodTotals, flags: PeriodFlags, hasAmounts: boolean): HealthPeriod[] {
  const base = totals.activeBase();
  const money = (value: number): number | null => (hasAmounts ? value : null);
  const average = (revenue: number, purchases: number): number | null => (hasAmounts ? (ratio(revenue, purchases) ?? null) : null);
  return Array.from({ length: totals.count }, (_, position): HealthPeriod => {
    const index = totals.firstIndex + position;
    const newRevenue = totals.newRevenue[position]!;
    const existingRevenue = totals.existingRevenue[position]!;
    const purchases = totals.purchases[position]!;
    const newPurchases = totals.newPurchases[position]!;
    return {
      period: periodLabel(index, totals.period),
      start: isoDate(periodStart(index, totals.period)),
      end: isoDate(periodEnd(index, totals.period)),
      complete: flags.complete(position),
      judged: flags.judged(position),
      activeCustomers: totals.active[position]!,
      newCustomers: totals.fresh[position]!,
      existingCustomers: totals.active[position]! - totals.fresh[position]!,
      purchases,
      newPurchases,
      existingPurchases: purchases - newPurchases,
      revenue: money(newRevenue + existingRevenue),
      newRevenue: money(newRevenue),
      existingRevenue: money(existingRevenue),
      existingShare: hasAmounts ? existingShareOf(newRevenue, existingRevenue) : null,
      averageOrder: average(newRevenue + existingRevenue, purchases),
      newAverageOrder: average(newRevenue, newPurchases),
      existingAverageOrder: average(existingRevenue, purchases - newPurchases),
      activeBase: base[position]!,
    };
  });
}
