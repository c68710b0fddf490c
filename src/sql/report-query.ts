// The report's queries, written from the report's settings: one description of the query, in
// BigQuery Standard SQL or DuckDB's dialect (dialect.ts), with the core's definitions. A purchase
// is a customer-day; a negative amount is a refund; one-off deals and statuses that are no
// purchase are left out; the judged verdict follows src/core/verdict.ts (docs/verdict.md). Every
// constant the data does not decide (the window's periods, the cohorts judged, the target) is
// worked out here by the core's own functions and written into the query.

import { FIRST_PLAUSIBLE_DAY, LAST_PLAUSIBLE_DAY, type SlashOrder } from "../core/cells";
import { dealTypeKeys } from "../core/ingest";
import type { DayWindow } from "../core/ledger";
import { periodIndex, type Period } from "../core/periods";
import { COMPLETED_STATUSES, statusKey } from "../core/statuses";
import { DEFAULT_HORIZON_DAYS, HORIZON_SHARE, VERDICT_COHORTS } from "../core/verdict";
import { CellRules, type Stage } from "./cell-rules";
import type { Dialect } from "./dialect";
import { cohortGridSelect, healthPeriodCtes, healthRunCtes, healthSelect } from "./health-query";
import { contactCtes, lapsedContactsSelect, lapsedCtes, lapsedSelect, lapsedSummarySelect } from "./lapsed-query";
import { managerCtes, managerLapsedSelect, managerNamesSelect, managerRevenueSelect, managerWalletSelect } from "./manager-query";
import { periodEndDate, periodLabel, periodOfDay, periodStartDate } from "./period-sql";
import { initiatorStages, STARTED_GROUP_COLUMNS, STARTED_ROW_COLUMNS, startedSelect, UNKNOWN_INITIATOR } from "./started-query";
import { BUDGET_GROUP_COLUMNS, BUDGET_ROW_COLUMNS, budgetStages, UNREADABLE_BUDGET, walletCtes, walletSelect } from "./wallet-query";
import { aggregateSql, type GroupAggregate, regroupedSql } from "./group-aggregate";

/** How a source column is typed: text is read by the core's rules for text cells. */
export type ColumnType = "text" | "date" | "timestamp" | "number";

export interface SourceColumn {
  /** The column's name in the table. */
  name: string;
  type: ColumnType;
}

export interface QueryColumns {
  customer: SourceColumn;
  date: SourceColumn;
  amount?: SourceColumn;
  manager?: SourceColumn;
  dealType?: SourceColumn;
  /** A status column: only the statuses counted are purchases (src/core/statuses.ts). */
  status?: SourceColumn;
  /** Who started the sale (the health check's question 7, started-query.ts): read as text. */
  initiatedBy?: SourceColumn;
  /** The customer's yearly budget (question 2, wallet-query.ts): text read as amounts are, or a number. */
  budget?: SourceColumn;
  /** The customer's email or phone (question 5's call list, lapsed-query.ts): read as text, by the contacts' statement only. */
  contact?: SourceColumn;
}

export interface ReportQuerySettings {
  /** A table by name, or (DuckDB) a relation such as `read_parquet('orders/*.parquet')`. */
  source: { table: string } | { relation: string; rowNumber?: string };
  columns: QueryColumns;
  /** Deal types left out as one-off deals, compared like customers. */
  excludeDealTypes: readonly string[];
  /** With a status column: the statuses that count (--count-status); the completed ones without. */
  countedStatuses?: readonly string[];
  target: number;
  period: Period;
  withinDays?: number;
  window: DayWindow;
  ordersStartWithBusiness: boolean;
  /** The zone a TIMESTAMP's day is taken in. */
  timeZone: string;
  /** How text dates and amounts are written (src/core/cells.ts InputLocale). */
  slashOrder: SlashOrder;
  decimalComma: boolean;
  /** Text dates are `YYYYMMDD` only. */
  compactDays?: boolean;
  /** Question 5: gone more than this many usual gaps is lapsed (DEFAULT_LAPSED_FACTOR when absent). */
  lapsedFactor?: number;
  /**
   * The rows are grouped by each order's manager too (`order_manager`), not by customer and day
   * alone: question 4's revenue credits each order's own manager (manager-query.ts). The
   * customer-days are then summed from those groups.
   */
  byOrderManager?: boolean;
  /**
   * Every cell read in its row, no value looked up: slower, but the rows keep the source's order,
   * which a join does not keep (the engine's numbering read streams them in order).
   */
  readEachRow?: boolean;
}

/** The tables of the report: the published ones are what the CLI's --json shows. */
export type ReportTable =
  | "summary"
  | "cohorts"
  | "managers"
  | "healthPeriods"
  | "cohortGrid"
  | "started"
  | "wallet"
  | "lapsedSummary"
  | "lapsed"
  | "lapsedContacts"
  | "managerRevenue"
  | "managerLapsed"
  | "managerWallet"
  | "managerNames"
  | "rowCounts"
  | "rowExamples"
  | "lost"
  | "problemRows";

/**
 * `managers` and the `manager…` tables only with a manager column, `started` only with an
 * initiated-by column, `wallet` (and `managerWallet`) only with a budget column, `lapsedContacts`
 * (the contacts of the `lapsed` list) only with a contact column.
 */
export const PUBLISHED_TABLES = [
  "summary",
  "cohorts",
  "managers",
  "healthPeriods",
  "cohortGrid",
  "started",
  "wallet",
  "lapsedSummary",
  "lapsed",
  "lapsedContacts",
  "managerRevenue",
  "managerLapsed",
  "managerWallet",
  "managerNames",
] as const satisfies readonly ReportTable[];
export type PublishedTable = (typeof PUBLISHED_TABLES)[number];

/** The tables computed from the lapsed customers' CTEs (lapsed-query.ts), and from question 2's (wallet-query.ts). */
const LAPSED_TABLES: ReadonlySet<ReportTable> = new Set(["lapsedSummary", "lapsed", "lapsedContacts", "managerLapsed"]);
export const WALLET_TABLES: ReadonlySet<ReportTable> = new Set(["wallet", "managerWallet"]);

/** Lost customers a query lists (REPORT_LIMITS.lost). */
const LOST_LISTED = 50;

