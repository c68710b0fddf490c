// `report --engine duckdb FILES…`: the report's query (src/sql) run by DuckDB on CSV or Parquet
// files, globs and files larger than memory, and its results made into the report the renderers
// take. DuckDB is an optional dependency, loaded only here and only when asked for.
//
// The file's layout (header, columns, status column, deal types) is found as for the streaming
// engine, from the first file's first rows through src/files and the core's header detection.
// DuckDB reads UTF-8 only (its other encodings are a download): a Windows-1251 or UTF-16 file is
// refused with a message that says how to go on, never read as something it is not.

import { queryRules } from "./sql-command";
import { closeSync, mkdtempSync, openSync, readSync, rmSync } from "node:fs";
import { tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { isoDate } from "../core/calendar";
import { LAYOUT_SAMPLE_ROWS } from "../core/columns";
import { type CohortCounts, type CohortGrid, cohortGrid } from "../core/health/cohort-grid";
import {
  GRID_SIZE,
  type HealthCheck,
  lapsedQuestion,
  type ManagerHealth,
  managerHealth,
  managersQuestion,
  shareOfWalletQuestion,
  startedShareQuestion,
} from "../core/health/health-check";
import type { LapsedList } from "../core/health/lapsed";
import { type Judging, judging, periodQuestions, type PeriodSeries } from "../core/health/period-questions";
import { existingShareOf, type HealthPeriod } from "../core/health/period-table";
import type { HealthQuestion, ReportTrend, UnreadValues } from "../core/health/questions";
import { countLeftOutStatus, type IngestStats } from "../core/ingest";
import { periodEnd, periodIndex, periodLabel, periodStart, type Period } from "../core/periods";
import type { ProblemCode } from "../core/problems";
import { REPORT_LIMITS, type CohortReportRow, type ManagerReportRow, type RetentionReport } from "../core/report";
import { ratio } from "../core/statistics";
import { CsvScanner } from "../files/csv-scanner";
import { byteOrderMark } from "../files/encoding";
import { fieldDecoder, recordTexts } from "../files/fields";
import { detectDelimiter, detectEncoding } from "../files/sniff";
import { DUCKDB } from "../sql/dialect";
import { reportQuery, withClause, type ColumnType, type QueryColumns, type ReportQuery, type ReportTable } from "../sql/report-query";
import { UNKNOWN_INITIATOR } from "../sql/started-query";
import { UNREADABLE_BUDGET } from "../sql/wallet-query";
import { firstRowsOfGroups, problemKey, recordLines, type ProblemRow } from "./duckdb-row-numbers";
import { SKIPPED_EXAMPLES } from "./report-command";
import { CliError, dataError, usageError } from "./errors";
import { fileLayout, type FileLayout, type SampleRows } from "./file-layout";
import type { CliOptions } from "./options";
import type { ReportOutcome, SkippedGroup } from "./report-command";

type DuckDb = typeof import("@duckdb/node-api");
type Connection = Awaited<ReturnType<Awaited<ReturnType<DuckDb["DuckDBInstance"]["create"]>>["connect"]>>;
type Row = Record<string, unknown>;

/** DuckDB, or a usage error saying how to install it (exit 2). */
export async function loadDuckDb(): Promise<DuckDb> {
  try {
    return await import("@duckdb/node-api");
  } catch {
    throw usageError({ key: "duckdbMissing" });
  }
}

/**
 * The streaming engine's peak memory per byte of file, health check included, measured by
 * bench/sql-engines.ts: 1,518 MB for 690 MB at 20 M rows and 4 M customers, 3,732 MB for
 * 1,733 MB at 50 M rows and 10 M customers (its memory grows with customers and purchases).
 */
const STREAMING_MEMORY_PER_FILE_BYTE = 2.2;

/**
 * Whether to suggest --engine duckdb for a file read by the streaming engine: when that engine
 * would want more than half the machine's memory. Below that the streaming engine was the faster
 * one at every size measured, up to 50 M rows (2.0× faster than DuckDB on the same CSV there,
 * 1.6× than DuckDB on Parquet, bench/RESULTS.md), so the hint says nothing of speed; past it,
 * DuckDB can spill to disk where the streaming engine cannot.
 */
export function suggestsDuckDb(fileBytes: number, totalMemoryBytes: number): boolean {
  return fileBytes * STREAMING_MEMORY_PER_FILE_BYTE > totalMemoryBytes / 2;
}

/** Whether DuckDB can be loaded, without saying anything: for the hint. */
export async function duckDbInstalled(): Promise<boolean> {
  return loadDuckDb().then(
    () => true,
    () => false,
  );
}

export async function runDuckDbReport(options: CliOptions, files: readonly string[]): Promise<ReportOutcome> {
  const duckdb = await loadDuckDb();
  // What does not fit spills here: by default DuckDB would write it to `.tmp` in the current
  // directory, wherever the user happens to be. And it takes half the memory, not its default 80 %:
  // its process holds more than its limit counts, and the machine runs other things.
  const spill = mkdtempSync(join(tmpdir(), "sheets-retention-duckdb-"));
  const memoryLimit = `${Math.floor(totalmem() / 2 / 2 ** 20)}MB`;
  const instance = await duckdb.DuckDBInstance.create(":memory:", { temp_directory: spill, memory_limit: memoryLimit });
  const connection = await instance.connect();
  try {
    // A TIMESTAMP without a zone is an instant in UTC, as a Parquet writer stores it.
    await connection.run("SET TimeZone = 'UTC'");
    const parquet = isParquet(files);
    const source = parquet ? await parquetSource(connection, files, options) : csvSource(files, options, true);
    const query = (relation: string, rowNumber?: string): ReportQuery =>
      reportQuery(
        {
          source: { relation, rowNumber },
          // Numbered rows come in the file's order only when nothing is joined to them.
          readEachRow: rowNumber !== undefined,
          columns: source.columns,
          excludeDealTypes: source.layout.excludedDealTypes,
          countedStatuses: source.layout.status?.counted,
          ...queryRules(options),
          slashOrder: options.locale.slashOrder,
          decimalComma: options.locale.decimalComma,
          compactDays: source.layout.compactDays,
          lapsedFactor: options.lapsedFactor,
          // Question 4's revenue credits each order's own manager.
          byOrderManager: options.health,
        },
        DUCKDB,
      );
    const wanted = {
      managers: source.layout.mapping.manager !== undefined,
      health: options.health,
      started: source.columns.initiatedBy !== undefined,
      wallet: source.columns.budget !== undefined,
      contacts: source.columns.contact !== undefined,
      // With several files the rows are not numbered (each file would start again).
      numbered: files.length === 1,
      // --lapsed-csv writes every lapsed customer; the reports list the first (cli.ts).
      lapsedLimit: options.lapsedCsv === undefined ? REPORT_LIMITS.lost : undefined,
    };
    const { tables, read } = await runTables(connection, query(source.relation), wanted).then(
      (tables) => ({ tables, read: source }),
      async (error: unknown) => {
        // DuckDB reads a CSV file in parallel unless a quoted field holds a line break, which it meets only then.
        if (parquet || !String(error).includes("parallel=false")) throw error;
        const serial = csvSource(files, options, false);
        return { tables: await runTables(connection, query(serial.relation), wanted), read: serial };
      },
    );
    const { report, skipped } = reportOf(tables, source.layout, options);
    const unreadCounts: UnreadCounts = {
      [UNKNOWN_INITIATOR]: num(tables.started[0]?.unknown_initiators ?? 0),
      [UNREADABLE_BUDGET]: num(tables.wallet[0]?.unreadable_budgets ?? 0),
    };
    const unread = wanted.numbered
      ? await numberRows(connection, read, { skipped, unreadCounts }, (numbering) => query(numbering.relation, numbering.rowNumber))
      : unnumberedUnread(tables, unreadCounts);
    const outcome: ReportOutcome = {
      file: files.join(" "),
      layout: source.layout,
      report,
      skippedByReason: groupsInOrder(skipped),
    };
    if (!options.health) return outcome;
    const hasAmounts = source.layout.mapping.amount !== undefined;
    const started = withUnread(startedQuestion(tables.started[0], wanted.started), unread.get(UNKNOWN_INITIATOR));
    const wallet = withUnread(walletQuestion(tables.wallet[0], hasAmounts), unread.get(UNREADABLE_BUDGET));
    const lapsed = lapsedList(tables, options, hasAmounts);
    const answers = { started, wallet, lapsed };
    return { ...outcome, report: { ...report, healthCheck: healthCheckOf(tables, source.layout, options, answers) } };
  } catch (error) {
    // DuckDB's own errors (a row wider than the first rows, bytes that are not UTF-8 …) are the data's.
    if (error instanceof Error && !(error instanceof CliError)) {
      throw dataError({ key: "duckdbFailed", values: { reason: error.message.split("\n")[0]! } });
    }
    throw error;
  } finally {
    connection.closeSync();
    instance.closeSync();
    rmSync(spill, { recursive: true, force: true });
  }
}

function isParquet(files: readonly string[]): boolean {
  return files.every((file) => /\.parquet$/i.test(file));
}

interface Source {
  relation: string;
  columns: QueryColumns;
  layout: FileLayout;
  /** The same relation with its rows numbered, and how a row's number becomes what the report names. */
  numbered: Numbering;
}

interface Numbering {
  relation: string;
  /** The expression of a row's ordinal (1 = the first row read). */
  rowNumber: string;
  /** Whether DuckDB gives the numbered rows in the file's order; otherwise they are sorted. */
  inOrder: boolean;
  /** The rows the report names for these ordinals: file lines of a CSV file, row indexes of a Parquet file. */
  rowsOf: (ordinals: readonly number[]) => Promise<Map<number, number>>;
}

const FIELDS = ["customer", "date", "amount", "manager", "dealType"] as const;

/** The query's columns; the initiated-by and budget columns only for the health check (they cost the grouping time). */
function queryColumns(
  layout: FileLayout,
  options: CliOptions,
  nameOf: (column: number) => string,
  typeOf: (column: number) => ColumnType,
): QueryColumns {
  const columns: Partial<QueryColumns> = {};
  const source = (column: number): QueryColumns["customer"] => ({ name: nameOf(column), type: typeOf(column) });
  for (const field of FIELDS) {
    const column = layout.mapping[field];
    if (column !== undefined) columns[field] = source(column);
  }
  if (layout.status !== undefined) columns.status = source(layout.status.column);
  const { initiatedBy, budget, contact } = layout.healthColumns ?? {};
  if (options.health && initiatedBy !== undefined) columns.initiatedBy = source(initiatedBy);
  if (options.health && budget !== undefined) columns.budget = source(budget);
  if (options.health && contact !== undefined) columns.contact = source(contact);
  return columns as QueryColumns;
}

// ── CSV ──────────────────────────────────────────────────────────────────────────────────────

function csvSource(files: readonly string[], options: CliOptions, parallel: boolean): Source {
  const { sample, width, delimiter } = csvSample(files[0]!, options);
  const { layout, headerRow } = fileLayout(sample, options, { encoding: "utf-8", delimiter: String.fromCharCode(delimiter) });
  const names = Array.from({ length: width }, (_, column) => `column${column}`);
  const text = (value: string): string => DUCKDB.text(value);
  // Every field as text, so that the core's rules read it (src/sql/cell-rules.ts), not DuckDB's guesses.
  const skip = headerRow < 0 ? 0 : layout.headerLine!;
  const relation = [
    `read_csv([${files.map(text).join(", ")}]`,
    `delim = ${text(String.fromCharCode(delimiter))}, quote = '"', escape = '"'`,
    `header = false, skip = ${skip}, auto_detect = false, null_padding = true, parallel = ${parallel}`,
    `columns = {${names.map((name) => `${text(name)}: 'VARCHAR'`).join(", ")}})`,
  ].join(", ");
  return {
    relation,
    layout,
    // Numbering the rows as they are read keeps them in order (and makes the reading serial).
    numbered: {
      relation: `${relation} WITH ORDINALITY`,
      rowNumber: "ordinality",
      inOrder: true,
      rowsOf: (ordinals) => recordLines(files[0]!, delimiter, skip, ordinals),
    },
    columns: queryColumns(
      layout,
      options,
      (column) => names[column]!,
      () => "text",
    ),
  };
}

/** The first file's first rows, read by the project's own reader, and how wide its rows are. */
function csvSample(path: string, options: CliOptions): { sample: SampleRows; width: number; delimiter: number } {
  const bytes = firstBytes(path);
  const mark = byteOrderMark(bytes);
  if (mark !== undefined && mark.encoding !== "utf-8")
    throw dataError({ key: "duckdbEncoding", values: { path, encoding: mark.encoding } });
  const body = mark === undefined ? bytes : bytes.subarray(mark.length);
  const encoding = options.encoding ?? detectEncoding(body);
  if (encoding !== "utf-8") throw dataError({ key: "duckdbEncoding", values: { path, encoding } });
  const delimiter = options.delimiter ?? detectDelimiter(body);
  if (delimiter === 0x20) throw dataError({ key: "duckdbSpaces", values: { path } });
  const rows: string[][] = [];
  const lines: number[] = [];
  const decode = fieldDecoder("utf-8");
  new CsvScanner(delimiter, (record) => {
    rows.push(recordTexts(record, decode));
    lines.push(record.line);
    return rows.length < LAYOUT_SAMPLE_ROWS;
  }).scan(body, true);
  // Room for rows wider than the sample's: DuckDB pads shorter ones with NULL and refuses wider ones.
  const width = Math.max(...rows.map((row) => row.length)) + EXTRA_COLUMNS;
  return { sample: { rows, lines }, width, delimiter };
}

const EXTRA_COLUMNS = 8;

/**
 * How much of the first file the layout and the encoding are read from: as much as the streaming
 * engine once read in its first chunk, so that a file that turns Windows-1251 after a long ASCII
 * start is still refused with the message that says how to go on (DuckDB itself would only report
 * a bad line).
 */
const SAMPLE_BYTES = 4 * 1024 * 1024;

function firstBytes(path: string): Buffer {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    throw dataError({ key: "cannotRead", values: { path, reason: (error as Error).message } });
  }
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    // The sample ends at a whole line: a record cut in two would read as a short row.
    const end = read < buffer.length ? read : buffer.lastIndexOf(0x0a, read - 1) + 1;
    return buffer.subarray(0, end);
  } finally {
    closeSync(fd);
  }
}

