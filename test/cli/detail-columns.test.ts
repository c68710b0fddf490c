// --budget, --initiated-by and --contact name the health check's own columns where an export
// heads them in words the detection does not know ("Source", «Контакт клиента») or holds two
// candidates. They follow the other column flags' rules: a header name (compared as customers
// are) or a number from 1, the named column before detection, and a name not in the header
// stops the command listing the header. CSV files of either encoding and delimiter, one thread
// or two, and .xlsx workbooks all read them.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { HealthCheck } from "../../src/core/health/health-check";
import { parseInvocation } from "../../src/cli/options";
import { runReport, type ReportIo } from "../../src/cli/report-command";
import { row, xlsxBytes } from "../files/xlsx-fixtures";
import { describeDuckDb } from "../sql/support";
import { cli, cp1251, queuedCounter, tempDir, writeFixture } from "./helpers";

const HEADER = ["Клиент", "Дата", "Сумма", "Потенциал (старый)", "Годовой потенциал", "Source", "Контакт клиента"];
// Worked by hand. The latest purchase is 01.12.2024, so every row is in the last 12 months.
//   Anna:  10.01.2024 (100) and 10.03.2024 (200); «Годовой потенциал» 1 000 («Потенциал (старый)» 5 000).
//          Gone 266 days > 2 × her 60-day gap and > the median gap (60, hers the only one): lapsed.
//   Boris: 01.02.2024 (50); «Годовой потенциал» 400 («Потенциал (старый)» 9 000).
//   Vera:  01.12.2024 (70); no budget.
// Question 2 from «Годовой потенциал»: Anna and Boris, (300 + 50) ÷ (1 000 + 400) = 25 %: bad (< 50 %).
// From «Потенциал (старый)», the first header holding «потенциал»: 350 ÷ 14 000 = 2.5 %.
// Question 7 from «Source»: 3 of the 4 purchases (customer-days) outbound = 75 %: good (≥ 50 %).
const ROWS = [
  ["Анна", "10.01.2024", "100", "5000", "1000", "outbound", "anna@example.com"],
  ["Анна", "10.03.2024", "200", "", "", "inbound", ""],
  ["Борис", "01.02.2024", "50", "9000", "400", "outbound", "+7 900 000-00-02"],
  ["Вера", "01.12.2024", "70", "", "", "outbound", ""],
];
const NAMED = ["--budget", "Годовой потенциал", "--initiated-by", "Source", "--contact", "Контакт клиента"];

const csvText = (delimiter: string, rows = [HEADER, ...ROWS]): string => `${rows.map((cells) => cells.join(delimiter)).join("\n")}\n`;

/** The same orders as a workbook: text as inline strings, numbers as numbers, dates as the text above. */
function workbook(): Buffer {
  const cell = (value: string, at: string): [string, string, string] =>
    /^\d+$/.test(value) ? [at, "", `<v>${value}</v>`] : [at, 't="inlineStr"', `<is><t>${value}</t></is>`];
  const sheetRows = [HEADER, ...ROWS].map((cells, index) =>
    row(
      index + 1,
      cells.flatMap((value, column) => (value === "" ? [] : [cell(value, `${"ABCDEFG"[column]}${index + 1}`)])),
    ),
  );
  return Buffer.from(xlsxBytes({ sheets: [{ name: "Заказы", rows: sheetRows.join("") }] }));
}

async function reportOf(name: string, content: Buffer, flags: string[] = [], io: ReportIo = {}) {
  const file = writeFixture(tempDir(), name, content);
  const threads = io.countElsewhere === undefined ? "1" : "2";
  const invocation = parseInvocation(["report", file, "--locale", "ru_RU", "--threads", threads, ...flags], {});
  if (invocation.kind !== "report") throw new Error("not a report");
  return runReport(invocation.options, io);
}

const question = (check: HealthCheck | undefined, id: number) => check!.questions.find((q) => q.id === id)!;
const callList = (check: HealthCheck | undefined) => check!.lapsed.customers.map((c) => [c.name, c.contact]);

