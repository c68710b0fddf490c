import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeTable, CustomerLedger, cohortMatrix, customerKey, inputLocale, isoDate, mapHeader } from "../../src/core";
import { healthCheck, type HealthSettings } from "../../src/core/health/health-check";
import { findHealthColumns } from "../../src/core/health/health-columns";
import { initiatorOf } from "../../src/core/health/initiated-by";
import { LapsedFinder } from "../../src/core/health/lapsed";
import { PurchaseLog } from "../../src/core/health/purchase-log";
import { bandVerdict, HEALTH_BANDS } from "../../src/core/health/questions";
import { trendOf } from "../../src/core/health/trend";
import { healthAnswers } from "../../src/presentation/health-check";
import { day } from "./fixtures";

interface Row {
  customer: string;
  date: string;
  amount: number;
  manager?: string;
  started?: boolean;
  budget?: number;
}

const SETTINGS: HealthSettings = { period: "month", target: 0.67, hasAmounts: true, hasManagers: false, hasInitiatedBy: false };

function logOf(rows: readonly Row[]): { ledger: CustomerLedger; log: PurchaseLog } {
  const log = new PurchaseLog();
  const ledger = new CustomerLedger({ purchaseLog: log });
  for (const row of rows) {
    const customer = ledger.add(customerKey(row.customer), row.customer, day(row.date), row.amount, row.manager);
    if (row.started) log.markLastStartedByCompany();
    if (row.budget !== undefined) log.setBudget(customer, day(row.date), row.budget);
  }
  return { ledger, log };
}

function health(rows: readonly Row[], settings: Partial<HealthSettings> = {}) {
  const { ledger, log } = logOf(rows);
  return healthCheck(ledger, log, { ...SETTINGS, ...settings }, null);
}

const question = (rows: readonly Row[], id: number, settings: Partial<HealthSettings> = {}) => health(rows, settings).questions[id - 1]!;

/** Shorthand: [customer, date, amount]. */
const rows = (list: readonly (readonly [string, string, number])[]): Row[] =>
  list.map(([customer, date, amount]) => ({ customer, date, amount }));

describe("the periods", () => {
  // Worked by hand. A buys twice on 10 Jan (one purchase, 150) and on 5 Feb (30, less a refund of
  // 10 that day); B first buys on 1 Feb (200); C only has a refund, so C is no customer.
  const table = health(
    rows([
      ["A", "2022-01-10", 100],
      ["A", "2022-01-10", 50],
      ["A", "2022-02-05", 30],
      ["C", "2022-01-20", -40],
      ["A", "2022-02-05", -10],
      ["B", "2022-02-01", 200],
    ]),
  ).periods;

  it("splits customers, purchases and revenue into new and existing", () => {
    expect(table.map((p) => p.period)).toEqual(["2022-01", "2022-02"]);
    expect(table[0]).toMatchObject({
      activeCustomers: 1,
      newCustomers: 1,
      existingCustomers: 0,
      purchases: 1,
      newPurchases: 1,
      existingPurchases: 0,
      newRevenue: 150,
      existingRevenue: 0,
      revenue: 150,
      averageOrder: 150,
      activeBase: 1,
    });
    expect(table[1]).toMatchObject({
      activeCustomers: 2,
      newCustomers: 1,
      existingCustomers: 1,
      purchases: 2,
      newPurchases: 1,
      existingPurchases: 1,
      newRevenue: 200,
      existingRevenue: 20,
      revenue: 220,
      averageOrder: 110,
      newAverageOrder: 200,
      existingAverageOrder: 20,
      activeBase: 2,
    });
  });

  it("marks the period still in progress, and leaves the data's first 12 months out of the verdicts", () => {
    // The latest purchase is 5 Feb: January is complete, February is not. Both lie in the data's
    // first 12 months.
    expect(table.map((p) => [p.complete, p.judged])).toEqual([
      [true, false],
      [false, false],
    ]);
  });

  it("counts a customer in the active base for the 12 months after each purchase, once", () => {
    // D buys in Jan 2022 and in Mar 2022: the 12 months ending 31 Jan 2023 still hold 1 Mar 2022,
    // those ending 28 Feb 2023 too, those ending 31 Mar 2023 (from 1 Apr 2022) do not.
    const periods = health(
      rows([
        ["D", "2022-01-15", 1],
        ["D", "2022-03-01", 1],
        ["E", "2023-04-30", 1],
      ]),
    ).periods;
    const base = Object.fromEntries(periods.map((p) => [p.period, p.activeBase]));
    expect(base).toMatchObject({ "2022-01": 1, "2022-02": 1, "2022-03": 1, "2023-01": 1, "2023-02": 1, "2023-03": 0, "2023-04": 1 });
  });

  it("judges the periods that start 12 months or more after the first order, or all of them when the orders start with the business", () => {
    const log = rows([
      ["A", "2022-01-15", 1],
      ["A", "2023-03-31", 1],
    ]);
    const judged = (settings: Partial<HealthSettings>) =>
      health(log, settings)
        .periods.filter((p) => p.judged)
        .map((p) => p.period);
    // 15 Jan 2023 is a year after the first order: February 2023 is the first period to start after it.
    expect(judged({})).toEqual(["2023-02", "2023-03"]);
    expect(judged({ ordersStartWithBusiness: true })[0]).toBe("2022-01");
  });
});

