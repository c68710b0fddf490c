// The frame every custom function runs in: read the spreadsheet's locale once, read the order
// ranges into a ledger, and turn a core Problem into a thrown Error in the sheet's language.

import { HealthOrders } from "../core/health/health-orders";
import { ingestOrders, type ColumnRef, type IngestStats, type OrderTarget } from "../core/ingest";
import { CustomerLedger, type LedgerOptions } from "../core/ledger";
import { fail, ProblemError } from "../core/problems";
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
  const ledger = new CustomerLedger(options);
  return { ledger, stats: ingestRanges(env, ranges, ledger) };
}

/** The ranges the health check's functions add: each optional, one column of the same length. */
export interface HealthRanges extends OrderRanges {
  managers?: unknown;
  budgets?: unknown;
  contacts?: unknown;
  initiated_by?: unknown;
}

/** As `readOrders`, into a purchase log too (see core/health): the health check's functions read this. */
export function readHealthOrders(env: SheetEnvironment, ranges: HealthRanges): { orders: HealthOrders; stats: IngestStats } {
  const budget = optionalColumn("budgets", ranges.budgets);
  const contact = optionalColumn("contacts", ranges.contacts);
  const initiatedBy = optionalColumn("initiated_by", ranges.initiated_by);
  const orders = new HealthOrders({ budget, contact, initiatedBy }, env.input.decimalComma);
  // A row makes at most one entry of the log.
  orders.log.reserve(Array.isArray(ranges.customers) ? ranges.customers.length : 1);
  const stats = ingestRanges(env, ranges, orders, [budget, contact, initiatedBy]);
  if (orders.problems.firstUnreadableBudget !== undefined) {
    const { row, value } = orders.problems.firstUnreadableBudget;
    fail({ code: "badBudget", argument: "budgets", row, value });
  }
  return { orders, stats };
}

function optionalColumn(argument: string, range: unknown): ColumnRef | undefined {
  return range === undefined ? undefined : columnArgument(argument, range);
}

function ingestRanges(
  env: SheetEnvironment,
  ranges: HealthRanges,
  target: OrderTarget,
  more: readonly (ColumnRef | undefined)[] = [],
): IngestStats {
  const customer = columnArgument("customers", ranges.customers);
  const date = columnArgument("order_dates", ranges.order_dates);
  const amount = optionalColumn("amounts", ranges.amounts);
  const dealType = optionalColumn("deal_types", ranges.deal_types);
  const manager = optionalColumn("managers", ranges.managers);
  sameLength(customer, date, ...[amount, dealType, manager, ...more].filter((ref) => ref !== undefined));
  return ingestOrders({ customer, date, amount, dealType, manager }, target, {
    locale: env.input,
    excludeDealTypes: ranges.excludedDealTypes,
  });
}
