// "SQL for BigQuery" in the sidebar (issue 16), in the local preview in headless Chromium: the
// table name checked beside its field, column names from the demo's headers and editable, the SQL
// equal to orderTableSql() for the same settings written out here, the copy button and its fallback
// when the clipboard is refused, and the same settings run through DuckDB on the demo giving the
// sidebar's verdict.

import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Frame, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEFAULT_TIME_ZONE } from "../../src/preview/workbook";
import { type OrderTableRequest, orderTableSql, orderTableStatements } from "../../src/sql/order-table";
import { hasChromium } from "./chromium";
import { sqlColumnNames, usePreviewInChromium } from "./fixture";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const TABLE = "my-project.shop.orders";

/**
 * The demo's settings as the sidebar has them on opening, written out by hand: its headers are
 * already BigQuery names (letters and spaces); project deals left out, as the sidebar does by
 * default; the 67 % target, months, H from the data; the preview's spreadsheet in Moscow time, in
 * en_US, which writes slashed dates month first and a decimal point.
 */
function demoRequest(overrides: Partial<OrderTableRequest> = {}): OrderTableRequest {
  return {
    dialect: "bigquery",
    table: TABLE,
    columns: { customer: "Customer", date: "Order date", amount: "Amount", manager: "Manager", dealType: "Deal type" },
    dateType: "text",
    amountType: "text",
    excludeDealTypes: ["Project"],
    target: 0.67,
    period: "month",
    ordersStartWithBusiness: false,
    timeZone: DEFAULT_TIME_ZONE,
    locale: { slashOrder: "MDY", decimalComma: false },
    ...overrides,
  };
}