export interface ReportQuery {
  /** Reading the orders, up to one row per customer (`customers`) and the rows' fates (`row_counts`). */
  readonly reading: readonly [string, string][];
  /** The figures from `customers` and `row_counts`. */
  readonly figures: readonly [string, string][];
  /** The health check's runs of purchases and periods, from `customer_days`, `customers` and `data_span` (health-query.ts). */
  readonly health: readonly [string, string][];
  /** Question 5's lapsed customers, from the same (lapsed-query.ts). */
  readonly lapsed: readonly [string, string][];
  /** The lapsed customers' contacts, from `fated` and `lapsed_stakes` (lapsed-query.ts). */
  readonly contacts: readonly [string, string][];
  /** Question 2's share of wallet, from the same (wallet-query.ts). */
  readonly wallet: readonly [string, string][];
  /** Question 4's revenue of each manager's existing customers, from `fated` and `customers` (manager-query.ts). */
  readonly managerRevenue: readonly [string, string][];
  /** The final SELECT of a table, over the CTEs above. */
  select(table: ReportTable): string;
  /** One statement that computes a table from the orders. */
  statement(table: ReportTable): string;
}

export function withClause(ctes: readonly (readonly [string, string])[]): string {
  return `WITH\n${ctes.map(([name, body]) => `${name} AS (\n${indent(body)}\n)`).join(",\n")}\n`;
}

function indent(text: string): string {
  return text.replace(/^/gm, "  ");
}

export function reportQuery(settings: ReportQuerySettings, sql: Dialect): ReportQuery {
  const reading = readingCtes(settings, sql);
  const figures = figureCtes(settings, sql);
  const healthRuns = healthRunCtes(settings, sql);
  const health = [...healthRuns, ...healthPeriodCtes(settings, sql)];
  const lapsed = lapsedCtes(settings.lapsedFactor, sql);
  const contacts = contactCtes(new CellRules(sql), sql);
  const wallet = walletCtes(sql);
  const managerRevenue = managerCtes(settings, sql);
  const select = (table: ReportTable): string => {
    switch (table) {
      case "healthPeriods":
        return healthSelect(settings, sql);
      case "cohortGrid":
        return cohortGridSelect(settings, sql);
      default:
        return finalSelect(table, settings, sql);
    }
  };
  // Each statement carries only the CTEs its table reads (periods, lapsed customers, wallets,
  // managers' revenue): the others stay as short as they were.
  const ctes = (table: ReportTable): [string, string][] => [
    ...reading,
    ...figures,
    ...(table === "healthPeriods" ? health : table === "cohortGrid" ? healthRuns : []),
    ...(LAPSED_TABLES.has(table) ? lapsed : []),
    ...(table === "lapsedContacts" ? contacts : []),
    ...(WALLET_TABLES.has(table) ? wallet : []),
    ...(table === "managerRevenue" ? managerRevenue : []),
  ];
  const statement = (table: ReportTable): string => withClause(ctes(table)) + select(table);
  return { reading, figures, health, lapsed, contacts, wallet, managerRevenue, select, statement };
}

// ── Reading: cells → fates → customers ───────────────────────────────────────────────────────

const FIGURE_FIELDS = ["customer", "date", "amount", "dealType", "status"] as const;
const ALL_FIELDS = ["customer", "date", "amount", "manager", "dealType", "status"] as const;
/** Read besides the order's columns, never making a row blank or skipped: the health check's own. */
const DETAIL_FIELDS = ["initiatedBy", "budget"] as const;
type ColumnField = (typeof ALL_FIELDS)[number] | (typeof DETAIL_FIELDS)[number];
/**
 * The source's types read as they are: a date's DATE or TIMESTAMP, an amount's or budget's
 * number. Every other column, and these of any other type (a date stored as the number 20240105,
 * an amount as a DATE), is read as text, as a sheet's cell would be.
 */
const TYPED_AS: Partial<Record<ColumnField, readonly ColumnType[]>> = {
  date: ["date", "timestamp"],
  amount: ["number"],
  budget: ["number"],
};

/** What `ingestOrders` made of a row besides an order, with the column it names. */
export const PROBLEM_FATES = ["errorValue", "missingCustomer", "missingDate", "badDate", "implausibleDate", "badAmount"] as const;

/**
 * Columns read once per distinct value (dictionaryOf), each row then taking its value's results.
 * Names too where the dialect numbers them (DuckDB): looking a row's name up costs more than
 * reading it, but the dictionary numbers the customers and managers, and every later grouping
 * and join on an integer instead of a name is what makes DuckDB fast (bench/RESULTS.md).
 */
const DICTIONARY_FIELDS = ["date", "amount", "customer", "manager", "initiatedBy", "budget"] as const;
type DictionaryField = (typeof DICTIONARY_FIELDS)[number];
const NAME_FIELDS: ReadonlySet<DictionaryField> = new Set(["customer", "manager"]);

/**
 * How names are numbered: by the dialect, over the dictionaries of names; none when the rows are
 * read each in its own row (the numbering read) or the dialect keeps names as they are (BigQuery).
 * Without it a name's "number" is the name itself.
 */
function numberingOf(settings: ReportQuerySettings, sql: Dialect): ((expr: string) => string) | undefined {
  return settings.readEachRow ? undefined : sql.orderedId;
}

