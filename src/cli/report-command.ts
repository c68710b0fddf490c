// The `report` command: options in, report out. It prints nothing; the caller renders.

import { CustomerLedger } from "../core/ledger";
import { analyzeLedger, skippedRowCollector, type RetentionReport } from "../core/report";
import { problemMessage } from "../i18n/problems";
import { dataError } from "./errors";
import type { CliOptions } from "./options";
import { readOrders, type FileLayout } from "./read-orders";

/** Skipped rows kept for display (all are counted); enough to see a pattern, bounded for huge files. */
export const SKIPPED_ROWS_KEPT = 1000;

export interface ReportOutcome {
  file: string;
  layout: FileLayout;
  report: RetentionReport;
}

export function runReport(options: CliOptions, onProgress?: (bytesRead: number, totalBytes: number) => void): ReportOutcome {
  const ledger = new CustomerLedger({ amountWindow: options.window });
  const { skipped, onSkippedRow } = skippedRowCollector(SKIPPED_ROWS_KEPT);
  const { stats, layout } = readOrders({
    path: options.file,
    encoding: options.encoding,
    delimiter: options.delimiter,
    columns: options.columns,
    exclude: options.exclude,
    locale: options.locale,
    language: options.language,
    ledger,
    onSkippedRow,
    onProgress,
  });
  if (ledger.isEmpty) {
    const first = skipped[0];
    throw dataError(
      first === undefined
        ? { key: "noOrders", values: { path: options.file } }
        : { key: "noOrdersFirstSkip", values: { path: options.file, reason: problemMessage(first.problem, options.language) } },
    );
  }
  const { report } = analyzeLedger(ledger, stats, skipped, {
    target: options.target,
    period: options.period,
    withinDays: options.withinDays,
    window: options.window,
    hasManagers: layout.mapping.manager !== undefined,
    hasAmounts: layout.mapping.amount !== undefined,
  });
  return { file: options.file, layout, report };
}
