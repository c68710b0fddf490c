import { describe, expect, it } from "vitest";
import { CustomerLedger, customerKey } from "../../src/core";

describe("CustomerLedger", () => {
  it("numbers customers in order of appearance", () => {
    const ledger = new CustomerLedger();
    expect(ledger.add(customerKey("  Анна "), "  Анна ", 19_010, 5, "Ира")).toBe(0);
    expect(ledger.add(customerKey("Bob"), "Bob", 19_011, 7)).toBe(1);
    expect(ledger.add(customerKey("АННА"), "АННА", 19_030, 1, "Олег")).toBe(0);
    expect(ledger.numberOf("анна")).toBe(0);
    expect(ledger.add(customerKey("Cid"), "Cid", 19_040)).toBe(2);
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

  it("tidies each manager cell as written, whatever its type, past the names it remembers", () => {
    const ledger = new CustomerLedger();
    const cells: [cell: unknown, name: string][] = [
      [5, "5"],
      ["5", "5"],
      [-0, "0"],
      [" Ира  Петрова ", "Ира Петрова"],
      [null, ""],
      [undefined, ""],
      [true, "true"],
    ];
    for (const [i, [cell]] of cells.entries()) ledger.add(`c${i}`, `C${i}`, 19_000, 1, cell);
    expect(cells.map((_, i) => ledger.manager(i))).toEqual(cells.map(([, name]) => name));
    // A column of 25,000 different values (no manager column, but read as one): each still its own.
    for (let i = 0; i < 25_000; i++) ledger.add(`u${i}`, `U${i}`, 19_000, 1, ` m${i} `);
    expect([0, 9_999, 10_000, 24_999].map((i) => ledger.manager(cells.length + i))).toEqual(["m0", "m9999", "m10000", "m24999"]);
    // An earlier purchase of the first customer takes its manager, told apart from the names before.
    ledger.add("c0", "C0", 18_000, 1, "m3");
    expect(ledger.manager(0)).toBe("m3");
  });

  it("takes a manager's case and space variants as one manager, named by the spelling that sorts first", () => {
    const ledger = new CustomerLedger();
    ledger.add("a", "A", 19_000, 1, "Иванов");
    ledger.add("b", "B", 19_001, 1, " иванов ");
    // The spelling met later still names everyone's manager: "ИВАНОВ" sorts before "Иванов" (В < в).
    ledger.add("c", "C", 19_002, 1, "ИВАНОВ");
    expect([0, 1, 2].map((customer) => ledger.manager(customer))).toEqual(["ИВАНОВ", "ИВАНОВ", "ИВАНОВ"]);
    // Of two managers of a first day, the one whose key sorts first: "anna" before "boris", though
    // as written "Boris" sorts before "anna" (capitals first).
    ledger.add("d", "D", 19_003, 1, "Boris");
    ledger.add("d", "D", 19_003, 1, "anna");
    expect(ledger.manager(3)).toBe("anna");
  });
});
