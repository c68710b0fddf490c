// Question 5 of the health check in SQL: the lapsed customers, with the core's rule
// (src/core/health/lapsed.ts, docs/health-check.md). A purchase day is a customer-day with a
// purchase (refunds are none); a customer with purchases on two days or more is a repeat customer;
// their usual gap is (last − first) ÷ (purchases − 1); they have been gone for the latest purchase
// day of the data − their last. They are lapsed when gone more than `factor` × their usual gap and
// more than the business's median gap between consecutive purchase days of one customer (the
// mean of the two middle gaps for an even count, as `medianOfCounts`). Their revenue at stake is
// what they spent in the 12 months up to their last purchase (the days after the same date a year
// before), refunds included, and the refunds after it; their manager is the one of their last purchase day (`day_manager`:
// a named one, the one that sorts first). The verdict is the core's (`lapsedQuestion`).

import { DEFAULT_LAPSED_FACTOR } from "../core/health/lapsed";
import { ROUNDING } from "../core/health/trend";
import type { CellRules } from "./cell-rules";
import type { Dialect } from "./dialect";

export interface LapsedSql {
  /** A table's column of the manager's name for `manager_order`, and the join that gives it. */
  manager: { column: string; join: string[] };
  /** The customer's name for `name_order`, and the join that gives it. */
  name: { column: string; join: string[] };
  hasAmounts: boolean;
}

/** The CTEs over `customer_days`, `customers` and `data_span` (report-query.ts). */
export function lapsedCtes(factor: number | undefined, sql: Dialect): [string, string][] {
  const yearStart = sql.epochDay(sql.addYears(sql.dateOfEpochDay("r.last_day"), -1));
  return [
    [
      // medianOfCounts over every gap between one customer's consecutive purchase days (one ordering
      // of each customer's days): the gaps of the two middle ranks, halved.
      "lapsed_median",
      [
        "SELECT (MIN(CASE WHEN upto > FLOOR((total - 1) / 2) THEN gap END) + MIN(CASE WHEN upto > FLOOR(total / 2) THEN gap END)) / 2 AS median_gap",
        "FROM (",
        "  SELECT gap, SUM(n) OVER (ORDER BY gap) AS upto, SUM(n) OVER () AS total",
        "  FROM (",
        "    SELECT gap, COUNT(*) AS n",
        "    FROM (",
        "      SELECT day - LAG(day) OVER (PARTITION BY customer_id ORDER BY day) AS gap",
        "      FROM customer_days",
        "      WHERE purchases > 0",
        "    ) AS gaps",
        "    WHERE gap IS NOT NULL",
        "    GROUP BY gap",
        "  ) AS counted",
        ") AS ranked",
      ].join("\n"),
    ],
    [
      // The customers with purchases on two days or more, from their facts (report-query.ts).
      "lapsed_repeat",
      [
        // In brackets: sqlglot drops SAFE_DIVIDE's own when it writes a division (bigquery.test.ts).
        `SELECT customer_id, purchase_days AS purchases, last_day, ${sql.divide("(last_day - first_day)", "(purchase_days - 1)")} AS usual_gap`,
        "FROM customers",
        "WHERE purchase_days >= 2",
      ].join("\n"),
    ],
    [
      // Gone exactly factor × the usual gap (or the median) is not gone more: strictly greater, as the core.
      "lapsed_customers",
      [
        "SELECT r.customer_id, r.purchases, r.last_day, r.usual_gap, s.latest_day - r.last_day AS gone,",
        `  ${yearStart} AS year_start`,
        "FROM lapsed_repeat AS r",
        "CROSS JOIN data_span AS s",
        "CROSS JOIN lapsed_median AS m",
        `WHERE s.latest_day - r.last_day > ${sql.double(factor ?? DEFAULT_LAPSED_FACTOR)} * r.usual_gap + ${sql.double(ROUNDING)}`,
        "  AND s.latest_day - r.last_day > m.median_gap",
      ].join("\n"),
    ],
    [
      // Read back for the lapsed customers only: their year's amounts and the manager of their last day.
      "lapsed_stakes",
      [
        "SELECT l.customer_id, l.purchases, l.last_day, l.usual_gap, l.gone,",
        "  SUM(CASE WHEN d.day > l.year_start THEN d.day_amount ELSE 0 END) AS revenue_at_stake,",
        "  MIN(CASE WHEN d.day = l.last_day THEN d.day_manager END) AS manager_order",
        "FROM lapsed_customers AS l",
        "JOIN customer_days AS d ON d.customer_id = l.customer_id",
        "GROUP BY l.customer_id, l.purchases, l.last_day, l.usual_gap, l.gone",
      ].join("\n"),
    ],
  ];
}