function readingCtes(settings: ReportQuerySettings, sql: Dialect): [string, string][] {
  const rules = new CellRules(sql);
  const { columns } = settings;
  const present = ALL_FIELDS.filter((field) => columns[field] !== undefined);
  const read: ColumnField[] = [...present, ...DETAIL_FIELDS.filter((field) => columns[field] !== undefined)];
  const isText = (field: ColumnField): boolean => {
    const type = columns[field]?.type;
    return type !== undefined && !(TYPED_AS[field] ?? []).includes(type);
  };
  // Where the source numbers its rows (the engine's second read, for the skipped rows' numbers).
  const rowNumber = "relation" in settings.source ? settings.source.rowNumber : undefined;
  const cells: Stage = [
    ...read.map((field): [string, string] => {
      const column = sql.identifier(columns[field]!.name);
      return [`${field}_cell`, isText(field) ? sql.asText(column) : column];
    }),
    ...(rowNumber === undefined ? [] : [["source_row", rowNumber] as const]),
    // As it is: only the contacts' statement reads it (contactCtes), for the lapsed customers' rows.
    ...(columns.contact === undefined ? [] : [["contact_cell", sql.identifier(columns.contact.name)] as const]),
  ];
  const numbering = numberingOf(settings, sql);
  const dictionaries = settings.readEachRow
    ? []
    : DICTIONARY_FIELDS.filter(
        (field) => columns[field] !== undefined && isText(field) && (numbering !== undefined || !NAME_FIELDS.has(field)),
      );
  const inDictionary = (field: ColumnField): boolean => (dictionaries as readonly string[]).includes(field);
  const textBlank = (field: ColumnField): string => (isText(field) ? `${field}_text = ''` : `${field}_cell IS NULL`);
  // A dictionary says whether its value is blank: a flag joined back costs less than a text.
  const blank = (field: ColumnField): string => (inDictionary(field) ? `${field}_blank` : textBlank(field));
  const error = (field: ColumnField): string => (isText(field) ? rules.isSheetError(`${field}_text`) : "FALSE");
  // Names are numbered over a dictionary only: over every row a numbering would sort them all.
  const numbered = (field: ColumnField, expr: string): string => (numbering !== undefined && inDictionary(field) ? numbering(expr) : expr);
  // The name tidied for display, and the key (customerKey: quotation marks read as spaces too).
  const customerStages: Stage[] = [
    [
      ["customer_blank", textBlank("customer")],
      ["customer_name", rules.tidy("customer_text")],
    ],
    [["customer_key", rules.key("customer_text")]],
    [
      ["customer_id", numbered("customer", "customer_key")],
      ["name_order", numbered("customer", "customer_name")],
    ],
  ];
  const noManager = `CAST(NULL AS ${sql.integer})`;
  const managerStages: Stage[] = columns.manager
    ? [
        [
          ["manager_blank", textBlank("manager")],
          ["manager_name", rules.tidy("manager_text")],
        ],
        // One manager whatever the case of their name, as in ManagerNames (src/core/manager-names.ts).
        [["manager_key", rules.key("manager_text")]],
        [["manager_order", numbered("manager", "manager_key")]],
      ]
    : [
        [
          ["manager_blank", "TRUE"],
          ["manager_name", "''"],
          ["manager_order", noManager],
        ],
      ];
  const namesByNumber = (field: "customer" | "manager", order: string, alias: string, from = `${field}_values`): string =>
    `SELECT ${order}, MIN(${field}_name) AS ${alias}\nFROM ${from}\nGROUP BY ${order}`;
  const valueStages: Record<DictionaryField, Stage[]> = {
    date: [[["date_blank", textBlank("date")]], ...dayStages(settings, sql, rules)],
    amount: [[["amount_blank", columns.amount ? textBlank("amount") : "TRUE"]], ...amountStages(settings, sql, rules)],
    customer: customerStages,
    manager: managerStages,
    initiatedBy: initiatorStages(rules, sql),
    budget: budgetStages(!isText("budget"), textBlank("budget"), settings.decimalComma, rules, sql),
  };
  // A value is checked for a sheet error only where the rows take that from the dictionary.
  const errorStage = (field: DictionaryField): Stage[] =>
    dictionaryOutputs(field).includes(`${field}_error`) ? [[[`${field}_error`, error(field)]]] : [];
  const dictionaryCtes = dictionaries.flatMap((field) =>
    dictionaryOf(field, [[[`${field}_text`, rules.trim(`${field}_cell`)]], ...errorStage(field), ...valueStages[field]]),
  );
  const perRow = read.filter((field) => !inDictionary(field));
  const trimmed: Stage = perRow.filter(isText).map((field) => [`${field}_text`, rules.trim(`COALESCE(${field}_cell, '')`)]);
  const readHere = (field: DictionaryField): Stage[] => (inDictionary(field) ? [] : valueStages[field]);
  const keys: Stage = [
    ["deal_key", columns.dealType ? rules.key("dealType_text") : "''"],
    ["status_key", columns.status ? rules.statusKey("status_text") : "''"],
    ["status_label", columns.status ? rules.tidy("status_text") : "''"],
    ["all_blank", present.map(blank).join(" AND ")],
    ...FIGURE_FIELDS.filter((field) => columns[field] && !inDictionary(field)).map((field): [string, string] => [
      `${field}_error`,
      error(field),
    ]),
  ];
  const detailStages = DETAIL_FIELDS.filter((field) => columns[field] !== undefined).flatMap(readHere);
  const stages: Stage[] = [
    trimmed,
    ...readHere("customer"),
    ...readHere("manager"),
    keys,
    ...readHere("date"),
    ...readHere("amount"),
    ...detailStages,
  ];
  // `SELECT *, … AS name` with a name already taken gives two columns of that name, silently.
  const aliases = [...[cells, ...stages].flat().map(([alias]) => alias), ...dictionaries.flatMap(dictionaryOutputs)];
  const repeated = aliases.find((alias, at) => aliases.indexOf(alias) !== at);
  if (repeated !== undefined) throw new Error(`the query names ${repeated} twice`);
  const rows = dictionaries.length > 0 ? "valued" : "cells";
  const started = columns.initiatedBy !== undefined;
  const budget = columns.budget !== undefined;
  const byManager = settings.byOrderManager === true && columns.manager !== undefined;
  const staged = stagedCtes("read", rows, stages);
  return [
    ["cells", `SELECT\n  ${cells.map(([alias, expr]) => `${expr} AS ${alias}`).join(",\n  ")}\nFROM ${sourceOf(settings, sql)}`],
    ...dictionaryCtes,
    ...(dictionaries.length > 0 ? [["valued", valuedRows(dictionaries)] as [string, string]] : []),
    ...staged,
    ["read_rows", `SELECT * FROM ${staged.length === 0 ? rows : `read_${staged.length}`}`],
    ["fated", fatedRows(settings, sql)],
    ["row_groups", rowGroups({ started, budget, byManager })],
    ["row_counts", rowCounts()],
    ["customer_days", customerDays({ started, budget, byManager })],
    ...customerFactCtes(settings, sql),
    // Each name's text by its number: looked up for the few customers and managers a table names.
    ...(numbering === undefined ? [] : [["customer_names", namesByNumber("customer", "name_order", "name")] as [string, string]]),
    // A manager's spellings (case aside) are shown as the one that sorts first, as the core shows them.
    ...(columns.manager
      ? [
          [
            "manager_names",
            namesByNumber("manager", "manager_order", "manager", inDictionary("manager") ? "manager_values" : "read_rows"),
          ] as [string, string],
        ]
      : []),
  ];
}