describe("the trend rule", () => {
  const series = (values: readonly number[]) => (from: number, to: number) => values.slice(from, to + 1).reduce((a, b) => a + b, 0);
  const monthly = (last3: readonly number[]) => [100, 100, 100, ...Array<number>(9).fill(50), ...last3];

  it("compares the last 3 complete periods with the same 3 a year before, with ±10 % as the boundaries", () => {
    // Positions 0–2 hold 300; the last three are positions 12–14.
    const direction = (last3: number[]) => trendOf(series(monthly(last3)), 0, 14, 12).direction;
    expect(direction([110, 110, 110])).toBe("flat"); // +10 % exactly
    expect(direction([110, 110, 111])).toBe("growing");
    expect(direction([90, 90, 90])).toBe("flat"); // −10 % exactly
    expect(direction([90, 90, 89])).toBe("falling");
    expect(trendOf(series(monthly([110, 110, 111])), 0, 14, 12)).toMatchObject({
      basis: "yearBefore",
      base: { from: 0, to: 2, value: 300 },
    });
  });

  it("falls back to the 3 periods just before, and needs data below 6 periods", () => {
    const six = [10, 10, 10, 20, 20, 20];
    expect(trendOf(series(six), 0, 5, 12)).toMatchObject({ direction: "growing", basis: "justBefore", change: 1 });
    expect(trendOf(series(six), 1, 5, 12)).toEqual({ direction: "needsData", periodsNeeded: 1 });
  });

  it("compares a ratio with the periods just before when the year before had no purchase, and has no trend without any", () => {
    // An average order per window: revenue ÷ purchases, NaN where a window had no purchase.
    const revenue = [300, 300, 300, ...Array<number>(9).fill(100), 100, 100, 100];
    const purchases = [0, 0, 0, ...Array<number>(9).fill(2), 1, 1, 1];
    const average = (from: number, to: number) => series(revenue)(from, to) / series(purchases)(from, to);
    // The year before (positions 0–2) is 0 ÷ 0; positions 9–11 average 300 ÷ 6 = 50; the last three 300 ÷ 3 = 100.
    expect(trendOf(average, 0, 14, 12)).toMatchObject({ direction: "growing", basis: "justBefore", change: 1, base: { from: 9, to: 11 } });
    const none = (from: number, to: number) => (to >= 12 ? Number.NaN : average(from, to));
    expect(trendOf(none, 0, 14, 12)).toEqual({ direction: "needsData", periodsNeeded: 0 });
  });

  it("reads growth from nothing as growth, and nothing to nothing as flat", () => {
    expect(trendOf(series([0, 0, 0, 0, 0, 5]), 0, 5, 12)).toMatchObject({ direction: "growing", change: null });
    expect(trendOf(series([0, 0, 0, 0, 0, 0]), 0, 5, 12)).toMatchObject({ direction: "flat", change: null });
  });
});

