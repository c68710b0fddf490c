import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CustomerLedger, customerKey, isoDate } from "../../../src/core";
import { healthCheck, type HealthSettings } from "../../../src/core/health/health-check";
import { ManagerRevenue } from "../../../src/core/health/manager-revenue";
import { PurchaseLog } from "../../../src/core/health/purchase-log";
import { trendWindows } from "../../../src/core/health/trend";
import { day } from "../fixtures";
import { CHILD_TIMEOUT_MS } from "../../support/child-timeout";

describe("the windows every trend of one check compares", () => {
  it("are the last three complete periods and the same three a year before, else the three just before", () => {
    // Monthly, periods 0 … 14 complete: 12–14 against 0–2. One period fewer: 11–13 against 8–10.
    expect(trendWindows(0, 14, 12)).toEqual({ recentFrom: 12, baseFrom: 0, size: 3, basis: "yearBefore" });
    expect(trendWindows(0, 13, 12)).toEqual({ recentFrom: 11, baseFrom: 8, size: 3, basis: "justBefore" });
    // Periods 1 … 5 usable: one more complete period is needed for two windows of three.
    expect(trendWindows(1, 5, 12)).toEqual({ periodsNeeded: 1 });
  });
});

describe("each manager's revenue from existing customers", () => {
  // Ten periods; the trend compares positions 1–3 with 4–6, so only those are kept.
  const windows = { baseFrom: 1, recentFrom: 4, size: 3, basis: "justBefore" } as const;

  function visited(revenue: ManagerRevenue): { manager: number; base: number; recent: number }[] {
    const seen: { manager: number; base: number; recent: number }[] = [];
    revenue.forEachManager((manager, windowSum) => seen.push({ manager, base: windowSum(1, 3), recent: windowSum(4, 6) }));
    return seen;
  }

  it("sums each manager's amounts over the trend's windows, managers in the order they came", () => {
    const revenue = new ManagerRevenue(10, 3, windows);
    revenue.add(2, 5, 10);
    revenue.add(1, 0, 999); // a period no trend reads: the manager counts, the amount is not kept
    revenue.add(1, 2, 7);
    revenue.add(2, 9, 5);
    revenue.add(1, 2, 3);
    revenue.add(1, 6, -4); // a refund lowers the window
    expect(visited(revenue)).toEqual([
      { manager: 2, base: 0, recent: 10 },
      { manager: 1, base: 10, recent: -4 },
    ]);
  });

  it("refuses a window it did not keep instead of reading a wrong sum", () => {
    const revenue = new ManagerRevenue(10, 2, windows);
    revenue.add(1, 1, 5);
    expect(() => revenue.forEachManager((_, windowSum) => windowSum(0, 2))).toThrow(/position 0/);
  });

  it("still lists the managers when no trend can be taken yet", () => {
    const revenue = new ManagerRevenue(2, 2, undefined);
    revenue.add(1, 1, 5);
    const managers: number[] = [];
    revenue.forEachManager((manager, windowSum) => {
      managers.push(manager);
      expect(() => windowSum(1, 1)).toThrow();
    });
    expect(managers).toEqual([1]);
  });
});

describe("a manager column of unique values", () => {
  // Worked by hand, monthly, the orders starting with the business, so every complete period is
  // judged. C1 first buys on 5 January 2023 (manager X: new revenue, credited to nobody's existing
  // revenue). Anna sells C1 100 in each of February, March and April and 50 in each of May, June
  // and July. A thousand managers U0000 … U0999 each sell C1 one order of 1, between 1 May and 29
  // July. C2's first purchase on 31 July makes July complete. The trend compares May–July with
  // February–April (a year before is not in the data): Anna falls from 300 to 150 (−50 %), each U
  // manager grows from 0 to 1. Every one of those 1,001 managers has a trend, so all are judged, and
  // Anna alone is in trouble: 1 of 1,001, more than none and not more than half, "watch". X sold
  // the first purchase only: listed (1,002 managers), with no figure to be judged by.
  const unique = Array.from({ length: 1000 }, (_, i) => `U${String(i).padStart(4, "0")}`);
  const rows: [customer: string, date: string, amount: number, manager: string][] = [
    ["C1", "2023-01-05", 500, "X"],
    ...["02", "03", "04"].map((month): [string, string, number, string] => ["C1", `2023-${month}-10`, 100, "Anna"]),
    ...["05", "06", "07"].map((month): [string, string, number, string] => ["C1", `2023-${month}-10`, 50, "Anna"]),
    ...unique.map((manager, i): [string, string, number, string] => ["C1", isoDate(day("2023-05-01") + (i % 90)), 1, manager]),
    ["C2", "2023-07-31", 20, ""],
  ];
  const settings: HealthSettings = {
    period: "month",
    target: 0.67,
    ordersStartWithBusiness: true,
    hasAmounts: true,
    hasManagers: true,
    hasInitiatedBy: false,
    managerLimit: 3,
  };
  const log = new PurchaseLog();
  const ledger = new CustomerLedger({ purchaseLog: log });
  for (const [customer, date, amount, manager] of rows) ledger.add(customerKey(customer), customer, day(date), amount, manager);
  const check = healthCheck(ledger, log, settings, null);

  it("gives the managers shown the figures worked by hand", () => {
    expect(check.managers!.map((m) => m.manager)).toEqual(["Anna", "U0000", "U0001"]);
    expect(check.managersOmitted).toBe(999);
    expect(check.managers![0]).toMatchObject({
      existingRevenueTrend: {
        direction: "falling",
        change: -0.5,
        recent: { from: "2023-05", to: "2023-07", value: 150 },
        base: { from: "2023-02", to: "2023-04", value: 300 },
        basis: "justBefore",
      },
      inTrouble: true,
    });
    expect(check.managers![1]).toMatchObject({
      existingRevenueTrend: { direction: "growing", change: null, recent: { value: 1 }, base: { value: 0 } },
      inTrouble: false,
    });
  });

  it("judges every one of them for question 4", () => {
    expect(check.questions[3]).toMatchObject({
      verdict: "watch",
      figures: { managersInTrouble: 1, managersJudged: 1001, managersNotJudged: 1 },
    });
  });

  it.skipIf(!existsSync("/proc/self/clear_refs"))(
    "takes memory by manager, not by manager and period",
    (context) => {
      // 60,000 rows, each with its own manager, every one listed (48,000 of them sell to existing customers), weekly over
      // 40 years: 2,088 periods. A row of periods per manager raised the peak by about 830 MB here;
      // the kept windows take 48,000 × 6 sums, and the rest of what the check keeps per manager
      // (their figures, names and trends) stays well under 200 MB.
      const probe = fileURLToPath(new URL("./unique-managers-peak.ts", import.meta.url));
      const output = execFileSync(process.execPath, ["--import", "tsx", probe, "60000", "40"], {
        encoding: "utf8",
        timeout: CHILD_TIMEOUT_MS,
      });
      const { peakMb, periods, managers } = JSON.parse(output) as { peakMb: number | null; periods: number; managers: number };
      if (peakMb === null) context.skip("this system does not let a process reset its peak memory");
      expect(periods).toBe(2088);
      expect(managers).toBe(60_000);
      expect(peakMb).toBeLessThan(200);
    },
    60_000,
  );
});
