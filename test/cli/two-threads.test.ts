// Reading a file on two threads (read on one, its orders counted in batches on the other) must
// give exactly what one thread gives: the same customers in the same order, every figure to the
// last digit, the same skipped rows. In-process, the counting thread is played by a plain object; the
// spawned bin runs the real worker, over enough batches to recycle them and wait for room.

import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { encodeWindows1251 } from "../../bench/cp1251";
import { runCli } from "../../src/cli/cli";
import type { ReportIo } from "../../src/cli/report-command";
import { queuedCounter, tempDir, trickyOrderLog, writeFixture } from "./helpers";
import { CHILD_TIMEOUT_MS } from "../support/child-timeout";

const ARGS = ["--json", "--manager", "Менеджер", "--exclude", "Тип сделки=проект", "--period", "week"];
const BIN = join(__dirname, "../../build/cli.cjs");
const ROWS = 260_000; // about 17 MB: several 4 MB batches go to the counting thread

async function report(file: string, extra: string[], io: ReportIo = {}): Promise<string> {
  const result = await runCli(["report", file, ...ARGS, ...extra], {
    env: { LANG: "C" },
    stdoutIsTTY: false,
    writeFile: () => undefined,
    ...io,
  });
  if (result.exitCode !== 0) throw new Error(result.stderr);
  return result.stdout;
}

function runBin(args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [BIN, ...args], {
    encoding: "utf8",
    env: { PATH: process.env.PATH, LANG: "C" },
    timeout: CHILD_TIMEOUT_MS,
  });
}

/** The bin reading the file through a shell pipe, as in `cat file | sheets-retention report /dev/stdin`. */
function runBinOnPipe(file: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const command = `cat "$0" | "${process.execPath}" "${BIN}" report /dev/stdin "$@"`;
  return spawnSync("/bin/sh", ["-c", command, file, ...args], {
    encoding: "utf8",
    env: { PATH: process.env.PATH, LANG: "C" },
    timeout: CHILD_TIMEOUT_MS,
  });
}

describe("two threads", () => {
  const dir = tempDir();
  const log = trickyOrderLog(ROWS, 7);
  const files = {
    "UTF-8 with a BOM and CRLF": writeFixture(dir, "tricky.csv", `\ufeff${trickyOrderLog(ROWS, 7, "\r\n")}`),
    "Windows-1251": writeFixture(dir, "tricky-1251.csv", encodeWindows1251(log.replaceAll("\u212A", "K"))),
  };

  it.each(Object.entries(files))("give the same report as one on %s, with the orders counted in batches", async (_, file) => {
    const counter = queuedCounter();
    const one = await report(file, ["--threads", "1"]);
    const two = await report(file, ["--threads", "2"], counter.io);
    expect(counter.batches()).toBeGreaterThan(2);
    expect(two).toBe(one);
    // The log has every kind of row, so the comparison covers them all.
    const parsed = JSON.parse(one);
    expect(parsed.skippedRowCount).toBeGreaterThan(1000);
    expect(parsed.excludedRows).toBeGreaterThan(1000);
    expect(parsed.firstPurchases).toBeGreaterThan(10_000);
    expect(parsed.managers.length).toBeGreaterThan(50);
  });

  it.each(Object.entries(files))("give the same report as one in the built bin on %s, with a real counting thread", (_, file) => {
    const one = runBin(["report", file, ...ARGS, "--threads", "1"]);
    const two = runBin(["report", file, ...ARGS, "--threads", "2"]);
    expect(two.status, two.stderr).toBe(0);
    expect(two.stdout).toBe(one.stdout);
  });

  it("are used for a big file on a machine with two cores, and not otherwise", async () => {
    const file = files["Windows-1251"];
    for (const [parallelism, extra, used] of [
      [2, [], true],
      [1, [], false],
      [2, ["--threads", "1"], false],
    ] as const) {
      const counter = queuedCounter(parallelism);
      await report(file, [...extra], counter.io);
      expect(counter.batches() >= 0, `parallelism ${parallelism} ${extra.join(" ")}`).toBe(used);
    }
    const small = queuedCounter();
    await report(writeFixture(dir, "small.csv", trickyOrderLog(2_000, 3)), [], small.io);
    expect(small.batches()).toBe(-1);
  });

  it("read a pipe to its end, on one thread even when asked for two", () => {
    const file = files["Windows-1251"];
    const fromFile = JSON.parse(runBin(["report", file, ...ARGS]).stdout);
    for (const threads of ["1", "2"]) {
      const piped = runBinOnPipe(file, [...ARGS, "--threads", threads]);
      expect(piped.status, piped.stderr).toBe(0);
      expect({ ...JSON.parse(piped.stdout), file: fromFile.file, files: fromFile.files }).toEqual(fromFile);
    }
  });

  it("fail as one does when the data cannot be read, and the counting thread stops", () => {
    const file = files["Windows-1251"];
    const args = ["report", file, "--customer", "Нет такого"];
    const one = runBin([...args, "--threads", "1"]);
    const two = runBin([...args, "--threads", "2"]);
    expect(two.status).toBe(1);
    expect(two.stderr).toContain("--customer: no column «Нет такого»");
    expect(two.stderr).toBe(one.stderr);
  });

  it("fail as one does when the counting thread finds no order to report", () => {
    const file = writeFixture(dir, "all-bad.csv", `Клиент;Дата\n${"Анна;когда-то\n".repeat(50)}`);
    const one = runBin(["report", file, "--threads", "1"]);
    const two = runBin(["report", file, "--threads", "2"]);
    expect(two.status).toBe(1);
    expect(two.stderr).toContain("no order could be read; the first problem:");
    expect(two.stderr).toBe(one.stderr);
  });
});
