// The report's query in DuckDB (`report --engine duckdb`) against the command's own engine, which
// test/cli/core-agreement.test.ts holds to the core: the same file, the same flags, the same
// report — every cohort row, the verdict, the managers, the skipped rows by reason — but for what
// `comparable` sets aside, and says why.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { seededRandom } from "../../src/lib/seeded-random";
import { REPORT_LIMITS } from "../../src/core/report";
import { cli, tempDir, trickyOrderLog, writeFixture } from "../cli/helpers";
import { datasetPath, describeDataset } from "../support/datasets";
import type { ReportOutcome } from "../../src/cli/report-command";
import type { HealthQuestion } from "../../src/core/health/questions";
import type { Language } from "../../src/i18n/language";
import { healthAnswers } from "../../src/presentation/health-check";
import { skippedByReason, skippedLines } from "../../src/cli/report-lines";
import { problemMessage } from "../../src/i18n/problems";
import { csvFailure } from "../../src/cli/duckdb/duckdb-errors";
import {
  comparable,
  comparableLapsed,
  comparableManagers,
  comparablePeriods,
  comparableQuestions,
  coreOutcome,
  coreReport,
  describeDuckDb,
  duckDbOutcome,
  duckDbReport,
  DUCKDB_QUESTION_IDS,
  demoWithBudgets,
  demoWithContacts,
  demoWithInitiators,
  INITIATORS,
  parquetFromCsv,
} from "./support";

const DEMO = join(__dirname, "../../demo/orders.csv");

/**
 * The same report, the same health-check periods as the core's `healthCheck(...).periods`, and the
 * same verdicts and figures of the questions those periods answer (1, 3, 6, 8) and of question 7,
 * the first unknown initiator's row and value included, and the same cohort grid, cell for cell.
 * Returns the questions, so that a test can check that they judged something.
 */
async function expectSameReport(argv: readonly string[], duckArgv = argv): Promise<HealthQuestion[]> {
  const [core, duck] = await Promise.all([coreReport(argv), duckDbOutcome(duckArgv)]);
  expect(comparable(duck.report)).toEqual(comparable(core, true));
  expect(core.healthCheck!.periods.length).toBeGreaterThan(0);
  const health = duck.report.healthCheck!;
  expect(health.periodsOmitted).toBe(core.healthCheck!.periodsOmitted);
  expect(comparablePeriods(health.periods)).toEqual(comparablePeriods(core.healthCheck!.periods, true));
  expect(health.questions.map((question) => question.id)).toEqual(DUCKDB_QUESTION_IDS);
  expect(comparableQuestions(health.questions)).toEqual(comparableQuestions(core.healthCheck!.questions, true));
  expect(comparableLapsed(health.lapsed)).toEqual(comparableLapsed(core.healthCheck!.lapsed, true));
  expect(comparableManagers(health.managers)).toEqual(comparableManagers(core.healthCheck!.managers, true));
  expect(health.managersOmitted).toBe(core.healthCheck!.managersOmitted);
  expect(health.cohortGrid).toEqual(core.healthCheck!.cohortGrid);
  expect(health.settings).toEqual(core.healthCheck!.settings);
  expect(health.columns).toEqual(core.healthCheck!.columns);
  return health.questions;
}

