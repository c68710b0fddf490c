// The one place that reads the command line. Everything after works on `CliOptions`.

import { parseArgs } from "node:util";
import { isPlausibleDay, parseDateText, inputLocale, type InputLocale } from "../core/cells";
import type { Field } from "../core/columns";
import { DEFAULT_LAPSED_FACTOR, isLapsedFactor } from "../core/health/lapsed";
import type { DetailField } from "../core/health/order-details";
import { DEFAULT_TREND, isTrendThreshold, type TrendSettings } from "../core/health/trend";
import type { DayWindow } from "../core/ledger";
import { parsePeriod, type Period } from "../core/periods";
import type { Problem } from "../core/problems";
import { DEFAULT_TARGET } from "../core/report";
import { languageForLocale, type Language } from "../i18n/language";
import { parseCurrency } from "../presentation/formats";
import { type CliMessage, usageError } from "./errors";
import { delimiterFromFlag, parseEncoding, type Encoding } from "../files/sniff";

export interface CliOptions {
  file: string;
  /** Every file given: one, or several (and globs) with --engine duckdb. */
  files: string[];
  /** --engine duckdb: the report's query run by DuckDB (src/cli/duckdb/engine.ts). */
  engine?: "duckdb";
  /** --time-zone: the zone a timestamp's day is taken in (UTC by default, as the command reads dates). */
  timeZone: string;
  /** Columns named on the command line: a header name or a 1-based number, as typed. */
  columns: Partial<Record<Exclude<Field, "dealType">, string>>;
  /** --budget, --initiated-by, --contact: the health check's own columns, named as typed (a header name or a 1-based number). */
  detailColumns: Partial<Record<DetailField, string>>;
  exclude?: { column: string; value: string };
  /** --status-column NAME and --count-status VALUE (repeatable): which rows of a status column are purchases. */
  statuses: { column?: string; counted: string[] };
  /** --keep-all-deals: leave out no deal type, not even the default one-off project deals. */
  keepAllDeals: boolean;
  /** --orders-start-with-business: the data's first period is judged too (see core verdict.ts). */
  ordersStartWithBusiness: boolean;
  target: number;
  period: Period;
  withinDays?: number;
  window: DayWindow;
  locale: InputLocale;
  language: Language;
  encoding?: Encoding;
  delimiter?: number;
  /** --sheet: the sheet of an .xlsx file to read. */
  sheet?: string;
  json: boolean;
  html?: string;
  /** False for --no-health: the report without the health check (issue 14's figures). */
  health: boolean;
  /** --trend-threshold: the health check's trend rule (the threshold as a share, 0.10 for ±10 %). */
  trend: TrendSettings;
  /** --lapsed-factor: gone more than this many usual gaps is lapsed (question 5). */
  lapsedFactor: number;
  /** --lapsed-csv: write every lapsed customer (the health check's call list) to this CSV file. */
  lapsedCsv?: string;
  /** --currency: the amounts' currency, an ISO code or a sign (presentation/formats.ts parseCurrency). */
  currency?: string;
  /** False for --no-color; undefined lets the terminal decide. */
  color?: boolean;
  /** --threads; undefined lets the file size and the cores decide. */
  threads?: 1 | 2;
}

export type Invocation =
  | { kind: "help"; language: Language }
  | { kind: "version" }
  | { kind: "report"; options: CliOptions }
  | { kind: "sql"; options: SqlOptions };

/** `sql --dialect bigquery --table project.dataset.orders …`: the report's query, printed. */
export interface SqlOptions {
  dialect: "bigquery" | "duckdb";
  table: string;
  /** Columns by name; the customer and the date are required. */
  columns: CliOptions["columns"];
  /**
   * The deal-type column (--deal-type, or the column of --exclude) and the deal types left out:
   * those of --exclude, none with --keep-all-deals, else the one-off project deals.
   */
  deals?: { column: string; excluded?: string[] };
  statuses: CliOptions["statuses"];
  /** --initiated-by: the column that says who started the sale (health check question 7). */
  initiatedBy?: string;
  /** --budget: the customer's yearly budget (health check question 2), typed as the amount column. */
  budget?: string;
  /** --contact: the customer's email or phone, for the lapsed customers' contacts (question 5's call list). */
  contact?: string;
  /** --lapsed-factor: gone more than this many usual gaps is lapsed (question 5's statements). */
  lapsedFactor: number;
  /** How the date and amount columns are typed in the table (text is read by the core's rules). */
  dateType: "text" | "date" | "timestamp";
  amountType: "text" | "number";
  target: number;
  period: Period;
  withinDays?: number;
  window: DayWindow;
  ordersStartWithBusiness: boolean;
  timeZone: string;
  locale: InputLocale;
  language: Language;
}

