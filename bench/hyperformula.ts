// The spreadsheet way in HyperFormula: the retention ratio with native functions a Sheets user
// would type, beside RETENTION_RATE registered in the same engine, at growing sizes.

import { HyperFormula } from "hyperformula";
import { retentionEngineConfig } from "../src/preview/hyperformula/plugin";
import { dayToSerial } from "../src/core/calendar";
import { generateOrders } from "./generate";
import { fmt, median } from "./measure";

/**
 * The next size's time is projected from the last as if it grew with the square of the rows (as
 * a per-row lookup over all rows does). Above LONG_SECONDS a size is run once instead of three
 * times; above TOO_LONG_SECONDS it is not run, which keeps `npm run bench` near ten minutes
 * (BENCH_LONG=1 allows longer single runs, e.g. the per-row lookup at 20,000 rows, about 5 minutes).
 */
const LONG_SECONDS = 20;
const TOO_LONG_SECONDS = process.env.BENCH_LONG ? 400 : 120;
const SIZES = (process.env.HF_SIZES ?? "1000,5000,20000,50000,100000,200000,500000,1000000").split(",").map(Number);

/** Two ways a Sheets user writes the ratio with built-in functions, each with a helper column. */
interface NativeWay {
  name: string;
  /** Cells to the right of the data (columns C onwards) for data row `row` of rows 2…last. */
  helper(row: number, last: number): unknown[];
  /** Header cells for those columns. */
  header: unknown[];
  ratio(last: number): string;
  /** Per-row formulas text for the report. */
  describe: string[];
}

// Lookup: per row, does this customer have an order on a day other than this row's? (= came back)
const LOOKUP: NativeWay = {
  name: "lookup per row (COUNTIFS)",
  header: ["Came back"],
  helper: (row, last) => [`=COUNTIFS($A$2:$A$${last},A${row},$B$2:$B$${last},"<>"&B${row})>0`],
  ratio: (last) => `=COUNTUNIQUE(FILTER(A2:A${last},C2:C${last}))/COUNTUNIQUE(A2:A${last})`,
  describe: [
    'C2, filled down: `=COUNTIFS($A$2:$A$N,A2,$B$2:$B$N,"<>"&B2)>0` (this customer bought on another day too)',
    "the ratio: `=COUNTUNIQUE(FILTER(A2:AN,C2:CN))/COUNTUNIQUE(A2:AN)`",
  ],
};

// Sorted: sort by customer (HyperFormula's SORT takes one sort column), then flag a row that
// continues the customer on another day. Within a customer the days need no order: they are all
// equal exactly when every neighbouring pair is.
const SORTED: NativeWay = {
  name: "sort, then compare neighbours",
  header: ["Sorted customer", "Sorted date", "Came back"],
  helper: (row, last) => [row === 2 ? `=SORT(A2:B${last})` : null, null, `=AND(C${row}=C${row - 1},D${row}<>D${row - 1})`],
  ratio: (last) => `=COUNTUNIQUE(FILTER(C2:C${last},E2:E${last}))/COUNTUNIQUE(C2:C${last})`,
  describe: [
    "C2: `=SORT(A2:BN)` (spills customers and their dates into C:D, sorted by customer)",
    "E2, filled down: `=AND(C2=C1,D2<>D1)` (same customer as the row above, another day)",
    "the ratio: `=COUNTUNIQUE(FILTER(C2:CN,E2:EN))/COUNTUNIQUE(C2:CN)`",
  ],
};

const CUSTOM_RATIO = (last: number): string => `=RETENTION_RATE(A2:A${last},B2:B${last})`;

/** Orders in A:B, the way's helper columns, and the ratio in the column after them (row 2). */
function sheet(rows: number, way: NativeWay | undefined): { data: unknown[][]; resultColumn: number } {
  // About five orders per customer, as in the million-row file.
  const { orders, names } = generateOrders(rows, Math.max(1, Math.round(rows / 5)), 7);
  const last = rows + 1;
  const data: unknown[][] = [["Customer", "Date", ...(way?.header ?? []), "Retention"]];
  orders.forEach((order, k) => {
    const row = k + 2;
    data.push([names[order.customer], dayToSerial(order.day), ...(way?.helper(row, last) ?? []), null]);
  });
  const resultColumn = 2 + (way?.header.length ?? 0);
  data[1]![resultColumn] = way ? way.ratio(last) : CUSTOM_RATIO(last);
  return { data, resultColumn };
}

