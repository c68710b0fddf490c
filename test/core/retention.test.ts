import { describe, expect, it } from "vitest";
import {
  cohortMatrix,
  countRetention,
  customerSummary,
  medianDaysToSecond,
  periodIndex,
  ProblemError,
  repeatRevenueShare,
  retentionCohorts,
  retentionRate,
  isoDate,
} from "../../src/core";
import { day, HAND_LOG, ledgerOf } from "./fixtures";

describe("retention of new customers (hand-made log in fixtures.ts)", () => {
  const ledger = ledgerOf(HAND_LOG);

  it("counts first purchases and the customers who made a second one", () => {
    // New: A B C D E = 5. Returned: A (Feb 10), C (Feb 3), D (Jun 1) = 3.
    expect(countRetention(ledger)).toEqual({ firstPurchases: 5, secondPurchases: 3 });
    expect(retentionRate(ledger)).toBeCloseTo(3 / 5, 12);
  });

  it("treats several orders on one day as one purchase", () => {
    // A's two orders on Jan 5 are one purchase; a log with only those two rows has no return.
    const sameDay = ledgerOf([
      ["A", "2024-01-05", 100],
      ["a ", "2024-01-05", 50],
    ]);
    expect(countRetention(sameDay)).toEqual({ firstPurchases: 1, secondPurchases: 0 });
  });

  it("counts only new customers of the period, with returns at any later time", () => {
    // January: A (returned), B → 1/2. February: C → 1/1. March–June: D (returned), E → 1/2.
    expect(retentionRate(ledger, { start: day("2024-01-01"), end: day("2024-01-31") })).toBe(0.5);
    expect(retentionRate(ledger, { start: day("2024-02-01"), end: day("2024-02-29") })).toBe(1);
    expect(retentionRate(ledger, { start: day("2024-03-01") })).toBe(0.5);
    // Bounds are inclusive: A's first purchase is on Jan 5 exactly.
    expect(countRetention(ledger, { start: day("2024-01-05"), end: day("2024-01-05") })).toEqual({
      firstPurchases: 1,
      secondPurchases: 1,
    });
  });

  it("counts a return only within within_days when given (inclusive)", () => {
    // Gaps: A 36, C 2, D 78 days.
    expect(countRetention(ledger, {}, 30).secondPurchases).toBe(1);
    expect(countRetention(ledger, {}, 36).secondPurchases).toBe(2);
    expect(countRetention(ledger, {}, 35).secondPurchases).toBe(1);
    expect(countRetention(ledger, {}, 0).secondPurchases).toBe(0);
  });

  it("fails when there are no new customers to divide by", () => {
    expect(() => retentionRate(ledger, { start: day("2025-01-01") })).toThrow(ProblemError);
  });

  it("gives the median days to a second purchase", () => {
    // Gaps 2, 36, 78 → median 36. From February on: C 2 and D 78 → mean of the two, 40.
    expect(medianDaysToSecond(ledger)).toBe(36);
    expect(medianDaysToSecond(ledger, { start: day("2024-02-01") })).toBe((2 + 78) / 2);
    expect(medianDaysToSecond(ledger, { start: day("2024-03-16") })).toBeUndefined();
  });
});

describe("cohorts", () => {
  it("lists each period's new customers, returned and rate, oldest first", () => {
    const rows = retentionCohorts(ledgerOf(HAND_LOG), "month");
    expect(rows.map((r) => [isoDate(r.start), r.newCustomers, r.returned, r.rate])).toEqual([
      ["2024-01-01", 2, 1, 0.5],
      ["2024-02-01", 1, 1, 1],
      ["2024-03-01", 2, 1, 0.5],
    ]);
  });

  it("groups by quarter", () => {
    // Q1 2024 holds all five first purchases.
    const rows = retentionCohorts(ledgerOf(HAND_LOG), "quarter");
    expect(rows.map((r) => [isoDate(r.start), r.newCustomers, r.returned])).toEqual([["2024-01-01", 5, 3]]);
  });

  it("builds the cohort triangle up to the last period in the data", () => {
    const matrix = cohortMatrix(ledgerOf(HAND_LOG, { trackPeriods: "month" }), "month");
    // January to June: 6 offsets. Jan {A,B}: both in Jan, A in Feb. Feb {C}: Feb only.
    // Mar {D,E}: both in Mar, D in Jun (k=3). Cells after June are blank (undefined).
    expect(matrix.offsets).toBe(6);
    expect(matrix.rows.map((r) => [r.size, [...r.active]])).toEqual([
      [2, [2, 1, 0, 0, 0, 0]],
      [1, [1, 0, 0, 0, 0, undefined]],
      [2, [2, 0, 0, 1, undefined, undefined]],
    ]);
    expect(matrix.rows[2]!.index).toBe(periodIndex(day("2024-03-01"), "month"));
  });
});

describe("repeat revenue", () => {
  it("is the share of amounts dated after each customer's first purchase day", () => {
    // Total 515; first-day amounts A 150, B 200, C 10, D 40, E 5 = 405; repeat 110.
    expect(repeatRevenueShare(ledgerOf(HAND_LOG))).toBeCloseTo(110 / 515, 12);
  });

  it("takes the first purchase day from the whole range when a window is given", () => {
    // Orders Feb 1 – Jun 30: A 30, C 10+20, D 40+60, E 5 = 165. Repeat: A 30, C 20, D 60 = 110.
    const window = { start: day("2024-02-01"), end: day("2024-06-30") };
    expect(repeatRevenueShare(ledgerOf(HAND_LOG, { amountWindow: window }))).toBeCloseTo(110 / 165, 12);
  });
});

describe("customer summary", () => {
  it("gives one row per customer ordered by first purchase", () => {
    const rows = customerSummary(ledgerOf(HAND_LOG, { trackDays: true }));
    // Latest order: 2024-06-01. A last bought Feb 10: 19 days of Feb + 31 + 30 + 31 + 1 = 112 days before.
    // B last bought Jan 20: 11 + 29 + 31 + 30 + 31 + 1 = 133 days before.
    expect(rows.map((r) => [r.name, isoDate(r.first), isoDate(r.last), r.purchases, r.totalAmount, r.daysSinceLast])).toEqual([
      ["A", "2024-01-05", "2024-02-10", 2, 180, 112],
      ["B", "2024-01-20", "2024-01-20", 1, 200, 133],
      ["C", "2024-02-01", "2024-02-03", 2, 30, 119],
      ["D", "2024-03-15", "2024-06-01", 2, 100, 0],
      ["E", "2024-03-20", "2024-03-20", 1, 5, 73],
    ]);
  });
});
