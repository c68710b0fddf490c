// The one pass over the orders. Each customer keeps a fixed-size record (first, second and last
// purchase day, a few sums), so memory grows with customers, not orders. Only the metrics that
// need more (distinct purchase days, periods bought in) ask for it, and then per customer.
//
// Customers are numbered 0, 1, … in the order they first appear, and their figures sit side by
// side in Float64Arrays, eight numbers a customer (pages of them: see paged-array.ts). A row's
// update then touches one or two cache lines instead of a heap object the collector has to trace:
// at a million rows and 200,000 customers that is most of the difference between one second and a
// third of one.
//
// An order with a negative amount (a refund or cancellation) is no purchase: it places no day and
// makes nobody a customer, but it lowers the customer's revenue. Its day is kept (refunds are
// few), so that it counts against the first purchase's revenue when dated on that day, whatever
// the row order. A customer seen only in refunds has no purchase (`first` is NO_DAY) and is left
// out of every customer figure.

import { customerDisplayName, customerKey } from "./customer-key";
import { ManagerNames } from "./manager-names";
import type { PurchaseLog } from "./health/purchase-log";
import { PagedArray } from "./paged-array";
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
  /** Log every order, by customer number, for the health check (memory grows with purchases). */
  purchaseLog?: PurchaseLog;
  /** About how many customers will come, when the caller can tell (the command line, from the file's size). */
  expectedCustomers?: number;
}

// A customer's figures in `facts`, at customer × STRIDE + field.
const FIRST = 0; // first purchase day
const SECOND = 1; // second distinct purchase day, or NO_DAY
const LAST = 2;
const FIRST_DAY_AMOUNT = 3;
const WINDOW_AMOUNT = 4; // amounts of orders dated in the amount window
const TOTAL_AMOUNT = 5;
const STRIDE = 8; // 64 bytes, a cache line's worth (two spare fields); pages hold whole records

/** Whether a real day (never NO_DAY) falls in the window. */
export function inWindow(day: number, window: DayWindow): boolean {
  return day !== NO_DAY && (window.start === undefined || day >= window.start) && (window.end === undefined || day <= window.end);
}

export class CustomerLedger {
  /** Earliest and latest purchase day (refunds are not purchases). */
  earliestDay = NO_DAY;
  latestDay = Number.NEGATIVE_INFINITY;
  /** Rows added, refunds included. */
  orders = 0;
  /** Rows with a negative amount (their sum is `refundAmount`). */
  refunds = 0;
  /** Customers with at least one purchase. */
  customers = 0;

  /** Key → customer number, made when first needed: callers that keep their own index never need it. */
  private numbers: Map<string, number> | undefined;
  private readonly facts: PagedArray<Float64Array>;
  /** As first spelled; tidied when asked for, since most names are never shown. The key is `customerKey(rawName)`. */
  private readonly rawNames: unknown[] = [];
  /** Who made the first purchase (a number of `managerNames`): the book asks whose new customers come back. */
  private readonly managers: number[] = [];
  private readonly daySets: Set<number>[] = [];
  private readonly periodSets: Set<number>[] = [];
  /** The purchase log's managers where there is one, so that both number them alike. */
  private readonly managerNames: ManagerNames;
  /** Customer → refunded amount by day, for the few customers with refunds. */
  private readonly refundsByDay = new Map<number, Map<number, number>>();

  // The options, read once: `count` runs for every order.
  private readonly amountWindow: DayWindow | undefined;
  private readonly trackDays: boolean;
  private readonly trackPeriods: Period | undefined;
  private readonly purchaseLog: PurchaseLog | undefined;

  constructor(readonly options: LedgerOptions = {}) {
    this.facts = new PagedArray((length) => new Float64Array(length), (options.expectedCustomers ?? 0) * STRIDE);
    // The room asked for is taken now, where a caller can still do without it if refused.
    if (options.expectedCustomers) this.facts.reach(0);
    this.amountWindow = options.amountWindow;
    this.trackDays = options.trackDays === true;
    this.trackPeriods = options.trackPeriods;
    this.purchaseLog = options.purchaseLog;
    this.managerNames = options.purchaseLog?.managers ?? new ManagerNames();
  }

  /**
   * Number of records; they are numbered 0 … size-1. A record seen only in refunds is no customer:
   * see `hasPurchase`, and `customers` for the count of those that are.
   */
  get size(): number {
    return this.rawNames.length;
  }

  /** No purchase at all. */
  get isEmpty(): boolean {
    return this.customers === 0;
  }

