// A call list as a table: the lapsed customers (health check, question 5) with whom to call and why,
// or the new customers of the judged cohorts who never came back within H.
// One shape for the custom function, the sheet the sidebar creates and the CLI's CSV, so the three
// carry the same columns in the user's language. Dates stay ISO here; each surface writes its own.

import type { LapsedCustomer } from "../core/health/lapsed";
import type { NeverReturnedCustomer } from "../core/report";
import { HEADERS } from "../i18n/headers";
import type { Language } from "../i18n/language";

export type CallListCell = string | number;

export interface CallListTable {
  header: string[];
  rows: CallListCell[][];
  /** The column that holds ISO dates, for a surface that writes them as its own dates. */
  dateColumn: number;
}

export function lapsedCallList(customers: readonly LapsedCustomer[], language: Language): CallListTable {
  const h = HEADERS[language];
  return {
    header: [h.customer, h.manager, h.lastPurchase, h.usualGap, h.daysSinceLast, h.revenueAtStake, h.contact],
    rows: customers.map((c) => [
      c.name,
      c.manager,
      c.lastPurchase,
      rounded(c.usualGapDays, 1),
      c.daysSinceLast,
      c.revenueAtStake === null ? "" : rounded(c.revenueAtStake, 2),
      c.contact,
    ]),
    dateColumn: 2,
  };
}

/** Amount is "" without an amount column, as the lapsed list's revenue is. */
export function neverReturnedCallList(customers: readonly NeverReturnedCustomer[], language: Language): CallListTable {
  const h = HEADERS[language];
  return {
    header: [h.customer, h.manager, h.firstPurchase, h.totalAmount, h.contact],
    rows: customers.map((c) => [c.name, c.manager, c.firstDate, c.amount === null ? "" : rounded(c.amount, 2), c.contact]),
    dateColumn: 2,
  };
}

/** A figure to the precision the reports show it (a gap to tenths of a day, money to cents): no float noise such as 0.30000000000000004 in a list. */
function rounded(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
