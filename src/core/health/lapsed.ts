// Question 5: customers who leave and do not come back. A lapsed customer bought on at least two
// days, and has now gone more than `factor` times their own average gap ((last − first) ÷
// (purchases − 1)) and more than the business's median gap between purchases. "Now" is the latest
// purchase in the data. They are ranked by the revenue at stake: what they spent in the 12 months
// up to their last purchase, refunds included, and the refunds after it too (goods sent back after
// the last purchase lower what that year brought).

import { isoDate } from "../calendar";
import { medianOfCounts } from "../statistics";
import { grown } from "./purchase-log";
import { ROUNDING } from "./trend";

export const DEFAULT_LAPSED_FACTOR = 2;

/** A factor every surface accepts: above 1, since gone for less than one usual gap is not gone at all. */
export function isLapsedFactor(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value) && value > 1;
}

export interface LapsedCustomer {
  name: string;
  /** The manager of their last purchase. */
  manager: string;
  lastPurchase: string;
  /** Distinct purchase days. */
  purchases: number;
  /** Their average gap between purchases, in days. */
  usualGapDays: number;
  daysSinceLast: number;
  /** Null without an amount column. */
  revenueAtStake: number | null;
  /** An email or phone from a column headed like one, or "". */
  contact: string;
}

export interface LapsedList {
  /** All lapsed customers; `customers` holds the top of the list. */
  count: number;
  revenueAtStake: number | null;
  /** Customers with purchases on two days or more: who could lapse. */
  repeatCustomers: number;
  medianGapDays: number | null;
  factor: number;
  customers: LapsedCustomer[];
}

/** One manager's lapsed customers (by the manager of their last purchase), all of them, not only those listed. */
export interface LapsedOfManager {
  count: number;
  revenueAtStake: number;
}

/** What the list needs of one customer: their sorted distinct purchase days (the first `count` of `days`) and a few figures. */
export interface RepeatCustomer {
  customer: number;
  days: ArrayLike<number>;
  count: number;
  revenueAtStake: number;
  /** The manager of their last purchase, as the log numbers managers (ManagerNames; 0 for none). */
  manager: number;
}

/** Names for the customers and managers the list shows, by number. */
export interface LapsedNames {
  name(customer: number): string;
  contact(customer: number): string | undefined;
  manager(manager: number): string;
}

/**
 * Customers gone long against their own rhythm, column by column: a file may have a hundred
 * thousand, and as many small objects would outlive the young generation and be copied by each
 * collection (a tenth of the command line's health check on the bench's million rows).
 */
class Candidates {
  length = 0;
  customer = new Int32Array(1024);
  last = new Int32Array(1024);
  purchases = new Int32Array(1024);
  usualGap = new Float64Array(1024);
  revenueAtStake = new Float64Array(1024);
  manager = new Int32Array(1024);

  push(customer: number, last: number, purchases: number, usualGap: number, revenueAtStake: number, manager: number): void {
    if (this.length === this.customer.length) this.grow();
    const at = this.length++;
    this.customer[at] = customer;
    this.last[at] = last;
    this.purchases[at] = purchases;
    this.usualGap[at] = usualGap;
    this.revenueAtStake[at] = revenueAtStake;
    this.manager[at] = manager;
  }

  private grow(): void {
    const room = 2 * this.length;
    this.customer = grown(this.customer, new Int32Array(room));
    this.last = grown(this.last, new Int32Array(room));
    this.purchases = grown(this.purchases, new Int32Array(room));
    this.usualGap = grown(this.usualGap, new Float64Array(room));
    this.revenueAtStake = grown(this.revenueAtStake, new Float64Array(room));
    this.manager = grown(this.manager, new Int32Array(room));
  }
}

export class LapsedFinder {
  /** How many gaps between consecutive purchases have each length in days. */
  private readonly gapCounts: number[] = [];
  /** Gone long against their own rhythm: the business's median gap decides after the pass. */
  private readonly candidates = new Candidates();
  private repeatCustomers = 0;

  constructor(
    private readonly latestDay: number,
    private readonly factor: number,
  ) {}

