// The health check (issue 14): the book's eight questions about a customer base, answered from the
// same orders as the retention verdict. One pass over the customers of the purchase log fills the
// period table, the lapsed list and the per-manager figures; the questions then read those.
// The rules and thresholds are written down in docs/health-check.md.

import type { CustomerLedger } from "../ledger";
import type { Period } from "../periods";
import type { ManagerNames } from "../manager-names";
import type { ManagerReportRow } from "../report";
import { ratio } from "../statistics";
import { VERDICT_COHORTS } from "../verdict";
import { type CohortGrid, CohortGridBuilder } from "./cohort-grid";
import { DayTable } from "./day-table";
import type { HealthColumnNames } from "./health-columns";
import { forEachCustomer, salesInYear, type WalletShare } from "./figures";
import { DEFAULT_LAPSED_FACTOR, LapsedFinder, type LapsedList, type LapsedOfManager } from "./lapsed";
import { ManagerRevenue } from "./manager-revenue";
import { judging, periodQuestions, type Judging } from "./period-questions";
import { PeriodTotals, periodRows, type HealthPeriod } from "./period-table";
import { type EntryRun, type PurchaseLog, REFUND, STARTED_BY_COMPANY } from "./purchase-log";
import { bandVerdict, HEALTH_BANDS, needsData, type HealthQuestion, type ReportTrend } from "./questions";
import { DEFAULT_TREND, trendWindows, type TrendSettings } from "./trend";

/** Judged managers: those with at least this many judged new customers (as the action line's rule). */
export const MANAGER_MIN_NEW_CUSTOMERS = 10;

export interface HealthSettings {
  period: Period;
  /** Target retention, 0…1. */
  target: number;
  /** Every period enters the verdicts: nobody bought before the data start. */
  ordersStartWithBusiness?: boolean;
  hasAmounts: boolean;
  hasManagers: boolean;
  /** The orders had an "initiated by" column (question 7). */
  hasInitiatedBy: boolean;
  trend?: TrendSettings;
  /** A customer is lapsed past this many times their usual gap (and the business's median gap). */
  lapsedFactor?: number;
  /** Lapsed customers listed (all are counted). */
  lapsedLimit?: number;
  /** The latest periods listed, and managers (the questions read them all); all by default. */
  periodLimit?: number;
  managerLimit?: number;
  /** The cohort grid's latest cohorts and first offsets (24 each by default: what a heatmap shows). */
  gridCohorts?: number;
  gridOffsets?: number;
}

export const GRID_SIZE = 24;

export interface ManagerHealth {
  manager: string;
  /** The judged retention of their new customers (from the verdict's manager rows). */
  newCustomers: number;
  returned: number;
  retention: number | null;
  /** Revenue from existing customers credited to the manager of each order: its trend. */
  existingRevenueTrend: ReportTrend;
  lapsed: number;
  /** What their lapsed customers spent in the 12 months up to their last purchase (and refunded after it); null without amounts. */
  lapsedRevenueAtStake: number | null;
  /** Sales in the last 12 months ÷ budgets, over the customers whose latest purchase was theirs. */
  shareOfWallet: number | null;
  /**
   * Counted by question 4: 10 or more judged new customers, or a trend of existing revenue (one of
   * something: nothing in both windows is no trend to judge by).
   */
  judged: boolean;
  /** Judged and below target with 10 or more new customers, or with falling existing revenue. */
  inTrouble: boolean;
}

export interface HealthCheck {
  periods: HealthPeriod[];
  /** Older periods left out to keep the report small. */
  periodsOmitted: number;
  questions: HealthQuestion[];
  lapsed: LapsedList;
  managers: ManagerHealth[] | null;
  managersOmitted: number;
  /** The cohort triangle of COHORT_MATRIX, for the heatmap. */
  cohortGrid: CohortGrid;
  settings: { trendThreshold: number; trendPeriods: number; lapsedFactor: number };
  /** The columns only the health check reads, as the orders name them (see analyzeWithHealth). */
  columns?: HealthColumnNames;
}