/** Stages as CTEs `prefix_1` …, each adding its columns to those of the one before (the first to `from`'s). */
function stagedCtes(prefix: string, from: string, stages: readonly Stage[]): [string, string][] {
  return stages
    .filter((stage) => stage.length > 0)
    .map((stage, at): [string, string] => [
      `${prefix}_${at + 1}`,
      `SELECT\n  *,\n  ${stage.map(([alias, expr]) => `${expr} AS ${alias}`).join(",\n  ")}\nFROM ${at === 0 ? from : `${prefix}_${at}`}`,
    ]);
}

/**
 * A column's cells read once per distinct value, not once per row: a log of 20 M rows holds a
 * few thousand dates, tens of thousands of amounts and a customer per five rows, and reading a
 * cell (trimming, patterns, parsing) costs more than looking its value up. `field_values` holds
 * each value (`field_cell`, blank for none) with what the stages make of it.
 */
function dictionaryOf(field: DictionaryField, stages: readonly Stage[]): [string, string][] {
  const prefix = `${field}_value`;
  const staged = stagedCtes(prefix, `${field}_distinct`, stages);
  const outputs = dictionaryOutputs(field);
  return [
    [`${field}_distinct`, `SELECT DISTINCT COALESCE(${field}_cell, '') AS ${field}_cell\nFROM cells`],
    ...staged,
    [`${field}_values`, `SELECT ${field}_cell, ${outputs.join(", ")}\nFROM ${prefix}_${staged.length}`],
  ];
}

/** What a row takes from its value's line in the dictionary. */
function dictionaryOutputs(field: DictionaryField): string[] {
  switch (field) {
    case "date":
      return ["date_blank", "date_error", "day"];
    case "amount":
      return ["amount_blank", "amount_error", "amount"];
    case "customer":
      return ["customer_blank", "customer_error", "customer_name", "customer_id", "name_order"];
    case "manager":
      return ["manager_blank", "manager_name", "manager_order"];
    case "initiatedBy":
      return ["initiator"];
    case "budget":
      return ["budget_value", "budget_unread"];
  }
}

/** Each row with what its values' dictionaries say of them. */
function valuedRows(fields: readonly DictionaryField[]): string {
  const taken = fields.flatMap((field) => dictionaryOutputs(field).map((output) => `${field}_v.${output}`));
  const joins = fields.map((field) => `JOIN ${field}_values AS ${field}_v ON ${field}_v.${field}_cell = COALESCE(r.${field}_cell, '')`);
  return [`SELECT r.*, ${taken.join(", ")}`, "FROM cells AS r", ...joins].join("\n");
}

function sourceOf(settings: ReportQuerySettings, sql: Dialect): string {
  return "table" in settings.source ? sql.table(settings.source.table) : settings.source.relation;
}

/** The day of each row (`day`, NULL when none can be read): a typed date's, or a text date's parts. */
function dayStages(settings: ReportQuerySettings, sql: Dialect, rules: CellRules): Stage[] {
  const { type } = settings.columns.date;
  if (type === "date") return [[["day", `${sql.epochDay("date_cell")}`]]];
  if (type === "timestamp") return [[["day", sql.epochDay(sql.dateInZone("date_cell", settings.timeZone))]]];
  const stages = rules.dateStages("date_text", settings.slashOrder, settings.compactDays === true);
  const asInteger = (part: string): string => `CAST(NULLIF(${part}, '') AS ${sql.integer})`;
  const integers: Stage = stages[stages.length - 1]!.map(([alias, expr]) => [alias, asInteger(expr)]);
  const valid = rules.validCivil("date_year", "date_month", "date_day");
  return [
    ...stages.slice(0, -1),
    integers,
    [["day", `CASE WHEN ${valid} THEN ${sql.epochDay(sql.makeDate("date_year", "date_month", "date_day"))} END`]],
  ];
}

/** The amount of each row (`amount`): 0 when blank, NULL when it is no finite number. */
function amountStages(settings: ReportQuerySettings, sql: Dialect, rules: CellRules): Stage[] {
  const amount = settings.columns.amount;
  if (amount === undefined) return [[["amount", "0"]]];
  const read: Stage[] =
    amount.type === "number"
      ? [[["amount_read", `CAST(amount_cell AS ${sql.float})`]]]
      : [...rules.amountStages("amount_text", settings.decimalComma), [["amount_read", sql.tryDouble("NULLIF(amount_number, '')")]]];
  return [...read, [["amount", `CASE WHEN amount_blank THEN 0 WHEN ${sql.isFinite("amount_read")} THEN amount_read END`]]];
}

/** What `ingestOrders` makes of each row, in its order of checks. */
function fatedRows(settings: ReportQuerySettings, sql: Dialect): string {
  const { columns } = settings;
  const errorFields = FIGURE_FIELDS.filter((field) => columns[field]);
  const anyError = errorFields.map((field) => `${field}_error`).join(" OR ");
  const errorColumn = `CASE ${errorFields.map((field) => `WHEN ${field}_error THEN '${field}'`).join(" ")} END`;
  const plausible = `day BETWEEN ${FIRST_PLAUSIBLE_DAY} AND ${LAST_PLAUSIBLE_DAY}`;
  const excludedKeys = [...(dealTypeKeys(settings.excludeDealTypes) ?? [])];
  const excluded = columns.dealType && excludedKeys.length > 0 ? `deal_key IN (${excludedKeys.map(sql.text).join(", ")})` : "FALSE";
  const orError = (fate: string): string => `CASE WHEN ${anyError} THEN 'errorValue' ELSE ${fate} END`;
  const statusSteps = columns.status
    ? [
        `WHEN ${anyError} THEN 'errorValue'`,
        `WHEN status_key <> '' AND status_key NOT IN (${countedKeys(settings).map(sql.text).join(", ")}) THEN 'leftOut'`,
        "WHEN status_key = '' AND NOT all_blank THEN 'continuation'",
      ]
    : [];
  const fate = [
    "CASE",
    ...statusSteps,
    `WHEN customer_blank THEN ${orError("CASE WHEN all_blank THEN 'blank' ELSE 'missingCustomer' END")}`,
    `WHEN day IS NULL OR NOT (${plausible}) THEN ${orError("CASE WHEN day IS NOT NULL THEN 'implausibleDate' WHEN date_blank THEN 'missingDate' ELSE 'badDate' END")}`,
    `WHEN ${excluded} THEN ${orError("'excluded'")}`,
    `WHEN amount IS NULL THEN ${orError("'badAmount'")}`,
    `WHEN ${anyError} THEN 'errorValue'`,
    "ELSE 'order' END",
  ].join("\n    ");
  // The value a skipped row's message quotes: the customer for a missing date, as the core does.
  // Made only for the few rows that are no order: a number or a date written as text costs.
  const amountValue = columns.amount ? sql.asText("amount_cell") : "''";
  const errorValue = `CASE ${errorFields.map((field) => `WHEN ${field}_error THEN ${sql.asText(`${field}_cell`)}`).join(" ")} END`;
  const example = `CASE fate WHEN 'order' THEN NULL WHEN 'missingDate' THEN customer_name WHEN 'badAmount' THEN ${amountValue} WHEN 'missingCustomer' THEN '' WHEN 'errorValue' THEN ${errorValue} ELSE ${sql.asText("date_cell")} END`;
  const fateColumn = `CASE WHEN fate = 'errorValue' THEN ${errorColumn} WHEN fate = 'missingCustomer' THEN 'customer' WHEN fate IN ('missingDate', 'badDate', 'implausibleDate') THEN 'date' WHEN fate = 'badAmount' THEN 'amount' ELSE '' END`;
  return [
    `SELECT * REPLACE (CASE WHEN fate = 'leftOut' THEN status_label ELSE '' END AS status_label),`,
    `  ${fateColumn} AS fate_column, ${example} AS fate_value FROM (`,
    `  SELECT *, ${fate} AS fate`,
    "  FROM read_rows",
    ") AS rows_with_fate",
  ].join("\n");
}

