// Where the command may write: never over a file it reads, however the path is spelled.

import { type Stats, statSync } from "node:fs";
import { CliError, EXIT_USAGE } from "./errors";
import type { CliOptions } from "./options";

/** Usage error when --html or --lapsed-csv names one of the files being read: writing would overwrite it. */
export function refuseOutputOverInput(options: CliOptions, inputs: readonly string[]): void {
  for (const [flag, output] of [
    ["--html", options.html],
    ["--lapsed-csv", options.lapsedCsv],
  ] as const) {
    const input = output === undefined ? undefined : inputs.find((file) => isSameFile(output, file));
    if (input !== undefined) throw new CliError(EXIT_USAGE, { key: "outputIsInput", values: { flag, path: output!, file: input } });
  }
}

/**
 * Whether two paths name one file: `./orders.csv`, a symbolic or a hard link to it. A path that
 * does not exist yet names no file that is read.
 */
export function isSameFile(output: string, input: string): boolean {
  const a = statOf(output);
  const b = statOf(input);
  return a !== undefined && b !== undefined && a.dev === b.dev && a.ino === b.ino;
}

/** Undefined for a path that cannot be looked at; reading or writing it then says why. */
export function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
