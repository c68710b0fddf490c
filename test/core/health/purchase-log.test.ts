import { describe, expect, it } from "vitest";
import { PurchaseLog, REFUND, STARTED_BY_COMPANY, sortLogEntries } from "../../../src/core/health/purchase-log";
import { seededRandom } from "../../../src/lib/seeded-random";

interface Entry {
  day: number;
  amount: number;
  /** The manager's name ("": none), and whether it is a refund. */
  manager: string;
  refund: boolean;
}

/** What `forEachCustomer` gives, as plain lists: each customer's entries, in the order visited. */
function visited(log: PurchaseLog): Map<number, Entry[]> {
  const seen = new Map<number, Entry[]>();
  log.forEachCustomer((customer, run) => {
    const entries: Entry[] = [];
    for (let i = run.start; i < run.end; i++) {
      const manager = log.managers.name(run.manager[i]!);
      entries.push({ day: run.day[i]!, amount: run.amount[i]!, manager, refund: (run.flags[i]! & REFUND) !== 0 });
    }
    seen.set(customer, entries);
  });
  return seen;
}

/** `value` as a message between threads carries it: its typed arrays moved, not copied, leaving the sender's empty. */
function moved<T extends object>(value: T): T {
  const buffers = Object.values(value).flatMap((field) => (ArrayBuffer.isView(field) ? [field.buffer as ArrayBuffer] : []));
  return structuredClone(value, { transfer: [...new Set(buffers)] });
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
      log.useSorted(moved(sortLogEntries(moved(log.handOverEntries()))));
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
      // One row in seven a refund; managers by the row's number, a blank one among them.
      const amount = row % 7 === 0 ? -row : row;
      const manager = ["", "Anna", "Boris", "Вера"][row % 4]!;
      log.add(customer, day, amount, log.managers.number(manager));
      let list = expected.get(customer);
      if (list === undefined) expected.set(customer, (list = []));
      list.push({ day, amount, manager, refund: amount < 0 });
    }
    for (const list of expected.values()) list.sort((a, b) => a.day - b.day);
    const seen = visited(prepared(log));
    expect([...seen.keys()]).toEqual([...expected.keys()].sort((a, b) => a - b));
    for (const [customer, list] of expected) expect(seen.get(customer)).toEqual(list);
  });

  it("puts a day's purchases before its refunds, and keeps the rows' order within each", () => {
    const log = new PurchaseLog();
    log.add(0, 10, -5, log.managers.number(undefined));
    log.add(0, 10, 7, log.managers.number("Anna"));
    log.add(0, 9, 1, log.managers.number(undefined));
    log.add(0, 10, 3, log.managers.number("Boris"));
    expect(visited(prepared(log)).get(0)).toEqual([
      { day: 9, amount: 1, manager: "", refund: false },
      { day: 10, amount: 7, manager: "Anna", refund: false },
      { day: 10, amount: 3, manager: "Boris", refund: false },
      { day: 10, amount: -5, manager: "", refund: true },
    ]);
  });
});

describe("the purchase log's entries handed over", () => {
  it("gives no entry to a reader once they are handed over, until they come back sorted", () => {
    const log = new PurchaseLog();
    log.add(0, 10, 7, log.managers.number("Anna"));
    log.add(1, 11, 2, log.managers.number(undefined));
    const entries = moved(log.handOverEntries());
    expect(() => log.forEachCustomer(() => {})).toThrow(/handed over/);
    expect(() => log.forEachEntry(() => {})).toThrow(/handed over/);
    log.useSorted(moved(sortLogEntries(entries)));
    expect([...visited(log).keys()]).toEqual([0, 1]);
  });
});

describe("the purchase log's entries", () => {
  it("merges rows of one customer-day only when they come one after another", () => {
    const log = new PurchaseLog();
    const anna = log.managers.number("Anna");
    log.add(0, 10, 5, anna);
    log.add(0, 10, 7, anna); // the same order's next line: merges, 12
    log.add(1, 10, 1, anna);
    log.add(0, 10, 3, anna); // customer 0's day again after another customer's row: an entry of its own
    log.add(0, 10, -2, anna); // a refund never merges into a purchase
    log.markLastStartedByCompany();
    log.add(0, 10, -1, anna); // …but into the refund just before it, keeping its mark
    expect(log.entries).toBe(4);
    expect(visited(log).get(0)).toEqual([
      { day: 10, amount: 12, manager: "Anna", refund: false },
      { day: 10, amount: 3, manager: "Anna", refund: false },
      { day: 10, amount: -3, manager: "Anna", refund: true },
    ]);
    const flags: number[] = [];
    log.forEachEntry((customer, _day, entryFlags) => customer === 0 && flags.push(entryFlags));
    expect(flags).toEqual([0, 0, REFUND | STARTED_BY_COMPANY]);
  });
});

describe("the purchase log's contacts", () => {
  it("keeps the latest by day, then by row; with a source, only decides whose contact is kept", () => {
    const log = new PurchaseLog();
    const kept = new Map<number, string>();
    log.useContactSource({ contact: (customer) => kept.get(customer) });
    // Customer 3: day 10 taken first; day 5 (earlier) refused; day 10 again (a later row) taken; day 12 taken.
    expect([10, 5, 10, 12].map((day) => log.takesContact(3, day))).toEqual([true, false, true, true]);
    kept.set(3, "+7 900");
    expect(log.contact(3)).toBe("+7 900");
    // Customer 1 never had a contact taken: the source is not asked, whatever it holds.
    kept.set(1, "stale");
    expect(log.contact(1)).toBeUndefined();
    expect(log.contact(99)).toBeUndefined();
  });

  it("keeps the text itself without a source: the later day wins, and of one day the later row", () => {
    const log = new PurchaseLog();
    log.setContact(0, 20, "new");
    log.setContact(0, 10, "old");
    expect(log.contact(0)).toBe("new");
    log.setContact(0, 20, "newer");
    expect(log.contact(0)).toBe("newer");
  });
});