// ── Parquet ──────────────────────────────────────────────────────────────────────────────────

async function parquetSource(connection: Connection, files: readonly string[], options: CliOptions): Promise<Source> {
  const paths = files.map((file) => DUCKDB.text(file)).join(", ");
  const relation = `read_parquet([${paths}])`;
  const described = await rows(connection, `DESCRIBE SELECT * FROM ${relation}`);
  const names = described.map((row) => String(row.column_name));
  const types = described.map((row) => columnType(String(row.column_type)));
  const asText = names.map((name) => `CAST(${DUCKDB.identifier(name)} AS VARCHAR) AS ${DUCKDB.identifier(name)}`).join(", ");
  const first = await rows(connection, `SELECT ${asText} FROM ${relation} LIMIT ${LAYOUT_SAMPLE_ROWS - 1}`);
  const sampleRows = [names, ...first.map((row) => names.map((name) => (row[name] === null ? "" : String(row[name]))))];
  const sample: SampleRows = { rows: sampleRows, lines: sampleRows.map((_, at) => at + 1) };
  const { layout } = fileLayout(sample, options, { encoding: "utf-8", delimiter: "" });
  return {
    relation,
    layout,
    // A Parquet file keeps its rows' positions, read in parallel: the rows are sorted by them.
    numbered: {
      relation: `read_parquet([${paths}], file_row_number = true)`,
      rowNumber: "file_row_number + 1",
      inOrder: false,
      rowsOf: async (ordinals) => new Map(ordinals.map((ordinal) => [ordinal, ordinal])),
    },
    columns: queryColumns(
      layout,
      options,
      (column) => names[column]!,
      (column) => types[column]!,
    ),
  };
}

