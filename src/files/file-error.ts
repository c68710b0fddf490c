// A file that cannot be read as asked, as data: what went wrong and with which path. The reading
// room says no more; whoever shows it (the command line, the preview) words it.

export type FileProblem =
  /** The system refused to open or read it; `reason` is its message. */
  | "cannotRead"
  /** It changed while it was read. */
  | "fileChanged"
  /** It changed after it was read, before the names kept as places in it were read back. */
  | "fileChangedAfterRead";

export class FileError extends Error {
  constructor(
    readonly problem: FileProblem,
    readonly path: string,
    readonly reason = "",
  ) {
    super(`${problem}: ${path}${reason ? ` (${reason})` : ""}`);
    this.name = "FileError";
  }
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
