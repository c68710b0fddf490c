// Where `--engine duckdb` reads a CSV file with the project's own reader (src/files), not
// DuckDB's: the first rows the layout is found from, every file before DuckDB reads it serially,
// and the line of a row DuckDB names by its count. The reader follows a quoted field wherever it
// goes and numbers lines as the streaming command does; its errors are worded as that command's,
// but for bytes that are not UTF-8, which DuckDB cannot read in any case.

import { LAYOUT_SAMPLE_ROWS } from "../../core/columns";
import type { CsvRecord } from "../../files/csv-scanner";
import { FileError } from "../../files/file-error";
import { fieldDecoder, recordTexts } from "../../files/fields";
import { CHUNK_BYTES, scanFile } from "../../files/scan-file";
import { asCliError, dataError } from "../errors";
import type { SampleRows } from "../file-layout";

/**
 * The file's first rows as text, as many as the layout reads (fewer in a shorter file), reading
 * `chunkBytes` at a time: no more than that unless the rows go on past it.
 */
export async function firstRows(path: string, delimiter: number, chunkBytes: number): Promise<SampleRows> {
  const rows: string[][] = [];
  const lines: number[] = [];
  const decode = fieldDecoder("utf-8");
  await read(
    path,
    delimiter,
    (record) => {
      rows.push(recordTexts(record, decode));
      lines.push(record.line);
      return rows.length < LAYOUT_SAMPLE_ROWS;
    },
    chunkBytes,
  );
  return { rows, lines };
}

/**
 * Reads the whole file, for what DuckDB's serial reader would pass over without a word: with
 * rows padded (`null_padding`), a quote that never closes takes every row after it.
 */
export async function readThrough(path: string, delimiter: number): Promise<void> {
  await read(path, delimiter, () => true);
}

/** The line that the file's `count`-th record (1 = the first line's) starts on, as DuckDB counts records; undefined past the end. */
export async function lineOfRecord(path: string, delimiter: number, count: number): Promise<number | undefined> {
  let records = 0;
  let line: number | undefined;
  await read(path, delimiter, (record) => {
    if (++records < count) return true;
    line = record.line;
    return false;
  });
  return line;
}

/**
 * Reads records from the file's start until `onRecord` says stop; a FileError (a quote that never
 * closes …) becomes the command's data error.
 */
async function read(path: string, delimiter: number, onRecord: (record: CsvRecord) => boolean, chunkBytes = CHUNK_BYTES): Promise<void> {
  try {
    await scanFile(path, () => ({ delimiter, onRecord }), chunkBytes, "utf-8");
  } catch (error) {
    if (error instanceof FileError && error.problem === "invalidUtf8") {
      throw dataError({ key: "duckdbNotUtf8", values: { path: error.path, line: error.line } });
    }
    throw asCliError(error);
  }
}
