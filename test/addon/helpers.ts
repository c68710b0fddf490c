// Shared set-up for the add-on tests: a fake spreadsheet installed as the Apps Script globals.

import { afterEach } from "vitest";
import { analyzeSelection } from "../../src/addon/server";
import type { AnalysisRequest, RangeState } from "../../src/addon/sidebar-api";
import type { RetentionReport } from "../../src/core/report";
import { createFakeSheets, installFakeGlobals, type FakeOptions, type FakeSheets } from "../../src/fake-sheets";

const installed = new Set<string>();

/** Installs a fresh fake on globalThis (removed again after each test) and selects `a1`. */
export function useFake(options: FakeOptions, a1?: string): FakeSheets {
  const fake = createFakeSheets(options);
  installFakeGlobals(globalThis, fake);
  for (const name of Object.keys(fake.globals)) installed.add(name);
  if (a1 !== undefined) fake.select(a1);
  return fake;
}

afterEach(() => {
  for (const name of installed) delete (globalThis as Record<string, unknown>)[name];
  installed.clear();
});

/** `analyzeSelection` on a range whose columns need no confirming: a report, or the test fails. */
export function analyzed(request: AnalysisRequest): { range: RangeState; report: RetentionReport } {
  const { range, report } = analyzeSelection(request);
  if (report === null) throw new Error(`columns of ${range.rangeA1} wait to be confirmed: ${JSON.stringify(range.doubts)}`);
  return { range, report };
}

/** Midnight of a calendar day in Moscow (UTC+3, no DST since 2014): what a Sheets date cell holds. */
export function moscowDate(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day) - 3 * 3_600_000);
}

/**
 * The hand-computed order log (sheet rows 1–10). Moscow is UTC+3, so every date cell is the
 * previous day at 21:00 UTC: a reader that ignored the time zone would put Erin (1 Feb) in January.
 *
 *   row  date        customer  amount  manager
 *    2   2024-01-05  Alice     100     Kim      first purchase (January cohort)
 *    3   2024-01-10  Bob       200     Kim      first purchase (January)
 *    4   2024-01-20  Carol      50     Lee      first purchase (January), never back
 *    5   2024-06-30  Frank      70     Lee      first purchase (June), the last day of the data
 *    6   2024-02-04  alice     120     Kim      Alice again (same customer: case and spaces ignored)
 *    7   2024-02-15  Dan        80     Lee      first purchase (February)
 *    8   2024-02-01  Erin       90     Lee      first purchase (February), never back
 *    9   2024-03-10  Bob        60     Kim      Bob again
 *   10   2024-03-15  Dan        40     Lee      Dan again
 */
export const ORDER_LOG: unknown[][] = [
  ["Date", "Customer", "Amount", "Manager"],
  [moscowDate(2024, 1, 5), "Alice", 100, "Kim"],
  [moscowDate(2024, 1, 10), "Bob", 200, "Kim"],
  [moscowDate(2024, 1, 20), "Carol", 50, "Lee"],
  [moscowDate(2024, 6, 30), "Frank", 70, "Lee"],
  [moscowDate(2024, 2, 4), "  alice ", 120, "Kim"],
  [moscowDate(2024, 2, 15), "Dan", 80, "Lee"],
  [moscowDate(2024, 2, 1), "Erin", 90, "Lee"],
  [moscowDate(2024, 3, 10), "Bob", 60, "Kim"],
  [moscowDate(2024, 3, 15), "Dan", 40, "Lee"],
];

/** The same log as a Russian user types it: text dates 05.01.2024 and amounts with a decimal comma. */
export const RUSSIAN_ORDER_LOG: unknown[][] = [
  ["Дата заказа", "Клиент", "Сумма, руб.", "Менеджер"],
  ...ORDER_LOG.slice(1).map(([date, customer, amount, manager]) => {
    const d = new Date((date as Date).getTime() + 3 * 3_600_000);
    const text = `${String(d.getUTCDate()).padStart(2, "0")}.${String(d.getUTCMonth() + 1).padStart(2, "0")}.${d.getUTCFullYear()}`;
    return [text, customer, `${String(amount)},00`, manager];
  }),
];

/**
 * `count` orders over two years: regulars who buy about three times, and every tenth order from a
 * one-off customer, so that every cohort has some who never came back.
 */
export function generatedOrders(count: number): unknown[][] {
  const rows: unknown[][] = [["Date", "Customer", "Amount"]];
  const regulars = Math.max(1, Math.floor(count / 3));
  for (let i = 0; i < count; i++) {
    const customer = i % 10 === 0 ? `One-off ${i}` : `Customer ${i % regulars}`;
    rows.push([moscowDate(2023, 1, 1 + ((i * 7) % 700)), customer, 10 + (i % 90)]);
  }
  return rows;
}

/** The log with a "Deal type" column: `types` by sheet row, "Regular" elsewhere. */
export function withDealTypes(log: readonly unknown[][], types: Record<number, string>): unknown[][] {
  return log.map((row, index) => [...row, index === 0 ? "Deal type" : (types[index + 1] ?? "Regular")]);
}
