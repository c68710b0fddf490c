// The retention report with its health check: the verdict's analysis of the ledger, then the
// health check over the purchase log beside it, with the verdict's manager rows for question 4.
// Its lists are capped as the report's are, so a million rows still make a small report.

import type { IngestStats } from "../ingest";
import { analyzeLedger, REPORT_LIMITS, type Analysis, type ReportSettings, type SkippedRow } from "../report";
import { healthCheck, type HealthSettings } from "./health-check";
import type { CustomerLedger } from "../ledger";
import type { PurchaseLog } from "./purchase-log";

export type HealthReportSettings = ReportSettings & Pick<HealthSettings, "hasInitiatedBy" | "trend" | "lapsedFactor" | "lapsedLimit">;

/** `orders`: a ledger and the purchase log it filled (see HealthOrders, or LedgerOptions.purchaseLog). */
export function analyzeWithHealth(
  orders: { ledger: CustomerLedger; log: PurchaseLog },
  stats: IngestStats,
  skipped: SkippedRow[],
  settings: HealthReportSettings,
): Analysis {
  const analysis = analyzeLedger(orders.ledger, stats, skipped, settings, (customer) => orders.log.contact(customer));
  analysis.report.healthCheck = healthCheck(
    orders.ledger,
    orders.log,
    { lapsedLimit: REPORT_LIMITS.lost, periodLimit: REPORT_LIMITS.healthPeriods, managerLimit: REPORT_LIMITS.healthManagers, ...settings },
    analysis.allManagers,
  );
  return analysis;
}
