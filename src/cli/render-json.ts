// The report as JSON for scripts: figures as plain numbers (rates are fractions 0…1; sums without
// float noise, see plain-numbers.ts), reasons for skipped rows as localized messages. `verdict` is
// the judged headline (see core verdict.ts); firstPurchases, secondPurchases and retentionRate stay
// the literal all-time ratio. Characters a terminal acts on (C1 controls, bidi overrides) are
// written as \u escapes, which JSON reads back as the same text.

import type { HealthCheck } from "../core/health/health-check";
import type { Language } from "../i18n/language";
import { type AnsweredCheck, healthAnswers } from "../presentation/health-check";
import { problemMessage } from "../i18n/problems";
import { plainNumbers } from "../presentation/plain-numbers";
import type { ReportOutcome } from "./report-command";
import { skippedByReason } from "./report-lines";
import { terminalSafeJson } from "./render-text";

export function renderJson(outcome: ReportOutcome, language: Language): string {
  const { file, layout, report } = outcome;
  const json = {
    file,
    files: outcome.inputs ?? [file],
    encoding: layout.encoding,
    delimiter: layout.sheet === undefined ? layout.delimiter : null,
    sheet: layout.sheet ?? null,
    headerLine: layout.headerLine,
    columns: report.columns,
    rows: report.stats.rows,
    orders: report.stats.orders,
    blankRows: report.stats.blankRows,
    excludedRows: report.stats.excludedRows,
    excludedDealType: report.excludedDealType,
    statusColumn: report.statusColumn ?? null,
    leftOutByStatus: report.stats.leftOutByStatus ?? {},
    skippedRowCount: report.stats.skippedRows,
    skippedRows: report.skipped.map(({ row, problem }) => ({
      row,
      ...(problem.file === undefined ? {} : { file: problem.file }),
      reason: problemMessage(problem, language),
    })),
    skippedByReason: skippedByReason(outcome, language),
    customers: report.customers,
    firstDate: report.firstDate,
    lastDate: report.lastDate,
    refunds: report.refunds,
    verdict: report.verdict,
    firstPurchases: report.firstPurchases,
    secondPurchases: report.secondPurchases,
    retentionRate: report.retentionRate,
    outcomes: report.outcomes,
    target: report.target,
    belowTarget: report.belowTarget,
    period: report.period,
    withinDays: report.withinDays,
    ordersStartWithBusiness: report.ordersStartWithBusiness,
    medianDaysToSecond: report.medianDaysToSecond,
    repeatRevenueShare: report.repeatRevenueShare,
    cohorts: report.cohorts.map(
      ({ period, start, end, newCustomers, returned, returnedInTime, rate, rateInTime, judged, tooEarly, belowTarget }) => ({
        period,
        start,
        end,
        newCustomers,
        returned,
        returnedInTime,
        rate,
        rateInTime,
        judged,
        tooEarly,
        belowTarget,
      }),
    ),
    cohortsOmitted: report.cohortsOmitted,
    managers:
      report.managers?.map(({ manager, newCustomers, returned, rate, belowTarget }) => ({
        manager,
        newCustomers,
        returned,
        rate,
        belowTarget,
      })) ?? null,
    managersOmitted: report.managersOmitted,
    lost: report.lost,
    healthCheck: report.healthCheck === undefined ? null : healthCheckJson(report.healthCheck, language),
  };
  return `${terminalSafeJson(JSON.stringify(json, plainNumbers, 2))}\n`;
}

function answered(check: AnsweredCheck, language: Language) {
  const answers = healthAnswers(check, language);
  return check.questions.map((question, i) => ({ ...question, answer: answers[i]!.sentence }));
}

/**
 * The health check (docs/health-check.md): the periods, each question with its verdict, figures and
 * sentence, the lapsed customers most at stake first (capped as `lost` is), the managers.
 */
function healthCheckJson(check: HealthCheck, language: Language) {
  const { customers, ...lapsedTotals } = check.lapsed;
  return {
    periods: check.periods,
    periodsOmitted: check.periodsOmitted,
    questions: answered(check, language),
    lapsed: customers,
    lapsedTotals,
    managers: check.managers,
    managersOmitted: check.managersOmitted,
    cohortGrid: check.cohortGrid,
    settings: check.settings,
    columns: check.columns ?? {},
  };
}
