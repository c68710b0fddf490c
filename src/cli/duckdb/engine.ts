// `report --engine duckdb FILES…`: the report's query (src/sql) run by DuckDB on CSV or Parquet
// files, globs and files larger than memory. Where the rows come from is sources.ts (CSV) and
// parquet-source.ts; how the query's tables become the report the renderers take is
// report-of-tables.ts. DuckDB is an optional dependency, loaded only through connection.ts and
// only when asked for.

import { queryRules } from "../sql-command";
import { existsSync, mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import type { UnreadValues } from "../../core/health/questions";
import { REPORT_LIMITS, type SkippedRow } from "../../core/report";
import { DUCKDB } from "../../sql/dialect";
import { reportQuery, withClause, type ReportQuery, type ReportTable } from "../../sql/report-query";
import { type Connection, loadDuckDb, type Row, rows } from "./connection";
import { type CsvFiles, duckDbDataError } from "./duckdb-errors";
import { parquetSource } from "./parquet-source";
import { areParquet, csvSource, isPattern, type Numbering, type Source } from "./sources";
import {
  groupsInOrder,
  healthCheckOf,
  num,
  PROBLEMS,
  reportOf,
  rowStats,
  type Tables,
  type UnreadCounts,
  unreadCountsOf,
} from "./report-of-tables";
import { firstRowsOfGroups, problemKey, type ProblemRow } from "./row-numbers";
import { type ReportOutcome, SKIPPED_EXAMPLES, SKIPPED_ROWS_KEPT, type SkippedGroup } from "../report-command";
import { CliError, dataError, noPurchaseMessage } from "../errors";
import type { CliOptions } from "../options";
import { skippedProblem } from "../report-lines";
import { refuseOutputOverInput } from "../same-file";

/**
 * The streaming engine's peak memory per byte of file, health check included, measured by
 * bench/sql-engines.ts: 1,518 MB for 690 MB at 20 M rows and 4 M customers, 3,732 MB for
 * 1,733 MB at 50 M rows and 10 M customers on 5 December (1,266 MB and 3,043 MB on 6 December:
 * the larger figure is kept, so that the hint errs towards early). Its memory grows with
 * customers and purchases.
 */
const STREAMING_MEMORY_PER_FILE_BYTE = 2.2;

/**
 * Whether to suggest --engine duckdb for a file read by the streaming engine: when that engine
 * would want more than half the machine's memory. Below that the streaming engine was the faster
 * one at every size measured, up to 50 M rows (2.2× faster than DuckDB on the same CSV there,
 * 1.8× than DuckDB on Parquet, bench/RESULTS.md), so the hint says nothing of speed; past it,
 * DuckDB can spill to disk where the streaming engine cannot.
 */
export function suggestsDuckDb(fileBytes: number, totalMemoryBytes: number): boolean {
  return fileBytes * STREAMING_MEMORY_PER_FILE_BYTE > totalMemoryBytes / 2;
}

export async function runDuckDbReport(options: CliOptions, files: readonly string[]): Promise<ReportOutcome> {
  const duckdb = await loadDuckDb();
  // What does not fit spills here: by default DuckDB would write it to `.tmp` in the current
  // directory, wherever the user happens to be. And it takes half the memory, not its default 80 %:
  // its process holds more than its limit counts, and the machine runs other things. The memory
  // of blocks it frees is kept for the next statement rather than given back to the system, which
  // would fault it in again page by page: 20 M rows took 52 and 58 s so against 63 and 64 s.
  const spill = mkdtempSync(join(tmpdir(), "sheets-retention-duckdb-"));
  const memoryLimit = `${Math.floor(totalmem() / 2 / 2 ** 20)}MB`;
  const instance = await duckdb.DuckDBInstance.create(":memory:", {
    temp_directory: spill,
    memory_limit: memoryLimit,
    block_allocator_memory: memoryLimit,
  });
  const connection = await instance.connect();
  /** The CSV files, once known: DuckDB's errors name a row, which is found by reading them. */
  let csv: CsvFiles | undefined;
  try {
    // A TIMESTAMP without a zone is an instant in UTC, as a Parquet writer stores it.
    await connection.run("SET TimeZone = 'UTC'");
    const paths = await expandedPaths(connection, files);
    // A pattern names its files only now: refused before any work, as a named file is (cli.ts).
    refuseOutputOverInput(options, paths);
    const parquet = areParquet(paths);
    const source = parquet ? await parquetSource(connection, paths, options) : await csvSource(paths, options, true);
    if (source.delimiter !== undefined) csv = { paths, delimiter: source.delimiter };
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
      // --lapsed-csv writes every lapsed customer; the reports list the first (cli.ts).
      lapsedLimit: options.lapsedCsv === undefined ? REPORT_LIMITS.lost : undefined,
    };
    const { tables, read } = await runTables(connection, query(source.relation), wanted).then(
      (tables) => ({ tables, read: source }),
      async (error: unknown) => {
        // DuckDB reads a CSV file in parallel unless a quoted field holds a line break, which it meets only then.
        if (parquet || !String(error).includes("parallel=false")) throw error;
        const serial = await csvSource(paths, options, false);
        return { tables: await runTables(connection, query(serial.relation), wanted), read: serial };
      },
    );
    const { stats, skipped } = rowStats(tables.rowCounts, tables.rowExamples, source.layout);
    const unreadCounts = unreadCountsOf(tables);
    const { unread, skippedRows } = await numberRows(connection, read, { skipped, unreadCounts }, (numbering) =>
      query(numbering.relation, numbering.rowNumber),
    );
    // Said after the numbering read, so that the first skipped row is named by its line, as the streaming command names it.
    const named = files.join(" ");
    if (num(tables.summary[0]!.customers) === 0) {
      throw dataError(noPurchaseMessage(named, stats, skippedProblem(groupsInOrder(skipped, paths)[0], options.language)));
    }
    const report = { ...reportOf(tables, source.layout, options, stats), skipped: skippedRows };
    const outcome: ReportOutcome = {
      file: named,
      layout: source.layout,
      report,
      skippedByReason: groupsInOrder(skipped, paths),
      inputs: paths,
    };
    if (!options.health) return outcome;
    return { ...outcome, report: { ...report, healthCheck: healthCheckOf(tables, source.layout, options, unread) } };
  } catch (error) {
    // DuckDB's own errors (a row wider than the first rows, bytes that are not UTF-8 …) are the data's.
    if (error instanceof Error && !(error instanceof CliError)) throw await duckDbDataError(error, csv);
    throw error;
  } finally {
    connection.closeSync();
    instance.closeSync();
    rmSync(spill, { recursive: true, force: true });
  }
}

