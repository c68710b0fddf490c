// An independent reference count over demo/orders.csv for the browser tests: written from the
// book's definition and issue 12's verdict, not from the add-on's code. Retention = customers with
// a purchase on a second, later day ÷ customers with a first purchase. Rows whose date cannot be
// read are left out. The demo has no negative amounts (refunds), so amounts are not read.

import { readFileSync } from "node:fs";

export interface DemoRow {
  /** Sheet row number: the header is row 1. */
  sheetRow: number;
  key: string;
  name: string;
  /** Days since 1970-01-01, or undefined for an unreadable date. */
  day: number | undefined;
  manager: string;
  dealType: string;
}

const DAY = 86_400_000;

function dayOf(text: string): number | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const dotted = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text);
  const [year, month, date] = iso ? [iso[1], iso[2], iso[3]] : dotted ? [dotted[3], dotted[2], dotted[1]] : [];
  if (year === undefined) return undefined;
  const ms = Date.UTC(Number(year), Number(month) - 1, Number(date));
  // 31.02.2023 rolls over to March in Date.UTC: such a date is unreadable.
  return new Date(ms).getUTCDate() === Number(date) && new Date(ms).getUTCMonth() === Number(month) - 1 ? ms / DAY : undefined;
}

export function readDemo(path: string): DemoRow[] {
  const lines = readFileSync(path, "utf8").trimEnd().split("\n");
  // The demo has no quoted fields (the generator quotes only fields with ; or "), so split is safe.
  if (lines.some((line) => line.includes('"'))) throw new Error("reference reader expects no quoted fields");
  return lines.slice(1).map((line, index) => {
    const [, date, customer, , manager, dealType] = line.split(";");
    return {
      sheetRow: index + 2,
      key: customer!.trim().replace(/\s+/g, " ").toLowerCase(),
      name: customer!.trim(),
      day: dayOf(date!.trim()),
      manager: manager!,
      dealType: dealType!,
    };
  });
}

interface Customer {
  first: number;
  days: Set<number>;
}

export interface Verdict {
  /** null when no month is old enough yet. */
  rate: number | null;
  newCustomers: number;
  returned: number;
  /** H: days within which a return counts, and a month must be over before it is judged. */
  horizon: number;
  /** The judged months, `2023-01` … `2023-12`, or null. */
  from: string | null;
  to: string | null;
  /** With nothing to judge: the day (`2022-03-20`) the orders must reach. */
  judgeableOn: string | null;
}

export interface Reference {
  /** All time: every customer, a return at any time. */
  newCustomers: number;
  returned: number;
  rate: number;
  verdict: Verdict;
  /** Sheet rows of customers whose first-purchase month is judged and below target. */
  weakRows: Set<number>;
  /** Sheet rows of the customers to win back: judged new customers not back within H, and lapsed ones. */
  winBackRows: Set<number>;
  /** Lapsed customers (health check, question 5). */
  lapsed: number;
  excludedRows: number;
}

export interface ReferenceOptions {
  /** Deal type left out (compared without case); the sidebar's default on the demo is "Project". */
  excludeDealType?: string;
  ordersStartWithBusiness?: boolean;
}

/** Months counted from year 0: January 2024 is 2024 × 12 + 0. */
function monthOf(day: number): number {
  const date = new Date(day * DAY);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

/** The day number of a month's last day: the day before the next month's first. */
function lastDayOf(month: number): number {
  return Date.UTC(Math.floor((month + 1) / 12), (month + 1) % 12, 1) / DAY - 1;
}

const monthLabel = (month: number): string => `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, "0")}`;
const isoDay = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);

/**
 * The verdict as issue 12 defines it, written out plainly: H is the 80th percentile (nearest
 * rank) of the days from first to second purchase, or 365 without returns; a month is judged when
 * its last day is at least H days before the latest order, it is not the data's first month, and
 * it is among the 12 latest such months; its customers count as back when they came back within H.
 */
