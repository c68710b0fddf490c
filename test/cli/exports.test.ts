// Real exports read with no flags: the right columns, only completed purchases (see
// test/support/exports.ts for the layouts, their sources and the figures worked out by hand).

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { datasetPath, describeDataset } from "../support/datasets";
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

  it("counts only completed purchases: 3 customers, 3 first purchases, 1 second (4, 4, 3 if every row counted)", async () => {
    const report = await json([path], env);
    expect([report.customers, report.firstPurchases, report.secondPurchases]).toEqual([3, 3, 1]);
    expect(report.skippedRowCount).toBe(0);
    expect(report.statusColumn).toBe(fixture.status ?? null);
  });

  it("says what was left out, with the one thread and with two", async () => {
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
    expect(result.stderr).toContain(": no completed purchase, all 2 orders are left out by their status");
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

describe("a file without a header: the command asks, it does not guess", () => {
  // CDNOW's first lines with the spaces made commas: master id, sample id, YYYYMMDD, CDs, dollars.
  const cdnow = writeFixture(
    dir,
    "cdnow-lines.csv",
    "00004,0001,19970101,2,29.33\n00004,0001,19970118,2,29.73\n00004,0001,19970802,1,14.96\n00018,0002,19970101,1,11.77\n",
  );

  it("exits 2 with the columns that look like each field, a sample of each, and the flags to pass", async () => {
    const result = await cli([cdnow]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(
      "no header names the customer and date columns, and they are not guessed from the contents. Columns that look like them: " +
        "customer: column 1 (00004), column 2 (0001); date: column 3 (19970101); amount: column 5 (29.33), column 4 (2). " +
        "Name them by number, e.g. --customer 1 --date 3 --amount 5",
    );
  });

  it("says it in Russian", async () => {
    const result = await cli([cdnow], { LANG: "ru_RU.UTF-8" });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(
      "в заголовке нет столбцов клиента и даты, а по содержимому они не угадываются. Похожие столбцы — " +
        "клиент: столбец 1 (00004), столбец 2 (0001); дата: столбец 3 (19970101); сумма: столбец 5 (29.33), столбец 4 (2). " +
        "Укажите их номера, например: --customer 1 --date 3 --amount 5",
    );
  });

  it("reads the file with the flags it proposed: customers 4 and 18, 4 returns 1997-01-18 (2, 2, 1)", async () => {
    const report = await json([cdnow, "--customer", "1", "--date", "3", "--amount", "5"]);
    expect([report.customers, report.firstPurchases, report.secondPurchases, report.skippedRowCount]).toEqual([2, 2, 1, 0]);
    expect(report.columns).toMatchObject({ customer: "column 1", date: "column 3", amount: "column 5" });
  });

  it("asks for what is not named yet, keeping the flags given", async () => {
    const result = await cli([cdnow, "--customer", "2"]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("Columns that look like them: date: column 3 (19970101); amount: column 5 (29.33), column 4 (2).");
    expect(result.stderr).toContain("e.g. --customer 2 --date 3 --amount 5");
  });

  it("says so when no column looks like a date, and still shows the flag", async () => {
    const noDates = writeFixture(dir, "no-dates.csv", "Ann,soon,5\nBob,later,6\n");
    const result = await cli([noDates]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("customer: column 1 (Ann), column 2 (soon); date: none; amount: column 3 (5)");
    expect(result.stderr).toContain("e.g. --customer 1 --date N --amount 3");
  });
});

describeDataset("CDNOW_sample.txt", "the whole CDNOW sample without its header's help", () => {
  it("proposes customer 1, date 3, amount 5, which read its 2,357 new customers (Fader, Hardie & Lee 2005)", async () => {
    // Whitespace-aligned columns made commas until the space-aligned delimiter is read by itself.
    const lines = readFileSync(datasetPath("CDNOW_sample.txt"), "utf8").trim().split(/\r?\n/);
    const path = writeFixture(dir, "cdnow-sample.csv", `${lines.map((line) => line.trim().split(/\s+/).join(",")).join("\n")}\n`);
    const asked = await cli([path]);
    expect(asked.exitCode).toBe(2);
    expect(asked.stderr).toContain("e.g. --customer 1 --date 3 --amount 5");
    const report = await json([path, "--customer", "1", "--date", "3", "--amount", "5"]);
    expect([report.rows, report.skippedRowCount, report.customers, report.firstPurchases]).toEqual([6_919, 0, 2_357, 2_357]);
  });
});
