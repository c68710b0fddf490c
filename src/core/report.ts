// The full report behind the sidebar, the preview and the command line: plain data only (ISO date
// strings, no Date objects), bounded in size however many rows went in.

import { isoDate } from "./calendar";
import { retentionCohorts, type CohortRow } from "./cohorts";
import type { Field } from "./columns";
import { inWindow, type CustomerLedger } from "./ledger";
import { periodEnd, periodIndex, periodLabel, periodStart, type Period } from "./periods";
import type { Problem } from "./problems";
import type { HealthCheck } from "./health/health-check";
import type { IngestStats } from "./ingest";
import { medianDaysToSecond, repeatRevenueShare, type RetentionCounts } from "./retention";
import { ratio } from "./statistics";
import { horizonOf, isJudged, judgeCohorts, type HorizonSource, type Verdict, type VerdictSettings } from "./verdict";

export const DEFAULT_TARGET = 0.67;

/** Caps that keep a report small (about 200 KB at most) for a million-row range. */
export const REPORT_LIMITS = { skipped: 20, cohorts: 600, managers: 100, lost: 50, healthPeriods: 60, healthManagers: 20 } as const;

/** Build the ledger with `amountWindow: settings.window` so the repeat revenue share is the window's. */
export interface ReportSettings extends VerdictSettings {
  /** Whether the data had a manager column (else `managers` is null). */
  hasManagers: boolean;
  /** Whether the data had an amount column (else money figures are null). */
  hasAmounts: boolean;
  /** The header (or argument) of each column read, so a wrong guess shows at once. */
  columns?: Partial<Record<Field, string>>;
  /** The deal type left out as one-off deals, when one was. */
  excludedDealType?: string;
  /** The status column's name, when one kept only completed purchases. */
  statusColumn?: string;
}

export interface SkippedRow {
  row: number;
  problem: Problem;
}

export interface CohortReportRow {
  /** `2024-03`, `2024-Q1`, `2024-W09` or `2024`. */
  period: string;
  start: string;
  end: string;
  newCustomers: number;
  /** Came back at any time (within `withinDays` when set). */
  returned: number;
  /** Came back within the horizon H. */
  returnedInTime: number;
  /** returned ÷ newCustomers: the literal rate, as RETENTION_COHORTS gives it. */
  rate: number;
  /** returnedInTime ÷ newCustomers: the measure the verdict, the charts and the colours use. */
  rateInTime: number;
  /** Fewer than H days separate the period's last day from the latest order. */
  tooEarly: boolean;
  /** One of the cohorts the verdict sums. */
  judged: boolean;
  /** Old enough, and below target. */
  belowTarget: boolean;
}

export interface ManagerReportRow {
  /** "" for orders with no manager. */
  manager: string;
  /** New customers of the judged cohorts, credited to the manager of their first purchase. */
  newCustomers: number;
  /** Of those, who came back within H. */
  returned: number;
  rate: number | null;
  belowTarget: boolean;
}

export interface LostCustomer {
  name: string;
  firstDate: string;
  amount: number | null;
  manager: string;
  daysSinceFirst: number;
}

export interface VerdictReport {
  rate: number | null;
  /** New customers of the judged cohorts; `secondPurchases` of them came back within H, `notReturned` did not. */
  firstPurchases: number;
  secondPurchases: number;
  notReturned: number;
  belowTarget: boolean;
  horizonDays: number;
  horizonSource: HorizonSource;
  /** The judged cohorts' periods (`2024-01` … `2024-12`) and days, or null when none is old enough. */
  fromPeriod: string | null;
  toPeriod: string | null;
  from: string | null;
  to: string | null;
  /** The data's first period, left out because its customers may be older than the data. */
  leftOutPeriod: string | null;
  /** With nothing to judge yet: the date the orders must reach. */
  judgeableOn: string | null;
}

