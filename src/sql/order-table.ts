// The pure door for surfaces that print the report's SQL (the command's `sql`, later the sidebar's
// "SQL for BigQuery"): the report's settings, a table and its column names in, SQL text out.

import type { InputLocale } from "../core/cells";
import { PROJECT_DEAL_TYPES } from "../core/deal-types";
import type { DayWindow } from "../core/ledger";
import type { Period } from "../core/periods";
import { DIALECTS, type DialectName } from "./dialect";
import {
  PUBLISHED_TABLES,
  type PublishedTable,
  reportQuery,
  type ColumnType,
  type QueryColumns,
  type ReportQuerySettings,
  type ReportTable,
  WALLET_TABLES,
} from "./report-query";

export interface OrderTableRequest {
  dialect: DialectName;
  /** `project.dataset.orders` in BigQuery; a table, view or `read_parquet(…)` in DuckDB. */
  table: string;
  /** Column names; the customer and the date are required. */
  columns: {
    customer: string;
    date: string;
    amount?: string;
    manager?: string;
    dealType?: string;
    status?: string;
    /** Who started the sale (health check question 7): adds the `started` statement. */
    initiatedBy?: string;
    /** The customer's yearly budget (question 2), typed as the amount column: adds the `wallet` statement. */
    budget?: string;
    /** The customer's email or phone: adds the `lapsedContacts` statement (question 5's call list). */
    contact?: string;
  };
  dateType: Extract<ColumnType, "text" | "date" | "timestamp">;
  amountType: Extract<ColumnType, "text" | "number">;
  /** Deal types left out; the one-off project deals when a deal-type column is named and this is absent. */
  excludeDealTypes?: readonly string[];
  countedStatuses?: readonly string[];
  target: number;
  period: Period;
  withinDays?: number;
  window?: DayWindow;
  ordersStartWithBusiness?: boolean;
  /** Question 5: gone more than this many usual gaps is lapsed (the core's default when absent). */
  lapsedFactor?: number;
  timeZone: string;
  locale: Pick<InputLocale, "slashOrder" | "decimalComma">;
}

const MANAGER_TABLES: ReadonlySet<ReportTable> = new Set(["managers", "managerRevenue", "managerLapsed", "managerWallet", "managerNames"]);

/** Every statement of orderTableStatements, one after another: a script for the BigQuery console or `sql`. */
export function orderTableSql(request: OrderTableRequest): string {
  return joinedStatements(orderTableStatements(request));
}

/** Statements as one script. */
export function joinedStatements(statements: readonly { sql: string }[]): string {
  return statements.map(({ sql }) => sql).join("\n");
}

/**
 * The summary, cohort, manager, health-period, question 7, question 2, question 5 (the lapsed
 * customers' totals, the customers, then their contacts) and question 4 queries, each a statement
 * of its own headed by its table's name, in that order: those of PUBLISHED_TABLES the columns
 * allow. A connected sheet takes one of them.
 */
export function orderTableStatements(request: OrderTableRequest): { table: PublishedTable; sql: string }[] {
  const dialect = DIALECTS[request.dialect];
  const { columns } = request;
  const text = (name: string | undefined): QueryColumns["manager"] => (name === undefined ? undefined : { name, type: "text" });
  const queryColumns: QueryColumns = {
    customer: { name: columns.customer, type: "text" },
    date: { name: columns.date, type: request.dateType },
    amount: columns.amount === undefined ? undefined : { name: columns.amount, type: request.amountType },
    manager: text(columns.manager),
    dealType: text(columns.dealType),
    status: text(columns.status),
    initiatedBy: text(columns.initiatedBy),
    budget: columns.budget === undefined ? undefined : { name: columns.budget, type: request.amountType },
    contact: text(columns.contact),
  };
  const settings: ReportQuerySettings = {
    source: request.dialect === "bigquery" ? { table: request.table } : { relation: request.table },
    columns: queryColumns,
    excludeDealTypes: columns.dealType === undefined ? [] : (request.excludeDealTypes ?? PROJECT_DEAL_TYPES),
    countedStatuses: request.countedStatuses,
    target: request.target,
    period: request.period,
    withinDays: request.withinDays,
    window: request.window ?? {},
    ordersStartWithBusiness: request.ordersStartWithBusiness === true,
    lapsedFactor: request.lapsedFactor,
    timeZone: request.timeZone,
    slashOrder: request.locale.slashOrder,
    decimalComma: request.locale.decimalComma,
  };
  // Only question 7's statement reads the initiated-by column, only question 2's the budget column,
  // only the lapsed customers' contacts the contact column: the others stay as they are without them.
  // Only question 4's revenue groups the rows by each order's manager too.
  const reading = (read: Pick<QueryColumns, "initiatedBy" | "budget" | "contact">, byOrderManager = false) =>
    reportQuery(
      { ...settings, byOrderManager, columns: { ...queryColumns, initiatedBy: undefined, budget: undefined, contact: undefined, ...read } },
      dialect,
    );
  const queries: Partial<Record<ReportTable, ReturnType<typeof reportQuery>>> = {
    started: reading({ initiatedBy: queryColumns.initiatedBy }),
    wallet: reading({ budget: queryColumns.budget }),
    managerRevenue: reading({}, true),
    managerNames: reading({}, true),
    managerWallet: reading({ budget: queryColumns.budget }),
    lapsedContacts: reading({ contact: queryColumns.contact }),
  };
  const others = reading({});
  const tables = PUBLISHED_TABLES.filter(
    (table) =>
      (!MANAGER_TABLES.has(table) || columns.manager !== undefined) &&
      (table !== "started" || columns.initiatedBy !== undefined) &&
      (!WALLET_TABLES.has(table) || columns.budget !== undefined) &&
      (table !== "lapsedContacts" || columns.contact !== undefined),
  );
  return tables.map((table) => ({ table, sql: `-- ${table}\n${(queries[table] ?? others).statement(table)};\n` }));
}
