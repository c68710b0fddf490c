// The counting engine's rules (docs/cli-engine.md), each held by a test that fails when the rule is
// broken. Two of them are about V8 (object shapes, optimised code), so a child process started with
// --allow-natives-syntax asks V8 itself (fixtures/v8-rules.ts). The other rules' tests live beside
// the code they guard; the page lists them.

import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BatchReader, BatchWriter } from "../../../src/cli/counting/batch";
import { CustomerIndex } from "../../../src/cli/counting/customer-index";
import { IndexedLedger } from "../../../src/cli/counting/indexed-ledger";
import { NameStore } from "../../../src/cli/counting/name-store";
import { seededRandom } from "../../../src/lib/seeded-random";
import { CHILD_TIMEOUT_MS } from "../../support/child-timeout";

const V8_RULES = fileURLToPath(new URL("./fixtures/v8-rules.ts", import.meta.url));

function askV8(detachEarly: boolean): Record<string, boolean> {
  const args = ["--allow-natives-syntax", "--import", "tsx", V8_RULES, ...(detachEarly ? ["early"] : [])];
  return JSON.parse(execFileSync(process.execPath, args, { encoding: "utf8", timeout: CHILD_TIMEOUT_MS }).trim()) as Record<
    string,
    boolean
  >;
}

/** A ledger that notes, per customer, the days of the orders it is given, in the order given. */
class RecordingLedger extends IndexedLedger {
  readonly daysOf = new Map<number, number[]>();

  override addNewCustomer(name: number, day: number, amount: number, manager: string | undefined): number {
    const customer = super.addNewCustomer(name, day, amount, manager);
    this.daysOf.set(customer, [day]);
    return customer;
  }

  override addTo(customer: number, day: number, amount?: number, manager?: unknown): void {
    this.daysOf.get(customer)?.push(day);
    super.addTo(customer, day, amount, manager);
  }
}

describe("the counting engine's rules", () => {
  it("each customer's orders reach the ledger in file order, across groups and batches", () => {
    const names = new NameStore();
    const ledger = new RecordingLedger({}, names);
    const reader = new BatchReader(new CustomerIndex(ledger, names), "utf-8");
    const writer = new BatchWriter("utf-8", 64);
    const random = seededRandom(17);
    // Row r's order is dated day r, so file order is day order; 700-row batches cross the index's
    // groups of 256 rows, and new customers keep turning up among known ones.
    for (let row = 0; row < 7_000; row++) {
      const customer = `c${Math.floor(random() * (10 + row / 20))}`;
      writer.key.setText(customer);
      writer.add(row, 1, undefined, { record: undefined, column: 0, chunkAt: 0, text: customer });
      if (row % 700 === 699) reader.add(writer.take());
    }
    expect(ledger.daysOf.size).toBeGreaterThan(300);
    for (const days of ledger.daysOf.values()) expect(days).toEqual([...days].sort((a, b) => a - b));
    expect([...ledger.daysOf.values()].reduce((sum, days) => sum + days.length, 0)).toBe(7_000);
  });

  it("batches keep one object shape across threads: sameShape rebuilds what the structured clone changed", () => {
    const v8 = askV8(true);
    expect(v8.cloneHasBatchShape).toBe(false);
    expect(v8.sameShapeHasBatchShape).toBe(true);
  });

  it("a thread that detaches one small buffer first keeps its optimised code when batches move", () => {
    const early = askV8(true);
    expect([early.optimisedBefore, early.optimisedAfterTransfer]).toEqual([true, true]);
    // Without it, the first batch handed over throws away code that reads typed arrays.
    const late = askV8(false);
    expect([late.optimisedBefore, late.optimisedAfterTransfer]).toEqual([true, false]);
  });
});
