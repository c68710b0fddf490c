// Where the record sink writes its orders, each with its customer's key bytes (key-bytes.ts): into
// batches (batch.ts) that this thread counts as they fill (SameThreadWriter), or that another
// thread, the one that owns the ledger, counts in the same order (BatchWriter, and
// src/cli/counting-thread.ts). Either way every customer's orders are added in file order, so both
// give the same figures.

import type { CsvRecord } from "../../files/csv-scanner";
import type { OrderDetails } from "../../core/health/order-details";
import type { KeyBytes } from "./key-bytes";

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

export interface OrderWriter {
  /** Where the sink makes each row's customer key. */
  readonly key: KeyBytes;
  /**
   * An order of the customer whose key is in `key`; their name is read only if they are new.
   * `details`, the health check's own cells, come only from files with such columns; their contact
   * is `contactCell` instead when that is given: a cell to tidy only if it is shown.
   */
  add(day: number, amount: number, manager: string | undefined, name: NameSource, details?: OrderDetails, contactCell?: NameSource): void;
}
