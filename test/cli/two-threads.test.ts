// Reading a file on two threads (the head here, the rest in batches from a reader thread) must
// give exactly what one thread gives: the same customers in the same order, every figure to the
// last digit, the same skipped rows. In-process, the reader thread is played by a queue; the
// spawned bin below runs the real worker.

import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/cli";
import { readForAnotherThread, type OrderStream, type ReaderMessage, type ReportIo } from "../../src/cli/report-command";
import { encodeWindows1251 } from "../../bench/cp1251";
import { tempDir, trickyOrderLog, writeFixture } from "./helpers";

const ARGS = ["--json", "--manager", "Менеджер", "--exclude", "Тип сделки=проект", "--period", "week"];

/** The reader thread, played in-process: it reads its part at once and hands out the batches. */
function queuedReader(): { io: ReportIo; batches: () => number } {
  let batches = 0;
  const readElsewhere: ReportIo["readElsewhere"] = (options, from) => {
    const messages: ReaderMessage[] = [];
    const done = readForAnotherThread(options, from, (message) => messages.push(message), () => undefined);
    messages.push({ done });
    batches = messages.filter((message) => "batch" in message && message.batch.count > 0).length;
    const stream: OrderStream = { next: async () => messages.shift()!, recycle: () => undefined, cancel: () => undefined };
    return stream;
  };
  return { io: { readElsewhere, parallelism: 2 }, batches: () => batches };
}

async function report(file: string, extra: string[], io: ReportIo = {}): Promise<string> {
  const result = await runCli(["report", file, ...ARGS, ...extra], { env: { LANG: "C" }, stdoutIsTTY: false, writeFile: () => undefined, ...io });
  if (result.exitCode !== 0) throw new Error(result.stderr);
  return result.stdout;
}

describe("two threads", () => {
  const log = trickyOrderLog(40_000, 7);
  const file = writeFixture(tempDir(), "tricky.csv", log);
  const file1251 = writeFixture(tempDir(), "tricky-1251.csv", encodeWindows1251(log.replaceAll("\u212A", "K")));

  it.each([
    ["UTF-8", file],
    ["Windows-1251", file1251],
  ])("give the same report as one on %s, with the head read here and the rest in batches", async (_, file) => {
    const reader = queuedReader();
    const one = await report(file, ["--threads", "1"]);
    const two = await report(file, ["--threads", "2"], reader.io);
    expect(reader.batches()).toBeGreaterThan(0);
    expect(two).toBe(one);
    // The log has every kind of row, so the comparison covers them all.
    const parsed = JSON.parse(one);
    expect(parsed.skippedRowCount).toBeGreaterThan(100);
    expect(parsed.firstPurchases).toBeGreaterThan(1000);
  });

  it("give the same report as one in the built bin, with a real reader thread", () => {
    const bin = join(__dirname, "../../build/cli.mjs");
    const run = (threads: string): string => {
      const result = spawnSync(process.execPath, [bin, "report", file, ...ARGS, "--threads", threads], { encoding: "utf8", env: { PATH: process.env.PATH, LANG: "C" } });
      expect(result.status, result.stderr).toBe(0);
      return result.stdout;
    };
    expect(run("2")).toBe(run("1"));
  });

  it("fail as one does when the data cannot be read, and the reader thread stops", () => {
    const bin = join(__dirname, "../../build/cli.mjs");
    const result = spawnSync(process.execPath, [bin, "report", file, "--customer", "Нет такого", "--threads", "2"], {
      encoding: "utf8",
      env: { PATH: process.env.PATH, LANG: "C" },
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("--customer: no column «Нет такого»");
  });
});
