// The `report` command: options in, report out. It prints nothing; the caller renders.
//
// A big file is read by several threads at once, each keeping its own share of the customers
// (by key-bytes.ts); their ledgers are then merged into the one a single pass would build.
// Threads come from the caller (`readElsewhere`), so this file stays free of worker plumbing and
// in-process tests run it on one thread.

import { statSync } from "node:fs";
import { CustomerLedger } from "../core/ledger";
import type { IngestStats } from "../core/ingest";
import { analyzeLedger, skippedRowCollector, type RetentionReport, type SkippedRow } from "../core/report";
import { problemMessage } from "../i18n/problems";
import { dataError } from "./errors";
import type { CliOptions } from "./options";
import { readOrders, type FileLayout } from "./read-orders";

/** Skipped rows kept for display (all are counted); enough to see a pattern, bounded for huge files. */
export const SKIPPED_ROWS_KEPT = 1000;
/** Below this a second thread costs more to start than it saves. */
const SHARED_READ_MIN_BYTES = 8 * 1024 * 1024;
/** Every thread scans the whole file, so beyond a few more threads only add scanning. */
const DEFAULT_MAX_THREADS = 4;

export interface ReportOutcome {
  file: string;
  layout: FileLayout;
  report: RetentionReport;
}

export interface Share {
  index: number;
  count: number;
}

/** One share of the file, read: what a thread sends back. */
export interface ShareReading {
  stats: IngestStats;
  layout: FileLayout;
  skipped: SkippedRow[];
  ledger: CustomerLedger;
  firstSeen: number[];
}

/** What the report is made from: the whole file's reading. */
type FileReading = Pick<ShareReading, "stats" | "layout" | "skipped" | "ledger">;

/** A share being read in another thread. */
export interface PendingShare {
  reading: Promise<ShareReading>;
  cancel(): void;
}

export interface ReportIo {
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Starts reading a share in another thread; without it everything is read here. */
  readElsewhere?: (options: CliOptions, share: Share) => PendingShare;
  /** Cores available (os.availableParallelism()). */
  parallelism?: number;
}

export async function runReport(options: CliOptions, io: ReportIo = {}): Promise<ReportOutcome> {
  const count = io.readElsewhere === undefined ? 1 : shareCount(options, io.parallelism ?? 1);
  const reading: FileReading = count === 1 ? readShare(options, undefined, io.onProgress) : await readShares(options, count, io);
  const { ledger, stats, skipped, layout } = reading;
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

function shareCount(options: CliOptions, parallelism: number): number {
  if (options.threads !== undefined) return options.threads;
  let bytes = 0;
  try {
    bytes = statSync(options.file).size;
  } catch {
    return 1; // the read itself reports what is wrong with the file
  }
  return bytes < SHARED_READ_MIN_BYTES ? 1 : Math.max(1, Math.min(parallelism, DEFAULT_MAX_THREADS));
}

/** Reads the file, or only one share of its customers. */
export function readShare(options: CliOptions, share?: Share, onProgress?: ReportIo["onProgress"]): ShareReading {
  const ledger = new CustomerLedger({ amountWindow: options.window });
  const { skipped, onSkippedRow } = skippedRowCollector(SKIPPED_ROWS_KEPT);
  const { stats, layout, firstSeen } = readOrders({
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
    share,
  });
  return { stats, layout, skipped, ledger, firstSeen };
}

/** Share 0 here, the others elsewhere at the same time; then one ledger, as one pass builds it. */
async function readShares(options: CliOptions, count: number, io: ReportIo): Promise<FileReading> {
  const pending: PendingShare[] = [];
  for (let index = 1; index < count; index++) pending.push(io.readElsewhere!(options, { index, count }));
  const others = Promise.all(pending.map((share) => share.reading));
  others.catch(() => undefined); // a thread may fail while this one reads; that is awaited below
  let readings: ShareReading[];
  try {
    const own = readShare(options, { index: 0, count }, io.onProgress);
    readings = [own, ...(await others)];
  } catch (error) {
    for (const share of pending) share.cancel();
    throw error;
  }
  return mergeReadings(readings);
}

function mergeReadings(readings: readonly ShareReading[]): FileReading {
  const stats: IngestStats = { rows: 0, blankRows: 0, excludedRows: 0, skippedRows: 0, orders: 0 };
  for (const reading of readings) {
    for (const field of Object.keys(stats) as (keyof IngestStats)[]) stats[field] += reading.stats[field];
  }
  // Each share kept its first skipped rows, so the first of all are among them.
  const skipped = readings
    .flatMap((reading) => reading.skipped)
    .sort((a, b) => a.row - b.row)
    .slice(0, SKIPPED_ROWS_KEPT);
  const ledger = CustomerLedger.merge(readings);
  return { stats, layout: readings[0]!.layout, skipped, ledger };
}
