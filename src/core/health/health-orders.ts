// The orders as the health check needs them: each goes to the ledger, as for every report, and to
// the purchase log, with the columns only the health check reads (budget, initiated by, contact).

import { parseAmount, isBlank, isSheetError } from "../cells";
import { customerDisplayName } from "../customer-key";
import type { Cells, ColumnRef, OrderTarget } from "../ingest";
import { CustomerLedger, type LedgerOptions } from "../ledger";
import { initiatorOf } from "./initiated-by";
import { PurchaseLog } from "./purchase-log";

export interface HealthColumns {
  /** A customer's yearly budget or potential (question 2). */
  budget?: ColumnRef;
  /** Who started the sale (question 7). */
  initiatedBy?: ColumnRef;
  /** An email or phone for the call list. */
  contact?: ColumnRef;
}

/** Values the health check could not read: counted, the first kept, none of them drops an order. */
export interface DetailProblems {
  unreadableBudgets: number;
  firstUnreadableBudget?: { row: number; value: unknown };
  unknownInitiators: number;
  firstUnknownInitiator?: { row: number; value: unknown };
}

export class HealthOrders implements OrderTarget {
  readonly problems: DetailProblems = { unreadableBudgets: 0, unknownInitiators: 0 };

  readonly log = new PurchaseLog();
  /** The orders' ledger, logging every order to `log`. */
  readonly ledger: CustomerLedger;

  constructor(
    private readonly columns: HealthColumns,
    private readonly decimalComma: boolean,
    /** The row number `values[0]` has in messages. */
    private readonly firstRowNumber = 1,
    ledgerOptions: LedgerOptions = {},
  ) {
    this.ledger = new CustomerLedger({ ...ledgerOptions, purchaseLog: this.log });
  }

  add(key: string, rawName: unknown, day: number, amount = 0, rawManager?: unknown, row?: number): number {
    const customer = this.ledger.add(key, rawName, day, amount, rawManager);
    // Most orders come without these columns: then nothing more is read per row.
    if (row === undefined) return customer;
    const { initiatedBy, budget, contact } = this.columns;
    if (initiatedBy !== undefined && this.startedByCompany(initiatedBy, row)) this.log.markStartedByCompany(customer);
    if (budget !== undefined) this.readBudget(budget, customer, day, row);
    if (contact !== undefined) this.readContact(contact, customer, day, row);
    return customer;
  }

  private readContact(column: ColumnRef, customer: number, day: number, row: number): void {
    const contact = customerDisplayName(cellOf(column, row));
    if (contact !== "" && !isSheetError(contact)) this.log.setContact(customer, day, contact);
  }

  private startedByCompany(column: ColumnRef, row: number): boolean {
    const cell = cellOf(column, row);
    const initiator = initiatorOf(cell);
    if (initiator === "unknown") {
      this.problems.unknownInitiators++;
      this.problems.firstUnknownInitiator ??= { row: this.firstRowNumber + row, value: cell };
    }
    return initiator === "company";
  }

  private readBudget(column: ColumnRef, customer: number, day: number, row: number): void {
    const cell = cellOf(column, row);
    if (isBlank(cell)) return;
    const budget = parseAmount(cell, this.decimalComma);
    if (budget === undefined || budget < 0) {
      this.problems.unreadableBudgets++;
      this.problems.firstUnreadableBudget ??= { row: this.firstRowNumber + row, value: cell };
      return;
    }
    this.log.setBudget(customer, day, budget);
  }
}

function cellOf(ref: ColumnRef, row: number): unknown {
  return (ref.values as Cells)[row]?.[ref.column];
}
