// The DuckDB report's tables made into the report the renderers take, with the core's own
// functions wherever the core decides (verdicts, questions, the cohort grid's cut), so that both
// engines judge alike.

import { isoDate } from "../../core/calendar";
import { type CohortCounts, type CohortGrid, cohortGrid } from "../../core/health/cohort-grid";
import {
  GRID_SIZE,
  type HealthCheck,
  lapsedQuestion,
  type ManagerHealth,
  managerHealth,
  managersQuestion,
  shareOfWalletQuestion,
  startedNeedsSides,
  startedShareQuestion,
} from "../../core/health/health-check";
import type { LapsedList } from "../../core/health/lapsed";
import { type Judging, judging, periodQuestions, type PeriodSeries } from "../../core/health/period-questions";
import { existingShareOf, type HealthPeriod } from "../../core/health/period-table";
import type { HealthQuestion, ReportTrend, UnreadValues } from "../../core/health/questions";
import { countLeftOutStatus, type IngestStats } from "../../core/ingest";
import { periodEnd, periodIndex, periodLabel, periodStart, type Period } from "../../core/periods";
import type { ProblemCode } from "../../core/problems";
import { REPORT_LIMITS, type CohortReportRow, type ManagerReportRow, type RetentionReport } from "../../core/report";
import { ratio } from "../../core/statistics";
import type { ReportTable } from "../../sql/report-query";
import { UNKNOWN_INITIATOR } from "../../sql/started-query";
import { UNREADABLE_BUDGET } from "../../sql/wallet-query";
import type { Row } from "./connection";
import { problemKey } from "./row-numbers";
import type { FileLayout } from "../file-layout";
import type { CliOptions } from "../options";
import type { SkippedGroup } from "../report-command";

/** The query's tables by name (report-query.ts), each as its rows. */
export type Tables = Record<Exclude<ReportTable, "problemRows">, Row[]>;

export const num = (value: unknown): number => Number(value);
const numOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

/** The report of a log with customers, from its tables and its rows' counts (rowStats). */
export function reportOf(tables: Tables, layout: FileLayout, options: CliOptions, stats: IngestStats): RetentionReport {
  const summary = tables.summary[0]!;
  const { period } = options;
  const hasAmounts = layout.mapping.amount !== undefined;
  const horizonDays = num(summary.horizon_days);
  const latestDay = num(summary.latest_day);
  const spanFirst = numOrNull(summary.verdict_first_period);
  const spanLast = numOrNull(summary.verdict_last_period);
  const firstPurchases = num(summary.first_purchases);
  const secondPurchases = num(summary.second_purchases);
  const lostCount = num(summary.lost_customers);
  const verdictFirst = num(summary.verdict_first_purchases);
  const verdictSecond = num(summary.verdict_second_purchases);
  const verdictRate = ratio(verdictSecond, verdictFirst) ?? null;
  const belowTarget = verdictRate !== null && verdictRate < options.target;
  const label = (index: number | null): string | null => (index === null ? null : periodLabel(index, period));
  const cohortRows = tables.cohorts.map((row) => cohortRow(row, period));
  const cohorts = cohortRows.slice(-REPORT_LIMITS.cohorts);
  const managers = layout.mapping.manager === undefined ? null : tables.managers.map(managerRow).sort(byManager);
  const report: RetentionReport = {
    stats,
    skipped: [],
    columns: layout.columnNames,
    excludedDealType: layout.excludedDealTypes.length === 0 ? null : layout.excludedDealTypes.join(" / "),
    statusColumn: layout.status?.name ?? null,
    refunds: { rows: num(summary.refund_rows), amount: hasAmounts ? num(summary.refund_amount) : null },
    customers: num(summary.customers),
    firstDate: isoDate(num(summary.earliest_day)),
    lastDate: isoDate(latestDay),
    verdict: {
      rate: verdictRate,
      firstPurchases: verdictFirst,
      secondPurchases: verdictSecond,
      notReturned: verdictFirst - verdictSecond,
      belowTarget,
      horizonDays,
      horizonSource: summary.horizon_source as RetentionReport["verdict"]["horizonSource"],
      fromPeriod: label(spanFirst),
      toPeriod: label(spanLast),
      from: spanFirst === null ? null : isoDate(periodStart(spanFirst, period)),
      to: spanLast === null ? null : isoDate(periodEnd(spanLast, period)),
      leftOutPeriod: label(numOrNull(summary.left_out_period)),
      judgeableOn: judgeableOn(summary, options, horizonDays),
    },
    firstPurchases,
    secondPurchases,
    retentionRate: ratio(secondPurchases, firstPurchases) ?? null,
    outcomes: { returned: secondPurchases, notReturned: lostCount, tooEarly: firstPurchases - secondPurchases - lostCount },
    target: options.target,
    belowTarget,
    period,
    withinDays: options.withinDays ?? null,
    ordersStartWithBusiness: options.ordersStartWithBusiness,
    medianDaysToSecond: numOrNull(summary.median_days_to_second),
    repeatRevenueShare: hasAmounts ? repeatShare(summary) : null,
    cohorts,
    cohortsOmitted: cohortRows.length - cohorts.length,
    managers: managers?.slice(0, REPORT_LIMITS.managers) ?? null,
    managersOmitted: Math.max(0, (managers?.length ?? 0) - REPORT_LIMITS.managers),
    lost: {
      count: lostCount,
      amount: hasAmounts ? num(summary.lost_amount) : null,
      customers: tables.lost.map((row) => ({
        name: String(row.name),
        firstDate: isoDate(num(row.first_day)),
        amount: hasAmounts ? num(row.total_amount) : null,
        manager: String(row.manager),
        daysSinceFirst: latestDay - num(row.first_day),
      })),
    },
  };
  return report;
}

