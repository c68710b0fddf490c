// Questions 5 (lapsed customers) and 2 (share of wallet) under `report --engine duckdb`, on logs
// worked out by hand: both engines must give the figures in the comments. (Agreement with the
// streaming command on generated logs, the demo and the datasets is in duckdb-agreement.test.ts.)

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import type { ReportOutcome } from "../../src/cli/report-command";
import type { HealthQuestion } from "../../src/core/health/questions";
import { cli, tempDir, writeFixture } from "../cli/helpers";
import { coreOutcome, describeDuckDb, duckDbOutcome, parquetFromCsv } from "./support";

const question = (questions: readonly HealthQuestion[], id: number): HealthQuestion => questions.find((each) => each.id === id)!;

/**
 * The latest purchase of the data is F's, 2025-03-31. Purchase days and gaps between them:
 *   A  2024-01-01, 2024-01-05                  gap 4        gone 451 (366 to 2025-01-05, then 85)
 *   B  2024-01-01, 2024-01-07                  gap 6        gone 449
 *   K  2023-03-05, 2023-03-06, 2024-03-05      gaps 1, 365  usual 366 ÷ 2 = 183, gone 391 (365 + 26)
 *   D  2024-01-01, 2024-01-21 (a refund on the 11th is no purchase)   gap 20   gone 435
 *   E  2025-03-12, 2025-03-18                  gap 6        gone 13
 *   F  2025-02-19, 2025-03-31                  gap 40       gone 0
 *   G  2024-11-16, 2024-12-31                  gap 45       gone 90
 *   H  2024-06-01 only: no repeat customer
 * Gaps 1, 4, 6, 6, 20, 40, 45, 365: eight, the median is the mean of the 4th and 5th, (6 + 20) ÷ 2 = 13.
 * Factor 2: A (451 > 8), B (449 > 12), K (391 > 366), D (435 > 40) are lapsed, all gone more than 13.
 * G is gone exactly 2 × 45 = 90: not more, not lapsed. E is gone 13 > 2 × 6, but exactly the median: not lapsed.
 * Revenue at stake, the days after the same date a year before the last purchase, up to it, and
 * the refunds after it:
 *   K  2023-03-06 1000 + 2024-03-05 (50 + 20) = 1070; 2023-03-05 (500) is that same date a year
 *      before, left out (365 days before 2024-03-05 would be 2023-03-06, left out too: 2024 has a 29 February)
 *   D  200 − 50 + (100 + 200) = 450    A  100 + 50 − 30 (refunded on 2024-02-10, the last row) = 120
 *   B  10 + 20 = 30
 * Lapsed 4 of 7 repeat customers (57 %, above the 25 % of "bad"), 1,670 at stake.
 * The manager of the last purchase day: D's has Zoe and Ann (Ann sorts first), K's a blank one and
 * Bob (a named one wins).
 */
const LAPSED_ROWS = [
  "Customer;Date;Amount;Manager",
  "F;2025-03-31;10;Ann",
  "A;2024-01-01;100;Ann",
  "A;2024-01-05;50;Ann",
  "B;2024-01-07;20;Bob",
  "B;2024-01-01;10;Bob",
  "K;2023-03-05;500;Bob",
  "K;2023-03-06;1000;Bob",
  "K;2024-03-05;50;",
  "K;2024-03-05;20;Bob",
  "D;2024-01-01;200;Zoe",
  "D;2024-01-11;-50;Zoe",
  "D;2024-01-21;100;Zoe",
  "D;2024-01-21;200;Ann",
  "E;2025-03-12;5;Ann",
  "E;2025-03-18;5;Ann",
  "F;2025-02-19;10;Ann",
  "G;2024-11-16;5;Bob",
  "G;2024-12-31;5;Bob",
  "H;2024-06-01;999;Bob",
  "A;2024-02-10;-30;Ann",
];

/**
 * The same orders with an Email column (row by row, as the rows above). The lapsed customers' contacts:
 *   K  k-1 (2023-03-05), k-2 (2023-03-06); on 2024-03-05 spaces only (no contact) and "  +7  999 " → "+7 999"
 *   D  d-first, a refund row's d-refund (an order too, but an earlier day), then on 2024-01-21
 *      d-zoe and, in the later row, d-ann
 *   A  a-old@example.com, then a blank cell on the later day: no contact, a-old stays
 *   B  "  b  new@example.com " on 2024-01-01 → "b new@example.com"; "#N/A" on 2024-01-07 is none
 */
