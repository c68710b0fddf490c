// The health check's periods (issue 14) and its cohort grid in SQL, with the core's definitions
// (src/core/health/period-table.ts, cohort-grid.ts, docs/health-check.md), for every period from
// the first order to the last, with the cohorts' period setting:
//   active_customers     customers with a purchase in the period; new_customers those whose first
//                        purchase is in it, existing_customers the rest
//   new_revenue          the amounts in the period of customers whose first purchase is in it;
//                        existing_revenue everyone else's. Refunds lower the group the customer is
//                        in that period; a customer seen only in refunds adds nothing
//   purchases            distinct customer-days (new and existing apart), average_order revenue ÷ purchases
//   active_base          customers with a purchase in the 12 calendar months ending on the period's last day
//   complete             the period's last day is on or before the latest purchase
//   judged               complete, and starting 12 months or more after the first purchase (every
//                        complete period when the orders start with the business)
// The figures only: the questions' verdicts are the core's (src/core/health/health-check.ts).

import type { Dialect } from "./dialect";
import { periodEndDate, periodLabel, periodOfDay, periodStartDate } from "./period-sql";
import type { ReportQuerySettings } from "./report-query";

/**
 * Each customer's purchase days with their periods, and the runs of purchases by customer and
 * period they make: what the periods and the cohort grid both count, over `customer_days` and
 * `customers` (report-query.ts).
 */
export function healthRunCtes(settings: ReportQuerySettings, sql: Dialect): [string, string][] {
  const periodOf = (day: string): string => periodOfDay(day, settings.period, sql);
  return [
    [
      // A customer seen only in refunds has no first day: no customer, nothing counted.
      "health_days",
      [
        `SELECT d.customer_id, d.day, d.purchases, d.day_amount, ${periodOf("d.day")} AS period_index,`,
        `  ${periodOf("c.first_day")} AS cohort_index,`,
        `  CASE WHEN ${periodOf("d.day")} = ${periodOf("c.first_day")} THEN 1 ELSE 0 END AS is_new`,
        "FROM customer_days AS d",
        "JOIN customers AS c ON c.customer_id = d.customer_id",
        "WHERE c.first_day IS NOT NULL",
      ].join("\n"),
    ],
    [
      // Each customer's last purchase day in each period they bought in, with the next period they
      // bought in (and their cohort, for the grid): one ordering of each customer's days, instead of
      // grouping them by period first, which cost DuckDB as much again.
      "health_runs",
      [
        "SELECT period_index, cohort_index, is_new, day AS last_purchase, next_period",
        "FROM (",
        "  SELECT period_index, cohort_index, is_new, day, LEAD(period_index) OVER (PARTITION BY customer_id ORDER BY day) AS next_period",
        "  FROM health_days",
        "  WHERE purchases > 0",
        ") AS ordered",
        "WHERE next_period IS NULL OR next_period <> period_index",
      ].join("\n"),
    ],
  ];
}

/** The periods' CTEs over the runs, `customer_days` and `data_span` (report-query.ts). */
export function healthPeriodCtes(settings: ReportQuerySettings, sql: Dialect): [string, string][] {
  const { period } = settings;
  const periodOf = (day: string): string => periodOfDay(day, period, sql);
  const dayOf = (date: string): string => sql.epochDay(date);
  return [
    [
      // Every order's day counts for the span, refunds and refund-only customers' included (PurchaseLog.firstDay).
      "health_span",
      `SELECT ${periodOf("MIN(day)")} AS first_period, ${periodOf("MAX(day)")} AS last_period\nFROM customer_days`,
    ],
    [
      "health_calendar",
      [
        "SELECT period_index,",
        `  ${dayOf(periodStartDate("period_index", period, sql))} AS start_day,`,
        `  ${dayOf(periodEndDate("period_index", period, sql))} AS end_day,`,
        // The 12 months ending on the period's last day are the days after this one.
        `  ${dayOf(sql.addYears(periodEndDate("period_index", period, sql), -1))} AS year_before_end`,
        `FROM (${sql.series("health_span", "first_period", "last_period", "period_index")}) AS indexes`,
      ].join("\n"),
    ],
    [
      "health_sums",
      [
        "SELECT s.period_index,",
        "  COALESCE(a.active_customers, 0) AS active_customers,",
        "  COALESCE(a.new_customers, 0) AS new_customers,",
        "  s.purchases, s.new_purchases, s.new_revenue, s.existing_revenue",
        "FROM (",
        "  SELECT period_index,",
        "    SUM(CASE WHEN purchases > 0 THEN 1 ELSE 0 END) AS purchases,",
        "    SUM(CASE WHEN purchases > 0 AND is_new = 1 THEN 1 ELSE 0 END) AS new_purchases,",
        "    SUM(CASE WHEN is_new = 1 THEN day_amount ELSE 0 END) AS new_revenue,",
        "    SUM(CASE WHEN is_new = 1 THEN 0 ELSE day_amount END) AS existing_revenue",
        "  FROM health_days",
        "  GROUP BY period_index",
        ") AS s",
        // A run is one customer's purchases in one period: counted, the period's active customers.
        "LEFT JOIN (",
        "  SELECT period_index, COUNT(*) AS active_customers, SUM(is_new) AS new_customers",
        "  FROM health_runs",
        "  GROUP BY period_index",
        ") AS a ON a.period_index = s.period_index",
      ].join("\n"),
    ],
    ...activeBaseCtes(),
  ];
}

