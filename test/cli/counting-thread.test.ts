// How the main thread works with the counting thread: stand-in worker scripts that fail on cue, or
// give batches back slowly.

import { describe, expect, it } from "vitest";
import { CliError } from "../../src/cli/errors";
import { inputLocale } from "../../src/core/cells";
import type { CliOptions } from "../../src/cli/options";
import { countInWorker, MAX_BATCHES_AHEAD } from "../../src/cli/counting-thread";
import type { ReadOutcome } from "../../src/cli/report-command";
import { BatchWriter } from "../../src/cli/counting/batch";

const read = { stats: {}, layout: {}, skipped: [], version: undefined } as unknown as ReadOutcome;

function standIn(fixture: string, failure: string): ReturnType<ReturnType<typeof countInWorker>> {
  // The stand-ins read only `failure`; the rest is what runReport would pass.
  const options = { failure, locale: inputLocale("en_US", "UTC") } as unknown as CliOptions;
  return countInWorker(new URL(`./fixtures/${fixture}`, import.meta.url))(options, 0);
}

const failingCounter = (failure: string) => standIn("failing-counter.mjs", failure);

describe("a counting thread that fails", () => {
  it("passes on a data error as the same CliError", async () => {
    const error = await failingCounter("data")
      .finish(read)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CliError);
    expect(error).toMatchObject({ exitCode: 1, detail: { key: "headerOnly", values: { path: "x.csv" } } });
  });

  it("passes on its own error with its message and stack", async () => {
    const error = (await failingCounter("throw")
      .finish(read)
      .catch((caught: unknown) => caught)) as Error;
    expect(error.message).toBe("disk on fire");
    expect(error.stack).toContain("at countBatch (counter.ts:1:1)");
  });

  it("is reported when it stops without a word, instead of being waited for", async () => {
    await expect(failingCounter("exit").finish(read)).rejects.toThrow("the counting thread stopped (exit code 7) before it was done");
  });
});

describe("handing batches to the counting thread", () => {
  const emptyBatch = () => new BatchWriter("utf-8", 16).take();

  it("waits while MAX_BATCHES_AHEAD batches are out, and reuses those that come back", async () => {
    const counter = standIn("slow-counter.mjs", "");
    const started = performance.now();
    for (let k = 0; k < MAX_BATCHES_AHEAD; k++) await counter.add(emptyBatch(), "utf-8");
    // The last is out as well: the stand-in gives one back 100 ms after it came.
    expect(performance.now() - started).toBeGreaterThan(80);
    expect(counter.reuse()).toBeDefined();
    expect(await counter.finish(read)).toEqual({ batches: MAX_BATCHES_AHEAD });
  });

  it("stops a reading that waits when the counter fails", async () => {
    const counter = standIn("slow-counter.mjs", `batch ${MAX_BATCHES_AHEAD}`);
    for (let k = 1; k < MAX_BATCHES_AHEAD; k++) await counter.add(emptyBatch(), "utf-8");
    const failure = `batch ${MAX_BATCHES_AHEAD} would not add up`;
    await expect(counter.add(emptyBatch(), "utf-8")).rejects.toThrow(failure);
    await expect(counter.add(emptyBatch(), "utf-8")).rejects.toThrow(failure);
  });
});
