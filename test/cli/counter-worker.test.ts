// How the main thread hears of a counting thread that fails: a stand-in worker script fails on cue.

import { describe, expect, it } from "vitest";
import { CliError } from "../../src/cli/errors";
import { inputLocale } from "../../src/core/cells";
import type { CliOptions } from "../../src/cli/options";
import { countInWorker } from "../../src/cli/counter-worker";
import type { ReadOutcome } from "../../src/cli/report-command";

const script = new URL("./fixtures/failing-counter.mjs", import.meta.url);
const read = { stats: {}, layout: {}, skipped: [], version: undefined } as unknown as ReadOutcome;

function failingCounter(failure: string): ReturnType<ReturnType<typeof countInWorker>> {
  // The stand-in reads only `failure`; the rest is what runReport would pass.
  const options = { failure, locale: inputLocale("en_US", "UTC") } as unknown as CliOptions;
  return countInWorker(script)(options, 0);
}

describe("a counting thread that fails", () => {
  it("passes on a data error as the same CliError", async () => {
    const error = await failingCounter("data").finish(read).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CliError);
    expect(error).toMatchObject({ exitCode: 1, detail: { key: "noOrders", values: { path: "x.csv" } } });
  });

  it("passes on its own error with its message and stack", async () => {
    const error = (await failingCounter("throw").finish(read).catch((caught: unknown) => caught)) as Error;
    expect(error.message).toBe("disk on fire");
    expect(error.stack).toContain("at countBatch (counter.ts:1:1)");
  });

  it("is reported when it stops without a word, instead of being waited for", async () => {
    await expect(failingCounter("exit").finish(read)).rejects.toThrow("the counting thread stopped (exit code 7) before it was done");
  });
});
