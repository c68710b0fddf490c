// Every purchase (customer-day) with its amount, beside the ledger: the health check's questions
// need revenue per period, gaps between purchases and who sold what, which a fixed-size record per
// customer cannot hold. Memory grows with purchases, as issue 14 allows: rows of one customer-day
// that come one after another (a line-item export's items, one order's rows) merge into one entry.
//
// Entries sit in typed arrays, chained per customer through `next`, so that a million rows make no
// objects. Customers are the ledger's numbers.

/** No entry: the end of a customer's chain. */
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
  length: number;
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
  private readonly managerIndex = new Map<string, number>([["", 0]]);

  /** Earliest and latest day of any entry, refunds included: the span the periods must cover. */
  firstDay = Number.POSITIVE_INFINITY;
  lastDay = Number.NEGATIVE_INFINITY;

  private size = 0;
  private days = new Int32Array(1024);
  private amounts = new Float64Array(1024);
  private managers = new Int32Array(1024);
  private flags = new Uint8Array(1024);
  private next = new Int32Array(1024);
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

  /** Adds one order row of the ledger's `customer`; a negative amount is a refund. */
  add(customer: number, day: number, amount: number, manager: string, startedByCompany: boolean): void {
    const managerNumber = this.managerNumber(manager);
    const flags = (amount < 0 ? REFUND : 0) | (startedByCompany ? STARTED_BY_COMPANY : 0);
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
    this.next[entry] = head;
    this.heads[customer] = entry;
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
    const run: EntryRun = {
      length: 0,
      day: new Int32Array(64),
      amount: new Float64Array(64),
      manager: new Int32Array(64),
      flags: new Uint8Array(64),
    };
    for (let customer = 0; customer < this.heads.length; customer++) {
      if (this.heads[customer] === NONE) continue;
      this.fillRun(customer, run);
      visit(customer, run);
    }
  }

  /** The customer's chain (newest first) into `run`, oldest first, then sorted by day: insertion sort, as the chain is nearly in order. */
  private fillRun(customer: number, run: EntryRun): void {
    let length = 0;
    for (let entry = this.heads[customer]!; entry !== NONE; entry = this.next[entry]!) length++;
    if (length > run.day.length) {
      const capacity = Math.max(length, run.day.length * 2);
      run.day = new Int32Array(capacity);
      run.amount = new Float64Array(capacity);
      run.manager = new Int32Array(capacity);
      run.flags = new Uint8Array(capacity);
    }
    run.length = length;
    let at = length;
    for (let entry = this.heads[customer]!; entry !== NONE; entry = this.next[entry]!) {
      at--;
      run.day[at] = this.days[entry]!;
      run.amount[at] = this.amounts[entry]!;
      run.manager[at] = this.managers[entry]!;
      run.flags[at] = this.flags[entry]!;
    }
    for (let i = 1; i < length; i++) {
      const day = run.day[i]!;
      const refund = run.flags[i]! & REFUND;
      let j = i - 1;
      while (j >= 0 && (run.day[j]! > day || (run.day[j] === day && (run.flags[j]! & REFUND) > refund))) j--;
      if (j === i - 1) continue;
      const [amount, manager, flags] = [run.amount[i]!, run.manager[i]!, run.flags[i]!];
      run.day.copyWithin(j + 2, j + 1, i);
      run.amount.copyWithin(j + 2, j + 1, i);
      run.manager.copyWithin(j + 2, j + 1, i);
      run.flags.copyWithin(j + 2, j + 1, i);
      run.day[j + 1] = day;
      run.amount[j + 1] = amount;
      run.manager[j + 1] = manager;
      run.flags[j + 1] = flags;
    }
  }

  private managerNumber(name: string): number {
    let number = this.managerIndex.get(name);
    if (number === undefined) {
      number = this.managerNames.length;
      this.managerNames.push(name);
      this.managerIndex.set(name, number);
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
    this.next = grown(this.next, new Int32Array(capacity));
  }
}

function grown<T extends Int32Array | Float64Array | Uint8Array>(old: T, bigger: T): T {
  bigger.set(old);
  return bigger;
}