function countedKeys(settings: ReportQuerySettings): string[] {
  const named = (settings.countedStatuses ?? []).map(statusKey).filter((key) => key !== "");
  return named.length > 0 ? [...new Set(named)] : [...COMPLETED_STATUSES];
}

/**
 * The rows read once and grouped: an order by its customer and day, since a purchase is a
 * customer-day; every other row by its fate, column and status as well (`other_key`, NULL for
 * orders alone, so the two kinds of group never meet). One grouping of plain keys costs DuckDB a
 * quarter of grouping sets or a fate in every key, and the columns are taken as they are, not
 * set apart for orders, which cost it a tenth more. Refunds (negative amounts) are no purchase
 * but lower the day's amount; the day's manager is one named on a purchase, the one that sorts
 * first (ledger.ts: a named manager beats a blank one). Names are kept as their numbers: a text
 * kept for each of millions of groups, if only a NULL, cost some 40 % of the grouping's time.
 */
function rowGroups(details: RowDetails): string {
  const more = (columns: readonly string[]): string[] => columns.map((column) => `  ${column},`);
  const byManager = details.byManager ? ", order_manager" : "";
  return [
    `SELECT customer_id, day, other_key${byManager},`,
    `  ${groupColumns(details).map(aggregateSql).join(",\n  ")}`,
    "FROM (",
    "  SELECT customer_id, day, amount, name_order,",
    ...more(detailColumns(details, STARTED_ROW_COLUMNS, BUDGET_ROW_COLUMNS)).map((column) => `  ${column}`),
    ...(details.byManager ? ["    CASE WHEN NOT manager_blank THEN manager_order END AS order_manager,"] : []),
    "    CASE WHEN fate <> 'order' THEN CONCAT(fate, '|', fate_column, '|', status_label) END AS other_key,",
    "    CASE WHEN amount >= 0 AND NOT manager_blank THEN manager_order END AS purchase_manager",
    "  FROM fated",
    ") AS keyed",
    `GROUP BY customer_id, day, other_key${byManager}`,
  ].join("\n");
}

/** What a grouping of rows keeps besides its key: the health check's columns only where the orders have them. */
interface RowDetails {
  started: boolean;
  budget: boolean;
  byManager: boolean;
}

/** Question 7's columns only with an initiated-by column, question 2's only with a budget column: each costs the grouping time. */
function detailColumns<T>(details: RowDetails, started: readonly T[], budget: readonly T[]): T[] {
  return [...(details.started ? started : []), ...(details.budget ? budget : [])];
}

/** The aggregates of a group of rows: the health check's after the order's. */
function groupColumns(details: RowDetails): GroupAggregate[] {
  return [
    { fn: "COUNT", of: "*", name: "row_count" },
    { fn: "SUM", of: "CASE WHEN amount < 0 THEN 1 ELSE 0 END", name: "refund_rows" },
    { fn: "SUM", of: "CASE WHEN amount < 0 THEN amount ELSE 0 END", name: "refund_amount" },
    { fn: "SUM", of: "amount", name: "day_amount" },
    { fn: "MIN", of: "purchase_manager", name: "day_manager" },
    { fn: "MIN", of: "name_order", name: "name_order" },
    ...detailColumns(details, STARTED_GROUP_COLUMNS, BUDGET_GROUP_COLUMNS),
  ];
}

/**
 * An order's customer and day, from its group of rows; where the rows are grouped by their
 * managers too, from those groups, each aggregate taken again over them (a count summed).
 */
function customerDays(details: RowDetails): string {
  const columns = groupColumns(details);
  const names = columns.map(({ name }) => name);
  const regrouped = columns.map(regroupedSql);
  const groups = details.byManager
    ? `(\n  SELECT customer_id, day,\n    ${regrouped.join(",\n    ")}\n  FROM row_groups\n  WHERE other_key IS NULL\n  GROUP BY customer_id, day\n) AS days`
    : "row_groups\nWHERE other_key IS NULL";
  // An order's amount is never NULL: every row of the day is a purchase or a refund.
  return `SELECT customer_id, day, row_count - refund_rows AS purchases, ${names.filter((name) => name !== "row_count").join(", ")}\nFROM ${groups}`;
}

/** The rows by fate, column and status (from the key `rowGroups` made of them), and the orders. */
function rowCounts(): string {
  const before = (text: string): string => `SUBSTR(${text}, 1, STRPOS(${text}, '|') - 1)`;
  const after = (text: string): string => `SUBSTR(${text}, STRPOS(${text}, '|') + 1)`;
  return [
    `SELECT ${before("other_key")} AS fate, ${before("rest")} AS fate_column, ${after("rest")} AS status_label,`,
    "  row_count",
    `FROM (SELECT other_key, ${after("other_key")} AS rest, SUM(row_count) AS row_count`,
    "  FROM row_groups WHERE other_key IS NOT NULL GROUP BY other_key) AS fates",
    "UNION ALL",
    "SELECT 'order', '', '', SUM(row_count) FROM row_groups WHERE other_key IS NULL",
  ].join("\n");
}

