// The command's two SQL doors: `sql`, which prints the report's queries, and `report --engine
// duckdb`, which runs them: usage errors, several files at once, and DuckDB missing.

import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, tempDir, writeFixture } from "../cli/helpers";
import { builtCli } from "../support/built-cli";
import { CHILD_TIMEOUT_MS } from "../support/child-timeout";
import { suggestsDuckDb } from "../../src/cli/duckdb/engine";
import type { LapsedList } from "../../src/core/health/lapsed";
import type { HealthPeriod } from "../../src/core/health/period-table";
import type { HealthQuestion } from "../../src/core/health/questions";
import {
  comparable,
  comparableLapsed,
  comparablePeriods,
  comparableQuestions,
  demoWithBudgets,
  coreReport,
  parquetFromCsv,
  describeDuckDb,
  duckDbReport,
  DUCKDB_QUESTION_IDS,
} from "./support";

const DEMO = join(__dirname, "../../demo/orders.csv");

/** The statements `sql` prints, by the comment that heads each. */
const statements = (stdout: string): string[] => stdout.match(/^-- (\w+)$/gm) ?? [];

/** The statements without a manager column, with question 7's or question 2's (`extra`) in their place. */
const withoutManagers = (...extra: string[]): string[] =>
  ["summary", "cohorts", "healthPeriods", "cohortGrid", ...extra, "lapsedSummary", "lapsed"].map((name) => `-- ${name}`);