describe("the verdict bands", () => {
  it("are good from the good threshold on and bad past the bad one", () => {
    expect(bandVerdict(0.6, HEALTH_BANDS.existingShare)).toBe("good");
    expect(bandVerdict(0.5999, HEALTH_BANDS.existingShare)).toBe("watch");
    expect(bandVerdict(0.5, HEALTH_BANDS.existingShare)).toBe("watch");
    expect(bandVerdict(0.4999, HEALTH_BANDS.existingShare)).toBe("bad");
    expect(bandVerdict(0.1, HEALTH_BANDS.lapsedShare)).toBe("good");
    expect(bandVerdict(0.1001, HEALTH_BANDS.lapsedShare)).toBe("watch");
    expect(bandVerdict(0.25, HEALTH_BANDS.lapsedShare)).toBe("watch");
    expect(bandVerdict(0.2501, HEALTH_BANDS.lapsedShare)).toBe("bad");
    expect(bandVerdict(0, HEALTH_BANDS.managersInTrouble)).toBe("good");
  });

  it("hold every question's boundaries: share of wallet, started by the company, managers in trouble", () => {
    expect(bandVerdict(0.75, HEALTH_BANDS.shareOfWallet)).toBe("good");
    expect(bandVerdict(0.7499, HEALTH_BANDS.shareOfWallet)).toBe("watch");
    expect(bandVerdict(0.5, HEALTH_BANDS.shareOfWallet)).toBe("watch");
    expect(bandVerdict(0.4999, HEALTH_BANDS.shareOfWallet)).toBe("bad");
    expect(bandVerdict(0.5, HEALTH_BANDS.startedShare)).toBe("good");
    expect(bandVerdict(0.3, HEALTH_BANDS.startedShare)).toBe("watch");
    expect(bandVerdict(0.2999, HEALTH_BANDS.startedShare)).toBe("bad");
    // One manager of three in trouble is under half: watch; exactly half is watch; more is bad.
    expect(bandVerdict(1 / 3, HEALTH_BANDS.managersInTrouble)).toBe("watch");
    expect(bandVerdict(0.5, HEALTH_BANDS.managersInTrouble)).toBe("watch");
    expect(bandVerdict(2 / 3, HEALTH_BANDS.managersInTrouble)).toBe("bad");
  });

  it("count a share of money sums that lands a hair off a threshold as on it", () => {
    // 10.10 + 10.20 + 9.70 of a budget of 60 is 50 % to the cent, but in floating point, added in
    // the rows' order, the sum is 29.999999999999996 and the share a hair under 0.5.
    const share = (10.1 + 10.2 + 9.7) / 60;
    expect(share).toBeLessThan(0.5);
    expect(bandVerdict(share, HEALTH_BANDS.shareOfWallet)).toBe("watch");
    expect(bandVerdict(0.5 - 1e-12, HEALTH_BANDS.shareOfWallet)).toBe("watch");
    expect(bandVerdict(0.5 - 1e-6, HEALTH_BANDS.shareOfWallet)).toBe("bad");
    expect(bandVerdict(0.5 + 1e-12, HEALTH_BANDS.managersInTrouble)).toBe("watch");
  });
});

