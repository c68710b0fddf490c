// The health check's periods and lapsed customers on CDNOW and UCI Online Retail, against a
// separate brute-force computation with Date arithmetic and plain maps: months as UTC year × 12 +
// month, "12 months ending on E" as the days after E's date a year earlier, medians by sorting.
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { customerKey, ingestOrders, inputLocale } from "../../src/core";
import { HealthOrders } from "../../src/core/health/health-orders";
import { healthCheck } from "../../src/core/health/health-check";
import { datasetPath, describeDataset } from "../support/datasets";

const DAY_MS = 86_400_000;

interface Order {
  customer: string;
  iso: string;
  amount: number;
}

interface Expected {
  periods: Map<number, { active: number; fresh: number; purchases: number; newRevenue: number; existingRevenue: number; base: number }>;
  lapsed: number;
  repeat: number;
  medianGap: number;
  topLapsed: string[];
}

const dayOf = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const monthOf = (day: number): number => {
  const date = new Date(day * DAY_MS);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
};
const lastDayOfMonth = (month: number): number => Date.UTC(Math.floor(month / 12), (month % 12) + 1, 1) / DAY_MS - 1;
/** The same date a year earlier, 29 February falling back to the 28th. */
const yearEarlier = (day: number): number => {
  const date = new Date(day * DAY_MS);
  const [year, month] = [date.getUTCFullYear() - 1, date.getUTCMonth()];
  const monthLength = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(date.getUTCDate(), monthLength)) / DAY_MS;
};

function bruteForce(orders: readonly Order[]): Expected {
  const byCustomer = new Map<string, { day: number; amount: number }[]>();
  for (const order of orders) {
    const key = customerKey(order.customer);
    byCustomer.set(key, [...(byCustomer.get(key) ?? []), { day: dayOf(order.iso), amount: order.amount }]);
  }
  const purchasers = [...byCustomer.entries()].filter(([, rows]) => rows.some((row) => row.amount >= 0));
  const allDays = purchasers.flatMap(([, rows]) => rows.filter((r) => r.amount >= 0).map((r) => r.day));
  const latest = Math.max(...allDays);
  const periods: Expected["periods"] = new Map();
  const at = (month: number) => {
    if (!periods.has(month)) periods.set(month, { active: 0, fresh: 0, purchases: 0, newRevenue: 0, existingRevenue: 0, base: 0 });
    return periods.get(month)!;
  };
  const gaps: number[] = [];
  const lapsedCandidates: { name: string; gone: number; usual: number; atStake: number }[] = [];
  let repeat = 0;
  for (const [name, rows] of purchasers) {
    const days = [...new Set(rows.filter((r) => r.amount >= 0).map((r) => r.day))].sort((a, b) => a - b);
    const firstMonth = monthOf(days[0]!);
    for (const row of rows) {
      const p = at(monthOf(row.day));
      if (monthOf(row.day) === firstMonth) p.newRevenue += row.amount;
      else p.existingRevenue += row.amount;
    }
    for (const day of days) at(monthOf(day)).purchases++;
    for (const month of new Set(days.map(monthOf))) {
      at(month).active++;
      if (month === firstMonth) at(month).fresh++;
    }
    for (let i = 1; i < days.length; i++) gaps.push(days[i]! - days[i - 1]!);
    if (days.length >= 2) {
      repeat++;
      const last = days[days.length - 1]!;
      // The year up to the last purchase, and the refunds after it (no purchase comes after it).
      const atStake = rows.filter((r) => r.day > yearEarlier(last)).reduce((sum, r) => sum + r.amount, 0);
      lapsedCandidates.push({ name, gone: latest - last, usual: (last - days[0]!) / (days.length - 1), atStake });
    }
  }
  for (const [month, p] of periods) {
    const end = lastDayOfMonth(month);
    p.base = purchasers.filter(([, rows]) => rows.some((r) => r.amount >= 0 && r.day <= end && r.day > yearEarlier(end))).length;
  }
  gaps.sort((a, b) => a - b);
  const medianGap = (gaps[(gaps.length - 1) >> 1]! + gaps[gaps.length >> 1]!) / 2;
  const lapsed = lapsedCandidates.filter((c) => c.gone > 2 * c.usual && c.gone > medianGap).sort((a, b) => b.atStake - a.atStake);
  return { periods, lapsed: lapsed.length, repeat, medianGap, topLapsed: lapsed.slice(0, 5).map((c) => c.name) };
}

function coreHealth(orders: readonly Order[]) {
  const values = orders.map((o) => [o.customer, o.iso, o.amount]);
  const recorder = new HealthOrders({}, false);
  ingestOrders(
    {
      customer: { argument: "customer", values, column: 0 },
      date: { argument: "date", values, column: 1 },
      amount: { argument: "amount", values, column: 2 },
    },
    recorder,
    { locale: inputLocale("en_GB", "UTC") },
  );
  return healthCheck(
    recorder.ledger,
    recorder.log,
    { period: "month", target: 0.67, hasAmounts: true, hasManagers: false, hasInitiatedBy: false },
    null,
  );
}

function expectAgreement(orders: readonly Order[]): void {
  const expected = bruteForce(orders);
  const check = coreHealth(orders);
  const label = (month: number) => `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, "0")}`;
  const wanted = [...expected.periods.entries()].sort(([a], [b]) => a - b);
  expect(check.periods.filter((p) => p.activeCustomers > 0 || p.revenue !== 0).map((p) => p.period)).toEqual(
    wanted.filter(([, p]) => p.active > 0 || p.newRevenue + p.existingRevenue !== 0).map(([m]) => label(m)),
  );
  for (const [month, p] of wanted) {
    const row = check.periods.find((r) => r.period === label(month))!;
    expect([row.activeCustomers, row.newCustomers, row.purchases, row.activeBase]).toEqual([p.active, p.fresh, p.purchases, p.base]);
    expect(row.newRevenue).toBeCloseTo(p.newRevenue, 4);
    expect(row.existingRevenue).toBeCloseTo(p.existingRevenue, 4);
  }
  expect(check.lapsed).toMatchObject({ count: expected.lapsed, repeatCustomers: expected.repeat, medianGapDays: expected.medianGap });
  expect(check.lapsed.customers.slice(0, 5).map((c) => customerKey(c.name))).toEqual(expected.topLapsed);
}

describeDataset("CDNOW_master.txt", "the health check on CDNOW", () => {
  it("gives the periods and the lapsed customers a brute-force count gives", () => {
    const orders = readFileSync(datasetPath("CDNOW_master.txt"), "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .map(([customer, date, , amount]) => ({
        customer: customer!,
        iso: `${date!.slice(0, 4)}-${date!.slice(4, 6)}-${date!.slice(6, 8)}`,
        amount: Number(amount),
      }));
    expect(orders).toHaveLength(69_659);
    expectAgreement(orders);
  });
});

describeDataset("online_retail_invoices.csv", "the health check on UCI Online Retail", () => {
  it("gives the periods and the lapsed customers a brute-force count gives, refunds included", () => {
    const orders = readFileSync(datasetPath("online_retail_invoices.csv"), "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => line.split(","))
      .filter(([, , customer]) => customer !== "")
      .map(([, date, customer, , , , , amount]) => ({ customer: customer!, iso: date!.slice(0, 10), amount: Number(amount) }));
    expectAgreement(orders);
  });
});
