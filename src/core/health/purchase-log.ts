// Every purchase (customer-day) with its amount, beside the ledger: the health check's questions
// need revenue per period, gaps between purchases and who sold what, which a fixed-size record per
// customer cannot hold. Memory grows with purchases, as issue 14 allows: rows of one customer-day
// that come one after another (a line-item export's items, one order's rows) merge into one entry.
// Only the entry just before is looked at: a look at each customer's latest entry would cost a
// cache miss on nearly every row of a file in random order, to merge rows such a file seldom has.
//
// Entries sit in typed arrays in the order they come, each with its customer, so that a million rows
// make no objects. The health check then takes them customer by customer, sorted by customer a
// block of customers at a time (see forEachCustomer): following each customer's entries through the
// arrays would wait on a cache miss at nearly every step. Customers are the ledger's numbers.

import { ManagerNames } from "../manager-names";
import { PagedArray } from "../paged-array";

/**
 * Entries sorted at a time (sortInBlocks): at least about 1 MB of arrays, and a quarter of the log
 * for a larger one, since each block is a pass over the whole log. Measured on a million entries of
 * 200,000 customers: four passes as fast as one sorted copy, sixteen twice as slow.
 */
const BLOCK_ENTRIES = 1 << 16;
const MOST_PASSES = 4;

/** Entry flags. */
export const REFUND = 1; // a negative amount: lowers revenue, no purchase
export const STARTED_BY_COMPANY = 2;
const FLAG_BITS = 2;
const FLAG_MASK = (1 << FLAG_BITS) - 1;

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
  /** A number of `PurchaseLog.managers`; 0 is "no manager". */
  manager: Int32Array;
  /** REFUND and STARTED_BY_COMPANY bits. */
  flags: Uint8Array;
}

/** Where customers' contacts are kept when the log keeps only which one is each customer's latest. */
export interface ContactSource {
  /** The customer's contact as `contactOf` tidies it; undefined for none. */
  contact(customer: number): string | undefined;
}

export class PurchaseLog {
  /** The managers of the entries: a ledger that fills this log numbers its managers here too. */
  readonly managers = new ManagerNames();

  /** Earliest and latest day of any entry, refunds included: the span the periods must cover. */
  firstDay = Number.POSITIVE_INFINITY;
  lastDay = Number.NEGATIVE_INFINITY;

  private size = 0;
  /**
   * Entry e's day at 2e, and its manager and flags at 2e + 1 (manager << FLAG_BITS | flags): side
   * by side, so that gathering a customer's entries from their random places reads two places an
   * entry (this and `amounts`), not four.
   */
  private dayTags = new Int32Array(2 * 1024);
  private amounts = new Float64Array(1024);
  private customers = new Int32Array(1024);
  /** Customers 0 … customerCount − 1 may have entries. */
  private customerCount = 0;
  /** The entries sorted elsewhere (useSorted), when they were. */
  private sorted: SortedEntries | undefined;
  /** The entries as logged went to be sorted (handOverEntries): only their sorted copy may be read. */
  private handedOver = false;

  /**
   * Customer → yearly budget, the latest non-blank value (by date, then row order), and its day:
   * NaN where none. Arrays by customer rather than a Map of small objects, which a million rows
   * with a budget cell would fill and leave for the collector.
   */
  private readonly budgets = new PagedArray((length) => new Float64Array(length).fill(Number.NaN));
  private readonly budgetDays = new PagedArray((length) => new Float64Array(length).fill(Number.NaN));
  private hasAnyBudget = false;
  /** Customer → email or phone, the latest non-blank one by date (unless kept by a ContactSource). */
  private readonly contacts: (string | undefined)[] = [];
  private readonly contactDays = new PagedArray((length) => new Float64Array(length).fill(Number.NaN));
  private contactSource: ContactSource | undefined;

  /** Entries kept (after merging), for tests and the bench. */
  get entries(): number {
    return this.size;
  }

