// The CLI reads bytes its own way (keys folded from bytes, batches counted a group of rows at a
// time, dates and amounts read from bytes) for speed. Its report must be the one the core makes
// from the same cells as text, the sidebar's way: this holds the whole fast path to the core's rules.

import { describe, expect, it } from "vitest";
import { inputLocale } from "../../src/core/cells";
import { analyzeTable } from "../../src/core/analyze-table";
import type { SkippedRow } from "../../src/core/report";
import { CsvScanner } from "../../src/cli/csv-scanner";
import { cellText } from "../../src/cli/keyed-orders";
import { parseInvocation } from "../../src/cli/options";
import { runReport } from "../../src/cli/report-command";
import { fieldDecoder, type Encoding } from "../../src/cli/sniff";
import { encodeWindows1251 } from "../../bench/cp1251";
import { tempDir, trickyOrderLog, writeFixture } from "./helpers";

/** The file's cells as text, through the scanner (tested on its own in csv-scanner.test.ts). */
function cellsOf(bytes: Buffer, encoding: Encoding): string[][] {
  const decode = fieldDecoder(encoding);
  const rows: string[][] = [];
  new CsvScanner(";".charCodeAt(0), (record) => {
    const row: string[] = [];
    for (let k = 0; k < record.count; k++) row.push(cellText(record.bytes, record.starts[k]!, record.ends[k]!, record.escaped[k] === 1, decode));
    rows.push(row);
  }).scan(bytes, true);
  return rows;
}

// About 5 MB: records straddle the end of the first 4 MB chunk.
const ROWS = 100_000;

describe("the CLI and the core", () => {
  const dir = tempDir();
  it.each([
    ["UTF-8", "\n", "utf-8"],
    ["UTF-8 with CRLF", "\r\n", "utf-8"],
    ["Windows-1251", "\n", "windows-1251"],
  ] as const)("make the same report from a log with every kind of row, in %s", async (name, lineBreak, encoding) => {
    const csv = trickyOrderLog(ROWS, 11, lineBreak);
    const bytes = encoding === "utf-8" ? Buffer.from(csv) : encodeWindows1251(csv.replaceAll("\u212A", "K"));
    const file = writeFixture(dir, `${name}.csv`, bytes);
    const argv = ["report", file, "--manager", "Менеджер", "--exclude", "Тип сделки=проект", "--period", "quarter", "--threads", "1"];
    const invocation = parseInvocation(argv, { LANG: "C" });
    if (invocation.kind !== "report") throw new Error("not a report");
    const { report: fromCli } = await runReport(invocation.options);

    const cells = cellsOf(bytes, encoding);
    const { report: fromCore } = analyzeTable(cells, {
      mapping: { customer: 0, date: 1, amount: 2, manager: 3, dealType: 4 },
      headers: cells[0]!,
      headerRow: 0,
      firstRowNumber: 1,
      excludeDealType: "проект",
      locale: inputLocale("ru-RU", "UTC"),
      settings: { target: 0.67, period: "quarter", withinDays: undefined, window: undefined },
    });

    // Skipped rows are numbered by file line in the CLI (a quoted line break starts a new line)
    // and by record in the core, and the CLI keeps more of them: compare the rest.
    const { skipped: cliSkipped, ...cli } = fromCli;
    const { skipped: coreSkipped, ...core } = fromCore;
    expect(cli).toEqual(core);
    const why = ({ problem: { row: _row, ...problem } }: SkippedRow): object => problem;
    expect(cliSkipped.slice(0, coreSkipped.length).map(why)).toEqual(coreSkipped.map(why));
    expect(cli.customers).toBeGreaterThan(5_000);
    expect(cli.stats.skippedRows).toBeGreaterThan(500);
  });
});
