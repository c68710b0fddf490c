// The two shared real datasets, checked against a separate, deliberately naive reference: split
// lines, group distinct purchase days per customer, count customers with two or more.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { DATASETS, describeDataset } from "../support/datasets";
import { json } from "./helpers";

/** The JSON report's keys that hold a sum of money (not a ratio or an average of one). */
const MONEY_KEYS = new Set([
  "amount",
  "revenue",
  "newRevenue",
  "existingRevenue",
  "sales",
  "budget",
  "revenueAtStake",
  "lapsedRevenueAtStake",
]);

/** Every sum of money in the JSON report, by its path. */
function moneyFigures(value: unknown, path = "", key = ""): [string, number][] {
  if (typeof value === "number") return MONEY_KEYS.has(key) ? [[path, value]] : [];
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([inner, innerValue]) => moneyFigures(innerValue, `${path}.${inner}`, inner));
}

function reference(rows: { customer: string; date: string }[]): { customers: number; returned: number } {
  const days = new Map<string, Set<string>>();
  for (const { customer, date } of rows) {
    if (!days.has(customer)) days.set(customer, new Set());
    days.get(customer)!.add(date);
  }
  return { customers: days.size, returned: [...days.values()].filter((set) => set.size >= 2).length };
}

describeDataset("grocery_elog.csv", "shared datasets", () => {
  it("grocery_elog.csv: quoted cust,date, no amounts", async () => {
    const lines = readFileSync(join(DATASETS, "grocery_elog.csv"), "utf8").trim().split("\n").slice(1);
    const rows = lines.map((line) => {
      const [customer, date] = line.replaceAll('"', "").split(",");
      return { customer: customer!, date: date! };
    });
    const expected = reference(rows);
    // The README: 10,483 purchases by 1,525 customers.
    expect([rows.length, expected.customers]).toEqual([10_483, 1_525]);
    const report = await json(["report", join(DATASETS, "grocery_elog.csv")]);
    expect(report).toMatchObject({
      rows: 10_483,
      orders: 10_483,
      skippedRowCount: 0,
      firstPurchases: 1_525,
      secondPurchases: expected.returned,
      repeatRevenueShare: null,
    });
  });

  it("online_retail_invoices.csv: anonymous invoices skipped with their reason, dates with times, cancellations no purchases", async () => {
    const lines = readFileSync(join(DATASETS, "online_retail_invoices.csv"), "utf8").trim().split("\n");
    const header = lines[0]!.split(",");
    const [dateAt, customerAt, amountAt] = [header.indexOf("InvoiceDate"), header.indexOf("CustomerID"), header.indexOf("amount")];
    const rows = lines.slice(1).map((line, k) => {
      const cells = line.split(","); // no quoted fields in this file
      return { line: k + 2, customer: cells[customerAt]!, date: cells[dateAt]!.slice(0, 10), amount: Number(cells[amountAt]) };
    });
    const anonymous = rows.filter((row) => row.customer === "");
    // A cancellation (negative amount) is no purchase: it makes nobody a customer and places no day.
    const cancellations = rows.filter((row) => row.customer !== "" && row.amount < 0);
    const expected = reference(rows.filter((row) => row.customer !== "" && row.amount >= 0));
    // The README: 25,900 invoices, 3,710 without a CustomerID.
    expect([rows.length, anonymous.length]).toEqual([25_900, 3_710]);
    const report = await json(["report", join(DATASETS, "online_retail_invoices.csv")]);
    expect(report).toMatchObject({
      rows: 25_900,
      orders: 25_900 - 3_710,
      skippedRowCount: 3_710,
      customers: expected.customers,
      firstPurchases: expected.customers,
      secondPurchases: expected.returned,
      firstDate: "2010-12-01",
      lastDate: "2011-12-09",
      refunds: { rows: cancellations.length },
    });
    expect(cancellations.length).toBeGreaterThan(3000);
    // The amounts have at most three decimals (four invoices have a third), so every sum of them
    // has too: counted in thousandths, the refunds come to an exact figure, which the report must
    // print without float noise, as every other sum of money.
    const decimals = Math.max(...lines.slice(1).map((line) => line.split(",")[amountAt]!.split(".")[1]?.length ?? 0));
    expect(decimals).toBe(3);
    const refundThousandths = cancellations.reduce((sum, row) => sum + Math.round(row.amount * 1000), 0);
    expect(report.refunds.amount).toBe(refundThousandths / 1000);
    for (const [path, value] of moneyFigures(report)) expect(Number(value.toFixed(decimals)), path).toBe(value);
    // The data's first month is left out, so the verdict starts with 2011-01 (issue 12).
    expect(report.verdict).toMatchObject({ leftOutPeriod: "2010-12", fromPeriod: "2011-01" });
    expect(report.skippedRows[0]).toEqual({
      row: anonymous[0]!.line,
      reason: `CustomerID, row ${anonymous[0]!.line}: the customer is empty but the row has other values`,
    });
  });
});
