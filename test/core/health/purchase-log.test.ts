import { describe, expect, it } from "vitest";
import { PurchaseLog, sortLogEntries } from "../../../src/core/health/purchase-log";
import { seededRandom } from "../../../src/lib/seeded-random";

interface Entry {
  day: number;
  amount: number;
}

/** What `forEachCustomer` gives, as plain lists: each customer's entries, in the order visited. */
function visited(log: PurchaseLog): Map<number, Entry[]> {
  const seen = new Map<number, Entry[]>();
  log.forEachCustomer((customer, run) => {
    const entries: Entry[] = [];
    for (let i = run.start; i < run.end; i++) entries.push({ day: run.day[i]!, amount: run.amount[i]! });
    seen.set(customer, entries);
  });
  return seen;
}

/**
 * The two ways a log is visited: sorting a block of customers at a time itself, or with its
 * entries sorted elsewhere and handed back, as the command line's threads do (copied here as a
 * message between threads copies them).
 */
const ways: [string, (log: PurchaseLog) => PurchaseLog][] = [
  ["sorting in blocks", (log) => log],
  [
    "sorted on another thread",
    (log) => {
      log.useSorted(structuredClone(sortLogEntries(structuredClone(log.loggedEntries()))));
      return log;
    },
  ],
];

describe.each(ways)("the purchase log, customer by customer, %s,", (_, prepared) => {
  it("visits every customer once, in order, with their entries by day: across many gathering blocks", () => {
    // 300,000 rows over 40,000 customers: forEachCustomer sorts them in four blocks of 75,000.
    // The expected lists come from a plain grouping and sort of the same rows.
    const next = seededRandom(7);
    const log = new PurchaseLog();
    const expected = new Map<number, Entry[]>();
    for (let row = 0; row < 300_000; row++) {
      const customer = Math.floor(next() * 40_000);
      // A day no other row has (it ends in the row's number), in random order, so no rows merge.
      const day = Math.floor(next() * 1_000) * 1_000_000 + row;
      const amount = row;
      log.add(customer, day, amount, undefined);
      let list = expected.get(customer);
      if (list === undefined) expected.set(customer, (list = []));
      list.push({ day, amount });
    }
    for (const list of expected.values()) list.sort((a, b) => a.day - b.day);
    const seen = visited(prepared(log));
    expect([...seen.keys()]).toEqual([...expected.keys()].sort((a, b) => a - b));
    for (const [customer, list] of expected) expect(seen.get(customer)).toEqual(list);
  });

  it("puts a day's purchases before its refunds, and keeps the rows' order within each", () => {
    const log = new PurchaseLog();
    log.add(0, 10, -5, undefined);
    log.add(0, 10, 7, "Anna");
    log.add(0, 9, 1, undefined);
    log.add(0, 10, 3, "Boris");
    const days: number[] = [];
    const amounts: number[] = [];
    prepared(log).forEachCustomer((_, run) => {
      for (let i = run.start; i < run.end; i++) {
        days.push(run.day[i]!);
        amounts.push(run.amount[i]!);
      }
    });
    expect(days).toEqual([9, 10, 10, 10]);
    expect(amounts).toEqual([1, 7, 3, -5]);
  });
});
