// Every purchase (customer-day) with its amount, beside the ledger: the health check's questions
// need revenue per period, gaps between purchases and who sold what, which a fixed-size record per
// customer cannot hold. Memory grows with purchases, as issue 14 allows: rows of one customer-day
// that come one after another (a line-item export's items, one order's rows) merge into one entry.
//
// Entries sit in typed arrays in the order they come, each with its customer, so that a million rows
// make no objects. The health check then takes them customer by customer: one counting sort by
// customer first, since following each customer's entries through the arrays would wait on a
// cache miss at nearly every step. Customers are the ledger's numbers.

import { customerDisplayName } from "../customer-key";

/** No entry yet. */
const NONE = -1;

/** Entry flags. */
export const REFUND = 1; // a negative amount: lowers revenue, no purchase
export const STARTED_BY_COMPANY = 2;

/**
 * One customer's entries, sorted by day (within a day, purchases before refunds), in arrays the
 * log reuses from customer to customer: valid only inside the visit that receives them. A million
 * entries then make no objects.
 */
export interface EntryRun {
  /** The customer's entries are positions start … end − 1 of the arrays. */
  start: number;
  end: number;
  day: Int32Array;
  amount: Float64Array;
  /** Index into `PurchaseLog.managerNames`; 0 is "no manager". */
  manager: Int32Array;
  /** REFUND and STARTED_BY_COMPANY bits. */
  flags: Uint8Array;
}

export class PurchaseLog {
  /** Manager names by index; index 0 is the blank manager. */
  readonly managerNames: string[] = [""];
  private readonly numberOfName = new Map<string, number>([["", 0]]);
  /** Manager cells as read → their number: " Anna " and "Anna" are one manager. */
  private readonly numberOfCell = new Map<unknown, number>();

  /** Earliest and latest day of any entry, refunds included: the span the periods must cover. */
  firstDay = Number.POSITIVE_INFINITY;
  lastDay = Number.NEGATIVE_INFINITY;

  private size = 0;
  private days = new Int32Array(1024);
  private amounts = new Float64Array(1024);
  private managers = new Int32Array(1024);
  private flags = new Uint8Array(1024);
  private customers = new Int32Array(1024);
  /** Customer → their latest entry, or NONE. */
  private heads = new Int32Array(256).fill(NONE);

  /** Customer → yearly budget, the latest non-blank value (by date, then row order). */
  private readonly budgets = new Map<number, { day: number; budget: number }>();
  /** Customer → email or phone, the latest non-blank one by date. */
  private readonly contacts = new Map<number, { day: number; contact: string }>();

  /** Entries kept (after merging), for tests and the bench. */
  get entries(): number {
    return this.size;
  }

  /**
   * Adds one order row of the ledger's `customer`; a negative amount is a refund; `rawManager` is
   * the manager cell as read. The ledger calls it (LedgerOptions.purchaseLog).
   */
  add(customer: number, day: number, amount: number, rawManager: unknown): void {
    const managerNumber = this.managerNumber(rawManager);
    const flags = amount < 0 ? REFUND : 0;
    this.ensureCustomer(customer);
    if (day < this.firstDay) this.firstDay = day;
    if (day > this.lastDay) this.lastDay = day;
    const head = this.heads[customer]!;
    if (
      head !== NONE &&
      this.days[head] === day &&
      this.managers[head] === managerNumber &&
      (this.flags[head]! & REFUND) === (flags & REFUND)
    ) {
      this.amounts[head] = this.amounts[head]! + amount;
      this.flags[head] = this.flags[head]! | flags;
      return;
    }
    const entry = this.appendEntry(day, amount, managerNumber, flags);
    this.customers[entry] = customer;
    this.heads[customer] = entry;
  }

  /** The company started the sale of the customer's order just added (question 7). */
  markStartedByCompany(customer: number): void {
    const entry = this.heads[customer]!;
    this.flags[entry] = this.flags[entry]! | STARTED_BY_COMPANY;
  }

  /** Records a customer's budget as of `day`; the latest day wins, and of one day the later row. */
  setBudget(customer: number, day: number, budget: number): void {
    const known = this.budgets.get(customer);
    if (known === undefined || day >= known.day) this.budgets.set(customer, { day, budget });
  }

  /** Records a customer's email or phone as of `day`; the latest day wins. */
  setContact(customer: number, day: number, contact: string): void {
    const known = this.contacts.get(customer);
    if (known === undefined || day >= known.day) this.contacts.set(customer, { day, contact });
  }

