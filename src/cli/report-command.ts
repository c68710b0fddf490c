// The `report` command: options in, report out. It prints nothing; the caller renders.
//
// A big file is read on this thread while a second one counts its orders and makes the report:
// reading (scanning, keys, dates, amounts) and counting (finding each customer, adding up) cost
// about the same, so two cores finish in a little over half the time. Reading starts at once,
// here, and the counting thread starts meanwhile, with batches waiting for it. Each thread
// compiles only its own half of the code, which on two cores matters as much as the work itself.
// The second thread comes from the caller (`countElsewhere`), which keeps worker plumbing out of
// here and lets tests run it in-process.

import { statSync } from "node:fs";
import type { IngestStats } from "../core/ingest";
import type { Problem } from "../core/problems";
import { analyzeBeforeHealthCheck, withHealthCheck } from "../core/health/analyze-health";
import type { DetailProblems } from "../core/health/order-details";
import { contactOf } from "../core/health/order-details";
import { type LoggedEntries, PurchaseLog, type SortedEntries } from "../core/health/purchase-log";
import {
  analyzeLedger,
  REPORT_LIMITS,
  skippedRowCollector,
  type ReportSettings,
  type RetentionReport,
  type SkippedRow,
} from "../core/report";
import type { FileVersion } from "../files/file-version";
import { CHUNK_BYTES } from "../files/scan-file";
import { formatsFor } from "../presentation/formats";
import type { Encoding } from "../files/sniff";
import { problemMessage } from "../i18n/problems";
import { BatchReader, BatchWriter, batchRowsFor, ORDER_ROW_BYTES_AT_LEAST, SameThreadWriter, type OrderBatch } from "./counting/batch";
import { CustomerIndex } from "./counting/customer-index";
import { IndexedLedger } from "./counting/indexed-ledger";
import { NameStore } from "./counting/name-store";
import { withRoomIfGranted } from "./counting/typed-arrays";
import { dataError, noPurchaseMessage } from "./errors";
import type { FileLayout } from "./file-layout";
import type { CliOptions } from "./options";
import { readOrderFile, type ReadSettings } from "./order-file";

/** Skipped rows kept for display (all are counted); enough to see a pattern, bounded for huge files. */
export const SKIPPED_ROWS_KEPT = 1000;
/** Below this a second thread costs more to start than it saves. */
const TWO_THREADS_MIN_BYTES = 8 * 1024 * 1024;
/**
 * File bytes per customer that room is reserved for: most customers have more than one order
 * row. A file with more customers than that grows its tables as needed.
 */
const BYTES_PER_CUSTOMER = 2 * ORDER_ROW_BYTES_AT_LEAST;
/**
 * Room reserved up front for no more customers than this: about 120 MB of address space for the
 * index and the names, the ledger's one page (32 MB at most, see PagedArray), and with the health
 * check 40 MB for its log, an entry for each row the file can hold.
 */
const CAPACITY_AT_MOST = 1 << 20;

/** How many of a group's rows are shown as examples. */
export const SKIPPED_EXAMPLES = 3;

/** Skipped rows that share a problem and a column: all of them counted, the first few kept. */
export interface SkippedGroup {
  /** The first row's problem (its code, column and value). */
  problem: Problem;
  count: number;
  /** The first rows, up to SKIPPED_EXAMPLES, with their values. */
  examples: { row: number; file?: string; value: unknown }[];
  /** Whether every row of the group has the first row's value. */
  sameValue: boolean;
}

/**
 * Groups skipped rows by problem and column, in the order they first appear. Memory stays bounded
 * by the problems times the columns, whatever the number of rows.
 */
export function skippedGroupCollector(): { groups: SkippedGroup[]; add: (problem: Problem) => void } {
  const byKey = new Map<string, SkippedGroup>();
  const groups: SkippedGroup[] = [];
  const add = (problem: Problem): void => {
    const key = `${problem.code}\u0000${problem.argument ?? ""}`;
    const row = problem.row ?? 0;
    const group = byKey.get(key);
    if (group === undefined) {
      const created = { problem, count: 1, examples: [{ row, value: problem.value }], sameValue: true };
      byKey.set(key, created);
      groups.push(created);
      return;
    }
    group.count += 1;
    if (group.examples.length < SKIPPED_EXAMPLES) group.examples.push({ row, value: problem.value });
    if (group.sameValue && String(problem.value) !== String(group.problem.value)) group.sameValue = false;
  };
  return { groups, add };
}

export interface ReportOutcome {
  file: string;
  layout: FileLayout;
  report: RetentionReport;
  /** Every skipped row, grouped by reason; without it, the report's kept rows are grouped. */
  skippedByReason?: SkippedGroup[];
  /** The files read, where they differ from those named (DuckDB's, a pattern expanded). */
  inputs?: readonly string[];
}

