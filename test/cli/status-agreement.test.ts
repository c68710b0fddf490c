// The fast path reads statuses from bytes (and caches them); the core reads them from cells. A file
// with a status column must give the report of the same file with only its purchases kept and the
// status column dropped: the oracle needs no status rules of its own, only which rows count.

import { describe, expect, it } from "vitest";
import { parseInvocation } from "../../src/cli/options";
import { runReport, type ReportIo } from "../../src/cli/report-command";
import type { RetentionReport } from "../../src/core/report";
import { seededRandom } from "../../src/lib/seeded-random";
import { queuedCounter, tempDir, writeFixture } from "./helpers";

const KEPT = new Set(["paid", "partially_refunded"]);

/** Rows of Email, Created at, Total, Financial Status; and the same file as the oracle reads it. */
function statusFiles(rows: number, seed: number): { withStatus: string; purchasesOnly: string; leftOut: Record<string, number> } {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const leftOut: Record<string, number> = {};
  // The layout is found from the first chunk's rows: the tests' small chunks hold this one.
  let withStatus = "Email,Created at,Total,Financial Status\na@x.test,2024-01-01,1,paid\n";
  let purchasesOnly = "Email,Created at,Total\na@x.test,2024-01-01,1\n";
  for (let row = 0; row < rows; row++) {
    const customer = pick([`c${Math.floor(random() * 200)}@shop.test`, `"Bob ""B"" ${row % 7}"`, "", `  C${row % 30}@Shop.test `]);
    const date = pick([
      "2024-01-05",
      "2024-02-10 10:00:00 +0100",
      "2024-03-15",
      "2023-12-01",
      "",
      "soon",
      `2024-0${1 + (row % 9)}-1${row % 10}`,
    ]);
    // A row of a status alone is a skipped row (no customer), where the oracle has a blank one.
    const amount = customer === "" && date === "" ? "7" : pick(["30.00", "", "-5", "12.5", "x"]);
    const status = pick(["paid", "paid", "partially_refunded", "refunded", "voided", "pending", "", "Refunded"]);
    withStatus += `${customer},${date},${amount},${status}\n`;
    if (KEPT.has(status)) purchasesOnly += `${customer},${date},${amount}\n`;
    // "refunded" and "Refunded" are one status, counted under the spelling that sorts first.
    else if (status !== "") {
      const label = status.toLowerCase() === "refunded" ? "Refunded" : status;
      leftOut[label] = (leftOut[label] ?? 0) + 1;
    }
  }
  return { withStatus, purchasesOnly, leftOut };
}

async function report(csv: string, io: ReportIo, threads: string): Promise<RetentionReport> {
  const file = writeFixture(tempDir(), "orders.csv", csv);
  const invocation = parseInvocation(["report", file, "--threads", threads, "--period", "month"], {});
  if (invocation.kind !== "report") throw new Error("not a report");
  return (await runReport(invocation.options, io)).report;
}

describe("a status column on the fast path", () => {
  it.each([
    ["one thread, one chunk", "1", undefined],
    ["one thread, small chunks", "1", 97],
    ["two threads, small chunks", "2", 83],
  ] as const)("keeps the purchases the core keeps: %s", async (_name, threads, chunkBytes) => {
    for (const seed of [1, 2, 3]) {
      const { withStatus, purchasesOnly, leftOut } = statusFiles(3000, seed);
      const io = (): ReportIo => (threads === "2" ? queuedCounter(2, chunkBytes).io : { chunkBytes });
      const fromStatus = await report(withStatus, io(), threads);
      const oracle = await report(purchasesOnly, io(), threads);
      expect(fromStatus.stats.leftOutByStatus).toEqual(leftOut);
      expect(fromStatus.stats.orders).toBe(oracle.stats.orders);
      expect(fromStatus.stats.skippedRows).toBe(oracle.stats.skippedRows);
      for (const key of ["customers", "firstPurchases", "secondPurchases", "cohorts", "refunds", "firstDate", "lastDate"] as const) {
        expect(fromStatus[key], key).toEqual(oracle[key]);
      }
    }
  });
});
