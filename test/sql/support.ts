// What the SQL tests share: DuckDB when installed (they skip loudly without it), and the two ways
// of making a report from one file, the command's own reading and the report's query in DuckDB.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect } from "vitest";
import { customerKey } from "../../src/core/customer-key";
import type { RetentionReport } from "../../src/core/report";
import { runDuckDbReport } from "../../src/cli/duckdb/engine";
import { parseInvocation, type CliOptions } from "../../src/cli/options";
import { runReport, type ReportOutcome } from "../../src/cli/report-command";
import type { ManagerHealth } from "../../src/core/health/health-check";
import type { LapsedList } from "../../src/core/health/lapsed";
import type { HealthPeriod } from "../../src/core/health/period-table";
import type { HealthQuestion } from "../../src/core/health/questions";
import { seededRandom } from "../../src/lib/seeded-random";
import { tempDir, writeFixture } from "../cli/helpers";

function installed(name: string): boolean {
  try {
    createRequire(import.meta.url).resolve(name);
    return true;
  } catch {
    return false;
  }
}

export const DUCKDB_INSTALLED = installed("@duckdb/node-api");

/** `describe` for tests that run DuckDB; skipped with a loud notice when it is not installed. */
export function describeDuckDb(name: string, body: () => void): void {
  if (!DUCKDB_INSTALLED) {
    console.warn(`\n${"!".repeat(72)}\nDUCKDB TESTS SKIPPED: @duckdb/node-api is not installed (npm ci installs it)\n${"!".repeat(72)}\n`);
  }
  describe.skipIf(!DUCKDB_INSTALLED)(name, body);
}

export function reportOptions(argv: readonly string[]): CliOptions {
  const invocation = parseInvocation(["report", ...argv], {});
  if (invocation.kind !== "report") throw new Error("not a report");
  return invocation.options;
}

/** The command's report, read by the project's own engine on one thread. */
export async function coreReport(argv: readonly string[]): Promise<RetentionReport> {
  return (await coreOutcome(argv)).report;
}

export function coreOutcome(argv: readonly string[]): Promise<ReportOutcome> {
  return runReport(reportOptions([...argv, "--threads", "1"]));
}

export async function duckDbReport(argv: readonly string[]): Promise<RetentionReport> {
  return (await duckDbOutcome(argv)).report;
}

export async function duckDbOutcome(argv: readonly string[]): Promise<ReportOutcome> {
  const options = reportOptions([...argv, "--engine", "duckdb"]);
  return runDuckDbReport(options, options.files);
}

/** Sums of money, to a cent in a hundred million: added in another order, their last digits differ. */
const money = (value: number | null, expected: boolean): unknown =>
  value === null || !expected ? value : expect.closeTo(value, Math.max(2, 8 - Math.ceil(Math.log10(Math.abs(value) + 1))));

/**
 * What must be equal, whoever computed it. Aside, with the reason: row numbers of skipped rows
 * (DuckDB keeps none), the count of empty lines (DuckDB passes them over), the last digits of
 * sums of money (added in another order), and which spelling names a customer (DuckDB does not
 * know which came first: the key must be the same).
 */
export function comparable(report: RetentionReport, expected = false): object {
  const round = (value: number | null): unknown => money(value, expected);
  // Of the health check (src/core/health) only the periods are in the SQL: see comparablePeriods.
  const { skipped: _skipped, healthCheck: _healthCheck, stats, refunds, lost, repeatRevenueShare, ...rest } = report;
  const { rows: _rows, blankRows: _blank, ...counted } = stats;
  return {
    ...rest,
    stats: counted,
    refunds: { rows: refunds.rows, amount: round(refunds.amount) },
    repeatRevenueShare: round(repeatRevenueShare),
    lost: {
      count: lost.count,
      amount: round(lost.amount),
      customers: lost.customers.map((customer) => ({ ...customer, name: customerKey(customer.name), amount: round(customer.amount) })),
    },
  };
}

