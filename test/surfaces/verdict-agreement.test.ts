// One order log through every surface: the custom function and the sidebar's server as the built
// dist/Code.js runs them (node:vm, in-memory Sheets), and the command line on the same rows as a
// CSV file. For the same orders and settings they must give the same judged verdict (issue 12).
// `npm test` builds dist/ first; alone, run `npm run build`.

import { describe, expect, it } from "vitest";
import { createFakeSheets } from "../../src/fake-sheets";
import { seededRandom } from "../../src/lib/seeded-random";
import { loadCodeJs } from "../support/apps-script-context";
import { json, tempDir, writeFixture } from "../cli/helpers";

type Fn = (...args: unknown[]) => any;

interface Order {
  date: string;
  customer: string;
  amount: number;
  manager: string;
  dealType: string;
}

/**
 * Two years of orders by 400 customers: one to four purchases each, gaps of 1 to 240 days, one
 * order in ten a one-off project deal, one purchase in twelve refunded a few days later. Rows are
 * shuffled, so no surface can lean on date order.
 */
function orderLog(seed: number): Order[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const start = Date.UTC(2023, 0, 1);
  const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
  const orders: Order[] = [];
  for (let c = 0; c < 400; c++) {
    const customer = `Customer ${c}`;
    const manager = pick(["Ира", "Олег", "Kim"]);
    let at = start + Math.floor(random() * 700) * 86_400_000;
    const purchases = 1 + Math.floor(random() * random() * 4);
    for (let p = 0; p < purchases && at < Date.UTC(2024, 11, 31); p++) {
      const amount = Math.round(random() * 9_000) / 100 + 1;
      orders.push({ date: iso(at), customer, amount, manager, dealType: random() < 0.1 ? "Project" : "Retail" });
      if (random() < 1 / 12) orders.push({ date: iso(at + 3 * 86_400_000), customer, amount: -amount, manager, dealType: "Retail" });
      at += (1 + Math.floor(random() * 240)) * 86_400_000;
    }
  }
  return orders.sort(() => random() - 0.5);
}

const HEADER = ["Date", "Customer", "Amount", "Manager", "Deal type"];

/** A date cell as Sheets holds it: local midnight in the spreadsheet's zone (Moscow, UTC+3). */
const moscowMidnight = (iso: string): Date => new Date(Date.parse(`${iso}T00:00:00Z`) - 3 * 3_600_000);

interface Settings {
  withinDays?: number;
  ordersStartWithBusiness?: boolean;
}

function viaFunction(orders: readonly Order[], settings: Settings): number {
  const code = loadCodeJs(createFakeSheets({ sheets: { Orders: [HEADER] } })) as Record<string, Fn>;
  const column = (read: (o: Order) => unknown): unknown[][] => orders.map((o) => [read(o)]);
  return code.JUDGED_RETENTION!(
    column((o) => o.customer),
    column((o) => moscowMidnight(o.date)),
    column((o) => o.amount),
    column((o) => o.dealType),
    "Project",
    "month",
    settings.withinDays ?? "",
    settings.ordersStartWithBusiness ?? false,
  );
}

function viaSidebar(orders: readonly Order[], settings: Settings) {
  const rows = orders.map((o) => [moscowMidnight(o.date), o.customer, o.amount, o.manager, o.dealType]);
  const fake = createFakeSheets({ sheets: { Orders: [HEADER, ...rows] } });
  fake.select("Orders!B2");
  const code = loadCodeJs(fake) as Record<string, Fn>;
  const state = JSON.parse(JSON.stringify(code.getSidebarState!()));
  const request = {
    sheetName: state.sheetName,
    rangeA1: state.rangeA1,
    mapping: state.mapping,
    settings: {
      ...state.settings,
      withinDays: settings.withinDays ?? null,
      ordersStartWithBusiness: settings.ordersStartWithBusiness ?? false,
    },
  };
  return code.analyzeSelection!(request).report.verdict;
}

async function viaCli(orders: readonly Order[], settings: Settings) {
  const csv = [HEADER, ...orders.map((o) => [o.date, o.customer, o.amount, o.manager, o.dealType])].map((r) => r.join(",")).join("\n");
  const file = writeFixture(tempDir(), "orders.csv", `${csv}\n`);
  const flags = [
    ...(settings.withinDays === undefined ? [] : ["--within-days", String(settings.withinDays)]),
    ...(settings.ordersStartWithBusiness ? ["--orders-start-with-business"] : []),
  ];
  return (await json(["report", file, ...flags])).verdict;
}

describe("one verdict on every surface", () => {
  const orders = orderLog(12);

  it.each<[string, Settings]>([
    ["the defaults", {}],
    ["returns within 60 days, the orders starting with the business", { withinDays: 60, ordersStartWithBusiness: true }],
  ])("gives the same judged verdict from the function, the sidebar and the CLI: %s", async (_name, settings) => {
    const sidebar = viaSidebar(orders, settings);
    const cli = await viaCli(orders, settings);
    const fields = ["rate", "firstPurchases", "secondPurchases", "horizonDays", "fromPeriod", "toPeriod"] as const;
    const pickFields = (v: Record<string, unknown>) => Object.fromEntries(fields.map((f) => [f, v[f]]));
    expect(pickFields(cli)).toEqual(pickFields(sidebar));
    expect(viaFunction(orders, settings)).toBe(sidebar.rate);
    // A verdict to compare: enough judged new customers that a slip of one rule would show.
    expect(sidebar.firstPurchases).toBeGreaterThan(50);
  });
});
