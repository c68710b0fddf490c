// Reading a share of the file in a worker thread (see report-command.ts): the main thread's side
// starts the worker and turns its answer back into a ledger; the worker's side reads its share and
// sends back plain data. Errors travel as data too, so a bad file fails the same way in any thread.

import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { inputLocale } from "../core/cells";
import { CustomerLedger, type LedgerParts } from "../core/ledger";
import { CliError } from "./errors";
import type { CliOptions } from "./options";
import { readShare, type PendingShare, type Share, type ShareReading } from "./report-command";

/** CliOptions without the class instance in `locale` (a structured clone would strip its methods). */
type PlainOptions = Omit<CliOptions, "locale"> & { locale: { name: string; timeZone: string } };

interface ShareRequest {
  options: PlainOptions;
  share: Share;
}

type ShareAnswer =
  | { reading: Omit<ShareReading, "ledger"> & { ledger: LedgerParts } }
  | { cliError: { exitCode: CliError["exitCode"]; detail: CliError["detail"] } }
  | { failure: string };

export function isShareWorker(): boolean {
  return !isMainThread && (workerData as { share?: unknown } | null)?.share !== undefined;
}

/** `readElsewhere` for runReport: each share in a new worker running `script` (this bundle). */
export function readInWorker(script: URL): (options: CliOptions, share: Share) => PendingShare {
  return (options, share) => {
    const request: ShareRequest = {
      options: { ...options, locale: { name: options.locale.locale, timeZone: options.locale.zone.timeZone } },
      share,
    };
    const worker = new Worker(script, { workerData: request });
    const reading = new Promise<ShareReading>((resolve, reject) => {
      worker.once("message", (answer: ShareAnswer) => {
        if ("reading" in answer) resolve({ ...answer.reading, ledger: CustomerLedger.fromParts(answer.reading.ledger) });
        else if ("cliError" in answer) reject(new CliError(answer.cliError.exitCode, answer.cliError.detail));
        else reject(new Error(answer.failure));
      });
      worker.once("error", reject);
      worker.once("exit", (code) => reject(new Error(`share ${share.index} of ${share.count}: the thread stopped (exit code ${code})`)));
    });
    return { reading, cancel: () => void worker.terminate() };
  };
}

/** The worker's side: read the requested share and answer once. */
export function serveShare(): void {
  const { options, share } = workerData as ShareRequest;
  const reply = answer(options, share);
  parentPort!.postMessage(reply, "reading" in reply ? [reply.reading.ledger.facts.buffer] : []);
}

function answer(plain: PlainOptions, share: Share): ShareAnswer {
  try {
    const options: CliOptions = { ...plain, locale: inputLocale(plain.locale.name, plain.locale.timeZone) };
    const { ledger, ...rest } = readShare(options, share);
    return { reading: { ...rest, ledger: ledger.toParts() } };
  } catch (error) {
    if (error instanceof CliError) return { cliError: { exitCode: error.exitCode, detail: error.detail } };
    return { failure: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}
