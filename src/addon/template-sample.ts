// Sample orders for the template, so the dashboard is alive at once. Generated from a fixed seed
// and a fixed calendar (two years up to SAMPLE_LAST_DAY), so every run writes the same orders and
// the dashboard's figures can be checked. Pure: no Apps Script here.

import { civilFromDay, dayFromCivil } from "../core/calendar";
import { SAMPLE_NAMES, type SampleNames } from "../i18n/template";
import { fill, type Language } from "../i18n/language";
import { seededRandom } from "../lib/seeded-random";

export const SAMPLE_LAST_DAY = dayFromCivil(2025, 12, 31);
const SAMPLE_DAYS = 730;
export const DEFAULT_SAMPLE_CUSTOMERS = 300;
const SEED = 20_240_301;
/**
 * The budgets and initiators come from a stream of their own: drawing them from SEED would shift
 * every later date, customer and amount, and the figures the template's tests check with them.
 */
const DETAILS_SEED = 20_251_231;

export interface SampleOrder {
  /** Epoch day. */
  day: number;
  customer: string;
  amount: number;
  manager: string;
  project: boolean;
  /** The customer's yearly budget, on their first order only (question 2 of the health check). */
  budget?: number;
  /** Who started the sale (question 7). */
  initiatedBy: InitiatedBy;
}

export type InitiatedBy = "outbound" | "inbound";

/** An order before its health-check details are drawn. */
type PlainOrder = Omit<SampleOrder, "initiatedBy" | "budget">;

/** Every company and person name once, shuffled; past the pool, names repeat with a number. */
function customerNames(names: SampleNames, count: number, random: () => number): string[] {
  const pool = [
    ...names.companyForms.flatMap((form) => names.companyStems.map((stem) => form.replace("{stem}", stem))),
    ...names.people.flatMap(({ given, family }) =>
      given.flatMap((g) => family.map((f) => fill(names.personPattern, { given: g, family: f }))),
    ),
    ...names.oddNames,
  ];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return Array.from({ length: count }, (_, i) => {
    const name = pool[i % pool.length]!;
    return i < pool.length ? name : `${name} ${Math.floor(i / pool.length) + 1}`;
  });
}

// Each manager keeps new customers at a different rate: the dashboard then shows months on both
// sides of 67 %, as real data does.
const RETURN_CHANCE_BY_MANAGER = [0.88, 0.72, 0.5] as const;
// One-off project deals, which the Dashboard leaves out: some customers come only for a project,
// and some regular customers order a project later, which would pass for a return if counted.
const PROJECT_SHARE = 0.04;
const LATER_PROJECT_SHARE = 0.15;
const PROJECT_SIZE = 12;
const MEAN_DAYS_BETWEEN_ORDERS = 50;
const MORE_ORDERS_CHANCE = 0.55;

/** A typical order: dollars in English, roubles (about 90 times more) in Russian. */
function orderAmount(language: Language, base: number, random: () => number): number {
  const scale = language === "ru" ? 90 : 1;
  return Math.round((base * (0.7 + 0.6 * random()) * scale) / 10) * 10;
}

/** Orders of `customers` customers, oldest first; the business grows a little over the two years. */
export function sampleOrders(language: Language, customers = DEFAULT_SAMPLE_CUSTOMERS): SampleOrder[] {
  return withHealthDetails(plainOrders(language, customers), SAMPLE_NAMES[language].managers);
}

function plainOrders(language: Language, customers: number): PlainOrder[] {
  const random = seededRandom(SEED);
  const names = SAMPLE_NAMES[language];
  const firstDay = SAMPLE_LAST_DAY - SAMPLE_DAYS + 1;
  const orders: PlainOrder[] = [];
  for (const customer of customerNames(names, customers, random)) {
    const managerIndex = Math.floor(random() * names.managers.length);
    const manager = names.managers[managerIndex]!;
    // The power skews first purchases towards the later months: a growing business.
    let day = firstDay + Math.floor(random() ** 0.8 * SAMPLE_DAYS);
    const base = 40 + Math.round(random() * random() * 900);
    if (random() < PROJECT_SHARE) {
      orders.push({ day, customer, amount: orderAmount(language, base * PROJECT_SIZE, random), manager, project: true });
      continue;
    }
    orders.push({ day, customer, amount: orderAmount(language, base, random), manager, project: false });
    let comesBack = random() < (RETURN_CHANCE_BY_MANAGER[managerIndex] ?? 0.6);
    while (comesBack) {
      day += 1 + Math.floor(-Math.log(1 - random()) * MEAN_DAYS_BETWEEN_ORDERS);
      if (day > SAMPLE_LAST_DAY) break;
      const project = random() < LATER_PROJECT_SHARE;
      orders.push({ day, customer, amount: orderAmount(language, project ? base * PROJECT_SIZE : base, random), manager, project });
      comesBack = random() < MORE_ORDERS_CHANCE;
    }
  }
  return orders.sort((a, b) => a.day - b.day);
}

// The managers start sales at different rates too, so that question 7 is not the same for all.
const OUTBOUND_CHANCE_BY_MANAGER = [0.6, 0.4, 0.15] as const;
const BUDGET_SHARE = 0.4;
/** A budget is the customer's busiest calendar year of regular orders times 1.2 … 2: a bit above what they spend. */
const BUDGET_HEADROOM = { least: 1.2, spread: 0.8 } as const;

/**
 * Adds who started each sale, and a yearly budget on the first order of some customers, from
 * DETAILS_SEED. Orders come oldest first, so a customer's first order is the first one seen.
 */
function withHealthDetails(orders: PlainOrder[], managers: readonly string[]): SampleOrder[] {
  const random = seededRandom(DETAILS_SEED);
  const busiestYear = busiestYearSpend(orders);
  const seen = new Set<string>();
  return orders.map((order) => {
    const outboundChance = OUTBOUND_CHANCE_BY_MANAGER[managers.indexOf(order.manager)]!;
    const initiatedBy: InitiatedBy = random() < outboundChance ? "outbound" : "inbound";
    const first = !seen.has(order.customer);
    seen.add(order.customer);
    // A budget on a project row would be left out with the row: only regular customers get one.
    if (!first || order.project || random() >= BUDGET_SHARE) return { ...order, initiatedBy };
    const headroom = BUDGET_HEADROOM.least + BUDGET_HEADROOM.spread * random();
    const budget = Math.round((busiestYear.get(order.customer)! * headroom) / 100) * 100;
    return { ...order, initiatedBy, budget };
  });
}

/** Each customer's largest sum of regular orders in one calendar year: what a budget is measured against. */
function busiestYearSpend(orders: readonly PlainOrder[]): Map<string, number> {
  const byYear = new Map<string, Map<number, number>>();
  for (const order of orders) {
    if (order.project) continue;
    const years = byYear.get(order.customer) ?? new Map<number, number>();
    const year = civilFromDay(order.day).year;
    byYear.set(order.customer, years.set(year, (years.get(year) ?? 0) + order.amount));
  }
  return new Map([...byYear].map(([customer, years]) => [customer, Math.max(...years.values())]));
}