const FLAGS = {
  customer: { type: "string" },
  date: { type: "string" },
  amount: { type: "string" },
  manager: { type: "string" },
  budget: { type: "string" },
  "initiated-by": { type: "string" },
  contact: { type: "string" },
  exclude: { type: "string" },
  "keep-all-deals": { type: "boolean" },
  "deal-type": { type: "string" },
  "status-column": { type: "string" },
  "count-status": { type: "string", multiple: true },
  "orders-start-with-business": { type: "boolean" },
  target: { type: "string" },
  period: { type: "string" },
  "within-days": { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
  locale: { type: "string" },
  encoding: { type: "string" },
  delimiter: { type: "string" },
  sheet: { type: "string" },
  json: { type: "boolean" },
  html: { type: "string" },
  "no-health": { type: "boolean" },
  "lapsed-csv": { type: "string" },
  "trend-threshold": { type: "string" },
  "lapsed-factor": { type: "string" },
  currency: { type: "string" },
  "no-color": { type: "boolean" },
  threads: { type: "string" },
  engine: { type: "string" },
  "time-zone": { type: "string" },
  dialect: { type: "string" },
  table: { type: "string" },
  "date-type": { type: "string" },
  "amount-type": { type: "string" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

/** `ru_RU.UTF-8` → `ru_RU`; the C/POSIX locale and an empty one mean en_US. */
export function localeFromEnvironment(env: Record<string, string | undefined>): string {
  const raw = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  const locale = raw.split(/[.@]/)[0] ?? "";
  return locale === "" || locale === "C" || locale === "POSIX" ? "en_US" : locale;
}

/** The language for messages before (or without) a successful parse. */
export function languageOfArguments(argv: readonly string[], env: Record<string, string | undefined>): Language {
  const at = argv.findIndex((arg) => arg === "--locale" || arg.startsWith("--locale="));
  const flag = at < 0 ? undefined : argv[at]!.includes("=") ? argv[at]!.split("=")[1] : argv[at + 1];
  return languageForLocale(flag ?? localeFromEnvironment(env));
}

function parseFlags(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: FLAGS, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError(flagProblem(error as Error & { code?: string }));
  }
}

/**
 * Node's words for a flag it cannot parse are English, and several lines long: the two a user
 * meets (a flag misspelt, a value left out or starting with a minus) are said in the user's
 * language, naming the flag; any other keeps Node's message.
 */
function flagProblem(error: Error & { code?: string }): CliMessage {
  const flag = /'(-[^' ]+)/.exec(error.message)?.[1];
  if (flag !== undefined && error.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return { key: "unknownOption", values: { value: flag } };
  if (flag !== undefined && error.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE")
    return { key: "optionNeedsValue", values: { value: flag } };
  return { key: "badOption", values: { detail: error.message } };
}

export function parseInvocation(argv: readonly string[], env: Record<string, string | undefined>): Invocation {
  const parsed = parseFlags(argv);
  const { values, positionals } = parsed;
  const localeName = values.locale ?? localeFromEnvironment(env);
  const language = languageForLocale(localeName);
  if (values.help) return { kind: "help", language };
  if (values.version) return { kind: "version" };
  if (positionals[0] === "sql") return { kind: "sql", options: parseSqlOptions(values, positionals.slice(1), localeName, language) };
  const files = positionals[0] === "report" ? positionals.slice(1) : positionals;
  const engine = values.engine === undefined ? undefined : parseEngine(values.engine);
  if (files.length === 0) throw usageError({ key: "missingFile" });
  if (files.length > 1 && engine === undefined) throw usageError({ key: "severalFilesNeedDuckDb", values: { value: files.join(" ") } });
  if (values.exclude !== undefined && values["keep-all-deals"]) {
    throw usageError({ key: "excludeAndKeepAll", values: { value: values.exclude } });
  }
  requireHealthFor(values);
  const locale = inputLocale(localeName, "UTC");
  const options: CliOptions = {
    file: files[0]!,
    files,
    engine,
    timeZone: parseTimeZone(values["time-zone"]),
    columns: { customer: values.customer, date: values.date, amount: values.amount, manager: values.manager },
    detailColumns: { budget: values.budget, initiatedBy: values["initiated-by"], contact: values.contact },
    exclude: values.exclude === undefined ? undefined : parseExclude(values.exclude),
    keepAllDeals: values["keep-all-deals"] ?? false,
    statuses: { column: values["status-column"], counted: values["count-status"] ?? [] },
    ordersStartWithBusiness: values["orders-start-with-business"] ?? false,
    target: values.target === undefined ? DEFAULT_TARGET : parseTarget(values.target),
    period: values.period === undefined ? "month" : parsePeriodFlag(values.period),
    withinDays: values["within-days"] === undefined ? undefined : parseWithinDays(values["within-days"]),
    window: parseWindow(values.from, values.to, locale),
    locale,
    language,
    encoding: values.encoding === undefined ? undefined : parseEncodingFlag(values.encoding),
    delimiter: values.delimiter === undefined ? undefined : parseDelimiterFlag(values.delimiter),
    sheet: values.sheet,
    json: values.json ?? false,
    html: values.html,
    health: !(values["no-health"] ?? false),
    trend:
      values["trend-threshold"] === undefined
        ? DEFAULT_TREND
        : { ...DEFAULT_TREND, threshold: parseTrendThreshold(values["trend-threshold"]) },
    lapsedFactor: values["lapsed-factor"] === undefined ? DEFAULT_LAPSED_FACTOR : parseLapsedFactor(values["lapsed-factor"]),
    lapsedCsv: values["lapsed-csv"],
    currency: values.currency === undefined ? undefined : (parseCurrency(values.currency) ?? badValue("badCurrency", values.currency)),
    color: values["no-color"] ? false : undefined,
    threads: values.threads === undefined ? undefined : parseThreads(values.threads),
  };
  return { kind: "report", options };
}

type FlagValues = ReturnType<typeof parseFlags>["values"];

function parseSqlOptions(values: FlagValues, extra: readonly string[], localeName: string, language: Language): SqlOptions {
  if (extra.length > 0) throw usageError({ key: "extraArguments", values: { value: extra.join(" ") } });
  const dialect = values.dialect ?? "bigquery";
  if (dialect !== "bigquery" && dialect !== "duckdb") throw usageError({ key: "badDialect", values: { value: dialect } });
  if (values.table === undefined || values.customer === undefined || values.date === undefined) {
    throw usageError({ key: "sqlNeedsColumns" });
  }
  const dateType = values["date-type"] ?? "text";
  if (dateType !== "text" && dateType !== "date" && dateType !== "timestamp") {
    throw usageError({ key: "badColumnType", values: { flag: "--date-type", value: dateType, allowed: "text, date, timestamp" } });
  }
  const amountType = values["amount-type"] ?? "text";
  if (amountType !== "text" && amountType !== "number") {
    throw usageError({ key: "badColumnType", values: { flag: "--amount-type", value: amountType, allowed: "text, number" } });
  }
  const locale = inputLocale(localeName, "UTC");
  return {
    dialect,
    table: values.table,
    columns: { customer: values.customer, date: values.date, amount: values.amount, manager: values.manager },
    deals: sqlDeals(values),
    statuses: { column: values["status-column"], counted: values["count-status"] ?? [] },
    initiatedBy: values["initiated-by"],
    budget: values.budget,
    contact: values.contact,
    lapsedFactor: values["lapsed-factor"] === undefined ? DEFAULT_LAPSED_FACTOR : parseLapsedFactor(values["lapsed-factor"]),
    dateType,
    amountType,
    target: values.target === undefined ? DEFAULT_TARGET : parseTarget(values.target),
    period: values.period === undefined ? "month" : parsePeriodFlag(values.period),
    withinDays: values["within-days"] === undefined ? undefined : parseWithinDays(values["within-days"]),
    window: parseWindow(values.from, values.to, locale),
    ordersStartWithBusiness: values["orders-start-with-business"] ?? false,
    timeZone: parseTimeZone(values["time-zone"]),
    locale,
    language,
  };
}

/** The deal-type column of `sql`, which cannot look for one in the data as `report` does. */
function sqlDeals(values: FlagValues): SqlOptions["deals"] {
  const exclude = values.exclude === undefined ? undefined : parseExclude(values.exclude);
  const named = values["deal-type"]?.trim();
  if (exclude !== undefined && values["keep-all-deals"]) throw usageError({ key: "excludeAndKeepAll", values: { value: values.exclude! } });
  if (exclude !== undefined && named !== undefined && named !== exclude.column) {
    throw usageError({ key: "dealTypeTwoColumns", values: { column: named, value: values.exclude! } });
  }
  if (exclude !== undefined) return { column: exclude.column, excluded: [exclude.value] };
  if (named === undefined || named === "") return undefined;
  return { column: named, excluded: values["keep-all-deals"] ? [] : undefined };
}

function parseEngine(text: string): "duckdb" {
  return text.trim().toLowerCase() === "duckdb" ? "duckdb" : badValue("badEngine", text);
}

/** An IANA zone such as Europe/Moscow; UTC when none is given. */
function parseTimeZone(text: string | undefined): string {
  if (text === undefined) return "UTC";
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: text.trim() }).resolvedOptions().timeZone;
  } catch {
    return badValue("badTimeZone", text);
  }
}