const verdictOf = (questions: readonly HealthQuestion[], id: number): string => questions.find((question) => question.id === id)!.verdict;

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
  "Мира;2024-01-20;-8;;розница", // a refund months before the first purchase: not her cohort
  "Мира;2024-04-20;8;;розница",
  "Мира;2024-06-20;8;;розница",
  "Юля;2024-03-20;5;БОРЯ;розница", // Анна's first-day manager in other case: one manager, named БОРЯ
  "Алёна;2024-03-21;5;;розница",
  "АЛЕНА;2024-04-21;5;;розница", // ё read as е: Алёна's second purchase
  "ООО «Ромашка»;2024-03-22;5;;розница",
  '"ООО ""Ромашка""";2024-05-22;5;;розница', // quotation marks read as spaces: its second purchase
  '"""";2024-05-23;5;;розница', // nothing but a quotation mark: still a name
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
    const questions = await expectSameReport([DEMO]);
    for (const id of [1, 3, 6, 8]) expect(verdictOf(questions, id)).not.toBe("needsData");
    // The demo has no initiated-by column: question 7 needs one, as the core says (compared above).
    expect(questions.find((question) => question.id === 7)).toMatchObject({ verdict: "needsData", needs: "initiatedBy" });
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
      // --json's list of skipped rows, each with its reason: all of them here (fewer than 1,000).
      const listed = (outcome: ReportOutcome) =>
        outcome.report.skipped.map(({ row, problem }) => `${row}: ${problemMessage(problem, "en")}`);
      expect(listed(core).length).toBe(core.report.stats.skippedRows);
      expect(listed(duck)).toEqual(listed(core));
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
    expect(duck.report.skipped.map(({ row, problem }) => [row, problem.code])).toEqual([
      [3, "missingCustomer"],
      [5, "badDate"],
      [6, "missingCustomer"],
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

  it("refuses one whose Windows-1251 starts after 3 MB of ASCII, as the streaming engine reads it", async () => {
    // 3 MB of plain rows, then a name in Windows-1251 (0xC0 is «А»): past the streaming engine's
    // 1 MB chunk, within the 4 MB the layout and the encoding are read from.
    const row = "Ann,2024-03-05,10\n";
    const ascii = row.repeat(Math.ceil((3 * 1024 * 1024) / row.length));
    const file = writeFixture(
      tempDir(),
      "late-1251.csv",
      Buffer.concat([Buffer.from(`Customer,Date,Amount\n${ascii}`), Buffer.from([0xc0, 0x2c]), Buffer.from("2024-03-06,5\n")]),
    );
    await expect(duckDbReport([file])).rejects.toMatchObject({ exitCode: 1, detail: { key: "duckdbEncoding" } });
  });

  // Past the 4 MB the layout is read from, only DuckDB sees the bytes: it names a row in English
  // among a page of its settings. The command names the file and its line, as the streaming one does.
  const SAMPLE = 4 * 1024 * 1024;
  const PLAIN_ROW = "Ann,2024-03-05,10\n";
  /** The header, a name in UTF-8 (so that both engines read the file as UTF-8) and plain rows up to past the 4 MB sample: `lines` lines in all. */
  const pastSample = (): { text: string; lines: number } => {
    const rows = Math.ceil(SAMPLE / PLAIN_ROW.length) + 1;
    return { text: `Customer,Date,Amount\nАня,2024-03-04,7\n${PLAIN_ROW.repeat(rows)}`, lines: rows + 2 };
  };

  it("names the file and line of bytes that are not UTF-8 past the sample, counting lines as the streaming command does", async () => {
    const dir = tempDir();
    const { text, lines } = pastSample();
    // A quoted name over two lines first: DuckDB counts it as one row, a line is a line here.
    const bytes = Buffer.concat([
      Buffer.from(`${text}"Bob\nSmith",2024-03-05,5\n`),
      Buffer.from([0xc0, 0x2c]), // «А» in Windows-1251, and a comma
      Buffer.from("2024-03-06,5\n"),
    ]);
    const file = writeFixture(dir, "late-bytes.csv", bytes);
    const line = lines + 3;
    const [duck, own] = await Promise.all([cli(["report", file, "--engine", "duckdb"]), cli(["report", file])]);
    expect(own.stderr).toContain(`${file}, line ${line}: bytes that are not UTF-8`);
    expect(duck.exitCode).toBe(1);
    expect(duck.stderr).toContain(
      `${file}, line ${line}: bytes that are not UTF-8, and DuckDB reads UTF-8 only: convert the file (iconv -f cp1251 -t utf-8, if it is Windows-1251), or leave out --engine duckdb`,
    );
    // A later file of several, checked only at its start: named by its own path and line.
    const first = writeFixture(dir, "first.csv", "Customer,Date,Amount\nAnn,2024-03-05,10\n");
    const ru = await cli(["report", first, file, "--engine", "duckdb", "--locale", "ru_RU"]);
    expect(ru.exitCode).toBe(1);
    expect(ru.stderr).toContain(`${file}, строка ${line}: байты не в UTF-8, а DuckDB читает только UTF-8`);
    // Semicolons and decimal commas: the line is found by the file's own delimiter.
    const semicolons = writeFixture(
      dir,
      "late-bytes-semicolons.csv",
      Buffer.concat([
        Buffer.from(`${text.replaceAll(",", ";")}"Bob\nSmith";2024-03-05;5,5\n`),
        Buffer.from([0xc0, 0x3b]),
        Buffer.from("2024-03-06;5\n"),
      ]),
    );
    expect((await cli(["report", semicolons, "--engine", "duckdb"])).stderr).toContain(
      `${semicolons}, line ${line}: bytes that are not UTF-8`,
    );
    // In a later column, such bytes make DuckDB fail inside, naming no row: the file is read through.
    const rows = Math.ceil(SAMPLE / 18) + 1;
    const later = writeFixture(
      dir,
      "late-bytes-column.csv",
      Buffer.concat([
        Buffer.from(`Date,Customer,Amount\n${"2024-03-05,Ann,10\n".repeat(rows)}2024-02-02,`),
        Buffer.from([0xc0]),
        Buffer.from(",7\n"),
      ]),
    );
    const inColumn = await cli(["report", later, "--engine", "duckdb"]);
    expect(inColumn.exitCode).toBe(1);
    expect(inColumn.stderr).toContain(`${later}, line ${rows + 2}: bytes that are not UTF-8, and DuckDB reads UTF-8 only`);
  });

  it("names the file and line of a row DuckDB cannot read, counting lines as the streaming command does", async () => {
    const dir = tempDir();
    const { text, lines } = pastSample();
    // A quoted name over two lines first (DuckDB counts one row), CRLF line ends; then, past the
    // sample, a row wider than the sample's widest and the room kept beside it.
    const wide = writeFixture(
      dir,
      "wide.csv",
      `${text}"Bob\nSmith",2024-03-05,5\n`.replaceAll("\n", "\r\n") + `Bob,2024-03-06,5${",x".repeat(30)}\r\n`,
    );
    const tooWide = await cli(["report", wide, "--engine", "duckdb"]);
    expect(tooWide.exitCode).toBe(1);
    expect(tooWide.stderr).toContain(`${wide}, line ${lines + 3}: this row has more fields than the file's first rows`);
    // Other errors keep DuckDB's own reason, its last line before its advice.
    const failure = csvFailure(
      'Invalid Input Error: CSV Error on Line: 7\nOriginal Line: "B,1\nC,2\n\nValue with unterminated quote found.\n\nPossible fixes:\n* Set quote\n\n  file = /x/a.csv\n  delimiter = ,\n',
    );
    expect(failure).toEqual({
      path: "/x/a.csv",
      record: 7,
      reason: "Value with unterminated quote found.",
      notUtf8: false,
      tooWide: false,
    });
  });

  it("refuses a quote that never closes, within the first rows or past them, where DuckDB would drop the rows after it", async () => {
    const dir = tempDir();
    const { text, lines } = pastSample();
    // A quoted line break makes DuckDB read serially, and its serial reader then passes over every
    // row after a quote that never closes (with rows padded, as they are here) without a word.
    const quotedBreak = 'Ann,2024-03-05,"10\n"\n';
    const early = writeFixture(
      dir,
      "early.csv",
      `Customer,Date,Amount\n${quotedBreak}Ann,2024-03-05,10\n"Bob,2024-03-06,5\n${text.slice(text.indexOf("\n") + 1)}`,
    );
    const late = writeFixture(dir, "late.csv", `${text}${quotedBreak}"Bob,2024-03-06,5\nAnn,2024-03-07,5\n`);
    for (const [file, line] of [
      [early, 5],
      [late, lines + 3],
    ] as const) {
      const [duck, own] = await Promise.all([cli(["report", file, "--engine", "duckdb"]), cli(["report", file])]);
      expect(own.stderr).toContain(`${file}, line ${line}: a quote opens on this line and never closes`);
      expect([duck.exitCode, duck.stderr]).toEqual([own.exitCode, own.stderr]);
    }
  });

  it("lists the first 1,000 skipped rows in --json, as the streaming command does, however far apart", async () => {
    // 30,000 rows, every 20th with a date that cannot be read, every 200th with no customer: 1,650
    // skipped, far more rows apart than DuckDB hands over in one chunk of the numbering read.
    const rows = Array.from({ length: 30_000 }, (_, i) =>
      i % 200 === 7 ? `,2024-03-06,5` : i % 20 === 3 ? `Bob ${i},2024-13-45,5` : `Ann ${i % 500},2024-0${1 + (i % 9)}-05,10`,
    );
    const file = writeFixture(tempDir(), "sparse.csv", `Customer,Date,Amount\n${rows.join("\n")}\n`);
    const [own, duck] = await Promise.all([coreOutcome([file]), duckDbOutcome([file])]);
    const listed = (outcome: ReportOutcome) => outcome.report.skipped.map(({ row, problem }) => `${row}: ${problemMessage(problem, "en")}`);
    expect(own.report.stats.skippedRows).toBe(1_650);
    expect(listed(own)).toHaveLength(1_000);
    expect(listed(duck)).toEqual(listed(own));
  });

  it("reads a sample that ends inside a quoted field, and words a quote that never closes as the streaming command does", async () => {
    const dir = tempDir();
    // Notes of 100 KB over many lines: the 4 MB sample holds fewer rows than the layout reads, and
    // ends at its last line break, inside a note that goes on past it.
    const note = `"${"A long note.\n".repeat((100 * 1024) / 13)}"`;
    const rows = Array.from({ length: 45 }, (_, i) => `Client ${i % 20},2024-${String(1 + (i % 12)).padStart(2, "0")}-05,5,${note}`);
    const quoted = writeFixture(dir, "quoted.csv", `Customer,Date,Amount,Notes\n${rows.join("\n")}\n`);
    const [duck, own] = await Promise.all([duckDbReport([quoted]), coreReport([quoted])]);
    expect(comparable(duck)).toEqual(comparable(own, true));

    const open = writeFixture(dir, "open.csv", 'Customer,Date,Amount\nAnn,2024-03-05,10\n"Bob,2024-03-06,5\n');
    const [duckOpen, ownOpen] = await Promise.all([cli(["report", open, "--engine", "duckdb"]), cli(["report", open])]);
    expect(ownOpen.stderr).toContain(`${open}, line 3: a quote opens on this line and never closes`);
    expect([duckOpen.exitCode, duckOpen.stderr]).toEqual([ownOpen.exitCode, ownOpen.stderr]);
  });
});

