// The custom functions Sheets calls. The build copies each JSDoc block onto a top-level function of
// the same name in dist/Code.js, so what is written here is the help card users see.

import { cohortMatrix, retentionCohorts } from "../core/cohorts";
import { customerSummary } from "../core/customer-summary";
import { countRetention, requireMedianDaysToSecond, requireRepeatRevenueShare, retentionRate } from "../core/retention";
import { DEFAULT_TARGET } from "../core/report";
import { horizonOf } from "../core/verdict";
import { HEADERS } from "../i18n/headers";
import {
  excludedDealTypesArgument,
  measureArgument,
  optionalRange,
  periodArgument,
  switchArgument,
  windowArguments,
  withinDaysArgument,
} from "./arguments";
import { requireJudgedRate } from "./judged-rate";
import { readOrderRanges, runCustomFunction } from "./run-custom-function";
import type { SheetEnvironment } from "./sheet-environment";
import { cohortMatrixWidth, requireSheetColumns } from "./sheet-limits";

type Cell = string | number | Date;

function dateOf(env: SheetEnvironment, epochDay: number): Date {
  return new Date(env.input.zone.startOf(epochDay));
}

/**
 * Retention of new customers, literally: second purchases ÷ first purchases over the whole range,
 * returns counted at any time (below 67 %, a hole in the pocket). Recent customers, who have had
 * no time to come back, pull it down and old ones push it up: JUDGED_RETENTION is the verdict.
 *
 * @param {string[][]} customers Customer of each order (names or ids), one column.
 * @param {Date[][]} order_dates Date of each order, one column of the same length.
 * @param {Date} start_date [optional] Count customers whose first purchase is on or after this date.
 * @param {Date} end_date [optional] Count customers whose first purchase is on or before this date.
 * @param {number} within_days [optional] Count a return only within this many days of the first purchase.
 * @return {number} Share of new customers who came back, from 0 to 1.
 * @example =RETENTION_RATE(B2:B, A2:A)
 * @customfunction
 */
export function RETENTION_RATE(
  customers: unknown,
  order_dates: unknown,
  start_date?: unknown,
  end_date?: unknown,
  within_days?: unknown,
): number {
  return runCustomFunction((env) => {
    const window = windowArguments(start_date, end_date, env);
    const withinDays = withinDaysArgument(within_days);
    return retentionRate(readOrderRanges(env, { customers, order_dates }), window, withinDays);
  });
}

/**
 * The verdict on retention of new customers, as the sidebar shows it: the new customers of the
 * latest year of cohorts old enough to judge, and the share of them who bought again within H days
 * of their first purchase. H is within_days, else the span within which 80 % of second purchases
 * fall (365 days while nobody came back). A cohort is old enough when its period ended H days
 * before the latest order. The data's first period is left out: its customers may have bought before
 * the data starts.
 *
 * @param {string[][]} customers Customer of each order, one column.
 * @param {Date[][]} order_dates Date of each order, one column of the same length.
 * @param {number[][]} amounts [optional] Amount of each order: a negative one (a refund) is no purchase.
 * @param {string[][]} deal_types [optional] Deal type of each order, one column of the same length.
 * @param {string} excluded_deal_type [optional] Leave out the rows of this deal type, e.g. "project"; blank: none.
 * @param {string} period [optional] Cohorts by "month" (default), "week", "quarter" or "year"; the verdict judges a year of them.
 * @param {number} within_days [optional] H: count a return only within this many days of the first purchase.
 * @param {boolean} orders_start_with_business [optional] TRUE if the orders go back to the first sale: the first period is judged too.
 * @return {number} Share of the judged new customers who came back within H days, from 0 to 1.
 * @example =JUDGED_RETENTION(B2:B, A2:A, C2:C, E2:E, "project")
 * @customfunction
 */
export function JUDGED_RETENTION(
  customers: unknown,
  order_dates: unknown,
  amounts?: unknown,
  deal_types?: unknown,
  excluded_deal_type?: unknown,
  period?: unknown,
  within_days?: unknown,
  orders_start_with_business?: unknown,
): number {
  return runCustomFunction((env) => {
    const dealTypes = optionalRange(deal_types);
    const excludedDealTypes = excludedDealTypesArgument(excluded_deal_type, dealTypes);
    const settings = {
      // The rate does not depend on the target; only a report's colours do.
      target: DEFAULT_TARGET,
      period: periodArgument(period),
      withinDays: withinDaysArgument(within_days),
      ordersStartWithBusiness: switchArgument("orders_start_with_business", orders_start_with_business),
    };
    const ranges = { customers, order_dates, amounts: optionalRange(amounts), deal_types: dealTypes, excludedDealTypes };
    return requireJudgedRate(readOrderRanges(env, ranges), settings);
  });
}