/** Figures gathered in the pass over customers. */
interface Gathered {
  totals: PeriodTotals;
  /** Which periods are judged, and the trend rule over them. */
  judge: Judging;
  lapsed: LapsedFinder;
  /** Existing customers' revenue per manager (by log number), over the periods their trends read; only with managers. */
  managerRevenue: ManagerRevenue | undefined;
  /** 1 for each manager (by log number) named on a purchase, whatever else they have: question 4 lists them all. */
  selling: Uint8Array;
  managerWallet: Map<string, { sales: number; budget: number }>;
  /** The whole business's share of wallet (question 2), from the same pass. */
  wallet: WalletShare;
  started: { purchases: number; byCompany: number };
  grid: CohortGridBuilder;
}

export function healthCheck(
  ledger: CustomerLedger,
  log: PurchaseLog,
  settings: HealthSettings,
  managerRows: readonly ManagerReportRow[] | null,
): HealthCheck {
  const trendSettings = settings.trend ?? DEFAULT_TREND;
  const factor = settings.lapsedFactor ?? DEFAULT_LAPSED_FACTOR;
  const gathered = gather(ledger, log, settings, factor, trendSettings);
  const { totals, judge } = gathered;
  const { lastComplete, firstJudged } = judge;
  const periods = ledger.isEmpty
    ? []
    : periodRows(totals, { complete: (p) => p <= lastComplete, judged: (p) => p >= firstJudged && p <= lastComplete }, settings.hasAmounts);
  const { list: lapsed, byManager: lapsedByManager } = finishLapsed(gathered.lapsed, ledger, log, settings);
  const managers = settings.hasManagers
    ? managerHealth({
        retentionRows: managerRows ?? [],
        revenueTrends: existingRevenueTrends(log, gathered, settings, judge),
        lapsedByManager,
        walletByManager: gathered.managerWallet,
        named: log.managers.names.filter((_, manager) => gathered.selling[manager] === 1),
        hasAmounts: settings.hasAmounts,
        target: settings.target,
      })
    : null;
  const asked = periodQuestions(totals, judge, settings.hasAmounts);
  const periodLimit = settings.periodLimit ?? periods.length;
  const managerLimit = settings.managerLimit ?? managers?.length ?? 0;
  return {
    periods: periods.slice(Math.max(0, periods.length - periodLimit)),
    periodsOmitted: Math.max(0, periods.length - periodLimit),
    questions: [
      asked.revenueSplit,
      shareOfWalletQuestion(log.hasBudgets, settings.hasAmounts, gathered.wallet),
      asked.existingRevenue,
      managersQuestion(managers, settings.hasAmounts),
      lapsedQuestion(lapsed),
      asked.averageOrder,
      startedQuestion(gathered, settings),
      asked.activeBase,
    ],
    lapsed,
    managers: managers?.slice(0, managerLimit) ?? null,
    managersOmitted: Math.max(0, (managers?.length ?? 0) - managerLimit),
    cohortGrid: gathered.grid.build(ledger.latestDay, settings.gridCohorts ?? GRID_SIZE, settings.gridOffsets ?? GRID_SIZE),
    settings: { trendThreshold: trendSettings.threshold, trendPeriods: trendSettings.windowPeriods, lapsedFactor: factor },
  };
}