/**
 * Each customer's facts from their days. Where the dialect takes a group's smallest values and
 * the value at the smallest (DuckDB), in one aggregate; else (BigQuery) each day is judged
 * against the customer's first purchase day, found by a first aggregate and joined back: on
 * 20 M customer-days DuckDB took 13.4 s for that form and 7.3 s for the single aggregate.
 */
function customerFactCtes(settings: ReportQuerySettings, sql: Dialect): [string, string][] {
  const { smallest, valueAtSmallest } = sql;
  if (smallest === undefined || valueAtSmallest === undefined) {
    const firsts = "SELECT customer_id, MIN(day) AS first_day\nFROM customer_days\nWHERE purchases > 0\nGROUP BY customer_id";
    const facts = customerFacts(settings, {
      firstDay: "MIN(first_day)",
      secondDay: "MIN(CASE WHEN purchases > 0 AND day > first_day THEN day END)",
      firstDayAmount: "SUM(CASE WHEN day = first_day THEN day_amount ELSE 0 END)",
      firstDayManager: "MIN(CASE WHEN day = first_day THEN day_manager END)",
      // Refund-only customers have no first day: no purchase, no customer.
      from: "customer_days LEFT JOIN customer_firsts USING (customer_id)",
    });
    return [
      ["customer_firsts", firsts],
      ["customers", facts],
    ];
  }
  // A customer's days are one row each, so the value at their first purchase day is that day's.
  const purchaseDay = "CASE WHEN purchases > 0 THEN day END";
  const facts = customerFacts(settings, {
    firstDay: "first_days[1]",
    secondDay: "first_days[2]",
    firstDayAmount: `COALESCE(${valueAtSmallest("day_amount", purchaseDay)}, 0)`,
    firstDayManager: valueAtSmallest("day_manager", purchaseDay),
    from: "customer_days",
    firstDays: smallest(purchaseDay, 2),
  });
  return [["customers", facts]];
}

interface FirstDayFacts {
  firstDay: string;
  secondDay: string;
  firstDayAmount: string;
  firstDayManager: string;
  from: string;
  /** The customer's first purchase days, as a list the first and second day are read from. */
  firstDays?: string;
}

function customerFacts(settings: ReportQuerySettings, first: FirstDayFacts): string {
  const days: [string, string][] = [
    [first.firstDay, "first_day"],
    [first.secondDay, "second_day"],
  ];
  const others: [string, string][] = [
    ["MAX(CASE WHEN purchases > 0 THEN day END)", "last_day"],
    [first.firstDayAmount, "first_day_amount"],
    ["SUM(day_amount)", "total_amount"],
    [`SUM(CASE WHEN ${windowCondition("day", settings.window)} THEN day_amount ELSE 0 END)`, "window_amount"],
    ["SUM(refund_rows)", "refund_rows"],
    ["SUM(refund_amount)", "refund_amount"],
    // Question 5's repeat customers: their days with a purchase (lapsed-query.ts).
    ["SUM(CASE WHEN purchases > 0 THEN 1 ELSE 0 END)", "purchase_days"],
    [first.firstDayManager, "manager_order"],
    ["MIN(name_order)", "name_order"],
  ];
  const columns = (list: readonly [string, string][]): string => list.map(([expr, alias]) => `${expr} AS ${alias}`).join(",\n  ");
  const grouped = (list: readonly [string, string][]): string =>
    ["SELECT customer_id,", `  ${columns(list)}`, `FROM ${first.from}`, "GROUP BY customer_id"].join("\n");
  if (first.firstDays === undefined) return grouped([...days, ...others]);
  const aliases = others.map(([, alias]) => alias);
  return [
    `SELECT customer_id, ${[...days.map(([expr, alias]) => `${expr} AS ${alias}`), ...aliases].join(", ")}`,
    `FROM (\n${indent(grouped([[first.firstDays, "first_days"], ...others]))}\n) AS facts`,
  ].join("\n");
}

function windowCondition(day: string, window: DayWindow): string {
  const bounds = [
    `${day} IS NOT NULL`,
    ...(window.start === undefined ? [] : [`${day} >= ${window.start}`]),
    ...(window.end === undefined ? [] : [`${day} <= ${window.end}`]),
  ];
  return bounds.join(" AND ");
}

// ── Figures: the horizon, the verdict's span, the cohorts ────────────────────────────────────

function figureCtes(settings: ReportQuerySettings, sql: Dialect): [string, string][] {
  const { period, window } = settings;
  const period_ = (day: string): string => periodOfDay(day, period, sql);
  const windowFirst = window.start === undefined ? undefined : periodIndex(window.start, period);
  const windowLast = window.end === undefined ? undefined : periodIndex(window.end, period);
  // verdictSpan: the first period's customers may be older than the data, unless the window starts later.
  const leftOut = settings.ordersStartWithBusiness ? "FALSE" : windowFirst === undefined ? "TRUE" : `${windowFirst} <= first_data_period`;
  const afterLeftOut = "CASE WHEN left_out THEN first_data_period + 1 ELSE first_data_period END";
  const earliest = windowFirst === undefined ? afterLeftOut : `GREATEST(${afterLeftOut}, ${windowFirst})`;
  const last = windowLast === undefined ? "latest_judgeable" : `LEAST(latest_judgeable, ${windowLast})`;
  const returnedWithin = settings.withinDays === undefined ? "second_day IS NOT NULL" : `second_day - first_day <= ${settings.withinDays}`;
  const manager = managerByOrder(settings, "c");
  return [
    [
      "data_span",
      "SELECT MIN(first_day) AS earliest_day, MAX(last_day) AS latest_day, COUNT(*) AS customers\nFROM customers\nWHERE first_day IS NOT NULL",
    ],
    ["horizon", horizon(settings, sql)],
    [
      "periods",
      [
        "SELECT *,",
        `  ${period_("earliest_day")} AS first_data_period,`,
        // latestJudgeablePeriod: the last period ending at least H days before the latest day.
        `  ${period_("latest_day - horizon_days + 1")} - 1 AS latest_judgeable`,
        "FROM data_span CROSS JOIN horizon",
      ].join("\n"),
    ],
    [
      "verdict_span",
      [
        `SELECT *, GREATEST(earliest_period, last_period - ${VERDICT_COHORTS[period] - 1}) AS span_first, last_period AS span_last`,
        `FROM (SELECT *, ${earliest} AS earliest_period, ${last} AS last_period`,
        `  FROM (SELECT *, ${leftOut} AS left_out FROM periods) AS placed) AS spanned`,
      ].join("\n"),
    ],
    [
      "window_customers",
      [
        `SELECT c.customer_id, c.name_order, ${manager.column} AS manager, c.first_day, c.total_amount,`,
        `  ${period_("c.first_day")} AS period_index,`,
        `  COALESCE(${returnedWithin}, FALSE) AS returned,`,
        "  COALESCE(second_day - first_day <= v.horizon_days, FALSE) AS returned_in_time,",
        "  c.first_day + v.horizon_days <= v.latest_day AS had_time",
        "FROM customers AS c CROSS JOIN verdict_span AS v",
        ...manager.join,
        `WHERE ${windowCondition("c.first_day", window)}`,
      ].join("\n"),
    ],
    [
      "cohort_rows",
      [
        "SELECT period_index, COUNT(*) AS new_customers,",
        "  SUM(CASE WHEN returned THEN 1 ELSE 0 END) AS returned,",
        "  SUM(CASE WHEN returned_in_time THEN 1 ELSE 0 END) AS returned_in_time",
        "FROM window_customers",
        "GROUP BY period_index",
      ].join("\n"),
    ],
    [
      "window_gaps",
      "SELECT second_day - first_day AS gap, COUNT(*) AS n\nFROM customers\n" +
        `WHERE second_day IS NOT NULL AND ${windowCondition("first_day", window)}\nGROUP BY second_day - first_day`,
    ],
  ];
}