  budget(customer: number): number | undefined {
    return this.budgets.get(customer)?.budget;
  }

  get hasBudgets(): boolean {
    return this.budgets.size > 0;
  }

  contact(customer: number): string | undefined {
    return this.contacts.get(customer)?.contact;
  }

  /** Every customer with an entry, in customer order, with their entries sorted (see EntryRun). */
  forEachCustomer(visit: (customer: number, run: EntryRun) => void): void {
    const customers = this.heads.length;
    // Counting sort by customer, stable, so each customer's entries keep the rows' order.
    const starts = new Int32Array(customers + 1);
    for (let entry = 0; entry < this.size; entry++) starts[this.customers[entry]! + 1]!++;
    for (let customer = 0; customer < customers; customer++) starts[customer + 1]! += starts[customer]!;
    const run: EntryRun = {
      start: 0,
      end: 0,
      day: new Int32Array(this.size),
      amount: new Float64Array(this.size),
      manager: new Int32Array(this.size),
      flags: new Uint8Array(this.size),
    };
    const cursor = starts.slice(0, customers);
    for (let entry = 0; entry < this.size; entry++) {
      const at = cursor[this.customers[entry]!]!++;
      run.day[at] = this.days[entry]!;
      run.amount[at] = this.amounts[entry]!;
      run.manager[at] = this.managers[entry]!;
      run.flags[at] = this.flags[entry]!;
    }
    for (let customer = 0; customer < customers; customer++) {
      if (starts[customer] === starts[customer + 1]) continue;
      run.start = starts[customer]!;
      run.end = starts[customer + 1]!;
      sortByDay(run);
      visit(customer, run);
    }
  }

  /** The number of a manager cell: cells are looked up as they come, and tidied once (as the ledger tidies them) when new. */
  private managerNumber(rawManager: unknown): number {
    let number = this.numberOfCell.get(rawManager);
    if (number === undefined) {
      const name = customerDisplayName(rawManager);
      number = this.numberOfName.get(name);
      if (number === undefined) {
        number = this.managerNames.length;
        this.managerNames.push(name);
        this.numberOfName.set(name, number);
      }
      this.numberOfCell.set(rawManager, number);
    }
    return number;
  }

  private ensureCustomer(customer: number): void {
    if (customer < this.heads.length) return;
    const bigger = new Int32Array(Math.max(customer + 1, this.heads.length * 2)).fill(NONE);
    bigger.set(this.heads);
    this.heads = bigger;
  }

  private appendEntry(day: number, amount: number, manager: number, flags: number): number {
    if (this.size === this.days.length) this.grow();
    const entry = this.size++;
    this.days[entry] = day;
    this.amounts[entry] = amount;
    this.managers[entry] = manager;
    this.flags[entry] = flags;
    return entry;
  }

  private grow(): void {
    const capacity = this.days.length * 2;
    this.days = grown(this.days, new Int32Array(capacity));
    this.amounts = grown(this.amounts, new Float64Array(capacity));
    this.managers = grown(this.managers, new Int32Array(capacity));
    this.flags = grown(this.flags, new Uint8Array(capacity));
    this.customers = grown(this.customers, new Int32Array(capacity));
  }
}

function grown<T extends Int32Array | Float64Array | Uint8Array>(old: T, bigger: T): T {
  bigger.set(old);
  return bigger;
}

/** Sorts a run by day, purchases before refunds within a day: insertion sort, stable, as runs are short and nearly in order. */
function sortByDay(run: EntryRun): void {
  const { day: days, amount: amounts, manager: managers, flags: allFlags } = run;
  for (let i = run.start + 1; i < run.end; i++) {
    const day = days[i]!;
    const refund = allFlags[i]! & REFUND;
    let j = i - 1;
    while (j >= run.start && (days[j]! > day || (days[j] === day && (allFlags[j]! & REFUND) > refund))) j--;
    if (j === i - 1) continue;
    const [amount, manager, flags] = [amounts[i]!, managers[i]!, allFlags[i]!];
    days.copyWithin(j + 2, j + 1, i);
    amounts.copyWithin(j + 2, j + 1, i);
    managers.copyWithin(j + 2, j + 1, i);
    allFlags.copyWithin(j + 2, j + 1, i);
    days[j + 1] = day;
    amounts[j + 1] = amount;
    managers[j + 1] = manager;
    allFlags[j + 1] = flags;
  }
}