/**
 * Two years of orders with an initiated-by column, so that "the last 12 months" leaves some out:
 * a third of the rows repeat the row before's customer and day with another initiator (one
 * purchase, started by the company if any of its rows says so), refunds, blank amounts, one-off
 * deals; with `statuses`, a status column too: statuses left out, continuation rows (a blank status).
 */
function initiatedLog(rows: number, seed: number, language: "en" | "ru", statuses?: readonly string[]): string {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const header = language === "en" ? "Customer;Date;Amount;Deal type;Initiated by" : "Клиент;Дата;Сумма;Тип сделки;Инициатор";
  const lines = [statuses === undefined ? header : `${header};Status`];
  let customer = "";
  let date = "";
  for (let row = 0; row < rows; row++) {
    if (row === 0 || random() > 0.3) {
      const n = Math.floor(random() * rows * 0.2);
      customer = pick([`Клиент ${n}`, `  КЛИЕНТ ${n} `, `client ${n}`]);
      date = new Date(Date.UTC(2023, 0, 1 + Math.floor(random() * 730))).toISOString().slice(0, 10);
    }
    const cents = String(Math.floor(random() * 100)).padStart(2, "0");
    const amount =
      random() < 0.02 ? "" : `${random() < 0.05 ? "-" : ""}${Math.floor(random() * 10_000)}${language === "en" ? "." : ","}${cents}`;
    const deal = random() < 0.05 ? (language === "en" ? "Project" : "Проект") : "";
    const cells = [customer, date, amount, deal, pick(INITIATORS)];
    lines.push((statuses === undefined ? cells : [...cells, pick(statuses)]).join(";"));
  }
  return `${lines.join("\n")}\n`;
}

