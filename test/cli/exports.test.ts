// Real exports read with no flags: the right columns, only completed purchases (see
// test/support/exports.ts for the layouts, their sources and the figures worked out by hand).

import { describe, expect, it } from "vitest";
import { EXPORT_FIXTURES } from "../support/exports";
import { cli, json, tempDir, writeFixture } from "./helpers";

const dir = tempDir();

describe.each(EXPORT_FIXTURES)("$name", (fixture) => {
  const path = writeFixture(dir, fixture.file, fixture.content);
  const env = fixture.env ?? {};

  it("finds the customer, date and amount columns", async () => {
    const report = await json([path], env);
    expect(report.columns).toMatchObject(fixture.columns);
  });

  it("counts only completed purchases: 3 customers, 3 first purchases, 1 second (4, 4, 3 if every status counted)", async () => {
    const report = await json([path], env);
    expect([report.customers, report.firstPurchases, report.secondPurchases]).toEqual([3, 3, 1]);
    expect(report.skippedRowCount).toBe(0);
  });

  it("says which statuses were left out, with the one thread and with two", async () => {
    for (const threads of ["1", "2"]) {
      const result = await cli([path, "--threads", threads], env);
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toContain(fixture.leftOut);
    }
  });
});

describe("status flags and doubtful columns", () => {
  const stripe = EXPORT_FIXTURES.find((fixture) => fixture.name === "Stripe payments")!;
  const path = writeFixture(dir, "stripe-flags.csv", stripe.content);

  it("--count-status names the statuses that count: Paid and Refunded make B come back (3 customers, 2 second purchases)", async () => {
    const report = await json([path, "--count-status", "Paid", "--count-status", "refunded"]);
    expect([report.customers, report.firstPurchases, report.secondPurchases]).toEqual([3, 3, 2]);
  });

  it("--status-column picks another column: Captured = true counts the refund, not the failures (3, 3, 2)", async () => {
    const report = await json([path, "--status-column", "Captured", "--count-status", "true"]);
    expect([report.customers, report.firstPurchases, report.secondPurchases]).toEqual([3, 3, 2]);
  });

  it("lists in --json the status column and the rows left out by each status", async () => {
    // The Stripe fixture: 2 Failed and 1 Refunded payments are no purchases.
    const report = await json([path]);
    expect([report.statusColumn, report.leftOutByStatus]).toEqual(["Status", { Failed: 2, Refunded: 1 }]);
  });

  it("says so when every order is left out by its status", async () => {
    const open = writeFixture(
      dir,
      "all-open.csv",
      "Customer Email,Created (UTC),Amount,Status\na@x.test,2024-01-01,5,Failed\nb@x.test,2024-01-02,5,Failed\n",
    );
    const result = await cli([open]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain("has no completed purchase: all 2 orders are left out by their status");
  });

  it("--status-column naming no column is refused with the header", async () => {
    const result = await cli([path, "--status-column", "State"]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain("--status-column: no column «State»");
  });

  it("a file without a status column says nothing about statuses and keeps every row", async () => {
    const plain = writeFixture(dir, "plain.csv", "Customer,Date,Amount\nA,2024-01-01,5\nA,2024-02-01,5\nB,2024-01-02,5\n");
    const result = await cli([plain]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).not.toContain("status");
    expect((await json([plain])).secondPurchases).toBe(1);
  });

  it("a Status column of other values is not taken as one (a sheet's own labels)", async () => {
    const own = writeFixture(dir, "own-status.csv", "Customer,Date,Status\nA,2024-01-01,VIP\nA,2024-02-01,Regular\nB,2024-01-02,VIP\n");
    expect((await json([own])).secondPurchases).toBe(1);
  });

  it("two columns equally plausible for the customer: exit 2 with the candidates and the flag", async () => {
    const two = writeFixture(dir, "two-emails.csv", "Order,Email,E-mail,Created at\n1,a@x.test,b@x.test,2024-01-01\n");
    const result = await cli([two]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("«Email», «E-mail»");
    expect(result.stderr).toContain('--customer "Email"');
    expect((await json([two, "--customer", "E-mail"])).customers).toBe(1);
  });
});
