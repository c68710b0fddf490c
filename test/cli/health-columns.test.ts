// The command line reads the health check's own columns (budget, initiated by, email or phone) as
// the sidebar does: questions 2 and 7 are answered, the call list has contacts, and values it
// cannot read are counted and shown beside their question. Every way a row can travel (the fast
// path, the core's slow path for odd rows, one thread or two, small chunks) gives the sidebar's
// figures.

import { describe, expect, it } from "vitest";
import { analyzeTable } from "../../src/core/analyze-table";
import type { HealthCheck } from "../../src/core/health/health-check";
import { parseInvocation } from "../../src/cli/options";
import { renderText } from "../../src/cli/render-text";
import { runReport, type ReportIo } from "../../src/cli/report-command";
import { CsvScanner } from "../../src/files/csv-scanner";
import { fieldDecoder, recordTexts } from "../../src/files/fields";
import { seededRandom } from "../../src/lib/seeded-random";
import { queuedCounter, tempDir, writeFixture } from "./helpers";

async function cliReport(csv: string, io: ReportIo = {}, threads: 1 | 2 = 1) {
  const file = writeFixture(tempDir(), "orders.csv", Buffer.from(csv));
  const invocation = parseInvocation(["report", file, "--locale", "ru_RU", "--threads", String(threads)], {});
  if (invocation.kind !== "report") throw new Error("not a report");
  return runReport(invocation.options, io);
}

const question = (check: HealthCheck | undefined, id: number) => check!.questions.find((q) => q.id === id)!;

describe("the command line's health check with a budget, an initiated-by and a phone column", () => {
  // Worked by hand. Rows 2–5 (line 1 is the header); the latest day is 01.12.2024.
  //   Anna:  10.01.2024 and 10.03.2024; budget 1 000 then «много» (unreadable: 1 000 stays);
  //          outbound, then inbound. Gone 266 days > 2 × her 60-day gap and > the median gap: lapsed.
  //   Boris: 01.02.2024, initiated by «партнер» (a value no rule knows).
  //   Vera:  01.12.2024, «Исходящий звонок» (outbound, first word).
  // Q7: the company started 2 of the 4 purchases of the last 12 months: 50 %, "good" (from 50 %).
  // Q2: Anna alone has a budget: 300 of 1 000 = 30 %, "bad" (below 50 %).
  const csv = [
    "Клиент;Дата;Сумма;Бюджет;Инициатор;Телефон",
    "Анна;10.01.2024;100;1 000;Исходящий;+7 900 000-00-01",
    "Анна;10.03.2024;200;много;Входящий;",
    "Борис;01.02.2024;50;;партнер;",
    "Вера;01.12.2024;70;;Исходящий звонок;",
    "",
  ].join("\n");

  it("answers questions 2 and 7 and shows the values it could not read", async () => {
    const { report, layout } = await cliReport(csv);
    expect(layout.healthColumns).toEqual({ budget: 3, initiatedBy: 4, contact: 5 });
    expect(report.healthCheck!.columns).toEqual({ budget: "Бюджет", initiatedBy: "Инициатор", contact: "Телефон" });
    const started = question(report.healthCheck, 7);
    expect(started.verdict).toBe("good");
    expect(started.figures).toMatchObject({ startedShare: 0.5, startedByCompany: 2, purchases: 4 });
    expect(started.unread).toEqual({ count: 1, row: 4, value: "партнер" });
    const wallet = question(report.healthCheck, 2);
    expect(wallet.verdict).toBe("bad");
    expect(wallet.figures).toMatchObject({ shareOfWallet: 0.3, customers: 1 });
    expect(wallet.unread).toEqual({ count: 1, row: 3, value: "много" });
  });

  it("names the three columns where the text report lists the columns read", async () => {
    const outcome = await cliReport(csv);
    expect(renderText(outcome, "ru", false)).toContain(
      "\nСтолбцы: Клиент = Клиент, Дата = Дата, Сумма = Сумма, Бюджет = Бюджет, Инициатор = Инициатор, Контакт = Телефон\n",
    );
  });

  it("puts the phone on the lapsed customer's line of the call list", async () => {
    const { report } = await cliReport(csv);
    expect(report.healthCheck!.lapsed.customers.map((c) => [c.name, c.contact])).toEqual([["Анна", "+7 900 000-00-01"]]);
  });

  it("reads no such column with --no-health", async () => {
    const file = writeFixture(tempDir(), "orders.csv", Buffer.from(csv));
    const invocation = parseInvocation(["report", file, "--locale", "ru_RU", "--no-health"], {});
    if (invocation.kind !== "report") throw new Error("not a report");
    const { report } = await runReport(invocation.options);
    expect(report.healthCheck).toBeUndefined();
    expect(report.customers).toBe(3);
  });
});

