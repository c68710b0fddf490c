// Reads an order CSV into a ledger: sniff the encoding and delimiter from the first chunk, find
// the header and the columns as the sidebar does, then stream the whole file in big chunks
// through the byte scanner. Memory holds one chunk plus the ledger (which grows with customers).

import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { parseAmount, parseDateText, isBlank, type InputLocale } from "../core/cells";
import { detectLayout, mapHeader, type ColumnMapping, type Field } from "../core/columns";
import { customerKey } from "../core/customer-key";
import { PROJECT_DEAL_TYPES } from "../core/deal-types";
import type { IngestStats } from "../core/ingest";
import type { Problem } from "../core/problems";
import type { Language } from "../i18n/language";
import { CsvScanner } from "./csv-scanner";
import { dataError, text } from "./errors";
import { sameVersion, versionOf, type FileVersion } from "./file-version";
import type { CliOptions } from "./options";
import { cellText, type KeyedOrders } from "./keyed-orders";
import { OrderSink } from "./order-sink";
import { detectDelimiter, detectEncoding, fieldDecoder, hasUtf8Bom, type Encoding, type FieldDecoder } from "./sniff";

export const CHUNK_BYTES = 4 * 1024 * 1024;
/** Rows looked at to find the header and guess columns; the core scans the first 10 for a header. */
const SAMPLE_ROWS = 50;

export interface ReadSettings {
  path: string;
  encoding?: Encoding;
  delimiter?: number;
  columns: CliOptions["columns"];
  exclude?: CliOptions["exclude"];
  /** Leave out no deal type (else the default is the one-off project deals, see dealTypesLeftOut). */
  keepAllDeals?: boolean;
  locale: InputLocale;
  language: Language;
  /** Where the orders go: a ledger's index, or batches for another thread. */
  orders: (encoding: Encoding) => KeyedOrders;
  onSkippedRow: (problem: Problem) => void;
  /**
   * Called after each chunk of the file, when its orders have gone to `orders`, before the chunk's
   * bytes are overwritten by the next one. Reading waits for what it returns (another thread
   * making room for more orders, say).
   */
  onProgress?: (bytesRead: number, totalBytes: number) => void | Promise<void>;
  /** How much is read at a time (CHUNK_BYTES); tests make it small to put many records across chunk ends. */
  chunkBytes?: number;
}

export interface FileLayout {
  encoding: Encoding;
  delimiter: string;
  /** File line of the header, or null for a file without one. */
  headerLine: number | null;
  mapping: ColumnMapping;
  /** How each mapped column is named in messages. */
  columnNames: Partial<Record<Field, string>>;
  /** The deal types whose rows are left out as one-off deals; empty when none is (or no deal-type column). */
  excludedDealTypes: readonly string[];
}

export interface ReadResult {
  stats: IngestStats;
  layout: FileLayout;
  /** The version of the file that was read; undefined for a pipe or a device. */
  version: FileVersion | undefined;
}

export async function readOrders(settings: ReadSettings): Promise<ReadResult> {
  let fd: number;
  try {
    fd = openSync(settings.path, "r");
  } catch (error) {
    throw dataError({ key: "cannotRead", values: { path: settings.path, reason: (error as Error).message } });
  }
  try {
    return await readOpenFile(fd, settings);
  } finally {
    closeSync(fd);
  }
}

/**
 * A call on the open file, whose system errors (EIO, EISDIR …) become "cannot read". Only these:
 * an error from elsewhere that happens to carry a code (another thread's, say) keeps its own.
 */
function onFile<T>(path: string, call: () => T): T {
  try {
    return call();
  } catch (error) {
    if (error instanceof Error && "code" in error && typeof error.code === "string" && error.code.startsWith("E")) {
      throw dataError({ key: "cannotRead", values: { path, reason: error.message } });
    }
    throw error;
  }
}

/** Reads into buffer[from …] until it is full or the input ends; returns the bytes read. */
function fill(path: string, fd: number, buffer: Buffer, from: number): number {
  return onFile(path, () => {
    let at = from;
    while (at < buffer.length) {
      const read = readSync(fd, buffer, at, buffer.length - at, null);
      if (read === 0) break;
      at += read;
    }
    return at - from;
  });
}