/**
 * A hand-worked log for question 7. The latest purchase is 2024-06-30, so the 12 months are
 * 2023-07-01 … 2024-06-30. Purchases (customer-days) in them: a 2023-07-01 (its second row is
 * outbound: started), b 2023-08-01 (blank; its outbound row is a refund, no purchase), c
 * 2024-01-15 ("partner": neither), d 2024-06-30 (both rows say the company). 2 of 4 = 50 %,
 * "good" (from 50 % on). Left out: a 2023-06-30 (the same date a year before is not in the 12
 * months), c's refund on 2024-02-15, e's one-off deal, f's unreadable date, e 2022-01-01 (a year
 * too old). Values that name neither side: "partner" (line 7) and "сайт" (line 9), counted on
 * every order, old or not; "whatever" is on a skipped row and the one-off deal's is not read.
 */
const STARTED_ROWS = [
  "Customer;Date;Amount;Deal type;Initiated by",
  "a;2023-06-30;10;;outbound",
  "a;2023-07-01;10;;inbound",
  "a;2023-07-01;5;;Outbound call",
  "b;2023-08-01;10;;",
  "b;2023-08-01;-5;;outbound",
  "c;2024-01-15;10;;partner",
  "c;2024-02-15;-3;;Исходящий",
  "e;2022-01-01;7;;сайт",
  "", // an empty line: the rows after it keep their file lines
  "e;2024-05-01;9;Project;outbound",
  "f;never;5;;whatever",
  "d;2024-06-30;20;;Исходящий звонок",
  "d;2024-06-30;1;;мы",
  ";;;;outbound", // nothing but an initiator: no order, as the core reads it
];
const STARTED_FIGURES = { startedShare: 0.5, startedByCompany: 2, purchases: 4 };

