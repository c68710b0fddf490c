// Generates demo/orders.csv, the preview's order log: `npx tsx src/preview/demo-orders.ts`.
// Seeded, so the file is the same on every run. Three years of orders (2022–2024) so that cohorts
// mature; Russian and English customers and managers; amounts as `1 234,56` or `1234.56`; dates as
// `05.03.2024` or `2024-03-05`; one-off project deals; two managers whose new customers rarely come
// back; a customer whose name is an HTML injection attempt; and a few rows with unreadable dates.

import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { seededRandom } from "../lib/seeded-random";

const OUTPUT = join(dirname(fileURLToPath(import.meta.url)), "../../demo/orders.csv");
const FIRST_DAY = Date.UTC(2022, 0, 1);
const LAST_DAY = Date.UTC(2024, 11, 31);
const DAY_MS = 86_400_000;
const NEW_CUSTOMERS_PER_MONTH = 32;
const PROJECT_SHARE = 0.12;

/** Chance that a manager's new customer comes back: two managers are far below the 67 % rule. */
const MANAGERS: readonly { name: string; returns: number }[] = [
  { name: "Анна Смирнова", returns: 0.84 },
  { name: "Kate Miller", returns: 0.8 },
  { name: "Игорь Петров", returns: 0.42 },
  { name: "John Brooks", returns: 0.5 },
  { name: "Ольга Ким", returns: 0.74 },
];

const RU_ADJECTIVES = [
  "Северный",
  "Добрый",
  "Быстрый",
  "Новый",
  "Первый",
  "Русский",
  "Зелёный",
  "Волжский",
  "Уральский",
  "Светлый",
  "Точный",
  "Главный",
  "Сибирский",
  "Честный",
  "Тёплый",
  "Крепкий",
];
const RU_NOUNS = [
  "Альянс",
  "Вектор",
  "Ветер",
  "Дом",
  "Мост",
  "Маяк",
  "Сад",
  "Фактор",
  "Ресурс",
  "Стандарт",
  "Путь",
  "Берег",
  "Квартал",
  "Кедр",
  "Полюс",
  "Ключ",
];
const RU_SURNAMES = [
  "Иванов",
  "Кузнецов",
  "Соколов",
  "Попов",
  "Лебедев",
  "Козлов",
  "Новиков",
  "Морозов",
  "Волков",
  "Соловьёв",
  "Васильев",
  "Зайцев",
  "Павлов",
  "Семёнов",
  "Голубев",
  "Виноградов",
  "Богданов",
  "Воробьёв",
  "Фёдоров",
  "Михайлов",
];
const INITIALS = ["А. В.", "Д. С.", "Е. Н.", "И. П.", "М. А.", "О. Г.", "С. К.", "Т. Ю."];
const EN_WORDS = [
  "Acme",
  "Blue River",
  "Northwind",
  "Summit",
  "Greenleaf",
  "Harbor",
  "Silverline",
  "Oakwood",
  "Brightside",
  "Redstone",
  "Pioneer",
  "Lakeside",
  "Granite",
  "Maple",
  "Sterling",
  "Westfield",
];
const EN_NOUNS = ["Foods", "Logistics", "Studio", "Supplies", "Systems", "Bakery", "Motors", "Print", "Labs", "Textiles"];
const EN_SUFFIXES = ["Ltd", "LLC", "Inc.", "GmbH"];

const INJECTION_NAME = "<img src=x onerror=alert(1)>";
const BAD_DATES = ["31.02.2023", "вчера", "n/a", "2023-13-01", "", "15/15/2023"];

const random = seededRandom(20240305);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const chance = (probability: number): boolean => random() < probability;
/** Days until the next purchase: mostly within two months, with a long tail. */
const gapDays = (): number => 5 + Math.round(-Math.log(1 - random()) * 45);

function namePool(): string[] {
  const names = new Set<string>();
  for (const form of ["ООО", "АО"]) {
    for (const adjective of RU_ADJECTIVES) for (const noun of RU_NOUNS) names.add(`${form} «${adjective} ${noun}»`);
  }
  for (const surname of RU_SURNAMES) for (const initials of INITIALS) names.add(`ИП ${surname} ${initials}`);
  for (const suffix of EN_SUFFIXES) {
    for (const word of EN_WORDS) for (const noun of EN_NOUNS) names.add(`${word} ${noun} ${suffix}`);
  }
  const pool = [...names];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool;
}

