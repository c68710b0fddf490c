import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  analyzeLedger,
  CustomerLedger,
  customerKey,
  horizonOf,
  judgedVerdict,
  latestJudgeablePeriod,
  periodIndex,
  type ReportSettings,
} from "../../src/core";
import { day, ledgerOf } from "./fixtures";

const STATS = { rows: 0, blankRows: 0, excludedRows: 0, skippedRows: 0, orders: 0 };
const MONTHLY: ReportSettings = { target: 0.67, period: "month", hasManagers: false, hasAmounts: true };

const report = (log: readonly (readonly [string, string, number])[], settings: Partial<ReportSettings> = {}) =>
  analyzeLedger(ledgerOf(log), STATS, [], { ...MONTHLY, ...settings }).report;

describe("the horizon H", () => {
  it("is the nearest-rank 80th percentile of days to a second purchase", () => {
    // Ten customers come back after 1, 2, … 10 days: 80 % of ten is eight, and eight of the gaps
    // are at most 8 days, so H = 8.
    const log: [string, string, number][] = [];
    for (let k = 1; k <= 10; k++) log.push([`C${k}`, "2024-01-01", 1], [`C${k}`, `2024-01-${String(1 + k).padStart(2, "0")}`, 1]);
    expect(horizonOf(ledgerOf(log))).toEqual({ days: 8, source: "returns" });
  });

  it("is within_days when given, and 365 days when nobody came back", () => {
    const once: [string, string, number][] = [
      ["A", "2024-01-01", 1],
      ["B", "2024-02-01", 1],
    ];
    expect(horizonOf(ledgerOf(once), 30)).toEqual({ days: 30, source: "withinDays" });
    expect(horizonOf(ledgerOf(once))).toEqual({ days: 365, source: "default" });
  });

  it("makes a period old enough once H days separate its last day from the latest order", () => {
    // 29 Feb 2024 + 30 days = 30 March: February is judgeable from an order on 30 March on.
    const feb2024 = periodIndex(day("2024-02-01"), "month");
    expect(latestJudgeablePeriod(day("2024-03-30"), 30, "month")).toBe(feb2024);
    expect(latestJudgeablePeriod(day("2024-03-29"), 30, "month")).toBe(feb2024 - 1);
  });
});

// H = 30 days (within_days). Latest order 15 March 2024, so the latest period old enough is January
// 2024 (its 31st + 30 days = 1 March ≤ 15 March; February's 29th + 30 = 30 March is too late).
// The year judged: February 2023 … January 2024, since January 2023, the data's first month, is left out.
//   A  2023-01-05 → 2023-01-10      data's first month: left out
//   B  2023-02-01 → 2023-02-20      19 days: in time
//   C  2023-02-10 → 2023-04-10      59 days: came back, but not within H
//   D  2024-01-31 → 2024-03-01      30 days: in time (H is inclusive)
//   E  2024-01-05                   never came back
//   F  2024-02-10 → 2024-02-12      February is too early to judge
//   G  2024-03-15                   bought on the latest day: too recent to tell
const YEAR_LOG: readonly [string, string, number][] = [
  ["A", "2023-01-05", 10],
  ["A", "2023-01-10", 10],
  ["B", "2023-02-01", 10],
  ["B", "2023-02-20", 10],
  ["C", "2023-02-10", 10],
  ["C", "2023-04-10", 10],
  ["D", "2024-01-31", 10],
  ["D", "2024-03-01", 10],
  ["E", "2024-01-05", 10],
  ["F", "2024-02-10", 10],
  ["F", "2024-02-12", 10],
  ["G", "2024-03-15", 10],
];

