// An independent reference count over demo/orders.csv for the browser tests: written from the
// book's definition, not from the add-on's code. Retention = customers with a purchase on a
// second, later day ÷ customers with a first purchase. Rows whose date cannot be read are left out.

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

export interface Reference {
  newCustomers: number;
  returned: number;
  rate: number;
  /** Sheet rows of customers whose first-purchase month is below target and old enough to judge. */
  weakRows: Set<number>;
  excludedRows: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Month index and the day after the month ends, from a day number. */
function monthOf(day: number): { month: string; nextMonthDay: number } {
  const date = new Date(day * DAY);
  return {
    month: `${date.getUTCFullYear()}-${date.getUTCMonth()}`,
    nextMonthDay: Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) / DAY,
  };
}

export function reference(rows: readonly DemoRow[], target: number, excludeDealType?: string): Reference {
  const customers = new Map<string, Customer>();
  let excludedRows = 0;
  let latest = -Infinity;
  for (const row of rows) {
    if (row.day === undefined || row.key === "") continue;
    if (excludeDealType !== undefined && row.dealType.toLowerCase() === excludeDealType.toLowerCase()) {
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
  const gaps = [...customers.values()].map(secondGap).filter((gap): gap is number => gap !== undefined);
  // A month is judged once its customers had the median time to come back after its last day.
  const maturity = median(gaps);
  const byMonth = new Map<string, { size: number; back: number; lastDay: number }>();
  for (const customer of customers.values()) {
    const { month, nextMonthDay } = monthOf(customer.first);
    const cohort = byMonth.get(month) ?? { size: 0, back: 0, lastDay: nextMonthDay - 1 };
    cohort.size++;
    if (secondGap(customer) !== undefined) cohort.back++;
    byMonth.set(month, cohort);
  }
  const weakMonths = new Set(
    [...byMonth].filter(([, c]) => c.lastDay + maturity <= latest && c.back / c.size < target).map(([month]) => month),
  );
  const weakRows = new Set(
    rows.filter((row) => customers.has(row.key) && weakMonths.has(monthOf(customers.get(row.key)!.first).month)).map((row) => row.sheetRow),
  );
  const returned = [...customers.values()].filter((customer) => secondGap(customer) !== undefined).length;
  return { newCustomers: customers.size, returned, rate: returned / customers.size, weakRows, excludedRows };
}
