// Orders on their way to the ledger, as flat typed arrays: a few thousand rows at a time on one
// thread, or one batch per chunk of the file passed from the thread that reads it to the thread
// that owns the ledger, moving between threads without copying.

import type { OrderDetails } from "../../core/health/order-details";
import type { Encoding } from "../../files/sniff";
import type { BatchNames, CustomerIndex } from "./customer-index";
import { KeyBytes } from "./key-bytes";
import type { NameStore } from "./name-store";
import { nameText, type NameSource, type OrderWriter } from "./order-writer";
import { sameShape } from "./transfer";
import { grown } from "./typed-arrays";

/** Where a row's name is. */
const NAME_CELL = 0; // a cell of the file
const NAME_QUOTED_CELL = 1; // a cell of the file with doubled quotes inside
const NAME_UTF8 = 2; // text the core read, as UTF-8 in the batch's nameBytes
const NO_CONTACT = 3; // a row without a contact (contacts are kept as names are)

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
  /**
   * Row r's name is nameLengths[r] bytes at namePlaces[r]: a place in the file (the name is not
   * copied: most rows' customers are known already), or for NAME_UTF8 one in nameBytes.
   */
  namePlaces: Float64Array<ArrayBuffer>;
  nameLengths: Int32Array<ArrayBuffer>;
  nameKinds: Uint8Array<ArrayBuffer>;
  nameBytes: Uint8Array<ArrayBuffer>;
  /** True when the manager numbers start over with this batch. */
  managersRestart: boolean;
  /** Managers met for the first time in this batch, in number order. */
  newManagers: string[];
  /**
   * The health check's own cells of each row (see OrderDetails), only from a file with such
   * columns: `hasDetails` then, and the arrays below have a place per row; else they are empty.
   */
  hasDetails: boolean;
  /** STARTED_BY_COMPANY and HAS_BUDGET bits. */
  detailFlags: Uint8Array<ArrayBuffer>;
  budgets: Float64Array<ArrayBuffer>;
  /**
   * Row r's contact, kept as its name is (NO_CONTACT for none): its cell in the file, for one that
   * the reading side found needs no tidying to be known as a contact, else the tidied text in nameBytes.
   */
  contactPlaces: Float64Array<ArrayBuffer>;
  contactLengths: Int32Array<ArrayBuffer>;
  contactKinds: Uint8Array<ArrayBuffer>;
}

/** OrderBatch.detailFlags bits. */
export const STARTED_BY_COMPANY = 1;
export const HAS_BUDGET = 2;

/** Where the key after one ending at `end` starts: keys start on a word, for hashing. */
export const nextKeyStart = (end: number): number => (end + 3) & ~3;

/** Where row `row`'s key starts in its batch. */
export const keyStartOf = (keyEnds: Int32Array, row: number): number => (row === 0 ? 0 : nextKeyStart(keyEnds[row - 1]!));

/** An order row takes this many bytes or more: room made for rows (a batch's, the health check's log) counts on it. */
export const ORDER_ROW_BYTES_AT_LEAST = 32;

/** Rows of a batch for a chunk of `chunkBytes`: such batches rarely grow. */
export const batchRowsFor = (chunkBytes: number): number => Math.ceil(chunkBytes / ORDER_ROW_BYTES_AT_LEAST);

/** The reading thread's side: orders into batches. */
export class BatchWriter implements OrderWriter {
  /** The sink folds each key straight into the batch's key bytes. */
  readonly key: KeyBytes;
  private batch: OrderBatch;
  private nameUsed = 0;
  private managerIds = new Map<string, number>();
  private readonly encoder = new TextEncoder();
  /** A contact the core tidied into text, as writePlace takes it. */
  private readonly contactText: NameSource = { record: undefined, column: 0, chunkAt: 0, text: undefined };

  /**
   * `rows` is a new batch's room (it grows when needed); `reuse` gives back a batch the counting side
   * is done with, so batches go round instead of being made anew.
   */
  constructor(
    readonly encoding: Encoding,
    private readonly rows: number,
    private readonly reuse: () => OrderBatch | undefined = () => undefined,
  ) {
    this.key = new KeyBytes(encoding);
    this.batch = BatchWriter.empty(rows);
    this.key.writeAt(this.batch.keyBytes, 0);
  }

  /** Rows written into the current batch. */
  get count(): number {
    return this.batch.count;
  }