function cohortRow(row: Row, period: Period): CohortReportRow {
  const index = num(row.period_index);
  return {
    period: periodLabel(index, period),
    start: isoDate(periodStart(index, period)),
    end: isoDate(periodEnd(index, period)),
    newCustomers: num(row.new_customers),
    returned: num(row.returned),
    returnedInTime: num(row.returned_in_time),
    rate: num(row.rate),
    rateInTime: num(row.rate_in_time),
    tooEarly: row.too_early === true,
    judged: row.judged === true,
    belowTarget: row.below_target === true,
  };
}

/**
 * The periods as the core's health check gives them (src/core/health/period-table.ts), the latest
 * ones as it caps them, and the questions they answer, judged by the core (period-questions.ts),
 * with questions 2, 5 and 7 in their places among them and question 4 judged over the managers'
 * rows, and the cohort grid from its counts: the whole health check.
 */
export function healthCheckOf(tables: Tables, layout: FileLayout, options: CliOptions, unread: Map<string, UnreadValues>): HealthCheck {
  const { healthPeriods: rows } = tables;
  const summary = tables.summary[0]!;
  const { period } = options;
  const hasAmounts = layout.mapping.amount !== undefined;
  const started = startedNeedsSides(
    withUnread(startedQuestion(tables.started[0], layout.healthColumns?.initiatedBy !== undefined), unread.get(UNKNOWN_INITIATOR)),
    num(tables.started[0]?.known_initiators ?? 0),
  );
  const wallet = withUnread(walletQuestion(tables.wallet[0], hasAmounts), unread.get(UNREADABLE_BUDGET));
  const lapsed = lapsedList(tables, options, hasAmounts);
  const periods = rows.map((row): HealthPeriod => {
    const index = num(row.period_index);
    return {
      period: periodLabel(index, period),
      start: isoDate(periodStart(index, period)),
      end: isoDate(periodEnd(index, period)),
      complete: row.complete === true,
      judged: row.judged === true,
      activeCustomers: num(row.active_customers),
      newCustomers: num(row.new_customers),
      existingCustomers: num(row.existing_customers),
      purchases: num(row.purchases),
      newPurchases: num(row.new_purchases),
      existingPurchases: num(row.existing_purchases),
      revenue: numOrNull(row.revenue),
      newRevenue: numOrNull(row.new_revenue),
      existingRevenue: numOrNull(row.existing_revenue),
      existingShare: hasAmounts ? existingShareOf(num(row.new_revenue), num(row.existing_revenue)) : null,
      averageOrder: numOrNull(row.average_order),
      newAverageOrder: numOrNull(row.new_average_order),
      existingAverageOrder: numOrNull(row.existing_average_order),
      activeBase: num(row.active_base),
    };
  });
  const omitted = Math.max(0, periods.length - REPORT_LIMITS.healthPeriods);
  const totals = periodSeries(rows, period);
  const facts = {
    latestDay: num(summary.latest_day),
    earliestDay: num(summary.earliest_day),
    ordersStartWithBusiness: options.ordersStartWithBusiness,
  };
  const judge = judging(totals, facts, options.trend);
  const asked = periodQuestions(totals, judge, hasAmounts);
  const managers = layout.mapping.manager === undefined ? null : managersOf(tables, judge, totals.firstIndex, options, hasAmounts);
  return {
    periods: periods.slice(omitted),
    periodsOmitted: omitted,
    questions: [
      asked.revenueSplit,
      wallet,
      asked.existingRevenue,
      managersQuestion(managers, hasAmounts),
      lapsedQuestion(lapsed),
      asked.averageOrder,
      started,
      asked.activeBase,
    ],
    lapsed,
    managers: managers?.slice(0, REPORT_LIMITS.healthManagers) ?? null,
    managersOmitted: Math.max(0, (managers?.length ?? 0) - REPORT_LIMITS.healthManagers),
    cohortGrid: cohortGridOf(tables.cohortGrid, period, facts.latestDay),
    settings: { trendThreshold: options.trend.threshold, trendPeriods: options.trend.windowPeriods, lapsedFactor: options.lapsedFactor },
    // The health check's own columns the layout found, by header, as the streaming report names them.
    columns: layout.healthColumnNames ?? {},
  };
}