describe("the health check's columns named on the command line", () => {
  it("without the flags, the budget is the first potential column, and «Source» and «Контакт клиента» are not found", async () => {
    const { report, layout } = await reportOf("orders.csv", Buffer.from(csvText(";")));
    expect(layout.healthColumns).toEqual({ budget: 3 });
    expect(question(report.healthCheck, 2).figures).toMatchObject({ shareOfWallet: 0.025, sales: 350, budget: 14_000, customers: 2 });
    expect(question(report.healthCheck, 7).verdict).toBe("needsData");
    expect(callList(report.healthCheck)).toEqual([["Анна", ""]]);
  });

  it.each([
    ["UTF-8 with semicolons", "orders.csv", () => Buffer.from(csvText(";")), {}],
    ["Windows-1251 with semicolons", "orders.csv", () => cp1251(csvText(";")), {}],
    ["UTF-8 with commas", "orders.csv", () => Buffer.from(csvText(",")), {}],
    ["UTF-8, two threads", "orders.csv", () => Buffer.from(csvText(";")), queuedCounter(2, 509).io],
    ["an .xlsx workbook", "orders.xlsx", workbook, {}],
  ] as const)("answer questions 2 and 7 and fill the call list's contact from the columns named, %s", async (_name, file, content, io) => {
    const { report, layout } = await reportOf(file, content(), NAMED, io);
    expect(layout.healthColumns).toEqual({ budget: 4, initiatedBy: 5, contact: 6 });
    expect(report.healthCheck!.columns).toEqual({ budget: "Годовой потенциал", initiatedBy: "Source", contact: "Контакт клиента" });
    const wallet = question(report.healthCheck, 2);
    expect(wallet.figures).toMatchObject({ shareOfWallet: 0.25, sales: 350, budget: 1400, customers: 2 });
    expect(wallet.verdict).toBe("bad");
    const started = question(report.healthCheck, 7);
    expect(started.figures).toMatchObject({ startedShare: 0.75, startedByCompany: 3, purchases: 4 });
    expect(started.verdict).toBe("good");
    expect(callList(report.healthCheck)).toEqual([["Анна", "anna@example.com"]]);
  });

  it("takes column numbers from 1, as --customer and --manager do", async () => {
    const flags = ["--budget", "5", "--initiated-by", "6", "--contact", "7"];
    const { report, layout } = await reportOf("orders.csv", Buffer.from(csvText(";")), flags);
    expect(layout.healthColumns).toEqual({ budget: 4, initiatedBy: 5, contact: 6 });
    expect(question(report.healthCheck, 2).figures).toMatchObject({ shareOfWallet: 0.25 });
  });

  it("changes nothing when it names the column detection finds, in any case and spacing", async () => {
    const plain = await reportOf("orders.csv", Buffer.from(csvText(";")));
    const named = await reportOf("orders.csv", Buffer.from(csvText(";")), ["--budget", "  потенциал   (СТАРЫЙ) "]);
    expect(named.layout.healthColumns).toEqual(plain.layout.healthColumns);
    expect({ ...named.report, file: "" }).toEqual({ ...plain.report, file: "" });
  });

  it("finds the other columns among those not named: a column named for one role is not found for another", async () => {
    // «Потенциал (старый)» taken as the initiator, the budget is the next potential column.
    const { layout } = await reportOf("orders.csv", Buffer.from(csvText(";")), ["--initiated-by", "Потенциал (старый)"]);
    expect(layout.healthColumns).toEqual({ budget: 4, initiatedBy: 3 });
  });

  it("reads them by number in a file without a header, named in the report by their numbers", async () => {
    const flags = ["--customer", "1", "--date", "2", "--amount", "3", "--budget", "5", "--initiated-by", "6", "--contact", "7"];
    const { report } = await reportOf("orders.csv", Buffer.from(csvText(";", ROWS)), flags);
    expect(report.healthCheck!.columns).toEqual({ budget: "столбец 5", initiatedBy: "столбец 6", contact: "столбец 7" });
    expect(question(report.healthCheck, 2).figures).toMatchObject({ shareOfWallet: 0.25 });
    expect(question(report.healthCheck, 7).figures).toMatchObject({ startedShare: 0.75 });
  });

  it("writes the contact named on the call list of --lapsed-csv", async () => {
    const dir = tempDir();
    const file = writeFixture(dir, "orders.csv", Buffer.from(csvText(",")));
    const lapsed = join(dir, "lapsed.csv");
    const result = await cli(["report", file, ...NAMED, "--lapsed-csv", lapsed]);
    expect(result.exitCode).toBe(0);
    // Anna: no manager, last purchase 10.03.2024, usual gap 60 days, 266 days since, 300 at stake.
    expect(readFileSync(lapsed, "utf8").split("\r\n")[1]).toBe("Анна,,2024-03-10,60,266,300,anna@example.com");
  });
});

