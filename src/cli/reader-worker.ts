// The thread that reads a big file for report-command.ts: the main thread's side starts it and
// receives its batches of orders; the worker's side reads and sends. The reader stays at most a
// few batches ahead, so memory stays bounded however big the file. Errors travel as data, so a
// bad file fails the same way on either thread.

import { isMainThread, parentPort, receiveMessageOnPort, Worker, workerData } from "node:worker_threads";
import { inputLocale } from "../core/cells";
import { CliError } from "./errors";
import type { CliOptions } from "./options";
import { batchBuffers, sameShape, type OrderBatch } from "./order-batch";
import { readForAnotherThread, type OrderStream, type ReaderMessage } from "./report-command";

/** Batches (4 MB of file each) the reader may be ahead of the counting thread. */
const MAX_BATCHES_AHEAD = 3;

/** CliOptions without the class instance in `locale` (a structured clone would strip its methods). */
type PlainOptions = Omit<CliOptions, "locale"> & { locale: { name: string; timeZone: string } };

interface ReaderRequest {
  reader: true;
  options: PlainOptions;
  /** [0]: batches sent and not yet taken as added. */
  ahead: Int32Array<SharedArrayBuffer>;
}

type WorkerMessage =
  | ReaderMessage
  | { cliError: { exitCode: CliError["exitCode"]; detail: CliError["detail"] } }
  | { failure: string };

/**
 * Batches move between the threads by transfer, which detaches their buffers. The first detach in
 * a thread makes V8 throw away every optimised function that reads a typed array (it had assumed
 * none would ever be detached), so half-way through the file nearly everything would be compiled
 * again. Detaching one small buffer before anything is optimised spares that.
 */
function detachOneBufferEarly(): void {
  const buffer = new ArrayBuffer(8);
  structuredClone(buffer, { transfer: [buffer] });
}

export function isReaderWorker(): boolean {
  return !isMainThread && (workerData as Partial<ReaderRequest> | null)?.reader === true;
}

/** `readElsewhere` for runReport: a worker running `script` (this bundle) reads the file. */
export function readInWorker(script: URL): (options: CliOptions) => OrderStream {
  return (options) => {
    detachOneBufferEarly();
    const ahead = new Int32Array(new SharedArrayBuffer(4));
    const request: ReaderRequest = {
      reader: true,
      options: { ...options, locale: { name: options.locale.locale, timeZone: options.locale.zone.timeZone } },
      ahead,
    };
    const worker = new Worker(script, { workerData: request });
    const received: WorkerMessage[] = [];
    let failed: Error | undefined;
    let wake: (() => void) | undefined;
    const arrive = (): void => {
      wake?.();
      wake = undefined;
    };
    worker.on("message", (message: WorkerMessage) => {
      received.push(message);
      arrive();
    });
    worker.on("error", (error) => {
      failed ??= error;
      arrive();
    });
    worker.on("exit", (code) => {
      failed ??= new Error(`the reading thread stopped (exit code ${code}) before it was done`);
      arrive();
    });
    return {
      async next(): Promise<ReaderMessage> {
        while (received.length === 0) {
          if (failed) throw failed;
          await new Promise<void>((resolve) => (wake = resolve));
        }
        const message = received.shift()!;
        if ("cliError" in message) throw new CliError(message.cliError.exitCode, message.cliError.detail);
        if ("failure" in message) throw workerFailure(message.failure);
        return message;
      },
      recycle(batch) {
        worker.postMessage(batch, batchBuffers(batch));
        Atomics.sub(ahead, 0, 1);
        Atomics.notify(ahead, 0);
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

/**
 * The worker's side: read the file, sending batches no further than MAX_BATCHES_AHEAD ahead and
 * filling again those the main thread gives back.
 */
export function serveReading(): void {
  detachOneBufferEarly();
  const { options: plain, ahead } = workerData as ReaderRequest;
  const port = parentPort!;
  const send = (message: ReaderMessage): void => {
    for (let sent = Atomics.load(ahead, 0); sent >= MAX_BATCHES_AHEAD; sent = Atomics.load(ahead, 0)) Atomics.wait(ahead, 0, sent);
    if ("batch" in message) Atomics.add(ahead, 0, 1);
    port.postMessage(message, "batch" in message ? batchBuffers(message.batch) : []);
  };
  try {
    const options: CliOptions = { ...plain, locale: inputLocale(plain.locale.name, plain.locale.timeZone) };
    const reuse = (): OrderBatch | undefined => {
      const returned = receiveMessageOnPort(port)?.message as OrderBatch | undefined;
      return returned === undefined ? undefined : sameShape(returned);
    };
    send({ done: readForAnotherThread(options, send, reuse) });
  } catch (error) {
    const message: WorkerMessage =
      error instanceof CliError
        ? { cliError: { exitCode: error.exitCode, detail: error.detail } }
        : { failure: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    port.postMessage(message);
  }
}
