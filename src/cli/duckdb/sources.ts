// Where `report --engine duckdb` reads its rows: CSV or Parquet files, one or many, as a DuckDB
// relation, with their columns, their layout and each file numbered, for naming rows. CSV files
// are here; Parquet files in parquet-source.ts.
//
// The file's layout (header, columns, status column, deal types) is found as for the streaming
// engine, from the first file's first rows through src/files and the core's header detection.
// DuckDB reads UTF-8 only (its other encodings are a download): a Windows-1251 or UTF-16 file is
// refused with a message that says how to go on, never read as something it is not.

import { closeSync, openSync, readSync } from "node:fs";
import { customerKey } from "../../core/customer-key";
import { byteOrderMark } from "../../files/encoding";
import { CHUNK_BYTES } from "../../files/scan-file";
import { detectDelimiter, detectEncoding } from "../../files/sniff";
import { DUCKDB } from "../../sql/dialect";
import type { ColumnType, QueryColumns } from "../../sql/report-query";
import { firstRows, readThrough } from "./own-reader";
import { recordLines } from "./row-numbers";
import { dataError } from "../errors";
import { fileLayout, type FileLayout, type SampleRows } from "../file-layout";
import type { CliOptions } from "../options";

/** The characters DuckDB's glob reads as a pattern: `*`, `?` and `[…]`. */
const GLOB_CHARACTERS = /[*?[]/g;

/** Whether a path would be a pattern to DuckDB's glob. */
export function isPattern(path: string): boolean {
  return path.search(GLOB_CHARACTERS) >= 0;
}

const isParquetFile = (path: string): boolean => /\.parquet$/i.test(path);

/** Whether the files are Parquet (else CSV); files of both kinds are refused, as they would be read wholly as one of them. */
export function areParquet(files: readonly string[]): boolean {
  const parquet = files.find(isParquetFile);
  const csv = files.find((file) => !isParquetFile(file));
  if (parquet !== undefined && csv !== undefined) throw dataError({ key: "duckdbMixedFiles", values: { csv, parquet } });
  return parquet !== undefined;
}

/** The files as DuckDB's readers take them: they glob every name, so its glob characters are bracketed to mean themselves. */
export function fileList(files: readonly string[]): string {
  return `[${files.map((file) => DUCKDB.text(file.replace(GLOB_CHARACTERS, "[$&]"))).join(", ")}]`;
}

export interface Source {
  relation: string;
  /** The CSV files' delimiter; undefined for Parquet. */
  delimiter?: number;
  columns: QueryColumns;
  layout: FileLayout;
  /** Each file's rows numbered, in the order the files are read, and how a row's number becomes what the report names. */
  numbered: Numbering[];
}

export interface Numbering {
  /** The file, as the report names it. */
  file: string;
  relation: string;
  /** The expression of a row's ordinal (1 = the first row read). */
  rowNumber: string;
  /** Whether DuckDB gives the numbered rows in the file's order; otherwise they are sorted. */
  inOrder: boolean;
  /** The rows the report names for these ordinals: file lines of a CSV file, row indexes of a Parquet file. */
  rowsOf: (ordinals: readonly number[]) => Promise<Map<number, number>>;
}

const FIELDS = ["customer", "date", "amount", "manager", "dealType"] as const;

/** The query's columns; the initiated-by and budget columns only for the health check (they cost the grouping time). */
export function queryColumns(
  layout: FileLayout,
  options: CliOptions,
  nameOf: (column: number) => string,
  typeOf: (column: number) => ColumnType,
): QueryColumns {
  const columns: Partial<QueryColumns> = {};
  const source = (column: number): QueryColumns["customer"] => ({ name: nameOf(column), type: typeOf(column) });
  for (const field of FIELDS) {
    const column = layout.mapping[field];
    if (column !== undefined) columns[field] = source(column);
  }
  if (layout.status !== undefined) columns.status = source(layout.status.column);
  const { initiatedBy, budget, contact } = layout.healthColumns ?? {};
  if (options.health && initiatedBy !== undefined) columns.initiatedBy = source(initiatedBy);
  if (options.health && budget !== undefined) columns.budget = source(budget);
  if (options.health && contact !== undefined) columns.contact = source(contact);
  return columns as QueryColumns;
}

// ── CSV ──────────────────────────────────────────────────────────────────────────────────────

/**
 * The CSV files as DuckDB reads them, in parallel or (when a quoted field holds a line break, which
 * DuckDB's parallel reader refuses) serially. Its serial reader pads short rows, and then passes
 * over every row after a quote that never closes without a word: every file is read through by
 * the project's reader first, which names such a quote's line.
 */
export async function csvSource(files: readonly string[], options: CliOptions, parallel: boolean): Promise<Source> {
  const { sample, width, delimiter } = await csvSample(files[0]!, options, SAMPLE_BYTES);
  const { layout, headerRow } = fileLayout(sample, options, { encoding: "utf-8", delimiter: String.fromCharCode(delimiter) });
  for (const path of files.slice(1)) await sameStartAsFirst(path, files[0]!, options, { sample, delimiter, headerRow });
  if (!parallel) for (const path of files) await readThrough(path, delimiter);
  const names = Array.from({ length: width }, (_, column) => `column${column}`);
  const text = (value: string): string => DUCKDB.text(value);
  // Every field as text, so that the core's rules read it (src/sql/cell-rules.ts), not DuckDB's guesses.
  const skip = headerRow < 0 ? 0 : layout.headerLine!;
  const relationOf = (paths: readonly string[]): string =>
    [
      `read_csv(${fileList(paths)}`,
      `delim = ${text(String.fromCharCode(delimiter))}, quote = '"', escape = '"'`,
      `header = false, skip = ${skip}, auto_detect = false, null_padding = true, parallel = ${parallel}`,
      `columns = {${names.map((name) => `${text(name)}: 'VARCHAR'`).join(", ")}})`,
    ].join(", ");
  return {
    relation: relationOf(files),
    delimiter,
    layout,
    // Numbering the rows as they are read keeps them in order (and makes the reading serial).
    numbered: files.map((file) => ({
      file,
      relation: `${relationOf([file])} WITH ORDINALITY`,
      rowNumber: "ordinality",
      inOrder: true,
      rowsOf: (ordinals) => recordLines(file, delimiter, skip, ordinals),
    })),
    columns: queryColumns(
      layout,
      options,
      (column) => names[column]!,
      () => "text",
    ),
  };
}

/**
 * DuckDB reads every file by the first one's columns and delimiter, after as many lines as the
 * first file's header is on: another file must have the same header on the same line (its names
 * compared as a named column is found: case and spacing aside), or rows as wide without one, or
 * its rows would be read into the wrong columns, or its first order skipped, without a word. An
 * empty file adds no rows.
 */
async function sameStartAsFirst(
  path: string,
  first: string,
  options: CliOptions,
  { sample, delimiter, headerRow }: { sample: SampleRows; delimiter: number; headerRow: number },
): Promise<void> {
  const other = (await csvSample(path, { ...options, delimiter }, OTHER_FILE_BYTES)).sample;
  if (other.rows.length === 0) return;
  const row = Math.max(headerRow, 0);
  const start = (rows: SampleRows): string =>
    JSON.stringify([rows.lines[row], headerRow < 0 ? rows.rows[row]?.length : rows.rows[row]?.map(customerKey)]);
  if (start(other) !== start(sample)) throw dataError({ key: "duckdbFilesDiffer", values: { path, first } });
}

/**
 * The first rows of a file, read by the project's own reader, and how wide its rows are; its
 * encoding and delimiter from its first `bytesToRead` bytes.
 */
async function csvSample(
  path: string,
  options: CliOptions,
  bytesToRead: number,
): Promise<{ sample: SampleRows; width: number; delimiter: number }> {
  const bytes = firstBytes(path, bytesToRead);
  const mark = byteOrderMark(bytes);
  if (mark !== undefined && mark.encoding !== "utf-8")
    throw dataError({ key: "duckdbEncoding", values: { path, encoding: mark.encoding } });
  const body = mark === undefined ? bytes : bytes.subarray(mark.length);
  const encoding = options.encoding ?? detectEncoding(body);
  if (encoding !== "utf-8") throw dataError({ key: "duckdbEncoding", values: { path, encoding } });
  const delimiter = options.delimiter ?? detectDelimiter(body);
  if (delimiter === 0x20) throw dataError({ key: "duckdbSpaces", values: { path } });
  // Read as the streaming command reads them: a quoted field followed wherever it goes.
  // Every other file of many is read no further than its start is checked (OTHER_FILE_BYTES).
  const sample = await firstRows(path, delimiter, Math.min(bytesToRead, CHUNK_BYTES));
  // Room for rows wider than the sample's: DuckDB pads shorter ones with NULL and refuses wider ones.
  const width = Math.max(...sample.rows.map((row) => row.length)) + EXTRA_COLUMNS;
  return { sample, width, delimiter };
}

const EXTRA_COLUMNS = 8;

/**
 * How much of the first file the layout and the encoding are read from: as much as the streaming
 * engine once read in its first chunk, so that a file that turns Windows-1251 after a long ASCII
 * start is still refused with the message that says how to go on (DuckDB itself would only report
 * a bad line).
 */
const SAMPLE_BYTES = 4 * 1024 * 1024;
/** How much of every other file is read to check that it starts as the first does. */
const OTHER_FILE_BYTES = 64 * 1024;

/** The file's first bytes, up to a whole line. */
function firstBytes(path: string, bytesToRead: number): Buffer {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    throw dataError({ key: "cannotRead", values: { path, reason: (error as Error).message } });
  }
  try {
    const buffer = Buffer.alloc(bytesToRead);
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    // The sample ends at a whole line: a record cut in two would read as a short row.
    const end = read < buffer.length ? read : buffer.lastIndexOf(0x0a, read - 1) + 1;
    return buffer.subarray(0, end);
  } finally {
    closeSync(fd);
  }
}
