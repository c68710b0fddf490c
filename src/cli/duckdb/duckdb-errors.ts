// DuckDB's own errors, worded as the command's: a row it cannot read, bytes that are not UTF-8.
// DuckDB names the file and a record's count in English, among a page of its settings; the user
// is told the file, its line (counted by the project's own reader, as the streaming command
// counts lines: a quoted line break makes DuckDB's count fall behind) and what to do, in their
// language.

import { FileError } from "../../files/file-error";
import { asCliError, type CliError, dataError } from "../errors";
import { lineOfRecord, readThrough } from "./own-reader";

/** What DuckDB said of a CSV file it could not read. */
export interface CsvFailure {
  path: string;
  /** DuckDB's "line": the count of the record, from the file's first line, empty lines included. */
  record: number;
  /** DuckDB's one-line explanation ("Value with unterminated quote found." …). */
  reason: string;
  notUtf8: boolean;
  /** The row has more fields than DuckDB was given columns. */
  tooWide: boolean;
}

/** The CSV files DuckDB was reading, and their delimiter. */
export interface CsvFiles {
  paths: readonly string[];
  delimiter: number;
}

/**
 * `error`, DuckDB's (or the project's reader's, numbering rows), as the command's data error: the
 * file and line of the row where DuckDB names them. `csv` is undefined for Parquet.
 */
export async function duckDbDataError(error: Error, csv: CsvFiles | undefined): Promise<unknown> {
  if (error instanceof FileError) return asCliError(error);
  const failure = csvFailure(error.message);
  const failed = dataError({ key: "duckdbFailed", values: { reason: error.message.split("\n")[0]! } });
  if (csv === undefined) return failed;
  // DuckDB names no row (bytes that are not UTF-8 in a later column have made it fail inside):
  // the project's reader, reading the files through, finds what it can of why.
  if (failure === undefined) return (await problemIn(csv)) ?? failed;
  const { delimiter } = csv;
  try {
    // The project's reader stops at the first line that is not UTF-8, with that line.
    if (failure.notUtf8) await readThrough(failure.path, delimiter);
    const line = (await lineOfRecord(failure.path, delimiter, failure.record)) ?? failure.record;
    return badRow(failure, line);
  } catch (found) {
    // What the project's reader found on the way (a quote that never closes …) comes first in the file.
    return found;
  }
}

/** The first problem the project's reader finds in the files, worded; undefined when it finds none. */
async function problemIn({ paths, delimiter }: CsvFiles): Promise<unknown> {
  try {
    for (const path of paths) await readThrough(path, delimiter);
    return undefined;
  } catch (found) {
    return found;
  }
}

function badRow({ path, reason, tooWide }: CsvFailure, line: number): CliError {
  if (tooWide) return dataError({ key: "duckdbWideRow", values: { path, line } });
  return dataError({ key: "duckdbBadLine", values: { path, line, reason } });
}

/** DuckDB's CSV error, read from its message, or undefined for any other error. */
export function csvFailure(message: string): CsvFailure | undefined {
  const record = /CSV Error on Line: (\d+)/.exec(message)?.[1];
  const path = /^\s*file = (.+)$/m.exec(message)?.[1];
  if (record === undefined || path === undefined) return undefined;
  return {
    path,
    record: Number(record),
    reason: reasonIn(message),
    notUtf8: /Invalid unicode/i.test(message),
    tooWide: /Expected Number of Columns/.test(message),
  };
}

/**
 * DuckDB's explanation: the last line before its advice ("Possible fixes:"), after the row it
 * quotes ("Original Line: …"), which may itself run over several lines.
 */
function reasonIn(message: string): string {
  const lines = message.split("\n");
  const advice = lines.findIndex((line) => /^Possible (fixes|Solution)/.test(line));
  const before = lines.slice(1, advice < 0 ? lines.length : advice).filter((line) => line.trim() !== "");
  return before[before.length - 1]?.trim() ?? lines[0]!;
}