async function readOpenFile(fd: number, settings: ReadSettings): Promise<ReadResult> {
  // A pipe says size 0: the input ends when a read returns nothing, whatever fstat said. A file
  // that changes while it is read (grows, say) is read to its end too, and then refused below.
  const stat = onFile(settings.path, () => fstatSync(fd));
  const version = stat.isFile() ? versionOf(stat) : undefined;
  const totalBytes = version?.size ?? 0;
  let buffer = Buffer.allocUnsafe(settings.chunkBytes ?? CHUNK_BYTES);
  let filled = fill(settings.path, fd, buffer, 0);
  let ended = filled < buffer.length;
  let bytesRead = filled;
  const bomBytes = hasUtf8Bom(buffer.subarray(0, filled)) ? 3 : 0;
  if (bomBytes > 0) {
    buffer.copy(buffer, 0, bomBytes, filled);
    filled -= bomBytes;
  }
  const first = buffer.subarray(0, filled);
  const encoding = settings.encoding ?? detectEncoding(first);
  const decode = fieldDecoder(encoding);
  const delimiter = settings.delimiter ?? detectDelimiter(first);
  const sample = sampleRows(first, delimiter, decode, ended);
  if (sample.complete && sample.rows.every(isBlankRow)) throw dataError({ key: "emptyFile", values: { path: settings.path } });
  const { headerRow, mapping, header } = findLayout(sample.rows, settings);
  const excludedDealTypes = dealTypesLeftOut(mapping, settings);
  if (excludedDealTypes.length === 0) delete mapping.dealType;
  const layout: FileLayout = {
    encoding,
    delimiter: String.fromCharCode(delimiter),
    headerLine: headerRow < 0 ? null : sample.lines[headerRow]!,
    mapping,
    columnNames: columnNames(mapping, header, settings.language),
    excludedDealTypes,
  };

  const sink = new OrderSink(settings.orders(encoding), {
    mapping,
    columnNames: layout.columnNames,
    locale: settings.locale,
    delimiter,
    decode,
    excludeDealTypes: excludedDealTypes,
    onSkippedRow: settings.onSkippedRow,
  });
  let leadingRecords = headerRow + 1;
  let bufferAt = 0; // where buffer[0] is in the file
  const scanner = new CsvScanner(
    delimiter,
    (record) => {
      if (leadingRecords > 0) return void leadingRecords--;
      sink.onRecord(record);
    },
    (bytes, pos, limit) => (leadingRecords > 0 ? -1 : sink.readSimpleRecord(bytes, pos, limit)),
  );
  for (;;) {
    sink.startChunk(bomBytes + bufferAt);
    const consumed = scanner.scan(buffer.subarray(0, filled), ended);
    await settings.onProgress?.(bytesRead, totalBytes);
    if (ended) break;
    bufferAt += consumed;
    const tail = filled - consumed;
    if (consumed === 0 && tail === buffer.length) {
      // One record longer than a chunk: make room for it.
      const bigger = Buffer.allocUnsafe(buffer.length * 2);
      buffer.copy(bigger, 0, 0, filled);
      buffer = bigger;
    } else {
      buffer.copy(buffer, 0, consumed, filled);
    }
    const read = fill(settings.path, fd, buffer, tail);
    filled = tail + read;
    bytesRead += read;
    ended = filled < buffer.length;
  }
  if (version !== undefined && !sameVersion(version, versionOf(onFile(settings.path, () => fstatSync(fd))))) {
    throw dataError({ key: "fileChanged", values: { path: settings.path } });
  }
  return { stats: sink.stats, layout, version };
}

/**
 * What `--exclude` names; else, as on every surface, the one-off project deals when the file has a
 * deal-type column, unless --keep-all-deals. Nothing without a deal-type column.
 */
function dealTypesLeftOut(mapping: ColumnMapping, settings: ReadSettings): readonly string[] {
  if (mapping.dealType === undefined) return [];
  if (settings.exclude !== undefined) return [settings.exclude.value];
  return settings.keepAllDeals ? [] : PROJECT_DEAL_TYPES;
}

const isBlankRow = (row: readonly string[]): boolean => row.every(isBlank);

