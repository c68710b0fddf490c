// The whole command as a function: arguments and environment in, exit code and text out. It
// neither prints nor exits, so tests call it in-process; main.ts is the thin layer that does.

import { totalmem } from "node:os";
import { ADDON_VERSION } from "../version";
import type { Language } from "../i18n/language";
import { asCliError, CliError, EXIT_DATA, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, renderMessage, text } from "./errors";
import { languageOfArguments, parseInvocation } from "./options";
import { REPORT_LIMITS } from "../core/report";
import { lapsedCallList } from "../presentation/call-list";
import { callListCsv } from "./call-list-csv";
import { renderHtml } from "./render-html";
import { renderJson } from "./render-json";
import { renderText, terminalSafe } from "./render-text";
import { runReport, type ReportIo } from "./report-command";
import { duckDbInstalled } from "./duckdb/connection";
import { runDuckDbReport, suggestsDuckDb } from "./duckdb/engine";
import { isPattern } from "./duckdb/sources";
import { renderSql } from "./sql-command";
import { isSameFile, refuseOutputOverInput, statOf } from "./same-file";

export interface CliIo extends ReportIo {
  env: Record<string, string | undefined>;
  stdoutIsTTY: boolean;
  writeFile(path: string, content: string): void;
}

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<CliResult> {
  let language: Language = languageOfArguments(argv, io.env);
  try {
    const invocation = parseInvocation(argv, io.env);
    if (invocation.kind === "version") return { exitCode: EXIT_OK, stdout: `${ADDON_VERSION}\n`, stderr: "" };
    if (invocation.kind === "help") return { exitCode: EXIT_OK, stdout: `${text(invocation.language, "usage")}\n`, stderr: "" };
    if (invocation.kind === "sql") return { exitCode: EXIT_OK, stdout: renderSql(invocation.options), stderr: "" };
    const { options } = invocation;
    language = options.language;
    refuseOutputOverInput(options, options.files);
    // The shell leaves a quoted pattern alone; only DuckDB's engine expands it (duckdb/engine.ts).
    if (options.engine === undefined && isPattern(options.file) && statOf(options.file) === undefined) {
      throw new CliError(EXIT_USAGE, { key: "patternNeedsDuckDb", values: { path: options.file } });
    }
    if (
      options.html !== undefined &&
      options.lapsedCsv !== undefined &&
      (options.html === options.lapsedCsv || isSameFile(options.html, options.lapsedCsv))
    ) {
      throw new CliError(EXIT_USAGE, { key: "sameOutput", values: { path: options.html } });
    }
    if (options.lapsedCsv !== undefined && !options.health) {
      throw new CliError(EXIT_USAGE, { key: "lapsedCsvNeedsHealth" });
    }
    const report = options.engine === "duckdb" ? runDuckDbReport(options, options.files) : runReport(options, io);
    const outcome = await report.catch((error: unknown) => {
      throw asCliError(error, options.file);
    });
    let stderr = "";
    if (options.lapsedCsv !== undefined) {
      const lapsed = outcome.report.healthCheck?.lapsed;
      writeReportFile(io, options.lapsedCsv, callListCsv(lapsedCallList(lapsed?.customers ?? [], language), language));
      stderr += `${text(language, "lapsedWritten", { path: options.lapsedCsv, count: lapsed?.count ?? 0 })}\n`;
      // Every lapsed customer went to the file; the reports list the first, as without it.
      if (lapsed !== undefined) lapsed.customers = lapsed.customers.slice(0, REPORT_LIMITS.lost);
    }
    if (options.html !== undefined) {
      writeReportFile(io, options.html, renderHtml(outcome, language, options.currency));
      stderr += `${text(language, "htmlWritten", { path: options.html })}\n`;
    }
    if (options.engine === undefined && (await duckDbWouldHelp(options.file))) stderr += `${text(language, "duckdbHint")}\n`;
    const color = options.color !== false && io.stdoutIsTTY && !io.env.NO_COLOR;
    const stdout = options.json ? renderJson(outcome, language) : renderText(outcome, language, color, options.currency);
    return { exitCode: EXIT_OK, stdout, stderr };
  } catch (error) {
    if (!(error instanceof CliError)) {
      const reason = error instanceof Error ? (error.stack ?? error.message) : String(error);
      return { exitCode: EXIT_INTERNAL, stdout: "", stderr: `sheets-retention: ${text(language, "internalError", { reason })}\n` };
    }
    // Messages quote the file's headers and cells: escaped, so data cannot drive the terminal.
    const message = `sheets-retention: ${terminalSafe(renderMessage(error.detail, language))}\n`;
    const usage = error.exitCode === EXIT_USAGE ? `\n${text(language, "usage")}\n` : "";
    return { exitCode: error.exitCode, stdout: "", stderr: message + usage };
  }
}

/** A file too large for the streaming engine's memory, with DuckDB installed (see suggestsDuckDb). */
async function duckDbWouldHelp(path: string): Promise<boolean> {
  const size = statOf(path)?.size;
  return size !== undefined && suggestsDuckDb(size, totalmem()) && (await duckDbInstalled());
}

function writeReportFile(io: CliIo, path: string, content: string): void {
  try {
    io.writeFile(path, content);
  } catch (error) {
    throw new CliError(EXIT_DATA, { key: "cannotWrite", values: { path, reason: (error as Error).message } });
  }
}
