// The HTML report (issue 15): answer first, the health check, the cohort heatmap drawn from the
// same model as the sidebar and checked against COHORT_MATRIX, skipped rows grouped, data as text,
// nothing remote, and the Russian report's dates and rates. The command does not yet carry the
// health check, so the reports with one come from the core's analyzeTable on the same rows.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { renderHtml } from "../../src/cli/render-html";
import { renderText } from "../../src/cli/render-text";
import { analyzeTable } from "../../src/core/analyze-table";
import { inputLocale } from "../../src/core/cells";
import type { RetentionReport } from "../../src/core/report";
import { createFakeSheets, installFakeGlobals } from "../../src/fake-sheets";
import { COHORT_MATRIX } from "../../src/functions/custom-functions";
import type { Language } from "../../src/i18n/language";
import { seededRandom } from "../../src/lib/seeded-random";
import { cli, tempDir, writeFixture } from "./helpers";

const NBSP = "\u00a0";
type Row = (string | number)[];

function analyzed(rows: Row[], settings: { withinDays?: number } = {}): RetentionReport {
  const header = rows[0]!.map(String);
  const column = (name: string): number | undefined => (header.includes(name) ? header.indexOf(name) : undefined);
  return analyzeTable(rows, {
    mapping: { customer: 0, date: 1, amount: column("Amount"), manager: column("Manager") },
    headers: header,
    headerRow: 0,
    firstRowNumber: 1,
    health: { columns: {} },
    locale: inputLocale("en_US", "UTC"),
    settings: { target: 0.67, period: "month", ...settings },
  }).report;
}

const LAYOUT = { encoding: "utf-8", delimiter: ",", headerLine: 1, mapping: {}, columnNames: {}, excludedDealTypes: [] } as const;

const html = (report: RetentionReport, language: Language = "en", currency?: string): string =>
  renderHtml({ file: "orders.csv", layout: LAYOUT, report }, language, currency);

/**
 * Worked by hand, H = 30 days (--within-days 30), the last order 2024-04-20:
 * - January (the data's first month, left out): A 01-10, back 02-05 (26 days); B once on 01-15.
 * - February (judged: its end + 30 days ≤ 04-20): C 02-06, back 03-01 (24 days); D once on 02-10.
 * - March and April, too early: E 03-05, back 03-15; F once on 03-20; G once on 04-20.
 * The verdict: of February's C and D, C came back: 50.0 %, one did not (D).
 * The heatmap (customers who bought 0, 1, 2, 3 months after their first month):
 *   2024-01 [2, 1, 0, 0]; 2024-02 [2, 1, 0]; 2024-03 [2, 0]; 2024-04 [1].
 * Lapsed: A, C and E bought on two days (gaps 26, 24, 10: median 24) and have now been away
 * 75, 50 and 36 days, each more than twice their gap and more than 24: 3 of 3, with 200.00 each at
 * stake. So the action line names the 3 lapsed customers, more than the 1 who did not come back.
 * Lost (bought once, 30 days or more ago): B, D, F.
 */
const HAND_LOG: Row[] = [
  ["Customer", "Date", "Amount"],
  ["A", "2024-01-10", 100],
  ["A", "2024-02-05", 100],
  ["<script>alert(1)</script>", "2024-01-15", 100],
  ["C", "2024-02-06", 100],
  ["C", "2024-03-01", 100],
  ["D", "2024-02-10", 100],
  ["E", "2024-03-05", 100],
  ["E", "2024-03-15", 100],
  ["F", "2024-03-20", 100],
  ["G", "2024-04-20", 100],
];

const handReport = analyzed(HAND_LOG, { withinDays: 30 });

/** The heatmap's drawn cells: cohort, offset, class and value. */
function heatmapCells(page: string): { cohort: string; offset: number; kind: string; value: number }[] {
  return [...page.matchAll(/<rect class="cell cell-(\w+)" data-cohort="([^"]+)" data-offset="(\d+)" data-value="(\d+)"/g)].map(
    ([, kind, cohort, offset, value]) => ({ cohort: cohort!, offset: Number(offset), kind: kind!, value: Number(value) }),
  );
}