describe("a column named that the file does not have", () => {
  const header = "«Клиент», «Дата», «Сумма», «Потенциал (старый)», «Годовой потенциал», «Source», «Контакт клиента»";

  it.each([
    ["--budget", "Бюджет клиента"],
    ["--initiated-by", "Инициатор"],
    ["--contact", "8"],
  ])("stops with the flag %s, its value %s and the header", async (flag, value) => {
    const file = writeFixture(tempDir(), "orders.csv", Buffer.from(csvText(";")));
    const result = await cli(["report", file, flag, value]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(`${flag}: no column «${value}» (the columns are: ${header})`);
    expect(result.stdout).toBe("");
  });

  it("says so in Russian, in an .xlsx workbook too", async () => {
    const file = writeFixture(tempDir(), "orders.xlsx", workbook());
    const result = await cli(["report", file, "--contact", "Почта"], { LANG: "ru_RU.UTF-8" });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(`--contact: нет столбца «Почта» (столбцы: ${header})`);
  });

  it("is checked with --no-health too, though nothing is read from it", async () => {
    const file = writeFixture(tempDir(), "orders.csv", Buffer.from(csvText(";")));
    const result = await cli(["report", file, "--no-health", "--budget", "Бюджет клиента"]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain("--budget: no column «Бюджет клиента»");
  });
});

describeDuckDb("the flags with --engine duckdb and several files", () => {
  it("check the names against the first file's header, and read the budget and initiated-by columns named", async () => {
    const dir = tempDir();
    const files = [ROWS.slice(0, 2), ROWS.slice(2)].map((rows, k) =>
      writeFixture(dir, `part-${k + 1}.csv`, csvText(";", [HEADER, ...rows])),
    );
    const wrong = await cli(["report", ...files, "--engine", "duckdb", "--budget", "Бюджет клиента"]);
    expect(wrong.exitCode).toBe(1);
    expect(wrong.stderr).toContain("--budget: no column «Бюджет клиента»");
    const share = async (flags: readonly string[], id: number): Promise<unknown> => {
      const result = await cli(["report", ...files, "--engine", "duckdb", ...flags, "--locale", "ru_RU", "--json"]);
      expect(result.exitCode).toBe(0);
      const questions: { id: number; figures: Record<string, number> }[] = JSON.parse(result.stdout).healthCheck.questions;
      return questions.find((question) => question.id === id)!.figures;
    };
    // The shares worked out above: «Годовой потенциал» named, «Потенциал (старый)» found by its header.
    expect(await share(NAMED, 2)).toMatchObject({ shareOfWallet: 0.25, customers: 2 });
    expect(await share([], 2)).toMatchObject({ shareOfWallet: 0.025, customers: 2 });
    expect(await share(NAMED, 7)).toMatchObject({ startedShare: 0.75 });
  });
});

describe("--help", () => {
  it.each([
    ["C", ["--budget COL", "--initiated-by COL", "--contact COL"]],
    ["ru_RU.UTF-8", ["--budget СТОЛБЕЦ", "--initiated-by СТОЛБЕЦ", "--contact СТОЛБЕЦ"]],
  ])("lists the three flags (LANG=%s)", async (lang, flags) => {
    const { stdout } = await cli(["--help"], { LANG: lang });
    for (const flag of flags) expect(stdout).toContain(flag);
  });
});
