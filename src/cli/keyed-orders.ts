// Where the order sink's orders go, each with its customer's key bytes (key-bytes.ts): into
// batches (order-batch.ts) that this thread counts as they fill, or that another thread, the one
// that owns the ledger, counts in the same order (counter-worker.ts). Either way every customer's
// orders are added in file order, so both give the same figures.

import type { CsvRecord } from "./csv-scanner";
import type { KeyBytes } from "./key-bytes";
import type { FieldDecoder } from "./sniff";

/** Where a row's customer name is: their cell in `record`, or `text` when the core read the row. */
export interface NameSource {
  record: CsvRecord | undefined;
  column: number;
  /** Where record.bytes[0] is in the file. */
  chunkAt: number;
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