/**
 * The active base as steps, as the core counts it: a customer's latest purchase on or before a
 * period's end decides whether the period's trailing year holds them. So each period a customer
 * bought in counts them from itself until the next such period, or until the last period whose
 * trailing year still holds that period's latest purchase, whichever comes first: +1 where such a
 * run starts, −1 after it ends, summed in period order.
 */
function activeBaseCtes(): [string, string][] {
  return [
    [
      // For each day a run ends on, the last period whose trailing year still holds it (a few thousand days at most).
      "health_reach",
      [
        "SELECT days.day, MAX(c.period_index) AS last_period",
        "FROM (SELECT DISTINCT last_purchase AS day FROM health_runs) AS days",
        "JOIN health_calendar AS c ON c.year_before_end < days.day",
        "GROUP BY days.day",
      ].join("\n"),
    ],
    [
      "health_base_steps",
      [
        "SELECT period_index, SUM(step) AS step",
        "FROM (",
        "  SELECT period_index, 1 AS step FROM health_runs",
        "  UNION ALL",
        "  SELECT LEAST(COALESCE(r.next_period, reach.last_period + 1), reach.last_period + 1) AS period_index, -1 AS step",
        "  FROM health_runs AS r JOIN health_reach AS reach ON reach.day = r.last_purchase",
        ") AS steps",
        "GROUP BY period_index",
      ].join("\n"),
    ],
  ];
}

/** One row a period, oldest first; money is NULL without an amount column. */
export function healthSelect(settings: ReportQuerySettings, sql: Dialect): string {
  const money = (expr: string): string => (settings.columns.amount === undefined ? `CAST(NULL AS ${sql.float})` : expr);
  const count = (name: string): string => `COALESCE(s.${name}, 0)`;
  // In brackets: sqlglot drops SAFE_DIVIDE's own when it writes a division (bigquery.test.ts).
  const revenue = `(${count("new_revenue")} + ${count("existing_revenue")})`;
  const existingPurchases = `(${count("purchases")} - ${count("new_purchases")})`;
  const judgedFrom = settings.ordersStartWithBusiness
    ? "TRUE"
    : `c.start_day >= ${sql.epochDay(sql.addYears(sql.dateOfEpochDay("span.earliest_day"), 1))}`;
  return [
    "SELECT c.period_index,",
    `  ${periodLabel("c.period_index", settings.period, sql)} AS period,`,
    `  ${sql.dateOfEpochDay("c.start_day")} AS period_start,`,
    `  ${sql.dateOfEpochDay("c.end_day")} AS period_end,`,
    "  c.end_day <= span.latest_day AS complete,",
    `  c.end_day <= span.latest_day AND ${judgedFrom} AS judged,`,
    `  ${count("active_customers")} AS active_customers,`,
    `  ${count("new_customers")} AS new_customers,`,
    `  ${count("active_customers")} - ${count("new_customers")} AS existing_customers,`,
    `  ${count("purchases")} AS purchases,`,
    `  ${count("new_purchases")} AS new_purchases,`,
    `  ${existingPurchases} AS existing_purchases,`,
    `  ${money(revenue)} AS revenue,`,
    `  ${money(count("new_revenue"))} AS new_revenue,`,
    `  ${money(count("existing_revenue"))} AS existing_revenue,`,
    `  ${money(sql.divide(revenue, count("purchases")))} AS average_order,`,
    `  ${money(sql.divide(count("new_revenue"), count("new_purchases")))} AS new_average_order,`,
    `  ${money(sql.divide(count("existing_revenue"), existingPurchases))} AS existing_average_order,`,
    "  SUM(COALESCE(b.step, 0)) OVER (ORDER BY c.period_index) AS active_base",
    "FROM health_calendar AS c",
    "LEFT JOIN health_sums AS s ON s.period_index = c.period_index",
    "LEFT JOIN health_base_steps AS b ON b.period_index = c.period_index",
    // No customer, no periods (as the core's empty ledger).
    "CROSS JOIN data_span AS span",
    "WHERE span.customers > 0",
    "ORDER BY c.period_index",
  ].join("\n");
}

/**
 * The cohort grid (src/core/health/cohort-grid.ts), every cell of it: for each cohort of new
 * customers (the period of their first purchase), how many bought in the period `period_offset`
 * periods later. A run is one customer's purchases in one period, so the runs counted by cohort and
 * period are those customers; offset 0 is the cohort's size.
 */
export function cohortGridSelect(settings: ReportQuerySettings, sql: Dialect): string {
  return [
    "SELECT cohort_index,",
    `  ${periodLabel("cohort_index", settings.period, sql)} AS cohort,`,
    "  period_index - cohort_index AS period_offset,",
    "  COUNT(*) AS customers",
    "FROM health_runs",
    "GROUP BY cohort_index, period_index",
    "ORDER BY cohort_index, period_offset",
  ].join("\n");
}
