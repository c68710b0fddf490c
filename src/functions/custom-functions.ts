// The custom functions Sheets calls: check the arguments, then one call into the core. What each
// one answers and takes is in signatures.ts, from which the build writes the help cards above the
// top-level functions of dist/Code.js; the parameters here must be the ones listed there.

import { cohortMatrix, retentionCohorts } from "../core/cohorts";
import { customerSummary } from "../core/customer-summary";
import { dayFromIso } from "../core/calendar";
import { activeCustomers, averageOrder, shareOfWallet } from "../core/health/figures";
import { analyzeWithHealth } from "../core/health/analyze-health";
import { healthCheck, lapsedCustomers } from "../core/health/health-check";
import { DEFAULT_LAPSED_FACTOR } from "../core/health/lapsed";
import { DEFAULT_TREND } from "../core/health/trend";
import { fail } from "../core/problems";
import { countRetention, describeWindow, requireMedianDaysToSecond, requireRepeatRevenueShare, retentionRate } from "../core/retention";
import { analyzeLedger, DEFAULT_TARGET, type RetentionReport } from "../core/report";
import { horizonOf, type VerdictSettings } from "../core/verdict";
import { HEADERS } from "../i18n/headers";
import { fill, type Language } from "../i18n/language";
import { formatsFor } from "../presentation/formats";
import { lapsedCallList } from "../presentation/call-list";
import { healthAnswers } from "../presentation/health-check";
import {
  dayArgument,
  excludedDealTypesArgument,
  factorArgument,
  measureArgument,
  optionalRange,
  periodArgument,
  switchArgument,
  targetArgument,
  trendThresholdArgument,
  windowArguments,
  withinDaysArgument,
} from "./arguments";
import { requireJudgedRate } from "./judged-rate";
import { readHealthOrders, readOrderRanges, readOrders, runCustomFunction, type OrderRanges } from "./run-custom-function";
import type { SheetEnvironment } from "./sheet-environment";
import { cohortMatrixWidth, requireSheetColumns } from "./sheet-limits";

type Cell = string | number | Date;

function dateOf(env: SheetEnvironment, epochDay: number): Date {
  return new Date(env.input.zone.startOf(epochDay));
}

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

/** The arguments JUDGED_RETENTION and VERDICT_DETAILS share: the orders as the sidebar reads them, and the verdict's settings. */
function judgedArguments(args: {
  customers: unknown;
  order_dates: unknown;
  amounts: unknown;
  deal_types: unknown;
  excluded_deal_type: unknown;
  period: unknown;
  within_days: unknown;
  orders_start_with_business: unknown;
}): { ranges: OrderRanges; settings: VerdictSettings } {
  const dealTypes = optionalRange(args.deal_types);
  const excludedDealTypes = excludedDealTypesArgument(args.excluded_deal_type, dealTypes);
  const settings = {
    // The rate does not depend on the target; only a report's colours do.
    target: DEFAULT_TARGET,
    period: periodArgument(args.period),
    withinDays: withinDaysArgument(args.within_days),
    ordersStartWithBusiness: switchArgument("orders_start_with_business", args.orders_start_with_business),
  };
  const ranges = {
    customers: args.customers,
    order_dates: args.order_dates,
    amounts: optionalRange(args.amounts),
    deal_types: dealTypes,
    excludedDealTypes,
  };
  return { ranges, settings };
}

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
    const args = { customers, order_dates, amounts, deal_types, excluded_deal_type, period, within_days, orders_start_with_business };
    const { ranges, settings } = judgedArguments(args);
    return requireJudgedRate(readOrderRanges(env, ranges), settings);
  });
}

export function VERDICT_DETAILS(
  customers: unknown,
  order_dates: unknown,
  amounts?: unknown,
  deal_types?: unknown,
  excluded_deal_type?: unknown,
  period?: unknown,
  within_days?: unknown,
  orders_start_with_business?: unknown,
): Cell[][] {
  return runCustomFunction((env) => {
    const args = { customers, order_dates, amounts, deal_types, excluded_deal_type, period, within_days, orders_start_with_business };
    const { ranges, settings } = judgedArguments(args);
    const { ledger, stats } = readOrders(env, ranges);
    const report = analyzeLedger(ledger, stats, [], { ...settings, hasManagers: false, hasAmounts: ranges.amounts !== undefined }).report;
    return verdictDetailRows(report, env.language);
  });
}

