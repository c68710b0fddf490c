// The one pass over the orders. Each customer keeps a fixed-size record (first, second and last
// purchase day, a few sums), so memory grows with customers, not orders. Only the metrics that
// need more (distinct purchase days, periods bought in) ask for it, and then per customer.

import { customerDisplayName } from "./customer-key";
import { periodIndex, type Period } from "./periods";

/** "No such day": later than any real day, so `day < NO_DAY` holds for every order. */
export const NO_DAY = Number.POSITIVE_INFINITY;

export interface DayWindow {
  /** First day, inclusive; absent means open. */
  start?: number;
  /** Last day, inclusive; absent means open. */
  end?: number;
}

export interface LedgerOptions {
  /** Sum amounts of orders dated in this window separately (repeat revenue share). */
  amountWindow?: DayWindow;
  /** Keep each customer's distinct purchase days (purchase counts). */
  trackDays?: boolean;
  /** Keep the periods each customer bought in (cohort matrix). */
  trackPeriods?: Period;
}

export class CustomerRecord {
  /** Second distinct purchase day, or NO_DAY. */
  second = NO_DAY;
  last: number;
  firstDayAmount: number;
  windowAmount = 0;
  totalAmount = 0;
  days: Set<number> | undefined;
  periods: Set<number> | undefined;

  constructor(
    readonly key: string,
    /** As first spelled in the range. */
    readonly name: string,
    public first: number,
    amount: number,
    /** Who made the first purchase: the book asks whose new customers come back. */
    public manager: string,
  ) {
    this.last = first;
    this.firstDayAmount = amount;
  }

  get hasReturned(): boolean {
    return this.second !== NO_DAY;
  }

  /** Days from the first to the second purchase; NO_DAY when there was none. */
  get daysToSecond(): number {
    return this.second - this.first;
  }
}

export function inWindow(day: number, window: DayWindow): boolean {
  return (window.start === undefined || day >= window.start) && (window.end === undefined || day <= window.end);
}

export class CustomerLedger {
  readonly customers = new Map<string, CustomerRecord>();
  earliestDay = NO_DAY;
  latestDay = Number.NEGATIVE_INFINITY;
  orders = 0;

  // The options, read once: `count` runs for every order.
  private readonly amountWindow: DayWindow | undefined;
  private readonly trackDays: boolean;
  private readonly trackPeriods: Period | undefined;

  constructor(readonly options: LedgerOptions = {}) {
    this.amountWindow = options.amountWindow;
    this.trackDays = options.trackDays === true;
    this.trackPeriods = options.trackPeriods;
  }

  /**
   * Adds one order and returns its customer's record. `key` must come from `customerKey`; `day` is
   * an epoch day. The raw name and manager cells are tidied only when kept, which keeps the
   * per-row cost down.
   */
  add(key: string, rawName: unknown, day: number, amount = 0, rawManager?: unknown): CustomerRecord {
    const known = this.customers.get(key);
    if (known !== undefined) {
      this.addTo(known, day, amount, rawManager);
      return known;
    }
    const customer = new CustomerRecord(key, customerDisplayName(rawName), day, amount, customerDisplayName(rawManager));
    this.customers.set(key, customer);
    this.count(customer, day, amount);
    return customer;
  }

  /**
   * Adds an order of a customer already in this ledger. A caller that keeps the records it got
   * from `add` (the CLI, keyed by raw bytes) saves the key lookup on every row.
   */
  addTo(customer: CustomerRecord, day: number, amount = 0, rawManager?: unknown): void {
    this.placeDay(customer, day, amount, rawManager);
    this.count(customer, day, amount);
  }

  private count(customer: CustomerRecord, day: number, amount: number): void {
    this.orders++;
    if (day < this.earliestDay) this.earliestDay = day;
    if (day > this.latestDay) this.latestDay = day;
    customer.totalAmount += amount;
    if (this.amountWindow === undefined || inWindow(day, this.amountWindow)) customer.windowAmount += amount;
    if (this.trackDays) (customer.days ??= new Set()).add(day);
    if (this.trackPeriods) (customer.periods ??= new Set()).add(periodIndex(day, this.trackPeriods));
  }

  private placeDay(customer: CustomerRecord, day: number, amount: number, rawManager: unknown): void {
    if (day < customer.first) {
      customer.second = customer.first;
      customer.first = day;
      customer.firstDayAmount = amount;
      customer.manager = customerDisplayName(rawManager);
    } else if (day === customer.first) {
      customer.firstDayAmount += amount;
      // Several orders on the first day: the result must not depend on row order, so a named
      // manager wins over a blank one, and of two names the one that sorts first.
      const manager = customerDisplayName(rawManager);
      if (manager !== "" && (customer.manager === "" || manager < customer.manager)) customer.manager = manager;
    } else if (day < customer.second) {
      customer.second = day;
    }
    if (day > customer.last) customer.last = day;
  }

  get isEmpty(): boolean {
    return this.customers.size === 0;
  }
}
