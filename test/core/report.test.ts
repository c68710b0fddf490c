import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { analyzeLedger, CustomerLedger, customerKey, type ReportSettings } from "../../src/core";
import { day, ledgerOf } from "./fixtures";

const STATS = { rows: 0, blankRows: 0, excludedRows: 0, skippedRows: 0, orders: 0 };
const MONTHLY: ReportSettings = { target: 0.67, period: "month", hasManagers: false, hasAmounts: true };

// P and Q come back after 10 days each, so the median time to a second purchase is 10 days.
// R (February) and S (March) bought once.
function log(latest: string): [string, string, number][] {
  return [
    ["P", "2024-01-10", 1],
    ["P", "2024-01-20", 1],
    ["Q", "2024-01-15", 1],
    ["Q", "2024-01-25", 1],
    ["R", "2024-02-05", 1],
    ["S", latest, 1],
  ];
}

const tooEarly = (latest: string, settings: ReportSettings = MONTHLY): Record<string, boolean> =>
  Object.fromEntries(analyzeLedger(ledgerOf(log(latest)), STATS, [], settings).report.cohorts.map((c) => [c.period, c.tooEarly]));

describe("too early to judge", () => {
  it("judges a cohort once its last day plus the median time to return is on or before the latest order", () => {
    // February ends on the 29th; + 10 days = 10 March. Latest order on 10 March: judged; on 9 March: too early.
    expect(tooEarly("2024-03-10")).toEqual({ "2024-01": false, "2024-02": false, "2024-03": true });
    expect(tooEarly("2024-03-09")).toEqual({ "2024-01": false, "2024-02": true, "2024-03": true });
  });

  it("uses within_days as the threshold when it is set", () => {
    // 29 February + 20 days = 20 March, after the latest order on 10 March.
    expect(tooEarly("2024-03-10", { ...MONTHLY, withinDays: 20 })).toEqual({ "2024-01": false, "2024-02": true, "2024-03": true });
  });

  it("takes the horizon from the whole range, not from the window's new customers", () => {
    // From February on nobody returned, yet H is still the whole range's: P and Q came back after
    // 10 days, so 80 % of second purchases fall within 10 days.
    expect(tooEarly("2024-03-10", { ...MONTHLY, window: { start: day("2024-02-01") } })).toEqual({ "2024-02": false, "2024-03": true });
  });

  it("marks a judged cohort below target, and leaves too-early ones unmarked", () => {
    // January: P and Q both returned, 100 %. February: R did not, 0 % < 67 %. March: too early.
    const { report, isInWeakCohort } = analyzeLedger(ledgerOf(log("2024-03-10")), STATS, [], MONTHLY);
    expect(report.cohorts.map((c) => c.belowTarget)).toEqual([false, true, false]);
    expect(["p", "q", "r", "s"].map(isInWeakCohort)).toEqual([false, false, true, false]);
    // Bought once and had time to come back: R (5 Feb + 10 ≤ 10 Mar); S did not have the time.
    expect(report.lost.customers.map((c) => c.name)).toEqual(["R"]);
  });
});

describe("manager breakdown", () => {
  it("credits a customer to the manager of the first purchase, whatever the row order", () => {
    const order = fc.record({
      customer: fc.constantFrom("A", "B", "C"),
      day: fc.integer({ min: 19_700, max: 19_710 }),
      manager: fc.constantFrom("", "Ivan", "Olga", "ivan "),
    });
    fc.assert(
      fc.property(fc.array(order, { minLength: 1, maxLength: 30 }), (orders) => {
        const managers = (list: typeof orders): unknown => {
          const ledger = new CustomerLedger();
          for (const o of list) ledger.add(customerKey(o.customer), o.customer, o.day, 0, o.manager);
          return analyzeLedger(ledger, STATS, [], { ...MONTHLY, hasManagers: true }).report.managers;
        };
        expect(managers([...orders].reverse())).toEqual(managers(orders));
      }),
    );
  });
});

describe("customers who never came back", () => {
  it("lists those who had H days to come back, the biggest spenders first, then the earliest, then the first met", () => {
    const order = fc.record({
      customer: fc.integer({ min: 0, max: 80 }).map((n) => `C${n}`),
      day: fc.integer({ min: 19_700, max: 19_760 }),
      amount: fc.constantFrom(0, 5, 10, 20),
    });
    fc.assert(
      fc.property(fc.array(order, { minLength: 1, maxLength: 200 }), (orders) => {
        const ledger = new CustomerLedger();
        for (const o of orders) ledger.add(customerKey(o.customer), o.customer, o.day, o.amount);
        const { lost } = analyzeLedger(ledger, STATS, [], MONTHLY).report;
        // The slow way: each customer's distinct days and total, in order of first appearance.
        const seen = new Map<string, { days: Set<number>; total: number }>();
        for (const o of orders) {
          const customer = seen.get(o.customer) ?? { days: new Set<number>(), total: 0 };
          customer.days.add(o.day);
          customer.total += o.amount;
          seen.set(o.customer, customer);
        }
        // H: the smallest gap that 80 % of first-to-second gaps do not exceed; 365 without any.
        const gaps = [...seen.values()]
          .filter((c) => c.days.size > 1)
          .map((c) => [...c.days].sort((a, b) => a - b))
          .map((days) => days[1]! - days[0]!)
          .sort((a, b) => a - b);
        const horizon = gaps.length === 0 ? 365 : gaps[Math.ceil(0.8 * gaps.length) - 1]!;
        const latest = Math.max(...orders.map((o) => o.day));
        const once = [...seen]
          .filter(([, c]) => c.days.size === 1)
          .map(([name, c]) => ({ name, first: [...c.days][0]!, total: c.total }))
          .filter((c) => c.first + horizon <= latest);
        const expected = once
          .sort((a, b) => b.total - a.total || a.first - b.first)
          .slice(0, 50)
          .map((c) => c.name);
        expect(lost.count).toBe(once.length);
        expect(lost.customers.map((c) => c.name)).toEqual(expected);
      }),
    );
  });
});