describe("the HTML report, answer first", () => {
  const page = html(handReport);

  it("puts the sections in the sidebar's order: summary, charts, cohorts, data, lost, lapsed", () => {
    const order = [...page.matchAll(/<section data-section="(\w+)">/g)].map((match) => match[1]);
    expect(order).toEqual(["summary", "charts", "cohorts", "data", "lost", "lapsed"]);
  });

  it("opens with the verdict, then the action line, then the eight health answers", () => {
    const summary = page.slice(page.indexOf('data-section="summary"'), page.indexOf('data-section="charts"'));
    const headline = summary.indexOf('<p class="headline bad">Retention of new customers: 50.0% (target 67%) — below target</p>');
    const action = summary.indexOf('<p class="action">To win back: 3 repeat customers who have lapsed.</p>');
    const health = summary.indexOf("<h2>Customer base health: the book&#39;s eight questions</h2>");
    expect([headline, action, health].every((at) => at > 0)).toBe(true);
    expect(headline < action && action < health).toBe(true);
    expect(summary.match(/<li class="health-/g)).toHaveLength(8);
    expect(summary).toContain(
      '<li class="health-bad"><span class="badge">bad</span> <span class="q">Do customers leave and not come back?</span><br>3 of 3 repeat customers have lapsed; 600.00 a year at stake.</li>',
    );
  });

  it("draws the heatmap's cells as counted by hand, nothing past the data, each cohort's class", () => {
    expect(heatmapCells(page)).toEqual([
      ...[2, 1, 0, 0].map((value, offset) => ({ cohort: "2024-01", offset, kind: "outside", value })),
      ...[2, 1, 0].map((value, offset) => ({ cohort: "2024-02", offset, kind: "judged", value })),
      ...[2, 0].map((value, offset) => ({ cohort: "2024-03", offset, kind: "early", value })),
      { cohort: "2024-04", offset: 0, kind: "early", value: 1 },
    ]);
    // The three too-early cells are hatched; the judged cohort's label is marked.
    expect(page.match(/<path class="hatch" d="M\d+ \d+l17 -17M/g)).toHaveLength(3);
    expect(page.match(/<rect class="judged-mark" x="59"/g)).toHaveLength(1);
  });

  it("gives each chart a title and a text alternative", () => {
    for (const id of ["heatmap", "bars"]) {
      expect(page).toContain(`role="img" aria-labelledby="${id}-title" aria-describedby="${id}-alt"`);
      expect(page).toMatch(new RegExp(`<figcaption id="${id}-alt">[^<]{40,}</figcaption>`));
    }
    expect(page).toContain("The verdict judges the cohorts 2024-02 to 2024-02.");
  });

  it("lists the lapsed customers with what is at stake", () => {
    const lapsed = page.slice(page.indexOf('data-section="lapsed"'));
    expect(lapsed).toContain("<h2>Lapsed customers, most at stake first: 3</h2>");
    expect(lapsed.match(/<td><bdi>[ACE]<\/bdi><\/td>/g)).toHaveLength(3);
  });

  it("keeps a name that is markup as text, and loads nothing from anywhere", () => {
    expect(page).toContain("<td><bdi>&lt;script&gt;alert(1)&lt;/script&gt;</bdi></td>");
    expect(page).not.toMatch(/<script|<link|<img|<iframe|\b(?:src|href)=|@import|url\(|https?:\/\//i);
  });

  it("names the product in the title and the footer", () => {
    expect(page).toContain("<title>Retention of new customers — orders.csv · Sheets Retention</title>");
    expect(page).toMatch(/<footer>Sheets Retention [^<]+<\/footer>/);
  });

  it("prints on A4, the summary alone on the first page and each section on its own", () => {
    expect(page).toContain("@page{size:A4;margin:14mm 12mm}");
    expect(page).toContain("section+section{break-before:page}");
  });
});

describe("in Russian", () => {
  const page = html(handReport, "ru", "RUB");

  it("writes dates as dd.mm.yyyy, rates as 50,0 % and amounts in the currency given", () => {
    expect(page).toContain(`<p class="headline bad">Удержание новых клиентов: 50,0${NBSP}% (цель 67${NBSP}%) — ниже цели</p>`);
    expect(page).toContain(`<td><bdi>D</bdi></td><td>10.02.2024</td><td>100,00${NBSP}₽</td>`);
    expect(page).toContain(`Клиентов: 7, заказы с 10.01.2024 по 20.04.2024`);
    expect(page).toContain(`под угрозой 600,00${NBSP}₽ в год`);
  });

  it("and so does the text report, with the health check's eight lines", () => {
    const report = renderText({ file: "orders.csv", layout: LAYOUT, report: handReport }, "ru", false, "RUB");
    expect(report).toContain(`\nУдержание новых клиентов: 50,0${NBSP}% (цель 67${NBSP}%) — ниже цели\n`);
    expect(report).toContain("\nКлиентов: 7, заказы с 10.01.2024 по 20.04.2024\n");
    expect(report).toContain("\nСтоит вернуть ушедших постоянных клиентов: 3.\n");
    const health = report.slice(report.indexOf("Здоровье клиентской базы: восемь вопросов книги\n"));
    const lines = health.split("\n").slice(1, 9);
    expect(lines.every((line) => /^(хорошо|требует внимания|плохо|нужны данные) +[1-8]\. \S/.test(line))).toBe(true);
    // «плохо» padded to «нужны данные», the longest word here (12 letters), then two spaces.
    expect(lines[4]).toBe(`плохо${" ".repeat(9)}5. Ушедших: 3 из 3 клиентов с повторными покупками; под угрозой 600,00${NBSP}₽ в год.`);
  });
});

describe("the text report's health check", () => {
  it("is eight lines, the verdict word in a column, then the sentence", () => {
    const report = renderText({ file: "orders.csv", layout: LAYOUT, report: handReport }, "en", false);
    const health = report.slice(report.indexOf("Customer base health: the book's eight questions\n")).split("\n");
    expect(health[5]).toBe("bad         5. 3 of 3 repeat customers have lapsed; 600.00 a year at stake.");
    expect(health[1]).toMatch(/^needs data {2}1\. Needs more history/);
  });

  it("is left out when the report has no health check", () => {
    const { healthCheck: _, ...without } = handReport;
    expect(renderText({ file: "orders.csv", layout: LAYOUT, report: without }, "en", false)).not.toContain("Customer base health");
  });
});

describe("the heatmap against COHORT_MATRIX on the same orders", () => {
  // 30 monthly cohorts of 6 customers from 2022-01; each customer buys again in a few random later
  // months (sometimes twice in one), until 2024-06. More than 24 cohorts, so the oldest 6 fold.
  const random = seededRandom(15);
  const orders: [string, string][] = [];
  for (let month = 0; month < 30; month++) {
    for (let k = 0; k < 6; k++) {
      const name = `c${month}-${k}`;
      const day = (m: number, d: number): string => new Date(Date.UTC(2022, m, d)).toISOString().slice(0, 10);
      orders.push([name, day(month, 1 + k * 4)]);
      for (let later = month; later < 30; later++) {
        if (random() < 0.25) orders.push([name, day(later, 1 + Math.floor(random() * 28))]);
        if (random() < 0.05) orders.push([name, day(later, 28)]);
      }
    }
  }

  beforeAll(() => {
    installFakeGlobals(globalThis, createFakeSheets({ locale: "en_US", timeZone: "UTC" }));
  });

  it("shows the latest 24 cohorts, says 6 are folded, and every cell is COHORT_MATRIX's count", () => {
    const page = html(analyzed([["Customer", "Date"], ...orders]));
    const matrix = COHORT_MATRIX(
      orders.map(([customer]) => [customer]),
      orders.map(([, date]) => [date]),
      "month",
      "count",
    ).slice(1);
    const expected = matrix.slice(-24).flatMap((row) => {
      const cohort = (row[0] as Date).toISOString().slice(0, 7);
      return row.slice(2, 26).flatMap((value, offset) => (value === "" ? [] : [{ cohort, offset, value: value as number }]));
    });
    expect(matrix).toHaveLength(30);
    expect(heatmapCells(page).map(({ cohort, offset, value }) => ({ cohort, offset, value }))).toEqual(expected);
    expect(page).toContain('<p class="legend">Older cohorts not shown: 6</p>');
  });

  it("draws the latest 12 judged cohorts' rates within H as a line, each point coloured against the target", () => {
    // Counted here from the orders: each customer's first day and next distinct day; H = 45 days.
    const DAY = 86_400_000;
    const H = 45;
    const daysOf = new Map<string, number[]>();
    for (const [name, date] of orders) daysOf.set(name, [...(daysOf.get(name) ?? []), Date.parse(date) / DAY]);
    const last = Math.max(...[...daysOf.values()].flat());
    const cohorts = new Map<string, { size: number; back: number }>();
    for (const days of daysOf.values()) {
      const first = Math.min(...days);
      const next = Math.min(...days.filter((day) => day > first));
      const label = new Date(first * DAY).toISOString().slice(0, 7);
      const cohort = cohorts.get(label) ?? { size: 0, back: 0 };
      cohorts.set(label, { size: cohort.size + 1, back: cohort.back + (next - first <= H ? 1 : 0) });
    }
    const monthEnd = (label: string): number => Date.UTC(Number(label.slice(0, 4)), Number(label.slice(5, 7)), 0) / DAY;
    // The data's first month is left out; of the months H days old, the latest 12 are judged.
    const judged = [...cohorts.keys()]
      .sort()
      .slice(1)
      .filter((label) => monthEnd(label) + H <= last)
      .slice(-12);
    const expected = judged.map((label) => {
      const { size, back } = cohorts.get(label)!;
      return { title: `${label}: ${((100 * back) / size).toFixed(1)}%`, below: back / size < 0.67 };
    });
    const page = html(analyzed([["Customer", "Date"], ...orders], { withinDays: H }));
    const points = [...page.matchAll(/<circle class="point-(good|bad)"[^>]*><title>([^<]+)<\/title>/g)].map(([, kind, title]) => ({
      title,
      below: kind === "bad",
    }));
    expect(points).toEqual(expected);
    expect(page).toContain('role="img" aria-labelledby="trend-title" aria-describedby="trend-alt"');
    expect(page).toContain(`Retention of the 12 latest judged cohorts, ${judged[0]} to ${judged[11]}:`);
  });
});

describe("skipped rows in the HTML", () => {
  it("1,000 identical bad rows make one item with their count, not a thousand lines", async () => {
    const dir = tempDir();
    const rows = Array.from({ length: 1000 }, (_, k) => `c${k},2024-01-05,x\n`).join("");
    const file = writeFixture(dir, "bad.csv", `customer,date,amount\n${rows}A,2024-01-05,10\nA,2024-02-05,10\n`);
    const out = join(dir, "bad.html");
    expect((await cli(["report", file, "--html", out])).exitCode).toBe(0);
    const page = readFileSync(out, "utf8");
    const skipped = page.slice(page.indexOf('data-section="skipped"'));
    expect(skipped).toContain("<h2>Skipped rows: 1,000</h2>");
    expect(skipped.match(/<li>/g)).toHaveLength(1);
    expect(skipped).toContain("<li>1,000 rows: <bdi>amount</bdi>: cannot read <bdi>«x»</bdi> as an amount (lines 2, 3, 4 …)</li>");
  });
});