export interface RetentionReport {
  stats: IngestStats;
  /** The first few skipped rows, with why. */
  skipped: SkippedRow[];
  /** Columns read, by role: header names as the user sees them. */
  columns: Partial<Record<Field, string>>;
  excludedDealType: string | null;
  /** The status column that kept only completed purchases (rows left out: stats.leftOutByStatus); absent without one. */
  statusColumn?: string | null;
  /** Rows with a negative amount: refunds and cancellations, no purchases. `amount` is their sum (≤ 0). */
  refunds: { rows: number; amount: number | null };
  customers: number;
  firstDate: string | null;
  lastDate: string | null;
  /** The headline: see verdict.ts. */
  verdict: VerdictReport;
  /** The literal all-time ratio over every new customer of the window (RETENTION_RATE). */
  firstPurchases: number;
  secondPurchases: number;
  retentionRate: number | null;
  /** All new customers of the window: came back, did not though they had H days, too recent to tell. */
  outcomes: { returned: number; notReturned: number; tooEarly: number };
  target: number;
  belowTarget: boolean;
  period: Period;
  withinDays: number | null;
  ordersStartWithBusiness: boolean;
  medianDaysToSecond: number | null;
  repeatRevenueShare: number | null;
  cohorts: CohortReportRow[];
  /** Older cohorts left out to keep the report small. */
  cohortsOmitted: number;
  managers: ManagerReportRow[] | null;
  managersOmitted: number;
  /** Customers who bought once and, in H days or more, never came back: the most valuable first. */
  lost: { count: number; amount: number | null; customers: LostCustomer[] };
  /** The book's eight questions (health/), when the orders were read into a purchase log too. */
  healthCheck?: HealthCheck;
}

/** A new customer of a judged cohort who did not come back within H: whom to win back. */
export interface NeverReturnedCustomer extends LostCustomer {
  /** An email or phone from a column headed like one, or "" (see health/health-columns.ts). */
  contact: string;
}

export interface Analysis {
  report: RetentionReport;
  /** True for a customer of a judged cohort that is below target. */
  isInWeakCohort(customerKey: string): boolean;
  /** Every manager's row, uncapped (report.managers lists the first 100): the health check judges them all. */
  allManagers: ManagerReportRow[] | null;
  /** True for a new customer of a judged cohort who did not come back within H (verdict.notReturned counts them). */
  isNeverReturned(customerKey: string): boolean;
  /** All of those customers, uncapped (report.lost lists the top 50): the most valuable first, then the earliest. */
  neverReturned(): NeverReturnedCustomer[];
}

/** Where a customer's contact comes from: the health check's purchase log, when there is one. */
export type ContactOf = (customer: number) => string | undefined;

/** Collects skipped rows for a report: counts them all, keeps the first few. */
export function skippedRowCollector(limit: number = REPORT_LIMITS.skipped): {
  skipped: SkippedRow[];
  onSkippedRow: (problem: Problem) => void;
} {
  const skipped: SkippedRow[] = [];
  return {
    skipped,
    onSkippedRow: (problem) => {
      if (skipped.length < limit) skipped.push({ row: problem.row ?? 0, problem });
    },
  };
}