describe("the judged verdict (hand-worked log)", () => {
  it("judges the latest year of cohorts old enough, with returns counted within H", () => {
    const { verdict } = report(YEAR_LOG, { withinDays: 30 });
    // Judged: February 2023 (B, C; B in time) and January 2024 (D, E; D in time): 2 of 4.
    expect(verdict).toMatchObject({
      rate: 0.5,
      firstPurchases: 4,
      secondPurchases: 2,
      notReturned: 2,
      belowTarget: true,
      horizonDays: 30,
      horizonSource: "withinDays",
      fromPeriod: "2023-02",
      toPeriod: "2024-01",
      from: "2023-02-01",
      to: "2024-01-31",
      leftOutPeriod: "2023-01",
      judgeableOn: null,
    });
  });

  it("marks each cohort judged, too early or neither, and keeps the literal ratio beside the verdict", () => {
    const r = report(YEAR_LOG, { withinDays: 30 });
    expect(r.cohorts.map((c) => [c.period, c.newCustomers, c.returned, c.returnedInTime, c.judged, c.tooEarly])).toEqual([
      ["2023-01", 1, 1, 1, false, false],
      // within_days = 30 counts C's return after 59 days in neither column.
      ["2023-02", 2, 1, 1, true, false],
      ["2024-01", 2, 1, 1, true, false],
      ["2024-02", 1, 1, 1, false, true],
      ["2024-03", 1, 0, 0, false, true],
    ]);
    // Literal: 7 new customers, 4 back within 30 days (A, B, D, F).
    expect([r.firstPurchases, r.secondPurchases, r.retentionRate]).toEqual([7, 4, 4 / 7]);
    expect(r.belowTarget).toBe(r.verdict.belowTarget);
  });

  it("splits all new customers into came back, did not and too recent, which add up", () => {
    const r = report(YEAR_LOG, { withinDays: 30 });
    // Came back within 30 days: A, B, D, F. Did not, with 30 days or more to do it: C (10 Feb 2023)
    // and E (5 Jan 2024). Too recent: G (15 Mar 2024 + 30 days is after the latest order).
    expect(r.outcomes).toEqual({ returned: 4, notReturned: 2, tooEarly: 1 });
    expect(r.lost.customers.map((c) => c.name).sort()).toEqual(["C", "E"]);
  });

  it("gives old cohorts no more time than young ones when H comes from the data", () => {
    // Without within_days, H comes from the gaps 5 (A), 19 (B), 59 (C), 30 (D), 2 (F): sorted
    // 2, 5, 19, 30, 59; 80 % of five is four, so H = 30. C's return after 59 days still does not count.
    const { verdict } = report(YEAR_LOG);
    expect([verdict.horizonDays, verdict.horizonSource]).toEqual([30, "returns"]);
    expect([verdict.firstPurchases, verdict.secondPurchases]).toEqual([4, 2]);
  });

  it("judges the data's first period too when the orders start with the business", () => {
    // Two months of data, H = 10 days, latest order 20 February: January (31st + 10 = 10 Feb) is old
    // enough. Left out by default, nothing is judged; with the setting January is: X of X and Y.
    const log: [string, string, number][] = [
      ["X", "2024-01-05", 1],
      ["X", "2024-01-10", 1],
      ["Y", "2024-01-20", 1],
      ["Z", "2024-02-20", 1],
    ];
    expect(report(log, { withinDays: 10 }).verdict).toMatchObject({ rate: null, fromPeriod: null, leftOutPeriod: "2024-01" });
    expect(report(log, { withinDays: 10, ordersStartWithBusiness: true }).verdict).toMatchObject({
      rate: 0.5,
      firstPurchases: 2,
      secondPurchases: 1,
      fromPeriod: "2024-01",
      toPeriod: "2024-01",
      leftOutPeriod: null,
    });
  });

  it("says when a verdict will be possible while nothing is old enough", () => {
    // January is left out; February ends on the 29th, + 10 days = 10 March.
    const log: [string, string, number][] = [
      ["X", "2024-01-05", 1],
      ["Y", "2024-02-03", 1],
      ["Y", "2024-02-05", 1],
    ];
    expect(report(log, { withinDays: 10 }).verdict).toMatchObject({ rate: null, judgeableOn: "2024-03-10" });
    // With the first month judged too: 31 January + 10 days = 10 February.
    expect(report(log, { withinDays: 10, ordersStartWithBusiness: true }).verdict).toMatchObject({
      rate: null,
      judgeableOn: "2024-02-10",
    });
  });

  it("judges only cohorts inside a window, which is past the first period's risk when it starts later", () => {
    // From 1 June 2023: the judged year is June 2023 … January 2024, holding D and E: 1 of 2.
    const { verdict } = report(YEAR_LOG, { withinDays: 30, window: { start: day("2023-06-01") } });
    expect(verdict).toMatchObject({ rate: 0.5, firstPurchases: 2, fromPeriod: "2023-06", toPeriod: "2024-01", leftOutPeriod: null });
    // Up to 31 March 2023: only February 2023 (B, C) can be judged: 1 of 2.
    const early = report(YEAR_LOG, { withinDays: 30, window: { end: day("2023-03-31") } }).verdict;
    expect(early).toMatchObject({ rate: 0.5, fromPeriod: "2023-02", toPeriod: "2023-03", leftOutPeriod: "2023-01" });
  });

  it("counts back no more than 12 months from the latest cohort old enough", () => {
    // With the first month allowed, January 2023 (A) is still 13 months before January 2024: out.
    const { verdict } = report(YEAR_LOG, { withinDays: 30, ordersStartWithBusiness: true });
    expect(verdict).toMatchObject({ fromPeriod: "2023-02", toPeriod: "2024-01", firstPurchases: 4, secondPurchases: 2 });
  });

  it("counts a year of cohorts in each period", () => {
    // Quarterly, H = 30: the latest quarter old enough is 2023-Q4 (31 Dec + 30 days = 30 Jan ≤ 15
    // Mar; Q1 2024 ends 31 March). Four quarters back: 2023-Q1, but that is the data's first, so
    // 2023-Q2 … 2023-Q4, with no new customers: no rate.
    expect(report(YEAR_LOG, { withinDays: 30, period: "quarter" }).verdict).toMatchObject({
      fromPeriod: "2023-Q2",
      toPeriod: "2023-Q4",
      firstPurchases: 0,
      rate: null,
    });
  });

  it("credits each manager with the judged new customers of their first purchases", () => {
    const ledger = new CustomerLedger();
    for (const [name, date, , manager] of YEAR_LOG.map(([n, d, a]) => [n, d, a, n < "D" ? "Ира" : "Олег"] as const)) {
      ledger.add(customerKey(name), name, day(date), 1, manager);
    }
    const { managers } = analyzeLedger(ledger, STATS, [], { ...MONTHLY, withinDays: 30, hasManagers: true }).report;
    // Ира: B, C judged (A is in the left-out month), B in time. Олег: D, E judged, D in time.
    expect(managers).toEqual([
      { manager: "Ира", newCustomers: 2, returned: 1, rate: 0.5, belowTarget: true },
      { manager: "Олег", newCustomers: 2, returned: 1, rate: 0.5, belowTarget: true },
    ]);
  });
});