export function reference(rows: readonly DemoRow[], target: number, options: ReferenceOptions = { excludeDealType: "Project" }): Reference {
  const customers = new Map<string, Customer>();
  let excludedRows = 0;
  let latest = -Infinity;
  for (const row of rows) {
    if (row.day === undefined || row.key === "") continue;
    if (options.excludeDealType !== undefined && row.dealType.toLowerCase() === options.excludeDealType.toLowerCase()) {
      excludedRows++;
      continue;
    }
    latest = Math.max(latest, row.day);
    const customer = customers.get(row.key) ?? { first: row.day, days: new Set<number>() };
    customer.first = Math.min(customer.first, row.day);
    customer.days.add(row.day);
    customers.set(row.key, customer);
  }
  const secondGap = (customer: Customer): number | undefined => {
    const later = [...customer.days].filter((day) => day > customer.first);
    return later.length ? Math.min(...later) - customer.first : undefined;
  };
  const gaps = [...customers.values()]
    .map(secondGap)
    .filter((gap): gap is number => gap !== undefined)
    .sort((a, b) => a - b);
  const horizon = gaps.length === 0 ? 365 : gaps[Math.ceil(0.8 * gaps.length) - 1]!;

  let lastJudged = monthOf(latest);
  while (lastDayOf(lastJudged) + horizon > latest) lastJudged--;
  const firstMonth = Math.min(...[...customers.values()].map((customer) => monthOf(customer.first)));
  const earliest = options.ordersStartWithBusiness ? firstMonth : firstMonth + 1;
  const firstJudged = Math.max(earliest, lastJudged - 11);

  const byMonth = new Map<number, { size: number; back: number }>();
  for (const customer of customers.values()) {
    const month = monthOf(customer.first);
    if (month < firstJudged || month > lastJudged) continue;
    const cohort = byMonth.get(month) ?? { size: 0, back: 0 };
    cohort.size++;
    const gap = secondGap(customer);
    if (gap !== undefined && gap <= horizon) cohort.back++;
    byMonth.set(month, cohort);
  }
  const judged = [...byMonth.values()].reduce((sum, c) => ({ size: sum.size + c.size, back: sum.back + c.back }), { size: 0, back: 0 });
  const nothingJudged = firstJudged > lastJudged;
  const verdict: Verdict = {
    rate: judged.size === 0 ? null : judged.back / judged.size,
    newCustomers: judged.size,
    returned: judged.back,
    horizon,
    from: nothingJudged ? null : monthLabel(firstJudged),
    to: nothingJudged ? null : monthLabel(lastJudged),
    judgeableOn: nothingJudged ? isoDay(lastDayOf(earliest) + horizon) : null,
  };
  // Whom to win back: judged new customers not back within H, and lapsed ones (docs/health-check.md:
  // gone more than twice their own average gap and more than the median of every gap between two
  // consecutive purchase days).
  const toWinBack = new Set<string>();
  for (const [key, customer] of customers) {
    const month = monthOf(customer.first);
    const gap = secondGap(customer);
    if (month >= firstJudged && month <= lastJudged && (gap === undefined || gap > horizon)) toWinBack.add(key);
  }
  const allGaps: number[] = [];
  for (const customer of customers.values()) {
    const days = [...customer.days].sort((a, b) => a - b);
    for (let i = 1; i < days.length; i++) allGaps.push(days[i]! - days[i - 1]!);
  }
  allGaps.sort((a, b) => a - b);
  const middle = allGaps.length / 2;
  const median = allGaps.length % 2 === 1 ? allGaps[Math.floor(middle)]! : (allGaps[middle - 1]! + allGaps[middle]!) / 2;
  let lapsed = 0;
  for (const [key, customer] of customers) {
    const days = [...customer.days].sort((a, b) => a - b);
    if (days.length < 2) continue;
    const usualGap = (days.at(-1)! - days[0]!) / (days.length - 1);
    const gone = latest - days.at(-1)!;
    if (gone > 2 * usualGap && gone > median) {
      toWinBack.add(key);
      lapsed++;
    }
  }
  const weakMonths = new Set([...byMonth].filter(([, c]) => c.back / c.size < target).map(([month]) => month));
  const weakRows = new Set(
    rows.filter((row) => customers.has(row.key) && weakMonths.has(monthOf(customers.get(row.key)!.first))).map((row) => row.sheetRow),
  );
  const returned = [...customers.values()].filter((customer) => secondGap(customer) !== undefined).length;
  const winBackRows = new Set(rows.filter((row) => toWinBack.has(row.key)).map((row) => row.sheetRow));
  return { newCustomers: customers.size, returned, rate: returned / customers.size, verdict, weakRows, winBackRows, lapsed, excludedRows };
}