/** The name of the manager `table.manager_order` (their number, or without numbering their key). */
function managerByOrder(settings: ReportQuerySettings, table: string): { column: string; join: string[] } {
  if (settings.columns.manager === undefined) return { column: "''", join: [] };
  return { column: "COALESCE(m.manager, '')", join: [`LEFT JOIN manager_names AS m ON m.manager_order = ${table}.manager_order`] };
}

/** The name of the customer `table.name_order`: looked up by number where names are numbered. */
function nameByOrder(settings: ReportQuerySettings, sql: Dialect, table: string): { column: string; join: string[] } {
  if (numberingOf(settings, sql) === undefined) return { column: `${table}.name_order`, join: [] };
  return { column: "n.name", join: [`JOIN customer_names AS n ON n.name_order = ${table}.name_order`] };
}

/** H: `withinDays`, else the nearest-rank 80th percentile of days to a second purchase over all the data. */
function horizon(settings: ReportQuerySettings, sql: Dialect): string {
  if (settings.withinDays !== undefined) return `SELECT ${settings.withinDays} AS horizon_days, 'withinDays' AS horizon_source`;
  const rank = `GREATEST(1, CEIL(${sql.double(HORIZON_SHARE)} * total))`;
  return [
    `SELECT COALESCE(MIN(CASE WHEN upto >= ${rank} THEN gap END), ${DEFAULT_HORIZON_DAYS}) AS horizon_days,`,
    "  CASE WHEN COUNT(*) > 0 THEN 'returns' ELSE 'default' END AS horizon_source",
    "FROM (SELECT gap, SUM(n) OVER (ORDER BY gap) AS upto, SUM(n) OVER () AS total",
    "  FROM (SELECT second_day - first_day AS gap, COUNT(*) AS n FROM customers WHERE second_day IS NOT NULL GROUP BY second_day - first_day) AS gaps",
    ") AS ranked",
  ].join("\n");
}

// ── The tables ───────────────────────────────────────────────────────────────────────────────

const JUDGED = "(period_index BETWEEN span_first AND span_last)";

function finalSelect(table: Exclude<ReportTable, "healthPeriods" | "cohortGrid">, settings: ReportQuerySettings, sql: Dialect): string {
  const target = sql.double(settings.target);
  switch (table) {
    case "cohorts":
      return [
        "SELECT period_index,",
        `  ${periodLabel("period_index", settings.period, sql)} AS period,`,
        `  ${periodStartDate("period_index", settings.period, sql)} AS period_start,`,
        `  ${periodEndDate("period_index", settings.period, sql)} AS period_end,`,
        "  new_customers, returned, returned_in_time,",
        `  ${sql.divide("returned", "new_customers")} AS rate,`,
        `  ${sql.divide("returned_in_time", "new_customers")} AS rate_in_time,`,
        "  period_index > latest_judgeable AS too_early,",
        `  ${JUDGED} AS judged,`,
        `  period_index <= latest_judgeable AND ${sql.divide("returned_in_time", "new_customers")} < ${target} AS below_target`,
        "FROM cohort_rows CROSS JOIN verdict_span",
        "ORDER BY period_index",
      ].join("\n");
    case "managers":
      return [
        "SELECT manager, COUNT(*) AS new_customers,",
        "  SUM(CASE WHEN returned_in_time THEN 1 ELSE 0 END) AS returned,",
        `  ${sql.divide("SUM(CASE WHEN returned_in_time THEN 1 ELSE 0 END)", "COUNT(*)")} AS rate,`,
        `  ${sql.divide("SUM(CASE WHEN returned_in_time THEN 1 ELSE 0 END)", "COUNT(*)")} < ${target} AS below_target`,
        "FROM window_customers CROSS JOIN verdict_span",
        `WHERE ${JUDGED}`,
        "GROUP BY manager",
        "ORDER BY new_customers DESC, manager",
      ].join("\n");
    case "summary":
      return summarySelect(settings, sql);
    case "rowCounts":
      return "SELECT * FROM row_counts ORDER BY fate, fate_column, status_label";
    case "rowExamples":
      // Apart from the counts, read again only when some row was skipped: a text kept in every
      // customer-day's group, if only a NULL, cost the grouping some 40 % of its time.
      return [
        "SELECT fate, fate_column, MIN(fate_value) AS example, MAX(fate_value) AS other_example",
        "FROM fated",
        `WHERE fate IN (${PROBLEM_FATES.map(sql.text).join(", ")})`,
        "GROUP BY fate, fate_column",
      ].join("\n");
    case "problemRows":
      return problemRowsSelect(settings, sql);
    case "started":
      return startedSelect(sql);
    case "lapsedSummary":
      return lapsedSummarySelect({ hasAmounts: settings.columns.amount !== undefined }, sql);
    case "lapsed":
      return lapsedSelect(
        {
          name: nameByOrder(settings, sql, "c"),
          manager: managerByOrder(settings, "l"),
          hasAmounts: settings.columns.amount !== undefined,
        },
        sql,
      );
    case "lapsedContacts":
      return lapsedContactsSelect({ name: nameByOrder(settings, sql, "c") });
    case "wallet":
      return walletSelect(sql);
    case "managerRevenue":
      return managerRevenueSelect(settings, managerByOrder(settings, "r"), sql);
    case "managerNames":
      return managerNamesSelect(managerByOrder(settings, "r"));
    case "managerLapsed":
      return managerLapsedSelect(managerByOrder(settings, "l"));
    case "managerWallet":
      return managerWalletSelect(managerByOrder(settings, "w"));
    case "lost":
      return lostSelect(settings, sql);
  }
}

