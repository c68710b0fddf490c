// What differs between BigQuery Standard SQL and DuckDB, and nothing else: the query builder
// (report-query.ts) writes one description of the report's query through one of these.

export type DialectName = "bigquery" | "duckdb";

export interface Dialect {
  name: DialectName;
  /** A string literal. */
  text(value: string): string;
  /** An identifier: a column name. */
  identifier(name: string): string;
  /** A table name (`project.dataset.orders`, or a DuckDB table or view). */
  table(name: string): string;
  /** Replaces every match of an RE2 pattern. */
  replaceAll(expr: string, pattern: string, replacement: string): string;
  /** Whether an RE2 pattern matches somewhere. */
  matches(expr: string, pattern: string): string;
  /** The pattern's one capturing group; '' without a match. */
  extract(expr: string, pattern: string): string;
  /** Any value as text. */
  asText(expr: string): string;
  /** Text as a double, NULL when it is none. */
  tryDouble(expr: string): string;
  /** A double that is neither infinite nor NaN. */
  isFinite(expr: string): string;
  /** A double literal: never a decimal type, so comparisons are the core's IEEE ones. */
  double(value: number): string;
  /** Days since 1970-01-01 of a DATE. */
  epochDay(dateExpr: string): string;
  /** The DATE of an epoch day. */
  dateOfEpochDay(dayExpr: string): string;
  /** The calendar day a TIMESTAMP shows in a time zone, as a DATE. */
  dateInZone(timestampExpr: string, timeZone: string): string;
  /** `YYYY-MM`, `YYYY`, ISO `YYYY-Www` from a DATE (strftime-style format). */
  formatDate(dateExpr: string, format: string): string;
  /** a ÷ b as a double, NULL when b is 0. */
  divide(a: string, b: string): string;
  /** The DATE of a year, month and day known to exist. */
  makeDate(year: string, month: string, day: string): string;
  /** The same date `years` years later (earlier when negative); 29 February becomes the 28th. */
  addYears(dateExpr: string, years: number): string;
  /** The rows `from` … `to` of an integer column `alias`, one a value, for each row of `table`. */
  series(table: string, from: string, to: string, alias: string): string;
  /**
   * A window column over a dictionary of names that sorts as `expr` does and is equal exactly
   * when it is: a dense integer, far cheaper for DuckDB to group and join on than text. Absent in
   * BigQuery, where the names serve as they are, read in each row: a numbering over the whole
   * table would run on one worker, and a dictionary joined back costs a shuffle.
   */
  orderedId?: (expr: string) => string;
  /**
   * An aggregate: the group's `count` smallest values of `expr` (NULLs aside) as a list read from
   * index 1, NULL when there are none. Absent in BigQuery, which then joins a first aggregate.
   */
  smallest?: (expr: string, count: number) => string;
  /**
   * An aggregate: `value` at the row of the smallest `order` (rows of NULL order aside), NULL
   * included. Absent in BigQuery, with `smallest`.
   */
  valueAtSmallest?: (value: string, order: string) => string;
  /** Integer and double type names. */
  integer: string;
  float: string;
}

/** Patterns go into raw BigQuery literals, which cannot hold a quote: write it as \x{27}. */
function rawPattern(pattern: string): string {
  if (pattern.includes("'")) throw new Error(`a pattern holds a quote: ${pattern}`);
  return pattern;
}

