// The orders as the health check needs them: each goes to the ledger, as for every report, and to
// the purchase log, with the columns only the health check reads (budget, initiated by, contact).

import type { Cells, ColumnRef, OrderTarget } from "../ingest";
import { CustomerLedger, type LedgerOptions } from "../ledger";
import { contactOf, DetailReader, hasDetailColumns, logDetails, type DetailProblems, type OrderDetails } from "./order-details";
import { PurchaseLog } from "./purchase-log";

export interface HealthColumns {
  /** A customer's yearly budget or potential (question 2). */
  budget?: ColumnRef;
  /** Who started the sale (question 7). */
  initiatedBy?: ColumnRef;
  /** An email or phone for the call list. */
  contact?: ColumnRef;
}

export class HealthOrders implements OrderTarget {
  readonly log = new PurchaseLog();
  /** The orders' ledger, logging every order to `log`. */
  readonly ledger: CustomerLedger;
  private readonly details: DetailReader;
  private readonly hasDetails: boolean;
  /** Reused from order to order: a million rows make no objects. */
  private readonly orderDetails: OrderDetails = { startedByCompany: false, budget: undefined, contact: undefined };

  constructor(
    private readonly columns: HealthColumns,
    decimalComma: boolean,
    /** The row number `values[0]` has in messages. */
    private readonly firstRowNumber = 1,
    ledgerOptions: LedgerOptions = {},
  ) {
    this.ledger = new CustomerLedger({ ...ledgerOptions, purchaseLog: this.log });
    this.details = new DetailReader(decimalComma);
    this.hasDetails = hasDetailColumns(columns);
  }

  get problems(): DetailProblems {
    return this.details.problems;
  }

  add(key: string, rawName: unknown, day: number, amount = 0, rawManager?: unknown, row?: number): number {
    const customer = this.ledger.add(key, rawName, day, amount, rawManager);
    // Most orders come without these columns: then nothing more is read per row.
    if (row === undefined || !this.hasDetails) return customer;
    const { initiatedBy, budget, contact } = this.columns;
    const rowNumber = this.firstRowNumber + row;
    const details = this.orderDetails;
    details.startedByCompany = initiatedBy !== undefined && this.details.startedByCompany(cellOf(initiatedBy, row), rowNumber);
    details.budget = budget === undefined ? undefined : this.details.budget(cellOf(budget, row), rowNumber);
    details.contact = contact === undefined ? undefined : contactOf(cellOf(contact, row));
    logDetails(this.log, customer, day, details);
    return customer;
  }
}

function cellOf(ref: ColumnRef, row: number): unknown {
  return (ref.values as Cells)[row]?.[ref.column];
}