function parseExclude(text: string): { column: string; value: string } {
  const at = text.indexOf("=");
  // An empty value would leave nothing out, silently.
  if (at <= 0 || text.slice(at + 1).trim() === "") throw usageError({ key: "badExclude", values: { value: text } });
  return { column: text.slice(0, at).trim(), value: text.slice(at + 1) };
}

/** Numbers on the command line are decimal: `Number` would also read `0x40`, `1e1` or `0b1`. */
const DECIMAL_PERCENT = /^\d+(?:[.,]\d+)?\s*%?$/;

/** A percentage from 1 to 100, as in the sidebar: `67`, `67%` or `67,5`; decimal digits only. */
function parseTarget(text: string): number {
  const trimmed = text.trim();
  const percent = Number(trimmed.replace(/\s*%$/, "").replace(",", "."));
  if (!DECIMAL_PERCENT.test(trimmed) || !Number.isFinite(percent) || percent < 1 || percent > 100) {
    throw usageError({ key: "badTarget", values: { value: text } });
  }
  return percent / 100;
}

/** `15` or `15%`: a change beyond ±15 % is a trend. Decimal digits only, as for --target. */
function parseTrendThreshold(text: string): number {
  const trimmed = text.trim();
  const share = Number(trimmed.replace(/\s*%$/, "").replace(",", ".")) / 100;
  if (!DECIMAL_PERCENT.test(trimmed) || !isTrendThreshold(share))
    fail({ code: "badTrendThreshold", argument: "--trend-threshold", value: text });
  return share;
}

