// The report's query in DuckDB (`report --engine duckdb`) against the command's own engine, which
// test/cli/core-agreement.test.ts holds to the core: the same file, the same flags, the same
// report — every cohort row, the verdict, the managers, the skipped rows by reason — but for what
// `comparable` sets aside, and says why.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { seededRandom } from "../../src/lib/seeded-random";
import { tempDir, trickyOrderLog, writeFixture } from "../cli/helpers";
import { datasetPath, describeDataset } from "../support/datasets";
import type { ReportOutcome } from "../../src/cli/report-command";
import { skippedByReason, skippedLines } from "../../src/cli/report-lines";
import {
  comparable,
  comparablePeriods,
  comparableQuestions,
  coreOutcome,
  coreReport,
  describeDuckDb,
  duckDbOutcome,
  duckDbReport,
  PERIOD_QUESTION_IDS,
} from "./support";

const DEMO = join(__dirname, "../../demo/orders.csv");

/**
 * The same report, the same health-check periods as the core's `healthCheck(...).periods`, and the
 * same verdicts and figures of the questions those periods answer (1, 3, 6, 8). Returns the
 * questions' verdicts, so that a test can check that they judged something.
 */
async function expectSameReport(argv: readonly string[], duckArgv = argv): Promise<string[]> {
  const [core, duck] = await Promise.all([coreReport(argv), duckDbOutcome(duckArgv)]);
  expect(comparable(duck.report)).toEqual(comparable(core, true));
  expect(core.healthCheck!.periods.length).toBeGreaterThan(0);
  const health = duck.periodHealth!;
  expect(health.periodsOmitted).toBe(core.healthCheck!.periodsOmitted);
  expect(comparablePeriods(health.periods)).toEqual(comparablePeriods(core.healthCheck!.periods, true));
  expect(health.questions.map((question) => question.id)).toEqual(PERIOD_QUESTION_IDS);
  expect(comparableQuestions(health.questions)).toEqual(comparableQuestions(core.healthCheck!.questions, true));
  const { lapsedFactor: _notAnsweredHere, ...trendRule } = core.healthCheck!.settings;
  expect(health.settings).toEqual(trendRule);
  return health.questions.map((question) => question.verdict);
}

/** Hand-made rows the SQL must read as the core does; each line says what it tries. */
const TRICKY_ROWS = [
  "Клиент;Дата;Сумма;Менеджер;Тип сделки",
  "Анна;05.03.2024;1 234,56;Ира;розница", // grouped with a space, decimal comma
  " анна ;2024-03-05;10;;розница", // same customer, same day: one purchase; blank manager loses to Ира
  "АННА;2024-03-05 23:30:00+03:00;5;Боря;розница", // a time and an offset: still that date
  "анна;2024-04-07T10:00;5;Олег;розница", // second purchase
  "Борис\u00a0Петров;2024-03-10;1\u00a0000;;розница", // no-break spaces in a name and an amount
  "борис  петров;2024-05-10;7,5;;розница",
  "Вера;2024-03-11;-3;;розница", // only refunds: no customer
  "Вера;2024-03-12;-4;;розница",
  "Гена;31.02.2024;5;;розница", // no such day
  "Гена;2024-03-12;много;;розница", // no amount
  "Гена;#N/A;1;;розница", // a sheet error value
  "#ЗНАЧ!;2024-03-12;1;;розница",
  "Дима;2024-03-13;;Ира;ПРОЕКТ ", // a one-off deal, left out
  "Дима;2024-03-14;;Ира;розница", // a blank amount is a purchase
  "Дима;2024-03-14;-2;Ира;розница", // a refund on the first day
  "Дима;2024-06-14;€ 5;Ира;розница", // currency marks
  "Ева;2024-03-15;5 руб;;розница",
  "Ева;15/03/2024;1'000,5;;розница", // a slashed date, day first here; an apostrophe groups
  "Ева;2024-07-01;1,234.5;Ира;розница",
  "Жора;2024-03-16;1.234.567,5;;розница",
  "Жора;2024-03-17;1,2,3;;розница", // bad grouping: no amount
  "Зоя;1899-12-31;5;;розница", // before 1900: implausible
  "Зоя;2024-03-18;\u22125;;розница", // U+2212 minus: a refund
  "Зоя;2024-03-18 24:00;5;;розница", // hour 24 is no time
  ";2024-03-19;5;;розница", // no customer
  ";;;;",
  "Кирилл;2024-08-01;1e3;Олег;розница",
  "Кирилл;2024-08-02;1 234e3;Олег;розница",
  "Лена;2024-08-03;.5;;розница",
  "Лена;2024-09-03;5.;;розница",
].join("\n");

