// The full report behind the sidebar, the preview and the command line: plain data only (ISO date
// strings, no Date objects), bounded in size however many rows went in.

import { isoDate } from "./calendar";
import { retentionCohorts, type CohortRow } from "./cohorts";
import { inWindow, type CustomerLedger, type DayWindow } from "./ledger";
import { periodIndex, periodLabel, type Period } from "./periods";
import type { Problem } from "./problems";
import type { IngestStats } from "./ingest";
import { medianDaysToSecond, repeatRevenueShare, type RetentionCounts } from "./retention";
import { ratio } from "./statistics";

export const DEFAULT_TARGET = 0.67;

/** Caps that keep a report small (about 200 KB at most) for a million-row range. */
export const REPORT_LIMITS = { skipped: 20, cohorts: 600, managers: 100, lost: 50 } as const;

/** Build the ledger with `amountWindow: settings.window` so the repeat revenue share is the window's. */
export interface ReportSettings {
  /** Target retention, 0…1 (the book's 67 %). */
  target: number;
  period: Period;
  withinDays?: number;
  /** New customers are those whose first purchase falls here. */
  window?: DayWindow;
  /** Whether the data had a manager column (else `managers` is null). */
  hasManagers: boolean;
  /** Whether the data had an amount column (else money figures are null). */
  hasAmounts: boolean;
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
  returned: number;
  rate: number;
  /** The period ended too recently for its customers to have had time to come back. */
  tooEarly: boolean;
  belowTarget: boolean;
}

export interface ManagerReportRow {
  /** "" for orders with no manager. */
  manager: string;
  newCustomers: number;
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

export interface RetentionReport {
  stats: IngestStats;
  /** The first few skipped rows, with why. */
  skipped: SkippedRow[];
  customers: number;
  firstDate: string | null;
  lastDate: string | null;
  firstPurchases: number;
  secondPurchases: number;
  retentionRate: number | null;
  target: number;
  belowTarget: boolean;
  period: Period;
  withinDays: number | null;
  /** Days a cohort needs after its last day before it is judged (withinDays, else the median). */
  maturityDays: number | null;
  medianDaysToSecond: number | null;
  repeatRevenueShare: number | null;
  cohorts: CohortReportRow[];
  /** Older cohorts left out to keep the report small. */
  cohortsOmitted: number;
  managers: ManagerReportRow[] | null;
  managersOmitted: number;
  /** Customers who bought once and, given time, never came back: the most valuable first. */
  lost: { count: number; amount: number | null; customers: LostCustomer[] };
}

export interface Analysis {
  report: RetentionReport;
  /** True for a customer whose first-purchase cohort is below target and old enough to judge. */
  isInWeakCohort(customerKey: string): boolean;
}

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
): Analysis {
  const window = settings.window ?? {};
  const cohortRows = retentionCohorts(ledger, settings.period, settings.withinDays, window);
  // The cohorts split the window's new customers between them, so their sums are the whole's.
  const { firstPurchases, secondPurchases } = sumOfCohorts(cohortRows);
  const retentionRate = ratio(secondPurchases, firstPurchases) ?? null;
  const medianDays = medianDaysToSecond(ledger, window) ?? null;
  // A cohort is judged once its customers had the usual time to return, measured over all the data.
  const wholeRange = window.start === undefined && window.end === undefined;
  const maturityDays = settings.withinDays ?? (wholeRange ? medianDays : (medianDaysToSecond(ledger) ?? null));
  const isMature = (lastDay: number): boolean => maturityDays === null || lastDay + maturityDays <= ledger.latestDay;

  const weakCohorts = new Set(
    cohortRows.filter((row) => isMature(row.end) && row.rate < settings.target).map((row) => row.index),
  );
  const cohorts = cohortRows.slice(-REPORT_LIMITS.cohorts).map((row) => cohortReportRow(row, settings, isMature(row.end)));
  const managers = settings.hasManagers ? managerRows(ledger, settings) : null;

  const report: RetentionReport = {
    stats,
    skipped,
    customers: ledger.size,
    firstDate: ledger.isEmpty ? null : isoDate(ledger.earliestDay),
    lastDate: ledger.isEmpty ? null : isoDate(ledger.latestDay),
    firstPurchases,
    secondPurchases,
    retentionRate,
    target: settings.target,
    belowTarget: retentionRate !== null && retentionRate < settings.target,
    period: settings.period,
    withinDays: settings.withinDays ?? null,
    maturityDays,
    medianDaysToSecond: medianDays,
    repeatRevenueShare: settings.hasAmounts ? (repeatRevenueShare(ledger) ?? null) : null,
    cohorts,
    cohortsOmitted: cohortRows.length - cohorts.length,
    managers: managers?.slice(0, REPORT_LIMITS.managers) ?? null,
    managersOmitted: Math.max(0, (managers?.length ?? 0) - REPORT_LIMITS.managers),
    lost: lostCustomers(ledger, settings, (customer) => isMature(ledger.first(customer))),
  };
  return {
    report,
    isInWeakCohort: (key) => {
      const customer = ledger.numberOf(key);
      if (customer === undefined) return false;
      const first = ledger.first(customer);
      return inWindow(first, window) && weakCohorts.has(periodIndex(first, settings.period));
    },
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

function cohortReportRow(row: CohortRow, settings: ReportSettings, mature: boolean): CohortReportRow {
  return {
    period: periodLabel(row.index, settings.period),
    start: isoDate(row.start),
    end: isoDate(row.end),
    newCustomers: row.newCustomers,
    returned: row.returned,
    rate: row.rate,
    tooEarly: !mature,
    belowTarget: mature && row.rate < settings.target,
  };
}

function managerRows(ledger: CustomerLedger, settings: ReportSettings): ManagerReportRow[] {
  const byManager = new Map<string, { newCustomers: number; returned: number }>();
  const window = settings.window ?? {};
  for (let customer = 0; customer < ledger.size; customer++) {
    if (!inWindow(ledger.first(customer), window)) continue;
    const manager = ledger.manager(customer);
    let counts = byManager.get(manager);
    if (counts === undefined) byManager.set(manager, (counts = { newCustomers: 0, returned: 0 }));
    counts.newCustomers++;
    if (ledger.hasReturned(customer, settings.withinDays)) counts.returned++;
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
    (ledger.totalAmount(a) === ledger.totalAmount(b) && (ledger.first(a) < ledger.first(b) || (ledger.first(a) === ledger.first(b) && a < b)));
  const window = settings.window ?? {};
  const shown: number[] = [];
  let count = 0;
  let amount = 0;
  for (let customer = 0; customer < ledger.size; customer++) {
    if (ledger.hasReturned(customer) || !inWindow(ledger.first(customer), window) || !hadTimeToReturn(customer)) continue;
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