/** The health check's periods, their money to a cent in a hundred million as above; counts exactly. */
export function comparablePeriods(periods: readonly HealthPeriod[], expected = false): object[] {
  const round = (value: number | null): unknown => money(value, expected);
  return periods.map((row) => ({
    ...row,
    revenue: round(row.revenue),
    newRevenue: round(row.newRevenue),
    existingRevenue: round(row.existingRevenue),
    // A ratio of sums that may differ in their last digits by the order they were added in.
    existingShare: row.existingShare === null ? null : Number(row.existingShare.toFixed(9)),
    averageOrder: round(row.averageOrder),
    newAverageOrder: round(row.newAverageOrder),
    existingAverageOrder: round(row.existingAverageOrder),
  }));
}

/** The questions `report --engine duckdb` judges: all eight, 1, 3, 6 and 8 from its periods table, the others from their own tables. */
export const DUCKDB_QUESTION_IDS: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8];

/**
 * The lapsed customers (question 5) as both engines must give them: names by key (as `comparable`),
 * money to a cent in a hundred million, and no contact (compared apart, where a test gives the
 * orders a contact column).
 */
export function comparableLapsed(list: LapsedList, expected = false): object {
  const round = (value: number | null): unknown => money(value, expected);
  return {
    ...list,
    revenueAtStake: round(list.revenueAtStake),
    customers: list.customers.map(({ contact: _contact, ...customer }) => ({
      ...customer,
      name: customerKey(customer.name),
      revenueAtStake: round(customer.revenueAtStake),
    })),
  };
}

/** Question 4's managers as both engines must give them: every number to a cent in a hundred million. */
export function comparableManagers(managers: readonly ManagerHealth[] | null, expected = false): unknown {
  return expected ? approximately(managers) : managers;
}

/** Those questions, every number in them to a cent in a hundred million as above (sums of money, and shares and trends of them). */
export function comparableQuestions(questions: readonly HealthQuestion[], expected = false): unknown {
  const asked = questions.filter((question) => DUCKDB_QUESTION_IDS.includes(question.id));
  return expected ? approximately(asked) : asked;
}

function approximately(value: unknown): unknown {
  if (typeof value === "number") return money(value, true);
  if (Array.isArray(value)) return value.map(approximately);
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([key, each]) => [key, approximately(each)]));
  return value;
}

/** Who started the sale, as teams and CRMs write it: both sides in both languages, first words, blanks, values that name neither. */
export const INITIATORS = [
  "inbound",
  "Outbound",
  "OUTBOUND email",
  "Исходящий звонок",
  "входящий",
  "клиент",
  "Менеджер",
  "  мы ",
  "",
  "partner", // names neither side
  "сайт", // nor this
  "(outbound)", // its first word is empty: neither
  "Outbound, e-mail",
  "исходящий-звонок",
  "#N/A",
  "Incoming call",
];

/** The rows of a `;`-separated CSV file with a header as a Parquet file: every column text, unless `select` casts it. */
export async function parquetFromCsv(csv: string, parquet: string, select = "*"): Promise<void> {
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const connection = await (await DuckDBInstance.create(":memory:")).connect();
  const rows = `read_csv('${csv}', delim = ';', header = true, all_varchar = true)`;
  await connection.run(`COPY (SELECT ${select} FROM ${rows}) TO '${parquet}' (FORMAT parquet)`);
}

/**
 * The demo orders with their managers spelled as hands type them: a row in three lower-cased, one
 * in five upper-cased with spaces around, which every engine must take as the same managers.
 */
export function demoWithManagerSpellings(): string {
  const [header, ...rows] = readFileSync(join(__dirname, "../../demo/orders.csv"), "utf8").trimEnd().split("\n");
  const respelled = rows.map((row, at) => {
    const cells = row.split(";");
    const manager = cells[4]!;
    cells[4] = at % 3 === 0 ? manager.toLowerCase() : at % 5 === 0 ? ` ${manager.toUpperCase()}  ` : manager;
    return cells.join(";");
  });
  return writeFixture(tempDir(), "demo-manager-spellings.csv", `${[header, ...respelled].join("\n")}\n`);
}