  private static empty(rows: number): OrderBatch {
    return sameShape({
      count: 0,
      hashes: new Int32Array(rows),
      days: new Float64Array(rows),
      amounts: new Float64Array(rows),
      managerIds: new Int32Array(rows),
      keyEnds: new Int32Array(rows),
      keyBytes: new Uint8Array(rows * 32),
      namePlaces: new Float64Array(rows),
      nameLengths: new Int32Array(rows),
      nameKinds: new Uint8Array(rows),
      nameBytes: new Uint8Array(1024),
      managersRestart: false,
      newManagers: [],
      hasDetails: false,
      detailFlags: new Uint8Array(0),
      budgets: new Float64Array(0),
      contactPlaces: new Float64Array(0),
      contactLengths: new Int32Array(0),
      contactKinds: new Uint8Array(0),
    });
  }

  add(day: number, amount: number, manager: string | undefined, name: NameSource, details?: OrderDetails, contactCell?: NameSource): void {
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
    this.writePlace(batch, row, name, batch.namePlaces, batch.nameLengths, batch.nameKinds);
    if (details !== undefined) this.writeDetails(batch, row, details, contactCell);
  }

  /** The batch so far, handed over (its buffers move to the other thread); the writer starts the next one. */
  take(): OrderBatch {
    const batch = this.batch;
    const next = this.reuse() ?? BatchWriter.empty(this.rows);
    next.count = 0;
    next.newManagers = [];
    next.managersRestart = false;
    next.hasDetails = false;
    if (this.managerIds.size > MANAGER_IDS_LIMIT) {
      this.managerIds = new Map();
      next.managersRestart = true;
    }
    this.batch = next;
    this.key.writeAt(next.keyBytes, 0);
    this.nameUsed = 0;
    return batch;
  }

  /**
   * Says where a row's name (or contact) is: only the counting side knows whether the customer is
   * new (or the contact their latest).
   */
  private writePlace(
    batch: OrderBatch,
    row: number,
    source: NameSource,
    places: Float64Array,
    lengths: Int32Array,
    kinds: Uint8Array,
  ): void {
    const { record, column } = source;
    if (record === undefined) {
      const text = nameText(source);
      if (this.nameUsed + 3 * text.length > batch.nameBytes.length)
        batch.nameBytes = grown(batch.nameBytes, this.nameUsed + 3 * text.length);
      const written = this.encoder.encodeInto(text, batch.nameBytes.subarray(this.nameUsed)).written;
      places[row] = this.nameUsed;
      lengths[row] = written;
      kinds[row] = NAME_UTF8;
      this.nameUsed += written;
    } else {
      const start = record.starts[column]!;
      places[row] = source.chunkAt + start;
      lengths[row] = record.ends[column]! - start;
      kinds[row] = record.escaped[column] ? NAME_QUOTED_CELL : NAME_CELL;
    }
  }

  /**
   * A file with the health check's own columns gives every order its details, so a batch has all
   * rows' or none. The contact is `contactCell` when the reading side left it as a cell, else the
   * details' text.
   */
  private writeDetails(batch: OrderBatch, row: number, details: OrderDetails, contactCell: NameSource | undefined): void {
    if (!batch.hasDetails) {
      batch.hasDetails = true;
      if (batch.detailFlags.length < batch.hashes.length) this.moreDetailRows(batch);
    }
    batch.detailFlags[row] = (details.startedByCompany ? STARTED_BY_COMPANY : 0) | (details.budget === undefined ? 0 : HAS_BUDGET);
    batch.budgets[row] = details.budget ?? 0;
    const { contactPlaces, contactLengths, contactKinds } = batch;
    if (contactCell !== undefined) this.writePlace(batch, row, contactCell, contactPlaces, contactLengths, contactKinds);
    else if (details.contact === undefined) contactKinds[row] = NO_CONTACT;
    else {
      this.contactText.text = details.contact;
      this.writePlace(batch, row, this.contactText, contactPlaces, contactLengths, contactKinds);
    }
  }

  private moreDetailRows(batch: OrderBatch): void {
    const rows = batch.hashes.length;
    batch.detailFlags = grown(batch.detailFlags, rows);
    batch.budgets = grown(batch.budgets, rows);
    batch.contactPlaces = grown(batch.contactPlaces, rows);
    batch.contactLengths = grown(batch.contactLengths, rows);
    batch.contactKinds = grown(batch.contactKinds, rows);
  }

