// Timing helpers: whole processes (wall time and peak RSS through /usr/bin/time) and medians.

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface ProcessRun {
  seconds: number;
  peakRssMb: number | null;
  stdout: string;
}

const TIME = "/usr/bin/time";
let scratch: string | undefined; // made on first use: bench/core-worker.ts imports only `median`

/** Runs a command to the end; wall time from spawn to exit, start-up included. */
export function runProcess(command: string, args: string[], cwd?: string): ProcessRun {
  const withTime = existsSync(TIME);
  const rssFile = join((scratch ??= mkdtempSync(join(tmpdir(), "bench-"))), "rss");
  const [file, argv] = withTime ? [TIME, ["-f", "%M", "-o", rssFile, command, ...args]] : [command, args];
  const start = performance.now();
  const result = spawnSync(file, argv, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - start) / 1000;
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${result.status}): ${result.stderr}`);
  const peakRssMb = withTime ? Number(readFileSync(rssFile, "utf8").trim().split("\n").pop()) / 1024 : null;
  return { seconds, peakRssMb, stdout: result.stdout };
}

export interface ProcessFigures {
  seconds: number;
  peakRssMb: number | null;
  runs: number;
  stdout: string;
}

/** Median time and median peak RSS over `runs` runs, after one warm-up run (page cache). */
export function measureProcess(command: string, args: string[], runs: number, cwd?: string): ProcessFigures {
  runProcess(command, args, cwd);
  const results = Array.from({ length: runs }, () => runProcess(command, args, cwd));
  const rss = results.map((r) => r.peakRssMb).filter((v): v is number => v !== null);
  return {
    seconds: median(results.map((r) => r.seconds)),
    peakRssMb: rss.length ? median(rss) : null,
    runs,
    stdout: results[0]!.stdout,
  };
}

export interface Contender {
  command: string;
  args: string[];
}

/**
 * Each contender `runs` times, taking turns (a, b, c, a, b, c …) after one warm-up run each
 * (unless `warmUp` is false: a run of minutes warms nothing up), so that another tenant's load on
 * this shared machine falls on all of them alike. Also gives each contender's time ÷ the first
 * one's, as the median of the rounds' ratios.
 */
export function measureInTurns(contenders: Contender[], runs: number, warmUp = true): { figures: ProcessFigures; ratioToFirst: number }[] {
  if (warmUp) for (const { command, args } of contenders) runProcess(command, args);
  const rounds = Array.from({ length: runs }, () => contenders.map(({ command, args }) => runProcess(command, args)));
  return contenders.map((_, k) => {
    const results = rounds.map((round) => round[k]!);
    const rss = results.map((r) => r.peakRssMb).filter((v): v is number => v !== null);
    return {
      figures: {
        seconds: median(results.map((r) => r.seconds)),
        peakRssMb: rss.length ? median(rss) : null,
        runs,
        stdout: results[0]!.stdout,
      },
      ratioToFirst: median(rounds.map((round) => round[k]!.seconds / round[0]!.seconds)),
    };
  });
}

export const fmt = {
  s: (seconds: number): string => `${seconds.toFixed(seconds < 10 ? 2 : 1)} s`,
  mb: (mb: number | null): string => (mb === null ? "—" : `${Math.round(mb)} MB`),
  ratio: (value: number): string => `${value.toFixed(value < 10 ? 2 : 1)}×`,
};