/** `2`, `2.5` or `2,5`: gone more than this many usual gaps. */
function parseLapsedFactor(text: string): number {
  const trimmed = text.trim();
  const factor = Number(trimmed.replace(",", "."));
  if (!/^\d+(?:[.,]\d+)?$/.test(trimmed) || !isLapsedFactor(factor)) fail({ code: "badFactor", argument: "--lapsed-factor", value: text });
  return factor;
}

/** The health check's settings would be silently ignored without it, with --no-health. */
function requireHealthFor(values: FlagValues): void {
  for (const flag of ["trend-threshold", "lapsed-factor"] as const) {
    if (values[flag] !== undefined && values["no-health"]) throw usageError({ key: "settingNeedsHealth", values: { flag: `--${flag}` } });
  }
}

function parsePeriodFlag(text: string): Period {
  return parsePeriod(text) ?? fail({ code: "unknownPeriod", argument: "--period", value: text });
}

function parseWithinDays(text: string): number {
  const days = Number(text);
  // 0 would count nobody: a second purchase is always on a later day. Decimal digits only (not 0x10).
  if (!/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(days) || days < 1) {
    fail({ code: "badWithinDays", argument: "--within-days", value: text });
  }
  return days;
}

function parseWindow(from: string | undefined, to: string | undefined, locale: InputLocale): DayWindow {
  const day = (flag: string, text: string | undefined): number | undefined => {
    if (text === undefined) return undefined;
    const parsed = parseDateText(text, locale.slashOrder) ?? fail({ code: "badDateArgument", argument: flag, value: text });
    if (!isPlausibleDay(parsed)) throw usageError({ key: "implausibleDateFlag", values: { flag, value: text } });
    return parsed;
  };
  const window: DayWindow = { start: day("--from", from), end: day("--to", to) };
  if (window.start !== undefined && window.end !== undefined && window.start > window.end) {
    fail({ code: "startAfterEnd", argument: "--from", value: from, otherArgument: "--to", otherValue: to });
  }
  return window;
}

/** One thread, or a second that counts while the first reads the file (report-command.ts). */
function parseThreads(text: string): 1 | 2 {
  const threads = text.trim();
  return threads === "1" ? 1 : threads === "2" ? 2 : badValue("badThreads", text);
}

function parseEncodingFlag(text: string): Encoding {
  return parseEncoding(text) ?? badValue("badEncoding", text);
}

function parseDelimiterFlag(text: string): number {
  return delimiterFromFlag(text) ?? badValue("badDelimiter", text);
}

/** A flag value the core's own rules reject, reported with the core's message. */
function fail(problem: Problem): never {
  throw usageError({ problem });
}

function badValue(key: "badEncoding" | "badDelimiter" | "badThreads" | "badEngine" | "badTimeZone" | "badCurrency", value: string): never {
  throw usageError({ key, values: { value } });
}
