// Where the order sink's orders go, each with its customer's key bytes (key-bytes.ts): straight
// into the ledger through an index of customers by key, on one thread; or into batches that
// another thread, the one that owns the ledger, adds in the same order (reader-worker.ts). Either
// way every customer's orders are added in file order, so both give the same figures.

import type { CustomerLedger } from "../core/ledger";
import { ByteInterner, NOT_FOUND } from "./byte-interner";
import type { CsvRecord } from "./csv-scanner";
import { KeyBytes } from "./key-bytes";
import type { NameStore } from "./name-store";
import type { Encoding, FieldDecoder } from "./sniff";

/** Where a row's customer name is: their cell in `record`, or `text` when the core read the row. */
export interface NameSource {
  record: CsvRecord | undefined;
  column: number;
  text: unknown;
}

/** The name the core read, for a slow row. */
export function nameText(name: NameSource): string {
  return String(name.text ?? "");
}

export interface KeyedOrders {
  /** Where the sink makes each row's customer key. */
  readonly key: KeyBytes;
  /** An order of the customer whose key is in `key`; their name is read only if they are new. */
  add(day: number, amount: number, manager: string | undefined, name: NameSource): void;
}

/** The text of a cell: decoded, and the doubled quotes of a quoted field made single. */
export function cellText(bytes: Buffer, start: number, end: number, escaped: boolean, decode: FieldDecoder): string {
  const text = decode(bytes, start, end);
  return escaped ? text.replaceAll('""', '"') : text;
}

/** A new customer's name, stored when the index meets them. */
export interface NewName {
  storeName(names: NameStore): number;
}

/**
 * Customers by their key bytes, in front of a ledger; their names go to a NameStore when they are
 * first met. Every hash given must be `KeyBytes.hash` of the bytes with it (the reading thread's
 * batches carry those hashes).
 */
export class CustomerIndex {
  private readonly byKey = new ByteInterner();

  constructor(
    private readonly ledger: CustomerLedger,
    private readonly names: NameStore,
  ) {}

  add(keyBytes: Uint8Array, start: number, end: number, hash: number, day: number, amount: number, manager: string | undefined, name: NewName): void {
    const customer = this.byKey.get(keyBytes, start, end, hash);
    if (customer !== NOT_FOUND) return this.ledger.addTo(customer, day, amount, manager);
    this.byKey.set(keyBytes, start, end, hash, this.ledger.addNew(name.storeName(this.names), day, amount, manager));
  }
}

/** Orders straight into the ledger, through its index. */
export class LedgerOrders implements KeyedOrders, NewName {
  readonly key: KeyBytes;
  private readonly cp1251: boolean;
  private name: NameSource | undefined;

  constructor(
    private readonly index: CustomerIndex,
    encoding: Encoding,
  ) {
    this.key = new KeyBytes(encoding);
    this.cp1251 = encoding === "windows-1251";
  }

  add(day: number, amount: number, manager: string | undefined, name: NameSource): void {
    const key = this.key;
    this.name = name;
    this.index.add(key.bytes, 0, key.length, key.hash, day, amount, manager, this);
  }

  storeName(names: NameStore): number {
    const { record, column } = this.name!;
    if (record === undefined) return names.addText(nameText(this.name!));
    return names.addCell(record.bytes, record.starts[column]!, record.ends[column]!, record.escaped[column] === 1, this.cp1251);
  }
}