function columnType(duckType: string): ColumnType {
  if (duckType === "DATE") return "date";
  if (duckType.startsWith("TIMESTAMP")) return "timestamp";
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL)/.test(duckType)) return "number";
  return "text";
}

// ── Running the query ────────────────────────────────────────────────────────────────────────

type Tables = Record<Exclude<ReportTable, "problemRows">, Row[]>;

/**
 * The file is read once for its customers' names, numbered (`customer_values`), once more for its
 * managers' when it has a manager column, then for its rows, grouped by customer number and day
 * (the other rows by fate); each is kept in a temporary table, as are the customers and the
 * window's new customers, and every table of the report is computed from those. Only when some
 * row was skipped is it read again, for the values the report quotes; and with a contact column
 * once more, for the lapsed customers' rows.
 */
async function runTables(
  connection: Connection,
  query: ReportQuery,
  wanted: {
    managers: boolean;
    health: boolean;
    started: boolean;
    wallet: boolean;
    contacts: boolean;
    numbered: boolean;
    lapsedLimit: number | undefined;
  },
): Promise<Tables> {
  const ctes = new Map([...query.reading, ...query.figures]);
  const keep = async (name: string, table: string): Promise<void> => {
    await connection.run(`CREATE OR REPLACE TEMP TABLE ${table} AS ${withClause([...ctes])}SELECT * FROM ${name}`);
    ctes.set(name, `SELECT * FROM ${table}`);
  };
  await keep("customer_values", "sr_customer_values");
  if (wanted.managers) await keep("manager_values", "sr_manager_values");
  await keep("row_groups", "sr_row_groups");
  // Summed from groups by manager too (byOrderManager), the customer-days are kept, not summed again for each table.
  if (wanted.health && wanted.managers) await keep("customer_days", "sr_customer_days");
  await keep("customers", "sr_customers");
  await keep("window_customers", "sr_window_customers");
  const table = (name: ReportTable): Promise<Row[]> => rows(connection, withClause([...ctes]) + query.select(name));
  const health = async (): Promise<Pick<Tables, "healthPeriods" | "cohortGrid">> => {
    for (const [name, body] of query.health) ctes.set(name, body);
    // Each customer's runs of purchases by period (an ordering of every customer's days) are made
    // once for the periods and the grid.
    await keep("health_runs", "sr_health_runs");
    return { healthPeriods: await table("healthPeriods"), cohortGrid: await table("cohortGrid") };
  };
  const lapsed = async (): Promise<Pick<Tables, "lapsedSummary" | "lapsed" | "lapsedContacts" | "managerLapsed">> => {
    for (const [name, body] of query.lapsed) ctes.set(name, body);
    // The median gap (an ordering of every customer's days) and the lapsed customers' figures are
    // made once for the tables that read them.
    await keep("lapsed_median", "sr_lapsed_median");
    await keep("lapsed_stakes", "sr_lapsed_stakes");
    const list = withClause([...ctes]) + query.select("lapsed");
    return {
      lapsedSummary: await table("lapsedSummary"),
      lapsed: await rows(connection, wanted.lapsedLimit === undefined ? list : `${list}\nLIMIT ${wanted.lapsedLimit}`),
      // One more read of the file, for the lapsed customers' rows only, when it has contacts.
      lapsedContacts: wanted.contacts ? await contacts() : [],
      managerLapsed: wanted.managers ? await table("managerLapsed") : [],
    };
  };
  const contacts = async (): Promise<Row[]> => {
    for (const [name, body] of query.contacts) ctes.set(name, body);
    return table("lapsedContacts");
  };
  const walletTables = async (): Promise<Pick<Tables, "wallet" | "managerWallet">> => {
    for (const [name, body] of query.wallet) ctes.set(name, body);
    return { wallet: await table("wallet"), managerWallet: wanted.managers ? await table("managerWallet") : [] };
  };
  const managerRevenue = async (): Promise<Row[]> => {
    for (const [name, body] of query.managerRevenue) ctes.set(name, body);
    return table("managerRevenue");
  };
  const rowCounts = await table("rowCounts");
  const started = wanted.started ? await table("started") : [];
  const { wallet, managerWallet } = wanted.wallet ? await walletTables() : { wallet: [], managerWallet: [] };
  return {
    summary: await table("summary"),
    cohorts: await table("cohorts"),
    managers: wanted.managers ? await table("managers") : [],
    ...(wanted.health ? await health() : { healthPeriods: [], cohortGrid: [] }),
    ...(wanted.health ? await lapsed() : { lapsedSummary: [], lapsed: [], lapsedContacts: [], managerLapsed: [] }),
    started,
    // Where the numbering read does not find the first unknown initiator, the one that sorts first: one more read.
    initiatorExample: !wanted.numbered && num(started[0]?.unknown_initiators ?? 0) > 0 ? await table("initiatorExample") : [],
    wallet,
    managerWallet,
    managerRevenue: wanted.health && wanted.managers ? await managerRevenue() : [],
    budgetExample: !wanted.numbered && num(wallet[0]?.unreadable_budgets ?? 0) > 0 ? await table("budgetExample") : [],
    rowCounts,
    rowExamples: rowCounts.some((row) => PROBLEMS.has(String(row.fate))) ? await table("rowExamples") : [],
    lost: await table("lost"),
  };
}

