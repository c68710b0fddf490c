// The ledger as the counting engine fills it: through the core's bulk-loading door, with names
// kept as numbers in a NameStore. The figures must be the core's.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IndexedLedger } from "../../../src/cli/counting/indexed-ledger";
import { NameStore } from "../../../src/cli/counting/name-store";
import { customerKey } from "../../../src/core/customer-key";
import { CustomerLedger } from "../../../src/core/ledger";

describe("IndexedLedger", () => {
  it("numbers customers added as known-new in order, and keys by them when asked", () => {
    const names = new NameStore();
    const ledger = new IndexedLedger({}, names);
    expect(ledger.addNewCustomer(names.addText("  Анна "), 19_010, 5, "Ира")).toBe(0);
    expect(ledger.add(customerKey("Bob"), "Bob", 19_011, 7)).toBe(1);
    // The index by key is made from the names of customers added without one.
    expect(ledger.add(customerKey("АННА"), "АННА", 19_030, 1, "Олег")).toBe(0);
    expect(ledger.numberOf("анна")).toBe(0);
    expect(ledger.addNewCustomer(names.addText("Cid"), 19_040, 0, undefined)).toBe(2);
    expect(ledger.numberOf("cid")).toBe(2);
    expect([ledger.name(0), ledger.key(0), ledger.manager(0)]).toEqual(["Анна", "анна", "Ира"]);
    expect([ledger.first(0), ledger.second(0), ledger.last(0), ledger.totalAmount(0)]).toEqual([19_010, 19_030, 19_030, 6]);
  });

  it("reads a name from the store only when it is shown or keyed", () => {
    const names = new NameStore();
    const anna = names.addText("  Анна  Петрова ");
    const bob = names.addText("BOB");
    const asked: number[] = [];
    const text = names.text.bind(names);
    names.text = (name) => {
      asked.push(name);
      return text(name);
    };
    const ledger = new IndexedLedger({}, names);
    ledger.addNewCustomer(anna, 19_010, 5, undefined);
    ledger.addNewCustomer(bob, 19_011, 7, undefined);
    ledger.addTo(0, 19_020, 1);
    expect(asked).toEqual([]);
    expect(ledger.name(0)).toBe("Анна Петрова");
    expect(ledger.key(1)).toBe("bob");
    expect(ledger.numberOf("анна петрова")).toBe(0);
  });

  it("credits each customer's first purchase to the manager the core's ledger credits, names tidied alike", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(5), fc.integer({ min: 19_000, max: 19_010 }), fc.nat(4)), { minLength: 1, maxLength: 60 }),
        (orders) => {
          // Untidy names, a blank one and none at all, each the same string on every row, as batches carry them.
          const managers = ["  Ира  Петрова ", "Олег", "олег", "", undefined];
          const names = new NameStore();
          const indexed = new IndexedLedger({}, names);
          const core = new CustomerLedger();
          const numbers = new Map<number, number>();
          for (const [customer, day, manager] of orders) {
            const raw = managers[manager];
            const known = numbers.get(customer);
            if (known === undefined) numbers.set(customer, indexed.addNewCustomer(names.addText(`c${customer}`), day, 1, raw));
            else indexed.addTo(known, day, 1, raw);
            core.add(`c${customer}`, `c${customer}`, day, 1, raw);
          }
          for (const [customer, number] of numbers) expect(indexed.manager(number)).toBe(core.manager(core.numberOf(`c${customer}`)!));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("keeps customers past the room reserved for them", () => {
    const names = new NameStore();
    const ledger = new IndexedLedger({}, names);
    for (let customer = 0; customer < 5000; customer++)
      ledger.addNewCustomer(names.addText(`c${customer}`), 19_000 + customer, 1, undefined);
    ledger.addTo(0, 19_100, 2);
    expect([ledger.size, ledger.first(4999), ledger.second(0), ledger.totalAmount(0)]).toEqual([5000, 23_999, 19_100, 3]);
  });
});
