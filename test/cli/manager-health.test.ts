// Question 4 per manager in the text and HTML reports: the table under the question's line, the
// names kept as text, and no table (nor an empty header) where there is nothing to list. The
// figures are worked out by hand in test/presentation/manager-log.ts.

import { describe, expect, it } from "vitest";
import { renderHtml } from "../../src/cli/render-html";
import { renderText } from "../../src/cli/render-text";
import type { RetentionReport } from "../../src/core/report";
import type { Language } from "../../src/i18n/language";
import { MARKUP_MANAGER, RUSSIAN_ROWS, TEXT_LAYOUT, managerReport } from "../presentation/manager-log";

const NBSP = "\u00a0";

const text = (report: RetentionReport, language: Language = "en", color = false): string =>
  renderText({ file: "orders.csv", layout: TEXT_LAYOUT, report }, language, color);
const html = (report: RetentionReport, language: Language = "en"): string =>
  renderHtml({ file: "orders.csv", layout: TEXT_LAYOUT, report }, language);

/** The lines from question 4's to question 5's, each cut into cells at runs of two or more spaces. */
function questionFour(report: string): string[][] {
  const lines = report.split("\n");
  const from = lines.findIndex((line) => / 4\. /.test(line));
  const to = lines.findIndex((line) => / 5\. /.test(line));
  return lines.slice(from + 1, to).map((line) => line.trim().split(/ {2,}/));
}

describe("the text report", () => {
  it("lists the managers under question 4, indented, with a rate below target said in words", () => {
    expect(questionFour(text(managerReport()))).toEqual([
      ["By manager"],
      ["Manager", "New", "Back in 30 d", "Rate", "Existing revenue", "Lapsed", "At stake a year", "Share of wallet"],
      [
        "Bob",
        "3",
        "1",
        "33.3%",
        "falling, −100.0%",
        "1",
        "900.00",
        "—",
        "below target on fewer than 10 new customers: judged by revenue only",
      ],
      ["Ann", "2", "2", "100.0%", "growing, +200.0%", "1", "400.00", "60.0%"],
      [
        MARKUP_MANAGER,
        "1",
        "0",
        "0.0%",
        "growing, up from nothing",
        "0",
        "0.00",
        "—",
        "below target on fewer than 10 new customers: judged by revenue only",
      ],
    ]);
    const report = text(managerReport());
    // The table starts where the sentences do: after "needs attention", the widest word here, and two spaces.
    expect(report).toContain(`\n${" ".repeat("needs attention".length + 2)}By manager\n`);
  });

  it("in Russian", () => {
    expect(questionFour(text(managerReport(), "ru"))).toEqual([
      ["По менеджерам"],
      ["Менеджер", "Новые", "Верн. за 30 дн.", "Доля", "Выручка текущих", "Ушедшие", "Под угрозой в год", "Доля бюджета"],
      [...RUSSIAN_ROWS.bob],
      ["Ann", "2", "2", `100,0${NBSP}%`, `растёт, +200,0${NBSP}%`, "1", "400,00", `60,0${NBSP}%`],
      [...RUSSIAN_ROWS.markup],
    ]);
  });

  it("paints the rows in trouble or below target red, and only those", () => {
    const rows = questionFour(text(managerReport(), "en", true)).slice(2);
    const red = (cells: string[]): boolean => cells.join("  ").includes("\u001b[31m");
    expect(rows.map(red)).toEqual([true, false, true]);
  });

  it("shows no table without a manager column", () => {
    const report = text(managerReport({ columns: "noManager" }));
    expect(questionFour(report)).toEqual([]);
    expect(report).not.toContain("By manager");
  });

  it("prints no header-only table of the verdict's managers when no cohort can be judged", () => {
    // Within 365 days no cohort is old enough, so the verdict's manager table has no rows; the
    // health check still has the managers' trends and lapsed customers.
    const report = managerReport({ withinDays: 365 });
    expect(report.managers).toEqual([]);
    for (const language of ["en", "ru"] as const) {
      const printed = text(report, language);
      expect(printed).not.toContain(
        language === "en" ? "Managers: whose new customers come back" : "Менеджеры: чьи новые клиенты возвращаются",
      );
      expect(printed.split("\n").filter((line) => /^(Manager|Менеджер) {2}/.test(line))).toEqual([]);
      // No judged new customers, so all tie on 0 and go by name: "=" and "<" sort before letters.
      expect(
        questionFour(printed)
          .slice(2)
          .map((cells) => cells.slice(0, 4)),
      ).toEqual([
        [MARKUP_MANAGER, "0", "0", "—"],
        ["Ann", "0", "0", "—"],
        ["Bob", "0", "0", "—"],
      ]);
    }
  });
});

describe("the HTML report", () => {
  it("puts question 4 per manager on the managers' page, escaped and formula-safe, keeping the first page short", () => {
    const page = html(managerReport());
    const section = (name: string): string => {
      const start = page.indexOf(`data-section="${name}"`);
      return page.slice(start, page.indexOf("</section>", start));
    };
    // The first page keeps the sentence; the table is on the managers' page, which prints on a page of its own.
    expect(section("summary")).toContain("<br>1 of 3 managers keeps fewer new customers than the target or loses existing revenue.</li>");
    expect(section("summary")).not.toContain("<table>");
    const four = section("managers");
    expect(four).toContain("<h2>By manager</h2>");
    expect(four).toContain(
      "<thead><tr><th>Manager</th><th>New</th><th>Back in 30 d</th><th>Rate</th><th>Existing revenue</th><th>Lapsed</th>" +
        "<th>At stake a year</th><th>Share of wallet</th><th></th></tr></thead>",
    );
    expect(four).toContain(
      '<tr class="bad"><td><bdi>Bob</bdi></td><td>3</td><td>1</td><td>33.3%</td><td>falling, −100.0%</td><td>1</td><td>900.00</td><td>—</td><td>below target on fewer than 10 new customers: judged by revenue only</td></tr>',
    );
    expect(four).toContain(
      "<tr><td><bdi>Ann</bdi></td><td>2</td><td>2</td><td>100.0%</td><td>growing, +200.0%</td><td>1</td><td>400.00</td><td>60.0%</td><td></td></tr>",
    );
    // The name: markup escaped, and a leading "=" quoted so that a copied table cannot run it.
    expect(four).toContain(
      '<tr class="bad"><td><bdi>&#39;=&lt;b&gt;Cy&lt;/b&gt;</bdi></td><td>1</td><td>0</td><td>0.0%</td><td>growing, up from nothing</td>',
    );
    expect(four).not.toContain("<b>");
  });

  it("in Russian", () => {
    const page = html(managerReport(), "ru");
    expect(page).toContain(
      `<tr class="bad"><td><bdi>Bob</bdi></td><td>3</td><td>1</td><td>33,3${NBSP}%</td><td>снижается, −100,0${NBSP}%</td><td>1</td><td>900,00</td><td>—</td><td>ниже цели, но новых клиентов меньше 10: оценён только по выручке</td></tr>`,
    );
  });

  it("shows no managers' table without a manager column, and no empty verdict table when no cohort is judged", () => {
    expect(html(managerReport({ columns: "noManager" }))).not.toContain("By manager");
    // No cohort judged: the managers' page holds question 4's table, not an empty verdict table.
    const page = html(managerReport({ withinDays: 365 }));
    expect(page.match(/data-section="managers"/g)).toHaveLength(1);
    expect(page).toContain('<section data-section="managers">\n<h2>By manager</h2>');
  });
});
