// DuckDB's own errors, worded as the command's: a row it cannot read, bytes that are not UTF-8.
// DuckDB names the file and a line in English, among a page of its settings; the user is told
// the file, the line and what to do, in their language, as the streaming command tells them.

import { CHUNK_BYTES, scanFile } from "../../files/scan-file";
import { FileError } from "../../files/file-error";
import { type CliError, dataError } from "../errors";

/** What DuckDB said of a CSV file it could not read. */
interface CsvFailure {
  path: string;
  /** DuckDB's count of the line, which a quoted field spanning lines before it can put off by a few. */
  line: number;
  /** DuckDB's one-line explanation ("Expected Number of Columns: 3 Found: 20" …). */
  reason: string;
  notUtf8: boolean;
}

/** `error`, DuckDB's, as the command's data error: the file and line where DuckDB names them. */
export async function duckDbDataError(error: Error): Promise<CliError> {
  const failure = csvFailure(error.message);
  if (failure === undefined) return dataError({ key: "duckdbFailed", values: { reason: error.message.split("\n")[0]! } });
  if (failure.notUtf8) {
    const line = (await firstLineNotUtf8(failure.path)) ?? failure.line;
    return dataError({ key: "duckdbNotUtf8", values: { path: failure.path, line } });
  }
  return dataError({ key: "duckdbBadLine", values: { path: failure.path, line: failure.line, reason: failure.reason } });
}

/** DuckDB's CSV error, read from its message, or undefined for any other error. */
export function csvFailure(message: string): CsvFailure | undefined {
  const line = /CSV Error on Line: (\d+)/.exec(message)?.[1];
  const path = /^\s*file = (.+)$/m.exec(message)?.[1];
  if (line === undefined || path === undefined) return undefined;
  const [, ...rest] = message.split("\n");
  const reason = rest.find((text) => text.trim() !== "" && !text.startsWith("Original Line:"))?.trim() ?? "";
  return { path, line: Number(line), reason, notUtf8: /Invalid unicode/i.test(message) };
}

/**
 * The file's first line that is not UTF-8, counted as the streaming command counts lines (every
 * line break, inside quotes too): DuckDB counts rows, not lines. Undefined when the file reads as
 * UTF-8 throughout, or stops the reader first for another reason.
 */
async function firstLineNotUtf8(path: string): Promise<number | undefined> {
  try {
    await scanFile(path, () => ({ delimiter: 0x2c, onRecord: () => {} }), CHUNK_BYTES, "utf-8");
  } catch (error) {
    if (error instanceof FileError && error.problem === "invalidUtf8") return error.line;
  }
  return undefined;
}