function hasDuckDb(): boolean {
  try {
    createRequire(import.meta.url).resolve("@duckdb/node-api");
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!hasChromium)("SQL for BigQuery in the sidebar (headless Chromium)", () => {
  const session = usePreviewInChromium();

  /** Opens the sidebar (in this test's page, or in `page`), waits for the first analysis and unfolds the SQL panel. */
  async function openPanel(query = "", page?: Page): Promise<Frame> {
    const frame = await session.openSidebar(query, "ready", page);
    await frame.click("[data-testid=sql-panel] > summary");
    return frame;
  }

  const sqlText = (frame: Frame): Promise<string> => frame.inputValue("[data-testid=sql-text]");

  it("checks the table's shape beside the field, then shows the SQL naming it, equal to orderTableSql for the same settings", async () => {
    const frame = await openPanel();
    expect(await frame.textContent("[data-testid=sql-panel] > summary")).toBe("SQL for BigQuery");
    expect(await sqlColumnNames(frame)).toEqual([
      ["sql-column-customer", "Customer"],
      ["sql-column-date", "Order date"],
      ["sql-column-amount", "Amount"],
      ["sql-column-manager", "Manager"],
      ["sql-column-dealType", "Deal type"],
    ]);
    expect(await frame.isVisible("[data-testid=sql-waiting]")).toBe(true);
    expect(await frame.isVisible("[data-testid=sql-text]")).toBe(false);

    await frame.fill("[data-testid=sql-table]", "orders");
    expect(await frame.textContent("[data-testid=sql-table-error]")).toBe(
      "Enter the table as project.dataset.table (or dataset.table), such as my-project.shop.orders",
    );
    expect(await frame.isVisible("[data-testid=sql-table-error]")).toBe(true);
    expect(await frame.getAttribute("[data-testid=sql-table]", "aria-invalid")).toBe("true");
    expect(await frame.isVisible("[data-testid=sql-text]")).toBe(false);

    await frame.fill("[data-testid=sql-table]", TABLE);
    expect(await frame.isHidden("[data-testid=sql-table-error]")).toBe(true);
    expect(await frame.isVisible("[data-testid=sql-text]")).toBe(true);
    const sql = await sqlText(frame);
    expect(sql).toContain("FROM `my-project.shop.orders`");
    expect(sql).toContain("`Order date`");
    expect(sql).toBe(orderTableSql(demoRequest()));
  });

  it("uses an edited column name, refuses one BigQuery cannot hold, and follows a changed setting", async () => {
    const frame = await openPanel();
    await frame.fill("[data-testid=sql-table]", TABLE);
    await frame.fill("[data-testid=sql-column-customer]", "client_name");
    expect(await sqlText(frame)).toBe(orderTableSql(demoRequest({ columns: { ...demoRequest().columns, customer: "client_name" } })));
    expect(await sqlText(frame)).not.toContain("`Customer`");

    await frame.fill("[data-testid=sql-column-customer]", "client.name");
    expect(await frame.isVisible("[data-testid=sql-column-customer-error]")).toBe(true);
    expect(await frame.isVisible("[data-testid=sql-text]")).toBe(false);
    await frame.fill("[data-testid=sql-column-customer]", "client_name");

    // Quarters, a 90-day return window and nothing left out: the SQL follows the next analysis.
    await frame.click("[data-testid=settings-panel] > summary");
    await frame.selectOption("[data-testid=period]", "quarter");
    await frame.waitForSelector("[data-testid=report][data-state=ready]");
    await frame.check("[data-testid=within-toggle]");
    await frame.waitForSelector("[data-testid=report][data-state=ready]");
    await frame.selectOption("[data-testid=exclude-deal-type]", "");
    await frame.waitForSelector("[data-testid=report][data-state=ready]");
    expect(await frame.inputValue("[data-testid=sql-column-customer]")).toBe("client_name");
    const changed: Partial<OrderTableRequest> = {
      columns: { ...demoRequest().columns, customer: "client_name" },
      period: "quarter",
      withinDays: 90,
      excludeDealTypes: [],
    };
    expect(await sqlText(frame)).toBe(orderTableSql(demoRequest(changed)));

    // A TIMESTAMP date column: its day is taken in the spreadsheet's zone.
    expect(await frame.textContent("[data-testid=sql-date-type] option[value=timestamp]")).toBe("TIMESTAMP (the day in Europe/Moscow)");
    await frame.selectOption("[data-testid=sql-date-type]", "timestamp");
    expect(await sqlText(frame)).toContain("DATE(date_cell, 'Europe/Moscow')");
    expect(await sqlText(frame)).toBe(orderTableSql(demoRequest({ ...changed, dateType: "timestamp" })));
  });

  it("offers each query alone, for a connected sheet that takes one, and shows only the one chosen", async () => {
    const frame = await openPanel();
    await frame.fill("[data-testid=sql-table]", TABLE);
    const options = () =>
      frame.$$eval("[data-testid=sql-statement] option", (all) =>
        all.map((option) => [(option as HTMLOptionElement).value, option.textContent]),
      );
    const statements = orderTableStatements(demoRequest());
    // "All" first, then the demo's statements in the script's order, each by its name.
    expect((await options()).map(([value]) => value)).toEqual(["all", ...statements.map(({ table }) => table)]);
    expect((await options()).slice(0, 3)).toEqual([
      ["all", "All, as one script (the BigQuery console)"],
      ["summary", "Summary: the verdict and totals"],
      ["cohorts", "Cohorts"],
    ]);
    await frame.selectOption("[data-testid=sql-statement]", "cohorts");
    const cohorts = statements.find(({ table }) => table === "cohorts")!.sql;
    expect(await sqlText(frame)).toBe(cohorts);
    expect(cohorts.match(/^-- \w+$/gm)).toEqual(["-- cohorts"]);
    // The choice holds while the settings change the query …
    await frame.selectOption("[data-testid=sql-date-type]", "timestamp");
    expect(await sqlText(frame)).toBe(
      orderTableStatements(demoRequest({ dateType: "timestamp" })).find(({ table }) => table === "cohorts")!.sql,
    );
    // … and comes back to all of them when its statement is gone (no manager column named).
    await frame.selectOption("[data-testid=sql-statement]", "managers");
    await frame.click("details.columns summary");
    await frame.selectOption("[data-testid=column-manager]", "");
    await frame.waitForSelector("[data-testid=report][data-state=ready]");
    expect((await options()).map(([value]) => value)).not.toContain("managers");
    expect(await frame.inputValue("[data-testid=sql-statement]")).toBe("all");
  });

  it("copies through the clipboard, and selects the text with a Ctrl+C hint when the clipboard is refused", async () => {
    const frame = await openPanel();
    await frame.fill("[data-testid=sql-table]", TABLE);
    // The sidebar's iframe may have no clipboard permission: refuse it here.
    await frame.evaluate(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException("Write permission denied.", "NotAllowedError"));
    });
    await frame.click("[data-testid=copy-sql]");
    await frame.waitForFunction(() => document.querySelector("[data-testid=sql-copy-status]")?.textContent !== "");
    expect(await frame.textContent("[data-testid=sql-copy-status]")).toBe("The text is selected: press Ctrl+C (⌘C) to copy");
    const selection = await frame.$eval("[data-testid=sql-text]", (area) => {
      const text = area as HTMLTextAreaElement;
      return [document.activeElement === text, text.selectionStart, text.selectionEnd, text.value.length];
    });
    expect(selection).toEqual([true, 0, selection[3], selection[3]]);

    // With the clipboard allowed, the text lands in it.
    const context = await session.browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
    const allowed = await openPanel("", await context.newPage());
    await allowed.fill("[data-testid=sql-table]", TABLE);
    await allowed.click("[data-testid=copy-sql]");
    await allowed.waitForFunction(() => document.querySelector("[data-testid=sql-copy-status]")?.textContent !== "");
    expect(await allowed.textContent("[data-testid=sql-copy-status]")).toBe("Copied to the clipboard");
    expect(await allowed.evaluate(() => navigator.clipboard.readText())).toBe(orderTableSql(demoRequest()));
    await context.close();
  });

  it("speaks Russian, keeps the 300 px width without sideways scrolling, and passes axe with the SQL shown", async () => {
    const frame = await openPanel("?locale=ru_RU");
    expect(await frame.textContent("[data-testid=sql-panel] > summary")).toBe("SQL для BigQuery");
    await frame.fill("[data-testid=sql-table]", "заказы");
    expect(await frame.textContent("[data-testid=sql-table-error]")).toBe(
      "Введите таблицу в виде проект.набор_данных.таблица (или набор_данных.таблица), например my-project.shop.orders",
    );
    await frame.fill("[data-testid=sql-table]", TABLE);
    // A Russian-locale spreadsheet writes slashed dates day first and a decimal comma.
    expect(await sqlText(frame)).toBe(orderTableSql(demoRequest({ locale: { slashOrder: "DMY", decimalComma: true } })));
    const widths = await frame.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    expect(widths[0]).toBeLessThanOrEqual(widths[1]!);
    expect(widths[1]).toBeLessThanOrEqual(300);

    await frame.addScriptTag({ path: AXE });
    const violations = await frame.evaluate(async () => {
      const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string }[] }> } }).axe;
      return (await axe.run()).violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id);
    });
    expect(violations).toEqual([]);
  });

  it.runIf(hasDuckDb())("gives, run through DuckDB on the demo with the same settings, the sidebar's verdict", async () => {
    const frame = await openPanel();
    const shown = await frame.textContent("[data-testid=overall-rate]");
    // The DuckDB dialect of the same request, over the demo file read as text, its header's names kept.
    const relation = `read_csv('${join(ROOT, "demo/orders.csv")}', delim = ';', header = true, auto_detect = false, columns = {'Order': 'VARCHAR', 'Order date': 'VARCHAR', 'Customer': 'VARCHAR', 'Amount': 'VARCHAR', 'Manager': 'VARCHAR', 'Deal type': 'VARCHAR'})`;
    const summary = orderTableSql(demoRequest({ dialect: "duckdb", table: relation })).split(";\n")[0]!;
    const { DuckDBInstance } = await import("@duckdb/node-api");
    const connection = await (await DuckDBInstance.create(":memory:")).connect();
    const [row] = (await connection.runAndReadAll(summary)).getRowObjectsJS() as { verdict_rate: number }[];
    connection.closeSync();
    expect(`${(row!.verdict_rate * 100).toFixed(1)}%`).toBe(shown);
  });
});