function gather(ledger: CustomerLedger, log: PurchaseLog, settings: HealthSettings, factor: number, trend: TrendSettings): Gathered {
  const firstDay = Math.min(log.firstDay, ledger.earliestDay);
  const lastDay = Math.max(log.lastDay, ledger.latestDay);
  const days = new DayTable(firstDay, ledger.isEmpty ? firstDay - 1 : lastDay, settings.period);
  const firstIndex = ledger.isEmpty ? 0 : days.period(firstDay);
  const lastIndex = ledger.isEmpty ? -1 : days.period(lastDay);
  const totals = new PeriodTotals(settings.period, firstIndex, lastIndex - firstIndex + 1, days);
  const judge = judging(
    totals,
    { latestDay: ledger.latestDay, earliestDay: ledger.earliestDay, ordersStartWithBusiness: settings.ordersStartWithBusiness === true },
    trend,
  );
  const gathered: Gathered = {
    totals,
    judge,
    lapsed: new LapsedFinder(ledger.latestDay, factor),
    managerRevenue: settings.hasManagers
      ? managerRevenue(totals, log, judge.firstJudged, judge.lastComplete, settings.period, trend)
      : undefined,
    managerWallet: new Map(),
    selling: new Uint8Array(settings.hasManagers ? log.managers.names.length : 0),
    wallet: { share: undefined, sales: 0, budget: 0, customers: 0 },
    started: { purchases: 0, byCompany: 0 },
    grid: new CohortGridBuilder(settings.period, (day) => days.period(day)),
  };
  if (ledger.isEmpty) return gathered;
  const purchases = new PurchaseDays();
  const latestYearStart = days.yearBefore(ledger.latestDay);
  forEachCustomer(ledger, log, (run, customer) => {
    const first = ledger.first(customer);
    totals.addCustomer(run, first);
    const lastManager = addToLapsed(gathered.lapsed, purchases, run, customer, log.managers, days);
    if (gathered.managerRevenue !== undefined) addManagerRevenue(gathered, gathered.managerRevenue, run, totals.position(first));
    addWallet(gathered, log.budget(customer), salesInYear(run, ledger.latestDay, latestYearStart), lastManager);
    addStarted(gathered, purchases, ledger.latestDay, latestYearStart);
    gathered.grid.add(purchases.days, purchases.count);
  });
  gathered.wallet.share = ratio(gathered.wallet.sales, gathered.wallet.budget);
  return gathered;
}

/**
 * Question 5's list alone, as the health check makes it, without the rest of the check's pass: for
 * LAPSED_CUSTOMERS, which would otherwise pay for every figure of the check to show one list.
 */
export function lapsedCustomers(
  ledger: CustomerLedger,
  log: PurchaseLog,
  settings: Pick<HealthSettings, "hasAmounts" | "lapsedFactor" | "lapsedLimit">,
): LapsedList {
  const finder = new LapsedFinder(ledger.latestDay, settings.lapsedFactor ?? DEFAULT_LAPSED_FACTOR);
  if (!ledger.isEmpty) {
    // Only its years are read here (yearBefore), which no period setting changes.
    const days = new DayTable(Math.min(log.firstDay, ledger.earliestDay), Math.max(log.lastDay, ledger.latestDay), "month");
    const purchases = new PurchaseDays();
    forEachCustomer(ledger, log, (run, customer) => addToLapsed(finder, purchases, run, customer, log.managers, days));
  }
  return finishLapsed(finder, ledger, log, settings).list;
}

/** A customer's purchase days read into `purchases`, and the customer offered to the lapsed list; the manager of their last purchase. */
function addToLapsed(
  finder: LapsedFinder,
  purchases: PurchaseDays,
  run: EntryRun,
  customer: number,
  managers: ManagerNames,
  days: DayTable,
): string {
  purchases.read(run, managers);
  const last = purchases.days[purchases.count - 1]!;
  // Up to their last entry, not their last purchase: a refund after it lowers what the year brought.
  const revenueAtStake = salesInYear(run, run.day[run.end - 1]!, days.yearBefore(last));
  finder.add({ customer, days: purchases.days, count: purchases.count, revenueAtStake, manager: purchases.lastManager });
  return managers.name(purchases.lastManager);
}

