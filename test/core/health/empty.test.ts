import { describe, expect, it } from "vitest";
import { CustomerLedger, customerKey } from "../../../src/core";
import { activeCustomers, averageOrder, shareOfWallet } from "../../../src/core/health/figures";
import { healthCheck } from "../../../src/core/health/health-check";
import { PurchaseLog } from "../../../src/core/health/purchase-log";
import { day } from "../fixtures";

const SETTINGS = { period: "week", target: 0.67, hasAmounts: true, hasManagers: true, hasInitiatedBy: false } as const;

describe("a health check of no purchases", () => {
  it("answers with empty tables when no order came at all", () => {
    const log = new PurchaseLog();
    const check = healthCheck(new CustomerLedger({ purchaseLog: log }), log, SETTINGS, null);
    expect(check.periods).toEqual([]);
    expect(check.managers).toEqual([]);
    expect(check.lapsed.count).toBe(0);
    expect(check.questions[0]).toMatchObject({ id: 1, verdict: "needsData" });
    expect(activeCustomers(new CustomerLedger(), log)).toBe(0);
    expect(shareOfWallet(new CustomerLedger(), log).share).toBeUndefined();
  });

  it("answers the same when the only order is a refund, which makes no customer", () => {
    const log = new PurchaseLog();
    const ledger = new CustomerLedger({ purchaseLog: log });
    ledger.add(customerKey("A"), "A", day("2024-03-01"), -50, "Anna");
    const check = healthCheck(ledger, log, SETTINGS, null);
    expect(check.periods).toEqual([]);
    expect(check.managers).toEqual([]);
    // Each figure alone too; the last 12 months of no purchase end nowhere, and used to loop forever.
    expect(activeCustomers(ledger, log)).toBe(0);
    expect(activeCustomers(ledger, log, day("2024-03-01"))).toBe(0);
    expect(averageOrder(ledger, log)).toBeUndefined();
    expect(shareOfWallet(ledger, log)).toEqual({ share: undefined, sales: 0, budget: 0, customers: 0 });
  });
});