async function rows(connection: Connection, sql: string): Promise<Row[]> {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowObjectsJS() as Row[];
}

// ── The report from the tables ───────────────────────────────────────────────────────────────

const num = (value: unknown): number => Number(value);
const numOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

function reportOf(
  tables: Tables,
  layout: FileLayout,
  options: CliOptions,
): { report: RetentionReport; skipped: Map<string, SkippedGroup> } {
  const summary = tables.summary[0]!;
  const { stats, skipped } = rowStats(tables.rowCounts, tables.rowExamples, layout);
  if (num(summary.customers) === 0) throw dataError(noPurchase(stats, options.file));
  const { period } = options;
  const hasAmounts = layout.mapping.amount !== undefined;
  const horizonDays = num(summary.horizon_days);
  const latestDay = num(summary.latest_day);
  const spanFirst = numOrNull(summary.verdict_first_period);
  const spanLast = numOrNull(summary.verdict_last_period);
  const firstPurchases = num(summary.first_purchases);
  const secondPurchases = num(summary.second_purchases);
  const lostCount = num(summary.lost_customers);
  const verdictFirst = num(summary.verdict_first_purchases);
  const verdictSecond = num(summary.verdict_second_purchases);
  const verdictRate = ratio(verdictSecond, verdictFirst) ?? null;
  const belowTarget = verdictRate !== null && verdictRate < options.target;
  const label = (index: number | null): string | null => (index === null ? null : periodLabel(index, period));
  const cohortRows = tables.cohorts.map((row) => cohortRow(row, period));
  const cohorts = cohortRows.slice(-REPORT_LIMITS.cohorts);
  const managers = layout.mapping.manager === undefined ? null : tables.managers.map(managerRow).sort(byManager);
  const report: RetentionReport = {
    stats,
    skipped: [],
    columns: layout.columnNames,
    excludedDealType: layout.excludedDealTypes.length === 0 ? null : layout.excludedDealTypes.join(" / "),
    statusColumn: layout.status?.name ?? null,
    refunds: { rows: num(summary.refund_rows), amount: hasAmounts ? num(summary.refund_amount) : null },
    customers: num(summary.customers),
    firstDate: isoDate(num(summary.earliest_day)),
    lastDate: isoDate(latestDay),
    verdict: {
      rate: verdictRate,
      firstPurchases: verdictFirst,
      secondPurchases: verdictSecond,
      notReturned: verdictFirst - verdictSecond,
      belowTarget,
      horizonDays,
      horizonSource: summary.horizon_source as RetentionReport["verdict"]["horizonSource"],
      fromPeriod: label(spanFirst),
      toPeriod: label(spanLast),
      from: spanFirst === null ? null : isoDate(periodStart(spanFirst, period)),
      to: spanLast === null ? null : isoDate(periodEnd(spanLast, period)),
      leftOutPeriod: label(numOrNull(summary.left_out_period)),
      judgeableOn: judgeableOn(summary, options, horizonDays),
    },
    firstPurchases,
    secondPurchases,
    retentionRate: ratio(secondPurchases, firstPurchases) ?? null,
    outcomes: { returned: secondPurchases, notReturned: lostCount, tooEarly: firstPurchases - secondPurchases - lostCount },
    target: options.target,
    belowTarget,
    period,
    withinDays: options.withinDays ?? null,
    ordersStartWithBusiness: options.ordersStartWithBusiness,
    medianDaysToSecond: numOrNull(summary.median_days_to_second),
    repeatRevenueShare: hasAmounts ? repeatShare(summary) : null,
    cohorts,
    cohortsOmitted: cohortRows.length - cohorts.length,
    managers: managers?.slice(0, REPORT_LIMITS.managers) ?? null,
    managersOmitted: Math.max(0, (managers?.length ?? 0) - REPORT_LIMITS.managers),
    lost: {
      count: lostCount,
      amount: hasAmounts ? num(summary.lost_amount) : null,
      customers: tables.lost.map((row) => ({
        name: String(row.name),
        firstDate: isoDate(num(row.first_day)),
        amount: hasAmounts ? num(row.total_amount) : null,
        manager: String(row.manager),
        daysSinceFirst: latestDay - num(row.first_day),
      })),
    },
  };
  return { report, skipped };
}

