import { describe, expect, it } from "vitest";
import { CustomerLedger, customerKey } from "../../src/core";

describe("CustomerLedger", () => {
  it("numbers customers in order of appearance, whether added by key or as known-new", () => {
    const ledger = new CustomerLedger();
    expect(ledger.addNew("  Анна ", 19_010, 5, "Ира")).toBe(0);
    expect(ledger.add(customerKey("Bob"), "Bob", 19_011, 7)).toBe(1);
    // The index by key is made from the names of customers added without one.
    expect(ledger.add(customerKey("АННА"), "АННА", 19_030, 1, "Олег")).toBe(0);
    expect(ledger.numberOf("анна")).toBe(0);
    expect(ledger.addNew("Cid", 19_040)).toBe(2);
    expect(ledger.numberOf("cid")).toBe(2);
    expect([ledger.name(0), ledger.key(0), ledger.manager(0)]).toEqual(["Анна", "анна", "Ира"]);
    expect([ledger.first(0), ledger.second(0), ledger.last(0), ledger.totalAmount(0)]).toEqual([19_010, 19_030, 19_030, 6]);
    expect([ledger.size, ledger.orders, ledger.earliestDay, ledger.latestDay]).toEqual([3, 4, 19_010, 19_040]);
  });

  it("keeps the first day's amount and, of several first-day orders, the named manager who sorts first", () => {
    const ledger = new CustomerLedger();
    ledger.add("x", "X", 19_020, 10, "");
    ledger.add("x", "X", 19_020, 5, "Олег");
    ledger.add("x", "X", 19_020, 1, "Ира");
    ledger.add("x", "X", 19_025, 100, "Борис");
    expect([ledger.firstDayAmount(0), ledger.totalAmount(0), ledger.manager(0)]).toEqual([16, 116, "Ира"]);
    // An earlier order moves the first day back and takes its manager.
    ledger.add("x", "X", 19_001, 2, "Яна");
    expect([ledger.first(0), ledger.second(0), ledger.firstDayAmount(0), ledger.manager(0)]).toEqual([19_001, 19_020, 2, "Яна"]);
  });
});

describe("CustomerLedger with names kept elsewhere", () => {
  it("asks for the cell of a raw name only when it is shown or keyed", () => {
    const cells = ["  Анна  Петрова ", "BOB"];
    const asked: unknown[] = [];
    const ledger = new CustomerLedger({
      nameCell: (raw) => {
        asked.push(raw);
        return cells[raw as number];
      },
    });
    ledger.addNew(0, 19_010, 5);
    ledger.addNew(1, 19_011, 7);
    ledger.addTo(0, 19_020, 1);
    expect(asked).toEqual([]);
    expect(ledger.name(0)).toBe("Анна Петрова");
    expect(ledger.key(1)).toBe("bob");
    expect(ledger.numberOf("анна петрова")).toBe(0);
  });
});