/**
 * The files named, each glob pattern (`parts/*.csv`, quoted so that the shell left it) expanded
 * by DuckDB's own glob, in name order: the layout is read from the first file, and a glob over
 * several files is several files, each numbered from its start. A name that exists is a file, not a
 * pattern, whatever its characters (sources.ts reads it as such). As a shell does, a pattern
 * leaves out hidden files and folders (`.b.csv`, macOS's `._orders.csv`, `.git/`) unless it names
 * one itself. A file named twice, however spelled (`a.csv`, `./a.csv`, a pattern), is read once.
 */
async function expandedPaths(connection: Connection, files: readonly string[]): Promise<string[]> {
  const paths = new Map<string, string>();
  const add = (path: string): void => {
    const identity = fileIdentity(path);
    if (!paths.has(identity)) paths.set(identity, path);
  };
  for (const file of files) {
    if (!isPattern(file) || existsSync(file)) {
      add(file);
      continue;
    }
    const hiddenToo = hasHiddenPart(file);
    const matches = (await rows(connection, `SELECT file FROM glob(${DUCKDB.text(file)}) ORDER BY file`))
      .map((row) => String(row.file))
      .filter((path) => hiddenToo || !hasHiddenPart(path));
    if (matches.length === 0) throw dataError({ key: "noFileMatches", values: { path: file } });
    for (const path of matches) add(path);
  }
  return [...paths.values()];
}

/** A part of the path that starts with a dot, other than `.` and `..`. */
function hasHiddenPart(path: string): boolean {
  return path.split(/[\\/]/).some((part) => part.startsWith(".") && part !== "." && part !== "..");
}

/** The file a path names, whatever the spelling: its real path, or the path resolved if it cannot be read (DuckDB says why). */
function fileIdentity(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

// ── Running the query ────────────────────────────────────────────────────────────────────────

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
    wallet,
    managerWallet,
    managerRevenue: wanted.health && wanted.managers ? await managerRevenue() : [],
    managerNames: wanted.health && wanted.managers ? await table("managerNames") : [],
    rowCounts,
    rowExamples: rowCounts.some((row) => PROBLEMS.has(String(row.fate))) ? await table("rowExamples") : [],
    lost: await table("lost"),
  };
}

/**
 * How many rows the numbering read goes on past each reason's first rows to list the first 1,000
 * skipped rows (about a second of reading): all of them where skipped rows are close together,
 * without a second read of the whole file where a few lie far apart.
 */