function cohortRow(row: Row, period: Period): CohortReportRow {
  const index = num(row.period_index);
  return {
    period: periodLabel(index, period),
    start: isoDate(periodStart(index, period)),
    end: isoDate(periodEnd(index, period)),
    newCustomers: num(row.new_customers),
    returned: num(row.returned),
    returnedInTime: num(row.returned_in_time),
    rate: num(row.rate),
    rateInTime: num(row.rate_in_time),
    tooEarly: row.too_early === true,
    judged: row.judged === true,
    belowTarget: row.below_target === true,
  };
}

/**
 * The periods as the core's health check gives them (src/core/health/period-table.ts), the latest
 * ones as it caps them, and the questions they answer, judged by the core (period-questions.ts),
 * with questions 2, 5 and 7 in their places among them and question 4 judged over the managers'
 * rows, and the cohort grid from its counts: the whole health check.
 */
function healthCheckOf(
  tables: Tables,
  layout: FileLayout,
  options: CliOptions,
  { started, wallet, lapsed }: { started: HealthQuestion; wallet: HealthQuestion; lapsed: LapsedList },
): HealthCheck {
  const { healthPeriods: rows } = tables;
  const summary = tables.summary[0]!;
  const { period } = options;
  const hasAmounts = layout.mapping.amount !== undefined;
  const periods = rows.map((row): HealthPeriod => {
    const index = num(row.period_index);
    return {
      period: periodLabel(index, period),
      start: isoDate(periodStart(index, period)),
      end: isoDate(periodEnd(index, period)),
      complete: row.complete === true,
      judged: row.judged === true,
      activeCustomers: num(row.active_customers),
      newCustomers: num(row.new_customers),
      existingCustomers: num(row.existing_customers),
      purchases: num(row.purchases),
      newPurchases: num(row.new_purchases),
      existingPurchases: num(row.existing_purchases),
      revenue: numOrNull(row.revenue),
      newRevenue: numOrNull(row.new_revenue),
      existingRevenue: numOrNull(row.existing_revenue),
      existingShare: hasAmounts ? existingShareOf(num(row.new_revenue), num(row.existing_revenue)) : null,
      averageOrder: numOrNull(row.average_order),
      newAverageOrder: numOrNull(row.new_average_order),
      existingAverageOrder: numOrNull(row.existing_average_order),
      activeBase: num(row.active_base),
    };
  });
  const omitted = Math.max(0, periods.length - REPORT_LIMITS.healthPeriods);
  const totals = periodSeries(rows, period);
  const facts = {
    latestDay: num(summary.latest_day),
    earliestDay: num(summary.earliest_day),
    ordersStartWithBusiness: options.ordersStartWithBusiness,
  };
  const judge = judging(totals, facts, options.trend);
  const asked = periodQuestions(totals, judge, hasAmounts);
  const managers = layout.mapping.manager === undefined ? null : managersOf(tables, judge, totals.firstIndex, options, hasAmounts);
  return {
    periods: periods.slice(omitted),
    periodsOmitted: omitted,
    questions: [
      asked.revenueSplit,
      wallet,
      asked.existingRevenue,
      managersQuestion(managers),
      lapsedQuestion(lapsed),
      asked.averageOrder,
      started,
      asked.activeBase,
    ],
    lapsed,
    managers: managers?.slice(0, REPORT_LIMITS.healthManagers) ?? null,
    managersOmitted: Math.max(0, (managers?.length ?? 0) - REPORT_LIMITS.healthManagers),
    cohortGrid: cohortGridOf(tables.cohortGrid, period, facts.latestDay),
    settings: { trendThreshold: options.trend.threshold, trendPeriods: options.trend.windowPeriods, lapsedFactor: options.lapsedFactor },
    // The health check's own columns the layout found, by header, as the streaming report names them.
    columns: layout.healthColumnNames ?? {},
  };
}

