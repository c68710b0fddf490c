// The `report` command: options in, report out. It prints nothing; the caller renders.
//
// A big file is read by a second thread while this one adds its orders to the ledger: reading
// (scanning, keys, dates, amounts) and counting (finding each customer, adding up) cost about the
// same, so two cores finish in a little over half the time. This thread reads nothing itself, not
// even while the other one starts: each thread then compiles only its own half of the code, which
// on two cores saves more time than it takes to wait. The second thread comes from the caller
// (`readElsewhere`), which keeps worker plumbing out of here and lets tests run in-process.

import { statSync } from "node:fs";
import { CustomerLedger } from "../core/ledger";
import type { IngestStats } from "../core/ingest";
import { analyzeLedger, skippedRowCollector, type RetentionReport, type SkippedRow } from "../core/report";
import { problemMessage } from "../i18n/problems";
import { dataError } from "./errors";
import { CustomerIndex } from "./customer-index";
import { BatchReader, BatchWriter, batchRowsFor, LedgerOrders, sameShape, type OrderBatch } from "./order-batch";
import type { CliOptions } from "./options";
import { CHUNK_BYTES, readOrders, type FileLayout, type ReadSettings } from "./read-orders";
import { NameStore } from "./name-store";
import { withRoomIfGranted } from "./typed-arrays";
import type { Encoding } from "./sniff";
import type { FileVersion } from "./file-version";

/** Skipped rows kept for display (all are counted); enough to see a pattern, bounded for huge files. */
export const SKIPPED_ROWS_KEPT = 1000;
/** Below this a second thread costs more to start than it saves. */
const TWO_THREADS_MIN_BYTES = 8 * 1024 * 1024;
/**
 * File bytes per customer that room is reserved for: an order row takes 32 bytes or more, and most
 * customers have more than one. A file with more customers than that grows its tables as needed.
 */
const BYTES_PER_CUSTOMER = 64;
/** Room reserved up front for no more customers than this (about 120 MB of address space). */
const CAPACITY_AT_MOST = 1 << 20;

export interface ReportOutcome {
  file: string;
  layout: FileLayout;
  report: RetentionReport;
}

/** What reading the file gives besides its orders. */
export interface ReadOutcome {
  stats: IngestStats;
  layout: FileLayout;
  skipped: SkippedRow[];
  version: FileVersion | undefined;
}

/** One message from the reading thread. */
export type ReaderMessage = { batch: OrderBatch; encoding: Encoding; bytesRead: number; totalBytes: number } | { done: ReadOutcome };

/** A file being read in another thread. */
export interface OrderStream {
  /** The next batch of orders, or the end of the reading. */
  next(): Promise<ReaderMessage>;
  /** Gives an added batch back to the reader to fill again. */
  recycle(batch: OrderBatch): void;
  cancel(): void;
}

export interface ReportIo {
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Starts reading the file in another thread; without it the file is read on this one. */
  readElsewhere?: (options: CliOptions) => OrderStream;
  /** Cores available (os.availableParallelism()). */
  parallelism?: number;
  /** Bytes read at a time on this thread (ReadSettings.chunkBytes), for tests. */
  chunkBytes?: number;
}

