// The numbers of skipped rows under `--engine duckdb`, as the streaming command gives them: the
// first rows of each reason, by the file line a CSV record starts on (a row index in Parquet),
// and with several files by the file too, each file numbered from its start.
//
// DuckDB reads a file in parallel and keeps no line numbers, and numbering every row as it reads
// (`WITH ORDINALITY`) makes its reading serial, four times slower on 20 M rows. So the report's
// query runs unnumbered, and only when it found skipped rows does a second read number them: its
// rows come in the file's order, and it stops as soon as each reason has its first rows. DuckDB's
// ordinal counts records and passes empty lines over; the file line of a record is found by the
// project's own CSV reader, which reads the file's start only, up to the last record wanted.

import { CR, LF } from "../../files/ascii";
import type { CsvRecord } from "../../files/csv-scanner";
import { scanFile } from "../../files/scan-file";

/** A skipped row as the numbering read gives it: its file (by its place among the files read), ordinal, reason and value. */
export interface ProblemRow {
  file: number;
  ordinal: number;
  key: string;
  value: unknown;
}

/** The group key of a skipped row: its fate and the column it names. */
export function problemKey(fate: string, column: string): string {
  return `${fate}|${column}`;
}

/** Which rows `firstRowsOfGroups` lists besides the groups' first: the first `limit` it `accepts`. */
export interface ListedRows {
  accepts: (key: string) => boolean;
  limit: number;
  /**
   * How many ordinals past the last group's rows it reads on for the list before it stops short,
   * within that row's file (no later file is opened for the list): a bound on the cost of rows
   * that lie far apart.
   */
  readOn: number;
}

/**
 * The first rows of each group, from each file's rows in the file's order, the files in turn;
 * `wanted` says how many each group shows (at most as many as it has). Stops reading once every
 * group has them, and the list is full or `readOn` more ordinals of the file the groups filled in
 * are read: it opens no later file then. Each of `files` opens one file's rows, which yield chunks
 * and are told to stop by returning. The list holds every row `listed` accepts up to where the
 * reading stopped: the first in the files.
 */
export async function firstRowsOfGroups(
  wanted: ReadonlyMap<string, number>,
  files: readonly (() => AsyncIterable<readonly ProblemRow[]>)[],
  listed: ListedRows = { accepts: () => false, limit: 0, readOn: 0 },
): Promise<{ first: Map<string, ProblemRow[]>; list: ProblemRow[] }> {
  const first = new Map<string, ProblemRow[]>([...wanted.keys()].map((key) => [key, []]));
  const list: ProblemRow[] = [];
  let missing = [...wanted.values()].reduce((sum, count) => sum + count, 0);
  const done = (): { first: Map<string, ProblemRow[]>; list: ProblemRow[] } => ({ first, list });
  for (const rowsOfFile of files) {
    /** The last ordinal of this file read for the list, once every group has its rows. */
    let lastForList = Number.POSITIVE_INFINITY;
    for await (const chunk of rowsOfFile()) {
      for (const row of chunk) {
        if (row.ordinal > lastForList) return done();
        if (list.length < listed.limit && listed.accepts(row.key)) list.push(row);
        const ofGroup = first.get(row.key);
        if (ofGroup === undefined || ofGroup.length === wanted.get(row.key)) continue;
        ofGroup.push(row);
        missing--;
        if (missing === 0) lastForList = row.ordinal + listed.readOn;
      }
      if (missing <= 0 && list.length >= listed.limit) return done();
    }
    if (missing <= 0) return done();
  }
  return done();
}

/**
 * The file line each record ordinal starts on (1 = the first record after the `skipLines` lines
 * DuckDB skips), for the ordinals asked; empty lines, which DuckDB passes over, are not counted.
 */
export async function recordLines(
  path: string,
  delimiter: number,
  skipLines: number,
  ordinals: readonly number[],
): Promise<Map<number, number>> {
  const wanted = [...new Set(ordinals)].sort((a, b) => a - b);
  const lines = new Map<number, number>();
  if (wanted.length === 0) return lines;
  let ordinal = 0;
  let next = 0;
  const onRecord = (record: CsvRecord): boolean => {
    if (record.line <= skipLines || isEmptyLine(record)) return true;
    ordinal++;
    if (ordinal === wanted[next]) {
      lines.set(ordinal, record.line);
      next++;
    }
    return next < wanted.length;
  };
  await scanFile(path, () => ({ delimiter, onRecord }));
  return lines;
}

function isEmptyLine(record: CsvRecord): boolean {
  const first = record.bytes[record.start];
  return record.count === 1 && record.starts[0] === record.ends[0] && (first === LF || first === CR || first === undefined);
}
