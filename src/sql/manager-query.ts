// Question 4 of the health check in SQL: what each manager's row reads besides the retention of
// their new customers (the `managers` table), as the core gathers it (src/core/health/health-check.ts):
//   managerRevenue  revenue from existing customers credited to the manager of each order (refunds
//                   included; a blank manager is credited nothing), per period: every order of a
//                   customer with a purchase, but those of the period of their first purchase;
//                   from the rows grouped by their manager too (ReportQuerySettings.byOrderManager).
//                   The trend over it is the core's (judging, trendWindows), as for question 3
//   managerLapsed   their lapsed customers, by the manager of the last purchase day (lapsed-query.ts)
//   managerWallet   the sales and budgets of question 2's customers, by the manager of their last
//                   purchase day (wallet-query.ts)
//   managerNames    every manager named on a purchase: one with no other figure yet (a new
//                   salesperson whose customers are too recent to judge) is listed too, and counted
//                   among those not judged
// The rows and the verdict are the core's (`managerHealth`, `managersQuestion`).

import type { Dialect } from "./dialect";
import { periodLabel, periodOfDay } from "./period-sql";
import type { ReportQuerySettings } from "./report-query";

/** A manager's name by `table.manager_order`: the column and the join that gives it. */
export interface ManagerName {
  column: string;
  join: string[];
}

/** The CTEs over `row_groups` grouped by each order's manager, and `customers` (report-query.ts). */
export function managerCtes(settings: ReportQuerySettings, sql: Dialect): [string, string][] {
  const periodOf = (day: string): string => periodOfDay(day, settings.period, sql);
  return [
    [
      "manager_revenue",
      [
        "SELECT g.manager_order, g.period_index, SUM(g.day_amount) AS existing_revenue",
        "FROM (",
        `  SELECT order_manager AS manager_order, customer_id, ${periodOf("day")} AS period_index, day_amount`,
        "  FROM row_groups",
        "  WHERE other_key IS NULL AND order_manager IS NOT NULL",
        ") AS g",
        "JOIN customers AS c ON c.customer_id = g.customer_id",
        `WHERE c.first_day IS NOT NULL AND g.period_index <> ${periodOf("c.first_day")}`,
        "GROUP BY g.manager_order, g.period_index",
      ].join("\n"),
    ],
  ];
}

/** One row a manager and period with revenue from existing customers (0 without an amount column), by manager and period. */
export function managerRevenueSelect(settings: ReportQuerySettings, name: ManagerName, sql: Dialect): string {
  return [
    `SELECT ${name.column} AS manager, r.period_index, ${periodLabel("r.period_index", settings.period, sql)} AS period, r.existing_revenue`,
    "FROM manager_revenue AS r",
    ...name.join,
    "ORDER BY manager, r.period_index",
  ].join("\n");
}

/** One row a manager of a lapsed customer's last purchase day: how many, and their revenue at stake. */
export function managerLapsedSelect(name: ManagerName): string {
  return [
    `SELECT ${name.column} AS manager, COUNT(*) AS lapsed, SUM(l.revenue_at_stake) AS revenue_at_stake`,
    "FROM lapsed_stakes AS l",
    ...name.join,
    `GROUP BY ${name.column}`,
    "ORDER BY manager",
  ].join("\n");
}

/** One row a manager named on a purchase, from the rows grouped by each order's manager too (byOrderManager). */
export function managerNamesSelect(name: ManagerName): string {
  return [
    `SELECT DISTINCT ${name.column} AS manager`,
    "FROM (",
    "  SELECT order_manager AS manager_order",
    "  FROM row_groups",
    "  WHERE other_key IS NULL AND order_manager IS NOT NULL AND row_count > refund_rows",
    ") AS r",
    ...name.join,
    "ORDER BY manager",
  ].join("\n");
}

/** One row a manager of the last purchase day of question 2's customers: their sales and budgets. */
export function managerWalletSelect(name: ManagerName): string {
  return [
    `SELECT ${name.column} AS manager, SUM(w.sales) AS sales, SUM(w.budget) AS budget`,
    "FROM (",
    "  SELECT b.sales, b.budget, d.day_manager AS manager_order",
    "  FROM wallet_customers AS b",
    "  JOIN customers AS c ON c.customer_id = b.customer_id",
    "  JOIN customer_days AS d ON d.customer_id = b.customer_id AND d.day = c.last_day",
    ") AS w",
    ...name.join,
    `GROUP BY ${name.column}`,
    "ORDER BY manager",
  ].join("\n");
}