/** The cohort grid as the core's builder makes it (cohort-grid.ts), from the `cohortGrid` table's counts. */
function cohortGridOf(rows: readonly Row[], period: Period, latestDay: number): CohortGrid {
  const byCohort = new Map<number, CohortCounts>();
  for (const row of rows) {
    const cohort = num(row.cohort_index);
    const offset = num(row.period_offset);
    let counts = byCohort.get(cohort);
    if (counts === undefined) byCohort.set(cohort, (counts = { size: 0, active: [] }));
    counts.active[offset] = num(row.customers);
    // Everyone buys in their first period: offset 0 counts the whole cohort.
    if (offset === 0) counts.size = counts.active[0]!;
  }
  return cohortGrid(byCohort, period, latestDay, GRID_SIZE, GRID_SIZE);
}

/** Question 5's list as the core's LapsedFinder gives it, from the `lapsedSummary` and `lapsed` tables. */
function lapsedList(tables: Tables, options: CliOptions, hasAmounts: boolean): LapsedList {
  const summary = tables.lapsedSummary[0]!;
  const contacts = new Map(tables.lapsedContacts.map((row) => [String(row.name), String(row.contact)]));
  return {
    count: num(summary.lapsed_customers),
    revenueAtStake: hasAmounts ? num(summary.revenue_at_stake) : null,
    repeatCustomers: num(summary.repeat_customers),
    medianGapDays: numOrNull(summary.median_gap_days),
    factor: options.lapsedFactor,
    customers: tables.lapsed.map((row) => ({
      name: String(row.name),
      manager: String(row.manager),
      lastPurchase: isoDate(num(row.last_day)),
      purchases: num(row.purchases),
      usualGapDays: num(row.usual_gap_days),
      daysSinceLast: num(row.days_since_last),
      revenueAtStake: hasAmounts ? num(row.revenue_at_stake) : null,
      // None without a contact column, or when none of the customer's is filled in: "", as the core's.
      contact: contacts.get(String(row.name)) ?? "",
    })),
  };
}

/** Question 7 from the `started` table's counts, judged by the core (`startedShareQuestion`). */
function startedQuestion(row: Row | undefined, hasInitiatedBy: boolean): HealthQuestion {
  const counts = { purchases: num(row?.purchases ?? 0), byCompany: num(row?.started_by_company ?? 0) };
  return startedShareQuestion(hasInitiatedBy, counts);
}

/**
 * Question 4's rows, made by the core (`managerHealth`) from the verdict's manager rows and the
 * `manager…` tables: the trend of each manager's existing customers' revenue by the core's rule
 * over the same periods as question 3 (`firstIndex` is the first period's index).
 */
