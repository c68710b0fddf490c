// The health check through every surface that has it: HEALTH_CHECK and the sidebar's server as the
// built dist/Code.js runs them (node:vm, in-memory Sheets), and the built command line on the same
// orders written to a CSV file, on one generated log with managers, budgets and an initiated-by
// column. The same orders and settings must give the same eight answers, word for word. `npm test`
// builds dist/ and build/ first; alone, run `npm run build`.

import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { HealthCheck } from "../../src/core/health/health-check";
import { createFakeSheets } from "../../src/fake-sheets";
import { seededRandom } from "../../src/lib/seeded-random";
import { healthAnswers } from "../../src/presentation/health-check";
import { loadCodeJs } from "../support/apps-script-context";
import { builtCli } from "../support/built-cli";
import { CHILD_TIMEOUT_MS } from "../support/child-timeout";

type Fn = (...args: unknown[]) => any;

interface Order {
  date: string;
  customer: string;
  amount: number;
  manager: string;
  budget: number | "";
  initiatedBy: string;
}

/**
 * Three years of orders by 300 customers, rows shuffled: one to six purchases each, a budget on
 * some customers' first row, and "outbound" on about a third of the orders.
 */
function orderLog(seed: number): Order[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const start = Date.UTC(2022, 0, 1);
  const end = Date.UTC(2024, 11, 31);
  const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
  const orders: Order[] = [];
  for (let c = 0; c < 300; c++) {
    const manager = pick(["Ира", "Олег", "Kim", "Sam"]);
    let at = start + Math.floor(random() * 1000) * 86_400_000;
    const purchases = 1 + Math.floor(random() * random() * 6);
    for (let p = 0; p < purchases && at <= end; p++) {
      const amount = Math.round(random() * 20_000) / 100 + 5;
      const budget = p === 0 && random() < 0.4 ? Math.round(amount * (4 + random() * 8)) : "";
      orders.push({
        date: iso(at),
        customer: `Customer ${c}`,
        amount,
        manager,
        budget,
        initiatedBy: random() < 0.35 ? "outbound" : "inbound",
      });
      at += (5 + Math.floor(random() * 150)) * 86_400_000;
    }
  }
  return orders.sort(() => random() - 0.5);
}

const HEADER = ["Date", "Customer", "Amount", "Manager", "Budget", "Initiated by"];
const utcMidnight = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

function viaFunction(orders: readonly Order[]): unknown[][] {
  const code = loadCodeJs(createFakeSheets({ locale: "en_US", timeZone: "UTC", sheets: { Orders: [HEADER] } })) as Record<string, Fn>;
  const column = (read: (o: Order) => unknown): unknown[][] => orders.map((o) => [read(o)]);
  return code.HEALTH_CHECK!(
    column((o) => o.customer),
    column((o) => utcMidnight(o.date)),
    column((o) => o.amount),
    column((o) => o.manager),
    "",
    "",
    column((o) => o.budget),
    column((o) => o.initiatedBy),
  );
}

function viaSidebar(orders: readonly Order[]): HealthCheck {
  const rows = orders.map((o) => [utcMidnight(o.date), o.customer, o.amount, o.manager, o.budget, o.initiatedBy]);
  const fake = createFakeSheets({ locale: "en_US", timeZone: "UTC", sheets: { Orders: [HEADER, ...rows] } });
  fake.select("Orders!B2");
  const code = loadCodeJs(fake) as Record<string, Fn>;
  const state = JSON.parse(JSON.stringify(code.getSidebarState!()));
  const request = { sheetName: state.sheetName, rangeA1: state.rangeA1, mapping: state.mapping, settings: state.settings };
  return JSON.parse(JSON.stringify(code.analyzeSelection!(request).report.healthCheck));
}

/** The command line's JSON health check of the orders as a CSV export, in English. */
function viaCommandLine(orders: readonly Order[]): { verdict: string; answer: string }[] {
  const file = join(mkdtempSync(join(tmpdir(), "health-agreement-")), "orders.csv");
  const line = (o: Order): string => [o.date, o.customer, o.amount, o.manager, o.budget, o.initiatedBy].join(",");
  writeFileSync(file, [HEADER.join(","), ...orders.map(line)].join("\n"));
  const json = execFileSync(process.execPath, [builtCli(), "report", file, "--json"], {
    encoding: "utf8",
    env: { ...process.env, LANG: "en_US.UTF-8", LC_ALL: "", LANGUAGE: "" },
    timeout: CHILD_TIMEOUT_MS,
  });
  return JSON.parse(json).healthCheck.questions;
}

describe("one health check on every surface", () => {
  const orders = orderLog(14);

  it("gives the same eight answers from HEALTH_CHECK and the sidebar", () => {
    const check = viaSidebar(orders);
    const fromSidebar = healthAnswers(check, "en").map((a) => [a.question, a.verdictLabel, a.sentence]);
    const fromFunction = JSON.parse(JSON.stringify(viaFunction(orders))).slice(1);
    expect(fromFunction).toEqual(fromSidebar);
    // Answers to compare: the log has what every question needs, so a slip of one rule would show.
    const verdicts = check.questions.map((q) => q.verdict);
    expect(verdicts.filter((v) => v === "needsData")).toEqual([]);
  });

  it("gives the same eight answers from the command line, on the orders as a CSV file", () => {
    const fromSidebar = healthAnswers(viaSidebar(orders), "en").map((a) => [a.verdict, a.sentence]);
    expect(viaCommandLine(orders).map((q) => [q.verdict, q.answer])).toEqual(fromSidebar);
  });
});
