// `npm run bench`: writes bench/RESULTS.md. The CLI end to end on a generated million-row order
// log (UTF-8 and Windows-1251), its peers on the same file and metric when installed (pandas,
// DuckDB), the spreadsheet-formula way in HyperFormula, and the core's own section when present.
// `npm run bench -- --compare <git-rev>` instead times this tree against that revision (bench/compare.ts)
// and prints the ratios, leaving RESULTS.md as it is.

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { benchFiles, CUSTOMERS, ORDERS } from "./generate";
import { benchHyperFormula } from "./hyperformula";
import { fmt, measureInTurns, measureProcess, runProcess, type ProcessFigures } from "./measure";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const cli = join(root, "build/cli.cjs");
const peers = join(here, "peers");
const PYTHON = "/usr/bin/python3";
const RUNS = 7;

const log = (line: string): void => console.error(line);

interface Peer {
  name: string;
  command: string;
  args: (file: string, kind: "utf8" | "1251") => string[];
  missing?: string;
}

function pandasPeer(): Peer {
  const peer: Peer = { name: "pandas", command: PYTHON, args: (file, kind) => [join(peers, "pandas_distinct_days.py"), file, kind] };
  if (!existsSync(PYTHON)) return { ...peer, missing: `${PYTHON} is not installed` };
  try {
    measureProcess(PYTHON, ["-c", "import pandas"], 1);
  } catch {
    return { ...peer, missing: "pandas is not installed for /usr/bin/python3 (apt install python3-pandas)" };
  }
  return peer;
}

function duckdbPeer(): Peer {
  const peer: Peer = {
    name: "DuckDB (2 threads)",
    command: process.execPath,
    args: (file, kind) => [join(peers, "duckdb-distinct-days.mjs"), file, kind],
  };
  return existsSync(join(peers, "node_modules/@duckdb/node-api"))
    ? peer
    : { ...peer, missing: "not installed: run `npm install --prefix bench/peers`" };
}

function machine(): string {
  const cpu = cpus();
  return [
    `- Date: ${new Date().toISOString().replace("T", " ").slice(0, 16)} UTC`,
    `- CPU: ${cpu[0]?.model ?? "unknown"}, ${cpu.length} cores`,
    `- RAM: ${(totalmem() / 1024 ** 3).toFixed(1)} GB`,
    `- Node ${process.version}`,
  ].join("\n");
}

interface FileFigures {
  label: string;
  file: string;
  kind: "utf8" | "1251";
  sizeMb: number;
  cli: ProcessFigures;
  /** The full report with the health check (issue 14: within 1.5× of the report without it). */
  health: { figures: ProcessFigures; ratio: number };
  peers: { peer: Peer; figures?: ProcessFigures; ratio?: number; error?: string }[];
}

async function main(): Promise<void> {
  if (!existsSync(cli)) throw new Error("build/cli.cjs is missing: run `npm run build` first");
  log("generating bench/out/ …");
  const files = await benchFiles(join(here, "out"));
  const { statSync } = await import("node:fs");
  const allPeers = [pandasPeer(), duckdbPeer()];
  const results: FileFigures[] = [];
  for (const [label, file, kind] of [
    ["UTF-8, comma, ISO dates", files.utf8, "utf8"],
    ["Windows-1251, semicolon, DD.MM.YYYY, decimal comma", files.cp1251, "1251"],
    ["UTF-8 with a manager column, rows in random order", files.managers, "utf8"],
  ] as const) {
    // A peer that fails on this file is reported as such and left out of the turns.
    const failed = new Map<Peer, string>();
    for (const peer of allPeers.filter((peer) => !peer.missing)) {
      try {
        runProcess(peer.command, peer.args(file, kind));
      } catch (error) {
        failed.set(peer, (error as Error).message.split("\n")[0]!);
      }
    }
    const present = allPeers.filter((peer) => !peer.missing && !failed.has(peer));
    log(`CLI, ${present.map((peer) => peer.name).join(", ")} on ${file}, taking turns …`);
    const [cliFigures, healthFigures, ...peerFigures] = measureInTurns(
      [
        { command: process.execPath, args: [cli, "report", file, "--json", "--no-health"] },
        { command: process.execPath, args: [cli, "report", file, "--json"] },
        ...present.map((peer) => ({ command: peer.command, args: peer.args(file, kind) })),
      ],
      RUNS,
    );
    const peers = allPeers.map((peer) => {
      const measured = peerFigures[present.indexOf(peer)];
      return measured === undefined ? { peer, error: failed.get(peer) } : { peer, figures: measured.figures, ratio: measured.ratioToFirst };
    });
    const health = { figures: healthFigures!.figures, ratio: healthFigures!.ratioToFirst };
    results.push({ label, file, kind, sizeMb: statSync(file).size / 1024 / 1024, cli: cliFigures!.figures, health, peers });
  }
  const startup = measureProcess(process.execPath, [cli, "--version"], RUNS);

  log("HyperFormula …");
  const hyperformula = await benchHyperFormula(log);
  const coreFile = join(here, "core.ts");
  const core = existsSync(coreFile) ? await (await import("./core")).benchCore(log) : "";

  const resultsFile = join(here, "RESULTS.md");
  writeFileSync(resultsFile, report(results, startup, hyperformula, core) + sqlEnginesSection(resultsFile));
  log("wrote bench/RESULTS.md");
}

