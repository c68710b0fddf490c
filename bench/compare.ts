// `npm run bench -- --compare <git-rev>`: is this tree slower than <git-rev>? Builds the revision
// into a temporary directory (git archive, with this checkout's node_modules linked in), then times
// the two builds taking turns in one run, so that another tenant's load falls on both alike:
//   - the CLI end to end on the bench's generated files (bench/generate.ts);
//   - the core's cases at 100,000 and 1,000,000 rows, each tree timed by this tree's
//     bench/core-worker.ts (copied into the revision's), so that both are measured alike.
// Prints a Markdown table of new ÷ old times (the median of the rounds' ratios); within 1.05 passes.

import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { benchFiles } from "./generate";
import { fmt, measureInTurns, median } from "./measure";

/** Slower than the old build by more than this fails the comparison (issue 17: within 5 %). */
const TOLERANCE = 1.05;
const CLI_RUNS = 15;
const CORE_ROUNDS = 9;
const CORE_CASES = ["RETENTION_RATE", "COHORT_MATRIX", "sidebarAnalysis"];
const CORE_ROWS = [100_000, 1_000_000];

interface Row {
  what: string;
  oldSeconds: number;
  newSeconds: number;
  ratio: number;
}

/** The revision's tree, built, in a temporary directory; removed by the caller. */
function buildRevision(root: string, rev: string, log: (line: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), "bench-compare-"));
  log(`building ${rev} in ${dir} …`);
  execFileSync("sh", ["-c", `git -C "${root}" archive "${rev}" | tar -x -C "${dir}"`], { stdio: "inherit" });
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"));
  // The revision's own worker may measure otherwise (before 26a2255, each call in the garbage of the one before).
  copyFileSync(join(root, "bench/core-worker.ts"), join(dir, "bench/core-worker.ts"));
  execFileSync(process.execPath, ["--import", "tsx", join(dir, "scripts/build.ts")], { cwd: dir, stdio: "inherit" });
  return dir;
}

function compareCli(oldRoot: string, newRoot: string, files: string[], log: (line: string) => void): Row[] {
  return files.map((file) => {
    log(`CLI on ${file}, old and new taking turns …`);
    const [old, current] = measureInTurns(
      [oldRoot, newRoot].map((root) => ({ command: process.execPath, args: [join(root, "build/cli.cjs"), "report", file, "--json"] })),
      CLI_RUNS,
    );
    return {
      what: `CLI ${file.split("/").pop()}`,
      oldSeconds: old!.figures.seconds,
      newSeconds: current!.figures.seconds,
      ratio: current!.ratioToFirst,
    };
  });
}

/** One core case's median in milliseconds, measured by bench/core-worker.ts in that tree. */
function coreMs(root: string, caseName: string, rows: number): number {
  const output = execFileSync(
    process.execPath,
    ["--expose-gc", "--import", "tsx", join(root, "bench/core-worker.ts"), caseName, String(rows), "3"],
    {
      cwd: root,
      encoding: "utf8",
    },
  );
  return (JSON.parse(output.trim().split("\n").pop()!) as { medianMs: number }).medianMs;
}

function compareCore(oldRoot: string, newRoot: string, log: (line: string) => void): Row[] {
  const rows: Row[] = [];
  for (const count of CORE_ROWS) {
    for (const caseName of CORE_CASES) {
      log(`core ${caseName} at ${count} rows, old and new taking turns …`);
      const rounds = Array.from(
        { length: CORE_ROUNDS },
        () => [coreMs(oldRoot, caseName, count), coreMs(newRoot, caseName, count)] as const,
      );
      rows.push({
        what: `core ${caseName} ${count.toLocaleString("en-US")} rows`,
        oldSeconds: median(rounds.map(([old]) => old)) / 1000,
        newSeconds: median(rounds.map(([, current]) => current)) / 1000,
        ratio: median(rounds.map(([old, current]) => current / old)),
      });
    }
  }
  return rows;
}

export async function compareWith(root: string, rev: string, log: (line: string) => void): Promise<string> {
  const files = await benchFiles(join(root, "bench/out"));
  const oldRoot = buildRevision(root, rev, log);
  try {
    const rows = [...compareCli(oldRoot, root, Object.values(files), log), ...compareCore(oldRoot, root, log)];
    const lines = rows.map(
      (row) =>
        `| ${row.what} | ${fmt.s(row.oldSeconds)} | ${fmt.s(row.newSeconds)} | ${row.ratio.toFixed(3)} | ${row.ratio <= TOLERANCE ? "ok" : "SLOWER"} |`,
    );
    return [
      `## This tree against ${rev}`,
      "",
      `New ÷ old wall time, the median of the rounds' ratios (CLI: ${CLI_RUNS} rounds; core: ${CORE_ROUNDS} rounds of each tree timed by`,
      `this tree's core-worker, median of 3 repeats each). Within ${TOLERANCE} is "ok".`,
      "",
      "| what | old | new | new ÷ old | |",
      "|---|---:|---:|---:|---|",
      ...lines,
      "",
    ].join("\n");
  } finally {
    rmSync(oldRoot, { recursive: true, force: true });
  }
}
