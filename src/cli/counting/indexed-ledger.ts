// The core's ledger as the counting engine fills it: customers numbered by the engine's own index
// (customer-index.ts), names kept as numbers in a NameStore, room reserved for the customers a
// file's size promises, and each group of customers' figures fetched into cache before their
// orders are added. It uses the ledger's one bulk-loading door (see CustomerLedger) and adds no
// rule of its own: the figures are the core's.

import { logDetails, type OrderDetails } from "../../core/health/order-details";
import type { PurchaseLog } from "../../core/health/purchase-log";
import { CustomerLedger, type LedgerOptions } from "../../core/ledger";
import type { NameStore } from "./name-store";

export class IndexedLedger extends CustomerLedger {
  /** A sum of what `warm` read, kept only so that its reads are not optimised away. */
  warmth = 0;
  private readonly log: PurchaseLog | undefined;

  constructor(
    options: LedgerOptions,
    private readonly names: NameStore,
  ) {
    super(options);
    this.log = options.purchaseLog;
  }

  /** The first order of a customer the index has just met; `name` is their name's number in the store. */
  addNewCustomer(name: number, day: number, amount: number, manager: string | undefined): number {
    return this.addNew(name, day, amount, manager);
  }

  /** Records an order's health-check cells on the purchase just added (nothing with --no-health). */
  logDetails(customer: number, day: number, details: OrderDetails): void {
    if (this.log !== undefined) logDetails(this.log, customer, day, details);
  }

  /** Whether a contact of `customer` as of `day` is their latest so far (never with --no-health): see PurchaseLog.takesContact. */
  takesContact(customer: number, day: number): boolean {
    return this.log?.takesContact(customer, day) ?? false;
  }

  /** Fetches the figures of customers[0 … count-1] into cache (negative numbers are passed over). */
  warm(customers: Int32Array, count: number): void {
    this.warmth = this.prefetch(customers, count);
  }

  protected override nameCell(customer: number): unknown {
    return this.names.text(super.nameCell(customer) as number);
  }
}
