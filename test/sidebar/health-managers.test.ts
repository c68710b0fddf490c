// Question 4 per manager in the sidebar's Health check card, rendered into the text-only stand-in
// DOM (test/presentation/text-dom.ts). The figures are worked out by hand in
// test/presentation/manager-log.ts.

import { describe, expect, it } from "vitest";
import type { RetentionReport } from "../../src/core/report";
import type { Language } from "../../src/i18n/language";
import { formatsFor } from "../../src/presentation/formats";
import { reportSections } from "../../src/sidebar/report-view";
import { textFor } from "../../src/sidebar/text";
import { MARKUP_MANAGER, managerReport } from "../presentation/manager-log";
import { type TextElement, withTextDocument } from "../presentation/text-dom";

const NBSP = "\u00a0";

function sidebar(report: RetentionReport, language: Language = "en"): TextElement {
  return withTextDocument(() => {
    const root = document.createElement("div") as unknown as TextElement;
    for (const section of reportSections(report, { language, formats: formatsFor(language), t: textFor(language) }))
      root.appendChild(section as unknown as TextElement);
    return root;
  });
}

/** Each row of a table as its class and the text of its cells. */
function rows(table: TextElement): { className: string; cells: string[] }[] {
  return table
    .byTag("tbody")[0]!
    .byTag("tr")
    .map((row) => ({ className: row.className, cells: row.byTag("td").map((cell) => cell.textContent) }));
}

describe("the sidebar's Health check card", () => {
  it("shows the managers' table in question 4's answer: retention in columns, the rest on a line under each, red where in trouble or below target", () => {
    const view = sidebar(managerReport());
    const table = view.byTestId("health-q4").byTestId("health-managers");
    expect(table.byTag("th").map((th) => th.textContent)).toEqual(["Manager", "New", "Back in 30 d", "Rate"]);
    expect(rows(table)).toEqual([
      { className: "below-target manager-figures", cells: ["Bob", "3", "1", "33.3%"] },
      {
        className: "manager-more below-target",
        cells: [
          "Existing revenue: falling, −100.0% · Lapsed: 1 · At stake a year: 900.00 · Share of wallet: — · below target on fewer than 10 new customers: judged by revenue only",
        ],
      },
      { className: "ok manager-figures", cells: ["Ann", "2", "2", "100.0%"] },
      {
        className: "manager-more",
        cells: ["Existing revenue: growing, +200.0% · Lapsed: 1 · At stake a year: 400.00 · Share of wallet: 60.0%"],
      },
      { className: "below-target manager-figures", cells: [MARKUP_MANAGER, "1", "0", "0.0%"] },
      {
        className: "manager-more below-target",
        cells: [
          "Existing revenue: growing, up from nothing · Lapsed: 0 · At stake a year: 0.00 · Share of wallet: — · below target on fewer than 10 new customers: judged by revenue only",
        ],
      },
    ]);
    // The line under a manager spans the four columns; the other questions have no table.
    expect(table.byTag("td")[4]!.attributes.get("colspan")).toBe("4");
    expect(view.byTestId("health").byTag("table")).toHaveLength(1);
  });

  it("in Russian", () => {
    const table = sidebar(managerReport(), "ru").byTestId("health-managers");
    expect(table.byTag("th").map((th) => th.textContent)).toEqual(["Менеджер", "Новые", "Верн. за 30 дн.", "Доля"]);
    expect(
      rows(table)
        .slice(0, 2)
        .map((row) => row.cells),
    ).toEqual([
      ["Bob", "3", "1", `33,3${NBSP}%`],
      [
        `Выручка текущих: снижается, −100,0${NBSP}% · Ушедшие: 1 · Под угрозой в год: 900,00 · Доля бюджета: — · ниже цели, но новых клиентов меньше 10: оценён только по выручке`,
      ],
    ]);
  });

  it("keeps a name that is markup as a text node", () => {
    const table = sidebar(managerReport()).byTestId("health-managers");
    expect(table.byTag("b")).toEqual([]);
    expect(rows(table)[4]!.cells[0]).toBe(MARKUP_MANAGER);
  });

  it("leaves out revenue's trend, money at stake and the share of wallet where the orders have no amounts or budgets", () => {
    const table = sidebar(managerReport({ columns: "noAmountNoBudget" })).byTestId("health-managers");
    expect(rows(table)[1]!.cells).toEqual(["Lapsed: 1 · below target; not counted: fewer than 10 new customers"]);
  });

  it("shows no managers' table without a manager column", () => {
    const view = sidebar(managerReport({ columns: "noManager" }));
    expect(view.byTestId("health").byTag("table")).toEqual([]);
    expect(view.byTestId("health-q4").textContent).toContain("Needs data: add a Manager column.");
  });
});
