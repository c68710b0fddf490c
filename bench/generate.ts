// A deterministic (seeded) order log for the benchmarks: 1,000,000 orders by 200,000 customers
// over three years, sorted by date as exports are, with English and Russian names and a few
// companies whose quoted names contain quotes. Written three times: UTF-8 with commas and ISO dates;
// Windows-1251 with semicolons, dotted dates and decimal commas (a Russian Excel export); and UTF-8
// with a manager column and the rows in random order, so that no customer's orders sit together
// (a CRM export sorted by something else: the shape the speed floors must hold on too).

import { createWriteStream, existsSync, mkdirSync, statSync } from "node:fs";
import { once } from "node:events";
import { join } from "node:path";
import { encodeWindows1251 } from "./cp1251";
import { civilFromDay } from "../src/core/calendar";
import { seededRandom as random } from "../src/lib/seeded-random";

export const ORDERS = 1_000_000;
export const CUSTOMERS = 200_000;
const FIRST_DAY = Date.UTC(2022, 0, 1) / 86_400_000;
const DAYS = 3 * 365;

const EN_FIRST = ["James", "Mary", "John", "Linda", "Robert", "Emma", "David", "Olivia", "Peter", "Sarah"];
const EN_LAST = ["Smith", "Brown", "Taylor", "Wilson", "Clark", "Hall", "Young", "King", "Wright", "Green"];
const RU_FIRST = ["Иван", "Мария", "Алексей", "Ольга", "Сергей", "Анна", "Дмитрий", "Елена", "Пётр", "Наталья"];
const RU_LAST = ["Иванов", "Смирнов", "Кузнецов", "Попов", "Соколов", "Лебедев", "Козлов", "Новиков", "Морозов", "Волков"];
const COMPANIES = ["Ромашка", "Вектор", "Northwind", "Acme", "Спектр"];

export interface Order {
  /** Epoch day. */
  day: number;
  customer: number;
  cents: number;
}

function customerName(id: number, pick: () => number): string {
  const kind = pick();
  const any = (list: readonly string[]): string => list[Math.floor(pick() * list.length)]!;
  if (kind < 0.05) return `ООО "${any(COMPANIES)} ${id}"`;
  if (kind < 0.5) return `${any(EN_FIRST)} ${any(EN_LAST)} ${id}`;
  return `${any(RU_FIRST)} ${any(RU_LAST)} ${id}`;
}

/**
 * Orders sorted by day; about 40 % of customers buy once, the others come back every few months.
 * Customers are drawn in turn until there are `orderCount` orders (about five orders each).
 */
export function generateOrders(orderCount = ORDERS, customerCount = CUSTOMERS, seed = 42): { orders: Order[]; names: string[] } {
  const pick = random(seed);
  const names: string[] = [];
  const orders: Order[] = [];
  for (let customer = 0; orders.length < orderCount; customer = (customer + 1) % customerCount) {
    if (names.length === customer) names.push(customerName(customer + 1, pick));
    const first = FIRST_DAY + Math.floor(pick() * DAYS);
    const count = pick() < 0.4 ? 1 : 2 + Math.floor(-Math.log(1 - pick()) * 6);
    let day = first;
    for (let k = 0; k < count && orders.length < orderCount; k++) {
      orders.push({ day, customer, cents: 500 + Math.floor(-Math.log(1 - pick()) * 300_000) });
      day = Math.min(FIRST_DAY + DAYS - 1, day + 1 + Math.floor(-Math.log(1 - pick()) * 90));
    }
  }
  orders.sort((a, b) => a.day - b.day || a.customer - b.customer);
  return { orders, names };
}

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));

function civil(epochDay: number): { y: number; m: string; d: string } {
  const { year, month, day } = civilFromDay(epochDay);
  return { y: year, m: pad(month), d: pad(day) };
}

function csvField(text: string, delimiter: string): string {
  return text.includes('"') || text.includes(delimiter) ? `"${text.replaceAll('"', '""')}"` : text;
}

async function writeLines(path: string, lines: Iterable<string>, encode: (text: string) => Buffer): Promise<void> {
  const out = createWriteStream(path);
  let batch: string[] = [];
  for (const line of lines) {
    batch.push(line);
    if (batch.length === 10_000) {
      if (!out.write(encode(batch.join("")))) await once(out, "drain");
      batch = [];
    }
  }
  out.end(encode(batch.join("")));
  await once(out, "finish");
}

export interface BenchFiles {
  utf8: string;
  cp1251: string;
  managers: string;
}

const MANAGERS = ["Ирина Петрова", "Олег Смирнов", "Kim Lee", "Anna Berg", "Павел Орлов", "Sara Lind", "Игорь Петров", "Tom Hale"];

/** Writes both files into `dir` unless they are already there (they are deterministic). */
export async function benchFiles(dir: string): Promise<BenchFiles> {
  const files = { utf8: join(dir, "orders-utf8.csv"), cp1251: join(dir, "orders-1251.csv"), managers: join(dir, "orders-managers.csv") };
  if (Object.values(files).every((file) => existsSync(file) && statSync(file).size > 0)) return files;
  mkdirSync(dir, { recursive: true });
  const { orders, names } = generateOrders();
  const amount = (cents: number, separator: string): string => `${Math.floor(cents / 100)}${separator}${pad(cents % 100)}`;
  await writeLines(
    files.utf8,
    (function* () {
      yield "customer,date,amount\n";
      for (const o of orders) {
        const { y, m, d } = civil(o.day);
        yield `${csvField(names[o.customer]!, ",")},${y}-${m}-${d},${amount(o.cents, ".")}\n`;
      }
    })(),
    (text) => Buffer.from(text, "utf8"),
  );
  await writeLines(
    files.cp1251,
    (function* () {
      yield "Клиент;Дата;Сумма\r\n";
      for (const o of orders) {
        const { y, m, d } = civil(o.day);
        yield `${csvField(names[o.customer]!, ";")};${d}.${m}.${y};${amount(o.cents, ",")}\r\n`;
      }
    })(),
    encodeWindows1251,
  );
  const pick = random(7);
  const shuffled = [...orders];
  for (let k = shuffled.length - 1; k > 0; k--) {
    const j = Math.floor(pick() * (k + 1));
    [shuffled[k], shuffled[j]] = [shuffled[j]!, shuffled[k]!];
  }
  await writeLines(
    files.managers,
    (function* () {
      yield "customer,date,amount,manager\n";
      for (const o of shuffled) {
        const { y, m, d } = civil(o.day);
        yield `${csvField(names[o.customer]!, ",")},${y}-${m}-${d},${amount(o.cents, ".")},${MANAGERS[o.customer % MANAGERS.length]}\n`;
      }
    })(),
    (text) => Buffer.from(text, "utf8"),
  );
  return files;
}
