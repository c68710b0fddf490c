import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { callListCsv } from "../../src/cli/call-list-csv";
import type { LapsedCustomer } from "../../src/core/health/lapsed";
import { lapsedCallList } from "../../src/presentation/call-list";
import { cli, json, tempDir, writeFixture } from "./helpers";

const customers: LapsedCustomer[] = [
  {
    name: '=HYPERLINK("http://x")',
    manager: "Ира; отдел 2",
    lastPurchase: "2024-01-21",
    purchases: 3,
    usualGapDays: 29.5,
    daysSinceLast: 315,
    revenueAtStake: 1234.5,
    contact: "+7 900 000-00-00",
  },
];

describe("the lapsed customers as CSV", () => {
  it("writes Russian with semicolons, decimal commas, dd.mm.yyyy and a byte order mark; no text can become a formula", () => {
    expect(callListCsv(lapsedCallList(customers, "ru"), "ru")).toBe(
      "\uFEFFКлиент;Менеджер;Последняя покупка;Обычный интервал, дн.;Дней с последней покупки;Выручка под угрозой (12 мес.);Контакт\r\n" +
        `"'=HYPERLINK(""http://x"")";"Ира; отдел 2";21.01.2024;29,5;315;1234,5;'+7 900 000-00-00\r\n`,
    );
  });

  it("marks text of digits as text where a spreadsheet would change it as a number", () => {
    const withDigits = (contact: string, name: string): string =>
      callListCsv(lapsedCallList([{ ...customers[0]!, name, contact }], "ru"), "ru").split("\r\n")[1]!;
    // A leading zero (Excel drops it) and 16 digits (Excel rounds past 15): marked as text.
    expect(withDigits("1234567890123456", "00042")).toBe(`'00042;"Ира; отдел 2";21.01.2024;29,5;315;1234,5;'1234567890123456`);
    // A phone of 11 digits and 15 digits stay whole as numbers; a lone zero is zero; digits with anything else are text anyway.
    expect(withDigits("79261234567", "123456789012345")).toBe('123456789012345;"Ира; отдел 2";21.01.2024;29,5;315;1234,5;79261234567');
    expect(withDigits("0", "42")).toBe('42;"Ира; отдел 2";21.01.2024;29,5;315;1234,5;0');
    expect(withDigits("8 926 123-45-67", "Анна")).toBe('Анна;"Ира; отдел 2";21.01.2024;29,5;315;1234,5;8 926 123-45-67');
  });

  it("writes English with commas, points and ISO dates", () => {
    const csv = callListCsv(lapsedCallList(customers, "en"), "en");
    expect(csv.split("\r\n")[1]).toBe(`"'=HYPERLINK(""http://x"")",Ира; отдел 2,2024-01-21,29.5,315,1234.5,'+7 900 000-00-00`);
  });
});

describe("--lapsed-csv and --no-health on the command line", () => {
  // The lapsed example of the health check's tests: X buys on days 0, 10, 20 and is gone 160 days
  // by day 180, Z's latest purchase; Y is not gone long enough, W bought once.
  const start = Date.UTC(2024, 0, 1);
  const on = (offset: number) => new Date(start + offset * 86_400_000).toISOString().slice(0, 10);
  const rows = [
    ...[0, 10, 20].map((d) => `X,${on(d)},100`),
    ...[0, 100].map((d) => `Y,${on(d)},7`),
    ...[0, 30, 60, 90, 120, 150, 180].map((d) => `Z,${on(d)},1`),
    `W,${on(5)},1000`,
  ];
  const dir = tempDir();
  const orders = writeFixture(dir, "orders.csv", `Customer,Date,Amount\n${rows.join("\n")}\n`);

  it("writes every lapsed customer, and says so", async () => {
    const path = join(dir, "lapsed.csv");
    const result = await cli(["report", orders, "--lapsed-csv", path]);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain(`Lapsed customers (1) written to ${path}`);
    expect(readFileSync(path, "utf8").split("\r\n")[1]).toBe(`X,,${on(20)},10,160,300,`);
  });

  it("leaves the health check out with --no-health, and refuses --lapsed-csv then or onto the orders", async () => {
    expect((await json(["report", orders, "--no-health"])).healthCheck).toBeNull();
    expect((await json(["report", orders])).healthCheck.lapsedTotals.count).toBe(1);
    expect((await cli(["report", orders, "--no-health", "--lapsed-csv", join(dir, "x.csv")])).exitCode).toBe(2);
    const ontoInput = await cli(["report", orders, "--lapsed-csv", orders]);
    expect(ontoInput.exitCode).toBe(2);
    expect(ontoInput.stderr).toContain(`--lapsed-csv ${orders} is the orders file being read`);
  });
});

describe("the call list's figures and outputs", () => {
  it("rounds a usual gap to tenths and money to cents, as the reports show them", () => {
    const [row] = lapsedCallList([{ ...customers[0]!, usualGapDays: 221 / 3, revenueAtStake: 0.1 + 0.2 }], "en").rows;
    expect([row![3], row![5]]).toEqual([73.7, 0.3]);
  });

  it("refuses --html and --lapsed-csv naming one file", async () => {
    const dir = tempDir();
    const orders = writeFixture(dir, "o.csv", "Customer,Date\nA,2024-01-01\n");
    const same = join(dir, "out");
    const result = await cli(["report", orders, "--html", same, "--lapsed-csv", same]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(`--html and --lapsed-csv both name ${same}`);
  });
});
