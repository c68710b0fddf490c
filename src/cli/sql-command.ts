// `sheets-retention sql --dialect bigquery --table project.dataset.orders …`: the report's queries
// for a table of orders, printed for BigQuery (or DuckDB) to run. Nothing is read or run here.

import { orderTableSql } from "../sql/order-table";
import type { CliOptions, SqlOptions } from "./options";

type RuleOptions = Pick<CliOptions, "target" | "period" | "withinDays" | "window" | "ordersStartWithBusiness" | "timeZone">;

/** The report's rules as both the printed queries and the DuckDB engine's take them from the flags. */
export function queryRules(options: RuleOptions): RuleOptions {
  const { target, period, withinDays, window, ordersStartWithBusiness, timeZone } = options;
  return { target, period, withinDays, window, ordersStartWithBusiness, timeZone };
}

export function renderSql(options: SqlOptions): string {
  const { columns } = options;
  return orderTableSql({
    dialect: options.dialect,
    table: options.table,
    columns: {
      customer: columns.customer!,
      date: columns.date!,
      amount: columns.amount,
      manager: columns.manager,
      dealType: options.deals?.column,
      status: options.statuses.column,
      initiatedBy: options.initiatedBy,
      budget: options.budget,
      contact: options.contact,
    },
    dateType: options.dateType,
    amountType: options.amountType,
    excludeDealTypes: options.deals?.excluded,
    countedStatuses: options.statuses.counted.length > 0 ? options.statuses.counted : undefined,
    lapsedFactor: options.lapsedFactor,
    ...queryRules(options),
    locale: options.locale,
  });
}
