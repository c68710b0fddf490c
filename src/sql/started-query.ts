// Question 7 of the health check in SQL: who started each purchase, read from an "initiated by"
// column as the core reads it (src/core/health/initiated-by.ts), and the two counts the core's
// `startedShareQuestion` judges. The words are the core's own lists, written into the query, so
// that both follow any change to them.

import { INITIATOR_WORD_ENDS, INITIATOR_WORDS } from "../core/health/initiated-by";
import type { CellRules, Stage } from "./cell-rules";
import type { Dialect } from "./dialect";
import type { GroupAggregate } from "./group-aggregate";

/** The fate a numbering read gives an order whose initiator names neither side (src/cli/duckdb/row-numbers.ts). */
export const UNKNOWN_INITIATOR = "unknownInitiator";

/**
 * `initiatorOf` of the trimmed cell `initiatedBy_text`, as `initiator`: 'company', 'customer',
 * 'unknown' or 'blank'. The key is tidied, so the only whitespace left in it is a single space:
 * the first word ends at a space or one of the core's other word ends.
 */
export function initiatorStages(rules: CellRules, sql: Dialect): Stage[] {
  const among = (words: readonly string[]): string => `IN (${words.map(sql.text).join(", ")})`;
  const names = (words: readonly string[]): string => `initiator_key ${among(words)} OR initiator_word ${among(words)}`;
  const wordEnds = INITIATOR_WORD_ENDS.replace(/[\\\]^-]/g, (c) => `\\${c}`);
  return [
    [["initiator_key", rules.key("initiatedBy_text")]],
    [["initiator_word", sql.extract("initiator_key", `^([^ ${wordEnds}]*)`)]],
    [
      [
        "initiator",
        [
          "CASE WHEN initiator_key = '' THEN 'blank'",
          `WHEN ${names(INITIATOR_WORDS.company)} THEN 'company'`,
          `WHEN ${names(INITIATOR_WORDS.customer)} THEN 'customer'`,
          "ELSE 'unknown' END",
        ].join(" "),
      ],
    ],
  ];
}

/**
 * What the grouping of rows by customer and day keeps for question 7 (`started`: whether any
 * purchase row of the day says the company started it; refunds are no purchase), from each
 * row's `initiator`, and how many of the rows name neither side (the core counts them on every
 * order, refunds included).
 */
export const STARTED_ROW_COLUMNS = [
  "CASE WHEN amount >= 0 AND initiator = 'company' THEN 1 ELSE 0 END AS started_row",
  "CASE WHEN initiator = 'unknown' THEN 1 ELSE 0 END AS unknown_row",
  "CASE WHEN initiator IN ('company', 'customer') THEN 1 ELSE 0 END AS known_row",
];
export const STARTED_GROUP_COLUMNS: readonly GroupAggregate[] = [
  { fn: "MAX", of: "started_row", name: "started" },
  { fn: "SUM", of: "unknown_row", name: "unknown_initiators" },
  { fn: "SUM", of: "known_row", name: "known_initiators" },
];

/**
 * One row: the purchases (customer-days) of the 12 months ending on the latest purchase, as the
 * core's `addStarted` counts them (the days after the same date a year before, up to that day),
 * those the company started, their share, and the orders whose initiator names neither side and
 * those whose initiator names one.
 */
export function startedSelect(sql: Dialect): string {
  const inYear = "d.purchases > 0 AND d.day > s.year_start AND d.day <= s.latest_day";
  const yearStart = sql.epochDay(sql.addYears(sql.dateOfEpochDay("latest_day"), -1));
  return [
    `SELECT purchases, started_by_company, ${sql.divide("started_by_company", "purchases")} AS started_share, unknown_initiators, known_initiators`,
    "FROM (",
    "  SELECT",
    `    COALESCE(SUM(CASE WHEN ${inYear} THEN 1 ELSE 0 END), 0) AS purchases,`,
    `    COALESCE(SUM(CASE WHEN ${inYear} AND d.started = 1 THEN 1 ELSE 0 END), 0) AS started_by_company,`,
    "    COALESCE(SUM(d.unknown_initiators), 0) AS unknown_initiators,",
    "    COALESCE(SUM(d.known_initiators), 0) AS known_initiators",
    "  FROM customer_days AS d",
    `  CROSS JOIN (SELECT latest_day, ${yearStart} AS year_start FROM data_span) AS s`,
    ") AS counts",
  ].join("\n");
}
