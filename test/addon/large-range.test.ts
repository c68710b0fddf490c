// A million-row selection still gives a small report: the core caps every list, so what crosses
// google.script.run stays well under ~200 KB whatever the sheet holds.

import { describe, expect, it } from "vitest";
import { REPORT_LIMITS } from "../../src/core/report";
import { analyzed, useFake } from "./helpers";

const ROWS = 1_000_000;

/**
 * The worst case for size: ~333 000 customers with long names, ~1 000 managers, weekly cohorts
 * over 30 years (more than the 600 kept) and a bad date every 1 000 rows (more than the 20 kept).
 * Each customer buys three times, 30 days apart, and first purchases are spread evenly over the
 * 30 years, so the judged year of weekly cohorts (the manager table counts only those) holds
 * thousands of new customers whose first orders cycle through all 1 000 managers.
 * Dates are serial numbers, as a Sheets date column formatted as a number reads.
 */
function largeLog(): unknown[][] {
  const rows: unknown[][] = new Array(ROWS + 1);
  rows[0] = ["Date", "Customer", "Amount", "Manager"];
  const padding = "x".repeat(40);
  for (let i = 1; i <= ROWS; i++) {
    const customer = Math.floor(i / 3);
    const serial = 36_526 + (customer % 11_000) + (i % 3) * 30; // first purchases from 2000-01-01 over ~30 years
    const date = i % 1_000 === 0 ? "not a date" : serial;
    rows[i] = [date, `Customer ${customer} ${padding}`, (i % 997) + 0.5, `Manager ${i % 1_000}`];
  }
  return rows;
}

describe("a 1 000 000-row selection", () => {
  it("returns a report under 200 KB of JSON, with every list capped", () => {
    useFake({ sheets: { Orders: largeLog() } }, "Orders!A1:D1000001");
    const { report } = analyzed({
      mapping: { date: 0, customer: 1, amount: 2, manager: 3 },
      settings: {
        targetPercent: 67,
        period: "week",
        withinDays: null,
        ordersStartWithBusiness: false,
        excludeDealType: null,
        countedStatuses: null,
      },
    });
    const bytes = Buffer.byteLength(JSON.stringify(report), "utf8");
    expect(report.stats.rows).toBe(ROWS);
    expect(report.stats.skippedRows).toBe(ROWS / 1_000);
    expect(report.skipped.length).toBe(REPORT_LIMITS.skipped);
    expect(report.cohorts.length).toBe(REPORT_LIMITS.cohorts);
    expect(report.cohortsOmitted).toBeGreaterThan(0);
    expect(report.managers!.length).toBe(REPORT_LIMITS.managers);
    expect(report.lost.customers.length).toBeLessThanOrEqual(REPORT_LIMITS.lost);
    expect(bytes).toBeLessThan(200_000);
    console.log(`1 000 000 rows → report of ${bytes} bytes of JSON`);
  });
});
