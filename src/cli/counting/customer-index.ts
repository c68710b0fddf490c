// Customers by their key bytes, in front of the ledger: the counting side of the CLI.

import type { OrderDetails } from "../../core/health/order-details";
import { HAS_BUDGET, keyStartOf, nextKeyStart, STARTED_BY_COMPANY, type OrderBatch } from "./batch";
import { ByteInterner, NOT_FOUND } from "./byte-interner";
import type { IndexedLedger } from "./indexed-ledger";
import type { NameStore } from "./name-store";

/** The names of a batch's rows, stored when the index meets a new customer; and their contacts, kept as names are. */
export interface BatchNames {
  storeName(names: NameStore, batch: OrderBatch, row: number): number;
  hasContact(batch: OrderBatch, row: number): boolean;
  /** Keeps the row's contact as `customer`'s. */
  storeContact(contacts: NameStore, batch: OrderBatch, row: number, customer: number): void;
}

/** Rows counted together: enough to keep many cache misses in flight, few enough to stay in cache. */
const GROUP_ROWS = 256;

/**
 * Customers by their key bytes, in front of a ledger; their names go to a NameStore when they are
 * first met. Orders come a batch at a time (batch.ts), whose hashes must be `KeyBytes.hash`
 * of the key bytes with them.
 *
 * At 200,000 customers the tables outgrow the cache, and one row after another would wait for a
 * miss in the index and another in the ledger. So each group of rows goes through four sweeps:
 * warm the index, find (or add) the customers, warm the ledger, add the orders. A customer's orders
 * are still added in file order (a new customer's, met first in the group, as they are found).
 */
export class CustomerIndex {
  private readonly byKey: ByteInterner;
  /** The current group's customers, -1 for a row already added (its customer is new in the group). */
  private readonly customers = new Int32Array(GROUP_ROWS);
  private readonly details: OrderDetails = { startedByCompany: false, budget: undefined, contact: undefined };

  /** `contacts` keeps each customer's latest contact under their number, as the log decides (PurchaseLog.takesContact). */
  constructor(
    private readonly ledger: IndexedLedger,
    private readonly names: NameStore,
    capacity = 0,
    private readonly contacts?: NameStore,
  ) {
    this.byKey = new ByteInterner(capacity);
  }

  addBatch(batch: OrderBatch, managerOf: (id: number) => string | undefined, names: BatchNames): void {
    const keyWords = new Int32Array(batch.keyBytes.buffer, 0, batch.keyBytes.length >> 2);
    for (let from = 0; from < batch.count; from += GROUP_ROWS) {
      this.addGroup(batch, keyWords, from, Math.min(from + GROUP_ROWS, batch.count), managerOf, names);
    }
  }

  private addGroup(
    batch: OrderBatch,
    keyWords: Int32Array,
    from: number,
    to: number,
    managerOf: (id: number) => string | undefined,
    names: BatchNames,
  ): void {
    const { keyBytes, keyEnds, hashes, days, amounts, managerIds } = batch;
    const { byKey, ledger, customers } = this;
    // Customers met first in this group: their rows are added in the first sweep, in the rows'
    // order, so that the rows of a new customer's order still come one after another to the
    // health check's log, which merges such rows (PurchaseLog.add).
    const firstNew = ledger.size;
    byKey.warm(hashes, from, to);
    for (let row = from, keyStart = keyStartOf(keyEnds, from); row < to; keyStart = nextKeyStart(keyEnds[row++]!)) {
      const keyEnd = keyEnds[row]!;
      const hash = hashes[row]!;
      let customer = byKey.getPadded(keyWords, keyStart, keyEnd, hash);
      if (customer === NOT_FOUND) {
        customer = ledger.addNewCustomer(names.storeName(this.names, batch, row), days[row]!, amounts[row]!, managerOf(managerIds[row]!));
        if (batch.hasDetails) this.logDetails(batch, row, customer, names);
        byKey.set(keyBytes, keyStart, keyEnd, hash, customer);
        customer = -1;
      } else if (customer >= firstNew) {
        ledger.addTo(customer, days[row]!, amounts[row]!, managerOf(managerIds[row]!));
        if (batch.hasDetails) this.logDetails(batch, row, customer, names);
        customer = -1;
      }
      customers[row - from] = customer;
    }
    ledger.warm(customers, to - from);
    for (let row = from; row < to; row++) {
      const customer = customers[row - from]!;
      if (customer < 0) continue;
      ledger.addTo(customer, days[row]!, amounts[row]!, managerOf(managerIds[row]!));
      if (batch.hasDetails) this.logDetails(batch, row, customer, names);
    }
  }

  /**
   * The row's health-check cells, on the purchase just added for `customer`. Its contact is only
   * kept (as the place of its cell, or its bytes) when it is the customer's latest so far.
   */
  private logDetails(batch: OrderBatch, row: number, customer: number, names: BatchNames): void {
    const flags = batch.detailFlags[row]!;
    const day = batch.days[row]!;
    const details = this.details;
    details.startedByCompany = (flags & STARTED_BY_COMPANY) !== 0;
    details.budget = (flags & HAS_BUDGET) === 0 ? undefined : batch.budgets[row];
    this.ledger.logDetails(customer, day, details);
    const contacts = this.contacts;
    if (contacts !== undefined && names.hasContact(batch, row) && this.ledger.takesContact(customer, day)) {
      names.storeContact(contacts, batch, row, customer);
    }
  }
}