const CONTACT_ROWS = LAPSED_ROWS.map(
  (row, at) =>
    `${row};${
      [
        "Email",
        "f@example.com",
        "a-old@example.com",
        "",
        "#N/A",
        "  b  new@example.com ",
        "k-1",
        "k-2",
        "   ",
        "  +7  999 ",
        "d-first",
        "d-refund",
        "d-zoe@example.com",
        "d-ann@example.com",
        "e",
        "e",
        "f@example.com",
        "g",
        "g",
        "h",
        "",
      ][at]
    }`,
);

function lapsedOf(outcome: ReportOutcome) {
  return outcome.report.healthCheck!;
}

describeDuckDb("question 5 under report --engine duckdb: lapsed customers", () => {
  it("on a hand-worked log: the median gap, both boundaries, the calendar year at stake, the last day's manager", async () => {
    const file = writeFixture(tempDir(), "lapsed.csv", `${LAPSED_ROWS.join("\n")}\n`);
    const argv = [file, "--locale", "en_US", "--manager", "Manager"];
    for (const outcome of await Promise.all([coreOutcome(argv), duckDbOutcome(argv)])) {
      const check = lapsedOf(outcome);
      expect(question(check.questions, 5)).toEqual({
        id: 5,
        verdict: "bad",
        figures: { lapsedShare: 4 / 7, lapsed: 4, repeatCustomers: 7, revenueAtStake: 1670 },
      });
      const { customers, ...totals } = check.lapsed;
      expect(totals).toEqual({ count: 4, revenueAtStake: 1670, repeatCustomers: 7, medianGapDays: 13, factor: 2 });
      expect(customers.map(({ contact: _contact, ...customer }) => customer)).toEqual([
        {
          name: "K",
          manager: "Bob",
          lastPurchase: "2024-03-05",
          purchases: 3,
          usualGapDays: 183,
          daysSinceLast: 391,
          revenueAtStake: 1070,
        },
        { name: "D", manager: "Ann", lastPurchase: "2024-01-21", purchases: 2, usualGapDays: 20, daysSinceLast: 435, revenueAtStake: 450 },
        { name: "A", manager: "Ann", lastPurchase: "2024-01-05", purchases: 2, usualGapDays: 4, daysSinceLast: 451, revenueAtStake: 120 },
        { name: "B", manager: "Bob", lastPurchase: "2024-01-07", purchases: 2, usualGapDays: 6, daysSinceLast: 449, revenueAtStake: 30 },
      ]);
    }
  });

  it("with --lapsed-factor 3: K (391 ≤ 3 × 183) is no longer lapsed", async () => {
    const file = writeFixture(tempDir(), "lapsed.csv", `${LAPSED_ROWS.join("\n")}\n`);
    const argv = [file, "--locale", "en_US", "--lapsed-factor", "3"];
    for (const outcome of await Promise.all([coreOutcome(argv), duckDbOutcome(argv)])) {
      const { customers, ...totals } = lapsedOf(outcome).lapsed;
      expect(totals).toEqual({ count: 3, revenueAtStake: 600, repeatCustomers: 7, medianGapDays: 13, factor: 3 });
      expect(customers.map((customer) => customer.name)).toEqual(["D", "A", "B"]);
    }
  });

  it("holds gone exactly factor × the usual gap not lapsed with any factor, though 1.14 × 50 is 56.99999999999999 in floating point", async () => {
    // P bought on 2025-01-01 and 2025-02-20 (gap 50), Q on 2025-04-10 and 2025-04-18 (gap 8), the
    // latest purchase: P is gone 57 days (28 to 20 March, 29 to 18 April), more than the median
    // gap (8 + 50) ÷ 2 = 29. 1.14 × 50 = 57: not gone more. 1.13 × 50 = 56.5: lapsed.
    const rows = ["Customer;Date", "P;2025-01-01", "P;2025-02-20", "Q;2025-04-10", "Q;2025-04-18"];
    const file = writeFixture(tempDir(), "factor.csv", `${rows.join("\n")}\n`);
    for (const [factor, lapsed] of [
      ["1.14", []],
      ["1.13", ["P"]],
    ] as const) {
      const argv = [file, "--locale", "en_US", "--lapsed-factor", factor];
      for (const outcome of await Promise.all([coreOutcome(argv), duckDbOutcome(argv)])) {
        expect(lapsedOf(outcome).lapsed.customers.map((customer) => customer.name)).toEqual(lapsed);
      }
    }
  });

  it("without amounts: the longest gone first, no money", async () => {
    const rows = LAPSED_ROWS.filter((row) => !row.includes(";-")).map((row) => row.split(";").slice(0, 2).join(";"));
    const file = writeFixture(tempDir(), "no-amounts.csv", `${rows.join("\n")}\n`);
    const argv = [file, "--locale", "en_US"];
    for (const outcome of await Promise.all([coreOutcome(argv), duckDbOutcome(argv)])) {
      const { customers, ...totals } = lapsedOf(outcome).lapsed;
      expect(totals).toEqual({ count: 4, revenueAtStake: null, repeatCustomers: 7, medianGapDays: 13, factor: 2 });
      expect(customers.map((customer) => [customer.name, customer.daysSinceLast, customer.revenueAtStake])).toEqual([
        ["A", 451, null],
        ["B", 449, null],
        ["D", 435, null],
        ["K", 391, null],
      ]);
    }
  });

  it("on the same log as Parquet with typed columns", async () => {
    const dir = tempDir();
    const csv = writeFixture(dir, "lapsed.csv", `${LAPSED_ROWS.join("\n")}\n`);
    const parquet = join(dir, "lapsed.parquet");
    await parquetFromCsv(csv, parquet, "Customer, CAST(Date AS DATE) AS Date, CAST(Amount AS DOUBLE) AS Amount, Manager");
    const { lapsed } = lapsedOf(await duckDbOutcome([parquet, "--manager", "Manager"]));
    expect(lapsed.count).toBe(4);
    expect(lapsed.customers.map((customer) => [customer.name, customer.manager, customer.revenueAtStake])).toEqual([
      ["K", "Bob", 1070],
      ["D", "Ann", 450],
      ["A", "Ann", 120],
      ["B", "Bob", 30],
    ]);
  });
});