describe("question 5: lapsed customers", () => {
  // Worked by hand. X buys every 10 days (days 0, 10, 20), Y twice 100 days apart, Z every 30 days
  // up to day 180, the latest purchase; W once. The gaps between purchases: 10, 10, 100 and six of
  // 30, so the business's median gap is 30. X has been gone 160 days: more than 2 × 10 and more
  // than 30, lapsed. Y has been gone 80 days, not more than 2 × 100. Z bought on the latest day.
  const start = day("2024-01-01");
  const on = (offset: number) => {
    const date = new Date((start + offset) * 86_400_000);
    return date.toISOString().slice(0, 10);
  };
  const log: Row[] = [
    ...[0, 10, 20].map((d) => ({ customer: "X", date: on(d), amount: 100 })),
    ...[0, 100].map((d) => ({ customer: "Y", date: on(d), amount: 7 })),
    ...[0, 30, 60, 90, 120, 150, 180].map((d) => ({ customer: "Z", date: on(d), amount: 1 })),
    { customer: "W", date: on(5), amount: 1000 },
  ];

  it("finds who has been gone more than twice their usual gap and more than the median gap", () => {
    const { lapsed, questions } = health(log);
    expect(lapsed).toMatchObject({ count: 1, repeatCustomers: 3, medianGapDays: 30, revenueAtStake: 300 });
    expect(lapsed.customers).toEqual([
      {
        name: "X",
        manager: "",
        lastPurchase: on(20),
        purchases: 3,
        usualGapDays: 10,
        daysSinceLast: 160,
        revenueAtStake: 300,
        contact: "",
      },
    ]);
    // 1 of 3 repeat customers: more than a quarter.
    expect(questions[4]).toMatchObject({ verdict: "bad", figures: { lapsedShare: 1 / 3, lapsed: 1 } });
  });

  it("lowers the revenue at stake by a refund after the last purchase", () => {
    // X sends back 40 of day 20's goods on day 25: the year up to X's last purchase brought 260.
    const { lapsed } = health([...log, { customer: "X", date: on(25), amount: -40 }]);
    expect(lapsed).toMatchObject({ count: 1, revenueAtStake: 260 });
    expect(lapsed.customers[0]).toMatchObject({ name: "X", lastPurchase: on(20), revenueAtStake: 260 });
  });

  it("uses the factor as a setting, and 'more than' at its boundary", () => {
    // With a factor of 16, X (gone 160, usual gap 10) is exactly at the boundary: not lapsed.
    expect(health(log, { lapsedFactor: 16 }).lapsed.count).toBe(0);
    expect(health(log, { lapsedFactor: 15.9 }).lapsed.count).toBe(1);
  });

  // The wording, "a later purchase never makes a customer lapsed", cannot hold for any
  // purchase: days 0 and 100 seen on day 300 are not lapsed (gone 200, not more than 2 × 100), and
  // one more purchase on day 101 makes them so (gone 199 > 2 × 50.5). What must hold is that a
  // customer who buys again, on or after the latest day of the data, is not lapsed, whatever else.
  it("never counts a customer as lapsed once they buy again, on or after the latest day", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ who: fc.integer({ min: 0, max: 5 }), at: fc.integer({ min: 0, max: 400 }) }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: 30 }),
        (orders, who, daysAfterLatest) => {
          const base = orders.map((o) => ({ customer: `c${o.who}`, date: on(o.at), amount: 1 }));
          const latest = Math.max(...orders.map((o) => o.at));
          const after = health([...base, { customer: `c${who}`, date: on(latest + daysAfterLatest), amount: 1 }]);
          expect(after.lapsed.customers.map((c) => c.name)).not.toContain(`c${who}`);
        },
      ),
      { seed: 14, numRuns: 200 },
    );
  });

  it("counts a customer's gaps between distinct days only", () => {
    const finder = new LapsedFinder(100, 2);
    finder.add({ customer: 0, days: [0, 10], count: 2, revenueAtStake: 0, manager: 0 });
    finder.add({ customer: 1, days: [0, 50, 70], count: 3, revenueAtStake: 0, manager: 0 });
    // Gaps 10, 50, 20: median 20. Customer 0: gone 90 > 20 and > 20; customer 1: gone 30, not > 2 × 35.
    const { list } = finder.finish({ name: String, contact: () => undefined, manager: () => "" }, 10, false);
    expect(list).toMatchObject({ count: 1, medianGapDays: 20, revenueAtStake: null });
  });

  it("ranks the most at stake first, a tie to the customer seen first; without amounts the longest gone first", () => {
    const finder = new LapsedFinder(100, 2);
    // Gaps 10, 10, 10, 5, 5: median 10. Gone: customers 0, 1 and 3 for 90 days, customer 2 for 70.
    finder.add({ customer: 2, days: [20, 30], count: 2, revenueAtStake: 90, manager: 0 });
    finder.add({ customer: 1, days: [0, 10], count: 2, revenueAtStake: 50, manager: 0 });
    finder.add({ customer: 3, days: [0, 5, 10], count: 3, revenueAtStake: 80, manager: 0 });
    finder.add({ customer: 0, days: [0, 10], count: 2, revenueAtStake: 50, manager: 0 });
    const names = { name: String, contact: () => undefined, manager: () => "" };
    const order = (limit: number, hasAmounts: boolean): string[] =>
      finder.finish(names, limit, hasAmounts).list.customers.map((customer) => customer.name);
    // 90 first, then 80; of the two at 50, both gone 90, customer 0 before 1.
    expect(order(10, true)).toEqual(["2", "3", "0", "1"]);
    expect(order(2, true)).toEqual(["2", "3"]);
    // Without amounts: gone 90 (customer 3 with the most purchases first, then 0, 1), then 70.
    expect(order(10, false)).toEqual(["3", "0", "1", "2"]);
    expect(order(3, false)).toEqual(["3", "0", "1"]);
  });
});

/** Monthly orders from Jan 2022 to Dec 2023: `existing` customers buy monthly, new ones come each month. */
function twoYears(existingAmount: (month: number) => number, newAmount: (month: number) => number): Row[] {
  const list: Row[] = [];
  for (let month = 0; month < 24; month++) {
    // The last orders on 31 December 2023 make December complete.
    const date = month === 23 ? "2023-12-31" : `${2022 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, "0")}-15`;
    list.push({ customer: "Regular", date, amount: existingAmount(month) }, { customer: `New ${month}`, date, amount: newAmount(month) });
  }
  return list;
}

