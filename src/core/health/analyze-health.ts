// The retention report with its health check: the verdict's analysis of the ledger, then the
// health check over the purchase log beside it, with the verdict's manager rows for question 4.
// Its lists are capped as the report's are, so a million rows still make a small report.

import type { IngestStats } from "../ingest";
import { analyzeLedger, REPORT_LIMITS, type Analysis, type ReportSettings, type SkippedRow } from "../report";
import { healthCheck, startedNeedsSides, type HealthSettings } from "./health-check";
import type { CustomerLedger } from "../ledger";
import type { HealthColumnNames } from "./health-columns";
import type { DetailProblems } from "./order-details";
import type { PurchaseLog } from "./purchase-log";
import type { HealthQuestion, QuestionId } from "./questions";

interface LedgerAndLog {
  ledger: CustomerLedger;
  log: PurchaseLog;
}

export type HealthReportSettings = ReportSettings &
  Pick<HealthSettings, "hasInitiatedBy" | "trend" | "lapsedFactor" | "lapsedLimit"> & {
    /** The budget, initiated-by and contact columns read, by name. */
    healthColumns?: HealthColumnNames;
  };

/**
 * `orders`: a ledger and the purchase log it filled (see HealthOrders, or LedgerOptions.purchaseLog);
 * `unread`: the values of the health check's own columns that could not be read, shown beside the
 * questions that read them.
 */
export function analyzeWithHealth(
  orders: LedgerAndLog,
  stats: IngestStats,
  skipped: SkippedRow[],
  settings: HealthReportSettings,
  unread?: DetailProblems,
): Analysis {
  return withHealthCheck(analyzeBeforeHealthCheck(orders, stats, skipped, settings), orders, settings, unread);
}

/** The ledger's analysis, with the contacts of the log beside it: analyzeWithHealth's first step. */
export function analyzeBeforeHealthCheck(
  orders: LedgerAndLog,
  stats: IngestStats,
  skipped: SkippedRow[],
  settings: ReportSettings,
): Analysis {
  return analyzeLedger(orders.ledger, stats, skipped, settings, (customer) => orders.log.contact(customer));
}

/**
 * analyzeWithHealth's second step, taken apart so that a caller may do something between the two
 * (the command line waits there for its log's entries, sorted on its other thread meanwhile).
 */
export function withHealthCheck(
  analysis: Analysis,
  orders: LedgerAndLog,
  settings: HealthReportSettings,
  unread?: DetailProblems,
): Analysis {
  analysis.report.healthCheck = healthCheck(
    orders.ledger,
    orders.log,
    { lapsedLimit: REPORT_LIMITS.lost, periodLimit: REPORT_LIMITS.healthPeriods, managerLimit: REPORT_LIMITS.healthManagers, ...settings },
    analysis.allManagers,
  );
  analysis.report.healthCheck.columns = settings.healthColumns ?? {};
  if (unread !== undefined) {
    const { questions } = analysis.report.healthCheck;
    noteUnreadValues(questions, unread);
    analysis.report.healthCheck.questions = questions.map((question) => startedNeedsSides(question, unread.knownInitiators));
  }
  return analysis;
}

function noteUnreadValues(questions: HealthQuestion[], unread: DetailProblems): void {
  const note = (id: QuestionId, count: number, first: { row: number; value: unknown } | undefined): void => {
    const question = questions.find((q) => q.id === id);
    if (question !== undefined && count > 0 && first !== undefined) question.unread = { count, row: first.row, value: String(first.value) };
  };
  note(2, unread.unreadableBudgets, unread.firstUnreadableBudget);
  note(7, unread.unknownInitiators, unread.firstUnknownInitiator);
}
