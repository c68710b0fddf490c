// Single figures of the health check, for the custom functions that return one number. Each is the
// figure the health check shows, computed alone so that a formula does not pay for the whole check.

import { inWindow, type CustomerLedger, type DayWindow } from "../ledger";
import { ratio } from "../statistics";
import { yearBefore } from "./calendar-year";
import { type EntryRun, type PurchaseLog, REFUND } from "./purchase-log";

/** Revenue ÷ purchases (customer-days) of the orders dated in the window; refunds lower the revenue. */
export function averageOrder(ledger: CustomerLedger, log: PurchaseLog, window: DayWindow = {}): number | undefined {
  let revenue = 0;
  let purchases = 0;
  forEachCustomer(ledger, log, (run) => {
    let lastDay = Number.NaN;
    for (let i = run.start; i < run.end; i++) {
      const day = run.day[i]!;
      if (!inWindow(day, window)) continue;
      revenue += run.amount[i]!;
      if (run.flags[i]! & REFUND) continue;
      if (day !== lastDay) purchases++;
      lastDay = day;
    }
  });
  return ratio(revenue, purchases);
}

/** Customers with a purchase in the 12 months ending on `asOf` (the latest purchase by default). */
export function activeCustomers(ledger: CustomerLedger, log: PurchaseLog, asOf: number = ledger.latestDay): number {
  // Without a purchase the latest day is −∞, which has no year before it.
  if (ledger.isEmpty) return 0;
  let active = 0;
  const from = yearBefore(asOf);
  // A customer with a purchase in the window has a purchase, so no customer needs leaving out.
  const counted = new Uint8Array(ledger.size);
  log.forEachEntry((customer, day, flags) => {
    if (flags & REFUND || day <= from || day > asOf || counted[customer]) return;
    counted[customer] = 1;
    active++;
  });
  return active;
}

/** A customer's sales in the 12 months ending on `end` (after `yearBeforeEnd`), refunds included. */
export function salesInYear(run: EntryRun, end: number, yearBeforeEnd: number): number {
  let sum = 0;
  for (let i = run.start; i < run.end; i++) {
    const day = run.day[i]!;
    if (day > yearBeforeEnd && day <= end) sum += run.amount[i]!;
  }
  return sum;
}

/** Question 2's figures: Σ sales in the last 12 months ÷ Σ budgets, over the `customers` with a budget above 0. */
export interface WalletShare {
  share: number | undefined;
  sales: number;
  budget: number;
  customers: number;
}

/** The share of wallet alone (the health check gathers the same sums in its pass). */
export function shareOfWallet(ledger: CustomerLedger, log: PurchaseLog): WalletShare {
  if (ledger.isEmpty) return { share: undefined, sales: 0, budget: 0, customers: 0 };
  let sales = 0;
  let budget = 0;
  let customers = 0;
  const from = yearBefore(ledger.latestDay);
  forEachCustomer(ledger, log, (run, customer) => {
    const customerBudget = log.budget(customer);
    if (customerBudget === undefined || customerBudget <= 0) return;
    sales += salesInYear(run, ledger.latestDay, from);
    budget += customerBudget;
    customers++;
  });
  return { share: ratio(sales, budget), sales, budget, customers };
}

/** Each customer with a purchase, with their entries sorted by day (see EntryRun: valid during the visit only). */
export function forEachCustomer(ledger: CustomerLedger, log: PurchaseLog, visit: (run: EntryRun, customer: number) => void): void {
  log.forEachCustomer((customer, run) => {
    if (ledger.hasPurchase(customer)) visit(run, customer);
  });
}