function finishLapsed(
  finder: LapsedFinder,
  ledger: CustomerLedger,
  log: PurchaseLog,
  settings: Pick<HealthSettings, "hasAmounts" | "lapsedLimit">,
): ReturnType<LapsedFinder["finish"]> {
  const names = {
    name: (customer: number) => ledger.name(customer),
    contact: (customer: number) => log.contact(customer),
    manager: (manager: number) => log.managers.name(manager),
  };
  return finder.finish(names, settings.lapsedLimit ?? 50, settings.hasAmounts);
}

/** One customer's distinct purchase days, in arrays reused from customer to customer. */
class PurchaseDays {
  count = 0;
  days = new Int32Array(64);
  /** Whether the company started the purchase of the same position in `days`. */
  started = new Uint8Array(64);
  /** The manager (log number) of the last day's purchase: a named one, the first by key. */
  lastManager = 0;

  read(run: EntryRun, managers: ManagerNames): void {
    const length = run.end - run.start;
    if (length > this.days.length) {
      this.days = new Int32Array(length);
      this.started = new Uint8Array(length);
    }
    this.count = 0;
    this.lastManager = 0;
    for (let i = run.start; i < run.end; i++) {
      const flags = run.flags[i]!;
      if (flags & REFUND) continue;
      const started = flags & STARTED_BY_COMPANY ? 1 : 0;
      const manager = run.manager[i]!;
      const at = this.count - 1;
      if (at >= 0 && this.days[at] === run.day[i]) {
        this.started[at] = this.started[at]! | started;
        // As the ledger does for the first day: a named manager wins, and of two the one that sorts
        // first, so that the row order does not choose.
        const current = this.lastManager;
        if (manager !== 0 && (current === 0 || managers.sortsBefore(manager, current))) this.lastManager = manager;
        continue;
      }
      this.days[this.count] = run.day[i]!;
      this.started[this.count] = started;
      this.count++;
      this.lastManager = manager;
    }
  }
}

/** Room for the periods the managers' trends read (judged periods, as question 3's). */
function managerRevenue(
  totals: PeriodTotals,
  log: PurchaseLog,
  firstJudged: number,
  lastComplete: number,
  period: Period,
  trend: TrendSettings,
): ManagerRevenue {
  const windows = trendWindows(firstJudged, lastComplete, VERDICT_COHORTS[period], trend);
  return new ManagerRevenue(totals.count, log.managers.names.length, "recentFrom" in windows ? windows : undefined);
}

/** The customer's orders credited to each order's manager: revenue from them as an existing customer, and who sold. */
function addManagerRevenue({ totals, selling }: Gathered, managerRevenue: ManagerRevenue, run: EntryRun, firstPosition: number): void {
  for (let i = run.start; i < run.end; i++) {
    const manager = run.manager[i]!;
    if (manager === 0) continue;
    if ((run.flags[i]! & REFUND) === 0) selling[manager] = 1;
    const position = totals.position(run.day[i]!);
    if (position !== firstPosition) managerRevenue.add(manager, position, run.amount[i]!);
  }
}

/**
 * Share of wallet: the whole business's (as figures.ts's shareOfWallet, summed in the same customer
 * order), and each manager's over the customers whose latest purchase was theirs.
 */
function addWallet(gathered: Gathered, budget: number | undefined, sales: number, manager: string): void {
  if (budget === undefined || budget <= 0) return;
  const { wallet } = gathered;
  wallet.sales += sales;
  wallet.budget += budget;
  wallet.customers++;
  let perManager = gathered.managerWallet.get(manager);
  if (perManager === undefined) gathered.managerWallet.set(manager, (perManager = { sales: 0, budget: 0 }));
  perManager.sales += sales;
  perManager.budget += budget;
}

function addStarted(gathered: Gathered, purchases: PurchaseDays, latestDay: number, yearStart: number): void {
  for (let at = 0; at < purchases.count; at++) {
    const day = purchases.days[at]!;
    if (day <= yearStart || day > latestDay) continue;
    gathered.started.purchases++;
    if (purchases.started[at]) gathered.started.byCompany++;
  }
}