/**
 * The horizon H of JUDGED_RETENTION, in days: the span within which 80 % of second purchases came
 * (or within_days when given; 365 when nobody has come back yet). The verdict counts a return only
 * within H days of the first purchase, and judges a cohort once H days have passed since its end.
 *
 * @param {string[][]} customers Customer of each purchase, one column (leave out refunds and one-off deals).
 * @param {Date[][]} order_dates Date of each purchase, one column of the same length.
 * @param {number} within_days [optional] The horizon to use instead of the data's.
 * @return {number} Days.
 * @example =RETENTION_HORIZON(B2:B, A2:A)
 * @customfunction
 */
export function RETENTION_HORIZON(customers: unknown, order_dates: unknown, within_days?: unknown): number {
  return runCustomFunction((env) => horizonOf(readOrderRanges(env, { customers, order_dates }), withinDaysArgument(within_days)).days);
}

/**
 * Number of new customers: those whose first purchase falls in the period.
 *
 * @param {string[][]} customers Customer of each order, one column.
 * @param {Date[][]} order_dates Date of each order, one column of the same length.
 * @param {Date} start_date [optional] First day of the period.
 * @param {Date} end_date [optional] Last day of the period.
 * @return {number} How many customers made their first purchase in the period.
 * @example =FIRST_PURCHASES(B2:B, A2:A, DATE(2024,1,1), DATE(2024,12,31))
 * @customfunction
 */
export function FIRST_PURCHASES(customers: unknown, order_dates: unknown, start_date?: unknown, end_date?: unknown): number {
  return runCustomFunction((env) => {
    const window = windowArguments(start_date, end_date, env);
    return countRetention(readOrderRanges(env, { customers, order_dates }), window).firstPurchases;
  });
}

/**
 * Number of the period's new customers who made a second purchase.
 *
 * @param {string[][]} customers Customer of each order, one column.
 * @param {Date[][]} order_dates Date of each order, one column of the same length.
 * @param {Date} start_date [optional] First day of the period (of first purchases).
 * @param {Date} end_date [optional] Last day of the period (of first purchases).
 * @param {number} within_days [optional] Count a return only within this many days of the first purchase.
 * @return {number} How many of the period's new customers came back.
 * @example =SECOND_PURCHASES(B2:B, A2:A, , , 90)
 * @customfunction
 */
export function SECOND_PURCHASES(
  customers: unknown,
  order_dates: unknown,
  start_date?: unknown,
  end_date?: unknown,
  within_days?: unknown,
): number {
  return runCustomFunction((env) => {
    const window = windowArguments(start_date, end_date, env);
    const withinDays = withinDaysArgument(within_days);
    return countRetention(readOrderRanges(env, { customers, order_dates }), window, withinDays).secondPurchases;
  });
}

/**
 * Retention by cohort: one row per period with new customers, oldest first.
 *
 * @param {string[][]} customers Customer of each order, one column.
 * @param {Date[][]} order_dates Date of each order, one column of the same length.
 * @param {string} period [optional] "month" (default), "week", "quarter" or "year" (or месяц, неделя, квартал, год).
 * @param {number} within_days [optional] Count a return only within this many days of the first purchase.
 * @return A table: period start, new customers, returned, retention rate.
 * @example =RETENTION_COHORTS(B2:B, A2:A, "quarter")
 * @customfunction
 */
export function RETENTION_COHORTS(customers: unknown, order_dates: unknown, period?: unknown, within_days?: unknown): Cell[][] {
  return runCustomFunction((env) => {
    const periodName = periodArgument(period);
    const withinDays = withinDaysArgument(within_days);
    const rows = retentionCohorts(readOrderRanges(env, { customers, order_dates }), periodName, withinDays);
    const h = HEADERS[env.language];
    return [
      [h.periodStart, h.newCustomers, h.returned, h.retentionRate],
      ...rows.map((row): Cell[] => [dateOf(env, row.start), row.newCustomers, row.returned, row.rate]),
    ];
  });
}

/**
 * The cohort triangle: for each cohort of new customers, the share (or number) who bought again
 * 0, 1, 2 … periods after their first purchase.
 *
 * @param {string[][]} customers Customer of each order, one column.
 * @param {Date[][]} order_dates Date of each order, one column of the same length.
 * @param {string} period [optional] "month" (default), "week", "quarter" or "year".
 * @param {string} measure [optional] "rate" (default): share of the cohort; "count": number of customers.
 * @return A table: cohort start, cohort size, then one column per period offset.
 * @example =COHORT_MATRIX(B2:B, A2:A, "month", "rate")
 * @customfunction
 */