  private moreRows(): OrderBatch {
    const batch = this.batch;
    const rows = batch.count + 1;
    batch.hashes = grown(batch.hashes, rows);
    batch.days = grown(batch.days, rows);
    batch.amounts = grown(batch.amounts, rows);
    batch.managerIds = grown(batch.managerIds, rows);
    batch.keyEnds = grown(batch.keyEnds, rows);
    batch.namePlaces = grown(batch.namePlaces, rows);
    batch.nameLengths = grown(batch.nameLengths, rows);
    batch.nameKinds = grown(batch.nameKinds, rows);
    if (batch.hasDetails) this.moreDetailRows(batch);
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

/** Where the counting side finds the bytes of a name that is a cell of the file. */
interface CellNames {
  /** Stores the name of `length` bytes at `place` in the file as name `name` (a new number if undefined); returns its number. */
  store(names: NameStore, place: number, length: number, escaped: boolean, cp1251: boolean, name: number | undefined): number;
}

/** Names the other thread read: only their place is kept, and read from the file if shown. */
const namesLeftInFile: CellNames = {
  store: (names, place, length, escaped, cp1251, name) => names.addFilePlace(place, length, escaped, cp1251, name),
};

/** The counting side: adds batches' orders to the ledger, in their order. */
export class BatchReader implements BatchNames {
  /** Manager names by number, as the writer numbered them. */
  private managers: string[] = [];
  private readonly cp1251: boolean;
  private readonly managerOf = (id: number): string | undefined => (id < 0 ? undefined : this.managers[id]);

  constructor(
    private readonly index: CustomerIndex,
    encoding: Encoding,
    private readonly cellNames: CellNames = namesLeftInFile,
  ) {
    this.cp1251 = encoding === "windows-1251";
  }

  add(batch: OrderBatch): void {
    if (batch.managersRestart) this.managers = [];
    this.managers.push(...batch.newManagers);
    this.index.addBatch(batch, this.managerOf, this);
  }

  storeName(names: NameStore, batch: OrderBatch, row: number): number {
    return this.store(names, batch, row, batch.namePlaces, batch.nameLengths, batch.nameKinds, undefined);
  }

  hasContact(batch: OrderBatch, row: number): boolean {
    return batch.contactKinds[row] !== NO_CONTACT;
  }

  storeContact(contacts: NameStore, batch: OrderBatch, row: number, customer: number): void {
    this.store(contacts, batch, row, batch.contactPlaces, batch.contactLengths, batch.contactKinds, customer);
  }

  private store(
    names: NameStore,
    batch: OrderBatch,
    row: number,
    places: Float64Array,
    lengths: Int32Array,
    kinds: Uint8Array,
    name: number | undefined,
  ): number {
    const place = places[row]!;
    const kind = kinds[row];
    if (kind === NAME_UTF8) return names.addCell(batch.nameBytes, place, place + lengths[row]!, false, false, name);
    return this.cellNames.store(names, place, lengths[row]!, kind === NAME_QUOTED_CELL, this.cp1251, name);
  }
}

/** Rows this thread writes before it counts them: a batch that stays in the core's own cache. */
const FLUSH_ROWS = 4096;

/**
 * Orders counted on this thread: written into a small batch, counted whenever it fills and at the
 * end of every chunk (`flush`), so that the index looks up many rows at once. New customers' names
 * are copied from the chunk, which must therefore not change before `flush`.
 */
export class SameThreadWriter implements OrderWriter, CellNames {
  readonly key: KeyBytes;
  private readonly writer: BatchWriter;
  private readonly reader: BatchReader;
  private spare: OrderBatch | undefined;
  /** The chunk the rows' names are in, and where it is in the file. */
  private chunk: Uint8Array = Buffer.alloc(0); // a Buffer, as every chunk is: one shape for V8
  private chunkAt = 0;

  constructor(index: CustomerIndex, encoding: Encoding) {
    this.writer = new BatchWriter(encoding, FLUSH_ROWS, () => this.spare);
    this.reader = new BatchReader(index, encoding, this);
    this.key = this.writer.key;
  }

  add(day: number, amount: number, manager: string | undefined, name: NameSource, details?: OrderDetails, contactCell?: NameSource): void {
    if (name.record !== undefined) {
      this.chunk = name.record.bytes;
      this.chunkAt = name.chunkAt;
    }
    this.writer.add(day, amount, manager, name, details, contactCell);
    if (this.writer.count === FLUSH_ROWS) this.flush();
  }

  /** Counts the rows written so far. */
  flush(): void {
    const batch = this.writer.take();
    this.reader.add(batch);
    this.spare = batch;
  }

  store(names: NameStore, place: number, length: number, escaped: boolean, cp1251: boolean, name: number | undefined): number {
    const start = place - this.chunkAt;
    return names.addCell(this.chunk, start, start + length, escaped, cp1251, name);
  }
}
