// The book's rule: second purchases ÷ first purchases, for the customers whose first purchase
// falls in a window. Everything here reads a finished ledger; nothing re-reads the orders.

import { fail } from "./problems";
import { inWindow, type CustomerLedger, type DayWindow } from "./ledger";
import { medianOfCounts } from "./statistics";
import { isoDate } from "./calendar";

export interface RetentionCounts {
  /** New customers: first purchase inside the window. */
  firstPurchases: number;
  /** Of those, the ones who came back (within `withinDays`, when given). */
  secondPurchases: number;
}

export function countRetention(ledger: CustomerLedger, window: DayWindow = {}, withinDays?: number): RetentionCounts {
  let firstPurchases = 0;
  let secondPurchases = 0;
  for (let customer = 0; customer < ledger.size; customer++) {
    if (!inWindow(ledger.first(customer), window)) continue;
    firstPurchases++;
    if (ledger.hasReturned(customer, withinDays)) secondPurchases++;
  }
  return { firstPurchases, secondPurchases };
}

/** Returned ÷ new customers, 0…1. Fails when the window has no new customers. */
export function retentionRate(ledger: CustomerLedger, window: DayWindow = {}, withinDays?: number): number {
  const { firstPurchases, secondPurchases } = countRetention(ledger, window, withinDays);
  if (firstPurchases === 0) fail({ code: "noNewCustomers", value: describeWindow(window) });
  return secondPurchases / firstPurchases;
}

/** Median days from first to second purchase among the window's new customers who returned. */
export function medianDaysToSecond(ledger: CustomerLedger, window: DayWindow = {}): number | undefined {
  if (ledger.isEmpty) return undefined;
  const gaps = new Int32Array(ledger.latestDay - ledger.earliestDay + 1);
  for (let customer = 0; customer < ledger.size; customer++) {
    if (ledger.hasReturned(customer) && inWindow(ledger.first(customer), window)) gaps[ledger.daysToSecond(customer)]!++;
  }
  return medianOfCounts(gaps);
}

export function requireMedianDaysToSecond(ledger: CustomerLedger, window: DayWindow = {}): number {
  return medianDaysToSecond(ledger, window) ?? fail({ code: "noReturns", value: describeWindow(window) });
}

export interface RevenueSplit {
  /** Revenue of the orders dated in the ledger's amount window, refunds taken off. */
  total: number;
  /** Of that, what did not come on the customer's first purchase day. */
  repeat: number;
}

/**
 * Revenue of the orders dated in the ledger's amount window, and the part from repeat purchases
 * (orders after the customer's first purchase day, which is taken from the whole range). Refunds
 * dated on the first purchase day lower the first purchase's revenue; all others lower the repeat
 * revenue. A customer seen only in refunds bought nothing in the data and is left out.
 */
export function revenueSplit(ledger: CustomerLedger): RevenueSplit {
  const window = ledger.options.amountWindow ?? {};
  let total = 0;
  let firstDayTotal = 0;
  for (let customer = 0; customer < ledger.size; customer++) {
    if (!ledger.hasPurchase(customer)) continue;
    total += ledger.windowAmount(customer);
    if (inWindow(ledger.first(customer), window)) firstDayTotal += ledger.firstDayAmount(customer);
  }
  return { total, repeat: total - firstDayTotal };
}

type ShareProblem = "noRevenue" | "negativeRepeatRevenue" | "negativeFirstRevenue";

/** Repeat ÷ all revenue, or why there is no share in 0…1: no revenue, or refunds exceeding a part. */
function repeatShareOrProblem(ledger: CustomerLedger): number | ShareProblem {
  const { total, repeat } = revenueSplit(ledger);
  if (total <= 0) return "noRevenue";
  if (repeat < 0) return "negativeRepeatRevenue";
  if (repeat > total) return "negativeFirstRevenue";
  return repeat / total;
}

/** Repeat ÷ all revenue, 0…1; undefined when there is no such share. */
export function repeatRevenueShare(ledger: CustomerLedger): number | undefined {
  const share = repeatShareOrProblem(ledger);
  return typeof share === "number" ? share : undefined;
}

/** The share, or a problem saying which part is not positive. */
export function requireRepeatRevenueShare(ledger: CustomerLedger): number {
  const share = repeatShareOrProblem(ledger);
  if (typeof share === "number") return share;
  return fail({ code: share, value: describeWindow(ledger.options.amountWindow ?? {}) });
}

export function describeWindow(window: DayWindow): string {
  const start = window.start === undefined ? "…" : isoDate(window.start);
  const end = window.end === undefined ? "…" : isoDate(window.end);
  return `${start} – ${end}`;
}