function sampleRows(
  bytes: Buffer,
  delimiter: number,
  decode: FieldDecoder,
  final: boolean,
): { rows: string[][]; lines: number[]; complete: boolean } {
  const rows: string[][] = [];
  const lines: number[] = [];
  const scanner = new CsvScanner(delimiter, (record) => {
    const row: string[] = [];
    for (let k = 0; k < record.count; k++) {
      row.push(cellText(record.bytes, record.starts[k]!, record.ends[k]!, record.escaped[k] === 1, decode));
    }
    rows.push(row);
    lines.push(record.line);
    return rows.length < SAMPLE_ROWS;
  });
  scanner.scan(bytes, final);
  // The whole file, when it ended within the bytes and the rows sampled.
  return { rows, lines, complete: final && rows.length < SAMPLE_ROWS };
}

type FlagField = keyof CliOptions["columns"];
const FLAG_FIELDS: readonly FlagField[] = ["customer", "date", "amount", "manager"];
const FLAG_OF: Record<Field, string> = {
  customer: "--customer",
  date: "--date",
  amount: "--amount",
  manager: "--manager",
  dealType: "--exclude",
};

const isColumnNumber = (name: string): boolean => /^\d+$/.test(name.trim());

/** The header row and column mapping: named columns first, else the core's detection. */
function findLayout(
  rows: readonly string[][],
  settings: ReadSettings,
): { headerRow: number; mapping: ColumnMapping; header: readonly string[] } {
  const named: [Field, string][] = FLAG_FIELDS.flatMap((field): [Field, string][] => {
    const name = settings.columns[field];
    return name === undefined ? [] : [[field, name]];
  });
  if (settings.exclude) named.push(["dealType", settings.exclude.column]);
  const byName = named.filter(([, name]) => !isColumnNumber(name));
  let headerRow: number;
  let mapping: ColumnMapping;
  if (byName.length > 0) {
    headerRow = rows.slice(0, 10).findIndex((row) => byName.every(([, name]) => columnIndex(row, name) >= 0));
    mapping = headerRow < 0 ? {} : mapHeader(rows[headerRow]!);
  } else {
    const locale = settings.locale;
    ({ headerRow, mapping } = detectLayout(typedCells(rows, locale), (cell) => looksLikeDate(cell, locale)));
  }
  const header = rows[Math.max(headerRow, 0)] ?? [];
  for (const [field, name] of named) {
    const column = isColumnNumber(name) ? Number(name) - 1 : headerRow < 0 ? -1 : columnIndex(header, name);
    if (column < 0 || column >= header.length) {
      throw dataError({ key: "columnNotFound", values: { flag: FLAG_OF[field], value: `«${name}»`, header: listHeader(header) } });
    }
    for (const other of Object.keys(mapping) as Field[]) if (mapping[other] === column) delete mapping[other];
    mapping[field] = column;
  }
  for (const field of ["customer", "date"] as const) {
    if (mapping[field] === undefined) {
      const fieldName = text(settings.language, field === "customer" ? "fieldCustomer" : "fieldDate");
      throw dataError({ key: "noColumn", values: { field: fieldName, header: listHeader(header), flag: FLAG_OF[field] } });
    }
  }
  return { headerRow, mapping, header: headerRow < 0 ? [] : header };
}

function columnIndex(row: readonly string[], name: string): number {
  const wanted = customerKey(name);
  return row.findIndex((cell) => customerKey(cell) === wanted);
}

function listHeader(header: readonly string[]): string {
  return header.map((cell) => `«${cell}»`).join(", ");
}

function looksLikeDate(cell: unknown, locale: InputLocale): boolean {
  return typeof cell === "string" && parseDateText(cell, locale.slashOrder) !== undefined;
}

/** For a file without a header the core guesses from cell types: numbers are amounts, text names. */
function typedCells(rows: readonly string[][], locale: InputLocale): unknown[][] {
  return rows.map((row) =>
    row.map((cell) => {
      if (isBlank(cell) || looksLikeDate(cell, locale)) return cell;
      return parseAmount(cell, locale.decimalComma) ?? cell;
    }),
  );
}

function columnNames(mapping: ColumnMapping, header: readonly string[], language: Language): Partial<Record<Field, string>> {
  const names: Partial<Record<Field, string>> = {};
  for (const field of Object.keys(mapping) as Field[]) {
    const column = mapping[field]!;
    names[field] = header[column]?.trim() || text(language, "columnNumber", { n: column + 1 });
  }
  return names;
}
