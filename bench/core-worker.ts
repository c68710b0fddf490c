// One benchmark case in a fresh process, so peak memory belongs to that case alone:
//   node --expose-gc --import tsx bench/core-worker.ts <case> <rows> <repeats>   → prints one JSON line.
// Or two cases taken in turns on the same input, for their ratio (peak memory is then both's):
//   node --expose-gc --import tsx bench/core-worker.ts <case>+<case> <rows> <repeats>
// Inputs are what Sheets passes a custom function: 2-D arrays, Date cells at local midnight.
// Each call starts on a collected heap (hence --expose-gc), as each custom function call in Sheets
// starts in a fresh context: no call pays for the garbage the one before it left.

import { analyzeTable, customerKey, inputLocale } from "../src/core";
import {
  ACTIVE_CUSTOMERS,
  AVERAGE_ORDER,
  COHORT_MATRIX,
  HEALTH_CHECK,
  LAPSED_CUSTOMERS,
  RETENTION_RATE,
  REVENUE_SPLIT,
  SHARE_OF_WALLET,
} from "../src/functions/custom-functions";
import { seededRandom } from "../src/lib/seeded-random";
import { median } from "./measure";

const TIME_ZONE = "Europe/Moscow";
(globalThis as Record<string, unknown>).SpreadsheetApp = {
  getActiveSpreadsheet: () => ({ getSpreadsheetLocale: () => "ru_RU", getSpreadsheetTimeZone: () => TIME_ZONE }),
};

interface Orders {
  customers: string[][];
  dates: Date[][];
  amounts: number[][];
  managers: string[][];
  /** A yearly budget on one row in five, blank elsewhere (the health check's question 2). */
  budgets: (number | string)[][];
  table: unknown[][];
}

/** `rows` orders by rows/5 customers over three years, names in Russian and English. */
function makeOrders(rows: number): Orders {
  const next = seededRandom(42);
  const customerCount = Math.max(1, Math.floor(rows / 5));
  const midnightMoscow = Date.UTC(2022, 0, 1) - 3 * 3_600_000;
  const customers: string[][] = new Array(rows);
  const dates: Date[][] = new Array(rows);
  const amounts: number[][] = new Array(rows);
  const managers: string[][] = new Array(rows);
  const budgets: (number | string)[][] = new Array(rows);
  const table: unknown[][] = new Array(rows + 1);
  table[0] = ["Дата", "Клиент", "Сумма", "Менеджер"];
  for (let i = 0; i < rows; i++) {
    const id = Math.floor(next() * customerCount);
    const name = id % 2 === 0 ? `Клиент ${id}` : `Customer ${id}`;
    const date = new Date(midnightMoscow + Math.floor(next() * 1095) * 86_400_000);
    const amount = Math.round(next() * 100_000) / 100;
    customers[i] = [name];
    dates[i] = [date];
    amounts[i] = [amount];
    managers[i] = [`M${id % 7}`];
    budgets[i] = [i % 5 === 0 ? amount * 20 : ""];
    table[i + 1] = [date, name, amount, `M${id % 7}`];
  }
  return { customers, dates, amounts, managers, budgets, table };
}

/** The floor RETENTION_RATE is measured against: one loop, the same key and day normalisation. */
function minimalLoop({ customers, dates }: Orders): number {
  const offsetMs = 3 * 3_600_000;
  const firstTwo = new Map<string, [number, number]>();
  for (let i = 0; i < customers.length; i++) {
    const key = String(customers[i]![0]).trim().replace(/\s+/g, " ").toLowerCase();
    const day = Math.floor((dates[i]![0]!.getTime() + offsetMs) / 86_400_000);
    const seen = firstTwo.get(key);
    if (seen === undefined) firstTwo.set(key, [day, Infinity]);
    else if (day < seen[0]) [seen[1], seen[0]] = [seen[0], day];
    else if (day > seen[0] && day < seen[1]) seen[1] = day;
  }
  let returned = 0;
  for (const [, second] of firstTwo.values()) if (second !== Infinity) returned++;
  return returned / firstTwo.size;
}

const CASES: Record<string, (orders: Orders) => unknown> = {
  minimalLoop,
  RETENTION_RATE: ({ customers, dates }) => RETENTION_RATE(customers, dates),
  COHORT_MATRIX: ({ customers, dates }) => COHORT_MATRIX(customers, dates, "month", "rate"),
  // The health check's functions (issue 14: within 2× of RETENTION_RATE on the same rows).
  HEALTH_CHECK: ({ customers, dates, amounts, managers, budgets }) => HEALTH_CHECK(customers, dates, amounts, managers, "", "", budgets),
  REVENUE_SPLIT: ({ customers, dates, amounts }) => REVENUE_SPLIT(customers, dates, amounts),
  LAPSED_CUSTOMERS: ({ customers, dates, amounts, managers }) => LAPSED_CUSTOMERS(customers, dates, amounts, managers),
  AVERAGE_ORDER: ({ customers, dates, amounts }) => AVERAGE_ORDER(customers, dates, amounts),
  ACTIVE_CUSTOMERS: ({ customers, dates }) => ACTIVE_CUSTOMERS(customers, dates),
  SHARE_OF_WALLET: ({ customers, dates, amounts, budgets }) => SHARE_OF_WALLET(customers, dates, amounts, budgets),
  sidebarAnalysis: ({ table }) =>
    analyzeTable(table, {
      mapping: { date: 0, customer: 1, amount: 2, manager: 3 },
      headers: table[0] as string[],
      headerRow: 0,
      firstRowNumber: 1,
      locale: inputLocale("ru_RU", TIME_ZONE),
      settings: { target: 0.67, period: "month" },
    }).report,
};

const [caseName = "RETENTION_RATE", rowsText = "10000", repeatText = "5"] = process.argv.slice(2);
const bodies = caseName.split("+").map((name) => CASES[name] ?? fail(`unknown case ${name}`));
const orders = makeOrders(Number(rowsText));
customerKey(""); // load the core before timing
const inputRssMb = process.memoryUsage().rss / 2 ** 20;
const collectGarbage = (globalThis as { gc?: () => void }).gc ?? fail("run with node --expose-gc: each call starts on a collected heap");
const rounds: number[][] = [];
/** The last number a case returned, to show what was computed; no output is kept alive into the next call. */
let check: number | undefined;
for (let i = 0; i < Number(repeatText); i++) {
  // A pair swaps its order every round, so that neither always comes first.
  const order = bodies.map((_, k) => (i % 2 === 0 ? k : bodies.length - 1 - k));
  const times: number[] = [];
  for (const k of order) {
    collectGarbage();
    const start = performance.now();
    const output = bodies[k]!(orders);
    times[k] = performance.now() - start;
    if (typeof output === "number") check = output;
  }
  rounds.push(times);
}
console.log(
  JSON.stringify({
    case: caseName,
    rows: Number(rowsText),
    medianMs: median(rounds.map((times) => times[0]!)),
    mediansMs: bodies.map((_, k) => median(rounds.map((times) => times[k]!))),
    /** With two cases: the second's time ÷ the first's, median of the rounds. */
    ratio: median(rounds.map((times) => times[times.length - 1]! / times[0]!)),
    inputRssMb,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    check,
  }),
);

function fail(message: string): never {
  throw new Error(message);
}