/** Label and value rows: the verdict's counts add up, and so do all new customers'. */
function verdictDetailRows(report: RetentionReport, language: Language): Cell[][] {
  const h = HEADERS[language];
  const { verdict, outcomes } = report;
  const date = formatsFor(language).date;
  const judged =
    verdict.fromPeriod === null
      ? verdict.judgeableOn === null
        ? ""
        : fill(h.tooEarlyUntil, { date: date(verdict.judgeableOn) })
      : `${verdict.fromPeriod} – ${verdict.toPeriod}`;
  return [
    [h.judgedCohorts, judged],
    [h.horizonDays, verdict.horizonDays],
    [h.judgedNew, verdict.firstPurchases],
    [h.judgedBack, verdict.secondPurchases],
    [h.judgedNotBack, verdict.notReturned],
    [h.allNew, report.firstPurchases],
    [h.allBack, outcomes.returned],
    [h.allNotBack, outcomes.notReturned],
    [h.allTooRecent, outcomes.tooEarly],
    [h.excludedRows, report.stats.excludedRows],
    [h.refundRows, report.refunds.rows],
  ];
}

export function RETENTION_HORIZON(
  customers: unknown,
  order_dates: unknown,
  amounts?: unknown,
  deal_types?: unknown,
  excluded_deal_type?: unknown,
  within_days?: unknown,
): number {
  return runCustomFunction((env) => {
    const args = { customers, order_dates, amounts, deal_types, excluded_deal_type, within_days };
    const { ranges, settings } = judgedArguments({ ...args, period: undefined, orders_start_with_business: undefined });
    return horizonOf(readOrderRanges(env, ranges), settings.withinDays).days;
  });
}

export function FIRST_PURCHASES(customers: unknown, order_dates: unknown, start_date?: unknown, end_date?: unknown): number {
  return runCustomFunction((env) => {
    const window = windowArguments(start_date, end_date, env);
    return countRetention(readOrderRanges(env, { customers, order_dates }), window).firstPurchases;
  });
}

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

export function TIME_TO_SECOND_PURCHASE(customers: unknown, order_dates: unknown, start_date?: unknown, end_date?: unknown): number {
  return runCustomFunction((env) => {
    const window = windowArguments(start_date, end_date, env);
    return requireMedianDaysToSecond(readOrderRanges(env, { customers, order_dates }), window);
  });
}

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

export function HEALTH_CHECK(
  customers: unknown,
  order_dates: unknown,
  amounts: unknown,
  managers?: unknown,
  deal_types?: unknown,
  excluded_deal_type?: unknown,
  budgets?: unknown,
  initiated_by?: unknown,
  period?: unknown,
  orders_start_with_business?: unknown,
  target?: unknown,
  lapsed_factor?: unknown,
  trend_threshold?: unknown,
): Cell[][] {
  return runCustomFunction((env) => {
    const dealTypes = optionalRange(deal_types);
    const ranges = {
      customers,
      order_dates,
      amounts,
      managers: optionalRange(managers),
      deal_types: dealTypes,
      excludedDealTypes: excludedDealTypesArgument(excluded_deal_type, dealTypes),
      budgets: optionalRange(budgets),
      initiated_by: optionalRange(initiated_by),
    };
    const settings = {
      period: periodArgument(period),
      ordersStartWithBusiness: switchArgument("orders_start_with_business", orders_start_with_business),
      target: targetArgument(target, DEFAULT_TARGET),
      hasAmounts: true,
      hasManagers: ranges.managers !== undefined,
      hasInitiatedBy: ranges.initiated_by !== undefined,
      lapsedFactor: factorArgument("lapsed_factor", lapsed_factor, DEFAULT_LAPSED_FACTOR),
      trend: { ...DEFAULT_TREND, threshold: trendThresholdArgument(trend_threshold, DEFAULT_TREND.threshold) },
    };
    const { orders, stats } = readHealthOrders(env, ranges);
    const check = analyzeWithHealth(orders, stats, [], settings, orders.problems).report.healthCheck!;
    const h = HEADERS[env.language];
    return [
      [h.question, h.verdict, h.answer],
      ...healthAnswers(check, env.language).map((a): Cell[] => [a.question, a.verdictLabel, a.sentence]),
    ];
  });
}

