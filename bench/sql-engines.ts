// `report --engine duckdb` against the streaming command, on generated order logs of growing size
// (CSV, and the same rows as Parquet for DuckDB): wall time and peak memory of the whole process,
// taking turns. Where DuckDB starts to win is the crossover the command's hint uses
// (src/cli/duckdb/engine.ts). Run: npx tsx bench/sql-engines.ts [--sizes 1,4,10,20] [--runs 3]
// [--cli FILE] [--baseline FILE] [--duckdb-flags=--no-health] [--no-warm-up] [--out DIR] [--only-generate]
// (millions of rows; one customer per five rows, as in the 20 M rows and 4 M customers).
// --baseline times a second build of the command (DuckDB on the CSV) in the same turns: paired
// before/after figures. The generated files (gigabytes at 50 M rows) go to --out, under the
// system's temporary directory by default, never into the repository. --duckdb-flags adds flags to
// the DuckDB runs only (the same work before and after); --no-warm-up times each run once, with no
// warm-up round (for the 50 M files, whose runs take minutes; they were just written, so cached).

import { once } from "node:events";
import { createWriteStream, existsSync, mkdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { isoDate } from "../src/core/calendar";
import { seededRandom } from "../src/lib/seeded-random";
import { fmt, measureInTurns } from "./measure";

const ROWS_PER_CUSTOMER = 5;
const FIRST_DAY = Date.UTC(2021, 0, 1) / 86_400_000;
const DAYS = 4 * 365;
const here = dirname(fileURLToPath(import.meta.url));
/** The command as built; --cli a copy of it, so that a build running meanwhile cannot change what is timed. */
const BUILT_CLI = join(here, "../build/cli.cjs");

/** `rows` orders of `rows / 5` customers, in date order, as `customer,order_date,amount`. */
async function writeCsv(path: string, rows: number): Promise<void> {
  const random = seededRandom(rows);
  const customers = Math.max(1, Math.floor(rows / ROWS_PER_CUSTOMER));
  const out = createWriteStream(path);
  out.write("customer,order_date,amount\n");
  const perDay = rows / DAYS;
  let chunk = "";
  for (let row = 0; row < rows; row++) {
    const day = FIRST_DAY + Math.floor(row / perDay);
    chunk += `Customer ${Math.floor(random() * customers)},${isoDate(day)},${(random() * 500).toFixed(2)}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, "drain");
      chunk = "";
    }
  }
  out.end(chunk);
  await once(out, "finish");
}

async function writeParquet(csv: string, parquet: string): Promise<void> {
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const connection = await (await DuckDBInstance.create(":memory:")).connect();
  await connection.run(
    `COPY (SELECT customer, CAST(order_date AS DATE) AS order_date, CAST(amount AS DOUBLE) AS amount FROM read_csv('${csv}')) TO '${parquet}' (FORMAT parquet)`,
  );
}

async function files(out: string, millions: number): Promise<{ csv: string; parquet: string }> {
  mkdirSync(out, { recursive: true });
  const csv = join(out, `orders-${millions}m.csv`);
  const parquet = join(out, `orders-${millions}m.parquet`);
  if (!existsSync(csv)) await writeCsv(csv, Math.round(millions * 1_000_000));
  if (!existsSync(parquet)) await writeParquet(csv, parquet);
  return { csv, parquet };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: "string" },
      runs: { type: "string" },
      cli: { type: "string" },
      baseline: { type: "string" },
      out: { type: "string" },
      "only-generate": { type: "boolean" },
      "duckdb-flags": { type: "string" },
      "no-warm-up": { type: "boolean" },
    },
  });
  const cli = values.cli ?? BUILT_CLI;
  const out = values.out ?? join(tmpdir(), "sheets-retention-sql-engines");
  const sizes = (values.sizes ?? "1,4,10,20").split(",").map(Number);
  const runs = Number(values.runs ?? 3);
  const baseline = values.baseline;
  const extra = baseline === undefined ? "" : " baseline DuckDB, CSV | baseline DuckDB, Parquet |";
  if (!values["only-generate"]) {
    console.log(`| rows | customers | CSV | streaming CLI | DuckDB, CSV | DuckDB, Parquet (size) |${extra}`);
    console.log(`|---:|---:|---:|---|---|---|${baseline === undefined ? "" : "---|---|"}`);
  }
  for (const millions of sizes) {
    const { csv, parquet } = await files(out, millions);
    if (values["only-generate"]) continue;
    const report = (command: string, file: string, ...flags: string[]): { command: string; args: string[] } => ({
      command: process.execPath,
      args: [command, "report", file, "--json", ...flags],
    });
    const duckFlags = ["--engine", "duckdb", ...(values["duckdb-flags"]?.split(" ").filter(Boolean) ?? [])];
    const duckDb = (command: string) => [report(command, csv, ...duckFlags), report(command, parquet, ...duckFlags)];
    const contenders = [report(cli, csv), ...duckDb(cli), ...(baseline === undefined ? [] : duckDb(baseline))];
    const measured = measureInTurns(contenders, runs, !values["no-warm-up"]);
    const verdict = (stdout: string): string => JSON.stringify(JSON.parse(stdout).verdict);
    if (measured.some((each) => verdict(each.figures.stdout) !== verdict(measured[0]!.figures.stdout))) {
      throw new Error(`the engines disagree on ${csv}`);
    }
    const cell = ({ figures, ratioToFirst }: { figures: { seconds: number; peakRssMb: number | null }; ratioToFirst: number }): string =>
      `${fmt.s(figures.seconds)}, ${fmt.mb(figures.peakRssMb)} (${fmt.ratio(ratioToFirst)})`;
    const mb = (path: string): string => `${Math.round(statSync(path).size / 1e6)} MB`;
    const [stream, duckCsv, duckParquet, ...base] = measured.map(cell);
    console.log(
      `| ${millions} M | ${(millions / ROWS_PER_CUSTOMER).toFixed(1)} M | ${mb(csv)} | ${stream} | ${duckCsv} | ${duckParquet} (${mb(parquet)}) |` +
        base.map((each) => ` ${each} |`).join(""),
    );
  }
}

await main();
