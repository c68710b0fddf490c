// A small order log with three managers, for question 4's table on every surface. Every figure
// the tests expect is worked out here by hand.

import { analyzeTable } from "../../src/core/analyze-table";
import { inputLocale } from "../../src/core/cells";
import type { RetentionReport } from "../../src/core/report";

/** A manager's name that is markup and starts like a formula: every surface must show it as text. */
export const MARKUP_MANAGER = "=<b>Cy</b>";

const NBSP = "\u00a0";

/**
 * Question 4's Russian rows for Bob and the markup manager, as managerReport() gives them (worked
 * out below): both have fewer than 10 new customers and a revenue trend, so the note says so.
 */
export const RUSSIAN_ROWS = {
  bob: [
    "Bob",
    "3",
    "1",
    `33,3${NBSP}%`,
    `снижается, −100,0${NBSP}%`,
    "1",
    "900,00",
    "—",
    "ниже цели, но новых клиентов меньше 10: оценён только по выручке",
  ],
  markup: [
    MARKUP_MANAGER,
    "1",
    "0",
    `0,0${NBSP}%`,
    "растёт, с нуля",
    "0",
    "0,00",
    "—",
    "ниже цели, но новых клиентов меньше 10: оценён только по выручке",
  ],
} as const;

/**
 * 2024, by the month; returns counted within 30 days; the orders start with the business, so every
 * complete month is judged. The latest purchase is Dora's on 1 July (no manager): January to June
 * are complete, and the cohorts January to May are old enough (31 May + 30 days ≤ 1 July).
 *
 * customer  manager  purchases (amount)
 * Anton     Ann      01-05 (100, budget 1,000), 01-20, 03-10, 04-10, 05-10, 06-10 (100 each)
 * Alla      Ann      02-03 (200), 02-17 (200)
 * Boris     Bob      01-10, 02-01, 03-01 (300 each)
 * Bella     Bob      02-10 (50)
 * Bogdan    Bob      03-15 (50)
 * Cyril     Cy       01-25, 06-20 (500 each)          (Cy is written as MARKUP_MANAGER)
 * Dora      —        07-01 (10)
 *
 * New customers and back within 30 days (judged cohorts January–May):
 *   Bob: Boris (back in 22 days), Bella, Bogdan: 3 new, 1 back, 33.3 %, below the 67 % target.
 *   Ann: Anton (15 days), Alla (14 days): 2 new, 2 back, 100.0 %.
 *   Cy: Cyril (next purchase 147 days later): 1 new, 0 back, 0.0 %, below target.
 * Existing revenue (a customer's orders after their first month), April–June against January–March
 * (no year before to compare with):
 *   Ann: Anton 100 + 100 + 100 = 300 against Anton's March 100: +200.0 %, growing.
 *   Bob: 0 against Boris's February and March 300 + 300 = 600: −100.0 %, falling.
 *   Cy: Cyril's June 500 against 0: growing, up from nothing.
 * Gaps between purchases: Anton 15, 50, 31, 30, 31; Alla 14; Boris 22, 29; Cyril 147. Sorted, the
 * fifth of nine is the median: 30 days.
 *   Alla: gone 135 days (17 Feb – 1 Jul) > 2 × 14 and > 30: lapsed, Ann's, 400 at stake.
 *   Boris: gone 122 days (1 Mar – 1 Jul) > 2 × 25.5 and > 30: lapsed, Bob's, 900 at stake.
 *   Anton (gone 21, usual gap 31.4) and Cyril (gone 11) have not lapsed.
 * Share of wallet: only Anton has a budget (1,000); his latest purchase is Ann's, and his sales in
 * the last 12 months are 6 × 100 = 600: Ann 60.0 %; Bob and Cy have none.
 * Question 4: all three have a trend, so all are judged; Bob's falling revenue puts him in
 * trouble. Cy is below target but has fewer than 10 new customers, so that does not count:
 * 1 of 3 in trouble. Sorted by new customers: Bob, Ann, Cy.
 */
export const MANAGER_LOG: readonly (readonly (string | number)[])[] = [
  ["Customer", "Date", "Amount", "Manager", "Budget"],
  ["Anton", "2024-01-05", 100, "Ann", 1000],
  ["Anton", "2024-01-20", 100, "Ann", ""],
  ["Anton", "2024-03-10", 100, "Ann", ""],
  ["Anton", "2024-04-10", 100, "Ann", ""],
  ["Anton", "2024-05-10", 100, "Ann", ""],
  ["Anton", "2024-06-10", 100, "Ann", ""],
  ["Alla", "2024-02-03", 200, "Ann", ""],
  ["Alla", "2024-02-17", 200, "Ann", ""],
  ["Boris", "2024-01-10", 300, "Bob", ""],
  ["Boris", "2024-02-01", 300, "Bob", ""],
  ["Boris", "2024-03-01", 300, "Bob", ""],
  ["Bella", "2024-02-10", 50, "Bob", ""],
  ["Bogdan", "2024-03-15", 50, "Bob", ""],
  ["Cyril", "2024-01-25", 500, MARKUP_MANAGER, ""],
  ["Cyril", "2024-06-20", 500, MARKUP_MANAGER, ""],
  ["Dora", "2024-07-01", 10, "", ""],
];

/** The log analysed with the health check; `withinDays` 365 leaves no cohort old enough to judge. */
export function managerReport(options: { withinDays?: number; columns?: "all" | "noManager" | "noAmountNoBudget" } = {}): RetentionReport {
  const columns = options.columns ?? "all";
  const rows = MANAGER_LOG.map((row) => [...row]);
  return analyzeTable(rows, {
    mapping: {
      customer: 0,
      date: 1,
      amount: columns === "noAmountNoBudget" ? undefined : 2,
      manager: columns === "noManager" ? undefined : 3,
    },
    headers: rows[0]!.map(String),
    headerRow: 0,
    firstRowNumber: 1,
    health: { columns: columns === "all" ? { budget: 4 } : {} },
    locale: inputLocale("en_US", "UTC"),
    settings: { target: 0.67, period: "month", withinDays: options.withinDays ?? 30, ordersStartWithBusiness: true },
  }).report;
}

export const TEXT_LAYOUT = {
  encoding: "utf-8",
  delimiter: ",",
  headerLine: 1,
  mapping: {},
  columnNames: {},
  excludedDealTypes: [],
} as const;