describeDuckDb("question 7 under report --engine duckdb: who started the sale", () => {
  it("gives the command's answer on generated logs in both languages", async () => {
    for (const [seed, language] of [
      [1, "ru"],
      [2, "en"],
    ] as const) {
      const file = writeFixture(tempDir(), `initiated-${seed}.csv`, initiatedLog(3000, seed, language));
      const deals = language === "en" ? "Deal type=Project" : "Тип сделки=Проект";
      const questions = await expectSameReport([file, "--exclude", deals, "--locale", language === "en" ? "en_US" : "ru_RU"]);
      const started = questions.find((question) => question.id === 7)!;
      // Something to judge, and values that name neither side, counted and shown with their row.
      expect(started.verdict).not.toBe("needsData");
      expect(started.figures.startedByCompany).toBeGreaterThan(0);
      expect(started.unread!.count).toBeGreaterThan(0);
      expect(started.unread!.row).toBeGreaterThan(1);
    }
  });

  it("leaves out the rows a status column leaves out, and reads no continuation row's initiator", async () => {
    const file = writeFixture(tempDir(), "statuses.csv", initiatedLog(3000, 3, "en", ["paid", "Completed", "pending", "refunded", ""]));
    const argv = [file, "--exclude", "Deal type=Project", "--locale", "en_US", "--status-column", "Status"];
    const started = (await expectSameReport(argv)).find((question) => question.id === 7)!;
    expect(started.verdict).not.toBe("needsData");
    await expectSameReport([...argv, "--count-status", "pending"]);
  });

  it("gives the command's answer on the demo orders with an initiated-by column", async () => {
    const questions = await expectSameReport([demoWithInitiators(), "--locale", "ru_RU"]);
    // All but question 2: the demo orders have no budget column.
    expect(questions.filter((question) => question.id !== 2).map((question) => question.verdict)).not.toContain("needsData");
  });

  it("on a hand-worked log: the share of the last 12 months' purchases the company started", async () => {
    const file = writeFixture(tempDir(), "hand.csv", `${STARTED_ROWS.join("\n")}\n`);
    const questions = await expectSameReport([file, "--locale", "en_US"]);
    expect(questions.find((question) => question.id === 7)).toEqual({
      id: 7,
      verdict: "good",
      figures: STARTED_FIGURES,
      unread: { count: 2, row: 7, value: "partner" },
    });
  });

  it("with several files: the same counts, and the first unknown value in the files, by file and line", async () => {
    const dir = tempDir();
    const [header, ...rows] = STARTED_ROWS;
    // "сайт" comes first in the files, on part-1.csv's third line; "partner" sorts first.
    const first = writeFixture(dir, "part-1.csv", `${[header, ...rows.slice(6)].join("\n")}\n`);
    const second = writeFixture(dir, "part-2.csv", `${[header, ...rows.slice(0, 6)].join("\n")}\n`);
    const duck = await duckDbOutcome([first, second, "--locale", "en_US"]);
    const started = duck.report.healthCheck!.questions.find((question) => question.id === 7)!;
    expect(started).toEqual({ id: 7, verdict: "good", figures: STARTED_FIGURES, unread: { count: 2, row: 3, file: first, value: "сайт" } });
    const sentence = (language: Language) => healthAnswers(duck.report.healthCheck!, language).find((answer) => answer.id === 7)!.sentence;
    expect(sentence("en")).toBe(
      `The company started 50.0% of the purchases of the last 12 months. 2 values of the Initiated by column are not recognised, such as “сайт” in row ${first}:3; their purchases count as not started by the company.`,
    );
    expect(sentence("ru")).toBe(
      `50,0\u00a0% покупок за последние 12 месяцев — по инициативе компании. 2 значения столбца «Инициатор» не распознаны, и такие покупки не отнесены к инициативе компании; например, «сайт» в строке ${first}:3.`,
    );
    // The one skipped row by its file and line: part-1.csv's "never" on its 6th line (after the
    // empty 4th); the last line, with nothing but an initiator, is blank.
    const json = JSON.parse((await cli(["report", first, second, "--engine", "duckdb", "--locale", "en_US", "--json"])).stdout);
    expect(json.skippedRows.map((row: { row: number; file: string }) => [row.file, row.row])).toEqual([[first, 6]]);
    expect(json.skippedByReason.map((group: { rows: number[]; files: string[] }) => [group.rows, group.files])).toEqual([[[6], [first]]]);
    expect(json.skippedRows[0].reason).toBe(
      `Date, row ${first}:6: cannot read «never» as a date (use a date cell, 2024-03-05 or 05.03.2024)`,
    );
  });

  it("names the first unknown initiator of a Parquet file by its row's index, from 1", async () => {
    const dir = tempDir();
    const csv = writeFixture(dir, "hand.csv", `${STARTED_ROWS.join("\n")}\n`);
    const parquet = join(dir, "hand.parquet");
    // Every column text, as written; DuckDB drops the empty line, so "partner" is the 6th row.
    await parquetFromCsv(csv, parquet);
    const duck = await duckDbOutcome([parquet, "--locale", "en_US"]);
    expect(duck.report.healthCheck!.questions.find((question) => question.id === 7)).toEqual({
      id: 7,
      verdict: "good",
      figures: STARTED_FIGURES,
      unread: { count: 2, row: 6, value: "partner" },
    });
  });

  it("says question 7 needs an initiated-by column without one, as the core does", async () => {
    const file = writeFixture(tempDir(), "plain.csv", "Customer;Date;Amount\na;2024-01-01;1\na;2024-02-01;2\n");
    const questions = await expectSameReport([file, "--locale", "en_US"]);
    expect(questions.find((question) => question.id === 7)).toMatchObject({ verdict: "needsData", needs: "initiatedBy" });
  });
});