describeDuckDb("report --engine duckdb gives the command's report", () => {
  const demoFlags: string[][] = [
    [],
    ["--period", "week"],
    ["--period", "quarter", "--within-days", "60"],
    ["--period", "year", "--orders-start-with-business"],
    ["--from", "2023-01-01", "--to", "2023-12-31", "--target", "50"],
    ["--keep-all-deals", "--locale", "ru_RU"],
    ["--exclude", "Deal type=Standard", "--period", "month", "--within-days", "30"],
    ["--trend-threshold", "2%"],
  ];
  for (const flags of demoFlags) {
    it(`on the demo orders ${flags.join(" ") || "(no flags)"}`, async () => {
      await expectSameReport([DEMO, ...flags]);
    });
  }

  it("judges questions 1, 3, 6 and 8 on the demo orders, not only says they need data", async () => {
    // Three years of orders with amounts: each of the four has periods enough to judge.
    expect(await expectSameReport([DEMO])).not.toContain("needsData");
  });

  it("on hand-made tricky rows, in both slashed-date orders", async () => {
    const file = writeFixture(tempDir(), "tricky.csv", `${TRICKY_ROWS}\n`);
    await expectSameReport([file, "--manager", "Менеджер", "--locale", "ru_RU"]);
    await expectSameReport([file, "--manager", "Менеджер", "--locale", "en_US", "--period", "week"]);
  });

  it("on generated logs with case and space variants, refunds, project deals and quoted line breaks", async () => {
    for (const seed of [1, 2]) {
      const file = writeFixture(tempDir(), `generated-${seed}.csv`, trickyOrderLog(4000, seed));
      await expectSameReport([file, "--manager", "Менеджер", "--exclude", "Тип сделки=проект", "--period", "quarter", "--locale", "ru_RU"]);
    }
  });

  it("numbers the skipped rows as the command does: by the line a record starts on", async () => {
    // Bad rows after empty lines (DuckDB passes them over) and quoted line breaks (a record on two lines).
    const tricky = TRICKY_ROWS.replace("Гена;31.02.2024", "\n\nГена;31.02.2024").replace(
      "Ева;2024-03-15;5 руб;;розница",
      'Ева;2024-03-15;"5 руб";;"роз\nница"',
    );
    const files = [writeFixture(tempDir(), "tricky.csv", `${tricky}\n`), writeFixture(tempDir(), "generated.csv", trickyOrderLog(3000, 3))];
    for (const file of files) {
      const argv = [file, "--manager", "Менеджер", "--locale", "ru_RU"];
      const [core, duck] = await Promise.all([coreOutcome(argv), duckDbOutcome(argv)]);
      const reasons = (outcome: ReportOutcome) => skippedByReason(outcome, "en");
      expect(reasons(core).length).toBeGreaterThan(3);
      expect(reasons(duck)).toEqual(reasons(core));
      expect(skippedLines(duck, "ru")).toEqual(skippedLines(core, "ru"));
    }
  });

  it("numbers the skipped rows of a Parquet file by their index, from 1", async () => {
    const { DuckDBInstance } = await import("@duckdb/node-api");
    const dir = tempDir();
    const parquet = join(dir, "bad.parquet");
    const connection = await (await DuckDBInstance.create(":memory:")).connect();
    // Rows 3 and 6 have no customer, row 5 no date that can be read; the rest are orders.
    const values = [
      "('a', '2024-01-05')",
      "('b', '2024-01-06')",
      "(NULL, '2024-01-07')",
      "('c', '2024-01-08')",
      "('d', 'never')",
      "('', '2024-01-09')",
    ];
    await connection.run(`COPY (SELECT * FROM (VALUES ${values.join(", ")}) AS t(customer, order_date)) TO '${parquet}' (FORMAT parquet)`);
    const duck = await duckDbOutcome([parquet, "--customer", "customer", "--date", "order_date", "--orders-start-with-business"]);
    expect(skippedByReason(duck, "en").map(({ count, rows }) => ({ count, rows }))).toEqual([
      { count: 2, rows: [3, 6] },
      { count: 1, rows: [5] },
    ]);
  });

  it("with a status column: completed statuses, or those named, and continuation rows", async () => {
    const random = seededRandom(7);
    const statuses = ["paid", "Paid", " PARTIALLY_refunded ", "refunded", "pending", "voided", "", "Completed"];
    const lines = ["Name,Created at,Total,Financial Status"];
    for (let row = 0; row < 3000; row++) {
      const status = statuses[Math.floor(random() * statuses.length)]!;
      const day = 1 + Math.floor(random() * 360);
      const date = new Date(Date.UTC(2023, 0, day)).toISOString().slice(0, 10);
      const blankRest = status === "" && random() < 0.5;
      lines.push(blankRest ? ",,," : `customer ${Math.floor(random() * 600)},${date},${(random() * 100).toFixed(2)},${status}`);
    }
    const file = writeFixture(tempDir(), "shop.csv", `${lines.join("\n")}\n`);
    await expectSameReport([file, "--locale", "en_US"]);
    await expectSameReport([file, "--locale", "en_US", "--status-column", "Financial Status", "--count-status", "pending"]);
  });

  it("on the same orders as Parquet with typed columns", async () => {
    const { DuckDBInstance } = await import("@duckdb/node-api");
    const dir = tempDir();
    const parquet = join(dir, "orders.parquet");
    const connection = await (await DuckDBInstance.create(":memory:")).connect();
    // Typed by DuckDB's own reader, which reads these ISO dates and plain amounts without doubt.
    const csv = writeFixture(
      dir,
      "plain.csv",
      [
        "customer,order_date,amount",
        "a,2024-01-05,10.5",
        "A ,2024-01-05,1",
        "a,2024-03-01,2",
        "b,2024-02-01,-1",
        "b,2024-02-02,4",
        "c,2024-06-30,7",
      ].join("\n"),
    );
    await connection.run(
      `COPY (SELECT customer, CAST(order_date AS DATE) AS order_date, CAST(amount AS DOUBLE) AS amount FROM read_csv('${csv}')) TO '${parquet}' (FORMAT parquet)`,
    );
    await expectSameReport([csv, "--orders-start-with-business"], [parquet, "--orders-start-with-business"]);
  });

  it("takes a timestamp's day in --time-zone", async () => {
    const { DuckDBInstance } = await import("@duckdb/node-api");
    const dir = tempDir();
    const parquet = join(dir, "instants.parquet");
    // Instants around midnight in Moscow (UTC+3) and in UTC: the day differs between the zones.
    const instants = [
      "2024-01-31T21:30:00Z",
      "2024-01-31T20:59:00Z",
      "2024-02-29T22:00:00Z",
      "2024-03-15T12:00:00Z",
      "2024-04-30T21:00:00Z",
    ];
    const rows = instants.map((instant, at) => ({ customer: `c${at % 2}`, instant }));
    const connection = await (await DuckDBInstance.create(":memory:")).connect();
    await connection.run("SET TimeZone = 'UTC'");
    const values = rows
      .map(({ customer, instant }) => `('${customer}', TIMESTAMP '${instant.replace("T", " ").replace("Z", "")}')`)
      .join(", ");
    await connection.run(`COPY (SELECT * FROM (VALUES ${values}) AS t(customer, ordered_at)) TO '${parquet}' (FORMAT parquet)`);
    // The same orders with each day as a Moscow wall clock shows it, worked out by Intl, not by SQL.
    const moscowDay = (instant: string): string =>
      new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Moscow" }).format(new Date(instant));
    const csv = writeFixture(
      dir,
      "days.csv",
      ["customer,ordered_at", ...rows.map(({ customer, instant }) => `${customer},${moscowDay(instant)}`)].join("\n"),
    );
    const flags = ["--orders-start-with-business", "--period", "week", "--customer", "customer", "--date", "ordered_at"];
    await expectSameReport([csv, ...flags], [parquet, ...flags, "--time-zone", "Europe/Moscow"]);
    // 2024-04-30T21:00Z is midnight of May 1 in Moscow, still April 30 in UTC.
    const [utc, moscow] = await Promise.all([
      duckDbReport([parquet, ...flags]),
      duckDbReport([parquet, ...flags, "--time-zone", "Europe/Moscow"]),
    ]);
    expect(utc.lastDate).toBe("2024-04-30");
    expect(moscow.lastDate).toBe("2024-05-01");
  });

  it("refuses a Windows-1251 file, saying how to go on", async () => {
    const file = writeFixture(
      tempDir(),
      "cp1251.csv",
      Buffer.from([...Buffer.from("Клиент;Дата\n", "latin1").map(() => 0xc0), 0x3b, 0x0a]),
    );
    await expect(duckDbReport([file, "--customer", "1", "--date", "2"])).rejects.toMatchObject({
      exitCode: 1,
      detail: { key: "duckdbEncoding" },
    });
  });
});