export function analyzeLedger(
  ledger: CustomerLedger,
  stats: IngestStats,
  skipped: SkippedRow[],
  settings: ReportSettings,
  contactOf: ContactOf = () => undefined,
): Analysis {
  const window = settings.window ?? {};
  const horizon = horizonOf(ledger, settings.withinDays);
  const cohortRows = retentionCohorts(ledger, settings.period, settings.withinDays, window, horizon.days);
  const verdict = judgeCohorts(ledger, cohortRows, horizon, settings);
  // The cohorts split the window's new customers between them, so their sums are the whole's.
  const { firstPurchases, secondPurchases } = sumOfCohorts(cohortRows);
  const retentionRate = ratio(secondPurchases, firstPurchases) ?? null;
  const hadTime = (customer: number): boolean => ledger.first(customer) + horizon.days <= ledger.latestDay;
  const isOldEnough = (index: number): boolean => verdict.latestJudgeable !== null && index <= verdict.latestJudgeable;
  const isWeak = (row: CohortRow): boolean => isOldEnough(row.index) && inTimeRate(row) < settings.target;
  const weakCohorts = new Set(cohortRows.filter((row) => isJudged(row.index, verdict.span) && isWeak(row)).map((row) => row.index));
  const cohorts = cohortRows.slice(-REPORT_LIMITS.cohorts).map(
    (row): CohortReportRow => ({
      period: periodLabel(row.index, settings.period),
      start: isoDate(row.start),
      end: isoDate(row.end),
      newCustomers: row.newCustomers,
      returned: row.returned,
      returnedInTime: row.returnedInTime,
      rate: row.rate,
      rateInTime: inTimeRate(row),
      tooEarly: !isOldEnough(row.index),
      judged: isJudged(row.index, verdict.span),
      belowTarget: isWeak(row),
    }),
  );
  const judgedDay = judgedDayTest(ledger, settings.period, verdict.span);
  const managers = settings.hasManagers ? managerRows(ledger, settings, verdict, judgedDay) : null;
  const lost = lostCustomers(ledger, settings, hadTime);

  const report: RetentionReport = {
    stats,
    skipped,
    columns: settings.columns ?? {},
    excludedDealType: settings.excludedDealType ?? null,
    statusColumn: settings.statusColumn ?? null,
    refunds: { rows: ledger.refunds, amount: settings.hasAmounts ? ledger.refundAmount : null },
    customers: ledger.customers,
    firstDate: ledger.isEmpty ? null : isoDate(ledger.earliestDay),
    lastDate: ledger.isEmpty ? null : isoDate(ledger.latestDay),
    verdict: verdictReport(verdict, settings.period),
    firstPurchases,
    secondPurchases,
    retentionRate,
    outcomes: { returned: secondPurchases, notReturned: lost.count, tooEarly: firstPurchases - secondPurchases - lost.count },
    target: settings.target,
    belowTarget: verdict.belowTarget,
    period: settings.period,
    withinDays: settings.withinDays ?? null,
    ordersStartWithBusiness: settings.ordersStartWithBusiness === true,
    medianDaysToSecond: medianDaysToSecond(ledger, window) ?? null,
    repeatRevenueShare: settings.hasAmounts ? (repeatRevenueShare(ledger) ?? null) : null,
    cohorts,
    cohortsOmitted: cohortRows.length - cohorts.length,
    managers: managers?.slice(0, REPORT_LIMITS.managers) ?? null,
    managersOmitted: Math.max(0, (managers?.length ?? 0) - REPORT_LIMITS.managers),
    lost,
  };
  const isNeverReturned = (customer: number): boolean =>
    inWindow(ledger.first(customer), window) && judgedDay(ledger.first(customer)) && !ledger.hasReturned(customer, horizon.days);
  return {
    report,
    allManagers: managers,
    isInWeakCohort: (key) => {
      const customer = ledger.numberOf(key);
      if (customer === undefined) return false;
      const first = ledger.first(customer);
      return inWindow(first, window) && weakCohorts.has(periodIndex(first, settings.period));
    },
    isNeverReturned: (key) => {
      const customer = ledger.numberOf(key);
      return customer !== undefined && isNeverReturned(customer);
    },
    neverReturned: () => neverReturnedList(ledger, settings.hasAmounts, isNeverReturned, contactOf),
  };
}

function neverReturnedList(
  ledger: CustomerLedger,
  hasAmounts: boolean,
  isNeverReturned: (customer: number) => boolean,
  contactOf: ContactOf,
): NeverReturnedCustomer[] {
  const customers: number[] = [];
  for (let customer = 0; customer < ledger.size; customer++) if (isNeverReturned(customer)) customers.push(customer);
  customers.sort((a, b) => ledger.totalAmount(b) - ledger.totalAmount(a) || ledger.first(a) - ledger.first(b) || a - b);
  return customers.map((customer) => ({
    name: ledger.name(customer),
    firstDate: isoDate(ledger.first(customer)),
    amount: hasAmounts ? ledger.totalAmount(customer) : null,
    manager: ledger.manager(customer),
    daysSinceFirst: ledger.latestDay - ledger.first(customer),
    contact: contactOf(customer) ?? "",
  }));
}

function inTimeRate(row: CohortRow): number {
  return row.returnedInTime / row.newCustomers;
}

function verdictReport(verdict: Verdict, period: Period): VerdictReport {
  const { span } = verdict;
  return {
    rate: verdict.rate,
    firstPurchases: verdict.firstPurchases,
    secondPurchases: verdict.secondPurchases,
    notReturned: verdict.firstPurchases - verdict.secondPurchases,
    belowTarget: verdict.belowTarget,
    horizonDays: verdict.horizon.days,
    horizonSource: verdict.horizon.source,
    fromPeriod: span === null ? null : periodLabel(span.first, period),
    toPeriod: span === null ? null : periodLabel(span.last, period),
    from: span === null ? null : isoDate(periodStart(span.first, period)),
    to: span === null ? null : isoDate(periodEnd(span.last, period)),
    leftOutPeriod: verdict.leftOutPeriod === null ? null : periodLabel(verdict.leftOutPeriod, period),
    judgeableOn: verdict.judgeableOn === null ? null : isoDate(verdict.judgeableOn),
  };
}