  /**
   * Adds one order row of the ledger's `customer`; a negative amount is a refund; `manager` is the
   * number `managers` gave its cell. The ledger calls it (LedgerOptions.purchaseLog).
   */
  add(customer: number, day: number, amount: number, manager: number): void {
    const flags = amount < 0 ? REFUND : 0;
    if (customer >= this.customerCount) this.customerCount = customer + 1;
    if (day < this.firstDay) this.firstDay = day;
    if (day > this.lastDay) this.lastDay = day;
    const tag = (manager << FLAG_BITS) | flags;
    const last = this.size - 1;
    if (
      last >= 0 &&
      this.customers[last] === customer &&
      this.dayTags[2 * last] === day &&
      (this.dayTags[2 * last + 1]! & ~STARTED_BY_COMPANY) === tag
    ) {
      this.amounts[last] = this.amounts[last]! + amount;
      return;
    }
    const entry = this.appendEntry(day, amount, tag);
    this.customers[entry] = customer;
  }

  /**
   * Room for this many entries up front, for a caller that knows how many rows will come (a custom
   * function's ranges) or may come (the command line, from its file's size): growing by doubling would allocate about twice the room and leave the
   * smaller arrays to a full collection of a heap that holds the sheet's cells.
   */
  reserve(entries: number): void {
    if (entries <= this.amounts.length) return;
    this.resize(entries);
  }

  /** The company started the sale of the order just added (question 7). */
  markLastStartedByCompany(): void {
    const entry = this.size - 1;
    this.dayTags[2 * entry + 1] = this.dayTags[2 * entry + 1]! | STARTED_BY_COMPANY;
  }

  /** Records a customer's budget as of `day`; the latest day wins, and of one day the later row. */
  setBudget(customer: number, day: number, budget: number): void {
    if (!isLatest(this.budgetDays, customer, day)) return;
    this.budgets.reach(customer);
    this.budgets.set(customer, budget);
    this.hasAnyBudget = true;
  }

  /** Records a customer's email or phone as of `day`; the latest day wins. */
  setContact(customer: number, day: number, contact: string): void {
    if (!this.takesContact(customer, day)) return;
    // Filled up to the customer, so that the array stays a list and never turns into a hash table.
    while (this.contacts.length <= customer) this.contacts.push(undefined);
    this.contacts[customer] = contact;
  }

  /**
   * Whether a contact of `customer` as of `day` is their latest so far, which it then becomes: for
   * a caller that keeps the contacts itself (see useContactSource) and asks before keeping one.
   */
  takesContact(customer: number, day: number): boolean {
    return isLatest(this.contactDays, customer, day);
  }

  /**
   * Contacts are kept by `source`, not here: the command line keeps each as the place of its cell
   * in the file, and reads back only the few a report shows. Only `takesContact` then decides
   * which contact is a customer's.
   */
  useContactSource(source: ContactSource): void {
    this.contactSource = source;
  }

  budget(customer: number): number | undefined {
    const budget = this.budgets.reached(customer) ? this.budgets.get(customer) : Number.NaN;
    return Number.isNaN(budget) ? undefined : budget;
  }

  get hasBudgets(): boolean {
    return this.hasAnyBudget;
  }

  contact(customer: number): string | undefined {
    if (this.contactSource === undefined) return this.contacts[customer];
    const taken = this.contactDays.reached(customer) && !Number.isNaN(this.contactDays.get(customer));
    return taken ? this.contactSource.contact(customer) : undefined;
  }

  /**
   * Every entry's customer, day and flags, in the order they were logged: for a figure that neither
   * sums amounts nor needs a customer's days in order, which then costs no sort.
   */
  forEachEntry(visit: (customer: number, day: number, flags: number) => void): void {
    this.checkEntriesHere();
    const { size, customers, dayTags } = this;
    for (let entry = 0; entry < size; entry++) visit(customers[entry]!, dayTags[2 * entry]!, dayTags[2 * entry + 1]! & FLAG_MASK);
  }

  /** Every customer with an entry, in customer order, with their entries sorted (see EntryRun). */
  forEachCustomer(visit: (customer: number, run: EntryRun) => void): void {
    if (this.sorted !== undefined) {
      visitSorted(this.sorted, visit);
      return;
    }
    this.checkEntriesHere();
    // Into one block's room, reused, not into a sorted copy of the whole log: a copy that large
    // makes V8 collect the whole heap, a custom function's sheet cells and all (its "external
    // memory pressure"), which costs more than the check.
    sortInBlocks(this.entriesAsLogged(), visit);
  }