describe("questions 1, 3 and 6: revenue from existing and new customers, and the average order", () => {
  it("judges the existing customers' share of revenue over the last 3 complete periods", () => {
    // Oct–Dec 2023: Regular (first seen Jan 2022) spends 60 a month, the new customers 40: 60 %.
    const q1 = question(
      twoYears(
        () => 60,
        () => 40,
      ),
      1,
    );
    expect(q1).toMatchObject({
      verdict: "good",
      figures: { existingShare: 0.6, existingRevenue: 180, newRevenue: 120, from: "2023-10", to: "2023-12" },
    });
    const q1Low = question(
      twoYears(
        () => 49,
        () => 51,
      ),
      1,
    );
    expect(q1Low).toMatchObject({ verdict: "bad", figures: { existingShare: 0.49 } });
  });

  it("grades the existing revenue by its trend, against the 3 periods just before while 2022 is the data's first year", () => {
    // Existing revenue is 100 a month (except January 2022, when Regular is new) and 111 in Oct–Dec
    // 2023. The data start on 15 Jan 2022, so 2022 is their first 12 months: Oct–Dec 2023 is
    // compared with Jul–Sep 2023, 333 against 300.
    const growing = twoYears(
      (m) => (m >= 21 ? 111 : 100),
      () => 5,
    );
    expect(question(growing, 3)).toMatchObject({
      verdict: "good",
      trend: { direction: "growing", basis: "justBefore", base: { value: 300 } },
    });
    const falling = question(
      twoYears(
        (m) => (m >= 21 ? 89 : 100),
        () => 5,
      ),
      3,
    );
    expect(falling.verdict).toBe("bad");
    expect(falling.figures.change).toBeCloseTo(-0.11, 12);
  });

  it("compares with the same periods a year before when the orders start with the business", () => {
    // Oct–Dec 2023 (90 a month) against Oct–Dec 2022 (100 a month): −10 %, flat; the 3 periods
    // just before (Jul–Sep 2023, 120 a month) would have made it a fall of 25 %.
    const log = twoYears(
      (m) => (m >= 21 ? 90 : m >= 18 ? 120 : 100),
      () => 5,
    );
    expect(question(log, 3, { ordersStartWithBusiness: true })).toMatchObject({
      verdict: "watch",
      trend: { direction: "flat", basis: "yearBefore", recent: { value: 270 }, base: { value: 300 } },
    });
  });

  it("asks for more history before the data's second year has 3 complete periods", () => {
    const short = twoYears(
      () => 10,
      () => 10,
    ).filter((row) => row.date < "2023-02-01");
    expect(question(short, 3)).toMatchObject({ verdict: "needsData", needs: "history" });
  });

  it("grades the average order by its trend over every complete period", () => {
    // Each month has two purchases (Regular's and a new customer's). 2022 Oct–Dec: (100 + 100) ÷ 2;
    // 2023 Oct–Dec: (100 + 60) ÷ 2 = 80, a 20 % fall.
    const q6 = question(
      twoYears(
        () => 100,
        (m) => (m >= 21 ? 60 : 100),
      ),
      6,
    );
    expect(q6).toMatchObject({ verdict: "bad", figures: { averageOrder: 80, before: 100 } });
  });

  it("needs an amount column", () => {
    expect(
      question(
        twoYears(
          () => 1,
          () => 1,
        ),
        1,
        { hasAmounts: false },
      ),
    ).toMatchObject({ verdict: "needsData", needs: "amount" });
  });
});

describe("question 8: the size of the customer base", () => {
  it("is flat when the same number of customers bought in each trailing year", () => {
    // Regular plus the 12 new customers of the 12 months before: 13 at each period's end in 2023.
    const q8 = question(
      twoYears(
        () => 1,
        () => 1,
      ),
      8,
    );
    expect(q8).toMatchObject({ verdict: "watch", figures: { activeBase: 13 }, trend: { direction: "flat" } });
  });
});

describe("questions 2 and 7: data the orders may not have", () => {
  it("says which column would answer them", () => {
    const log = rows([["A", "2024-01-01", 1]]);
    expect(question(log, 2)).toMatchObject({ verdict: "needsData", needs: "budget" });
    expect(question(log, 7)).toMatchObject({ verdict: "needsData", needs: "initiatedBy" });
    expect(question(log, 4)).toMatchObject({ verdict: "needsData", needs: "manager" });
    // A's only purchase day: nobody bought twice, so nobody can have lapsed.
    expect(question(log, 5)).toMatchObject({ verdict: "needsData", needs: "repeatCustomers" });
  });

  it("finds the initiator and the customer's phone by their headers, not a manager's", () => {
    const header = ["Клиент", "Дата", "Сумма", "Менеджер", "Телефон менеджера", "Телефон клиента", "Инициатор (клиент/менеджер)"];
    const mapping = mapHeader(header);
    expect(mapping).toEqual({ customer: 0, date: 1, amount: 2, manager: 3 });
    expect(findHealthColumns(header, mapping)).toEqual({ contact: 5, initiatedBy: 6 });
    // Without a manager column, the initiator is still no manager.
    expect(mapHeader(["Клиент", "Дата", "Инициатор (клиент/менеджер)"])).toEqual({ customer: 0, date: 1 });
  });

  it("says the budgets are all 0, not that the column is missing, when it was read", () => {
    const log: Row[] = [
      { customer: "A", date: "2024-01-01", amount: 100, budget: 0 },
      { customer: "B", date: "2024-02-01", amount: 50, budget: 0 },
    ];
    expect(question(log, 2)).toMatchObject({ verdict: "needsData", needs: "positiveBudget" });
  });

  it("takes the share of wallet from the last 12 months' sales and the latest budget", () => {
    // A's budget was 1,000, then 400 on a later row. A bought 100 in Feb 2023 (more than 12 months
    // before 1 Mar 2024, the latest order) and 200 + 100 within them: 300 ÷ 400 = 75 %.
    const log: Row[] = [
      { customer: "A", date: "2023-02-01", amount: 100, budget: 1000 },
      { customer: "A", date: "2023-06-01", amount: 200 },
      { customer: "A", date: "2024-03-01", amount: 100, budget: 400 },
    ];
    expect(question(log, 2)).toMatchObject({ verdict: "good", figures: { shareOfWallet: 0.75, sales: 300, budget: 400, customers: 1 } });
  });

  it("counts a purchase as started by the company when any of its rows says so", () => {
    // Four purchases in the 12 months up to 1 Mar 2024; two started by the company (B's in one row of two).
    const log: Row[] = [
      { customer: "A", date: "2023-06-01", amount: 1, started: true },
      { customer: "A", date: "2023-07-01", amount: 1 },
      { customer: "B", date: "2023-08-01", amount: 1 },
      { customer: "B", date: "2023-08-01", amount: 1, started: true },
      { customer: "C", date: "2024-03-01", amount: 1 },
      { customer: "C", date: "2022-01-01", amount: 1, started: true },
    ];
    expect(question(log, 7, { hasInitiatedBy: true })).toMatchObject({
      verdict: "good",
      figures: { startedShare: 0.5, startedByCompany: 2, purchases: 4 },
    });
  });
});

