// One row per customer, for CUSTOMER_SUMMARY and the "never came back" list.

import type { CustomerLedger } from "./ledger";

export interface CustomerSummaryRow {
  name: string;
  first: number;
  last: number;
  /** Distinct purchase days. */
  purchases: number;
  totalAmount: number;
  /** Counted to the latest order date in the data, not to today, so results are repeatable. */
  daysSinceLast: number;
}

/** Ordered by first purchase, then by name. The ledger must track days. */
export function customerSummary(ledger: CustomerLedger): CustomerSummaryRow[] {
  if (!ledger.options.trackDays) throw new Error("customerSummary needs a ledger that tracks days");
  const rows: (CustomerSummaryRow & { key: string })[] = [];
  for (let customer = 0; customer < ledger.size; customer++) {
    if (!ledger.hasPurchase(customer)) continue;
    rows.push({
      key: ledger.key(customer),
      name: ledger.name(customer),
      first: ledger.first(customer),
      last: ledger.last(customer),
      purchases: ledger.days(customer).size,
      totalAmount: ledger.totalAmount(customer),
      daysSinceLast: ledger.latestDay - ledger.last(customer),
    });
  }
  rows.sort((a, b) => a.first - b.first || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return rows.map(({ key: _key, ...row }) => row);
}