/**
 * One row: the repeat customers, the median gap, how many are lapsed and their revenue at stake
 * (NULL without an amount column).
 */
export function lapsedSummarySelect({ hasAmounts }: Pick<LapsedSql, "hasAmounts">, sql: Dialect): string {
  const atStake = hasAmounts ? "(SELECT COALESCE(SUM(revenue_at_stake), 0) FROM lapsed_stakes)" : `CAST(NULL AS ${sql.float})`;
  return [
    "SELECT",
    "  (SELECT COUNT(*) FROM lapsed_repeat) AS repeat_customers,",
    "  (SELECT median_gap FROM lapsed_median) AS median_gap_days,",
    "  (SELECT COUNT(*) FROM lapsed_stakes) AS lapsed_customers,",
    `  ${atStake} AS revenue_at_stake`,
  ].join("\n");
}

/**
 * Every lapsed customer, most at stake first (the longest gone first without amounts), as the
 * core lists them; ties of both fall to the customer key that sorts first, where the core takes the
 * customer seen first in the file (SQL keeps no row order).
 */
export function lapsedSelect({ manager, name, hasAmounts }: LapsedSql, sql: Dialect): string {
  const order = hasAmounts ? "l.revenue_at_stake DESC, l.gone DESC, l.customer_id" : "l.gone DESC, l.purchases DESC, l.customer_id";
  return [
    `SELECT ${name.column} AS name, ${manager.column} AS manager, ${sql.dateOfEpochDay("l.last_day")} AS last_purchase,`,
    "  l.last_day, l.purchases, l.usual_gap AS usual_gap_days, l.gone AS days_since_last,",
    `  ${hasAmounts ? "l.revenue_at_stake" : `CAST(NULL AS ${sql.float})`} AS revenue_at_stake`,
    "FROM lapsed_stakes AS l",
    "JOIN customers AS c ON c.customer_id = l.customer_id",
    ...name.join,
    ...manager.join,
    `ORDER BY ${order}`,
  ].join("\n");
}

/**
 * The CTEs of the lapsed customers' contacts, over `fated` (its `contact_cell`) and `lapsed_stakes`:
 * read for those customers only, and only by the statement that lists them, so that no text goes
 * into the grouping of every customer-day. As the core's (contactOf, PurchaseLog.takesContact): an
 * order's contact cell trimmed and tidied as names are, none when blank or a sheet error value;
 * each customer's is the one of their latest day that has one. Of two on that day the core takes
 * the later row; SQL keeps no row order, so here the one that sorts last (MAX) is taken.
 */
export function contactCtes(rules: CellRules, sql: Dialect): [string, string][] {
  const trimmed = rules.trim(`COALESCE(${sql.asText("contact_cell")}, '')`);
  return [
    [
      "contact_rows",
      [
        "SELECT customer_id, day, contact",
        "FROM (",
        `  SELECT customer_id, day, ${rules.tidy("contact_text")} AS contact`,
        `  FROM (SELECT customer_id, day, ${trimmed} AS contact_text`,
        "    FROM fated",
        "    WHERE fate = 'order' AND customer_id IN (SELECT customer_id FROM lapsed_stakes)) AS trimmed",
        ") AS tidied",
        `WHERE contact <> '' AND NOT (${rules.isSheetError("contact")})`,
      ].join("\n"),
    ],
    [
      "lapsed_contacts",
      [
        "SELECT r.customer_id, MAX(r.contact) AS contact",
        "FROM contact_rows AS r",
        "JOIN (",
        "  SELECT customer_id, MAX(day) AS contact_day",
        "  FROM contact_rows",
        "  GROUP BY customer_id",
        ") AS latest ON latest.customer_id = r.customer_id AND latest.contact_day = r.day",
        "GROUP BY r.customer_id",
      ].join("\n"),
    ],
  ];
}

/** Each lapsed customer that has a contact, by name (a name is one customer's), with it. */
export function lapsedContactsSelect({ name }: Pick<LapsedSql, "name">): string {
  return [
    `SELECT ${name.column} AS name, l.contact`,
    "FROM lapsed_contacts AS l",
    "JOIN customers AS c ON c.customer_id = l.customer_id",
    ...name.join,
    `ORDER BY ${name.column}`,
  ].join("\n");
}