/**
 * The skipped rows, and the orders whose initiator names neither side (question 7 shows the
 * first), in the source's order, without sorting: the engine reads them as they come and stops early.
 */
function problemRowsSelect(settings: ReportQuerySettings, sql: Dialect): string {
  const problems = `fate IN (${PROBLEM_FATES.map(sql.text).join(", ")})`;
  // An order's values the health check cannot read, each in a column of its own: one order may have both.
  const details: [condition: string, value: string, alias: string][] = [
    ...(settings.columns.initiatedBy === undefined
      ? []
      : [["fate = 'order' AND initiator = 'unknown'", "initiatedBy_cell", UNKNOWN_INITIATOR] as [string, string, string]]),
    ...(settings.columns.budget === undefined
      ? []
      : [["fate = 'order' AND budget_unread", "budget_cell", UNREADABLE_BUDGET] as [string, string, string]]),
  ];
  return [
    [
      "SELECT source_row, fate, fate_column, fate_value",
      ...details.map(([condition, value, alias]) => `CASE WHEN ${condition} THEN ${value} END AS ${alias}`),
    ].join(",\n  "),
    "FROM fated",
    `WHERE ${[problems, ...details.map(([condition]) => `(${condition})`)].join(" OR ")}`,
  ].join("\n");
}

/** The lost customers most at stake, their names looked up by number (for these few only) where names are numbered. */
function lostSelect(settings: ReportQuerySettings, sql: Dialect): string {
  const numbered = numberingOf(settings, sql) !== undefined;
  return [
    `SELECT ${numbered ? "n.name" : "lost.name_order AS name"}, lost.first_day, lost.total_amount, lost.manager`,
    "FROM (",
    "  SELECT name_order, first_day, total_amount, manager, customer_id",
    "  FROM window_customers",
    "  WHERE NOT returned AND had_time",
    "  ORDER BY total_amount DESC, first_day, customer_id",
    `  LIMIT ${LOST_LISTED}`,
    ") AS lost",
    ...(numbered ? ["JOIN customer_names AS n USING (name_order)"] : []),
    "ORDER BY lost.total_amount DESC, lost.first_day, lost.customer_id",
  ].join("\n");
}

function summarySelect(settings: ReportQuerySettings, sql: Dialect): string {
  const { period } = settings;
  const target = sql.double(settings.target);
  const sumIf = (condition: string): string => `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;
  const judged = "w.period_index BETWEEN s.span_first AND s.span_last";
  const verdictCount = (condition: string): string =>
    `(SELECT COALESCE(${sumIf(condition)}, 0) FROM window_customers AS w CROSS JOIN verdict_span AS s)`;
  const verdictNew = verdictCount(judged);
  const verdictReturned = verdictCount(`${judged} AND w.returned_in_time`);
  const spanOrNull = (expr: string): string => `CASE WHEN span_first <= span_last THEN ${expr} END`;
  const median = (rank: string): string =>
    `(SELECT MIN(gap) FROM (SELECT gap, SUM(n) OVER (ORDER BY gap) AS upto, SUM(n) OVER () AS total FROM window_gaps) AS ranked WHERE upto > ${rank})`;
  const windowRevenue = "(SELECT SUM(window_amount) FROM customers WHERE first_day IS NOT NULL)";
  const firstDayRevenue = `(SELECT SUM(first_day_amount) FROM customers WHERE ${windowCondition("first_day", settings.window)})`;
  const figures = [
    "(SELECT SUM(row_count) FROM row_counts) AS row_count",
    "(SELECT SUM(row_count) FROM row_counts WHERE fate = 'order') AS orders",
    "(SELECT COALESCE(SUM(refund_rows), 0) FROM customers) AS refund_rows",
    "(SELECT COALESCE(SUM(refund_amount), 0) FROM customers) AS refund_amount",
    "customers",
    `${sql.dateOfEpochDay("earliest_day")} AS first_date`,
    `${sql.dateOfEpochDay("latest_day")} AS last_date`,
    "earliest_day, latest_day, horizon_days, horizon_source",
    "span_first, span_last, latest_judgeable, earliest_period, last_period",
    `${spanOrNull("span_first")} AS verdict_first_period`,
    `${spanOrNull("span_last")} AS verdict_last_period`,
    `${spanOrNull(periodLabel("span_first", period, sql))} AS verdict_from_period`,
    `${spanOrNull(periodLabel("span_last", period, sql))} AS verdict_to_period`,
    `CASE WHEN left_out THEN first_data_period END AS left_out_period`,
    `${verdictNew} AS verdict_first_purchases`,
    `${verdictReturned} AS verdict_second_purchases`,
    `${sql.divide(verdictReturned, verdictNew)} AS verdict_rate`,
    `COALESCE(${sql.divide(verdictReturned, verdictNew)} < ${target}, FALSE) AS below_target`,
    "(SELECT COUNT(*) FROM window_customers) AS first_purchases",
    `(SELECT COALESCE(${sumIf("returned")}, 0) FROM window_customers) AS second_purchases`,
    `(SELECT COALESCE(${sumIf("NOT returned AND had_time")}, 0) FROM window_customers) AS lost_customers`,
    "(SELECT SUM(CASE WHEN NOT returned AND had_time THEN total_amount ELSE 0 END) FROM window_customers) AS lost_amount",
    `(${median("FLOOR((total - 1) / 2)")} + ${median("FLOOR(total / 2)")}) / 2 AS median_days_to_second`,
    `${windowRevenue} AS window_revenue`,
    `${firstDayRevenue} AS first_day_revenue`,
  ];
  return `SELECT\n  ${figures.join(",\n  ")}\nFROM verdict_span`;
}