describe("verdict properties", () => {
  const order = fc.record({
    customer: fc.integer({ min: 0, max: 40 }).map((n) => `C${n}`),
    day: fc.integer({ min: day("2023-01-01"), max: day("2024-06-30") }),
  });
  const orders = fc.array(order, { minLength: 1, maxLength: 150 });
  const period = fc.constantFrom("month" as const, "week" as const, "quarter" as const, "year" as const);
  const ledgerOfOrders = (list: readonly { customer: string; day: number }[]): CustomerLedger => {
    const ledger = new CustomerLedger();
    for (const o of list) ledger.add(customerKey(o.customer), o.customer, o.day, 1);
    return ledger;
  };

  it("equals a naive count of the rule from the raw orders, and the sum of its judged cohorts", () => {
    const calendarPeriod = fc.constantFrom("month" as const, "quarter" as const, "year" as const);
    fc.assert(
      fc.property(orders, calendarPeriod, fc.option(fc.integer({ min: 1, max: 120 }), { nil: undefined }), (list, p, withinDays) => {
        const r = analyzeLedger(ledgerOfOrders(list), STATS, [], { ...MONTHLY, period: p, withinDays }).report;
        expect(r.verdict).toMatchObject(naiveVerdict(list, p, withinDays));
        const judged = r.cohorts.filter((c) => c.judged);
        expect(r.verdict.firstPurchases).toBe(judged.reduce((sum, c) => sum + c.newCustomers, 0));
        expect(r.verdict.secondPurchases).toBe(judged.reduce((sum, c) => sum + c.returnedInTime, 0));
        const { returned, notReturned, tooEarly } = r.outcomes;
        expect(returned + notReturned + tooEarly).toBe(r.firstPurchases);
      }),
    );
  });

  it("does not depend on row order, refunds and windows included", () => {
    const row = fc.record({
      customer: fc.integer({ min: 0, max: 30 }).map((n) => `C${n}`),
      day: fc.integer({ min: day("2023-01-01"), max: day("2024-06-30") }),
      amount: fc.constantFrom(-7, 0, 5, 10),
    });
    const rows = fc.array(row, { minLength: 1, maxLength: 120 });
    const start = fc.option(fc.integer({ min: day("2023-01-01"), max: day("2024-01-01") }), { nil: undefined });
    fc.assert(
      fc.property(
        rows.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }))),
        period,
        start,
        ([list, shuffled], p, windowStart) => {
          const settings = { ...MONTHLY, period: p, window: { start: windowStart } };
          const analyse = (rowsInOrder: typeof list) => {
            const ledger = new CustomerLedger({ amountWindow: settings.window });
            for (const o of rowsInOrder) ledger.add(customerKey(o.customer), o.customer, o.day, o.amount);
            const r = analyzeLedger(ledger, STATS, [], settings).report;
            // The lost list breaks ties by who came first in the rows; sums of amounts may differ in
            // the last bits with the order of addition.
            return {
              ...r,
              repeatRevenueShare: r.repeatRevenueShare?.toFixed(9),
              lost: { ...r.lost, customers: r.lost.customers.map((c) => c.name).sort() },
            };
          };
          expect(analyse(shuffled)).toEqual(analyse(list));
        },
      ),
    );
  });

  it("does not change when new customers arrive after the latest judged cohort", () => {
    fc.assert(
      fc.property(orders, period, fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 10 }), (list, p, offsets) => {
        const settings = { target: 0.67, period: p };
        const before = judgedVerdict(ledgerOfOrders(list), settings);
        if (before.span === null) return;
        // One-time buyers after the last judged period, on or before the latest order: they move
        // neither the latest order date nor H (H comes from second purchases).
        const latest = Math.max(...list.map((o) => o.day));
        const firstFree = periodEndDay(before.span.last, p) + 1;
        const newcomers = offsets.map((offset, k) => ({ customer: `N${k}`, day: firstFree + offset })).filter((o) => o.day <= latest);
        expect(judgedVerdict(ledgerOfOrders([...list, ...newcomers]), settings)).toEqual(before);
      }),
    );
  });
});