const LIST_READ_ON_ROWS = 1_000_000;

/**
 * Names the first rows of each group of skipped rows, and puts their values in place of the
 * group's examples, as the streaming command shows them; lists the first skipped rows, up to the
 * streaming command's 1,000 (fewer only past LIST_READ_ON_ROWS, or past the end of the file of
 * several where each reason has its first rows); finds the first order
 * whose initiator names neither side (question 7 shows it) and the first whose budget cannot be
 * read (question 2), their rows and values, by the column of UnreadCounts. Only when there are
 * such rows: see row-numbers.ts for why this is a second read.
 */
async function numberRows(
  connection: Connection,
  source: Source,
  { skipped: groups, unreadCounts }: { skipped: Map<string, SkippedGroup>; unreadCounts: UnreadCounts },
  query: (numbering: Numbering) => ReportQuery,
): Promise<{ unread: Map<string, UnreadValues>; skippedRows: SkippedRow[] }> {
  const wanted = new Map([...groups].map(([key, group]) => [key, Math.min(group.count, SKIPPED_EXAMPLES)]));
  const unreadColumns = (Object.keys(unreadCounts) as (keyof UnreadCounts)[]).filter((column) => unreadCounts[column] > 0);
  for (const column of unreadColumns) wanted.set(column, 1);
  if (wanted.size === 0) return { unread: new Map(), skippedRows: [] };
  const numberings = source.numbered;
  /** One file's problem rows, in its order; read only when the rows wanted are not all found in the files before it. */
  async function* rowsOf(file: number, numbering: Numbering): AsyncGenerator<ProblemRow[]> {
    const statement = query(numbering).statement("problemRows");
    const result = await connection.stream(
      numbering.inOrder ? statement : `SELECT * FROM (\n${statement}\n) AS problems ORDER BY source_row`,
    );
    const names = result.columnNames();
    for (let chunk = await result.fetchChunk(); chunk !== null && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
      yield chunk.getRowObjects(names).flatMap((row) => problemRowsOf(row, file, unreadColumns));
    }
  }
  const skippedRows = [...groups.values()].reduce((sum, group) => sum + group.count, 0);
  const files = numberings.map((numbering, file) => () => rowsOf(file, numbering));
  const { first, list } = await firstRowsOfGroups(wanted, files, {
    accepts: (key) => groups.has(key),
    limit: Math.min(SKIPPED_ROWS_KEPT, skippedRows),
    readOn: LIST_READ_ON_ROWS,
  });
  connection.interrupt();
  const placeOf = await placesOf([...first.values(), list].flat(), numberings);
  for (const [key, group] of groups) {
    const rows = first.get(key)!;
    group.examples = rows.map((row) => ({ ...placeOf(row), value: row.value }));
    group.problem = { ...group.problem, value: rows[0]?.value ?? group.problem.value };
  }
  const unread = new Map<string, UnreadValues>();
  for (const column of unreadColumns) {
    const row = first.get(column)?.[0];
    if (row !== undefined) unread.set(column, { count: unreadCounts[column], ...placeOf(row), value: String(row.value) });
  }
  const listed = list.map((each): SkippedRow => {
    const place = placeOf(each);
    return { row: place.row, problem: { ...groups.get(each.key)!.problem, ...place, value: each.value } };
  });
  return { unread, skippedRows: listed };
}

/** A row of the numbering read as the problems it holds: its reason, and each unread value. */
function problemRowsOf(row: Row, file: number, unreadColumns: readonly string[]): ProblemRow[] {
  const ordinal = Number(row.source_row);
  const unread = unreadColumns.filter((column) => row[column] !== null && row[column] !== undefined);
  return [
    { file, ordinal, key: problemKey(String(row.fate), String(row.fate_column)), value: row.fate_value },
    ...unread.map((column) => ({ file, ordinal, key: column, value: row[column] })),
  ];
}

/**
 * Where each problem row is, as the report names it: its line (or a Parquet file's row), and with
 * several files the file too.
 */
async function placesOf(
  rows: readonly ProblemRow[],
  numberings: readonly Numbering[],
): Promise<(row: ProblemRow) => { row: number; file?: string }> {
  const lines = await Promise.all(
    numberings.map((numbering, file) => numbering.rowsOf(rows.filter((row) => row.file === file).map((row) => row.ordinal))),
  );
  const named = numberings.length > 1;
  return (row) => {
    const line = lines[row.file]!.get(row.ordinal) ?? 0;
    return named ? { row: line, file: numberings[row.file]!.file } : { row: line };
  };
}