/** Control characters and every space but the plain one: written as \u in BigQuery, so that they show and survive. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what is escaped
const UNPRINTABLE = /[^\S ]|[\u0000-\u001f\u007f-\u009f]/g;

export const BIGQUERY: Dialect = {
  name: "bigquery",
  text: (value) =>
    `'${value.replace(/[\\']/g, (c) => `\\${c}`).replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)}'`,
  identifier: (name) => `\`${name.replace(/\\/g, "\\\\").replace(/`/g, "\\`")}\``,
  table: (name) => `\`${name.replace(/`/g, "")}\``,
  replaceAll: (expr, pattern, replacement) => `REGEXP_REPLACE(${expr}, r'${rawPattern(pattern)}', ${BIGQUERY.text(replacement)})`,
  matches: (expr, pattern) => `REGEXP_CONTAINS(${expr}, r'${rawPattern(pattern)}')`,
  extract: (expr, pattern) => `COALESCE(REGEXP_EXTRACT(${expr}, r'${rawPattern(pattern)}'), '')`,
  asText: (expr) => `CAST(${expr} AS STRING)`,
  tryDouble: (expr) => `SAFE_CAST(${expr} AS FLOAT64)`,
  isFinite: (expr) => `NOT (IS_INF(${expr}) OR IS_NAN(${expr}))`,
  double: (value) => `CAST(${BIGQUERY.text(String(value))} AS FLOAT64)`,
  epochDay: (dateExpr) => `UNIX_DATE(${dateExpr})`,
  dateOfEpochDay: (dayExpr) => `DATE_FROM_UNIX_DATE(${dayExpr})`,
  dateInZone: (timestampExpr, timeZone) => `DATE(${timestampExpr}, ${BIGQUERY.text(timeZone)})`,
  formatDate: (dateExpr, format) => `FORMAT_DATE(${BIGQUERY.text(format)}, ${dateExpr})`,
  divide: (a, b) => `SAFE_DIVIDE(${a}, ${b})`,
  makeDate: (year, month, day) => `DATE(${year}, ${month}, ${day})`,
  addYears: (dateExpr, years) => `DATE_ADD(${dateExpr}, INTERVAL ${years} YEAR)`,
  series: (table, from, to, alias) => `SELECT ${alias} FROM ${table} CROSS JOIN UNNEST(GENERATE_ARRAY(${from}, ${to})) AS ${alias}`,
  integer: "INT64",
  float: "FLOAT64",
};

export const DUCKDB: Dialect = {
  name: "duckdb",
  text: (value) => `'${value.replace(/'/g, "''")}'`,
  identifier: (name) => `"${name.replace(/"/g, '""')}"`,
  table: (name) => name,
  replaceAll: (expr, pattern, replacement) => `regexp_replace(${expr}, ${DUCKDB.text(pattern)}, ${DUCKDB.text(replacement)}, 'g')`,
  matches: (expr, pattern) => `regexp_matches(${expr}, ${DUCKDB.text(pattern)})`,
  extract: (expr, pattern) => `regexp_extract(${expr}, ${DUCKDB.text(pattern)}, 1)`,
  asText: (expr) => `CAST(${expr} AS VARCHAR)`,
  tryDouble: (expr) => `TRY_CAST(${expr} AS DOUBLE)`,
  isFinite: (expr) => `isfinite(${expr})`,
  double: (value) => `CAST(${DUCKDB.text(String(value))} AS DOUBLE)`,
  epochDay: (dateExpr) => `(CAST(${dateExpr} AS DATE) - DATE '1970-01-01')`,
  dateOfEpochDay: (dayExpr) => `CAST(DATE '1970-01-01' + CAST(${dayExpr} AS INTEGER) AS DATE)`,
  // A TIMESTAMP without a zone is taken as UTC (the engine sets the session's zone to UTC).
  dateInZone: (timestampExpr, timeZone) => `CAST(timezone(${DUCKDB.text(timeZone)}, CAST(${timestampExpr} AS TIMESTAMPTZ)) AS DATE)`,
  formatDate: (dateExpr, format) => `strftime(${dateExpr}, ${DUCKDB.text(format)})`,
  divide: (a, b) => `(CAST(${a} AS DOUBLE) / NULLIF(${b}, 0))`,
  makeDate: (year, month, day) => `make_date(${year}, ${month}, ${day})`,
  addYears: (dateExpr, years) => `CAST(${dateExpr} + INTERVAL (${years}) YEAR AS DATE)`,
  series: (table, from, to, alias) => `SELECT UNNEST(generate_series(${from}, ${to})) AS ${alias} FROM ${table}`,
  orderedId: (expr) => `DENSE_RANK() OVER (ORDER BY ${expr})`,
  smallest: (expr, count) => `MIN(${expr}, ${count})`,
  valueAtSmallest: (value, order) => `arg_min_null(${value}, ${order})`,
  integer: "BIGINT",
  float: "DOUBLE",
};

export const DIALECTS: Readonly<Record<DialectName, Dialect>> = { bigquery: BIGQUERY, duckdb: DUCKDB };