describe("the periods' sums", () => {
  it("new + existing = active, and the split sums to the period's revenue, for any orders", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            who: fc.integer({ min: 0, max: 8 }),
            at: fc.integer({ min: 0, max: 800 }),
            cents: fc.integer({ min: -500, max: 5000 }),
          }),
          { minLength: 1, maxLength: 60 },
        ),
        (orders) => {
          const start = day("2022-01-01");
          const list = orders.map((o) => ({
            customer: `c${o.who}`,
            date: new Date((start + o.at) * 86_400_000).toISOString().slice(0, 10),
            amount: o.cents / 100,
          }));
          for (const p of health(list).periods) {
            expect(p.newCustomers + p.existingCustomers).toBe(p.activeCustomers);
            expect(p.newPurchases + p.existingPurchases).toBe(p.purchases);
            expect(p.newRevenue! + p.existingRevenue!).toBeCloseTo(p.revenue!, 9);
          }
        },
      ),
      { seed: 8, numRuns: 150 },
    );
  });
});

describe("the cohort grid", () => {
  it("is COHORT_MATRIX's triangle, from the purchase log", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            who: fc.integer({ min: 0, max: 12 }),
            at: fc.integer({ min: 0, max: 500 }),
            cents: fc.integer({ min: -300, max: 3000 }),
          }),
          { minLength: 1, maxLength: 80 },
        ),
        fc.constantFrom("month" as const, "week" as const, "quarter" as const),
        (orders, period) => {
          const start = day("2023-01-01");
          const list = orders.map((o) => ({
            customer: `c${o.who}`,
            date: new Date((start + o.at) * 86_400_000).toISOString().slice(0, 10),
            amount: o.cents / 100,
          }));
          const matrixLedger = new CustomerLedger({ trackPeriods: period });
          for (const row of list) matrixLedger.add(customerKey(row.customer), row.customer, day(row.date), row.amount);
          const matrix = cohortMatrix(matrixLedger, period);
          const grid = health(list, { period, gridCohorts: 1000, gridOffsets: 1000 }).cohortGrid;
          expect(grid.rows.map((row) => [row.start, row.size, row.active.map((count) => count ?? undefined)])).toEqual(
            matrix.rows.map((row) => [isoDate(row.start), row.size, row.active]),
          );
        },
      ),
      { seed: 24, numRuns: 150 },
    );
  });

  it("keeps the latest cohorts and the first offsets, and counts the cohorts left out", () => {
    // Monthly customers from January to April, one each; the latest purchase is in April.
    const log = rows([
      ["A", "2024-01-10", 1],
      ["A", "2024-03-10", 1],
      ["B", "2024-02-10", 1],
      ["C", "2024-03-10", 1],
      ["D", "2024-04-10", 1],
    ]);
    const grid = health(log, { gridCohorts: 2, gridOffsets: 3 }).cohortGrid;
    expect(grid).toEqual({
      rows: [
        // March to April is two periods: offsets 0 and 1, though three were allowed.
        { period: "2024-03", start: "2024-03-01", size: 1, active: [1, 0] },
        { period: "2024-04", start: "2024-04-01", size: 1, active: [1, null] },
      ],
      rowsOmitted: 2,
      offsets: 2,
    });
  });
});

/**
 * The report of managers' new customers, all first buying on 10 February 2023 and none coming back,
 * between an opening order on 5 January 2023 and a closing one on 30 June 2024 (no manager). Nobody
 * comes back, so H is 365 days: February is old enough by the latest order, and January (the data's
 * first month) is left out.
 */