export function COHORT_MATRIX(customers: unknown, order_dates: unknown, period?: unknown, measure?: unknown): Cell[][] {
  return runCustomFunction((env) => {
    const periodName = periodArgument(period);
    const measureName = measureArgument(measure);
    const ledger = readOrderRanges(env, { customers, order_dates }, { trackPeriods: periodName });
    requireSheetColumns(cohortMatrixWidth(ledger, periodName), "period");
    const matrix = cohortMatrix(ledger, periodName);
    const h = HEADERS[env.language];
    const offsets = Array.from({ length: matrix.offsets }, (_, k) => `+${k}`);
    return [
      [h.cohortStart, h.cohortSize, ...offsets],
      ...matrix.rows.map((row): Cell[] => [
        dateOf(env, row.start),
        row.size,
        ...Array.from(row.active, (active) => (active === undefined ? "" : measureName === "rate" ? active / row.size : active)),
      ]),
    ];
  });
}

/**
 * Share of revenue that came from repeat purchases: orders dated after the customer's first
 * purchase day (taken from the whole range).
 *
 * @param {string[][]} customers Customer of each order, one column.
 * @param {Date[][]} order_dates Date of each order, one column of the same length.
 * @param {number[][]} amounts Amount of each order, one column of the same length.
 * @param {Date} start_date [optional] Count orders dated on or after this date.
 * @param {Date} end_date [optional] Count orders dated on or before this date.
 * @return {number} Repeat revenue ÷ all revenue of the period's orders, from 0 to 1.
 * @example =REPEAT_REVENUE_SHARE(B2:B, A2:A, C2:C)
 * @customfunction
 */
export function REPEAT_REVENUE_SHARE(
  customers: unknown,
  order_dates: unknown,
  amounts: unknown,
  start_date?: unknown,
  end_date?: unknown,
): number {
  return runCustomFunction((env) => {
    const window = windowArguments(start_date, end_date, env);
    return requireRepeatRevenueShare(readOrderRanges(env, { customers, order_dates, amounts }, { amountWindow: window }));
  });
}

/**
 * Median number of days from the first to the second purchase, among the period's new customers
 * who came back.
 *
 * @param {string[][]} customers Customer of each order, one column.
 * @param {Date[][]} order_dates Date of each order, one column of the same length.
 * @param {Date} start_date [optional] First day of the period (of first purchases).
 * @param {Date} end_date [optional] Last day of the period (of first purchases).
 * @return {number} Median days to the second purchase.
 * @example =TIME_TO_SECOND_PURCHASE(B2:B, A2:A)
 * @customfunction
 */
export function TIME_TO_SECOND_PURCHASE(customers: unknown, order_dates: unknown, start_date?: unknown, end_date?: unknown): number {
  return runCustomFunction((env) => {
    const window = windowArguments(start_date, end_date, env);
    return requireMedianDaysToSecond(readOrderRanges(env, { customers, order_dates }), window);
  });
}

/**
 * One row per customer: first and last purchase, number of purchases, total amount and days since
 * the last purchase (counted to the latest order date in the data).
 *
 * @param {string[][]} customers Customer of each order, one column.
 * @param {Date[][]} order_dates Date of each order, one column of the same length.
 * @param {number[][]} amounts [optional] Amount of each order, one column of the same length.
 * @return A table ordered by first purchase, then by name.
 * @example =CUSTOMER_SUMMARY(B2:B, A2:A, C2:C)
 * @customfunction
 */
export function CUSTOMER_SUMMARY(customers: unknown, order_dates: unknown, amounts?: unknown): Cell[][] {
  return runCustomFunction((env) => {
    const ranges = { customers, order_dates, amounts: optionalRange(amounts) };
    const hasAmounts = ranges.amounts !== undefined;
    const rows = customerSummary(readOrderRanges(env, ranges, { trackDays: true }));
    const h = HEADERS[env.language];
    return [
      [h.customer, h.firstPurchase, h.lastPurchase, h.purchases, h.totalAmount, h.daysSinceLast],
      ...rows.map((row): Cell[] => [
        row.name,
        dateOf(env, row.first),
        dateOf(env, row.last),
        row.purchases,
        hasAmounts ? row.totalAmount : "",
        row.daysSinceLast,
      ]),
    ];
  });
}
