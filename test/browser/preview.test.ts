// The real sidebar inside the local preview, in headless Chromium: analysis, highlighting,
// clearing, an HTML-injection customer name, a Russian-locale spreadsheet, the target changing
// red to green, field errors, and the sidebar following the selection. Expected figures come from
// ./reference.ts, not from the add-on.

import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Frame } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { hasChromium } from "./chromium";
import { buildDistIfStale, reanalyse, usePreviewInChromium } from "./fixture";
import { readDemo, reference, type DemoRow } from "./reference";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const INJECTION = "<img src=x onerror=alert(1)>";
const DEMO: DemoRow[] = readDemo(join(ROOT, "demo/orders.csv"));

/** `57.1%`: one decimal, as the sidebar's English percent format. */
const englishPercent = (rate: number): string => `${(rate * 100).toFixed(1)}%`;
/** `57,1 %`: Russian writes a decimal comma and a (non-breaking) space before the sign. */
const russianPercent = (rate: number): string => `${(rate * 100).toFixed(1).replace(".", ",")} %`;
const normalizeSpaces = (text: string | null): string => (text ?? "").replace(/\s+/g, " ").trim();

describe.skipIf(!hasChromium)("sidebar in the local preview (headless Chromium)", () => {
  // The preview serves dist/ and build/preview/: build them when a source is newer.
  const session = usePreviewInChromium({ prepare: buildDistIfStale });
  let dialogs: string[];

  beforeEach(() => {
    dialogs = [];
    session.page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });

  /** Opens the preview and waits for the sidebar's automatic first analysis. */
  async function openSidebar(query = ""): Promise<Frame> {
    const frame = await session.openSidebar(query);
    // The settings are folded under the report: open them as a user would.
    await frame.click("[data-testid=settings-panel] > summary");
    return frame;
  }

  async function highlightedRows(): Promise<number[]> {
    return session.page.$$eval("tr[data-row]", (rows) =>
      rows.filter((row) => row.querySelector("td[data-highlight=below-target]")).map((row) => Number(row.getAttribute("data-row"))),
    );
  }

  it("analyses the whole order log on opening and shows the reference verdict beside the all-time rate", async () => {
    // The demo has a deal-type column with "Project": left out by default, as in the template.
    const expected = reference(DEMO, 0.67);
    const { verdict } = expected;
    const frame = await openSidebar();
    expect(await frame.textContent("[data-testid=overall-rate]")).toBe(englishPercent(verdict.rate!));
    expect(await frame.textContent("[data-testid=all-time-rate]")).toBe(`all time ${englishPercent(expected.rate)}`);
    expect(normalizeSpaces(await frame.textContent("[data-testid=verdict-summary]"))).toBe(
      `${verdict.returned} of ${verdict.newCustomers} new customers came back within ${verdict.horizon} days; ${verdict.newCustomers - verdict.returned} did not`,
    );
    expect(await frame.textContent("[data-testid=verdict-span]")).toBe(
      `Returns counted within ${verdict.horizon} days (80% of second purchases come that soon) · cohorts ${verdict.from} – ${verdict.to}`,
    );
    expect(await frame.textContent("[data-testid=left-out]")).toMatch(/^2022-01, the data's first period, is left out/);
    expect(await frame.textContent("[data-testid=excluded-deals]")).toBe(
      `${expected.excludedRows} rows left out as one-off deals (Project)`,
    );
    expect(await frame.textContent("[data-testid=columns-used]")).toBe(
      "Columns: Customer = Customer, Date = Order date, Amount = Amount, Manager = Manager, Deal type = Deal type",
    );
    // Six rows of the demo have unreadable or missing dates.
    expect(normalizeSpaces(await frame.textContent("[data-testid=skipped] h2"))).toBe("Rows that could not be read: 6");
    // Every order row of the demo is addressable in the grid.
    expect(await session.page.locator("tr[data-row]").count()).toBe(DEMO.length + 1);
  });

  it("offers the deal-type column's own values, project deals chosen by default, and leaves nothing out on request", async () => {
    const frame = await openSidebar();
    const options = await frame.$$eval("[data-testid=exclude-deal-type] option", (all) =>
      all.map((o) => [o.getAttribute("value"), o.textContent]),
    );
    expect(options).toEqual([
      ["", "— leave nothing out —"],
      ["Standard", "Standard"],
      ["Project", "Project"],
    ]);
    expect(await frame.inputValue("[data-testid=exclude-deal-type]")).toBe("Project");

    const everything = reference(DEMO, 0.67, {});
    await reanalyse(frame, async () => {
      await frame.selectOption("[data-testid=exclude-deal-type]", "");
    });
    expect(await frame.textContent("[data-testid=overall-rate]")).toBe(englishPercent(everything.verdict.rate!));
    expect(await frame.textContent("[data-testid=all-time-rate]")).toBe(`all time ${englishPercent(everything.rate)}`);
    expect(await frame.$("[data-testid=excluded-deals]")).toBeNull();

    // Judging the first month too, with nothing left out.
    const withFirst = reference(DEMO, 0.67, { ordersStartWithBusiness: true });
    await reanalyse(frame, () => frame.check("[data-testid=orders-start]"));
    expect(await frame.textContent("[data-testid=overall-rate]")).toBe(englishPercent(withFirst.verdict.rate!));
    expect(await frame.$("[data-testid=left-out]")).toBeNull();
  });

  it("highlights exactly the rows of the customers to win back, and clears them", async () => {
    const { page } = session;
    const expected = [...reference(DEMO, 0.67).winBackRows].sort((a, b) => a - b);
    const frame = await openSidebar();
    await frame.click("[data-testid=highlight]");
    await page.waitForFunction((count) => document.querySelectorAll("tr[data-row] td[data-highlight]").length >= count, expected.length);
    expect(await highlightedRows()).toEqual(expected);
    expect(await frame.textContent("[data-testid=status]")).toContain(
      `Highlighted ${expected.length.toLocaleString("en-US")} order rows of`,
    );

    await frame.click("[data-testid=clear-highlight]");
    await page.waitForFunction(() => document.querySelectorAll("td[data-highlight]").length === 0);
    expect(await frame.textContent("[data-testid=status]")).toBe("Highlighting cleared");
  });

  it("shows a customer named like an HTML tag as text, in the sidebar and the grid, and runs nothing", async () => {
    const { page } = session;
    const frame = await openSidebar();
    await frame.click("[data-testid=highlight]");
    await frame.waitForSelector("[data-testid=status][data-state=ready]");
    // The injection customer bought once for 990 000 in 2023: the most valuable lost customer.
    expect(await frame.textContent("[data-testid=lost] ol li:first-child .name")).toBe(INJECTION);
    const gridCells = await page.$$eval("td", (cells, name) => cells.filter((cell) => cell.textContent === name).length, INJECTION);
    expect(gridCells).toBe(1);
    expect(await frame.$$eval("img", (images) => images.length)).toBe(0);
    expect(await page.$$eval("img", (images) => images.length)).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it("explains a failed analysis in the sidebar instead of a stack trace", async () => {
    const frame = await openSidebar();
    await frame.click("details.columns summary");
    await frame.selectOption("[data-testid=column-customer]", "");
    await frame.waitForSelector("[data-testid=report][data-state=error]");
    const message = await frame.textContent("[data-testid=error]");
    expect(message).toMatch(/^Could not finish: /);
    expect(message).not.toMatch(/Error:|Exception:|\bat /);
  });

  it("speaks Russian with a decimal comma in a Russian-locale spreadsheet", async () => {
    const expected = reference(DEMO, 0.67);
    const frame = await openSidebar("?locale=ru_RU");
    expect(await frame.textContent("h1")).toBe("Sheets Retention");
    expect(await frame.textContent("[data-testid=analyze]")).toBe("Анализировать");
    expect(await frame.textContent("[data-testid=highlight]")).toBe("Подсветить клиентов, которых стоит вернуть");
    expect(normalizeSpaces(await frame.textContent("[data-testid=overall-rate]"))).toBe(russianPercent(expected.verdict.rate!));
    expect(normalizeSpaces(await frame.textContent("[data-testid=all-time-rate]"))).toBe(`за всё время ${russianPercent(expected.rate)}`);
    expect(normalizeSpaces(await frame.textContent("[data-testid=verdict-span]"))).toMatch(
      new RegExp(
        `^Вторая покупка засчитывается в течение ${expected.verdict.horizon} дн\\. \\(в этот срок укладываются 80 % вторых покупок\\)`,
      ),
    );
    expect(await frame.textContent("[data-testid=excluded-deals]")).toBe(
      `Строк не учтено как разовые сделки (Project): ${expected.excludedRows}`,
    );
    expect(await frame.textContent("[data-testid=columns-used]")).toMatch(/^Столбцы: Клиент = Customer, Дата = Order date/);
    expect(await frame.textContent("label:has([data-testid=orders-start])")).toBe(
      "Заказы ведутся с открытия бизнеса: оценивать и первый период",
    );
    expect(await frame.textContent("[data-testid=exclude-deal-type] option[value='']")).toBe("— ничего не исключать —");
    const skippedMessage = await frame.textContent("[data-testid=skipped] li");
    expect(skippedMessage).toMatch(/^Order date, строка \d+: /);

    await frame.fill("[data-testid=target]", "0");
    await frame.press("[data-testid=target]", "Enter");
    expect(await frame.textContent("[data-testid=target-error]")).toBe("Введите процент от 1 до 100");

    // Quarters as Russian writes them: the demo runs from January 2022 (its first quarter left out)
    // to December 2024, the newest cohort, at the top.
    await frame.fill("[data-testid=target]", "67");
    await reanalyse(frame, () => frame.selectOption("[data-testid=period]", "quarter"));
    expect(await frame.textContent("[data-testid=cohort-table] tbody tr td")).toBe("4 кв. 2024");
    expect(await frame.textContent("[data-testid=left-out]")).toContain("1 кв. 2022");
    expect(normalizeSpaces(await frame.textContent("[data-testid=verdict-span]"))).toMatch(/когорты \d кв\. \d{4} – \d кв\. \d{4}$/);
  });

  it("turns the overall rate green when the target drops below it and red when it rises above", async () => {
    const rate = reference(DEMO, 0.67).verdict.rate!;
    const frame = await openSidebar();
    const rateClass = (): Promise<string | null> => frame.getAttribute("[data-testid=overall-rate]", "class");
    expect(await rateClass()).toContain("below");
    const below = Math.floor(rate * 100) - 5;
    await frame.fill("[data-testid=target]", String(below));
    await reanalyse(frame, () => frame.click("[data-testid=analyze]"));
    expect(await rateClass()).toContain("ok");
    const green = await frame.$eval("[data-testid=overall-rate]", (element) => getComputedStyle(element).color);
    // Fewer cohorts are below a lower target.
    const lowTargetRed = await frame.locator("[data-testid=cohort-table] tr[data-state=below-target]").count();

    await frame.fill("[data-testid=target]", String(Math.ceil(rate * 100) + 5));
    await reanalyse(frame, () => frame.click("[data-testid=analyze]"));
    expect(await rateClass()).toContain("below");
    const red = await frame.$eval("[data-testid=overall-rate]", (element) => getComputedStyle(element).color);
    expect(red).not.toBe(green);
    expect(await frame.locator("[data-testid=cohort-table] tr[data-state=below-target]").count()).toBeGreaterThan(lowTargetRed);
  });

  it("analyses the rows selected by dragging over the row headers, and a typed A1 range", async () => {
    const { page } = session;
    const frame = await openSidebar();
    await page.hover("tr[data-row='1'] th");
    await page.mouse.down();
    await page.hover("tr[data-row='25'] th");
    await page.mouse.up();
    await page.waitForFunction(() => (document.querySelector("[data-testid=selection]") as HTMLInputElement).value === "A1:F25");
    await reanalyse(frame, () => frame.click("[data-testid=analyze]"));
    expect(await frame.textContent("[data-testid=range]")).toBe("Range: A1:F25");
    // 24 orders from January 2022, the data's first month: nothing is old enough to judge yet.
    const first24 = reference(
      DEMO.filter((row) => row.sheetRow <= 25),
      0.67,
    );
    expect(first24.verdict.rate).toBeNull();
    expect(await frame.textContent("[data-testid=overall-rate]")).toBe("—");
    // English dates are ISO, as the text report writes them.
    expect(await frame.textContent("[data-testid=verdict]")).toBe(
      `Too early to judge: the orders must reach ${first24.verdict.judgeableOn}`,
    );
    expect(await frame.textContent("[data-testid=all-time-rate]")).toBe(`all time ${englishPercent(first24.rate)}`);

    await page.fill("[data-testid=selection]", "A1:F1000");
    await page.press("[data-testid=selection]", "Enter");
    await page.waitForFunction(() => document.querySelectorAll("th.row-header.selected").length === 1000);
    await reanalyse(frame, () => frame.click("[data-testid=analyze]"));
    const first999 = reference(
      DEMO.filter((row) => row.sheetRow <= 1000),
      0.67,
    );
    expect(await frame.textContent("[data-testid=overall-rate]")).toBe(englishPercent(first999.verdict.rate!));
  });

  /** Types a range into the preview's selection box, as a user selecting in Sheets. */
  async function select(a1: string): Promise<void> {
    const { page } = session;
    await page.fill("[data-testid=selection]", a1);
    await page.press("[data-testid=selection]", "Enter");
    await page.waitForFunction((range) => (document.querySelector("[data-testid=selection]") as HTMLInputElement).value === range, a1);
  }

  it("follows the selection: an empty cell is said to be empty, and a range with other columns gets its own", async () => {
    const frame = await openSidebar();
    await select("H10");
    await frame.click("[data-testid=analyze]");
    await frame.waitForSelector("[data-testid=report][data-state=error]");
    expect(await frame.textContent("[data-testid=error]")).toBe("Could not finish: H10 is empty: click inside your order table.");

    // Without the order-number column A every column moves one to the left; the form was built for A:F.
    await select("B1:F300");
    await reanalyse(frame, () => frame.click("[data-testid=analyze]"));
    expect(await frame.textContent("[data-testid=range]")).toBe("Range: B1:F300");
    const customer = await frame.$eval(
      "[data-testid=column-customer]",
      (select) => (select as HTMLSelectElement).selectedOptions[0]!.textContent,
    );
    expect([customer, await frame.inputValue("[data-testid=column-customer]")]).toEqual(["Customer", "1"]);
    const first299 = reference(
      DEMO.filter((row) => row.sheetRow <= 300),
      0.67,
    );
    expect(await frame.textContent("[data-testid=overall-rate]")).toBe(
      first299.verdict.rate === null ? "—" : englishPercent(first299.verdict.rate),
    );
    expect(await frame.textContent("[data-testid=all-time-rate]")).toBe(`all time ${englishPercent(first299.rate)}`);
  });

  it("shows a target of 150 as a field error on Enter and does not apply it", async () => {
    const frame = await openSidebar();
    const before = await frame.textContent("[data-testid=overall-rate]");
    let analyses = 0;
    session.page.on("request", (request) => {
      if (request.url().includes("/api/run/analyzeSelection")) analyses++;
    });
    await frame.fill("[data-testid=target]", "150");
    await frame.press("[data-testid=target]", "Enter");
    expect(await frame.textContent("[data-testid=target-error]")).toBe("Enter a percentage from 1 to 100");
    expect(await frame.getAttribute("[data-testid=target]", "aria-invalid")).toBe("true");
    await frame.click("[data-testid=analyze]");
    expect(analyses).toBe(0);
    expect(await frame.textContent("[data-testid=overall-rate]")).toBe(before);
    expect(await frame.getAttribute("[data-testid=overall-rate]", "class")).toContain("below");

    // Fixed and applied with Enter alone: 40 % is below the demo's verdict, so it turns green.
    await reanalyse(frame, async () => {
      await frame.fill("[data-testid=target]", "40");
      await frame.press("[data-testid=target]", "Enter");
    });
    expect(await frame.isHidden("[data-testid=target-error]")).toBe(true);
    expect(await frame.getAttribute("[data-testid=overall-rate]", "class")).toContain("ok");
    expect(analyses).toBe(1);
  });

  it("refuses the same column for two roles, naming both", async () => {
    const frame = await openSidebar();
    await frame.click("details.columns summary");
    const customerColumn = await frame.inputValue("[data-testid=column-customer]");
    await frame.selectOption("[data-testid=column-amount]", customerColumn);
    await frame.waitForSelector("[data-testid=report][data-state=error]");
    expect(await frame.textContent("[data-testid=error]")).toBe(
      "Could not finish: “Customer” and “Amount” are both the column “Customer”: choose a different column for each.",
    );
  });

  it("creates the template, whose Dashboard headline equals the sidebar's verdict on the template's Orders", async () => {
    const { page, preview } = session;
    expect(preview.workbook().templateBuilders).toContain("createTemplate");
    const frame = await openSidebar();
    const before = await page.$$eval("[data-testid=tabs] button", (tabs) => tabs.length);
    await page.click("[data-testid=create-template]");
    await page.waitForFunction((count) => document.querySelectorAll("[data-testid=tabs] button").length === count + 3, before);
    const active = await page.textContent("[data-testid=tabs] button.active");
    expect(preview.workbook().sheetNames).toContain(active);
    // The dashboard's target cell B4 holds the book's 67 %, shown through its number format.
    expect(await page.textContent("tr[data-row='4'] td:nth-of-type(2)")).toBe("67%");

    // With sample orders the verdict in B6 has data (HyperFormula computes it), and the sidebar on
    // the new Orders tab, with its default of leaving project deals out, shows the same figure.
    await page.click("[data-testid=create-template-sample]");
    await page.waitForFunction((count) => document.querySelectorAll("[data-testid=tabs] button").length === count + 6, before);
    const headline = await page.textContent("tr[data-row='6'] td:nth-of-type(2)");
    expect(headline).toMatch(/^\d{1,3}\.\d%$/);
    const [orders] = (await page.$$eval("[data-testid=tabs] button", (tabs) => tabs.map((tab) => tab.getAttribute("data-sheet")!))).slice(
      -3,
    );
    await page.click(`[data-testid=tabs] button[data-sheet='${orders!}']`);
    await page.waitForFunction(
      (name) => document.querySelector("[data-testid=tabs] button.active")?.getAttribute("data-sheet") === name,
      orders,
    );
    await reanalyse(frame, () => frame.click("[data-testid=analyze]"));
    expect(await frame.textContent("[data-testid=range]")).toMatch(/^Range: A1:G\d+$/);
    expect(await frame.textContent("[data-testid=overall-rate]")).toBe(headline);
  });

  it.runIf(process.env.SCREENSHOTS === "1")("takes the README screenshots of the sidebar", async () => {
    const { browser, page, preview } = session;
    const shots = join(ROOT, "docs/screenshots");
    mkdirSync(shots, { recursive: true });
    for (const [locale, file] of [
      ["en_US", "sidebar-en.png"],
      ["ru_RU", "sidebar-ru.png"],
    ] as const) {
      preview.reset();
      const sidebar = await browser.newPage({ viewport: { width: 300, height: 800 }, deviceScaleFactor: 2 });
      await sidebar.goto(`${preview.url}/sidebar?locale=${locale}`);
      await sidebar.waitForSelector("[data-testid=report][data-state=ready]");
      // The top of the sidebar: form, overall rate, chart, cohorts and managers.
      const height = Math.min(1250, await sidebar.evaluate(() => document.body.scrollHeight));
      await sidebar.screenshot({ path: join(shots, file), fullPage: true, clip: { x: 0, y: 0, width: 300, height } });
      await sidebar.close();
    }
    const frame = await session.openSidebar();
    await frame.click("[data-testid=highlight]");
    await page.waitForSelector("td[data-highlight]");
    await page.screenshot({ path: join(shots, "preview.png") });
  });
});