/** The cohort grid as the core's builder makes it (cohort-grid.ts), from the `cohortGrid` table's counts. */
function cohortGridOf(rows: readonly Row[], period: Period, latestDay: number): CohortGrid {
  const byCohort = new Map<number, CohortCounts>();
  for (const row of rows) {
    const cohort = num(row.cohort_index);
    const offset = num(row.period_offset);
    let counts = byCohort.get(cohort);
    if (counts === undefined) byCohort.set(cohort, (counts = { size: 0, active: [] }));
    counts.active[offset] = num(row.customers);
    // Everyone buys in their first period: offset 0 counts the whole cohort.
    if (offset === 0) counts.size = counts.active[0]!;
  }
  return cohortGrid(byCohort, period, latestDay, GRID_SIZE, GRID_SIZE);
}

/** Question 5's list as the core's LapsedFinder gives it, from the `lapsedSummary` and `lapsed` tables. */
function lapsedList(tables: Tables, options: CliOptions, hasAmounts: boolean): LapsedList {
  const summary = tables.lapsedSummary[0]!;
  const contacts = new Map(tables.lapsedContacts.map((row) => [String(row.name), String(row.contact)]));
  return {
    count: num(summary.lapsed_customers),
    revenueAtStake: hasAmounts ? num(summary.revenue_at_stake) : null,
    repeatCustomers: num(summary.repeat_customers),
    medianGapDays: numOrNull(summary.median_gap_days),
    factor: options.lapsedFactor,
    customers: tables.lapsed.map((row) => ({
      name: String(row.name),
      manager: String(row.manager),
      lastPurchase: isoDate(num(row.last_day)),
      purchases: num(row.purchases),
      usualGapDays: num(row.usual_gap_days),
      daysSinceLast: num(row.days_since_last),
      revenueAtStake: hasAmounts ? num(row.revenue_at_stake) : null,
      // None without a contact column, or when none of the customer's is filled in: "", as the core's.
      contact: contacts.get(String(row.name)) ?? "",
    })),
  };
}

/** Question 7 from the `started` table's counts, judged by the core (`startedShareQuestion`). */
function startedQuestion(row: Row | undefined, hasInitiatedBy: boolean): HealthQuestion {
  const counts = { purchases: num(row?.purchases ?? 0), byCompany: num(row?.started_by_company ?? 0) };
  return startedShareQuestion(hasInitiatedBy, counts);
}