describe("sheets-retention sql", () => {
  it("prints the summary, cohort and manager queries for BigQuery", async () => {
    const argv = ["sql", "--table", "shop.sales.orders", "--customer", "client", "--date", "ordered_at", "--manager", "manager"];
    const result = await cli(argv);
    expect(result.exitCode).toBe(0);
    expect(result.stdout.match(/^-- (\w+)$/gm)).toEqual([
      "-- summary",
      "-- cohorts",
      "-- managers",
      "-- healthPeriods",
      "-- cohortGrid",
      "-- lapsedSummary",
      "-- lapsed",
      "-- managerRevenue",
      "-- managerLapsed",
      "-- managerNames",
    ]);
    expect(result.stdout).toContain("FROM `shop.sales.orders`");
    expect(result.stdout).toContain("`ordered_at`");
  });

  it("with --initiated-by, adds question 7's query, which alone reads that column", async () => {
    const argv = ["sql", "--table", "t", "--customer", "c", "--date", "d", "--initiated-by", "Initiated by"];
    const { stdout, exitCode } = await cli(argv);
    expect(exitCode).toBe(0);
    expect(statements(stdout)).toEqual(withoutManagers("started"));
    const started = stdout.slice(stdout.indexOf("-- started"));
    expect(started).toContain("CAST(`Initiated by` AS STRING) AS initiatedBy_cell");
    expect(started).toContain("SAFE_DIVIDE(started_by_company, purchases) AS started_share");
    expect(stdout.slice(0, stdout.indexOf("-- started"))).not.toContain("Initiated by");
    expect(stdout.slice(stdout.indexOf("-- lapsedSummary"))).not.toContain("Initiated by");
  });

  it("takes the report's flags into the query: the target, the horizon, the period, the one-off deals", async () => {
    const argv = [
      "sql",
      "--table",
      "t",
      "--customer",
      "c",
      "--date",
      "d",
      "--target",
      "55",
      "--within-days",
      "90",
      "--period",
      "week",
      "--exclude",
      "kind=One-off",
    ];
    const { stdout } = await cli(argv);
    expect(stdout).toContain("CAST('0.55' AS FLOAT64)");
    expect(stdout).toContain("90 AS horizon_days");
    expect(stdout).toContain("FLOOR((c.first_day + 3) / 7)");
    expect(stdout).toContain("deal_key IN ('one-off')");
  });

  it("with --deal-type and no --exclude, leaves out the one-off project deals, as every other surface does", async () => {
    const argv = ["sql", "--table", "t", "--customer", "c", "--date", "d", "--deal-type", "kind"];
    const leftOut = "deal_key IN ('project', 'проект')";
    expect((await cli(argv)).stdout).toContain(leftOut);
    expect((await cli([...argv, "--dialect", "duckdb"])).stdout).toContain(leftOut);
    // The column compared as deal types are: trimmed, spaces collapsed, lower-cased.
    expect((await cli(argv)).stdout).toContain("CAST(`kind` AS STRING) AS dealType_cell");
    const keepAll = await cli([...argv, "--keep-all-deals"]);
    expect(keepAll.exitCode).toBe(0);
    expect(keepAll.stdout).not.toContain("deal_key IN");
    const exclude = await cli([...argv, "--exclude", "kind=Trial"]);
    expect(exclude.stdout).toContain("deal_key IN ('trial')");
    expect(exclude.stdout).not.toContain("'project'");
    // Without a deal-type column nothing can be left out: `sql` does not see the data.
    expect((await cli(argv.slice(0, -2))).stdout).not.toContain("deal_key IN");
  });

  it("with --budget, adds question 2's query, which alone reads that column", async () => {
    const argv = ["sql", "--table", "t", "--customer", "c", "--date", "d", "--amount", "a", "--budget", "Бюджет клиента"];
    const { stdout, exitCode } = await cli(argv);
    expect(exitCode).toBe(0);
    expect(statements(stdout)).toEqual(withoutManagers("wallet"));
    const wallet = stdout.slice(stdout.indexOf("-- wallet"), stdout.indexOf("-- lapsedSummary"));
    expect(wallet).toContain("CAST(`Бюджет клиента` AS STRING) AS budget_cell");
    expect(wallet).toContain("SAFE_DIVIDE(sales, budget) AS share_of_wallet");
    expect(stdout.replace(wallet, "")).not.toContain("Бюджет клиента");
    // Typed as the amount column: a NUMERIC budget is taken as it is.
    const typed = await cli([...argv, "--amount-type", "number"]);
    expect(typed.stdout).toContain("CAST(budget_cell AS FLOAT64) AS budget_read");
  });

  it("with --contact, adds the lapsed customers' contacts after their list, which alone reads that column", async () => {
    const argv = ["sql", "--table", "t", "--customer", "c", "--date", "d", "--amount", "a", "--contact", "Телефон клиента"];
    const { stdout, exitCode } = await cli(argv);
    expect(exitCode).toBe(0);
    expect(statements(stdout)).toEqual([...withoutManagers(), "-- lapsedContacts"]);
    const contacts = stdout.slice(stdout.indexOf("-- lapsedContacts"));
    expect(contacts).toContain("`Телефон клиента` AS contact_cell");
    expect(contacts).toContain("WHERE fate = 'order' AND customer_id IN (SELECT customer_id FROM lapsed_stakes)");
    expect(stdout.replace(contacts, "")).not.toContain("Телефон клиента");
  });

  it("prints the health check's periods and the cohort grid after the cohorts, then question 5's two", async () => {
    const { stdout } = await cli(["sql", "--table", "t", "--customer", "c", "--date", "d", "--amount", "a"]);
    expect(statements(stdout)).toEqual(withoutManagers());
    // The factor: the core's default 2, or --lapsed-factor.
    expect(stdout).toContain("s.latest_day - r.last_day > CAST('2' AS FLOAT64) * r.usual_gap");
    const factor = await cli(["sql", "--table", "t", "--customer", "c", "--date", "d", "--lapsed-factor", "2,5"]);
    expect(factor.stdout).toContain("s.latest_day - r.last_day > CAST('2.5' AS FLOAT64) * r.usual_gap");
    expect(stdout).toContain("AS active_base");
    expect(stdout).toContain("GENERATE_ARRAY(first_period, last_period)");
    expect(stdout).toContain("period_index - cohort_index AS period_offset");
  });

  it("says what is missing or wrong, with exit 2", async () => {
    for (const [argv, words] of [
      [["sql", "--customer", "c", "--date", "d"], "needs the table"],
      [["sql", "--table", "t", "--customer", "c", "--date", "d", "--dialect", "oracle"], "--dialect: oracle"],
      [["sql", "--table", "t", "--customer", "c", "--date", "d", "--date-type", "datetime"], "--date-type: datetime"],
      [["sql", "--table", "t", "--customer", "c", "--date", "d", "--time-zone", "Mars/Olympus"], "--time-zone: Mars/Olympus"],
      [["report", DEMO, "--engine", "spark"], "--engine: spark"],
      [["sql", "--table", "t", "--customer", "c", "--date", "d", "--exclude", "kind=Trial", "--keep-all-deals"], "say opposite things"],
      [
        ["sql", "--table", "t", "--customer", "c", "--date", "d", "--deal-type", "type", "--exclude", "kind=Trial"],
        "two different deal-type columns",
      ],
    ] as const) {
      const result = await cli([...argv]);
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toContain(words);
    }
  });

  it("speaks Russian", async () => {
    const result = await cli(["sql", "--customer", "c", "--date", "d"], { LANG: "ru_RU.UTF-8" });
    expect(result.stderr).toContain("для sql нужны таблица");
  });
});