/** A log with the three columns, plain rows and odd ones the core reads (quoted line breaks, bad cells). */
function logWithDetails(rows: number, seed: number): string {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const lines = ["Клиент;Дата;Сумма;Менеджер;Бюджет;Инициатор;Телефон;Комментарий"];
  for (let row = 0; row < rows; row++) {
    const n = Math.floor(random() * rows * 0.1);
    const date = `${String(1 + Math.floor(random() * 28)).padStart(2, "0")}.${String(1 + Math.floor(random() * 12)).padStart(2, "0")}.${pick(["2022", "2023", "2024"])}`;
    const line = [
      pick([`Клиент ${n}`, `  КЛИЕНТ  ${n} `, `"ООО ""Вектор ${n}"""`]),
      pick([date, date, date, "когда-то"]),
      pick([`${Math.floor(random() * 10_000)},${Math.floor(random() * 100)}`, "-15", "", "много"]),
      pick(["Ира", "Олег", ""]),
      pick(["", "", `${n * 1000}`, "1 200 000,50", "много", "-5", "#N/A"]),
      pick(["Исходящий", "входящий звонок", "", "партнер", "Outbound email", "#N/A"]),
      pick(["", `+7 900 ${n}`, `"=cmd|${n}"`, "#REF!"]),
      pick(["", "", `"позвонить\n""после 5"""`]),
    ];
    lines.push(line.join(";"));
  }
  return `${lines.join("\n")}\n`;
}

/** The input locale the command line reads with --locale ru_RU. */
function ruLocale() {
  const invocation = parseInvocation(["report", "orders.csv", "--locale", "ru_RU"], {});
  if (invocation.kind !== "report") throw new Error("not a report");
  return invocation.options.locale;
}

function sidebarReport(csv: string) {
  const rows: string[][] = [];
  const decode = fieldDecoder("utf-8");
  new CsvScanner(";".charCodeAt(0), (record) => void rows.push(recordTexts(record, decode))).scan(Buffer.from(csv), true);
  return analyzeTable(rows, {
    mapping: { customer: 0, date: 1, amount: 2, manager: 3 },
    headers: rows[0]!,
    headerRow: 0,
    firstRowNumber: 1,
    health: { columns: { budget: 4, initiatedBy: 5, contact: 6 } },
    locale: ruLocale(),
    settings: {
      target: 0.67,
      period: "month",
      withinDays: undefined,
      window: undefined,
      columns: { customer: "Клиент", date: "Дата", amount: "Сумма", manager: "Менеджер" },
    },
  }).report;
}

describe("the command line and the sidebar", () => {
  const csv = logWithDetails(6_000, 3);
  const expected = sidebarReport(csv).healthCheck!;

  it("the sidebar's figures are worth comparing: every question answered, values unread", () => {
    expect(expected.questions.filter((q) => q.verdict === "needsData")).toEqual([]);
    expect(question(expected, 2).unread!.count).toBeGreaterThan(100);
    expect(question(expected, 7).unread!.count).toBeGreaterThan(100);
    expect(expected.lapsed.customers.some((c) => c.contact !== undefined)).toBe(true);
  });

  it.each([
    ["one thread", 1, undefined],
    ["one thread, small chunks", 1, 307],
    ["two threads, small chunks", 2, 509],
  ] as const)("give the same health check, %s", async (_name, threads, chunkBytes) => {
    const io: ReportIo = threads === 2 ? queuedCounter(2, chunkBytes).io : { chunkBytes };
    const { report } = await cliReport(csv, io, threads);
    // The command line numbers rows by file line, where a quoted line break starts a new one (as
    // its skipped rows); the sidebar by record. The rest is the same.
    const withoutRows = (check: HealthCheck) => ({
      ...check,
      questions: check.questions.map(({ unread, ...q }) => (unread === undefined ? q : { ...q, unread: { ...unread, row: 0 } })),
    });
    expect(withoutRows(report.healthCheck!)).toEqual(withoutRows(expected));
    for (const id of [2, 7]) {
      const { row, value } = question(report.healthCheck, id).unread!;
      expect(csv.split("\n")[row - 1]).toContain(`;${value};`);
    }
  });
});