/**
 * Question 2: are the customers' budgets larger than what they buy from you? From whether any
 * budget was read, and the sums: every engine judges it here, the SQL's too.
 */
export function shareOfWalletQuestion(hasBudgets: boolean, hasAmounts: boolean, wallet: WalletShare): HealthQuestion {
  if (!hasBudgets) return needsData(2, "budget");
  if (!hasAmounts) return needsData(2, "amount");
  const { share, sales, budget, customers } = wallet;
  // Budgets were read, but none above 0: asking for the column would send the user to one they have.
  if (share === undefined) return needsData(2, "positiveBudget");
  return { id: 2, verdict: bandVerdict(share, HEALTH_BANDS.shareOfWallet), figures: { shareOfWallet: share, sales, budget, customers } };
}

/**
 * Question 5: do customers leave and not come back? From the lapsed list's counts: every engine
 * judges it here, the SQL's too.
 */
export function lapsedQuestion(lapsed: Pick<LapsedList, "count" | "repeatCustomers" | "revenueAtStake">): HealthQuestion {
  const share = ratio(lapsed.count, lapsed.repeatCustomers);
  if (share === undefined) return needsData(5, "repeatCustomers");
  return {
    id: 5,
    verdict: bandVerdict(share, HEALTH_BANDS.lapsedShare),
    figures: { lapsedShare: share, lapsed: lapsed.count, repeatCustomers: lapsed.repeatCustomers, revenueAtStake: lapsed.revenueAtStake },
  };
}

/** Question 7: does the company start the sales, or only answer requests? */
function startedQuestion(gathered: Gathered, settings: HealthSettings): HealthQuestion {
  return startedShareQuestion(settings.hasInitiatedBy, gathered.started);
}

/**
 * Question 7 from its two counts: the purchases (customer-days) of the 12 months ending on the
 * latest purchase, and those of them the company started. Every engine judges it here, the SQL's too.
 */
export function startedShareQuestion(hasInitiatedBy: boolean, started: { purchases: number; byCompany: number }): HealthQuestion {
  if (!hasInitiatedBy) return needsData(7, "initiatedBy");
  const { purchases, byCompany } = started;
  const share = ratio(byCompany, purchases);
  if (share === undefined) return needsData(7, "history");
  return {
    id: 7,
    verdict: bandVerdict(share, HEALTH_BANDS.startedShare),
    figures: { startedShare: share, startedByCompany: byCompany, purchases },
  };
}

/**
 * Question 7 when no value of its column names a side (all blank, or words the product does not
 * know): 0 % would judge the column's words, not the company. `known`: the orders whose initiator
 * names one. Every engine asks here, the SQL's too.
 */
export function startedNeedsSides(question: HealthQuestion, known: number): HealthQuestion {
  if (question.id !== 7 || question.verdict === "needsData" || known > 0) return question;
  return { ...needsData(7, "initiatorSides"), ...(question.unread === undefined ? {} : { unread: question.unread }) };
}

/**
 * Question 4: do the managers win the customers' whole budget, or only take the orders that come?
 * From the managers' rows (managerHealth): every engine judges it here, the SQL's too.
 */
export function managersQuestion(managers: readonly ManagerHealth[] | null, hasAmounts: boolean): HealthQuestion {
  if (managers === null) return needsData(4, "manager");
  const named = managers.filter((manager) => manager.manager !== "");
  const judged = named.filter((manager) => manager.judged);
  // Without amounts a manager is judged on retention alone, and the answer must not speak of revenue.
  const judgedOn = hasAmounts ? "retentionAndRevenue" : "retention";
  if (judged.length === 0) return { ...needsData(4, "judgedManagers"), figures: { managersNotJudged: named.length, judgedOn } };
  const inTrouble = judged.filter((manager) => manager.inTrouble).length;
  const share = inTrouble / judged.length;
  return {
    id: 4,
    verdict: bandVerdict(share, HEALTH_BANDS.managersInTrouble),
    figures: {
      managersInTrouble: inTrouble,
      managersJudged: judged.length,
      managersNotJudged: named.length - judged.length,
      judgedOn,
    },
  };
}