  hasPurchase(customer: number): boolean {
    return this.first(customer) !== NO_DAY;
  }

  /** The customer with this key (from `customerKey`), or undefined. */
  numberOf(key: string): number | undefined {
    return this.index().get(key);
  }

  private index(): Map<string, number> {
    return (this.numbers ??= new Map(this.rawNames.map((_, customer) => [this.key(customer), customer])));
  }

  /**
   * Adds one order and returns its customer's number. `key` must be `customerKey(rawName)`; `day`
   * is a whole epoch day (metrics count days in arrays indexed by them). The raw name and manager
   * cells are tidied only when kept, which keeps the per-row cost down.
   */
  add(key: string, rawName: unknown, day: number, amount = 0, rawManager?: unknown): number {
    const numbers = this.index();
    const known = numbers.get(key);
    if (known !== undefined) {
      this.addTo(known, day, amount, rawManager);
      return known;
    }
    numbers.set(key, this.size);
    return this.append(rawName, day, amount, rawManager);
  }

  private append(rawName: unknown, day: number, amount: number, rawManager: unknown): number {
    const customer = this.rawNames.length;
    this.rawNames.push(rawName);
    const manager = this.managerNames.number(rawManager);
    this.managers.push(manager);
    this.facts.reach(customer * STRIDE + STRIDE - 1);
    const facts = this.facts.page(customer * STRIDE);
    const at = this.facts.offset(customer * STRIDE);
    facts[at + SECOND] = NO_DAY;
    if (amount < 0) {
      facts[at + FIRST] = NO_DAY;
      facts[at + LAST] = Number.NEGATIVE_INFINITY;
    } else {
      facts[at + FIRST] = day;
      facts[at + LAST] = day;
      facts[at + FIRST_DAY_AMOUNT] = amount;
      this.customers++;
    }
    this.count(customer, day, amount, manager);
    return customer;
  }

  /**
   * Adds an order of a customer already in this ledger. A caller that keeps the numbers it got
   * from `add` saves the key lookup on every row. Each customer's orders must come in
   * the order of the rows, but different customers' orders may be interleaved otherwise (a caller
   * may add the new customers of a group of rows first): so nothing this ledger keeps across customers may
   * depend on order (today: the earliest and latest day and a count).
   */
  addTo(customer: number, day: number, amount = 0, rawManager?: unknown): void {
    const manager = this.managerNames.number(rawManager);
    if (amount >= 0) this.placeDay(customer, day, amount, manager);
    this.count(customer, day, amount, manager);
  }

  private count(customer: number, day: number, amount: number, manager: number): void {
    this.orders++;
    this.purchaseLog?.add(customer, day, amount, manager);
    if (amount < 0) {
      this.refunds++;
      let byDay = this.refundsByDay.get(customer);
      if (byDay === undefined) this.refundsByDay.set(customer, (byDay = new Map()));
      byDay.set(day, (byDay.get(day) ?? 0) + amount);
    } else {
      if (day < this.earliestDay) this.earliestDay = day;
      if (day > this.latestDay) this.latestDay = day;
    }
    const facts = this.facts.page(customer * STRIDE);
    const at = this.facts.offset(customer * STRIDE);
    facts[at + TOTAL_AMOUNT] = facts[at + TOTAL_AMOUNT]! + amount;
    if (this.amountWindow === undefined || inWindow(day, this.amountWindow))
      facts[at + WINDOW_AMOUNT] = facts[at + WINDOW_AMOUNT]! + amount;
    if (amount < 0) return;
    if (this.trackDays) (this.daySets[customer] ??= new Set()).add(day);
    if (this.trackPeriods) (this.periodSets[customer] ??= new Set()).add(periodIndex(day, this.trackPeriods));
  }

  private placeDay(customer: number, day: number, amount: number, manager: number): void {
    const facts = this.facts.page(customer * STRIDE);
    const at = this.facts.offset(customer * STRIDE);
    const first = facts[at + FIRST]!;
    if (first === NO_DAY) this.customers++;
    if (day < first) {
      facts[at + SECOND] = first;
      facts[at + FIRST] = day;
      facts[at + FIRST_DAY_AMOUNT] = amount;
      this.managers[customer] = manager;
    } else if (day === first) {
      facts[at + FIRST_DAY_AMOUNT] = facts[at + FIRST_DAY_AMOUNT]! + amount;
      // Several orders on the first day: the result must not depend on row order, so a named
      // manager wins over a blank one, and of two the one whose key sorts first.
      const current = this.managers[customer]!;
      if (manager !== 0 && (current === 0 || this.managerNames.sortsBefore(manager, current))) this.managers[customer] = manager;
    } else if (day < facts[at + SECOND]!) {
      facts[at + SECOND] = day;
    }
    if (day > facts[at + LAST]!) facts[at + LAST] = day;
  }

