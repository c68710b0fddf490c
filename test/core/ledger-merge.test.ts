// Ledgers built over shares of an order log (the CLI's threads) and merged must equal the ledger
// of one pass over the whole log: same customers, same numbering, same figures.

import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CustomerLedger, customerKey, type LedgerOptions } from "../../src/core";

type Order = { customer: string; day: number; amount: number; manager: string };

const order = fc.record({
  customer: fc.constantFrom("Анна", "анна ", "Bob", "BOB", "Cid", "Dee", "12345", "Ёж", "ёж"),
  day: fc.integer({ min: 19_000, max: 19_100 }),
  amount: fc.integer({ min: 0, max: 1000 }),
  manager: fc.constantFrom("", "Ира", "Олег", "ира"),
});
const orders = fc.array(order, { minLength: 0, maxLength: 60 });
const OPTIONS: LedgerOptions = { amountWindow: { start: 19_020, end: 19_080 }, trackDays: true, trackPeriods: "week" };

function ledgerOf(list: readonly Order[]): { ledger: CustomerLedger; firstSeen: number[] } {
  const ledger = new CustomerLedger(OPTIONS);
  const firstSeen: number[] = [];
  for (const o of list) {
    ledger.add(customerKey(o.customer), o.customer, o.day, o.amount, o.manager);
    if (firstSeen.length < ledger.size) firstSeen.push((o as Order & { at: number }).at);
  }
  return { ledger, firstSeen };
}

function describeLedger(ledger: CustomerLedger): unknown {
  const customers = [];
  for (let c = 0; c < ledger.size; c++) {
    customers.push({
      key: ledger.key(c),
      name: ledger.name(c),
      manager: ledger.manager(c),
      days: [ledger.first(c), ledger.second(c), ledger.last(c)],
      amounts: [ledger.firstDayAmount(c), ledger.windowAmount(c), ledger.totalAmount(c)],
      bought: [...ledger.days(c)].sort(),
      periods: [...ledger.periods(c)].sort(),
    });
  }
  return { customers, orders: ledger.orders, earliest: ledger.earliestDay, latest: ledger.latestDay };
}

function shares(list: readonly Order[], shareOf: (o: Order) => number): ReturnType<typeof ledgerOf>[] {
  const numbered = list.map((o, at) => ({ ...o, at }));
  return [0, 1, 2].map((share) => ledgerOf(numbered.filter((o) => shareOf(o) === share)));
}

const whole = (list: readonly Order[]): CustomerLedger => ledgerOf(list.map((o, at) => ({ ...o, at }))).ledger;

describe("merging ledgers of shares of the orders", () => {
  it("equals one pass when each customer lives in one share", () => {
    fc.assert(
      fc.property(orders, (list) => {
        const byCustomer = shares(list, (o) => customerKey(o.customer).length % 3);
        expect(describeLedger(CustomerLedger.merge(byCustomer))).toEqual(describeLedger(whole(list)));
      }),
    );
  });

  it("survives a structured clone, and finds customers by key after it", () => {
    const list: Order[] = [
      { customer: "Анна", day: 19_010, amount: 5, manager: "Ира" },
      { customer: "Bob", day: 19_011, amount: 7, manager: "" },
      { customer: "анна", day: 19_030, amount: 1, manager: "Олег" },
    ];
    const original = whole(list);
    const copy = CustomerLedger.fromParts(structuredClone(original.toParts()));
    expect(describeLedger(copy)).toEqual(describeLedger(original));
    expect(copy.numberOf("анна")).toBe(0);
    expect(copy.numberOf("bob")).toBe(1);
    copy.add("cid", "Cid", 19_040);
    expect(copy.numberOf("cid")).toBe(2);
    expect(copy.first(2)).toBe(19_040);
  });
});