/**
 * The latest purchase is 2025-03-31: the 12 months are the days after 2024-03-31, up to it.
 * Each customer's budget is the latest one read, by day; a blank cell says nothing, and so does
 * one that is no budget (negative, words), which is counted:
 *   A  budgets 1,000 (2024-03-31), then 2,000 (2024-06-01); sales 200 + 10 + 50 = 260 (2024-03-31's 100 is a year before)
 *   B  500, then 0 on a refund's row: the latest is 0, so B is not counted
 *   C  1,500, then −200 (line 9: unreadable, the first); sales 400 + 100 − 50 = 450
 *   D  no budget; E only a refund (no purchase, no customer); G only "много" (line 14: unreadable)
 *   F  3,000 and no sale in the 12 months: 0
 *   H  "1 000 руб." is 1,000; sales 20
 * Σ budgets 2,000 + 1,500 + 3,000 + 1,000 = 7,500 over 4 customers; Σ sales 260 + 450 + 0 + 20 =
 * 730; share 730 ÷ 7,500 = 9.7 %, below the 50 % of "bad". Two budget cells unread, the first −200.
 */
const WALLET_ROWS = [
  "Customer;Date;Amount;Budget",
  "A;2024-03-31;100;1 000",
  "A;2024-04-01;200;",
  "A;2024-06-01;10;2 000",
  "A;2025-03-31;50;",
  "B;2024-05-01;300;500",
  "B;2024-07-01;-100;0",
  "C;2024-09-01;400;1 500",
  "C;2024-10-01;100;-200",
  "C;2024-11-01;-50;",
  "D;2024-12-01;1000;",
  "E;2024-12-05;-30;999",
  "F;2023-01-01;700;3 000",
  "G;2025-01-01;5;много",
  "H;2025-03-31;20;1 000 руб.",
];

describeDuckDb("question 2 under report --engine duckdb: share of wallet", () => {
  it("on a hand-worked log: the latest budget, blanks and unreadable cells, the 12 months' sales", async () => {
    const file = writeFixture(tempDir(), "wallet.csv", `${WALLET_ROWS.join("\n")}\n`);
    const argv = [file, "--locale", "ru_RU"];
    for (const outcome of await Promise.all([coreOutcome(argv), duckDbOutcome(argv)])) {
      expect(question(lapsedOf(outcome).questions, 2)).toEqual({
        id: 2,
        verdict: "bad",
        figures: { shareOfWallet: 730 / 7500, sales: 730, budget: 7500, customers: 4 },
        unread: { count: 2, row: 9, value: "-200" },
      });
    }
  });

  it("of two budgets on one day, takes the larger, where the core takes the later row (documented)", async () => {
    // J's budgets on 2024-08-01: 900, then 100. The core: 100 (the later row); DuckDB: 900 (no row order).
    const rows = ["Customer;Date;Amount;Budget", "J;2024-08-01;10;900", "J;2024-08-01;10;100", "J;2024-09-01;30;"];
    const file = writeFixture(tempDir(), "same-day.csv", `${rows.join("\n")}\n`);
    const argv = [file, "--locale", "en_US"];
    const [core, duck] = await Promise.all([coreOutcome(argv), duckDbOutcome(argv)]);
    expect(question(lapsedOf(core).questions, 2).figures).toEqual({ shareOfWallet: 50 / 100, sales: 50, budget: 100, customers: 1 });
    expect(question(lapsedOf(duck).questions, 2).figures).toEqual({ shareOfWallet: 50 / 900, sales: 50, budget: 900, customers: 1 });
  });
});

