// How batches (and, at the end, the health check's log) cross between the reading thread and the
// counting thread, and the rules that keep the crossing from costing more than the counting: see
// docs/cli-engine.md.

import type { LoggedEntries, SortedEntries } from "../../core/health/purchase-log";
import type { OrderBatch } from "./batch";

/**
 * The batch with its fields in the one order of this literal. A batch that arrives from the other
 * thread is rebuilt by the structured clone field by field, which V8 sees as another shape, and
 * code made for one shape is thrown away and compiled again when it meets the other.
 */
export function sameShape(batch: OrderBatch): OrderBatch {
  return {
    count: batch.count,
    hashes: batch.hashes,
    days: batch.days,
    amounts: batch.amounts,
    managerIds: batch.managerIds,
    keyEnds: batch.keyEnds,
    keyBytes: batch.keyBytes,
    namePlaces: batch.namePlaces,
    nameLengths: batch.nameLengths,
    nameKinds: batch.nameKinds,
    nameBytes: batch.nameBytes,
    managersRestart: batch.managersRestart,
    newManagers: batch.newManagers,
    hasDetails: batch.hasDetails,
    detailFlags: batch.detailFlags,
    budgets: batch.budgets,
    contactPlaces: batch.contactPlaces,
    contactLengths: batch.contactLengths,
    contactKinds: batch.contactKinds,
  };
}

/** The buffers of a batch, for `postMessage`'s transfer list. */
export function batchBuffers(batch: OrderBatch): ArrayBuffer[] {
  const { hashes, days, amounts, managerIds, keyEnds, keyBytes, namePlaces, nameLengths, nameKinds, nameBytes } = batch;
  const { detailFlags, budgets, contactPlaces, contactLengths, contactKinds } = batch;
  return [hashes, days, amounts, managerIds, keyEnds, keyBytes, namePlaces, nameLengths, nameKinds, nameBytes]
    .concat([detailFlags, budgets, contactPlaces, contactLengths, contactKinds])
    .map((array) => array.buffer);
}

/** The buffers of the health check's log entries, on their way to be sorted and back. */
export function entryBuffers(entries: LoggedEntries | SortedEntries): ArrayBuffer[] {
  const arrays =
    "ends" in entries
      ? [entries.ends, entries.day, entries.amount, entries.manager, entries.flags]
      : [entries.customers, entries.dayTags, entries.amounts];
  // Sorted entries are views of the log's own arrays, several of one buffer, which a transfer list names once.
  return [...new Set(arrays.map((array) => array.buffer as ArrayBuffer))];
}

/**
 * Batches move between the threads by transfer, which detaches their buffers. The first detach in
 * a thread makes V8 throw away every optimised function that reads a typed array (it had assumed
 * none would ever be detached), so half-way through the file nearly everything would be compiled
 * again. Detaching one small buffer before anything is optimised spares that: each thread calls
 * this first.
 */
export function detachOneBufferEarly(): void {
  const buffer = new ArrayBuffer(8);
  structuredClone(buffer, { transfer: [buffer] });
}