  /**
   * The entries as logged, handed over to be sorted on another thread (sortLogEntries) while this
   * one does other work: the command line's counting thread gives them to the reading thread, idle
   * by then, by transfer, which empties this log's arrays. No entry may be read here again until
   * `useSorted` gives them back sorted.
   */
  handOverEntries(): LoggedEntries {
    this.checkEntriesHere();
    this.handedOver = true;
    return this.entriesAsLogged();
  }

  private entriesAsLogged(): LoggedEntries {
    const { size, customerCount, customers, dayTags, amounts } = this;
    return { size, customerCount, customers, dayTags, amounts };
  }

  /** A read of the entries as logged, once handed over, would find none: a wrong figure, so an error instead. */
  private checkEntriesHere(): void {
    if (this.handedOver)
      throw new Error("the purchase log's entries were handed over to be sorted: only forEachCustomer reads them, once back");
  }

  /** The entries as sortLogEntries sorted them, for every later visit. */
  useSorted(sorted: SortedEntries): void {
    this.sorted = sorted;
  }

  private appendEntry(day: number, amount: number, tag: number): number {
    if (this.size === this.amounts.length) this.grow();
    const entry = this.size++;
    this.dayTags[2 * entry] = day;
    this.dayTags[2 * entry + 1] = tag;
    this.amounts[entry] = amount;
    return entry;
  }

  private grow(): void {
    this.resize(this.amounts.length * 2);
  }

  private resize(capacity: number): void {
    this.dayTags = grown(this.dayTags, new Int32Array(2 * capacity));
    this.amounts = grown(this.amounts, new Float64Array(capacity));
    this.customers = grown(this.customers, new Int32Array(capacity));
  }
}

/** The log's entries in the order they came: the first `size` of each array (dayTags holds two a entry). */
export interface LoggedEntries {
  size: number;
  customerCount: number;
  customers: Int32Array;
  dayTags: Int32Array;
  amounts: Float64Array;
}

/** Entries sorted by customer, each customer's by day: customer c's at `ends[c − 1]` (0 for c = 0) … `ends[c]` − 1. */
export interface SortedEntries extends Omit<EntryRun, "start" | "end"> {
  ends: Int32Array;
}

/**
 * Whether a value of `customer` as of `day` is their latest so far (by day; of one day, the later
 * row), in which case `day` becomes the day of their latest: the one rule for budgets and contacts.
 */
function isLatest(days: PagedArray<Float64Array>, customer: number, day: number): boolean {
  days.reach(customer);
  // NaN (none yet) compares false, so `day < NaN` lets the first one in.
  if (day < days.get(customer)) return false;
  days.set(customer, day);
  return true;
}

/**
 * The whole log sorted, mostly in its own arrays, for a thread that owns them (the command line's
 * reading thread, idle by then). A sorted copy would be 17 bytes an entry of fresh memory, whose
 * first touch costs a third of the sort on a machine where a page faults in at 11 µs; this takes 9:
 * the amounts (8 bytes) and flags (1) go to new room, the days and managers to the amounts' old room.
 */
export function sortLogEntries({ size, customerCount, customers, dayTags, amounts }: LoggedEntries): SortedEntries {
  const ends = firstPlaces(customers, size, customerCount).places;
  // Each entry's place in the sorted log, over its customer; after it, ends[c] is where c's entries end.
  const places = customers;
  for (let entry = 0; entry < size; entry++) places[entry] = ends[customers[entry]!]!++;
  const amount = new Float64Array(size);
  for (let entry = 0; entry < size; entry++) amount[places[entry]!] = amounts[entry]!;
  const day = new Int32Array(amounts.buffer, amounts.byteOffset, size);
  const manager = new Int32Array(amounts.buffer, amounts.byteOffset + 4 * size, size);
  const flags = new Uint8Array(size);
  for (let entry = 0; entry < size; entry++) {
    const at = places[entry]!;
    const tag = dayTags[2 * entry + 1]!;
    day[at] = dayTags[2 * entry]!;
    manager[at] = tag >> FLAG_BITS;
    flags[at] = tag & FLAG_MASK;
  }
  const run: EntryRun = { start: 0, end: 0, day, amount, manager, flags };
  for (let customer = 0, from = 0; customer < customerCount; customer++) {
    run.start = from;
    run.end = from = ends[customer]!;
    sortByDay(run);
  }
  return { ends, day, amount, manager, flags };
}

