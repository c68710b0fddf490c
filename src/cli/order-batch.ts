// Orders passed from the thread that reads the file to the thread that owns the ledger: one batch
// per chunk of the file, as flat typed arrays that move between threads without copying.

import { nameText, type CustomerIndex, type KeyedOrders, type NameSource, type NewName } from "./keyed-orders";
import { KeyBytes } from "./key-bytes";
import type { NameStore } from "./name-store";
import type { Encoding } from "./sniff";
import { grown } from "./typed-arrays";

/** How a row's name bytes are written. */
const NAME_CELL = 0;
const NAME_QUOTED_CELL = 1; // doubled quotes inside
const NAME_UTF8 = 2; // text the core read, as UTF-8

/** Managers get numbers so that a row carries 4 bytes, not a name; past this many they start over. */
const MANAGER_IDS_LIMIT = 100_000;

export interface OrderBatch {
  count: number;
  hashes: Int32Array<ArrayBuffer>;
  days: Float64Array<ArrayBuffer>;
  amounts: Float64Array<ArrayBuffer>;
  /** Index into the managers sent so far, or -1. */
  managerIds: Int32Array<ArrayBuffer>;
  /** Row r's key ends at keyEnds[r] and starts at the row before's end rounded up to 4 (0 for row 0). */
  keyEnds: Int32Array<ArrayBuffer>;
  keyBytes: Uint8Array<ArrayBuffer>;
  /** Row r's name is nameBytes[nameEnds[r-1] … nameEnds[r]-1]. */
  nameEnds: Int32Array<ArrayBuffer>;
  nameBytes: Uint8Array<ArrayBuffer>;
  nameKinds: Uint8Array<ArrayBuffer>;
  /** True when the manager numbers start over with this batch. */
  managersRestart: boolean;
  /** Managers met for the first time in this batch, in number order. */
  newManagers: string[];
}

/** The buffers of a batch, for `postMessage`'s transfer list. */
export function batchBuffers(batch: OrderBatch): ArrayBuffer[] {
  const { hashes, days, amounts, managerIds, keyEnds, keyBytes, nameEnds, nameBytes, nameKinds } = batch;
  return [hashes, days, amounts, managerIds, keyEnds, keyBytes, nameEnds, nameBytes, nameKinds].map((array) => array.buffer);
}

/** Where the key after one ending at `end` starts: keys start on a word, for hashing. */
const nextKeyStart = (end: number): number => (end + 3) & ~3;

/** The reading thread's side: orders into batches. */
export class BatchWriter implements KeyedOrders {
  /** The sink folds each key straight into the batch's key bytes. */
  readonly key: KeyBytes;
  private batch: OrderBatch;
  private nameUsed = 0;
  private managerIds = new Map<string, number>();
  private readonly encoder = new TextEncoder();

  /** `reuse` gives back a batch the other thread is done with, so batches go round instead of being made anew. */
  constructor(
    readonly encoding: Encoding,
    private readonly reuse: () => OrderBatch | undefined = () => undefined,
  ) {
    this.key = new KeyBytes(encoding);
    this.batch = BatchWriter.empty();
    this.key.writeAt(this.batch.keyBytes, 0);
  }

  private static empty(): OrderBatch {
    // Room for a 4 MB chunk of rows of 32 bytes or more, so that batches rarely grow.
    const rows = 1 << 17;
    return {
      count: 0,
      hashes: new Int32Array(rows),
      days: new Float64Array(rows),
      amounts: new Float64Array(rows),
      managerIds: new Int32Array(rows),
      keyEnds: new Int32Array(rows),
      keyBytes: new Uint8Array(rows * 32),
      nameEnds: new Int32Array(rows),
      nameBytes: new Uint8Array(rows * 32),
      nameKinds: new Uint8Array(rows),
      managersRestart: false,
      newManagers: [],
    };
  }

  add(day: number, amount: number, manager: string | undefined, name: NameSource): void {
    let batch = this.batch;
    if (batch.count === batch.hashes.length) batch = this.moreRows();
    const row = batch.count++;
    const key = this.key;
    batch.hashes[row] = key.hash;
    batch.days[row] = day;
    batch.amounts[row] = amount;
    batch.managerIds[row] = manager === undefined ? -1 : this.managerId(manager);
    // The key is already in place; folding may have moved the bytes to a longer array.
    batch.keyBytes = key.bytes;
    const keyEnd = key.start + key.length;
    batch.keyEnds[row] = keyEnd;
    key.writeAt(batch.keyBytes, nextKeyStart(keyEnd));
    this.writeName(batch, row, name);
  }