/** The last day of a period, worked out from the next period's first day. */
function periodEndDay(index: number, p: "month" | "week" | "quarter" | "year"): number {
  let d = day("1900-01-01");
  // Walk forward in big steps, then by days: independent of periods.ts' own end arithmetic.
  while (periodIndex(d + 400, p) <= index) d += 400;
  while (periodIndex(d + 1, p) <= index) d += 1;
  return d;
}

/**
 * The verdict's rule counted the slow way with Date arithmetic, for calendar periods: purchases as
 * sets of days, H as the nearest-rank 80th percentile of first-to-second gaps (365 without any),
 * periods as year × 12 + month ÷ 3 or 12, the data's first period left out, a year of periods.
 */
function naiveVerdict(list: readonly { customer: string; day: number }[], p: "month" | "quarter" | "year", withinDays?: number) {
  const months = { month: 1, quarter: 3, year: 12 }[p];
  const indexOf = (d: number): number => {
    const date = new Date(d * 86_400_000);
    return Math.floor((date.getUTCFullYear() * 12 + date.getUTCMonth()) / months);
  };
  const lastDayOf = (index: number): number =>
    Date.UTC(Math.floor(((index + 1) * months) / 12), ((index + 1) * months) % 12, 1) / 86_400_000 - 1;
  const days = new Map<string, number[]>();
  for (const o of list)
    days.set(
      o.customer,
      [...new Set([...(days.get(o.customer) ?? []), o.day])].sort((a, b) => a - b),
    );
  const gaps = [...days.values()]
    .filter((d) => d.length > 1)
    .map((d) => d[1]! - d[0]!)
    .sort((a, b) => a - b);
  const horizon = withinDays ?? (gaps.length === 0 ? 365 : gaps[Math.ceil(0.8 * gaps.length) - 1]!);
  const all = list.map((o) => o.day);
  const latest = Math.max(...all);
  let last = indexOf(latest);
  while (lastDayOf(last) + horizon > latest) last--;
  const first = Math.max(indexOf(Math.min(...all)) + 1, last - { month: 12, quarter: 4, year: 1 }[p] + 1);
  const judged = [...days.values()].filter((d) => indexOf(d[0]!) >= first && indexOf(d[0]!) <= last);
  const back = judged.filter((d) => d.length > 1 && d[1]! - d[0]! <= horizon).length;
  return { horizonDays: horizon, firstPurchases: first <= last ? judged.length : 0, secondPurchases: first <= last ? back : 0 };
}
