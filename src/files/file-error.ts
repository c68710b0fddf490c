// A file that cannot be read as asked, as data: what went wrong and with which path (and, for a
// problem in its contents, on which line). The reading room says no more; whoever shows it (the
// command line, the preview) words it.

export type FileProblem =
  /** The system refused to open or read it; `reason` is its message. */
  | "cannotRead"
  /** It changed while it was read. */
  | "fileChanged"
  /** It changed after it was read, before the names kept as places in it were read back. */
  | "fileChangedAfterRead"
  /** A quote opened on `line` and never closed. */
  | "unclosedQuote"
  /** A quoted field opened on `line` spans line breaks, and its row then has another number of fields than the rows before. */
  | "quotedRowWidth"
  /** One record (a quoted field, most likely, opened on `line`) is longer than the reader holds at once. */
  | "recordTooLong"
  /** Bytes on `line` are not UTF-8, in a file read as UTF-8. */
  | "invalidUtf8"
  /** `line` is UTF-8, in a file read as Windows-1251 (its first non-ASCII bytes were). */
  | "utf8InWindows1251"
  /** A file with a UTF-16 byte order mark holds bytes on `line` that are not UTF-16. */
  | "invalidUtf16"
  /** A zip file that holds no workbook (a .docx, an archive of CSV files …). */
  | "notXlsx"
  /** A workbook whose zip or XML cannot be read; `reason` says what the reader found. */
  | "damagedXlsx";

/** The problems found in a file's contents, which have a line. */
export type ContentProblem = Exclude<FileProblem, "cannotRead" | "fileChanged" | "fileChangedAfterRead" | "notXlsx" | "damagedXlsx">;

export class FileError extends Error {
  constructor(
    readonly problem: FileProblem,
    readonly path: string,
    readonly reason = "",
    /** The file's line (1 = the first) that the problem is on; 0 when none. */
    readonly line = 0,
  ) {
    super(`${problem}: ${path}${line > 0 ? `:${line}` : ""}${reason ? ` (${reason})` : ""}`);
    this.name = "FileError";
  }
}

/** A problem in bytes whose path the finder does not know; whoever reads the file adds it (`inFile`). */
export function contentError(problem: ContentProblem, line: number): FileError {
  return new FileError(problem, "", "", line);
}

/** Runs `call`, giving the content errors it throws the path of the file read. */
export function inFile<T>(path: string, call: () => T): T {
  try {
    return call();
  } catch (error) {
    throw withPath(error, path);
  }
}

export function withPath(error: unknown, path: string): unknown {
  return error instanceof FileError && error.path === "" ? new FileError(error.problem, path, error.reason, error.line) : error;
}

/**
 * A call on an open file, whose system errors (EIO, EISDIR …) become "cannot read". Only these:
 * an error from elsewhere that happens to carry a code (another thread's, say) keeps its own.
 */
export function onFile<T>(path: string, call: () => T): T {
  try {
    return call();
  } catch (error) {
    if (error instanceof Error && "code" in error && typeof error.code === "string" && error.code.startsWith("E")) {
      throw new FileError("cannotRead", path, error.message);
    }
    throw error;
  }
}