/** What reading the file gives besides its orders. */
export interface ReadOutcome {
  stats: IngestStats;
  layout: FileLayout;
  skipped: SkippedRow[];
  version: FileVersion | undefined;
  /** Values of the health check's own columns that could not be read. */
  detailProblems: DetailProblems | undefined;
}

/** The thread that counts the orders and makes the report, as the reading thread sees it. */
export interface CountingThread {
  /** Hands a batch over (its buffers move); resolves once the counter has room for another. */
  add(batch: OrderBatch, encoding: Encoding): Promise<void>;
  /** A batch the counter is done with, to fill again, if one has come back. */
  reuse(): OrderBatch | undefined;
  /** Every batch is handed over: the report. */
  finish(read: ReadOutcome): Promise<RetentionReport>;
  cancel(): void;
}

export interface ReportIo {
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Starts counting in another thread, with room for `capacity` customers; without it, counting is done here. */
  countElsewhere?: (options: CliOptions, capacity: number) => CountingThread;
  /** Cores available (os.availableParallelism()). */
  parallelism?: number;
  /** Bytes read at a time (ReadSettings.chunkBytes), for tests. */
  chunkBytes?: number;
}

export async function runReport(options: CliOptions, io: ReportIo = {}): Promise<ReportOutcome> {
  const fileBytes = regularFileSize(options.file);
  const capacity = customersToExpect(fileBytes);
  if (io.countElsewhere !== undefined && fileBytes !== undefined && threads(options, io.parallelism ?? 1, fileBytes) === 2) {
    const thread = io.countElsewhere(options, capacity);
    try {
      const { skippedByReason, ...read } = await readForCountingThread(options, thread, io);
      const report = thread.finish(read);
      // The renderers' first number format loads the locale's data (10–20 ms): made here, that
      // happens while the counting thread finishes the report, not after it.
      formatsFor(options.language);
      return { file: options.file, layout: read.layout, report: await report, skippedByReason };
    } catch (error) {
      thread.cancel();
      throw error;
    }
  }
  const tally = new Tally(options, capacity);
  const { skippedByReason, ...read } = await readHere(options, tally, io);
  return { file: options.file, layout: read.layout, report: await tally.report(read), skippedByReason };
}

/**
 * The orders counted so far, on whichever thread (the customers' index, ledger and names), and
 * the report from them once every order is in.
 */
export class Tally {
  readonly index: CustomerIndex;
  /** Every order for the health check, logged by the ledger as it counts; none with --no-health. */
  private readonly log: PurchaseLog | undefined;
  private readonly ledger: IndexedLedger;
  private readonly names: NameStore;
  /** The health check's contacts, one per customer, kept as names are: read back only for those a report shows. */
  private readonly contacts: NameStore;
  /** For batches from another thread, made with the first one (which brings the encoding). */
  private batches: BatchReader | undefined;

  constructor(
    private readonly options: CliOptions,
    capacity: number,
  ) {
    ({
      log: this.log,
      names: this.names,
      contacts: this.contacts,
      ledger: this.ledger,
      index: this.index,
    } = withRoomIfGranted(capacity, (room) => {
      const log = options.health ? new PurchaseLog() : undefined;
      // Grown by doubling, the log would copy itself and leave the old arrays to the collector:
      // 2 % of the health check's CPU on the bench's manager file (paired runs).
      log?.reserve(room * (BYTES_PER_CUSTOMER / ORDER_ROW_BYTES_AT_LEAST));
      const names = new NameStore(options.file, room);
      // Most files have no contact column: its store starts small and grows with the customers that have one.
      const contacts = new NameStore(options.file);
      log?.useContactSource({ contact: (customer) => contactOf(contacts.text(customer)) });
      const ledger = new IndexedLedger({ amountWindow: options.window, purchaseLog: log, expectedCustomers: room }, names);
      return { log, names, contacts, ledger, index: new CustomerIndex(ledger, names, room, contacts) };
    }));
  }

  /** Counts a batch the reading thread handed over. */
  add(batch: OrderBatch, encoding: Encoding): void {
    (this.batches ??= new BatchReader(this.index, encoding)).add(batch);
  }

  /**
   * The health check's log entries, to be sorted on the reading thread while `report` analyses the
   * ledger (countInWorker); none without a health check, or without a purchase (no report then).
   */
  entriesToSort(): LoggedEntries | undefined {
    return this.ledger.isEmpty ? undefined : this.log?.handOverEntries();
  }

  /** The report, once every order is counted; `sorted`: entriesToSort's entries, sorted elsewhere. */
  async report(
    { stats, layout, skipped, version, detailProblems }: ReadOutcome,
    sorted?: Promise<SortedEntries>,
  ): Promise<RetentionReport> {
    this.names.placesIn(version);
    this.contacts.placesIn(version);
    try {
      return await this.reportOn({ stats, layout, skipped, detailProblems }, sorted);
    } finally {
      this.names.close();
      this.contacts.close();
    }
  }