/**
 * The section bench/sql-engines.ts measures (minutes to hours on 50M rows, so run on its own):
 * kept from the file as it was, where this run has nothing to say.
 */
function sqlEnginesSection(resultsFile: string): string {
  if (!existsSync(resultsFile)) return "";
  const before = readFileSync(resultsFile, "utf8");
  const start = before.indexOf(SQL_ENGINES_HEADING);
  return start < 0 ? "" : `\n${before.slice(start)}`;
}

const SQL_ENGINES_HEADING = "## `report --engine duckdb` against the streaming command";

function report(results: FileFigures[], startup: ProcessFigures, hyperformula: string, core: string): string {
  const sections = results.map((r) => {
    const cliJson = JSON.parse(r.cli.stdout) as { customers: number; secondPurchases: number; rows: number };
    const rows = [
      `| sheets-retention CLI (\`--no-health\`) | ${fmt.s(r.cli.seconds)} | ${fmt.mb(r.cli.peakRssMb)} | 1.00× | ${cliJson.customers} / ${cliJson.secondPurchases} |`,
      `| sheets-retention CLI with the health check | ${fmt.s(r.health.figures.seconds)} | ${fmt.mb(r.health.figures.peakRssMb)} | ${fmt.ratio(r.health.ratio)} | ${cliJson.customers} / ${cliJson.secondPurchases} |`,
      ...r.peers.map(({ peer, figures, ratio, error }) => {
        if (!figures || ratio === undefined) return `| ${peer.name} | skipped: ${error ?? peer.missing} | | | |`;
        const answer = JSON.parse(figures.stdout) as { customers: number; returned: number };
        return `| ${peer.name} | ${fmt.s(figures.seconds)} | ${fmt.mb(figures.peakRssMb)} | ${fmt.ratio(ratio)} | ${answer.customers} / ${answer.returned} |`;
      }),
    ];
    return `### ${r.label}: ${ORDERS.toLocaleString("en-US")} rows, ${r.sizeMb.toFixed(1)} MB

| tool | median wall time | peak RSS | time ÷ CLI time | customers / with ≥ 2 purchase days |
|---|---:|---:|---:|---:|
${rows.join("\n")}`;
  });
  return `# Benchmarks

Written by \`npm run bench\` (bench/run.ts). Machine:

${machine()}

Other processes may share this machine; figures are medians, and comparisons are ratios from the
same run.

## The command line end to end

Whole processes, start-up included: \`node build/cli.cjs report FILE --json --no-health\` (the
report: retention, cohorts, managers, lost customers …) against peers computing only distinct
purchase days per customer on the same file; and the full report with the health check (the book's
eight questions, issue 14), which must stay within 1.5× of the report without it. Median of ${RUNS} runs each, the CLI and its peers taking turns (CLI, pandas,
DuckDB, CLI, …) after one warm-up run each, so that load from other tenants of this machine falls on all
alike; "time ÷ CLI time" is the median of the per-round ratios;
peak RSS from \`/usr/bin/time\`. The file is generated by bench/generate.ts (seeded): ${ORDERS.toLocaleString("en-US")} orders by
${CUSTOMERS.toLocaleString("en-US")} customers over three years, English and Russian names, 5 % quoted company names.

- pandas: \`pd.read_csv(f)\` with default types (for 1251: \`sep=";", encoding="cp1251"\`), then \`groupby("customer")["date"].nunique()\`.
- DuckDB (@duckdb/node-api, \`SET threads = 2\`): \`read_csv\`, \`count(DISTINCT CAST(date AS DATE))\` per customer.
  DuckDB reads no Windows-1251 without downloading an extension, so the 1251 file is read as \`latin-1\`
  (bytes map one to one: the same customers and days, garbled names).

Node start-up alone (\`node build/cli.cjs --version\`): ${fmt.s(startup.seconds)}.

${sections.join("\n\n")}

${hyperformula}
${core ? `\n${core}\n` : ""}`;
}

const compareAt = process.argv.indexOf("--compare");
if (compareAt >= 0) {
  const rev = process.argv[compareAt + 1];
  if (rev === undefined) throw new Error("--compare needs a git revision, e.g. --compare HEAD~1");
  console.log(await (await import("./compare")).compareWith(root, rev, log));
} else {
  await main();
}