function newCustomersOf(managers: readonly (readonly [manager: string, customers: number])[]) {
  const rows: [string, string, number, string][] = [
    ["Opening", "2023-01-05", 1, ""],
    ["Closing", "2024-06-30", 1, ""],
  ];
  for (const [manager, customers] of managers) for (let c = 0; c < customers; c++) rows.push([`${manager} ${c}`, "2023-02-10", 5, manager]);
  return managersReport(rows);
}

/** The report with the health check of [customer, date, amount, manager] rows, by months. */
function managersReport(rows: readonly (readonly [string, string, number, string])[], ordersStartWithBusiness = false) {
  const values: unknown[][] = [["Customer", "Date", "Amount", "Manager"], ...rows.map((row) => [...row])];
  return analyzeTable(values, {
    mapping: { customer: 0, date: 1, amount: 2, manager: 3 },
    headers: values[0] as string[],
    headerRow: 0,
    firstRowNumber: 1,
    health: { columns: {} },
    locale: inputLocale("en_US", "UTC"),
    settings: { target: 0.67, period: "month", ordersStartWithBusiness },
  }).report;
}

describe("edge cases the review found", () => {
  it("judges every manager for question 4, not only the first hundred the report lists", () => {
    // 120 managers, each keeping 0 % of 12 judged new customers.
    const report = newCustomersOf(Array.from({ length: 120 }, (_, m) => [`Manager ${m}`, 12] as const));
    expect(report.managers).toHaveLength(100);
    expect(report.healthCheck!.questions[3]).toMatchObject({ verdict: "bad", figures: { managersInTrouble: 120, managersJudged: 120 } });
  });

  it("says how many managers question 4 leaves out for too few new customers and no revenue trend", () => {
    // Small's 3 customers never buy again, so Small has no existing revenue: no trend, and 3
    // judged new customers are fewer than the 10 question 4 asks for.
    const report = newCustomersOf([
      ["Big", 12],
      ["Bigger", 12],
      ["Small", 3],
    ]);
    expect(report.healthCheck!.managers!.map((m) => [m.manager, m.newCustomers, m.existingRevenueTrend.direction, m.inTrouble])).toEqual([
      ["Big", 12, "needsData", true],
      ["Bigger", 12, "needsData", true],
      ["Small", 3, "needsData", false],
    ]);
    expect(report.healthCheck!.questions[3]).toMatchObject({
      verdict: "bad",
      figures: { managersInTrouble: 2, managersJudged: 2, managersNotJudged: 1 },
    });
  });

  it("needs data for question 4 while no manager can be judged, and says how many there are", () => {
    // As above: 3 and 2 new customers, never back, no existing revenue and too few periods for a trend.
    const report = newCustomersOf([
      ["Small", 3],
      ["Tiny", 2],
    ]);
    expect(report.healthCheck!.managers!.map((m) => [m.manager, m.judged])).toEqual([
      ["Small", false],
      ["Tiny", false],
    ]);
    expect(report.healthCheck!.questions[3]).toMatchObject({
      verdict: "needsData",
      needs: "judgedManagers",
      figures: { managersNotJudged: 2 },
    });
  });

  it("judges managers on retention alone without an amount column, and says so in either language", () => {
    // As "says how many managers question 4 leaves out" above, with the amounts dropped: Big and
    // Bigger keep 0 % of 12 judged new customers, Small has 3, too few to judge.
    const rows: unknown[][] = [
      ["Customer", "Date", "Manager"],
      ["Opening", "2023-01-05", ""],
      ["Closing", "2024-06-30", ""],
    ];
    for (const [manager, customers] of [
      ["Big", 12],
      ["Bigger", 12],
      ["Small", 3],
    ] as const)
      for (let c = 0; c < customers; c++) rows.push([`${manager} ${c}`, "2023-02-10", manager]);
    const { report } = analyzeTable(rows, {
      mapping: { customer: 0, date: 1, manager: 2 },
      headers: rows[0] as string[],
      headerRow: 0,
      firstRowNumber: 1,
      health: { columns: {} },
      locale: inputLocale("en_US", "UTC"),
      settings: { target: 0.67, period: "month" },
    });
    const check = report.healthCheck!;
    expect(check.questions[3]).toMatchObject({
      verdict: "bad",
      figures: { managersInTrouble: 2, managersJudged: 2, managersNotJudged: 1, judgedOn: "retention" },
    });
    const sentence = (language: "en" | "ru") => healthAnswers(check, language)[3]!.sentence;
    expect(sentence("en")).toBe(
      "2 of 2 managers keep fewer new customers than the target. 1 more manager is not counted yet: fewer than 10 judged new customers.",
    );
    expect(sentence("ru")).toBe(
      "Менеджеров, у которых новые клиенты возвращаются реже цели: 2 из 2. " +
        "Ещё 1 менеджер пока не учтён: меньше 10 оценённых новых клиентов.",
    );
  });

  it("judges no manager by a trend of nothing: revenue of 0 in both windows", () => {
    // The orders start with the business, so every month is judged. Old's three customers buy on
    // 10 January and 10 February 2023 and never again: existing revenue in February 2023 only. New's
    // 12 customers first buy on 10 January 2024 and never come back. The latest order is 30 June
    // 2024: Old's trend compares April–June 2024 with April–June 2023, nothing in both ("flat",
    // no change), so Old is not judged. H is 31 days (the only return), so January 2024's 12 new
    // customers are judged: 0 % of them came back, New is below target and in trouble.
    const rows: [string, string, number, string][] = [["Closing", "2024-06-30", 1, ""]];
    for (let c = 0; c < 3; c++) rows.push([`Old ${c}`, "2023-01-10", 5, "Old"], [`Old ${c}`, "2023-02-10", 5, "Old"]);
    for (let c = 0; c < 12; c++) rows.push([`New ${c}`, "2024-01-10", 5, "New"]);
    const check = managersReport(rows, true).healthCheck!;
    const old = check.managers!.find((m) => m.manager === "Old")!;
    expect([old.existingRevenueTrend, old.judged, old.inTrouble]).toEqual([
      expect.objectContaining({ direction: "flat", change: null }),
      false,
      false,
    ]);
    expect(check.managers!.find((m) => m.manager === "New")).toMatchObject({ newCustomers: 12, judged: true, inTrouble: true });
    expect(check.questions[3]).toMatchObject({
      verdict: "bad",
      figures: { managersInTrouble: 1, managersJudged: 1, managersNotJudged: 1 },
    });
  });

  it("needs data for question 1 when the last judged months had no revenue", () => {
    // Revenue is 0 in October–December 2023: no share of it to judge.
    const log = twoYears(
      (m) => (m >= 21 ? 0 : 10),
      (m) => (m >= 21 ? 0 : 10),
    );
    expect(question(log, 1)).toMatchObject({ verdict: "needsData", needs: "revenue" });
  });

  it("needs data for question 1 when refunds outweigh the revenue of the last judged months", () => {
    // October–December 2023: Regular's refunds of 30 a month against 10 from each new customer:
    // −90 + 30 = −60 in all, no share of it to give.
    const log = twoYears(
      (m) => (m >= 21 ? -30 : 10),
      () => 10,
    );
    expect(question(log, 1)).toMatchObject({ verdict: "needsData", needs: "revenue" });
  });
});

