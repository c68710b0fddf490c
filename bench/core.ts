// Core throughput: RETENTION_RATE, COHORT_MATRIX and the full sidebar analysis at growing sizes,
// each case in its own process (bench/core-worker.ts) so that peak memory is that case's own.
// Standalone: `tsx bench/core.ts`; `npm run bench` includes it in bench/RESULTS.md.
// `tsx bench/core.ts --health` measures only the health check's functions against RETENTION_RATE.

import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const WORKER = fileURLToPath(new URL("./core-worker.ts", import.meta.url));
const SIZES = [10_000, 100_000, 1_000_000, 5_000_000];
const CASES = ["RETENTION_RATE", "COHORT_MATRIX", "sidebarAnalysis"];
/** RETENTION_RATE against its floor: both in one process, in turns, on the same input. */
const FLOOR_PAIR = "minimalLoop+RETENTION_RATE";
/** The health check's functions against RETENTION_RATE, in turns on the same 1M rows (issue 14: within 2×). */
const HEALTH_FUNCTIONS = ["HEALTH_CHECK", "REVENUE_SPLIT", "LAPSED_CUSTOMERS", "AVERAGE_ORDER", "ACTIVE_CUSTOMERS", "SHARE_OF_WALLET"];
const HEALTH_ROWS = 1_000_000;

interface Measurement {
  case: string;
  rows: number;
  medianMs: number;
  /** Each case's median, for a pair of cases. */
  mediansMs: number[];
  /** For a pair of cases, the second's time ÷ the first's (median of the rounds). */
  ratio: number;
  inputRssMb: number;
  peakRssMb: number;
}

function repeatsFor(rows: number): number {
  return rows <= 10_000 ? 15 : rows <= 100_000 ? 9 : rows <= 1_000_000 ? 5 : 3;
}

function measure(caseName: string, rows: number): Measurement {
  const output = execFileSync(
    process.execPath,
    ["--expose-gc", "--import", "tsx", WORKER, caseName, String(rows), String(repeatsFor(rows))],
    {
      encoding: "utf8",
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(output.trim().split("\n").pop()!) as Measurement;
}

const fmt = (n: number, digits = 0): string => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

export async function benchCore(log: (line: string) => void = () => {}): Promise<string> {
  const results = new Map<string, Measurement>();
  for (const rows of SIZES) {
    for (const caseName of [...CASES, FLOOR_PAIR]) {
      const m = measure(caseName, rows);
      results.set(`${caseName}@${rows}`, m);
      const ratio = caseName === FLOOR_PAIR ? ` (ratio ${fmt(m.ratio, 2)})` : "";
      log(`core ${caseName} ${rows} rows: ${fmt(m.medianMs, 1)} ms${ratio}, peak ${fmt(m.peakRssMb)} MB`);
    }
  }
  const lines = [
    "## Core throughput",
    "",
    "Inputs as Sheets passes them to a custom function: 2-D arrays, Date cells at local midnight",
    "(Europe/Moscow), rows/5 customers, Russian and English names, three years of dates. Median of",
    "repeated runs in one process per case, each run on a collected heap (as each custom function call in",
    "Sheets starts in a fresh context); peak RSS includes the input arrays themselves (shown apart).",
    "",
    "| rows | case | median | rows/s | peak RSS | of which input |",
    "|---:|---|---:|---:|---:|---:|",
  ];
  for (const rows of SIZES) {
    for (const caseName of CASES) {
      const m = results.get(`${caseName}@${rows}`)!;
      lines.push(
        `| ${fmt(rows)} | ${caseName} | ${fmt(m.medianMs, 1)} ms | ${fmt((rows / m.medianMs) * 1000)} | ${fmt(m.peakRssMb)} MB | ${fmt(m.inputRssMb)} MB |`,
      );
    }
  }
  lines.push(
    "",
    "`RETENTION_RATE` against a minimal single loop with the same key and day normalisation (target: within 1.5×),",
    "the two taking turns in one process on the same input; the ratio is the median of the rounds' ratios:",
    "",
  );
  lines.push("| rows | minimal loop | RETENTION_RATE | ratio |", "|---:|---:|---:|---:|");
  for (const rows of SIZES) {
    const pair = results.get(`${FLOOR_PAIR}@${rows}`)!;
    const [floorMs, oursMs] = pair.mediansMs;
    lines.push(`| ${fmt(rows)} | ${fmt(floorMs!, 1)} ms | ${fmt(oursMs!, 1)} ms | ${fmt(pair.ratio, 2)}× |`);
  }
  lines.push("", ...benchHealthFunctions(log));
  return `${lines.join("\n")}\n`;
}

/** The health check's functions against RETENTION_RATE, each pair in its own process: a Markdown table. */
function benchHealthFunctions(log: (line: string) => void): string[] {
  const lines = [
    `The health check's custom functions against \`RETENTION_RATE\` on the same ${fmt(HEALTH_ROWS)} rows, in turns (target: within 2×):`,
    "",
    "| function | RETENTION_RATE | function | ratio |",
    "|---|---:|---:|---:|",
  ];
  for (const name of HEALTH_FUNCTIONS) {
    const { mediansMs, ratio } = measure(`RETENTION_RATE+${name}`, HEALTH_ROWS);
    log(`core RETENTION_RATE+${name} ${HEALTH_ROWS} rows: ratio ${fmt(ratio, 2)}`);
    lines.push(`| \`${name}\` | ${fmt(mediansMs[0]!, 1)} ms | ${fmt(mediansMs[1]!, 1)} ms | ${fmt(ratio, 2)}× |`);
  }
  return lines;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const log = (line: string): void => console.error(line);
  console.log(process.argv.includes("--health") ? benchHealthFunctions(log).join("\n") : await benchCore(log));
}