describeDataset("CDNOW_sample.txt", "report --engine duckdb on CDNOW", () => {
  describeDuckDb("CDNOW sample as CSV", () => {
    it("gives the command's report and the published 2,357 customers", async () => {
      // DuckDB cannot split columns aligned with spaces: the same rows as CSV.
      const rows = readFileSync(datasetPath("CDNOW_sample.txt"), "utf8")
        .trim()
        .split("\n")
        .map((line) => line.trim().split(/\s+/));
      const csv = writeFixture(
        tempDir(),
        "cdnow.csv",
        ["customer,date,cds,amount", ...rows.map(([, id, date, cds, amount]) => `${id},${date},${cds},${amount}`)].join("\n"),
      );
      const argv = [
        csv,
        "--customer",
        "customer",
        "--date",
        "date",
        "--amount",
        "amount",
        "--orders-start-with-business",
        "--period",
        "quarter",
      ];
      await expectSameReport(argv);
      expect((await duckDbReport(argv)).customers).toBe(2357);
    });
  });
});

describeDataset("online_retail_invoices.csv", "report --engine duckdb on Online Retail", () => {
  describeDuckDb("Online Retail invoices", () => {
    it("gives the command's report, cancellations as refunds", async () => {
      const file = datasetPath("online_retail_invoices.csv");
      await expectSameReport([file, "--customer", "CustomerID", "--date", "InvoiceDate", "--amount", "amount", "--locale", "en_GB"]);
    });
  });
});