/** A manager is judged on enough new customers, or on a trend of their existing customers' revenue. */
function isJudgedManager(newCustomers: number, trend: ReportTrend): boolean {
  return newCustomers >= MANAGER_MIN_NEW_CUSTOMERS || hasRevenueToJudge(trend);
}

/** A trend taken from some revenue: "flat, nothing in either window" says nothing of the manager. */
function hasRevenueToJudge(trend: ReportTrend): boolean {
  return trend.direction !== "needsData" && !(trend.direction === "flat" && trend.change === null);
}

/** What question 4 reads of each manager, by name: each engine gathers them its own way. */
export interface ManagerFigures {
  /** The verdict's manager rows: the judged retention of their new customers. */
  retentionRows: readonly ManagerReportRow[];
  /** The trend of their existing customers' revenue, for the managers with any. */
  revenueTrends: ReadonlyMap<string, ReportTrend>;
  /** Their lapsed customers (by the manager of the last purchase), all of them. */
  lapsedByManager: ReadonlyMap<string, LapsedOfManager>;
  /** Sales in the last 12 months and budgets of the customers whose latest purchase was theirs. */
  walletByManager: ReadonlyMap<string, { sales: number; budget: number }>;
  /** Every manager named on a purchase, with figures or not yet. */
  named: Iterable<string>;
  hasAmounts: boolean;
  target: number;
}

/** Each named manager's row of question 4, most new customers first, then by name. */
export function managerHealth({
  retentionRows,
  revenueTrends,
  lapsedByManager,
  walletByManager,
  named,
  hasAmounts,
  target,
}: ManagerFigures): ManagerHealth[] {
  const names = new Set<string>([...named, ...retentionRows.map((row) => row.manager)]);
  names.delete("");
  const retentionByName = new Map(retentionRows.map((row) => [row.manager, row]));
  return [...names]
    .map((manager): ManagerHealth => {
      const retention = retentionByName.get(manager);
      const existingRevenueTrend: ReportTrend = revenueTrends.get(manager) ?? { direction: "needsData", periodsNeeded: 0 };
      const wallet = walletByManager.get(manager);
      const lapsed = lapsedByManager.get(manager);
      const newCustomers = retention?.newCustomers ?? 0;
      const rate = retention?.rate ?? null;
      const belowTarget = newCustomers >= MANAGER_MIN_NEW_CUSTOMERS && rate !== null && rate < target;
      const judged = isJudgedManager(newCustomers, existingRevenueTrend);
      return {
        manager,
        newCustomers,
        returned: retention?.returned ?? 0,
        retention: rate,
        existingRevenueTrend,
        lapsed: lapsed?.count ?? 0,
        lapsedRevenueAtStake: hasAmounts ? (lapsed?.revenueAtStake ?? 0) : null,
        shareOfWallet: wallet === undefined ? null : (ratio(wallet.sales, wallet.budget) ?? null),
        judged,
        inTrouble: belowTarget || existingRevenueTrend.direction === "falling",
      };
    })
    .sort((a, b) => b.newCustomers - a.newCustomers || a.manager.localeCompare(b.manager));
}

/** The trend of each manager's revenue from existing customers, by name, for the managers with any. */
function existingRevenueTrends(log: PurchaseLog, gathered: Gathered, settings: HealthSettings, judge: Judging): Map<string, ReportTrend> {
  const trends = new Map<string, ReportTrend>();
  gathered.managerRevenue?.forEachManager((manager, windowSum) => {
    const trend: ReportTrend = settings.hasAmounts ? judge.trendOf(windowSum) : { direction: "needsData", periodsNeeded: 0 };
    trends.set(log.managers.name(manager), trend);
  });
  return trends;
}