function managersOf(tables: Tables, judge: Judging, firstIndex: number, options: CliOptions, hasAmounts: boolean): ManagerHealth[] {
  const revenue = new Map<string, Map<number, number>>();
  for (const row of tables.managerRevenue) {
    const manager = String(row.manager);
    let byPosition = revenue.get(manager);
    if (byPosition === undefined) revenue.set(manager, (byPosition = new Map()));
    byPosition.set(num(row.period_index) - firstIndex, num(row.existing_revenue));
  }
  const revenueTrends = new Map<string, ReportTrend>();
  for (const [manager, byPosition] of revenue) {
    const windowSum = (from: number, to: number): number => {
      let sum = 0;
      for (let position = from; position <= to; position++) sum += byPosition.get(position) ?? 0;
      return sum;
    };
    revenueTrends.set(manager, hasAmounts ? judge.trendOf(windowSum) : { direction: "needsData", periodsNeeded: 0 });
  }
  const byManager = <T>(rows: readonly Row[], value: (row: Row) => T): Map<string, T> =>
    new Map(rows.map((row) => [String(row.manager), value(row)]));
  return managerHealth({
    retentionRows: tables.managers.map(managerRow),
    revenueTrends,
    lapsedByManager: byManager(tables.managerLapsed, (row) => ({ count: num(row.lapsed), revenueAtStake: num(row.revenue_at_stake) })),
    walletByManager: byManager(tables.managerWallet, (row) => ({ sales: num(row.sales), budget: num(row.budget) })),
    hasAmounts,
    target: options.target,
  });
}

/** Question 2 from the `wallet` table (none without a budget column), judged by the core (`shareOfWalletQuestion`). */
function walletQuestion(row: Row | undefined, hasAmounts: boolean): HealthQuestion {
  const sums = { sales: num(row?.sales ?? 0), budget: num(row?.budget ?? 0), customers: num(row?.customers ?? 0) };
  return shareOfWalletQuestion(row?.has_budgets === true, hasAmounts, { ...sums, share: numOrNull(row?.share_of_wallet) ?? undefined });
}

/** The question with the values of its column that could not be read, where there are any. */
function withUnread(question: HealthQuestion, unread: UnreadValues | undefined): HealthQuestion {
  return unread === undefined ? question : { ...question, unread };
}

/**
 * Values of the health check's own columns that cannot be read, by the column the numbering read
 * gives them in (problemRowsSelect): how many the query counted.
 */
type UnreadCounts = Record<typeof UNKNOWN_INITIATOR | typeof UNREADABLE_BUDGET, number>;

/** Where the rows are not numbered (several files): the count, and the value that sorts first, in no row (0). */
function unnumberedUnread(tables: Tables, counts: UnreadCounts): Map<string, UnreadValues> {
  const examples = { [UNKNOWN_INITIATOR]: tables.initiatorExample[0], [UNREADABLE_BUDGET]: tables.budgetExample[0] };
  const unread = new Map<string, UnreadValues>();
  for (const [key, count] of Object.entries(counts) as [keyof UnreadCounts, number][]) {
    const example = examples[key];
    if (example !== undefined && count > 0) unread.set(key, { count, row: 0, value: String(example.example) });
  }
  return unread;
}

/** The periods' sums as the core's PeriodTotals holds them, every period from the first (money 0 without amounts). */
function periodSeries(rows: readonly Row[], period: Period): PeriodSeries {
  const money = (field: string): Float64Array => Float64Array.from(rows, (row) => numOrNull(row[field]) ?? 0);
  const base = Int32Array.from(rows, (row) => num(row.active_base));
  return {
    period,
    firstIndex: rows.length === 0 ? 0 : num(rows[0]!.period_index),
    count: rows.length,
    newRevenue: money("new_revenue"),
    existingRevenue: money("existing_revenue"),
    purchases: Int32Array.from(rows, (row) => num(row.purchases)),
    activeBase: () => base,
  };
}

function managerRow(row: Row): ManagerReportRow {
  return {
    manager: String(row.manager),
    newCustomers: num(row.new_customers),
    returned: num(row.returned),
    rate: numOrNull(row.rate),
    belowTarget: row.below_target === true,
  };
}

/** The core's order (report.ts): most new customers first, then by name as the locale sorts. */
function byManager(a: ManagerReportRow, b: ManagerReportRow): number {
  return b.newCustomers - a.newCustomers || a.manager.localeCompare(b.manager);
}

/** With nothing to judge yet: the day the orders must reach (verdictSpan's judgeableOn). */
function judgeableOn(summary: Row, options: CliOptions, horizonDays: number): string | null {
  if (summary.verdict_first_period !== null) return null;
  const earliest = num(summary.earliest_period);
  const windowLast = options.window.end === undefined ? Number.POSITIVE_INFINITY : periodIndex(options.window.end, options.period);
  return earliest <= windowLast ? isoDate(periodEnd(earliest, options.period) + horizonDays) : null;
}

/** Repeat ÷ all revenue (src/core/retention.ts): none without revenue, or when refunds exceed a part. */
function repeatShare(summary: Row): number | null {
  const total = num(summary.window_revenue);
  const repeat = total - num(summary.first_day_revenue);
  if (!(total > 0) || repeat < 0 || repeat > total) return null;
  return repeat / total;
}