  /**
   * The sum of the refunds (≤ 0), added up by customer number, then each customer's in row order:
   * a sum as the rows come would depend on how callers interleave customers (see `addTo`), and
   * floating-point sums differ in the last digits with the order.
   */
  get refundAmount(): number {
    let sum = 0;
    for (const customer of [...this.refundsByDay.keys()].sort((a, b) => a - b)) {
      for (const amount of this.refundsByDay.get(customer)!.values()) sum += amount;
    }
    return sum;
  }

  key(customer: number): string {
    return customerKey(this.nameCell(customer));
  }

  /** As first spelled, tidied for display. */
  name(customer: number): string {
    return customerDisplayName(this.nameCell(customer));
  }

  manager(customer: number): string {
    return this.managerNames.name(this.managers[customer]!);
  }

  private fact(customer: number, field: number): number {
    return this.facts.get(customer * STRIDE + field);
  }

  first(customer: number): number {
    return this.fact(customer, FIRST);
  }

  /** Second distinct purchase day, or NO_DAY. */
  second(customer: number): number {
    return this.fact(customer, SECOND);
  }

  last(customer: number): number {
    return this.fact(customer, LAST);
  }

  /** Days from the first to the second purchase; NO_DAY when there was none. */
  daysToSecond(customer: number): number {
    return this.second(customer) - this.first(customer);
  }

  /** Returned: a second purchase, within `withinDays` calendar days of the first when given. */
  hasReturned(customer: number, withinDays?: number): boolean {
    return withinDays === undefined ? this.second(customer) !== NO_DAY : this.daysToSecond(customer) <= withinDays;
  }

  /** Amount of the first purchase day, less the refunds dated that day. */
  firstDayAmount(customer: number): number {
    const refunded = this.refundsByDay.get(customer)?.get(this.first(customer)) ?? 0;
    return this.fact(customer, FIRST_DAY_AMOUNT) + refunded;
  }

  /** Amounts of the customer's orders dated in the amount window (all of them without one), refunds included. */
  windowAmount(customer: number): number {
    return this.fact(customer, WINDOW_AMOUNT);
  }

  totalAmount(customer: number): number {
    return this.fact(customer, TOTAL_AMOUNT);
  }

  /** Distinct purchase days; needs `trackDays`. */
  days(customer: number): ReadonlySet<number> {
    if (!this.trackDays) throw new Error("this ledger does not track days");
    return this.daySets[customer]!;
  }

  /** Periods bought in; needs `trackPeriods`. */
  periods(customer: number): ReadonlySet<number> {
    if (this.trackPeriods === undefined) throw new Error("this ledger does not track periods");
    return this.periodSets[customer]!;
  }

  // ── Bulk loading ───────────────────────────────────────────────────────────────────────────
  // The one door for a subclass that keeps its own index of customers and its own store of names:
  // the command line's counting engine (src/cli/counting/indexed-ledger.ts), which keys customers
  // by bytes so that a million rows make no key strings, fetches a group of customers' figures
  // into cache before it adds their orders, and tidies each manager's name once, not once a row.
  // Everyone else adds orders by key (`add`) and reads figures; nothing here changes what a
  // figure means.

  /**
   * Adds the first order of a customer the caller knows is not in this ledger yet, and returns
   * their number, which saves making a key string for each.
   */
  protected addNew(rawName: unknown, day: number, amount: number, rawManager: unknown): number {
    const customer = this.append(rawName, day, amount, rawManager);
    this.numbers?.set(this.key(customer), customer);
    return customer;
  }

  /**
   * Reads the records of customers[0 … count-1] (negative numbers are passed over) and returns a
   * sum of what it read, which the caller keeps so that the reads are not optimised away. Adding
   * their orders next finds them in cache: a loop of independent reads lets the CPU fetch them all
   * at once, where one update after another waits for each cache miss in turn.
   */
  protected prefetch(customers: Int32Array, count: number): number {
    const facts = this.facts;
    let sum = 0;
    for (let i = 0; i < count; i++) {
      const customer = customers[i]!;
      if (customer >= 0) sum += facts.get(customer * STRIDE);
    }
    return sum;
  }

  /** The cell a customer's raw name stands for: the raw name itself, unless a subclass keeps names elsewhere. */
  protected nameCell(customer: number): unknown {
    return this.rawNames[customer];
  }
}
