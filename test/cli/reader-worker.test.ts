// How the main thread hears of a reader thread that fails: a stand-in worker script fails on cue.

import { describe, expect, it } from "vitest";
import { CliError } from "../../src/cli/errors";
import { inputLocale } from "../../src/core/cells";
import type { CliOptions } from "../../src/cli/options";
import { readInWorker } from "../../src/cli/reader-worker";

const script = new URL("./fixtures/failing-reader.mjs", import.meta.url);

function failingStream(failure: string): ReturnType<ReturnType<typeof readInWorker>> {
  // The stand-in reads only `failure`; the rest is what runReport would pass.
  const options = { failure, locale: inputLocale("en_US", "UTC") } as unknown as CliOptions;
  return readInWorker(script)(options);
}

describe("a reader thread that fails", () => {
  it("passes on a data error as the same CliError", async () => {
    const error = await failingStream("data").next().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CliError);
    expect(error).toMatchObject({ exitCode: 1, detail: { key: "noOrders", values: { path: "x.csv" } } });
  });

  it("passes on its own error with its message and stack", async () => {
    const error = (await failingStream("throw").next().catch((caught: unknown) => caught)) as Error;
    expect(error.message).toBe("disk on fire");
    expect(error.stack).toContain("at readChunk (reader.ts:1:1)");
  });

  it("is reported when it stops without a word, instead of being waited for", async () => {
    await expect(failingStream("exit").next()).rejects.toThrow("the reading thread stopped (exit code 7) before it was done");
  });
});