const PROBLEMS: ReadonlySet<string> = new Set<ProblemCode>([
  "errorValue",
  "missingCustomer",
  "missingDate",
  "badDate",
  "implausibleDate",
  "badAmount",
]);

/** The rows' counts as ingestOrders keeps them, and the skipped ones grouped by reason (problemKey). */
function rowStats(
  counts: readonly Row[],
  exampleRows: readonly Row[],
  layout: FileLayout,
): { stats: IngestStats; skipped: Map<string, SkippedGroup> } {
  const stats: IngestStats = { rows: 0, blankRows: 0, excludedRows: 0, skippedRows: 0, orders: 0 };
  const skipped = new Map<string, SkippedGroup>();
  const examplesOf = new Map(exampleRows.map((row) => [problemKey(String(row.fate), String(row.fate_column)), row]));
  for (const row of counts) {
    const count = num(row.row_count);
    const fate = String(row.fate);
    stats.rows += count;
    if (fate === "order") stats.orders += count;
    else if (fate === "blank") stats.blankRows += count;
    else if (fate === "excluded") stats.excludedRows += count;
    else if (fate === "leftOut") countLeftOutStatus(stats, String(row.status_label), count);
    else if (PROBLEMS.has(fate)) {
      stats.skippedRows += count;
      const field = String(row.fate_column) as keyof FileLayout["columnNames"] | "status";
      const argument = field === "status" ? layout.status?.name : layout.columnNames[field];
      const key = problemKey(fate, String(row.fate_column));
      const { example, other_example } = examplesOf.get(key)!;
      const examples = [example, other_example].filter((value, at, all) => all.indexOf(value) === at);
      skipped.set(key, {
        problem: { code: fate as ProblemCode, argument, value: example },
        count,
        // Unnumbered (row 0) until numberRows finds the first rows; with several files it does not.
        examples: examples.map((value) => ({ row: 0, value })),
        sameValue: examples.length === 1,
      });
    }
  }
  return { stats, skipped };
}

/**
 * Names the first rows of each group of skipped rows, and puts their values in place of the
 * group's examples, as the streaming command shows them; finds the first order whose initiator
 * names neither side (question 7 shows it) and the first whose budget cannot be read (question 2),
 * their rows and values, by the column of UnreadCounts. Only when there are such rows: see
 * duckdb-row-numbers.ts for why this is a second read.
 */
async function numberRows(
  connection: Connection,
  source: Source,
  { skipped: groups, unreadCounts }: { skipped: Map<string, SkippedGroup>; unreadCounts: UnreadCounts },
  query: (numbering: Numbering) => ReportQuery,
): Promise<Map<string, UnreadValues>> {
  const wanted = new Map([...groups].map(([key, group]) => [key, Math.min(group.count, SKIPPED_EXAMPLES)]));
  const unreadColumns = (Object.keys(unreadCounts) as (keyof UnreadCounts)[]).filter((column) => unreadCounts[column] > 0);
  for (const column of unreadColumns) wanted.set(column, 1);
  if (wanted.size === 0) return new Map();
  const { numbered } = source;
  const statement = query(numbered).statement("problemRows");
  const sql = numbered.inOrder ? statement : `SELECT * FROM (\n${statement}\n) AS problems ORDER BY source_row`;
  const result = await connection.stream(sql);
  const names = result.columnNames();
  async function* chunks(): AsyncGenerator<ProblemRow[]> {
    for (let chunk = await result.fetchChunk(); chunk !== null && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
      yield chunk.getRowObjects(names).flatMap((row) => {
        const ordinal = Number(row.source_row);
        const unread = unreadColumns.filter((column) => row[column] !== null && row[column] !== undefined);
        return [
          { ordinal, key: problemKey(String(row.fate), String(row.fate_column)), value: row.fate_value },
          ...unread.map((column) => ({ ordinal, key: column, value: row[column] })),
        ];
      });
    }
  }
  const first = await firstRowsOfGroups(wanted, chunks());
  connection.interrupt();
  const rowOf = await numbered.rowsOf([...first.values()].flat().map((row) => row.ordinal));
  for (const [key, group] of groups) {
    const rows = first.get(key)!;
    group.examples = rows.map((row) => ({ row: rowOf.get(row.ordinal) ?? 0, value: row.value }));
    group.problem = { ...group.problem, value: rows[0]?.value ?? group.problem.value };
  }
  const unread = new Map<string, UnreadValues>();
  for (const column of unreadColumns) {
    const row = first.get(column)?.[0];
    if (row !== undefined) unread.set(column, { count: unreadCounts[column], row: rowOf.get(row.ordinal) ?? 0, value: String(row.value) });
  }
  return unread;
}

/**
 * The groups in the order their first rows come, as the streaming command lists them. Unnumbered
 * rows are all row 0, and the sort, stable, leaves the groups as found.
 */
function groupsInOrder(groups: Map<string, SkippedGroup>): SkippedGroup[] {
  const firstRow = (group: SkippedGroup): number => group.examples[0]?.row ?? 0;
  return [...groups.values()].sort((a, b) => firstRow(a) - firstRow(b));
}

function noPurchase(stats: IngestStats, path: string): Parameters<typeof dataError>[0] {
  if (stats.rows === stats.blankRows) return { key: "headerOnly", values: { path } };
  if (stats.orders > 0) return { key: "onlyRefunds", values: { path, count: stats.orders } };
  return { key: "onlyExcluded", values: { path, count: stats.excludedRows + stats.skippedRows } };
}