/**
 * Each customer's first place in the log sorted by customer, from how many entries each has; and
 * the most entries any one has.
 */
function firstPlaces(customerOf: Int32Array, size: number, customers: number): { places: Int32Array; longest: number } {
  const places = new Int32Array(customers);
  for (let entry = 0; entry < size; entry++) places[customerOf[entry]!]!++;
  let longest = 0;
  for (let customer = 0, sum = 0; customer < customers; customer++) {
    const count = places[customer]!;
    if (count > longest) longest = count;
    places[customer] = sum;
    sum += count;
  }
  return { places, longest };
}

function visitSorted(sorted: SortedEntries, visit: (customer: number, run: EntryRun) => void): void {
  const { ends } = sorted;
  const run: EntryRun = { start: 0, end: 0, day: sorted.day, amount: sorted.amount, manager: sorted.manager, flags: sorted.flags };
  for (let customer = 0, from = 0; customer < ends.length; customer++) {
    const end = ends[customer]!;
    if (end === from) continue;
    run.start = from;
    run.end = end;
    visit(customer, run);
    from = end;
  }
}

/**
 * Sorts the entries by customer (stably, so each customer's keep the rows' order) a block of
 * customers at a time, into arrays with room for one block, reused from block to block, then each
 * customer's by day; visits each customer with entries in order. Each block is a pass over the
 * whole log that keeps its customers' entries: a few passes of reads in order, whose writes stay in
 * a block's room, cost less than one pass writing every entry to a random place. The log's own
 * arrays are left as they are.
 */
function sortInBlocks(
  { size, customerCount: customers, customers: customerOf, dayTags, amounts }: LoggedEntries,
  visit: (customer: number, run: EntryRun) => void,
): void {
  // The customer's first place, which the pass below moves to its end.
  const { places: ends, longest } = firstPlaces(customerOf, size, customers);
  const room = Math.max(BLOCK_ENTRIES, Math.ceil(size / MOST_PASSES), longest);
  const run: EntryRun = {
    start: 0,
    end: 0,
    day: new Int32Array(room),
    amount: new Float64Array(room),
    manager: new Int32Array(room),
    flags: new Uint8Array(room),
  };
  const { day: runDays, amount: runAmounts, manager: runManagers, flags: runFlags } = run;
  for (let first = 0, begin = 0; first < customers; ) {
    let last = first + 1;
    while (last < customers && (last + 1 < customers ? ends[last + 1]! : size) - begin <= room) last++;
    const blockEnd = last < customers ? ends[last]! : size;
    for (let entry = 0; entry < size; entry++) {
      const customer = customerOf[entry]!;
      if (customer < first || customer >= last) continue;
      const at = ends[customer]!++ - begin;
      const tag = dayTags[2 * entry + 1]!;
      runDays[at] = dayTags[2 * entry]!;
      runAmounts[at] = amounts[entry]!;
      runManagers[at] = tag >> FLAG_BITS;
      runFlags[at] = tag & FLAG_MASK;
    }
    for (let customer = first, from = begin; customer < last; customer++) {
      const end = ends[customer]!;
      if (end === from) continue;
      run.start = from - begin;
      run.end = end - begin;
      sortByDay(run);
      visit(customer, run);
      from = end;
    }
    first = last;
    begin = blockEnd;
  }
}

/** `bigger` with `old` copied to its start. */
export function grown<T extends Int32Array | Float64Array | Uint8Array>(old: T, bigger: T): T {
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
    if (!(days[j]! > day || (days[j] === day && (allFlags[j]! & REFUND) > refund))) continue;
    const amount = amounts[i]!;
    const manager = managers[i]!;
    const flags = allFlags[i]!;
    // Moved one by one: runs are a few entries, too short for copyWithin's call to pay.
    do {
      days[j + 1] = days[j]!;
      amounts[j + 1] = amounts[j]!;
      managers[j + 1] = managers[j]!;
      allFlags[j + 1] = allFlags[j]!;
      j--;
    } while (j >= run.start && (days[j]! > day || (days[j] === day && (allFlags[j]! & REFUND) > refund)));
    days[j + 1] = day;
    amounts[j + 1] = amount;
    managers[j + 1] = manager;
    allFlags[j + 1] = flags;
  }
}