export async function runReport(options: CliOptions, io: ReportIo = {}): Promise<ReportOutcome> {
  const fileBytes = regularFileSize(options.file);
  const { names, ledger, index } = withRoomIfGranted(customersToExpect(fileBytes), (capacity) => {
    const names = new NameStore(options.file, capacity);
    const ledger = new CustomerLedger({ amountWindow: options.window, nameCell: names.cellOf, capacity });
    return { names, ledger, index: new CustomerIndex(ledger, names, capacity) };
  });
  const { stats, layout, skipped, version } =
    io.readElsewhere !== undefined && fileBytes !== undefined && threads(options, io.parallelism ?? 1, fileBytes) === 2
      ? await readWithAnotherThread(options, index, io.readElsewhere, io.onProgress)
      : readHere(options, index, { onProgress: io.onProgress, chunkBytes: io.chunkBytes });
  names.placesIn(version);
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

/**
 * Undefined for a pipe or a device, which two threads cannot both read, and for a path that cannot
 * be read (the read itself then says why).
 */
function regularFileSize(path: string): number | undefined {
  try {
    const stat = statSync(path);
    return stat.isFile() ? stat.size : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Room to reserve for customers, from the file's size. The room costs address space, not memory,
 * until customers fill it, and spares copying the tables as they grow.
 */
function customersToExpect(fileBytes: number | undefined): number {
  return Math.min(Math.ceil((fileBytes ?? 0) / BYTES_PER_CUSTOMER), CAPACITY_AT_MOST);
}

function threads(options: CliOptions, parallelism: number, fileBytes: number): 1 | 2 {
  if (options.threads !== undefined) return options.threads;
  return fileBytes >= TWO_THREADS_MIN_BYTES && parallelism > 1 ? 2 : 1;
}

/** How a read goes, besides the options. */
type Reading = Pick<ReadSettings, "orders" | "onProgress" | "chunkBytes">;

function read(options: CliOptions, reading: Reading): ReadOutcome {
  const { skipped, onSkippedRow } = skippedRowCollector(SKIPPED_ROWS_KEPT);
  const { stats, layout, version } = readOrders({
    path: options.file,
    encoding: options.encoding,
    delimiter: options.delimiter,
    columns: options.columns,
    exclude: options.exclude,
    locale: options.locale,
    language: options.language,
    onSkippedRow,
    ...reading,
  });
  return { stats, layout, skipped, version };
}

/**
 * Reads the file on this thread, counting its orders into `index`. The names of new
 * customers are copied from the chunk, so each chunk is counted before the next one overwrites it.
 */
function readHere(options: CliOptions, index: CustomerIndex, reading: Omit<Reading, "orders">): ReadOutcome {
  let orders: LedgerOrders | undefined;
  const chunkRead = (bytesRead: number, totalBytes: number): void => {
    orders?.flush();
    reading.onProgress?.(bytesRead, totalBytes);
  };
  return read(options, { ...reading, orders: (encoding) => (orders = new LedgerOrders(index, encoding)), onProgress: chunkRead });
}

/** The reading thread's side: reads the file and hands over its orders a chunk at a time. */
export function readForAnotherThread(
  options: CliOptions,
  send: (message: ReaderMessage) => void,
  reuse: () => OrderBatch | undefined,
  chunkBytes?: number,
): ReadOutcome {
  let writer: BatchWriter | undefined;
  const orders = (encoding: Encoding): BatchWriter => (writer = new BatchWriter(encoding, batchRowsFor(chunkBytes ?? CHUNK_BYTES), reuse));
  const sendBatch = (bytesRead: number, totalBytes: number): void =>
    send({ batch: writer!.take(), encoding: writer!.encoding, bytesRead, totalBytes });
  return read(options, { orders, onProgress: sendBatch, chunkBytes });
}

/** This thread's side: adds the other thread's orders as they come. */
async function readWithAnotherThread(
  options: CliOptions,
  index: CustomerIndex,
  readElsewhere: NonNullable<ReportIo["readElsewhere"]>,
  onProgress: ReportIo["onProgress"],
): Promise<ReadOutcome> {
  const stream = readElsewhere(options);
  try {
    let batches: BatchReader | undefined;
    for (;;) {
      const message = await stream.next();
      if ("done" in message) return message.done;
      const batch = sameShape(message.batch);
      batches ??= new BatchReader(index, message.encoding);
      batches.add(batch);
      stream.recycle(batch);
      onProgress?.(message.bytesRead, message.totalBytes);
    }
  } catch (error) {
    stream.cancel();
    throw error;
  }
}