/**
 * Two years of orders of a few hundred customers with managers and a budget column: each
 * customer's budget changes every few months and is blank on many rows; some cells are no
 * budget (negative, words, an error); every row of one customer-day carries the same value (where
 * they disagree the engines part, docs/bigquery-duckdb.md). Refunds, blank amounts, one-off deals,
 * several rows a customer-day, names in case and space variants; with `statuses`, a status column.
 */
function budgetLog(rows: number, seed: number, language: "en" | "ru", statuses?: readonly string[]): string {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const header =
    language === "en" ? "Customer;Date;Amount;Manager;Deal type;Budget" : "Клиент;Дата;Сумма;Менеджер;Тип сделки;Бюджет клиента";
  const lines = [statuses === undefined ? header : `${header};Status`];
  const point = language === "en" ? "." : ",";
  const group = language === "en" ? "," : " ";
  const budgetOf = (n: number, day: number): string => {
    const kind = (n * 7 + Math.floor(day / 90)) % 12;
    if (kind < 4) return "";
    if (kind === 4) return pick(["-100", "много", "#N/A"]);
    if (kind === 5) return "0";
    const thousands = 50 + ((n * 31 + Math.floor(day / 90) * 17) % 950);
    return kind % 2 === 0 ? `${thousands}${group}000${point}50` : `${thousands}000`;
  };
  let n = 0;
  let day = 0;
  for (let row = 0; row < rows; row++) {
    if (row === 0 || random() > 0.3) {
      n = Math.floor(random() * rows * 0.15);
      day = Math.floor(random() * 730);
    }
    const customer = pick([`Клиент ${n}`, `  КЛИЕНТ ${n} `, `client ${n}`]);
    const date = new Date(Date.UTC(2023, 0, 1 + day)).toISOString().slice(0, 10);
    const cents = String(Math.floor(random() * 100)).padStart(2, "0");
    const amount = random() < 0.02 ? "" : `${random() < 0.05 ? "-" : ""}${Math.floor(random() * 10_000)}${point}${cents}`;
    const deal = random() < 0.05 ? (language === "en" ? "Project" : "Проект") : "";
    const cells = [customer, date, amount, pick(["Anna", "Борис", "", "Vera"]), deal, budgetOf(n, day)];
    lines.push((statuses === undefined ? cells : [...cells, pick(statuses)]).join(";"));
  }
  return `${lines.join("\n")}\n`;
}

const walletOf = (questions: readonly HealthQuestion[]): HealthQuestion => questions.find((question) => question.id === 2)!;

