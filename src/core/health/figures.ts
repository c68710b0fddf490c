// Single figures of the health check, for the custom functions that return one number. Each is the
// figure the health check shows, computed alone so that a formula does not pay for the whole check.

import { inWindow, type CustomerLedger, type DayWindow } from "../ledger";
import { ratio } from "../statistics";
import { inYearEndingOn } from "./calendar-year";
import type { LoggedEntry, PurchaseLog } from "./purchase-log";

/** Revenue ÷ purchases (customer-days) of the orders dated in the window; refunds lower the revenue. */
export function averageOrder(ledger: CustomerLedger, log: PurchaseLog, window: DayWindow = {}): number | undefined {
  let revenue = 0;
  let purchases = 0;
  forEachCustomer(ledger, log, (entries) => {
    let lastDay = Number.NaN;
    for (const entry of entries) {
      if (!inWindow(entry.day, window)) continue;
      revenue += entry.amount;
      if (!entry.refund && entry.day !== lastDay) purchases++;
      if (!entry.refund) lastDay = entry.day;
    }
  });
  return ratio(revenue, purchases);
}

/** Customers with a purchase in the 12 months ending on `asOf` (the latest purchase by default). */
export function activeCustomers(ledger: CustomerLedger, log: PurchaseLog, asOf: number = ledger.latestDay): number {
  let active = 0;
  forEachCustomer(ledger, log, (entries) => {
    if (entries.some((entry) => !entry.refund && inYearEndingOn(entry.day, asOf))) active++;
  });
  return active;
}

/** Each customer's sales in the 12 months ending on the latest purchase, refunds included. */
export function salesInLastYear(entries: readonly LoggedEntry[], latestDay: number): number {
  let sum = 0;
  for (const entry of entries) if (inYearEndingOn(entry.day, latestDay)) sum += entry.amount;
  return sum;
}

/** Σ sales in the last 12 months ÷ Σ budgets, over the customers with a budget above 0. */
export function shareOfWallet(
  ledger: CustomerLedger,
  log: PurchaseLog,
): { share: number | undefined; sales: number; budget: number; customers: number } {
  let sales = 0;
  let budget = 0;
  let customers = 0;
  forEachCustomer(ledger, log, (entries, customer) => {
    const customerBudget = log.budget(customer);
    if (customerBudget === undefined || customerBudget <= 0) return;
    sales += salesInLastYear(entries, ledger.latestDay);
    budget += customerBudget;
    customers++;
  });
  return { share: ratio(sales, budget), sales, budget, customers };
}

/** Each customer with a purchase, with their entries sorted by day. */
export function forEachCustomer(
  ledger: CustomerLedger,
  log: PurchaseLog,
  visit: (entries: readonly LoggedEntry[], customer: number) => void,
): void {
  for (let customer = 0; customer < ledger.size; customer++) {
    if (ledger.hasPurchase(customer)) visit(log.entriesOf(customer), customer);
  }
}