  private async reportOn(
    { stats, layout, skipped, detailProblems }: Omit<ReadOutcome, "version">,
    sorted: Promise<SortedEntries> | undefined,
  ): Promise<RetentionReport> {
    if (this.ledger.isEmpty) {
      const first = skipped[0];
      const problem = first && { reason: problemMessage(first.problem, this.options.language), first: true };
      throw dataError(noPurchaseMessage(this.options.file, stats, problem));
    }
    const { options } = this;
    const settings: ReportSettings = {
      target: options.target,
      period: options.period,
      withinDays: options.withinDays,
      window: options.window,
      ordersStartWithBusiness: options.ordersStartWithBusiness,
      hasManagers: layout.mapping.manager !== undefined,
      hasAmounts: layout.mapping.amount !== undefined,
      columns: layout.columnNames,
      excludedDealType: layout.excludedDealTypes.length === 0 ? undefined : layout.excludedDealTypes.join(" / "),
      statusColumn: layout.status?.name,
    };
    if (this.log === undefined) return analyzeLedger(this.ledger, stats, skipped, settings).report;
    // --lapsed-csv writes every lapsed customer; the reports then list the first as always (cli.ts).
    const lapsedLimit = options.lapsedCsv === undefined ? REPORT_LIMITS.lost : Number.POSITIVE_INFINITY;
    const hasInitiatedBy = layout.healthColumns?.initiatedBy !== undefined;
    const health = {
      ...settings,
      hasInitiatedBy,
      lapsedLimit,
      healthColumns: layout.healthColumnNames,
      trend: options.trend,
      lapsedFactor: options.lapsedFactor,
    };
    const orders = { ledger: this.ledger, log: this.log };
    const analysis = analyzeBeforeHealthCheck(orders, stats, skipped, health);
    if (sorted !== undefined) this.log.useSorted(await sorted);
    return withHealthCheck(analysis, orders, health, detailProblems).report;
  }
}

/**
 * Undefined for a pipe or a device, which cannot be read twice (two threads keep names as places
 * in the file, to read back), and for a path that cannot be read (the read itself then says why).
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

/** A read, with its skipped rows grouped (kept on the reading thread, for the renderers). */
type GroupedRead = ReadOutcome & { skippedByReason: SkippedGroup[] };

async function read(options: CliOptions, reading: Reading): Promise<GroupedRead> {
  const { skipped, onSkippedRow: keep } = skippedRowCollector(SKIPPED_ROWS_KEPT);
  const grouped = skippedGroupCollector();
  const onSkippedRow = (problem: Problem): void => {
    keep(problem);
    grouped.add(problem);
  };
  const { stats, layout, version, detailProblems } = await readOrderFile({
    path: options.file,
    encoding: options.encoding,
    delimiter: options.delimiter,
    sheet: options.sheet,
    columns: options.columns,
    detailColumns: options.detailColumns,
    exclude: options.exclude,
    keepAllDeals: options.keepAllDeals,
    statuses: options.statuses,
    locale: options.locale,
    language: options.language,
    onSkippedRow,
    healthColumns: options.health,
    ...reading,
  });
  return { stats, layout, skipped, version, detailProblems, skippedByReason: grouped.groups };
}

/**
 * Reads the file and counts its orders, both on this thread. The names of new customers are
 * copied from the chunk, so each chunk is counted before the next one overwrites it.
 */
function readHere(options: CliOptions, tally: Tally, io: ReportIo): Promise<GroupedRead> {
  let orders: SameThreadWriter | undefined;
  const chunkRead = (bytesRead: number, totalBytes: number): void => {
    orders?.flush();
    io.onProgress?.(bytesRead, totalBytes);
  };
  const ordersFor = (encoding: Encoding): SameThreadWriter => (orders = new SameThreadWriter(tally.index, encoding));
  return read(options, { orders: ordersFor, onProgress: chunkRead, chunkBytes: io.chunkBytes });
}

/** Reads the file on this thread and hands its orders to the counter a chunk at a time. */
function readForCountingThread(options: CliOptions, thread: CountingThread, io: ReportIo): Promise<GroupedRead> {
  let writer: BatchWriter | undefined;
  const batchRows = batchRowsFor(io.chunkBytes ?? CHUNK_BYTES);
  const ordersFor = (encoding: Encoding): BatchWriter => (writer = new BatchWriter(encoding, batchRows, () => thread.reuse()));
  const handOver = async (bytesRead: number, totalBytes: number): Promise<void> => {
    await thread.add(writer!.take(), writer!.encoding);
    io.onProgress?.(bytesRead, totalBytes);
  };
  return read(options, { orders: ordersFor, onProgress: handOver, chunkBytes: io.chunkBytes });
}