describeDuckDb("question 2 under report --engine duckdb: share of wallet", () => {
  it("gives the command's answer on generated logs in both languages, and question 5 at --lapsed-factor 3", async () => {
    for (const [seed, language] of [
      [1, "ru"],
      [2, "en"],
    ] as const) {
      const file = writeFixture(tempDir(), `budget-${seed}.csv`, budgetLog(4000, seed, language));
      const flags = [file, "--exclude", language === "en" ? "Deal type=Project" : "Тип сделки=Проект"];
      const locale = ["--locale", language === "en" ? "en_US" : "ru_RU"];
      const wallet = walletOf(await expectSameReport([...flags, ...locale]));
      // Something to judge, and cells that are no budget, counted and shown with their line.
      expect(wallet.verdict).not.toBe("needsData");
      expect(wallet.figures.customers).toBeGreaterThan(100);
      expect(wallet.unread!.count).toBeGreaterThan(0);
      expect(wallet.unread!.row).toBeGreaterThan(1);
      await expectSameReport([...flags, ...locale, "--lapsed-factor", "3", "--period", "quarter"]);
    }
  });

  it("with a status column: the rows it leaves out and continuation rows give no budget", async () => {
    const file = writeFixture(tempDir(), "budget-statuses.csv", budgetLog(3000, 3, "en", ["paid", "Completed", "pending", "refunded", ""]));
    const argv = [file, "--locale", "en_US", "--status-column", "Status"];
    expect(walletOf(await expectSameReport(argv)).verdict).not.toBe("needsData");
    await expectSameReport([...argv, "--count-status", "pending"]);
  });

  it("on the demo orders with a budget column, named or found by its header", async () => {
    const file = demoWithBudgets();
    expect(walletOf(await expectSameReport([file, "--locale", "ru_RU"])).unread).toBeDefined();
    await expectSameReport([file, "--locale", "ru_RU", "--budget", "Budget", "--period", "week"]);
  });

  it("on the same orders as Parquet: a text budget column, and a typed one", async () => {
    const dir = tempDir();
    const csv = writeFixture(dir, "budget.csv", budgetLog(2000, 4, "en"));
    const text = join(dir, "text.parquet");
    await parquetFromCsv(csv, text);
    const [core, duck] = await Promise.all([coreOutcome([csv, "--locale", "en_US"]), duckDbOutcome([text, "--locale", "en_US"])]);
    // The first unreadable budget is named by its row's index in the Parquet file: the CSV's line less the header's.
    const { unread, ...figures } = walletOf(duck.report.healthCheck!.questions);
    const { unread: csvUnread, ...csvFigures } = walletOf(core.report.healthCheck!.questions);
    expect(comparableQuestions([figures])).toEqual(comparableQuestions([csvFigures], true));
    expect(unread).toEqual({ ...csvUnread, row: csvUnread!.row - 1 });
    // A DOUBLE column: the same budgets without their grouping, and no value to misread but the negative one.
    const typed = join(dir, "typed.parquet");
    const number = "TRY_CAST(REPLACE(Budget, ',', '') AS DOUBLE)";
    await parquetFromCsv(csv, typed, `* REPLACE (${number} AS Budget)`);
    const [head, ...rows] = readFileSync(csv, "utf8").trimEnd().split("\n");
    const plainRows = rows.map((row) =>
      row.replace(/;([^;]*)$/, (_, budget: string) => {
        const value = Number(budget.replace(/,/g, ""));
        return `;${budget === "" || Number.isNaN(value) ? "" : value}`;
      }),
    );
    const plain = writeFixture(dir, "plain.csv", `${[head, ...plainRows].join("\n")}\n`);
    const [plainCore, typedDuck] = await Promise.all([
      coreOutcome([plain, "--locale", "en_US"]),
      duckDbOutcome([typed, "--locale", "en_US"]),
    ]);
    const { unread: typedUnread, ...typedFigures } = walletOf(typedDuck.report.healthCheck!.questions);
    const { unread: plainUnread, ...plainFigures } = walletOf(plainCore.report.healthCheck!.questions);
    expect(comparableQuestions([typedFigures])).toEqual(comparableQuestions([plainFigures], true));
    expect(typedUnread).toEqual({ ...plainUnread, row: plainUnread!.row - 1, value: "-100" });
  });

  it("with several files: the same figures, and the first unreadable budget in the files, by file and line", async () => {
    const dir = tempDir();
    const [header, ...rows] = budgetLog(2000, 5, "ru").trimEnd().split("\n");
    // The first file's budgets are all readable, so the first unreadable one is in the second file.
    const unreadable = (line: string): boolean => ["-100", "много", "#N/A"].includes(line.split(";").at(-1)!);
    const firstRows = rows.slice(1000).filter((line) => !unreadable(line));
    const first = writeFixture(dir, "part-1.csv", `${[header, ...firstRows].join("\n")}\n`);
    const second = writeFixture(dir, "part-2.csv", `${[header, ...rows.slice(0, 1000)].join("\n")}\n`);
    const joined = writeFixture(dir, "joined.csv", `${[header, ...firstRows, ...rows.slice(0, 1000)].join("\n")}\n`);
    const [core, duck] = await Promise.all([
      coreOutcome([joined, "--locale", "ru_RU"]),
      duckDbOutcome([first, second, "--locale", "ru_RU"]),
    ]);
    const { unread, ...figures } = walletOf(duck.report.healthCheck!.questions);
    const { unread: coreUnread, ...coreFigures } = walletOf(core.report.healthCheck!.questions);
    expect(comparableQuestions([figures])).toEqual(comparableQuestions([coreFigures], true));
    // The joined file's line L past part-1.csv's lines is line L − (those lines) + 1 of part-2.csv, after its own header.
    const linesInFirst = 1 + firstRows.length;
    expect(coreUnread!.row).toBeGreaterThan(linesInFirst);
    expect(unread).toEqual({ count: coreUnread!.count, row: coreUnread!.row - linesInFirst + 1, file: second, value: coreUnread!.value });
  });

  it("says question 2 needs a budget column without one, and amounts with one but none", async () => {
    const plain = writeFixture(tempDir(), "plain.csv", "Customer;Date;Amount\na;2024-01-01;1\na;2024-02-01;2\n");
    expect(walletOf(await expectSameReport([plain, "--locale", "en_US"]))).toMatchObject({ verdict: "needsData", needs: "budget" });
    const noAmounts = writeFixture(tempDir(), "no-amounts.csv", "Customer;Date;Budget\na;2024-01-01;100\na;2024-02-01;\n");
    const named = [noAmounts, "--locale", "en_US", "--budget", "Budget"];
    expect(walletOf(await expectSameReport(named))).toMatchObject({ verdict: "needsData", needs: "amount" });
    // A budget column with nothing readable in it: no budget, as the core says.
    const unreadable = writeFixture(tempDir(), "unreadable.csv", "Customer;Date;Amount;Budget\na;2024-01-01;1;-5\na;2024-02-01;2;\n");
    expect(walletOf(await expectSameReport([unreadable, "--locale", "en_US"]))).toMatchObject({ verdict: "needsData", needs: "budget" });
  });
});

