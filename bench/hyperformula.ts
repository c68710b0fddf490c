// The spreadsheet way in HyperFormula: the retention ratio with native functions a Sheets user
// would type, beside RETENTION_RATE registered in the same engine, at growing sizes.

import { HyperFormula } from "hyperformula";
import { retentionEngineConfig } from "../src/preview/hyperformula/plugin";
import { dayToSerial } from "../src/core/calendar";
import { generateOrders } from "./generate";
import { fmt, median } from "./measure";

/** Stop growing once a size takes longer than this (its three runs then stay near a minute). */
const SLOW_SECONDS = 20;
const SIZES = [1_000, 5_000, 20_000, 50_000, 100_000, 200_000];

// Column C, per row: does this row's customer have an order on another day? (= the customer came back)
const HELPER = (row: number, last: number): string => `=COUNTIFS($A$2:$A$${last},A${row},$B$2:$B$${last},"<>"&B${row})>0`;
// Returned customers ÷ customers: distinct names among rows flagged in C, over all distinct names.
const NATIVE_RATIO = (last: number): string => `=COUNTUNIQUE(FILTER(A2:A${last},C2:C${last}))/COUNTUNIQUE(A2:A${last})`;
const CUSTOM_RATIO = (last: number): string => `=RETENTION_RATE(A2:A${last},B2:B${last})`;

function sheet(rows: number, withHelper: boolean): unknown[][] {
  // About five orders per customer, as in the million-row file.
  const { orders, names } = generateOrders(rows, Math.max(1, Math.round(rows / 5)), 7);
  const last = rows + 1;
  const data: unknown[][] = [["Customer", "Date", withHelper ? "Came back" : null, "Retention"]];
  orders.forEach((order, k) => {
    const row = k + 2;
    data.push([names[order.customer], dayToSerial(order.day), withHelper ? HELPER(row, last) : null, null]);
  });
  data[1]![3] = withHelper ? NATIVE_RATIO(last) : CUSTOM_RATIO(last);
  return data;
}

function timeBuild(data: unknown[][]): { seconds: number; value: unknown } {
  const start = performance.now();
  const engine = HyperFormula.buildFromArray(data as never, retentionEngineConfig("en_US"));
  const seconds = (performance.now() - start) / 1000;
  const value = engine.getCellValue({ sheet: 0, col: 3, row: 1 });
  engine.destroy();
  return { seconds, value };
}

interface SizeFigures {
  rows: number;
  native: number;
  custom: number;
  nativeValue: unknown;
  customValue: unknown;
}

export async function benchHyperFormula(log: (line: string) => void): Promise<string> {
  const figures: SizeFigures[] = [];
  for (const rows of SIZES) {
    const runs = (withHelper: boolean) => {
      const data = sheet(rows, withHelper);
      return Array.from({ length: 3 }, () => timeBuild(data));
    };
    const custom = runs(false);
    const native = runs(true);
    const entry = {
      rows,
      native: median(native.map((r) => r.seconds)),
      custom: median(custom.map((r) => r.seconds)),
      nativeValue: native[0]!.value,
      customValue: custom[0]!.value,
    };
    figures.push(entry);
    log(`  HyperFormula ${rows} rows: native ${fmt.s(entry.native)}, RETENTION_RATE ${fmt.s(entry.custom)}`);
    if (entry.native > SLOW_SECONDS) break;
  }
  const show = (value: unknown): string => (typeof value === "number" ? value.toFixed(4) : JSON.stringify(value));
  const rows = figures.map(
    (f) =>
      `| ${f.rows.toLocaleString("en-US")} | ${fmt.s(f.native)} | ${fmt.s(f.custom)} | ${fmt.ratio(f.native / f.custom)} | ${show(f.nativeValue)} | ${show(f.customValue)} |`,
  );
  const lastSize = figures[figures.length - 1]!;
  const stopped = lastSize.native > SLOW_SECONDS ? ` Growth stopped after ${lastSize.rows.toLocaleString("en-US")} rows (over ${SLOW_SECONDS} s per evaluation).` : "";
  return `## The spreadsheet way: native formulas vs RETENTION_RATE (HyperFormula ${HyperFormula.version})

Each figure is the median of 3 builds of a fresh engine (\`HyperFormula.buildFromArray\`, which
evaluates every formula), about five orders per customer. The native way, as a Sheets user types it:

- helper column C, one formula per row: \`${HELPER(2, "N" as never).replace("$N", "$N")}\` (this customer has an order on another day);
- the ratio: \`${NATIVE_RATIO("N" as never)}\`.

The custom function: \`${CUSTOM_RATIO("N" as never)}\` (no helper column).${stopped}

| rows | native formulas | RETENTION_RATE | native ÷ custom | native result | RETENTION_RATE result |
|---:|---:|---:|---:|---:|---:|
${rows.join("\n")}
`;
}