function timeBuild({ data, resultColumn }: ReturnType<typeof sheet>): { seconds: number; value: unknown } {
  const start = performance.now();
  const engine = HyperFormula.buildFromArray(data as never, retentionEngineConfig("en_US"));
  const seconds = (performance.now() - start) / 1000;
  const value = engine.getCellValue({ sheet: 0, col: resultColumn, row: 1 });
  engine.destroy();
  return { seconds, value };
}

interface Measured {
  seconds: number;
  value: unknown;
  runs: number;
  /** HyperFormula failed at this size (e.g. a stack overflow); the way stops here. */
  error?: string;
}

/** Median of `runs` fresh engines. */
function measureWay(rows: number, way: NativeWay | undefined, runs: number): Measured {
  const input = sheet(rows, way);
  try {
    const results = Array.from({ length: runs }, () => timeBuild(input));
    return { seconds: median(results.map((r) => r.seconds)), value: results[0]!.value, runs };
  } catch (error) {
    return { seconds: Number.NaN, value: undefined, runs, error: (error as Error).message };
  }
}

export async function benchHyperFormula(log: (line: string) => void): Promise<string> {
  const ways: { name: string; way: NativeWay | undefined }[] = [
    { name: LOOKUP.name, way: LOOKUP },
    { name: SORTED.name, way: SORTED },
    { name: "RETENTION_RATE", way: undefined },
  ];
  const table = new Map<number, (Measured | undefined)[]>();
  const previous: ({ rows: number; seconds: number } | undefined)[] = ways.map(() => undefined);
  for (const rows of SIZES) {
    const cells = ways.map(({ way }, k) => {
      const last = previous[k];
      const projected = last === undefined ? 0 : last.seconds * (rows / last.rows) ** 2;
      if (projected > TOO_LONG_SECONDS) return undefined;
      if (last !== undefined && !Number.isFinite(last.seconds)) return undefined;
      const cell = measureWay(rows, way, projected > LONG_SECONDS ? 1 : 3);
      previous[k] = { rows, seconds: cell.runs === 1 || cell.error ? Number.POSITIVE_INFINITY : cell.seconds };
      return cell;
    });
    if (cells.every((cell) => cell === undefined)) break;
    table.set(rows, cells);
    log(`  HyperFormula ${rows} rows: ${cells.map((c, k) => `${ways[k]!.name} ${c ? (c.error ?? fmt.s(c.seconds)) : "—"}`).join(", ")}`);
  }
  const show = (cell: Measured | undefined): string => {
    if (cell === undefined) return "not run";
    if (cell.error) return `HyperFormula error: ${cell.error}`;
    return `${fmt.s(cell.seconds)}${cell.runs === 1 ? " (1 run)" : ""}`;
  };
  const value = (cells: (Measured | undefined)[]): string =>
    [
      ...new Set(
        cells
          .filter((c): c is Measured => c !== undefined && !c.error)
          .map((c) => (typeof c.value === "number" ? c.value.toFixed(4) : JSON.stringify(c.value))),
      ),
    ].join(" / ");
  const lines = [...table].map(([rows, cells]) => {
    const custom = cells[2];
    const ratio = (cell: Measured | undefined): string =>
      cell && custom && !cell.error && !custom.error ? ` (${fmt.ratio(cell.seconds / custom.seconds)})` : "";
    return `| ${rows.toLocaleString("en-US")} | ${show(cells[0])}${ratio(cells[0])} | ${show(cells[1])}${ratio(cells[1])} | ${show(custom)} | ${value(cells)} |`;
  });
  return `## The spreadsheet way: built-in formulas vs RETENTION_RATE (HyperFormula ${HyperFormula.version})

Each figure is the median of 3 builds of a fresh engine (\`HyperFormula.buildFromArray\`, which
evaluates every formula) on orders in A:B (customer, date serial), about five orders per customer.
The next size's time is projected from the last as if it grew with the square of the rows; a size
projected over ${LONG_SECONDS} s is run once (marked), one projected over ${TOO_LONG_SECONDS} s is not run, and a way run once
stops there, so that the whole bench stays near ten minutes.

Lookup per row, as most users write it:
${LOOKUP.describe.map((line) => `- ${line}`).join("\n")}

Sort, then compare neighbours (needs SORT's spill):
${SORTED.describe.map((line) => `- ${line}`).join("\n")}

The custom function, no helper column: \`${CUSTOM_RATIO("N" as never)}\`.

| rows | lookup per row (÷ custom) | sort + neighbours (÷ custom) | RETENTION_RATE | ratio computed |
|---:|---:|---:|---:|---:|
${lines.join("\n")}
`;
}
