// Failures of the command as data: an exit code and what to say, rendered in the user's language
// by the outermost layer only.

import type { IngestStats } from "../core/ingest";
import type { Problem } from "../core/problems";
import { FileError } from "../files/file-error";
import { CLI_MESSAGES } from "../i18n/cli";
import { fill, numbersIn, type Language } from "../i18n/language";
import { problemMessage } from "../i18n/problems";

export type CliMessageKey = keyof (typeof CLI_MESSAGES)["en"];

export type CliMessage = { key: CliMessageKey; values?: Record<string, string | number> } | { problem: Problem };

export const EXIT_OK = 0;
/** The data cannot be read: no file, no customer or date column, not one readable order, not enough memory. */
export const EXIT_DATA = 1;
/** Wrong usage: an unknown flag, a bad flag value, no file given. */
export const EXIT_USAGE = 2;
/** A bug of ours, not the user's data or usage. */
export const EXIT_INTERNAL = 3;

export class CliError extends Error {
  constructor(
    readonly exitCode: typeof EXIT_DATA | typeof EXIT_USAGE,
    readonly detail: CliMessage,
  ) {
    super("key" in detail ? detail.key : detail.problem.code);
    this.name = "CliError";
  }
}

export function usageError(detail: CliMessage): CliError {
  return new CliError(EXIT_USAGE, detail);
}

export function dataError(detail: CliMessage): CliError {
  return new CliError(EXIT_DATA, detail);
}

/**
 * `error` as a data error when it is the file's fault: the reading room's FileError (cannot read,
 * changed while read), or an allocation the system refused (the memory a report needs grows with
 * the file's customers, so that is the file's size meeting the machine's, not a bug).
 */
export function asCliError(error: unknown, path?: string): unknown {
  if (error instanceof FileError)
    return dataError({ key: error.problem, values: { path: error.path, reason: error.reason, line: error.line } });
  if (path !== undefined && error instanceof Error && error.message.includes("Array buffer allocation failed")) {
    return dataError({ key: "outOfMemory", values: { path } });
  }
  return error;
}

export function renderMessage(detail: CliMessage, language: Language): string {
  if ("problem" in detail) return problemMessage(detail.problem, language);
  const values = detail.values ?? {};
  const reason = values.reason;
  return text(language, detail.key, typeof reason === "string" ? { ...values, reason: systemReason(reason, language) } : values);
}

const SAID_SYSTEM_ERRORS: Record<string, CliMessageKey> = {
  ENOENT: "reasonENOENT",
  EACCES: "reasonEACCES",
  EISDIR: "reasonEISDIR",
  ENOSPC: "reasonENOSPC",
};

/**
 * Node's "ENOENT: no such file or directory, open '…'" in the user's language, the code kept for
 * anyone who searches for it; a reason of any other kind as it is.
 */
export function systemReason(reason: string, language: Language): string {
  const code = /^(E[A-Z]+)\b/.exec(reason)?.[1];
  const key = code === undefined ? undefined : SAID_SYSTEM_ERRORS[code];
  return key === undefined ? reason : `${text(language, key)} (${code})`;
}

/** `counts`: the numbers behind values given formatted, which choose plural forms (numbers given as values do). */
export function text(
  language: Language,
  key: CliMessageKey,
  values: Record<string, string | number> = {},
  counts: Record<string, number> = {},
): string {
  return fill(CLI_MESSAGES[language][key], values, { language, of: { ...numbersIn(values), ...counts } });
}

/**
 * Why there is no purchase to report on: one message, the most telling, for either engine.
 * `problem` is a skipped row's problem in words: the first row's, named by its line, where the
 * engine knows the rows' order.
 */
export function noPurchaseMessage(path: string, stats: IngestStats, problem?: { reason: string; first: boolean }): CliMessage {
  if (stats.rows === stats.blankRows) return { key: "headerOnly", values: { path } };
  // Every row is blank, skipped, left out or an order; an order that is a purchase makes a customer.
  if (stats.orders > 0) return { key: "onlyRefunds", values: { path, count: stats.orders } };
  if (problem !== undefined)
    return { key: problem.first ? "noOrdersFirstSkip" : "noOrdersSomeSkip", values: { path, reason: problem.reason } };
  const byStatus = Object.values(stats.leftOutByStatus ?? {}).reduce((sum, count) => sum + count, 0);
  if (byStatus > 0 && stats.excludedRows === 0) return { key: "onlyLeftOutByStatus", values: { path, count: byStatus } };
  return { key: "onlyExcluded", values: { path, count: stats.excludedRows } };
}