export function REVENUE_SPLIT(
  customers: unknown,
  order_dates: unknown,
  amounts: unknown,
  period?: unknown,
  deal_types?: unknown,
  excluded_deal_type?: unknown,
): Cell[][] {
  return runCustomFunction((env) => {
    const periodName = periodArgument(period);
    const dealTypes = optionalRange(deal_types);
    const excludedDealTypes = excludedDealTypesArgument(excluded_deal_type, dealTypes);
    const { orders } = readHealthOrders(env, { customers, order_dates, amounts, deal_types: dealTypes, excludedDealTypes });
    const settings = { period: periodName, target: DEFAULT_TARGET, hasAmounts: true, hasManagers: false, hasInitiatedBy: false };
    const { periods } = healthCheck(orders.ledger, orders.log, settings, null);
    const h = HEADERS[env.language];
    return [
      [
        h.periodStart,
        h.activeCustomers,
        h.newCustomers,
        h.existingCustomers,
        h.newRevenue,
        h.existingRevenue,
        h.purchases,
        h.averageOrder,
        h.activeBase,
      ],
      ...periods.map((p): Cell[] => [
        dateOf(env, dayFromIso(p.start)),
        p.activeCustomers,
        p.newCustomers,
        p.existingCustomers,
        p.newRevenue ?? "",
        p.existingRevenue ?? "",
        p.purchases,
        p.averageOrder ?? "",
        p.activeBase,
      ]),
    ];
  });
}

export function ACTIVE_CUSTOMERS(customers: unknown, order_dates: unknown, as_of?: unknown, amounts?: unknown): number {
  return runCustomFunction((env) => {
    const asOf = dayArgument("as_of", as_of, env);
    // With amounts, a refund (a negative amount) is no purchase, as in REVENUE_SPLIT's active base.
    const { orders } = readHealthOrders(env, { customers, order_dates, amounts: optionalRange(amounts) });
    return activeCustomers(orders.ledger, orders.log, asOf);
  });
}

export function LAPSED_CUSTOMERS(
  customers: unknown,
  order_dates: unknown,
  amounts?: unknown,
  managers?: unknown,
  contacts?: unknown,
  factor?: unknown,
): Cell[][] {
  return runCustomFunction((env) => {
    const lapsedFactor = factorArgument("factor", factor, DEFAULT_LAPSED_FACTOR);
    const ranges = {
      customers,
      order_dates,
      amounts: optionalRange(amounts),
      managers: optionalRange(managers),
      contacts: optionalRange(contacts),
    };
    const { orders } = readHealthOrders(env, ranges);
    const hasAmounts = ranges.amounts !== undefined;
    const lapsed = lapsedCustomers(orders.ledger, orders.log, { hasAmounts, lapsedFactor, lapsedLimit: Number.POSITIVE_INFINITY });
    const table = lapsedCallList(lapsed.customers, env.language);
    return [
      table.header,
      ...table.rows.map((row) => row.map((cell, i): Cell => (i === table.dateColumn ? dateOf(env, dayFromIso(String(cell))) : cell))),
    ];
  });
}

export function AVERAGE_ORDER(
  customers: unknown,
  order_dates: unknown,
  amounts: unknown,
  start_date?: unknown,
  end_date?: unknown,
): number {
  return runCustomFunction((env) => {
    const window = windowArguments(start_date, end_date, env);
    const { orders } = readHealthOrders(env, { customers, order_dates, amounts });
    return averageOrder(orders.ledger, orders.log, window) ?? fail({ code: "noPurchases", value: describeWindow(window) });
  });
}

export function SHARE_OF_WALLET(customers: unknown, order_dates: unknown, amounts: unknown, budgets: unknown): number {
  return runCustomFunction((env) => {
    const { orders } = readHealthOrders(env, { customers, order_dates, amounts, budgets });
    return shareOfWallet(orders.ledger, orders.log).share ?? fail({ code: "noBudgets", argument: "budgets" });
  });
}