describeDuckDb("question 5's contacts under report --engine duckdb: the call list", () => {
  /** The --lapsed-csv file the command writes from `argv`, by the engine `engine` names. */
  async function callList(argv: readonly string[], engine: string[], name: string): Promise<string> {
    const path = join(tempDir(), name);
    const result = await cli(["report", ...argv, ...engine, "--lapsed-csv", path]);
    expect(result.exitCode).toBe(0);
    return readFileSync(path, "utf8");
  }

  for (const [header, locale] of [
    // Found by their headers, as the command finds them.
    ["Email", "en_US"],
    ["Телефон", "ru_RU"],
  ] as const) {
    it(`gives every lapsed customer the command's contact, and its call list byte for byte (a «${header}» column)`, async () => {
      const file = demoWithContacts(header);
      const argv = [file, "--locale", locale];
      const [core, duck] = await Promise.all([coreOutcome(argv), duckDbOutcome(argv)]);
      const coreLapsed = core.report.healthCheck!.lapsed.customers;
      const contacts = (customers: typeof coreLapsed): string[][] => customers.map(({ name, contact }) => [name, contact]);
      expect(contacts(duck.report.healthCheck!.lapsed.customers)).toEqual(contacts(coreLapsed));
      // Something to check: customers with a contact, tidied, and some whose latest cells hold none.
      expect(coreLapsed.filter(({ contact }) => contact !== "").length).toBeGreaterThan(10);
      expect(coreLapsed.some(({ contact }) => contact.includes("+7 999 000"))).toBe(true);
      const [duckCsv, ownCsv] = await Promise.all([callList(argv, ["--engine", "duckdb"], "duck.csv"), callList(argv, [], "own.csv")]);
      expect(duckCsv.trim().split("\n").length).toBeGreaterThan(REPORT_LIMITS.lost + 1);
      expect(duckCsv).toBe(ownCsv);
    });
  }

  it("the same from Parquet, and with the column named by --contact", async () => {
    const csv = demoWithContacts("Контакт");
    const parquet = join(tempDir(), "contacts.parquet");
    await parquetFromCsv(csv, parquet);
    const flags = ["--locale", "ru_RU", "--contact", "Контакт"];
    const [duckCsv, ownCsv] = await Promise.all([
      callList([parquet, ...flags], ["--engine", "duckdb"], "duck.csv"),
      callList([csv, ...flags], [], "own.csv"),
    ]);
    // Contacts tidied from "  client…@example.org " and "+7 999  000 …": read, not left blank.
    expect(duckCsv).toMatch(/;client\d+@example\.org\r\n/);
    expect(duckCsv).toMatch(/;'\+7 999 000 \d+\r\n/);
    expect(duckCsv).toBe(ownCsv);
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
