// One report, two surfaces: the sidebar's report view and the text report must write every figure
// they both show the same way (issue 17). The sidebar is rendered into a text-only stand-in DOM.

import { describe, expect, it } from "vitest";
import { analyzeTable } from "../../src/core/analyze-table";
import { inputLocale } from "../../src/core/cells";
import type { RetentionReport } from "../../src/core/report";
import { renderText } from "../../src/cli/render-text";
import type { Language } from "../../src/i18n/language";
import { formatsFor } from "../../src/presentation/formats";
import { reportSections } from "../../src/sidebar/report-view";
import { textFor } from "../../src/sidebar/text";
import { type TextElement, withTextDocument } from "./text-dom";

const DAY = 86_400_000;
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/**
 * 1,201 customers, so counts need a thousands separator: customer k first buys on day k mod 500
 * from 2023-01-01 for 1,000.50 + k, and two in three (k mod 3 ≠ 0, Ann's) buy again 20 days later;
 * Bob's never do. So the managers' rates are 100.0 % and 0.0 %, and Zed, alone in December 2022,
 * makes a cohort of 0.0 %: round rates, where one decimal shows. The first order is Zed's on
 * 2022-12-15; the last is 2024-06-03, the return of customer 499 (day 499 is 2024-05-14, and 20
 * days later is June 3).
 */
function orderLog(): RetentionReport {
  const start = Date.UTC(2023, 0, 1);
  const rows: (string | number)[][] = [
    ["Customer", "Date", "Amount", "Manager"],
    ["Zed", "2022-12-15", 5, "Bob"],
  ];
  for (let k = 0; k < 1200; k++) {
    const first = start + (k % 500) * DAY;
    const manager = k % 3 === 0 ? "Bob" : "Ann";
    rows.push([`Customer ${k}`, iso(first), 1000.5 + k, manager]);
    if (k % 3 !== 0) rows.push([`Customer ${k}`, iso(first + 20 * DAY), 10, manager]);
  }
  return analyzeTable(rows, {
    mapping: { customer: 0, date: 1, amount: 2, manager: 3 },
    headers: rows[0]!.map(String),
    headerRow: 0,
    firstRowNumber: 1,
    locale: inputLocale("en_US", "UTC"),
    settings: { target: 0.67, period: "month" },
  }).report;
}

const report = orderLog();

function sidebar(language: Language): TextElement {
  return withTextDocument(() => {
    const root = document.createElement("div") as unknown as TextElement;
    const sections = reportSections(report, { language, formats: formatsFor(language), t: textFor(language) });
    for (const section of sections) root.appendChild(section as unknown as TextElement);
    return root;
  });
}

function textReport(language: Language): string {
  const layout = { encoding: "utf-8", delimiter: ",", headerLine: 1, mapping: {}, columnNames: {}, excludedDealTypes: [] } as const;
  return renderText({ file: "orders.csv", layout, report }, language, false);
}

/** A table's rows as the text of each cell's first node: a figure without the note after it. */
function sidebarRows(table: TextElement): string[][] {
  return table
    .byTag("tbody")[0]!
    .byTag("tr")
    .map((row) => row.byTag("td").map((cell) => cell.childNodes[0]!.textContent));
}

/** The text report's table rows that start with one of `firsts`, cut into cells at runs of two or more spaces. */
function textRows(text: string, firsts: readonly string[]): string[][] {
  return text
    .split("\n")
    .map((line) => line.split(/ {2,}/))
    .filter((cells) => firsts.includes(cells[0]!));
}

const WORDING = {
  en: { verdict: /^Retention of new customers: (.+) \(target (.+)\) — /m, allTime: /^All time: (.+?);/m, sidebarAllTime: "all time " },
  ru: { verdict: /^Удержание новых клиентов: (.+) \(цель (.+)\) — /m, allTime: /^За всё время: (.+?);/m, sidebarAllTime: "за всё время " },
} as const;

describe.each(["en", "ru"] as const)("the sidebar and the text report in %s", (language) => {
  const view = sidebar(language);
  const text = textReport(language);
  const wording = WORDING[language];

  it("show the verdict and the all-time rate alike", () => {
    const [, verdict] = wording.verdict.exec(text)!;
    expect(view.byTestId("overall-rate").textContent).toBe(verdict);
    expect(view.byTestId("all-time-rate").textContent).toBe(wording.sidebarAllTime + wording.allTime.exec(text)![1]);
  });

  it("show each cohort's new customers, returns in time and rate alike", () => {
    const rows = sidebarRows(view.byTestId("cohort-table"));
    expect(rows.length).toBe(report.cohorts.length);
    const periods = rows.map((row) => row[0]!);
    expect(textRows(text, periods).map((cells) => cells.slice(0, 4))).toEqual([...rows].reverse());
  });

  it("show each manager's figures alike", () => {
    const rows = sidebarRows(view.byTestId("manager-table"));
    expect(rows.map((row) => [row[0], row[3]])).toEqual([
      ["Ann", formatsFor(language).rate(1)],
      ["Bob", formatsFor(language).rate(0)],
    ]);
    expect(textRows(text, ["Ann", "Bob"])).toEqual(rows);
  });

  it("show the dates of the orders and a lost customer's date and amount alike", () => {
    const dates = language === "ru" ? ["15.12.2022", "03.06.2024"] : ["2022-12-15", "2024-06-03"];
    expect(view.byTestId("rows-read").textContent).toContain(`${dates[0]} `);
    expect(view.byTestId("rows-read").textContent).toMatch(new RegExp(`${dates[1]}$`));
    expect(text).toContain(`${dates[0]} `);
    expect(text).toContain(`${dates[1]}\n`);
    const first = view.byTestId("lost").byTag("li")[0]!;
    const [name, amount] = first.byTag("span").map((span) => span.textContent);
    const date = first.byTag("div")[1]!.textContent.split(" · ")[0]!;
    expect(textRows(text, [name!])).toEqual([[name, date, amount, expect.any(String)]]);
  });

  it("write a count of thousands with the language's separator", () => {
    expect(text).toContain(language === "ru" ? "1\u00a0201" : "1,201");
    expect(view.byTestId("outcomes").textContent).toContain(language === "ru" ? "1\u00a0201" : "1,201");
  });
});
