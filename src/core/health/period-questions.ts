// The health check's questions that its period table alone answers: 1 (new against existing
// revenue), 3 (existing customers' revenue), 6 (the average order) and 8 (the active base). One
// place judges them, from the period totals and a few facts of the orders, whoever filled the
// totals: the core's pass over the purchase log (health-check.ts) or a SQL engine's periods table
// (src/cli/duckdb/report-of-tables.ts). The rules are in docs/health-check.md.

import { periodEnd, periodLabel, periodStart } from "../periods";
import { ratio } from "../statistics";
import { VERDICT_COHORTS } from "../verdict";
import { yearAfter } from "./calendar-year";
import type { PeriodTotals } from "./period-table";
import { bandVerdict, HEALTH_BANDS, labelTrend, needsData, trendQuestion, type HealthQuestion, type ReportTrend } from "./questions";
import { DEFAULT_TREND, trendOf, type TrendSettings } from "./trend";

/** What the questions read of the period totals, position 0 being the data's first period. */
export type PeriodSeries = Pick<
  PeriodTotals,
  "period" | "firstIndex" | "count" | "newRevenue" | "existingRevenue" | "purchases" | "activeBase"
>;

/** The facts of the orders that decide which periods are judged. */
export interface JudgingFacts {
  /** The latest and earliest purchase days (ledger.ts): the periods after the latest are still in progress. */
  latestDay: number;
  earliestDay: number;
  /** Every period enters the verdicts: nobody bought before the data start. */
  ordersStartWithBusiness: boolean;
}

export interface Judging {
  /** Positions in the totals: the first judged period and the last complete one (−1 for none). */
  firstJudged: number;
  lastComplete: number;
  /** The trend rule over the complete periods from `firstUsable` (the first judged one by default), its windows labelled. */
  trendOf: (windowValue: (from: number, to: number) => number, firstUsable?: number) => ReportTrend;
  windowPeriods: number;
}

export function judging(totals: PeriodSeries, facts: JudgingFacts, trend: TrendSettings = DEFAULT_TREND): Judging {
  const firstJudged = firstJudgedPosition(totals, facts.earliestDay, facts.ordersStartWithBusiness);
  const lastComplete = lastCompletePosition(totals, facts.latestDay);
  return {
    firstJudged,
    lastComplete,
    trendOf: (windowValue, firstUsable = firstJudged) =>
      labelTrend(trendOf(windowValue, firstUsable, lastComplete, VERDICT_COHORTS[totals.period], trend), (p) => label(totals, p)),
    windowPeriods: trend.windowPeriods,
  };
}

/** Questions 1, 3, 6 and 8, by id. */
export interface PeriodQuestions {
  revenueSplit: HealthQuestion;
  existingRevenue: HealthQuestion;
  averageOrder: HealthQuestion;
  activeBase: HealthQuestion;
}

export function periodQuestions(totals: PeriodSeries, judge: Judging, hasAmounts: boolean): PeriodQuestions {
  return {
    revenueSplit: revenueSplitQuestion(totals, hasAmounts, judge),
    existingRevenue: existingRevenueQuestion(totals, hasAmounts, judge),
    averageOrder: averageOrderQuestion(totals, hasAmounts, judge),
    activeBase: activeBaseQuestion(totals, judge),
  };
}

/** The period of a position, as the cohorts label it. */
function label(totals: Pick<PeriodSeries, "firstIndex" | "period">, position: number): string {
  return periodLabel(totals.firstIndex + position, totals.period);
}

/** The last period whose last day is on or before the latest purchase; -1 when there is none. */
function lastCompletePosition(totals: PeriodSeries, latestDay: number): number {
  let position = totals.count - 1;
  while (position >= 0 && periodEnd(totals.firstIndex + position, totals.period) > latestDay) position--;
  return position;
}

/**
 * The first period that starts 12 months or more after the data do (the first of all when they
 * start with the business). It may lie past the data's last period: counting from it tells how
 * many more complete periods a question needs.
 */
function firstJudgedPosition(totals: PeriodSeries, earliestDay: number, ordersStartWithBusiness: boolean): number {
  if (ordersStartWithBusiness || totals.count === 0) return 0;
  const from = yearAfter(earliestDay);
  let position = 0;
  while (periodStart(totals.firstIndex + position, totals.period) < from) position++;
  return position;
}

function sumOver(values: ArrayLike<number>, from: number, to: number): number {
  let sum = 0;
  for (let position = from; position <= to; position++) sum += values[position]!;
  return sum;
}

/** Question 1: is revenue from existing customers larger than from new ones? */
function revenueSplitQuestion(totals: PeriodSeries, hasAmounts: boolean, judge: Judging): HealthQuestion {
  if (!hasAmounts) return needsData(1, "amount");
  const share = (from: number, to: number): number => {
    const existing = sumOver(totals.existingRevenue, from, to);
    const revenue = existing + sumOver(totals.newRevenue, from, to);
    // A share of no revenue (or of refunds that outweigh it) says nothing: the trend rule reads NaN as "needs data".
    return revenue > 0 ? existing / revenue : Number.NaN;
  };
  const size = judge.windowPeriods;
  const from = judge.lastComplete - size + 1;
  if (from < judge.firstJudged) return needsData(1, "history", judge.firstJudged - from);
  const existingShare = share(from, judge.lastComplete);
  if (Number.isNaN(existingShare)) return needsData(1, "revenue");
  const trend = judge.trendOf(share);
  return {
    id: 1,
    verdict: bandVerdict(existingShare, HEALTH_BANDS.existingShare),
    figures: {
      existingShare,
      existingRevenue: sumOver(totals.existingRevenue, from, judge.lastComplete),
      newRevenue: sumOver(totals.newRevenue, from, judge.lastComplete),
      from: label(totals, from),
      to: label(totals, judge.lastComplete),
      shareChange: trend.direction === "needsData" ? null : trend.change,
    },
    trend,
    series: "existingShare",
  };
}

/** Question 3: is revenue from existing customers falling or standing still? */
function existingRevenueQuestion(totals: PeriodSeries, hasAmounts: boolean, judge: Judging): HealthQuestion {
  if (!hasAmounts) return needsData(3, "amount");
  const trend = judge.trendOf((from, to) => sumOver(totals.existingRevenue, from, to));
  return trendQuestion(3, trend, "existingRevenue");
}

/** Question 6: could the average order be higher? Judged by its trend over every complete period. */
function averageOrderQuestion(totals: PeriodSeries, hasAmounts: boolean, judge: Judging): HealthQuestion {
  if (!hasAmounts) return needsData(6, "amount");
  const average = (from: number, to: number): number =>
    ratio(sumOver(totals.newRevenue, from, to) + sumOver(totals.existingRevenue, from, to), sumOver(totals.purchases, from, to)) ??
    Number.NaN;
  const trend = judge.trendOf(average, 0);
  const figures: HealthQuestion["figures"] =
    trend.direction === "needsData" ? {} : { averageOrder: trend.recent.value, before: trend.base.value };
  return trendQuestion(6, trend, "averageOrder", figures);
}

/** Question 8: is the customer base (customers of the trailing 12 months) steady or shrinking? */
function activeBaseQuestion(totals: PeriodSeries, judge: Judging): HealthQuestion {
  const base = totals.activeBase();
  const trend = judge.trendOf((from, to) => sumOver(base, from, to));
  const figures: HealthQuestion["figures"] = judge.lastComplete >= 0 ? { activeBase: base[judge.lastComplete]! } : {};
  return trendQuestion(8, trend, "activeBase", figures);
}