/**
 * Question 4's rows, made by the core (`managerHealth`) from the verdict's manager rows and the
 * `manager…` tables: the trend of each manager's existing customers' revenue by the core's rule
 * over the same periods as question 3 (`firstIndex` is the first period's index).
 */
function managersOf(tables: Tables, judge: Judging, firstIndex: number, options: CliOptions, hasAmounts: boolean): ManagerHealth[] {
  const revenue = new Map<string, Map<number, number>>();
  for (const row of tables.managerRevenue) {
    const manager = String(row.manager);
    let byPosition = revenue.get(manager);
    if (byPosition === undefined) revenue.set(manager, (byPosition = new Map()));
    byPosition.set(num(row.period_index) - firstIndex, num(row.existing_revenue));
  }
  const revenueTrends = new Map<string, ReportTrend>();
  for (const [manager, byPosition] of revenue) {
    const windowSum = (from: number, to: number): number => {
      let sum = 0;
      for (let position = from; position <= to; position++) sum += byPosition.get(position) ?? 0;
      return sum;
    };
    revenueTrends.set(manager, hasAmounts ? judge.trendOf(windowSum) : { direction: "needsData", periodsNeeded: 0 });
  }
  const byManager = <T>(rows: readonly Row[], value: (row: Row) => T): Map<string, T> =>
    new Map(rows.map((row) => [String(row.manager), value(row)]));
  return managerHealth({
    retentionRows: tables.managers.map(managerRow),
    revenueTrends,
    lapsedByManager: byManager(tables.managerLapsed, (row) => ({ count: num(row.lapsed), revenueAtStake: num(row.revenue_at_stake) })),
    walletByManager: byManager(tables.managerWallet, (row) => ({ sales: num(row.sales), budget: num(row.budget) })),
    named: tables.managerNames.map((row) => String(row.manager)),
    hasAmounts,
    target: options.target,
  });
}

/** Question 2 from the `wallet` table (none without a budget column), judged by the core (`shareOfWalletQuestion`). */
function walletQuestion(row: Row | undefined, hasAmounts: boolean): HealthQuestion {
  const sums = { sales: num(row?.sales ?? 0), budget: num(row?.budget ?? 0), customers: num(row?.customers ?? 0) };
  return shareOfWalletQuestion(row?.has_budgets === true, hasAmounts, { ...sums, share: numOrNull(row?.share_of_wallet) ?? undefined });
}

/** The question with the values of its column that could not be read, where there are any. */
function withUnread(question: HealthQuestion, unread: UnreadValues | undefined): HealthQuestion {
  return unread === undefined ? question : { ...question, unread };
}

/**
 * Values of the health check's own columns that cannot be read, by the column the numbering read
 * gives them in (problemRowsSelect): how many the query counted.
 */
export type UnreadCounts = Record<typeof UNKNOWN_INITIATOR | typeof UNREADABLE_BUDGET, number>;

/** The periods' sums as the core's PeriodTotals holds them, every period from the first (money 0 without amounts). */
function periodSeries(rows: readonly Row[], period: Period): PeriodSeries {
  const money = (field: string): Float64Array => Float64Array.from(rows, (row) => numOrNull(row[field]) ?? 0);
  const base = Int32Array.from(rows, (row) => num(row.active_base));
  return {
    period,
    firstIndex: rows.length === 0 ? 0 : num(rows[0]!.period_index),
    count: rows.length,
    newRevenue: money("new_revenue"),
    existingRevenue: money("existing_revenue"),
    purchases: Int32Array.from(rows, (row) => num(row.purchases)),
    activeBase: () => base,
  };
}

function managerRow(row: Row): ManagerReportRow {
  return {
    manager: String(row.manager),
    newCustomers: num(row.new_customers),
    returned: num(row.returned),
    rate: numOrNull(row.rate),
    belowTarget: row.below_target === true,
  };
}