describe("the hint to use DuckDB", () => {
  it("comes when the streaming engine would want more than half the memory (2.2 bytes a byte of file)", () => {
    const machine = 24 * 2 ** 30; // half of it: 12.88 GB, which a file of 5.86 GB reaches
    expect(suggestsDuckDb(5.8e9, machine)).toBe(false); // 12.76 GB
    expect(suggestsDuckDb(5.9e9, machine)).toBe(true); // 12.98 GB
    expect(suggestsDuckDb(250e6, 2 ** 30)).toBe(true); // 550 MB on a 1 GiB machine (half: 537 MB)
    expect(suggestsDuckDb(240e6, 2 ** 30)).toBe(false); // 528 MB
  });
});

describeDuckDb("report --engine duckdb, as a command", () => {
  it("reads several files as one log, as the command reads them joined", async () => {
    const [header, ...rows] = readFileSync(DEMO, "utf8").trimEnd().split("\n");
    const dir = tempDir();
    const half = Math.floor(rows.length / 2);
    const first = writeFixture(dir, "part-1.csv", `${[header, ...rows.slice(0, half)].join("\n")}\n`);
    const second = writeFixture(dir, "part-2.csv", `${[header, ...rows.slice(half)].join("\n")}\n`);
    const [core, duck] = await Promise.all([coreReport([DEMO]), duckDbReport([first, second])]);
    expect(comparable(duck)).toEqual(comparable(core, true));
    // The same files as a pattern the shell left alone (quoted), as DuckDB globs Parquet files.
    expect(comparable(await duckDbReport([join(dir, "part-*.csv")]))).toEqual(comparable(core, true));
    const none = await cli(["report", join(dir, "nothing-*.csv"), "--engine", "duckdb", "--locale", "en_US"]);
    expect(none.exitCode).toBe(1);
    expect(none.stderr).toContain(`no file matches ${join(dir, "nothing-*.csv")}`);
  });

  it("reads each named file as itself, a pattern's files once each, and refuses files that differ", async () => {
    const dir = tempDir();
    const header = "Customer,Date,Amount";
    // A name with brackets beside the name they would match as a pattern.
    const bracketed = writeFixture(dir, "x[1].csv", `${header}\nZed,2024-03-05,10\n`);
    writeFixture(dir, "x1.csv", `${header}\nYan,2024-03-05,5\nYan,2024-04-05,5\n`);
    writeFixture(dir, ".hidden.csv", `${header}\nAda,2024-03-05,5\n`);
    const alone = await duckDbReport([bracketed]);
    expect([alone.customers, alone.stats.rows]).toEqual([1, 1]);
    // Zed's one row and Yan's two; not the hidden file, and x1.csv once though named twice.
    const all = await duckDbReport([join(dir, "*.csv"), join(dir, "x1.csv")]);
    expect([all.customers, all.stats.rows]).toEqual([2, 3]);
    // The report says which files a pattern read.
    const pattern = join(dir, "*.csv");
    const text = await cli(["report", pattern, "--engine", "duckdb"]);
    expect(text.stdout).toContain(`Files ${pattern}: 2 (utf-8, delimiter ,)`);
    const json = JSON.parse((await cli(["report", pattern, "--engine", "duckdb", "--json"])).stdout);
    expect([json.file, json.files]).toEqual([pattern, [join(dir, "x1.csv"), bracketed]]);

    // However a file is spelled, it is read once; hidden folders stay out of a pattern, as in a shell.
    const spelled = await duckDbReport([join(dir, "x1.csv"), join(dir, ".", "x1.csv"), join(dir, "..", basename(dir), "x1.csv")]);
    expect(spelled.stats.rows).toBe(2);
    for (const [folder, name] of [
      ["vis", "Vic"],
      [".hid", "Hid"],
    ] as const) {
      mkdirSync(join(dir, folder));
      writeFixture(dir, `${folder}/x.csv`, `${header}\n${name},2024-03-05,5\n`);
    }
    expect((await duckDbReport([join(dir, "*", "x.csv")])).stats.rows).toBe(1);
    // Files that start alike but for a byte order mark, CRLF, quotes, case and spacing in the
    // header, or that are empty, are read together.
    const alike = writeFixture(dir, "alike.csv", '\uFEFF"customer", DATE ,Amount\r\nBob,2024-03-05,5\r\n');
    const empty = writeFixture(dir, "empty.csv", "");
    const together = await duckDbReport([bracketed, alike, empty]);
    expect([together.customers, together.stats.rows]).toEqual([2, 2]);

    const refused = async (files: string[]) => {
      const result = await cli(["report", ...files, "--engine", "duckdb"]);
      expect(result.exitCode).toBe(1);
      return result.stderr;
    };
    const swapped = writeFixture(dir, "swapped.csv", "Date,Customer,Amount\n2024-03-05,Bob,5\n");
    expect(await refused([bracketed, swapped])).toContain(`${swapped} does not start as ${bracketed} does`);
    const headless = writeFixture(dir, "headless.csv", "Bob,2024-03-05,5\n");
    expect(await refused([bracketed, headless])).toContain(`${headless} does not start as ${bracketed} does`);
    const parquet = join(dir, "x.parquet");
    await parquetFromCsv(writeFixture(dir, "yan.txt", "Customer;Date;Amount\nYan;2024-03-05;5\nYan;2024-04-05;5\n"), parquet);
    expect(await refused([bracketed, parquet])).toContain(`${bracketed} is CSV and ${parquet} is Parquet`);
    expect((await cli(["report", parquet, "--engine", "duckdb"])).stdout).toContain(`File ${parquet} (Parquet)`);
  });

  it("never writes a report over a file a pattern read", async () => {
    const dir = tempDir();
    const part = writeFixture(dir, "part-1.csv", "Customer,Date,Amount\nAnn,2024-03-05,10\nAnn,2024-04-05,10\n");
    const result = await cli(["report", join(dir, "part-*.csv"), "--engine", "duckdb", "--lapsed-csv", part]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(`--lapsed-csv ${part} is the orders file being read (${part})`);
    expect(readFileSync(part, "utf8")).toBe("Customer,Date,Amount\nAnn,2024-03-05,10\nAnn,2024-04-05,10\n");
  });

  it("says why a log has no purchase as the streaming command does, naming the first skipped row", async () => {
    const dir = tempDir();
    const cases: [name: string, csv: string, message: string][] = [
      ["header.csv", "Customer,Date,Amount\n", ": no orders, nothing below the header"],
      [
        "refunds.csv",
        "Customer,Date,Amount\nAnn,2024-03-05,-10\nBob,2024-03-06,-5\n",
        ": no purchases, all 2 orders have negative amounts",
      ],
      [
        "dates.csv",
        "Customer,Date,Amount\nAnn,someday,10\nBob,2024-13-45,5\n",
        "no order could be read; the first problem: Date, row 2: cannot read «someday» as a date",
      ],
      [
        "cancelled.csv",
        "Customer,Date,Amount,Status\nAnn,2024-03-05,10,Cancelled\nBob,2024-03-06,5,Refunded\n",
        ": no completed purchase, all 2 orders are left out by their status",
      ],
      [
        "projects.csv",
        "Customer,Date,Amount,Deal type\nAnn,2024-03-05,10,Project\n",
        ": no orders to count, all 1 is a one-off deal left out",
      ],
    ];
    for (const [name, csv, message] of cases) {
      const file = writeFixture(dir, name, csv);
      const [duck, own] = await Promise.all([cli(["report", file, "--engine", "duckdb"]), cli(["report", file])]);
      expect(own.exitCode).toBe(1);
      expect(own.stderr).toContain(message);
      expect([duck.exitCode, duck.stderr]).toEqual([own.exitCode, own.stderr]);
    }
    // Several files: all are named, and the first problem is the first file's, by file and line.
    const dates = join(dir, "dates.csv");
    const blanks = writeFixture(dir, "blanks.csv", "Customer,Date,Amount\n,2024-03-05,10\n");
    const both = await cli(["report", blanks, dates, "--engine", "duckdb"]);
    expect(both.stderr).toContain(
      `${blanks} ${dates}: no order could be read; the first problem: Customer, row ${blanks}:2: the customer is empty but the row has other values`,
    );
    const swapped = await cli(["report", dates, blanks, "--engine", "duckdb"]);
    expect(swapped.stderr).toContain(
      `${dates} ${blanks}: no order could be read; the first problem: Date, row ${dates}:2: cannot read «someday»`,
    );
  });

  it("names a skipped row of a later file by that file and its line, in the text and the JSON", async () => {
    const dir = tempDir();
    const good = writeFixture(dir, "a.csv", "Customer,Date,Amount\nAnn,2024-03-05,10\nAnn,2024-04-05,10\n");
    // b.csv: a date that cannot be read on its 3rd line, a row with no customer on its 4th.
    const later = writeFixture(dir, "b.csv", "Customer,Date,Amount\nBob,2024-03-06,5\nCid,never,5\n,2024-03-07,5\n");
    const text = await cli(["report", good, later, "--engine", "duckdb", "--locale", "en_US"]);
    expect(text.exitCode).toBe(0);
    expect(text.stdout).toContain(`line ${later}:3: Date: cannot read «never» as a date`);
    expect(text.stdout).toContain(`line ${later}:4: Customer: the customer is empty but the row has other values`);
    const json = JSON.parse((await cli(["report", good, later, "--engine", "duckdb", "--locale", "en_US", "--json"])).stdout);
    expect(json.skippedRows.map((row: { file: string; row: number }) => `${row.file}:${row.row}`)).toEqual([`${later}:3`, `${later}:4`]);
    expect(json.skippedByReason.map((group: { files: string[]; rows: number[] }) => [group.files, group.rows])).toEqual([
      [[later], [3]],
      [[later], [4]],
    ]);
  });

  it("reads Parquet files by their columns' names and types, and refuses one that lacks a column it reads", async () => {
    const dir = tempDir();
    // The same orders as one Russian CSV file, read by the streaming engine …
    const typedRows = ["Ann;2024-01-05;10", "Bob;2024-01-06;20", "Ann;2024-02-05;5"];
    const textRows = ["Bob;05.03.2024;1 234,56", "Cid;07.03.2024;7,5", "Ann;когда-то;3", "Bob;06.03.2024;-1 234,56"];
    const whole = writeFixture(dir, "whole.csv", `Клиент;Дата;Сумма\n${[...typedRows, ...textRows].join("\n")}\n`);
    // … and as two Parquet files: the first typed (a date, a number), the second all text in
    // another column order, its dates and amounts written as Russian exports write them.
    const typed = join(dir, "a.parquet");
    const select = "Клиент, CAST(Дата AS DATE) AS Дата, CAST(Сумма AS DOUBLE) AS Сумма";
    await parquetFromCsv(writeFixture(dir, "a.txt", `Клиент;Дата;Сумма\n${typedRows.join("\n")}\n`), typed, select);
    const text = join(dir, "b.parquet");
    const reordered = textRows.map((row) => row.split(";")).map(([name, date, amount]) => `${amount};${name};${date}`);
    await parquetFromCsv(writeFixture(dir, "b.txt", `Сумма;Клиент;Дата\n${reordered.join("\n")}\n`), text);
    const russian = ["--locale", "ru_RU"];
    const [core, duck] = await Promise.all([coreReport([whole, ...russian]), duckDbReport([typed, text, ...russian])]);
    expect(comparable(duck)).toEqual(comparable(core, true));
    // Worked by hand: 7 rows, one skipped (its date), 3 customers, one refund of 1 234,56.
    expect([duck.stats.rows, duck.customers, duck.refunds]).toEqual([7, 3, { rows: 1, amount: -1234.56 }]);
    // The skipped row is named in its own file, by its row there (a Parquet file has no header line: the 3rd).
    expect(duck.skipped.map((row) => [row.problem.file, row.row, row.problem.value])).toEqual([[text, 3, "когда-то"]]);

    // A file without the amounts, and one that spells a column in other Cyrillic capitals, which
    // DuckDB would read as another column (and the amounts as blanks, so 0): both refused.
    const refused = async (name: string, csv: string): Promise<string> => {
      const lacking = join(dir, name);
      await parquetFromCsv(writeFixture(dir, `${name}.txt`, csv), lacking);
      const result = await cli(["report", typed, lacking, "--engine", "duckdb", "--locale", "en_US"]);
      expect(result.exitCode).toBe(1);
      return result.stderr;
    };
    expect(await refused("c.parquet", "Клиент;Дата\nDan;05.03.2024\n")).toContain(
      `${join(dir, "c.parquet")} has no column Сумма, which ${typed} has and the report reads (${join(dir, "c.parquet")} has: Клиент, Дата)`,
    );
    expect(await refused("d.parquet", "Клиент;Дата;СУММА\nDan;05.03.2024;5\n")).toContain(
      `${join(dir, "d.parquet")} has no column Сумма, which ${typed} has and the report reads (${join(dir, "d.parquet")} has: Клиент, Дата, СУММА)`,
    );
  });

  it("reads a Parquet date stored as the number 20240305 as text, and names what it cannot read faithfully", async () => {
    const dir = tempDir();
    const csv = "Customer;Date;Amount;Manager\nAnn;20240305;10;Kim\nAnn;20240405;5;Kim\nBob;20240306;7;Lee\n";
    const numbered = join(dir, "numbered.parquet");
    await parquetFromCsv(writeFixture(dir, "numbered.txt", csv), numbered, "Customer, CAST(Date AS INTEGER) AS Date, Amount, Manager");
    // The same rows as text, as the streaming command reads them (YYYYMMDD dates).
    const [core, duck] = await Promise.all([coreReport([writeFixture(dir, "numbered.csv", csv)]), duckDbReport([numbered])]);
    expect(comparable(duck)).toEqual(comparable(core, true));
    expect([duck.firstDate, duck.lastDate, duck.customers]).toEqual(["2024-03-05", "2024-04-05", 2]);

    const parquet = async (name: string, rows: string, select = "*"): Promise<string> => {
      const path = join(dir, name);
      await parquetFromCsv(writeFixture(dir, `${name}.txt`, rows), path, select);
      return path;
    };
    const refused = async (...files: string[]): Promise<string> => {
      const result = await cli(["report", ...files, "--engine", "duckdb", "--locale", "en_US"]);
      expect(result.exitCode).toBe(1);
      return result.stderr;
    };
    const header = "Customer;Date;Amount\n";
    // A glob over files that spell the columns in other Latin capitals, and order them otherwise: one log.
    await parquet("part-1.parquet", `${header}Ann;2024-03-05;5\n`);
    await parquet("part-2.parquet", "AMOUNT;customer;DATE\n7;ann;2024-04-05\n");
    const parts = await duckDbReport([join(dir, "part-*.parquet")]);
    expect([parts.stats.rows, parts.customers, parts.secondPurchases]).toEqual([2, 1, 1]);
    const dated = await parquet("dated.parquet", `${header}Cid;2024-03-05;5\n`, "Customer, CAST(Date AS DATE) AS Date, Amount");
    // Read together, DuckDB would make the DATE midnight UTC: another day west of UTC.
    const stamped = await parquet(
      "stamped.parquet",
      `${header}Dan;2024-03-05 10:00:00;5\n`,
      "Customer, CAST(Date AS TIMESTAMP) AS Date, Amount",
    );
    expect(await refused(dated, stamped)).toContain(
      `column Date: ${dated} stores it as DATE and ${stamped} as TIMESTAMP, which DuckDB cannot read together without changing values`,
    );
    // Amounts as text, as integers and as dates: text goes with the integers, not with the dates,
    // and it is those two files that are named, not the first two.
    const textAmount = await parquet("text-amount.parquet", `${header}Jan;2024-03-05;7,5\n`);
    const wholeAmount = await parquet(
      "whole-amount.parquet",
      `${header}Kai;2024-03-05;7\n`,
      "Customer, Date, CAST(Amount AS INTEGER) AS Amount",
    );
    const datedAmount = await parquet(
      "dated-amount.parquet",
      `${header}Lev;2024-03-05;2024-03-05\n`,
      "Customer, Date, CAST(Amount AS DATE) AS Amount",
    );
    expect(await refused(textAmount, wholeAmount, datedAmount)).toContain(
      `column Amount: ${textAmount} stores it as VARCHAR and ${datedAmount} as DATE`,
    );
    // A customer number beside text: 123 as a DOUBLE would read as the text 123.0, another customer than 123.
    const textCustomer = await parquet("text-customer.parquet", `${header}123;2024-03-05;5\n`);
    const numberCustomer = await parquet(
      "number-customer.parquet",
      `${header}123;2024-04-05;5\n`,
      "CAST(Customer AS DOUBLE) AS Customer, Date, Amount",
    );
    expect(await refused(textCustomer, numberCustomer)).toContain(
      `column Customer: ${textCustomer} stores it as VARCHAR and ${numberCustomer} as DOUBLE`,
    );
    // A BOOLEAN beside numbers would count as 1 or 0.
    const flagged = await parquet("flagged.parquet", `${header}Eve;2024-03-05;true\n`, "Customer, Date, CAST(Amount AS BOOLEAN) AS Amount");
    const priced = await parquet("priced.parquet", `${header}Fay;2024-03-05;5\n`, "Customer, Date, CAST(Amount AS DOUBLE) AS Amount");
    expect(await refused(priced, flagged)).toContain(`column Amount: ${priced} stores it as DOUBLE and ${flagged} as BOOLEAN`);
    // The manager column only in the second file: the first lacks it, and the second is named as the one that has it.
    const withManager = await parquet("manager.parquet", "Customer;Date;Amount;Manager\nGil;2024-03-05;5;Kim\n");
    const plain = await parquet("plain.parquet", `${header}Hal;2024-03-05;5\n`);
    expect(await refused(plain, withManager)).toContain(`${plain} has no column Manager, which ${withManager} has and the report reads`);
    // A column only the health check reads says how to go on without it.
    const budgeted = await parquet("budget.parquet", "Customer;Date;Amount;Budget\nIda;2024-03-05;5;100\n");
    expect(await refused(budgeted, plain)).toContain(`${plain} has no column Budget, which ${budgeted} has and the health check reads`);
    expect(await refused(budgeted, plain)).toContain("add --no-health to leave the health check out");
    expect((await cli(["report", budgeted, plain, "--engine", "duckdb", "--no-health"])).exitCode).toBe(0);
    // A file that is not there, or is no Parquet file, is named, not left to DuckDB's words.
    expect(await refused(plain, join(dir, "absent.parquet"))).toContain(`cannot read ${join(dir, "absent.parquet")}: no such file`);
    const broken = writeFixture(dir, "broken.parquet", "Customer,Date\nAnn,2024-03-05\n");
    expect(await refused(plain, broken)).toContain(`${broken} is not a Parquet file DuckDB can read`);
  });

  it("--json carries the health check's periods, questions 1, 2, 3, 5, 6, 7 and 8 and the lapsed customers, the command's own (and none with --no-health)", async () => {
    const [duck, own] = await Promise.all([cli(["report", DEMO, "--engine", "duckdb", "--json"]), cli(["report", DEMO, "--json"])]);
    const health = (result: { stdout: string }) => JSON.parse(result.stdout).healthCheck;
    const periods = (result: { stdout: string }) => health(result).periods as HealthPeriod[];
    // The same fields as the command's, the cohort grid among them, cell for cell.
    expect(Object.keys(health(duck)).sort()).toEqual(Object.keys(health(own)).sort());
    expect(health(duck).cohortGrid.rows.length).toBeGreaterThan(12);
    expect(health(duck).cohortGrid).toEqual(health(own).cohortGrid);
    expect(periods(duck).length).toBeGreaterThan(12);
    expect(comparablePeriods(periods(duck))).toEqual(comparablePeriods(periods(own), true));
    // The verdicts are the core's, judged from the periods; each with its sentence, as the command words it.
    const questions = (result: { stdout: string }) => health(result).questions as (HealthQuestion & { answer: string })[];
    expect(questions(duck).map((question) => question.id)).toEqual(DUCKDB_QUESTION_IDS);
    expect(comparableQuestions(questions(duck))).toEqual(comparableQuestions(questions(own), true));
    // The lapsed customers in the streaming report's shape: the list, and the totals beside it.
    const lapsed = (result: { stdout: string }): LapsedList => {
      const { lapsed: customers, lapsedTotals } = health(result);
      return { ...lapsedTotals, customers };
    };
    expect(lapsed(duck).customers).toHaveLength(50);
    expect(comparableLapsed(lapsed(duck))).toEqual(comparableLapsed(lapsed(own), true));
    const without = await cli(["report", DEMO, "--engine", "duckdb", "--json", "--no-health"]);
    expect(JSON.parse(without.stdout).healthCheck).toBeNull();
  });

  it("prints the usual report, with the command's eight answers and question 4's managers, in both languages", async () => {
    const budgets = demoWithBudgets();
    for (const env of [{ LANG: "C" }, { LANG: "ru_RU.UTF-8" }]) {
      const [duck, own] = await Promise.all([
        cli(["report", budgets, "--engine", "duckdb"], env),
        cli(["report", budgets, "--engine", "duckdb"].slice(0, 2), env),
      ]);
      expect(duck.exitCode).toBe(0);
      // From the health check's title to the line before the cohorts' heading: the answers and the managers' table.
      const health = (stdout: string): string[] => {
        const lines = stdout.split("\n");
        const from = lines.findIndex((line) => /^(Customer base health|Здоровье клиентской базы)/.test(line));
        return lines.slice(from, lines.indexOf("", from));
      };
      expect(health(duck.stdout).length).toBeGreaterThan(8 + 5);
      expect(health(duck.stdout)).toEqual(health(own.stdout));
    }
  });

  it("shows the eight answers, the cohort heatmap, question 4's managers and the lapsed customers in the HTML report", async () => {
    const dir = tempDir();
    const html = async (engine: string[]): Promise<string> => {
      const out = join(dir, `report${engine.length}.html`);
      expect((await cli(["report", DEMO, ...engine, "--html", out])).exitCode).toBe(0);
      return readFileSync(out, "utf8");
    };
    const [duck, own] = await Promise.all([html(["--engine", "duckdb"]), html([])]);
    const section = (page: string, name: string): string => page.match(new RegExp(`<section data-section="${name}">[^]*?</section>`))![0];
    expect([...duck.matchAll(/<li class="health-\w+">/g)]).toHaveLength(DUCKDB_QUESTION_IDS.length);
    expect(section(duck, "summary")).toEqual(section(own, "summary"));
    // The heatmap and the trend line, drawn from the same cohort grid.
    expect(section(duck, "charts")).toContain("<svg");
    expect(section(duck, "charts")).toEqual(section(own, "charts"));
    expect(section(duck, "managers")).toEqual(section(own, "managers"));
    // The lapsed customers' table: the names may be spelled otherwise (docs/bigquery-duckdb.md), the count not.
    expect(section(duck, "lapsed").match(/<h2>.*<\/h2>/)![0]).toEqual(section(own, "lapsed").match(/<h2>.*<\/h2>/)![0]);
  });

  it("without DuckDB installed, says how to install it, with exit 2", () => {
    // The built command away from the project's node_modules, where nothing provides DuckDB.
    const alone = join(tempDir(), "cli.cjs");
    copyFileSync(builtCli(), alone);
    const run = () =>
      spawnSync(process.execPath, [alone, "report", DEMO, "--engine", "duckdb"], {
        encoding: "utf8",
        env: { LANG: "C" },
        timeout: CHILD_TIMEOUT_MS,
      });
    const missing = run();
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("DuckDB, which is not installed: run npm install @duckdb/node-api");

    // Installed but failing to load (its native part built for another system): said as such.
    const broken = join(dirname(alone), "node_modules", "@duckdb", "node-api");
    mkdirSync(broken, { recursive: true });
    writeFileSync(join(broken, "package.json"), JSON.stringify({ name: "@duckdb/node-api", main: "index.js" }));
    writeFileSync(join(broken, "index.js"), 'throw new Error("invalid ELF header");\n');
    const failing = run();
    expect(failing.status).toBe(2);
    expect(failing.stderr).toContain("DuckDB is installed but could not be loaded (invalid ELF header)");
  });
});