  add({ customer, days, count, revenueAtStake, manager }: RepeatCustomer): void {
    for (let i = 1; i < count; i++) {
      const gap = days[i]! - days[i - 1]!;
      this.gapCounts[gap] = (this.gapCounts[gap] ?? 0) + 1;
    }
    if (count < 2) return;
    this.repeatCustomers++;
    const first = days[0]!;
    const last = days[count - 1]!;
    const usualGap = (last - first) / (count - 1);
    const gone = this.latestDay - last;
    // Gone exactly factor × the usual gap is not gone more, though 1.14 × 50 is 56.99999999999999.
    if (gone > this.factor * usualGap + ROUNDING) this.candidates.push(customer, last, count, usualGap, revenueAtStake, manager);
  }

  /** The lapsed customers, most at stake first (the longest gone first without amounts), capped at `limit`. */
  finish(names: LapsedNames, limit: number, hasAmounts: boolean): { list: LapsedList; byManager: Map<string, LapsedOfManager> } {
    const median = medianOfCounts(Array.from(this.gapCounts, (count) => count ?? 0));
    const { candidates, latestDay } = this;
    const lapsed: number[] = [];
    for (let at = 0; at < candidates.length; at++) if (median !== undefined && latestDay - candidates.last[at]! > median) lapsed.push(at);
    const byManager = new Map<string, LapsedOfManager>();
    let atStake = 0;
    for (const at of lapsed) {
      const manager = names.manager(candidates.manager[at]!);
      let ofManager = byManager.get(manager);
      if (ofManager === undefined) byManager.set(manager, (ofManager = { count: 0, revenueAtStake: 0 }));
      ofManager.count++;
      ofManager.revenueAtStake += candidates.revenueAtStake[at]!;
      atStake += candidates.revenueAtStake[at]!;
    }
    const shown = firstInOrder(lapsed, limit, hasAmounts ? mostAtStakeFirst(candidates) : longestGoneFirst(candidates));
    return {
      list: {
        count: lapsed.length,
        revenueAtStake: hasAmounts ? atStake : null,
        repeatCustomers: this.repeatCustomers,
        medianGapDays: median ?? null,
        factor: this.factor,
        customers: shown.map((at) => {
          const customer = candidates.customer[at]!;
          const last = candidates.last[at]!;
          return {
            name: names.name(customer),
            manager: names.manager(candidates.manager[at]!),
            lastPurchase: isoDate(last),
            purchases: candidates.purchases[at]!,
            usualGapDays: candidates.usualGap[at]!,
            daysSinceLast: latestDay - last,
            revenueAtStake: hasAmounts ? candidates.revenueAtStake[at]! : null,
            contact: names.contact(customer) ?? "",
          };
        }),
      },
      byManager,
    };
  }
}

// Ties fall to the customer seen first, so the order never depends on how a sort breaks them.
// Gone longer is the same as a last purchase earlier.
function mostAtStakeFirst({ revenueAtStake, last, customer }: Candidates): (a: number, b: number) => number {
  return (a, b) => revenueAtStake[b]! - revenueAtStake[a]! || last[a]! - last[b]! || customer[a]! - customer[b]!;
}

function longestGoneFirst({ last, purchases, customer }: Candidates): (a: number, b: number) => number {
  return (a, b) => last[a]! - last[b]! || purchases[b]! - purchases[a]! || customer[a]! - customer[b]!;
}

/**
 * The first `limit` items in the order `compare` gives, without sorting them all: a report lists 50
 * of what may be a hundred thousand lapsed customers.
 */
function firstInOrder<T>(items: readonly T[], limit: number, compare: (a: T, b: T) => number): T[] {
  if (items.length <= limit) return [...items].sort(compare);
  const kept: T[] = [];
  for (const item of items) {
    if (kept.length === limit && compare(item, kept[limit - 1]!) >= 0) continue;
    let at = kept.length;
    while (at > 0 && compare(item, kept[at - 1]!) < 0) at--;
    kept.splice(at, 0, item);
    if (kept.length > limit) kept.pop();
  }
  return kept;
}