describeDuckDb("--lapsed-csv under report --engine duckdb", () => {
  it("writes the command's call list, every lapsed customer, when the file has no contact column", async () => {
    const dir = tempDir();
    const file = writeFixture(dir, "lapsed.csv", `${LAPSED_ROWS.join("\n")}\n`);
    const callList = async (engine: string[], name: string): Promise<string> => {
      const path = join(dir, name);
      const result = await cli(["report", file, "--manager", "Manager", ...engine, "--lapsed-csv", path]);
      expect(result.exitCode).toBe(0);
      expect(result.stderr).toContain(`Lapsed customers (4) written to ${path}`);
      return readFileSync(path, "utf8");
    };
    const [duck, own] = await Promise.all([callList(["--engine", "duckdb"], "duck.csv"), callList([], "own.csv")]);
    expect(duck.trim().split("\n")).toHaveLength(1 + 4);
    expect(duck).toBe(own);
  });

  it("gives each lapsed customer the latest contact, on a hand-worked log", async () => {
    const dir = tempDir();
    const file = writeFixture(dir, "contacts.csv", `${CONTACT_ROWS.join("\n")}\n`);
    // Named: a column of emails would be taken for the customers' (the emails name them in some logs).
    const argv = [file, "--locale", "en_US", "--manager", "Manager", "--customer", "Customer"];
    const [core, duck] = await Promise.all([coreOutcome(argv), duckDbOutcome(argv)]);
    const contacts = (outcome: ReportOutcome): string[][] => lapsedOf(outcome).lapsed.customers.map(({ name, contact }) => [name, contact]);
    const agreed = [
      ["K", "+7 999"],
      ["A", "a-old@example.com"],
      ["B", "b new@example.com"],
    ];
    // D's last day has two contacts: the core takes the later row's, DuckDB the one that sorts last.
    expect(contacts(core)).toEqual([agreed[0], ["D", "d-ann@example.com"], ...agreed.slice(1)]);
    expect(contacts(duck)).toEqual([agreed[0], ["D", "d-zoe@example.com"], ...agreed.slice(1)]);
    const path = join(dir, "calls.csv");
    const result = await cli(["report", ...argv, "--engine", "duckdb", "--lapsed-csv", path]);
    expect(result.exitCode).toBe(0);
    // Lines end in CRLF; a text starting with "+" is written after a quote, so that no spreadsheet reads a formula.
    expect(
      readFileSync(path, "utf8")
        .trim()
        .split("\r\n")
        .slice(1)
        .map((line) => line.split(",").at(-1)),
    ).toEqual(["'+7 999", "d-zoe@example.com", "a-old@example.com", "b new@example.com"]);
  });
});

describeDuckDb("question 7 under report --engine duckdb: a column none of whose values names a side", () => {
  it("needs data, in both engines, rather than judge the company 0 % from words it does not know", async () => {
    // Five orders; their initiators are blank or words the product does not know (3 of them).
    const rows = [
      "Customer;Date;Amount;Initiated by",
      "A;2024-01-05;10;partner",
      "A;2024-03-05;10;",
      "B;2024-02-05;10;Инициатива клиента",
      "C;2024-02-06;10;",
      "C;2024-04-06;10;partner",
    ];
    const file = writeFixture(tempDir(), "sides.csv", `${rows.join("\n")}\n`);
    const argv = [file, "--locale", "en_US"];
    for (const outcome of await Promise.all([coreOutcome(argv), duckDbOutcome(argv)])) {
      expect(question(lapsedOf(outcome).questions, 7)).toMatchObject({
        verdict: "needsData",
        needs: "initiatorSides",
        unread: { count: 3, value: "partner" },
      });
    }
    // One order saying who started it (the customer) is enough to judge: the company started 0 %.
    const judged = writeFixture(tempDir(), "one-side.csv", `${[...rows, "C;2024-04-07;10;inbound"].join("\n")}\n`);
    for (const outcome of await Promise.all([coreOutcome([judged]), duckDbOutcome([judged])])) {
      expect(question(lapsedOf(outcome).questions, 7)).toMatchObject({ verdict: "bad", figures: { startedShare: 0 } });
    }
  });
});