  /** The batch so far, handed over (its buffers move to the other thread); the writer starts the next one. */
  take(): OrderBatch {
    const batch = this.batch;
    const next = this.reuse() ?? BatchWriter.empty();
    next.count = 0;
    next.newManagers = [];
    next.managersRestart = false;
    if (this.managerIds.size > MANAGER_IDS_LIMIT) {
      this.managerIds = new Map();
      next.managersRestart = true;
    }
    this.batch = next;
    this.key.writeAt(next.keyBytes, 0);
    this.nameUsed = 0;
    return batch;
  }

  /** Every row carries its customer's name: only the counting thread knows whether they are new. */
  private writeName(batch: OrderBatch, row: number, name: NameSource): void {
    const { record, column } = name;
    if (record === undefined) {
      const text = nameText(name);
      if (this.nameUsed + 3 * text.length > batch.nameBytes.length) batch.nameBytes = grown(batch.nameBytes, this.nameUsed + 3 * text.length);
      this.nameUsed += this.encoder.encodeInto(text, batch.nameBytes.subarray(this.nameUsed)).written;
      batch.nameKinds[row] = NAME_UTF8;
    } else {
      const start = record.starts[column]!;
      const end = record.ends[column]!;
      if (this.nameUsed + end - start > batch.nameBytes.length) batch.nameBytes = grown(batch.nameBytes, this.nameUsed + end - start);
      this.nameUsed = copyBytes(record.bytes, start, end, batch.nameBytes, this.nameUsed);
      batch.nameKinds[row] = record.escaped[column] ? NAME_QUOTED_CELL : NAME_CELL;
    }
    batch.nameEnds[row] = this.nameUsed;
  }

  private moreRows(): OrderBatch {
    const batch = this.batch;
    const rows = batch.count + 1;
    batch.hashes = grown(batch.hashes, rows);
    batch.days = grown(batch.days, rows);
    batch.amounts = grown(batch.amounts, rows);
    batch.managerIds = grown(batch.managerIds, rows);
    batch.keyEnds = grown(batch.keyEnds, rows);
    batch.nameEnds = grown(batch.nameEnds, rows);
    batch.nameKinds = grown(batch.nameKinds, rows);
    return batch;
  }

  private managerId(manager: string): number {
    let id = this.managerIds.get(manager);
    if (id === undefined) {
      id = this.managerIds.size;
      this.managerIds.set(manager, id);
      this.batch.newManagers.push(manager);
    }
    return id;
  }
}

/** Copies short runs faster than `set(subarray(…))`, which makes an object each time. */
function copyBytes(from: Uint8Array, start: number, end: number, to: Uint8Array, at: number): number {
  for (let i = start; i < end; i++) to[at++] = from[i]!;
  return at;
}

/** The counting thread's side: adds batches' orders to the ledger, in their order. */
export class BatchReader implements NewName {
  /** Manager names by number, as the writer numbered them. */
  private managers: string[] = [];
  /** The row being added, for `storeName`. */
  private batch: OrderBatch | undefined;
  private row = 0;
  private cp1251 = false;

  constructor(private readonly index: CustomerIndex) {}

  add(batch: OrderBatch, encoding: Encoding): void {
    if (batch.managersRestart) this.managers = [];
    this.managers.push(...batch.newManagers);
    this.batch = batch;
    this.cp1251 = encoding === "windows-1251";
    const { keyBytes, keyEnds, hashes, days, amounts, managerIds } = batch;
    for (let row = 0, keyStart = 0; row < batch.count; keyStart = nextKeyStart(keyEnds[row++]!)) {
      const id = managerIds[row]!;
      this.row = row;
      this.index.add(keyBytes, keyStart, keyEnds[row]!, hashes[row]!, days[row]!, amounts[row]!, id < 0 ? undefined : this.managers[id], this);
    }
  }

  storeName(names: NameStore): number {
    const { nameBytes, nameEnds, nameKinds } = this.batch!;
    const row = this.row;
    const kind = nameKinds[row];
    const start = row === 0 ? 0 : nameEnds[row - 1]!;
    return names.addCell(nameBytes, start, nameEnds[row]!, kind === NAME_QUOTED_CELL, this.cp1251 && kind !== NAME_UTF8);
  }
}
