// The orders as the health check needs them: each goes to the ledger, as for every report, and to
// the purchase log, with the columns only the health check reads (budget, initiated by, contact).

import type { Cells, ColumnRef, OrderTarget } from "../ingest";
import { CustomerLedger, type LedgerOptions } from "../ledger";
import { type DetailField, type DetailProblems, hasDetailColumns, logDetails, noDetailProblems, RowDetails } from "./order-details";
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
  /** Reads the budget, initiated-by and contact cells; undefined when the orders have none. */
  private readonly details: RowDetails | undefined;
  /** The row whose cells `detailCell` reads. */
  private row = 0;
  private readonly detailCell = (field: DetailField): unknown => cellOf(this.columns[field]!, this.row);

  constructor(
    private readonly columns: HealthColumns,
    decimalComma: boolean,
    /** The row number `values[0]` has in messages. */
    private readonly firstRowNumber = 1,
    ledgerOptions: LedgerOptions = {},
  ) {
    this.ledger = new CustomerLedger({ ...ledgerOptions, purchaseLog: this.log });
    this.details = hasDetailColumns(columns) ? new RowDetails(columns, decimalComma) : undefined;
  }

  get problems(): DetailProblems {
    return this.details?.reader.problems ?? noDetailProblems();
  }

  add(key: string, rawName: unknown, day: number, amount = 0, rawManager?: unknown, row?: number): number {
    const customer = this.ledger.add(key, rawName, day, amount, rawManager);
    // Most orders come without these columns: then nothing more is read per row.
    if (row === undefined || this.details === undefined) return customer;
    this.row = row;
    logDetails(this.log, customer, day, this.details.read(this.detailCell, this.firstRowNumber + row));
    return customer;
  }
}

function cellOf(ref: ColumnRef, row: number): unknown {
  return (ref.values as Cells)[row]?.[ref.column];
}