interface Order {
  day: number;
  customer: string;
  amount: number;
  manager: string;
  dealType: "Standard" | "Project";
  /** Written in place of the date, for the rows meant to be unreadable. */
  badDate?: string;
}

/** Now and then the same customer is typed differently: extra spaces or another case. */
function retyped(name: string): string {
  if (!chance(0.04)) return name;
  return chance(0.5) ? name.toUpperCase() : ` ${name.replace(" ", "  ")} `;
}

function customerOrders(name: string, firstDay: number, manager: (typeof MANAGERS)[number]): Order[] {
  const project = chance(PROJECT_SHARE);
  const orders: Order[] = [
    {
      day: firstDay,
      customer: name,
      manager: manager.name,
      dealType: project ? "Project" : "Standard",
      amount: project ? 150_000 + random() * 750_000 : 3_000 + random() * 40_000,
    },
  ];
  // One-off projects rarely lead anywhere; regular customers return at their manager's rate.
  let returns = chance(project ? 0.15 : manager.returns);
  let day = firstDay;
  while (returns) {
    day += gapDays() * DAY_MS;
    if (day > LAST_DAY) break;
    orders.push({ day, customer: retyped(name), manager: manager.name, dealType: "Standard", amount: 2_000 + random() * 30_000 });
    returns = chance(0.6);
  }
  return orders;
}

function demoOrders(): Order[] {
  const names = namePool();
  const orders: Order[] = [];
  for (let month = 0; month < 36; month++) {
    const monthStart = Date.UTC(2022, month, 1);
    const monthDays = (Date.UTC(2022, month + 1, 1) - monthStart) / DAY_MS;
    const newCustomers = NEW_CUSTOMERS_PER_MONTH + Math.round((random() - 0.5) * 10);
    for (let i = 0; i < newCustomers; i++) {
      const firstDay = monthStart + Math.floor(random() * monthDays) * DAY_MS;
      orders.push(...customerOrders(names.pop()!, firstDay, pick(MANAGERS)));
    }
  }
  // Shown as text, never run: the sidebar and the grid must print this name literally.
  orders.push({ day: Date.UTC(2023, 2, 10), customer: INJECTION_NAME, manager: "John Brooks", dealType: "Standard", amount: 990_000 });
  for (const badDate of BAD_DATES) {
    orders.push({
      day: FIRST_DAY + Math.floor(random() * 1000) * DAY_MS,
      customer: pick(orders).customer.trim(),
      manager: pick(MANAGERS).name,
      dealType: "Standard",
      amount: 5_000,
      badDate,
    });
  }
  return orders.filter((order) => order.day <= LAST_DAY).sort((a, b) => a.day - b.day);
}

function formatDate(day: number): string {
  const iso = new Date(day).toISOString().slice(0, 10);
  if (chance(0.5)) return iso;
  const [year, month, date] = iso.split("-");
  return `${date}.${month}.${year}`;
}

/** `1 234,56` (Russian style, space grouping) or `1234.56`. */
function formatAmount(amount: number): string {
  const fixed = amount.toFixed(2);
  if (chance(0.5)) return fixed;
  const [whole, cents] = fixed.split(".");
  return `${whole!.replace(/\B(?=(\d{3})+$)/g, " ")},${cents}`;
}

function csvField(text: string): string {
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function demoCsv(): string {
  const lines = ["Order;Order date;Customer;Amount;Manager;Deal type"];
  demoOrders().forEach((order, index) => {
    const fields = [
      `A-${String(index + 1).padStart(5, "0")}`,
      order.badDate ?? formatDate(order.day),
      order.customer,
      formatAmount(order.amount),
      order.manager,
      order.dealType,
    ];
    lines.push(fields.map(csvField).join(";"));
  });
  return `${lines.join("\n")}\n`;
}

writeFileSync(OUTPUT, demoCsv());
console.log(`wrote ${OUTPUT}`);