describe("who started the sale", () => {
  it("reads the direction a CRM writes first, in either language, and names what it does not know", () => {
    expect(["Исходящий звонок", "outbound email", " МЕНЕДЖЕР ", "исходящая"].map(initiatorOf)).toEqual([
      "company",
      "company",
      "company",
      "company",
    ]);
    expect(["Входящий звонок", "Inbound", "клиент"].map(initiatorOf)).toEqual(["customer", "customer", "customer"]);
    // Abbreviated directions and the kind of contact, as amoCRM and Bitrix24 users type them.
    const company = ["Исх.", "исх. письмо", "Холодный звонок", "Холодное письмо", "Холодные звонки", "cold email"];
    expect(company.map(initiatorOf)).toEqual(company.map(() => "company"));
    const customer = ["Вх.", "вх звонок", "Заявка с сайта", "Заявки с сайта", "Request"];
    expect(customer.map(initiatorOf)).toEqual(customer.map(() => "customer"));
    expect(["", "partner"].map(initiatorOf)).toEqual(["blank", "unknown"]);
  });
});

describe("how much more history a question needs, on a log shorter than a year", () => {
  // Worked by hand. Orders from 5 Jan to 30 Jun 2024, monthly: June is the last complete month. A
  // customer seen in the first 12 months may be older, so the first judged month is February 2025
  // (the first to start 12 months after 5 Jan 2024 or later). Question 1 reads the last 3 complete
  // months, February to April 2025: 10 more months after June 2024. Questions 3 and 8 compare 3
  // months with the 3 before them, February to July 2025: 13 more.
  const log = rows([
    ["A", "2024-01-05", 10],
    ["A", "2024-03-10", 10],
    ["B", "2024-04-02", 10],
    ["C", "2024-06-30", 10],
  ]);

  it("counts from the first judged month, even past the data's end", () => {
    const { questions } = health(log);
    expect(questions.map((q) => [q.id, q.verdict, q.periodsNeeded])).toEqual(
      expect.arrayContaining([
        [1, "needsData", 10],
        [3, "needsData", 13],
        [8, "needsData", 13],
      ]),
    );
  });
});