/** The core's order (report.ts): most new customers first, then by name as the locale sorts. */
function byManager(a: ManagerReportRow, b: ManagerReportRow): number {
  return b.newCustomers - a.newCustomers || a.manager.localeCompare(b.manager);
}

/** With nothing to judge yet: the day the orders must reach (verdictSpan's judgeableOn). */
function judgeableOn(summary: Row, options: CliOptions, horizonDays: number): string | null {
  if (summary.verdict_first_period !== null) return null;
  const earliest = num(summary.earliest_period);
  const windowLast = options.window.end === undefined ? Number.POSITIVE_INFINITY : periodIndex(options.window.end, options.period);
  return earliest <= windowLast ? isoDate(periodEnd(earliest, options.period) + horizonDays) : null;
}

/** Repeat ÷ all revenue (src/core/retention.ts): none without revenue, or when refunds exceed a part. */
function repeatShare(summary: Row): number | null {
  const total = num(summary.window_revenue);
  const repeat = total - num(summary.first_day_revenue);
  if (!(total > 0) || repeat < 0 || repeat > total) return null;
  return repeat / total;
}

export const PROBLEMS: ReadonlySet<string> = new Set<ProblemCode>([
  "errorValue",
  "missingCustomer",
  "missingDate",
  "badDate",
  "implausibleDate",
  "badAmount",
]);

/** The rows' counts as ingestOrders keeps them, and the skipped ones grouped by reason (problemKey). */
export function rowStats(
  counts: readonly Row[],
  exampleRows: readonly Row[],
  layout: FileLayout,
): { stats: IngestStats; skipped: Map<string, SkippedGroup> } {
  const stats: IngestStats = { rows: 0, blankRows: 0, excludedRows: 0, skippedRows: 0, orders: 0 };
  const skipped = new Map<string, SkippedGroup>();
  const examplesOf = new Map(exampleRows.map((row) => [problemKey(String(row.fate), String(row.fate_column)), row]));
  for (const row of counts) {
    const count = num(row.row_count);
    const fate = String(row.fate);
    stats.rows += count;
    if (fate === "order") stats.orders += count;
    else if (fate === "blank") stats.blankRows += count;
    else if (fate === "excluded") stats.excludedRows += count;
    else if (fate === "leftOut") countLeftOutStatus(stats, String(row.status_label), count);
    else if (PROBLEMS.has(fate)) {
      stats.skippedRows += count;
      const field = String(row.fate_column) as keyof FileLayout["columnNames"] | "status";
      const argument = field === "status" ? layout.status?.name : layout.columnNames[field];
      const key = problemKey(fate, String(row.fate_column));
      const { example, other_example } = examplesOf.get(key)!;
      const examples = [example, other_example].filter((value, at, all) => all.indexOf(value) === at);
      skipped.set(key, {
        problem: { code: fate as ProblemCode, argument, value: example },
        count,
        // Unnumbered (row 0) until numberRows finds the first rows.
        examples: examples.map((value) => ({ row: 0, value })),
        sameValue: examples.length === 1,
      });
    }
  }
  return { stats, skipped };
}

/**
 * The groups in the order their first rows come, as the streaming command lists them: by file (in
 * the order `files` are read), then row. Unnumbered rows are all row 0 of no file, and the sort,
 * stable, leaves the groups as found.
 */
export function groupsInOrder(groups: Map<string, SkippedGroup>, files: readonly string[]): SkippedGroup[] {
  const fileOf = (group: SkippedGroup): number => files.indexOf(group.examples[0]?.file ?? "");
  const firstRow = (group: SkippedGroup): number => group.examples[0]?.row ?? 0;
  return [...groups.values()].sort((a, b) => fileOf(a) - fileOf(b) || firstRow(a) - firstRow(b));
}

/** How many orders have an initiator that names neither side, and how many a budget that cannot be read. */
export function unreadCountsOf(tables: Tables): UnreadCounts {
  return {
    [UNKNOWN_INITIATOR]: num(tables.started[0]?.unknown_initiators ?? 0),
    [UNREADABLE_BUDGET]: num(tables.wallet[0]?.unreadable_budgets ?? 0),
  };
}
