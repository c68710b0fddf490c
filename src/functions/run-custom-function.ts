// The frame every custom function runs in: read the spreadsheet's locale once, read the order
// ranges into a ledger, and turn a core Problem into a thrown Error in the sheet's language.

import { ingestOrders, type IngestStats } from "../core/ingest";
import { CustomerLedger, type LedgerOptions } from "../core/ledger";
import { ProblemError } from "../core/problems";
import { problemMessage } from "../i18n/problems";
import { columnArgument, sameLength } from "./arguments";
import { sheetEnvironment, type SheetEnvironment } from "./sheet-environment";

export function runCustomFunction<T>(body: (env: SheetEnvironment) => T): T {
  const env = sheetEnvironment();
  try {
    return body(env);
  } catch (error) {
    if (error instanceof ProblemError) throw new Error(problemMessage(error.problem, env.language));
    throw error;
  }
}

export interface OrderRanges {
  customers: unknown;
  order_dates: unknown;
  amounts?: unknown;
  deal_types?: unknown;
  /** Rows whose deal type is one of these are left out (see excludedDealTypesArgument). */
  excludedDealTypes?: readonly string[];
}

/**
 * Reads the ranges into a ledger; the first unreadable row stops the function with its error.
 * No orders at all is not an error here: counts are 0 and tables empty, while the ratios fail
 * for having nothing to divide by, as they would for an empty period.
 */
export function readOrderRanges(env: SheetEnvironment, ranges: OrderRanges, options: LedgerOptions = {}): CustomerLedger {
  return readOrders(env, ranges, options).ledger;
}

/** The ledger, and how the rows were read: left out as one-off deals, refunds, blank. */
export function readOrders(
  env: SheetEnvironment,
  ranges: OrderRanges,
  options: LedgerOptions = {},
): { ledger: CustomerLedger; stats: IngestStats } {
  const customer = columnArgument("customers", ranges.customers);
  const date = columnArgument("order_dates", ranges.order_dates);
  const amount = ranges.amounts === undefined ? undefined : columnArgument("amounts", ranges.amounts);
  const dealType = ranges.deal_types === undefined ? undefined : columnArgument("deal_types", ranges.deal_types);
  sameLength(customer, date, ...[amount, dealType].filter((ref) => ref !== undefined));
  const ledger = new CustomerLedger(options);
  const stats = ingestOrders({ customer, date, amount, dealType }, ledger, {
    locale: env.input,
    excludeDealTypes: ranges.excludedDealTypes,
  });
  return { ledger, stats };
}
