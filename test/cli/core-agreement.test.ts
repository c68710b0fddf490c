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
import { fieldDecoder } from "../../src/cli/sniff";
import { tempDir, trickyOrderLog, writeFixture } from "./helpers";

/** The file's cells as text, through the scanner (tested on its own in csv-scanner.test.ts). */
function cellsOf(csv: string): string[][] {
  const decode = fieldDecoder("utf-8");
  const rows: string[][] = [];
  new CsvScanner(";".charCodeAt(0), (record) => {
    const row: string[] = [];
    for (let k = 0; k < record.count; k++) row.push(cellText(record.bytes, record.starts[k]!, record.ends[k]!, record.escaped[k] === 1, decode));
    rows.push(row);
  }).scan(Buffer.from(csv), true);
  return rows;
}

describe("the CLI and the core", () => {
  it("make the same report from a log with every kind of row, over many groups and batches", async () => {
    const csv = trickyOrderLog(60_000, 11);
    const file = writeFixture(tempDir(), "tricky.csv", csv);
    const argv = ["report", file, "--manager", "Менеджер", "--exclude", "Тип сделки=проект", "--period", "quarter", "--threads", "1"];
    const invocation = parseInvocation(argv, { LANG: "C" });
    if (invocation.kind !== "report") throw new Error("not a report");
    const { report: fromCli } = await runReport(invocation.options);

    const cells = cellsOf(csv);
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
