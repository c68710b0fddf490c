// Properties that must hold for any order log, checked against a brute-force oracle that sorts
// each customer's distinct days (the obvious, slow way) instead of the ledger's one pass.

import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  analyzeLedger,
  cohortMatrix,
  countRetention,
  CustomerLedger,
  customerKey,
  retentionCohorts,
  retentionRate,
  type DayWindow,
} from "../../src/core";

type Order = { customer: string; day: number; amount: number };

const order = fc.record({
  customer: fc.constantFrom("Анна", "анна ", "Bob", "BOB", "Cid", "Dee", "12345", "Ёж"),
  day: fc.integer({ min: 19_000, max: 19_400 }),
  amount: fc.integer({ min: 0, max: 1000 }),
});
const orders = fc.array(order, { minLength: 1, maxLength: 60 });
const window = fc
  .tuple(fc.option(fc.integer({ min: 19_000, max: 19_400 })), fc.option(fc.integer({ min: 19_000, max: 19_400 })))
  .map(([a, b]): DayWindow => (a !== null && b !== null && a > b ? { start: b, end: a } : { start: a ?? undefined, end: b ?? undefined }));
const withinDays = fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined });

function ledgerFrom(list: Order[]): CustomerLedger {
  const ledger = new CustomerLedger({ trackPeriods: "month" });
  for (const o of list) ledger.add(customerKey(o.customer), o.customer, o.day, o.amount);
  return ledger;
}

function oracle(list: Order[], w: DayWindow, within?: number): { firstPurchases: number; secondPurchases: number } {
  const days = new Map<string, Set<number>>();
  for (const o of list) {
    const key = o.customer.trim().toLowerCase();
    if (!days.has(key)) days.set(key, new Set());
    days.get(key)!.add(o.day);
  }
  let firstPurchases = 0;
  let secondPurchases = 0;
  for (const set of days.values()) {
    const sorted = [...set].sort((a, b) => a - b);
    const first = sorted[0]!;
    if ((w.start !== undefined && first < w.start) || (w.end !== undefined && first > w.end)) continue;
    firstPurchases++;
    const second = sorted[1];
    if (second !== undefined && (within === undefined || second - first <= within)) secondPurchases++;
  }
  return { firstPurchases, secondPurchases };
}

describe("retention properties", () => {
  it("agrees with a brute-force count", () => {
    fc.assert(
      fc.property(orders, window, withinDays, (list, w, within) => {
        expect(countRetention(ledgerFrom(list), w, within)).toEqual(oracle(list, w, within));
      }),
    );
  });

  it("agrees with a brute-force count in the report, for any cohort period", () => {
    const stats = { rows: 0, blankRows: 0, excludedRows: 0, skippedRows: 0, orders: 0 };
    const period = fc.constantFrom("week" as const, "month" as const, "quarter" as const, "year" as const);
    fc.assert(
      fc.property(orders, window, withinDays, period, (list, w, within, p) => {
        const settings = { target: 0.67, period: p, withinDays: within, window: w, hasManagers: false, hasAmounts: true };
        const { firstPurchases, secondPurchases } = analyzeLedger(ledgerFrom(list), stats, [], settings).report;
        expect({ firstPurchases, secondPurchases }).toEqual(oracle(list, w, within));
      }),
    );
  });

  it("does not depend on row order", () => {
    fc.assert(
      fc.property(orders, fc.infiniteStream(fc.nat()), window, withinDays, (list, randoms, w, within) => {
        const shuffled = [...list];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = randoms.next().value % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        expect(countRetention(ledgerFrom(shuffled), w, within)).toEqual(countRetention(ledgerFrom(list), w, within));
        expect(retentionCohorts(ledgerFrom(shuffled), "week", within)).toEqual(retentionCohorts(ledgerFrom(list), "week", within));
      }),
    );
  });

  it("does not change any count when a row is repeated", () => {
    fc.assert(
      fc.property(orders, fc.nat(), window, withinDays, (list, pick, w, within) => {
        const repeated = [...list, list[pick % list.length]!];
        expect(countRetention(ledgerFrom(repeated), w, within)).toEqual(countRetention(ledgerFrom(list), w, within));
        expect(cohortMatrix(ledgerFrom(repeated), "month")).toEqual(cohortMatrix(ledgerFrom(list), "month"));
      }),
    );
  });

  it("keeps every rate between 0 and 1 and equal to second ÷ first purchases", () => {
    fc.assert(
      fc.property(orders, window, withinDays, (list, w, within) => {
        const ledger = ledgerFrom(list);
        const { firstPurchases, secondPurchases } = countRetention(ledger, w, within);
        fc.pre(firstPurchases > 0);
        const rate = retentionRate(ledger, w, within);
        expect(rate).toBe(secondPurchases / firstPurchases);
        expect(rate).toBeGreaterThanOrEqual(0);
        expect(rate).toBeLessThanOrEqual(1);
        for (const row of retentionCohorts(ledger, "month", within)) {
          expect(row.rate).toBeGreaterThanOrEqual(0);
          expect(row.rate).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it("splits new customers into cohorts without losing any", () => {
    fc.assert(
      fc.property(orders, (list) => {
        const ledger = ledgerFrom(list);
        const cohorts = retentionCohorts(ledger, "quarter");
        expect(cohorts.reduce((sum, row) => sum + row.newCustomers, 0)).toBe(ledger.size);
        for (const row of cohortMatrix(ledger, "month").rows) expect(row.active[0]).toBe(row.size);
      }),
    );
  });
});