/** The demo orders with an "Initiated by" column of those values, chosen at random (seeded). */
export function demoWithInitiators(): string {
  const random = seededRandom(5);
  const [header, ...rows] = readFileSync(join(__dirname, "../../demo/orders.csv"), "utf8").trimEnd().split("\n");
  const lines = [`${header};Initiated by`, ...rows.map((row) => `${row};${INITIATORS[Math.floor(random() * INITIATORS.length)]}`)];
  return writeFixture(tempDir(), "demo-initiated.csv", `${lines.join("\n")}\n`);
}

/**
 * Budget cells as teams type them (Russian number writing, as the demo's amounts): blanks, grouped
 * and decimal values, currency marks, a zero, and values that are no budget (negative, words, an error).
 */
export const BUDGETS = ["", "", "", "100 000", "250000", "1 000 000,5", "300 000 руб.", "0", "-5", "много", "#N/A"];

/**
 * The demo orders with a "Budget" column of those values, chosen at random (seeded): the rows of
 * one customer and day may disagree, where the engines part (docs/bigquery-duckdb.md), so each
 * row of a customer-day after the first repeats the first's value.
 */
export function demoWithBudgets(): string {
  const [header, ...rows] = readFileSync(join(__dirname, "../../demo/orders.csv"), "utf8").trimEnd().split("\n");
  const random = seededRandom(9);
  const ofDay = new Map<string, string>();
  const lines = rows.map((row) => {
    const [, date, customer] = row.split(";");
    const day = `${customerKey(customer!)}|${date}`;
    if (!ofDay.has(day)) ofDay.set(day, BUDGETS[Math.floor(random() * BUDGETS.length)]!);
    return `${row};${ofDay.get(day)}`;
  });
  return writeFixture(tempDir(), "demo-budget.csv", `${[`${header};Budget`, ...lines].join("\n")}\n`);
}

/**
 * A customer's contact cell on one of their days, as teams type them: an email or a phone that
 * changes over time (the customer's number `n` in it), written with spaces around and doubled
 * inside, or left blank, spaces only, or a sheet error value, which are no contact.
 */
const CONTACTS = [
  (n: string) => `client${n}@example.com`,
  (n: string) => `  client${n}@example.org `,
  (n: string) => `+7 999  000 ${n}`,
  (n: string) => `+7  (495) ${n}`,
  () => "",
  () => "   ",
  () => "#N/A",
  () => "#REF!",
];

/**
 * The demo orders with a contact column (headed `header`) of those values, chosen at random
 * (seeded) for each customer-day: the rows of one customer and day may disagree, where the engines
 * part (docs/bigquery-duckdb.md), so each row of a customer-day after the first repeats the first's
 * value. Each customer is written as on their first row: of a name written two ways the engines
 * show different ones, and the call lists are compared byte for byte.
 */
export function demoWithContacts(header: string): string {
  const [columns, ...rows] = readFileSync(join(__dirname, "../../demo/orders.csv"), "utf8").trimEnd().split("\n");
  const random = seededRandom(13);
  const spellings = new Map<string, string>();
  const ofDay = new Map<string, string>();
  const lines = rows.map((row) => {
    const cells = row.split(";");
    const key = customerKey(cells[2]!);
    if (!spellings.has(key)) spellings.set(key, cells[2]!);
    cells[2] = spellings.get(key)!;
    const day = `${key}|${cells[1]}`;
    if (!ofDay.has(day)) ofDay.set(day, CONTACTS[Math.floor(random() * CONTACTS.length)]!(String(spellings.size)));
    return `${cells.join(";")};${ofDay.get(day)}`;
  });
  return writeFixture(tempDir(), "demo-contact.csv", `${[`${columns};${header}`, ...lines].join("\n")}\n`);
}