function sumOfCohorts(rows: readonly CohortRow[]): RetentionCounts {
  let firstPurchases = 0;
  let secondPurchases = 0;
  for (const row of rows) {
    firstPurchases += row.newCustomers;
    secondPurchases += row.returned;
  }
  return { firstPurchases, secondPurchases };
}

/** Each manager's share of the verdict: new customers of the judged cohorts, returns within H. */
/**
 * Whether a purchase day falls in a period the verdict judges, for the ledger's days: looked up,
 * the calendar worked once a day rather than once a customer (a fifth of the analysis of 200,000
 * customers).
 */
function judgedDayTest(ledger: CustomerLedger, period: Period, span: Verdict["span"]): (day: number) => boolean {
  if (ledger.isEmpty || span === null) return () => false;
  const earliest = ledger.earliestDay;
  const judged = new Uint8Array(ledger.latestDay - earliest + 1);
  for (let offset = 0; offset < judged.length; offset++) judged[offset] = isJudged(periodIndex(earliest + offset, period), span) ? 1 : 0;
  return (day) => judged[day - earliest] === 1;
}

function managerRows(
  ledger: CustomerLedger,
  settings: ReportSettings,
  verdict: Verdict,
  judgedDay: (day: number) => boolean,
): ManagerReportRow[] {
  const byManager = new Map<string, { newCustomers: number; returned: number }>();
  const window = settings.window ?? {};
  for (let customer = 0; customer < ledger.size; customer++) {
    const first = ledger.first(customer);
    if (!inWindow(first, window) || !judgedDay(first)) continue;
    const manager = ledger.manager(customer);
    let counts = byManager.get(manager);
    if (counts === undefined) byManager.set(manager, (counts = { newCustomers: 0, returned: 0 }));
    counts.newCustomers++;
    if (ledger.hasReturned(customer, verdict.horizon.days)) counts.returned++;
  }
  return [...byManager.entries()]
    .map(([manager, { newCustomers, returned }]) => {
      const rate = ratio(returned, newCustomers) ?? null;
      return { manager, newCustomers, returned, rate, belowTarget: rate !== null && rate < settings.target };
    })
    .sort((a, b) => b.newCustomers - a.newCustomers || a.manager.localeCompare(b.manager));
}
function lostCustomers(
  ledger: CustomerLedger,
  settings: ReportSettings,
  hadTimeToReturn: (customer: number) => boolean,
): RetentionReport["lost"] {
  // Biggest spenders first; of equal ones the earlier customer. Only the top of the list is
  // shown, so it is kept as it grows instead of sorting every lost customer.
  const before = (a: number, b: number): boolean =>
    ledger.totalAmount(a) > ledger.totalAmount(b) ||
    (ledger.totalAmount(a) === ledger.totalAmount(b) &&
      (ledger.first(a) < ledger.first(b) || (ledger.first(a) === ledger.first(b) && a < b)));
  const window = settings.window ?? {};
  const shown: number[] = [];
  let count = 0;
  let amount = 0;
  for (let customer = 0; customer < ledger.size; customer++) {
    const returned = ledger.hasReturned(customer, settings.withinDays);
    if (returned || !inWindow(ledger.first(customer), window) || !hadTimeToReturn(customer)) continue;
    count++;
    amount += ledger.totalAmount(customer);
    if (shown.length === REPORT_LIMITS.lost && !before(customer, shown[shown.length - 1]!)) continue;
    let at = shown.length;
    while (at > 0 && before(customer, shown[at - 1]!)) at--;
    shown.splice(at, 0, customer);
    if (shown.length > REPORT_LIMITS.lost) shown.pop();
  }
  return {
    count,
    amount: settings.hasAmounts ? amount : null,
    customers: shown.map((customer) => ({
      name: ledger.name(customer),
      firstDate: isoDate(ledger.first(customer)),
      amount: settings.hasAmounts ? ledger.totalAmount(customer) : null,
      manager: ledger.manager(customer),
      daysSinceFirst: ledger.latestDay - ledger.first(customer),
    })),
  };
}
