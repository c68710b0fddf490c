// Question 2 of the health check in SQL: the share of wallet, from a budget column read as the core
// reads it (src/core/health/order-details.ts, purchase-log.ts, figures.ts). A budget cell is read
// with the amounts' rules; a blank one says nothing, one that is no amount or is negative is
// counted as unreadable and says nothing either. Each customer's budget is the latest one read (by
// day); the customers with a purchase and a budget above 0 count, with their sales of the 12 months
// ending on the latest purchase (the days after the same date a year before, up to it), refunds
// included. Share = Σ sales ÷ Σ budgets; the verdict is the core's (`shareOfWalletQuestion`).

import type { CellRules, Stage } from "./cell-rules";
import type { Dialect } from "./dialect";
import type { GroupAggregate } from "./group-aggregate";

/** The fate a numbering read gives an order whose budget cell cannot be read (src/cli/duckdb/row-numbers.ts). */
export const UNREADABLE_BUDGET = "unreadableBudget";

/**
 * `budget_value` (NULL when blank or unreadable) and `budget_unread` of the cell: text by the
 * amounts' stages (named apart, `budget_…`), a number as it is. `blank` says whether the cell is blank.
 */
export function budgetStages(typed: boolean, blank: string, decimalComma: boolean, rules: CellRules, sql: Dialect): Stage[] {
  const read: Stage[] = typed
    ? [[["budget_read", `CAST(budget_cell AS ${sql.float})`]]]
    : [...rules.amountStages("budget_text", decimalComma, "budget"), [["budget_read", sql.tryDouble("NULLIF(budget_number, '')")]]];
  const readable = `${sql.isFinite("budget_read")} AND budget_read >= 0`;
  return [
    ...read,
    [
      ["budget_value", `CASE WHEN ${blank} THEN NULL WHEN ${readable} THEN budget_read END`],
      ["budget_unread", `CASE WHEN ${blank} THEN FALSE WHEN ${readable} THEN FALSE ELSE TRUE END`],
    ],
  ];
}

/**
 * What the grouping of rows by customer and day keeps for question 2: the day's budget (of two
 * rows of one day, the larger: SQL keeps no row order, where the core takes the later row) and how
 * many of its budget cells could not be read.
 */
export const BUDGET_ROW_COLUMNS = ["budget_value", "CASE WHEN budget_unread THEN 1 ELSE 0 END AS budget_unread_row"];
export const BUDGET_GROUP_COLUMNS: readonly GroupAggregate[] = [
  { fn: "MAX", of: "budget_value", name: "day_budget" },
  { fn: "SUM", of: "budget_unread_row", name: "unreadable_budgets" },
];

/** The CTEs over `customer_days`, `customers` and `data_span` (report-query.ts). */
export function walletCtes(sql: Dialect): [string, string][] {
  const yearStart = sql.epochDay(sql.addYears(sql.dateOfEpochDay("latest_day"), -1));
  return [
    [
      // Each customer's latest day with a budget, and that day's budget.
      "wallet_budgets",
      [
        "SELECT d.customer_id, d.day_budget AS budget",
        "FROM customer_days AS d",
        "JOIN (",
        "  SELECT customer_id, MAX(day) AS budget_day",
        "  FROM customer_days",
        "  WHERE day_budget IS NOT NULL",
        "  GROUP BY customer_id",
        ") AS latest ON latest.customer_id = d.customer_id AND latest.budget_day = d.day",
      ].join("\n"),
    ],
    [
      // The customers with a purchase and a budget above 0, with their sales of the last 12 months.
      "wallet_customers",
      [
        "SELECT b.customer_id, b.budget,",
        "  SUM(CASE WHEN d.day > s.year_start AND d.day <= s.latest_day THEN d.day_amount ELSE 0 END) AS sales",
        "FROM wallet_budgets AS b",
        "JOIN customers AS c ON c.customer_id = b.customer_id",
        "JOIN customer_days AS d ON d.customer_id = b.customer_id",
        `CROSS JOIN (SELECT latest_day, ${yearStart} AS year_start FROM data_span) AS s`,
        "WHERE c.first_day IS NOT NULL AND b.budget > 0",
        "GROUP BY b.customer_id, b.budget",
      ].join("\n"),
    ],
  ];
}

/**
 * One row: whether any order has a budget that could be read (without one the question needs
 * data, as the core's), the customers counted, their sales and budgets, the share, and the
 * budget cells that could not be read.
 */
export function walletSelect(sql: Dialect): string {
  return [
    `SELECT has_budgets, customers, sales, budget, ${sql.divide("sales", "budget")} AS share_of_wallet, unreadable_budgets`,
    "FROM (",
    "  SELECT",
    "    (SELECT COUNT(*) FROM customer_days WHERE day_budget IS NOT NULL) > 0 AS has_budgets,",
    "    (SELECT COUNT(*) FROM wallet_customers) AS customers,",
    "    (SELECT COALESCE(SUM(sales), 0) FROM wallet_customers) AS sales,",
    "    (SELECT COALESCE(SUM(budget), 0) FROM wallet_customers) AS budget,",
    "    (SELECT COALESCE(SUM(unreadable_budgets), 0) FROM customer_days) AS unreadable_budgets",
    ") AS sums",
  ].join("\n");
}
