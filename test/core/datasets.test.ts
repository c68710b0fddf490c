// The judged verdict on UCI Online Retail's raw invoices, against a separate, deliberately naive
// computation of the same rule with Date arithmetic: purchases per customer as ISO days, H as the
// nearest-rank 80th percentile of first-to-second gaps, months as year × 12 + month.
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { analyzeTable, inputLocale, mapHeader } from "../../src/core";
import { datasetPath, describeDataset } from "../support/datasets";

const FILE = "online_retail_invoices.csv";
const DAY_MS = 86_400_000;

function naiveVerdict(rows: string[][]): { horizon: number; from: string; to: string; newCustomers: number; returned: number } {
  const days = new Map<string, Set<number>>();
  for (const [, date, customer, , , , , amount] of rows) {
    if (customer === "" || Number(amount) < 0) continue; // anonymous buyers; cancellations are no purchase
    const day = Date.parse(`${date!.slice(0, 10)}T00:00:00Z`) / DAY_MS;
    days.set(customer!, (days.get(customer!) ?? new Set()).add(day));
  }
  const firstTwo = [...days.values()].map((set) => [...set].sort((a, b) => a - b).slice(0, 2));
  const all = [...days.values()].flatMap((set) => [...set]);
  const [earliest, latest] = [Math.min(...all), Math.max(...all)];
  const gaps = firstTwo
    .filter((d) => d.length === 2)
    .map(([a, b]) => b! - a!)
    .sort((a, b) => a - b);
  const horizon = gaps[Math.ceil(0.8 * gaps.length) - 1]!;
  const month = (day: number): number => new Date(day * DAY_MS).getUTCFullYear() * 12 + new Date(day * DAY_MS).getUTCMonth();
  const lastDayOf = (m: number): number => Date.UTC(Math.floor(m / 12), (m % 12) + 1, 1) / DAY_MS - 1;
  let latestOldEnough = month(latest);
  while (lastDayOf(latestOldEnough) + horizon > latest) latestOldEnough--;
  const first = Math.max(month(earliest) + 1, latestOldEnough - 11);
  const judged = firstTwo.filter(([a]) => month(a!) >= first && month(a!) <= latestOldEnough);
  const label = (m: number): string => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;
  return {
    horizon,
    from: label(first),
    to: label(latestOldEnough),
    newCustomers: judged.length,
    returned: judged.filter((d) => d.length === 2 && d[1]! - d[0]! <= horizon).length,
  };
}

describeDataset(FILE, "UCI Online Retail, raw invoices", () => {
  it("leaves the refunds out and judges the old-enough cohorts from 2011-01 on, as a naive count does", () => {
    const rows = readFileSync(datasetPath(FILE), "utf8")
      .trim()
      .split("\n")
      .map((line) => line.split(","));
    // The datasets README: 25,900 invoices, 3,710 without a customer.
    expect(rows.length - 1).toBe(25_900);
    const expected = naiveVerdict(rows.slice(1));
    const { report } = analyzeTable(rows, {
      mapping: mapHeader(rows[0]!),
      headers: rows[0]!,
      headerRow: 0,
      firstRowNumber: 1,
      locale: inputLocale("en_GB", "UTC"),
      settings: { target: 0.67, period: "month" },
    });
    expect(report.stats.skippedRows).toBe(3_710);
    expect(report.verdict).toMatchObject({
      horizonDays: expected.horizon,
      fromPeriod: expected.from,
      toPeriod: expected.to,
      firstPurchases: expected.newCustomers,
      secondPurchases: expected.returned,
      leftOutPeriod: "2010-12",
    });
    expect(expected.from).toBe("2011-01");
    expect(report.verdict.rate).toBeLessThan(0.67);
    // Every cancellation with a customer is a refund row, none of them a purchase.
    const cancellations = rows.filter((r) => r[0]!.startsWith("C") && r[2] !== "").length;
    expect(report.refunds.rows).toBe(cancellations);
  });
});
