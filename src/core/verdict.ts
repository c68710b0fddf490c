// The judged verdict: the one retention figure every surface shows as its headline. The literal
// ratio (every new customer, however recent, returns counted at any time) drifts low with young
// cohorts and high with old ones; the verdict gives every customer the same time to come back and
// looks only at the recent past:
//
// - One horizon H, in days: `withinDays` when given, else the span within which 80 % of second
//   purchases fall, over all the data (365 days when nobody came back yet).
// - A cohort is old enough when at least H days separate its period's last day from the latest
//   order; its customers count as returned when their second purchase came within H days.
// - The data's first period is left out: its "new" customers may have bought before the data
//   starts. `ordersStartWithBusiness` brings it back.
// - Only the latest year of cohorts counts: the 12 months (4 quarters, 52 weeks, 1 year) ending at
//   the latest cohort old enough to judge.

import { retentionCohorts } from "./cohorts";
import type { CustomerLedger, DayWindow } from "./ledger";
import { periodEnd, periodIndex, type Period } from "./periods";
import { percentileOfCounts, ratio } from "./statistics";

/** Cohorts in the verdict: a year of them. */
export const VERDICT_COHORTS: Readonly<Record<Period, number>> = { month: 12, quarter: 4, week: 52, year: 1 };
/** Share of second purchases the data-derived horizon covers. */
export const HORIZON_SHARE = 0.8;
/** The horizon when nobody has come back yet. */
export const DEFAULT_HORIZON_DAYS = 365;

export interface VerdictSettings {
  /** Target retention, 0…1. */
  target: number;
  period: Period;
  withinDays?: number;
  /** Only customers whose first purchase falls here are new customers. */
  window?: DayWindow;
  /** The data's first period is judged too: its customers are known to be new. */
  ordersStartWithBusiness?: boolean;
}

/** Where H came from: the setting, the data's second purchases, or the default. */
export type HorizonSource = "withinDays" | "returns" | "default";

export interface Horizon {
  days: number;
  source: HorizonSource;
}

export interface Verdict {
  horizon: Horizon;
  /** Period indices of the judged cohorts, both inclusive; null when none is old enough. */
  span: { first: number; last: number } | null;
  /** The latest period old enough to judge (it may lie outside the span); null without orders. */
  latestJudgeable: number | null;
  /** The data's first period, when it is left out; else null. */
  leftOutPeriod: number | null;
  /** New customers of the judged cohorts, and those of them who came back within H. */
  firstPurchases: number;
  secondPurchases: number;
  rate: number | null;
  belowTarget: boolean;
  /** With nothing to judge yet: the day the orders must reach for the first cohort to be judged. */
  judgeableOn: number | null;
}

/**
 * H: `withinDays`, else the nearest-rank 80th percentile of days to a second purchase. Taken over
 * all the data, not the window's customers: how soon customers come back is the business's habit,
 * and a short window of recent customers would see only the quick returns.
 */
export function horizonOf(ledger: CustomerLedger, withinDays?: number): Horizon {
  if (withinDays !== undefined) return { days: withinDays, source: "withinDays" };
  if (ledger.isEmpty) return { days: DEFAULT_HORIZON_DAYS, source: "default" };
  const gaps = new Int32Array(ledger.latestDay - ledger.earliestDay + 1);
  for (let customer = 0; customer < ledger.size; customer++) {
    if (ledger.hasReturned(customer)) gaps[ledger.daysToSecond(customer)]!++;
  }
  const days = percentileOfCounts(gaps, HORIZON_SHARE);
  return days === undefined ? { days: DEFAULT_HORIZON_DAYS, source: "default" } : { days, source: "returns" };
}

/** The latest period whose last day is at least `horizonDays` before `latestDay`. */
export function latestJudgeablePeriod(latestDay: number, horizonDays: number, period: Period): number {
  const day = latestDay - horizonDays;
  const index = periodIndex(day, period);
  return periodEnd(index, period) === day ? index : index - 1;
}

/** Which periods the verdict judges, and what else it needs to say about them. */
export function verdictSpan(
  ledger: CustomerLedger,
  horizon: Horizon,
  settings: VerdictSettings,
): Pick<Verdict, "span" | "latestJudgeable" | "leftOutPeriod" | "judgeableOn"> {
  if (ledger.isEmpty) return { span: null, latestJudgeable: null, leftOutPeriod: null, judgeableOn: null };
  const { period } = settings;
  const window = settings.window ?? {};
  const firstDataPeriod = periodIndex(ledger.earliestDay, period);
  const windowFirst = window.start === undefined ? -Infinity : periodIndex(window.start, period);
  const windowLast = window.end === undefined ? Infinity : periodIndex(window.end, period);
  // The first period's customers may be older than the data, unless the window starts later.
  const leftOut = !settings.ordersStartWithBusiness && windowFirst <= firstDataPeriod;
  const earliest = Math.max(leftOut ? firstDataPeriod + 1 : firstDataPeriod, windowFirst);
  const latestJudgeable = latestJudgeablePeriod(ledger.latestDay, horizon.days, period);
  const last = Math.min(latestJudgeable, windowLast);
  const first = Math.max(earliest, last - VERDICT_COHORTS[period] + 1);
  const judgeable = earliest <= windowLast;
  return {
    span: first <= last ? { first, last } : null,
    latestJudgeable,
    leftOutPeriod: leftOut ? firstDataPeriod : null,
    judgeableOn: first > last && judgeable ? periodEnd(earliest, period) + horizon.days : null,
  };
}

/** The verdict from cohort rows counted with `horizon` (see `retentionCohorts`). */
export function judgeCohorts(
  ledger: CustomerLedger,
  rows: readonly { index: number; newCustomers: number; returnedInTime: number }[],
  horizon: Horizon,
  settings: VerdictSettings,
): Verdict {
  const placement = verdictSpan(ledger, horizon, settings);
  let firstPurchases = 0;
  let secondPurchases = 0;
  for (const row of rows) {
    if (!isJudged(row.index, placement.span)) continue;
    firstPurchases += row.newCustomers;
    secondPurchases += row.returnedInTime;
  }
  const rate = ratio(secondPurchases, firstPurchases) ?? null;
  return { horizon, ...placement, firstPurchases, secondPurchases, rate, belowTarget: rate !== null && rate < settings.target };
}

export function isJudged(index: number, span: Verdict["span"]): boolean {
  return span !== null && index >= span.first && index <= span.last;
}

/** The verdict straight from a ledger, for callers that need no cohort table (a custom function). */
export function judgedVerdict(ledger: CustomerLedger, settings: VerdictSettings): Verdict {
  const horizon = horizonOf(ledger, settings.withinDays);
  const rows = retentionCohorts(ledger, settings.period, settings.withinDays, settings.window, horizon.days);
  return judgeCohorts(ledger, rows, horizon, settings);
}
