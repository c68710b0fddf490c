// The thread that counts a big file's orders for report-command.ts: the main thread reads the file
// and hands over batches of orders; this one counts them into its ledger and, at the end, makes
// the report. The reader stays at most a few batches ahead, so memory stays bounded however big
// the file. Errors travel as data, so a bad file fails the same way on either thread.

import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { inputLocale } from "../core/cells";
import { type LoggedEntries, type SortedEntries, sortLogEntries } from "../core/health/purchase-log";
import type { RetentionReport } from "../core/report";
import type { Encoding } from "../files/sniff";
import type { OrderBatch } from "./counting/batch";
import { batchBuffers, detachOneBufferEarly, entryBuffers, sameShape } from "./counting/transfer";
import { asCliError, CliError } from "./errors";
import type { CliOptions } from "./options";
import { Tally, type CountingThread, type ReadOutcome } from "./report-command";

/** Batches (1 MB of file each, CHUNK_BYTES) the reader may be ahead of the counting thread. */
export const MAX_BATCHES_AHEAD = 12;

/** CliOptions without the class instance in `locale` (a structured clone would strip its methods). */
type PlainOptions = Omit<CliOptions, "locale"> & { locale: { name: string; timeZone: string } };

interface CounterRequest {
  counter: true;
  options: PlainOptions;
  /** Customers to reserve room for. */
  capacity: number;
}

type ToCounter = { batch: OrderBatch; encoding: Encoding } | { read: ReadOutcome } | { sorted: SortedEntries };

type FromCounter =
  | { recycled: OrderBatch }
  | { sortEntries: LoggedEntries }
  | { report: RetentionReport }
  | { cliError: { exitCode: CliError["exitCode"]; detail: CliError["detail"] } }
  | { failure: string };

export function isCountingThread(): boolean {
  return !isMainThread && (workerData as Partial<CounterRequest> | null)?.counter === true;
}

/** `countElsewhere` for runReport: a worker running `script` (this bundle) counts the orders. */
export function countInWorker(script: URL): (options: CliOptions, capacity: number) => CountingThread {
  return (options, capacity) => {
    detachOneBufferEarly();
    const request: CounterRequest = {
      counter: true,
      options: { ...options, locale: { name: options.locale.locale, timeZone: options.locale.zone.timeZone } },
      capacity,
    };
    const worker = new Worker(script, { workerData: request });
    const spare: OrderBatch[] = [];
    let ahead = 0;
    let report: RetentionReport | undefined;
    let failed: Error | undefined;
    let waiting: (() => void)[] = [];
    const arrive = (): void => {
      const woken = waiting;
      waiting = [];
      for (const wake of woken) wake();
    };
    worker.on("message", (message: FromCounter) => {
      if ("recycled" in message) {
        ahead--;
        spare.push(sameShape(message.recycled));
      } else if ("sortEntries" in message) {
        // This thread has read the whole file and waits: the sort is off the counter's last steps.
        try {
          const sorted = sortLogEntries(message.sortEntries);
          worker.postMessage({ sorted } satisfies ToCounter, entryBuffers(sorted));
        } catch (error) {
          // A sorted copy too large for memory fails the report as any error does, not the process.
          failed ??= error as Error;
          void worker.terminate();
        }
      } else if ("report" in message) {
        report = message.report;
      } else {
        failed ??=
          "cliError" in message ? new CliError(message.cliError.exitCode, message.cliError.detail) : workerFailure(message.failure);
      }
      arrive();
    });
    worker.on("error", (error) => {
      failed ??= error;
      arrive();
    });
    worker.on("exit", (code) => {
      failed ??= new Error(`the counting thread stopped (exit code ${code}) before it was done`);
      arrive();
    });
    /** Waits for `ready`, or throws what stopped the counter first. */
    const until = async (ready: () => boolean): Promise<void> => {
      while (!ready()) {
        if (failed) throw failed;
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
    };
    const send = (message: ToCounter, transfer: ArrayBuffer[] = []): void => {
      if (failed) throw failed;
      worker.postMessage(message, transfer);
    };
    return {
      async add(batch, encoding) {
        send({ batch, encoding }, batchBuffers(batch));
        ahead++;
        await until(() => ahead < MAX_BATCHES_AHEAD);
      },
      reuse: () => spare.pop(),
      async finish(read) {
        send({ read });
        await until(() => report !== undefined);
        return report!;
      },
      cancel: () => void worker.terminate(),
    };
  };
}

/** The worker's error as thrown there: its first line the message, and its own stack. */
function workerFailure(stack: string): Error {
  const error = new Error(stack.split("\n")[0]!.replace(/^\w*Error: /, ""));
  error.stack = stack;
  return error;
}

/** The worker's side: count each batch as it comes and give it back; make the report when asked. */
export function serveCounting(): void {
  detachOneBufferEarly();
  const { options: plain, capacity } = workerData as CounterRequest;
  const port = parentPort!;
  const stop = (thrown: unknown): void => {
    const error = asCliError(thrown);
    const message: FromCounter =
      error instanceof CliError
        ? { cliError: { exitCode: error.exitCode, detail: error.detail } }
        : { failure: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    port.postMessage(message);
    port.close();
  };
  try {
    const tally = new Tally({ ...plain, locale: inputLocale(plain.locale.name, plain.locale.timeZone) }, capacity);
    let sortedArrive: ((sorted: SortedEntries) => void) | undefined;
    const finish = async (read: ReadOutcome): Promise<void> => {
      try {
        // The health check's log is sorted on the reading thread while this one analyses the ledger.
        const entries = tally.entriesToSort();
        let sorted: Promise<SortedEntries> | undefined;
        if (entries !== undefined) {
          sorted = new Promise((resolve) => {
            sortedArrive = resolve;
          });
          port.postMessage({ sortEntries: entries } satisfies FromCounter, entryBuffers(entries));
        }
        port.postMessage({ report: await tally.report(read, sorted) } satisfies FromCounter);
        port.close();
      } catch (error) {
        stop(error);
      }
    };
    port.on("message", (message: ToCounter) => {
      try {
        if ("batch" in message) {
          const batch = sameShape(message.batch);
          tally.add(batch, message.encoding);
          port.postMessage({ recycled: batch } satisfies FromCounter, batchBuffers(batch));
        } else if ("sorted" in message) {
          sortedArrive?.(message.sorted);
        } else {
          void finish(message.read);
        }
      } catch (error) {
        stop(error);
      }
    });
  } catch (error) {
    stop(error);
  }
}
