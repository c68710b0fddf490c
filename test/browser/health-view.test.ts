// The sidebar's Health check view (issue 14) in the local preview, in headless Chromium: the eight
// questions with their verdict colours, a trend line exactly where a question has a series, the
// questions that need a Budget or an Initiated by column, "Copy lapsed customers to a new sheet",
// and the Russian UI. Every figure is worked out by hand below, not taken from the add-on.
// Sentences are being reworded: the tests match the figures inside them, not the words around.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Frame } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { HealthVerdict } from "../../src/core/health/questions";
import { HEALTH_TEXT } from "../../src/i18n/health";
import { DEFAULT_TIME_ZONE } from "../../src/preview/workbook";
import { orderTableSql } from "../../src/sql/order-table";
import { hasChromium } from "./chromium";
import { buildDistIfStale, type PreviewInChromium, reanalyse, sqlColumnNames, usePreviewInChromium } from "./fixture";

/**
 * Six months of 2024; the latest purchase is on 30 June, so January to June are all complete. The
 * tests tick "The orders start with the business", so every complete month is judged (without it
 * no month starts a year after the first order). The trend rule compares April–June with
 * January–March (no year before to compare with).
 *
 * Month      new customers (revenue)                 existing (revenue)              purchases
 * January    HYP 50, Ann 100, Bob 100, Dan 400 = 650 —                          0    4
 * February   —                                       HYP 50, Ann 100, Bob 100 = 250  3
 * March      —                                       Ann 100 = 100                   1
 * April      Cat 300                                 Ann 100 = 100                   2
 * May        Eve 40                                  Cat 60, Ann 100 = 160           3
 * June       Fay 30                                  Cat 60, Ann 60 + 40 = 160       3 (Ann's two rows on 10 June are one purchase)
 *
 * (HYP is the customer named =HYPERLINK("x").)
 * 1. Existing share of April–June revenue: 420 ÷ (420 + 370) = 53.16 % → 53.2 %: watch (50–60 %).
 * 2. Budgets: Ann's latest non-blank budget is 700 (10 April; 5,000 in January is older), Cat's 500.
 *    Sales of the last 12 months: Ann 600, Cat 420. 1,020 ÷ 1,200 = 85.0 %: good (≥ 75 %).
 * 3. Existing revenue, April–June 420 against January–March 0 + 250 + 100 = 350: +20.0 %, growing: good.
 * 4. No Manager column: needs data.
 * 5. Gaps between purchases: HYP 30; Ann 31, 29, 31, 30, 31; Bob 31; Cat 30, 31. Median 31.
 *    HYP (last 4 Feb, gone 147 days > 2 × 30 and > 31) and Bob (last 15 Feb, gone 136 > 2 × 31) have
 *    lapsed; Ann (gone 20) and Cat (gone 25) have not. 2 of the 4 repeat customers = 50 %: bad
 *    (> 25 %). At stake: Bob 200, HYP 100, 300 in all.
 * 6. Average order, April–June 790 ÷ 8 = 98.75 against January–March 1,000 ÷ 8 = 125: −21.0 %, falling: bad.
 * 7. Of the 16 purchases, the company started Ann's of 10 February, 10 March, 10 April, 10 May and
 *    10 June (one of its two rows says outbound) and Cat's of 5 May: 6 ÷ 16 = 37.5 %: watch (30–50 %).
 * 8. Customers in the 12 months to each month's end: 4, 4, 4, 5, 6, 7. April–June 18 against
 *    January–March 12: +50.0 %, growing: good; 7 customers at the end of June.
 * Questions 1, 3, 6 and 8 have a series: six complete months, six points each.
 */
const ORDERS: readonly (readonly string[])[] = [
  ["Order date", "Customer", "Amount", "Budget", "Initiated by", "Phone"],
  ["2024-01-05", '=HYPERLINK("x")', "50", "", "inbound", "+7 900 000-00-01"],
  ["2024-01-10", "Ann", "100", "5000", "inbound", ""],
  ["2024-01-15", "Bob", "100", "", "inbound", "+7 900 000-00-02"],
  ["2024-01-25", "Dan", "400", "", "inbound", ""],
  ["2024-02-04", '=HYPERLINK("x")', "50", "", "inbound", "+7 900 000-00-01"],
  ["2024-02-10", "Ann", "100", "", "outbound", ""],
  ["2024-02-15", "Bob", "100", "", "inbound", "+7 900 000-00-02"],
  ["2024-03-10", "Ann", "100", "", "outbound", ""],
  ["2024-04-05", "Cat", "300", "500", "inbound", ""],
  ["2024-04-10", "Ann", "100", "700", "outbound", ""],
  ["2024-05-05", "Cat", "60", "", "outbound", ""],
  ["2024-05-10", "Ann", "100", "", "outbound", ""],
  ["2024-05-20", "Eve", "40", "", "inbound", ""],
  ["2024-06-05", "Cat", "60", "", "inbound", ""],
  ["2024-06-10", "Ann", "60", "", "inbound", ""],
  ["2024-06-10", "Ann", "40", "", "outbound", ""],
  ["2024-06-30", "Fay", "30", "", "inbound", ""],
];

/** The same orders without the Budget and Initiated by columns: questions 2 and 7 need data, the rest answer as above. */
const WITHOUT_DETAILS = ORDERS.map((row) => row.filter((_, column) => column !== 3 && column !== 4));

const QUESTIONS = [1, 2, 3, 4, 5, 6, 7, 8] as const;

/** The hand-worked verdicts above, by question. */
const VERDICTS: Record<number, HealthVerdict> = {
  1: "watch",
  2: "good",
  3: "good",
  4: "needsData",
  5: "bad",
  6: "bad",
  7: "watch",
  8: "good",
};

/** The questions with a series (1, 3, 6, 8), and the six complete months each trend line draws. */
const WITH_SERIES = [1, 3, 6, 8];
const COMPLETE_MONTHS = 6;

function csv(rows: readonly (readonly string[])[]): string {
  const field = (value: string): string => (/[",]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return `${rows.map((row) => row.map(field).join(",")).join("\n")}\n`;
}

/** Writes the orders to a fresh folder as orders.csv, which the preview shows as the sheet "Orders". */
function ordersFile(rows: readonly (readonly string[])[]): string {
  const path = join(mkdtempSync(join(tmpdir(), "sheets-retention-health-")), "orders.csv");
  writeFileSync(path, csv(rows));
  return path;
}

/** Opens the sidebar and ticks "The orders start with the business", so that every complete month is judged. */
async function openJudgingEveryMonth(session: PreviewInChromium, query = ""): Promise<Frame> {
  const frame = await session.openSidebar(query);
  await frame.$eval("[data-testid=settings-panel]", (details) => {
    (details as HTMLDetailsElement).open = true;
  });
  await reanalyse(frame, () => frame.check("[data-testid=orders-start]"));
  return frame;
}

interface ShownAnswer {
  /** The verdict class on the question's item (health-good …), without its prefix. */
  verdict: string | undefined;
  badge: string;
  /** The sentence, with no-break spaces as plain ones. */
  sentence: string;
  /** The points of each trend line in the item. */
  trendPoints: number[];
  trendLabels: string[];
  /** The colour of the item's left border: the verdict colour. */
  colour: string;
}

/** What the Health check card shows for each question, by id. */
async function shownAnswers(frame: Frame): Promise<Record<number, ShownAnswer>> {
  const shown: Record<number, ShownAnswer> = {};
  for (const id of QUESTIONS) {
    shown[id] = await frame.$eval(`[data-testid=health] [data-testid=health-q${id}]`, (item) => {
      const plain = (text: string | null): string => (text ?? "").replace(/[\u00a0\u202f]/g, " ");
      const lines = Array.from(item.querySelectorAll("svg.sparkline polyline"));
      return {
        verdict: Array.from(item.classList)
          .find((name) => /^health-(good|watch|bad|needsData)$/.test(name))
          ?.slice("health-".length),
        badge: plain(item.querySelector(".health-badge")?.textContent ?? null),
        sentence: plain(item.querySelector(".health-sentence")?.textContent ?? null),
        trendPoints: lines.map((line) => (line.getAttribute("points") ?? "").trim().split(/\s+/).length),
        trendLabels: Array.from(item.querySelectorAll("svg.sparkline")).map((svg) => plain(svg.getAttribute("aria-label"))),
        colour: getComputedStyle(item).borderLeftColor,
      };
    });
  }
  return shown;
}

/** The numbers written in a text, as numbers (1,020 and 1 020 read as 1020; 98,75 or 98.75 as 98.75 with `decimal`). */
function numbersIn(text: string, decimal: "." | ","): number[] {
  const group = decimal === "." ? /,(?=\d{3})/g : /[ .](?=\d{3})/g;
  return (text.replace(group, "").match(/\d+(?:[.,]\d+)?/g) ?? []).map((n) => Number(n.replace(",", ".")));
}

/** The call list the add-on wrote into a sheet of the preview's spreadsheet. */
function sheetContents(session: PreviewInChromium, sheetName: string, locale?: string) {
  const range = session.preview.workbook(locale).fake.sheet(sheetName).getDataRange();
  return {
    values: range.getValues(),
    display: range.getDisplayValues(),
    formulas: range.getFormulas(),
    formats: range.getNumberFormats(),
  };
}

describe.skipIf(!hasChromium)("the Health check view with Budget and Initiated by columns (headless Chromium)", () => {
  const session = usePreviewInChromium({ prepare: buildDistIfStale, previewOptions: () => ({ dataPath: ordersFile(ORDERS) }) });

  it("gives “SQL for BigQuery” the Initiated by, Budget and Phone columns it read, so that the query answers questions 7 and 2 and lists contacts", async () => {
    const frame = await session.openSidebar();
    await frame.click("[data-testid=sql-panel] > summary");
    expect(await sqlColumnNames(frame)).toEqual([
      ["sql-column-customer", "Customer"],
      ["sql-column-date", "Order date"],
      ["sql-column-amount", "Amount"],
      ["sql-column-initiatedBy", "Initiated by"],
      ["sql-column-budget", "Budget"],
      ["sql-column-contact", "Phone"],
    ]);
    await frame.fill("[data-testid=sql-table]", "my-project.shop.orders");
    // The sidebar's settings on opening, as sidebar-sql.test.ts writes them out, on this file's columns.
    const expected = orderTableSql({
      dialect: "bigquery",
      table: "my-project.shop.orders",
      columns: {
        customer: "Customer",
        date: "Order date",
        amount: "Amount",
        initiatedBy: "Initiated by",
        budget: "Budget",
        contact: "Phone",
      },
      dateType: "text",
      amountType: "text",
      excludeDealTypes: [],
      target: 0.67,
      period: "month",
      ordersStartWithBusiness: false,
      timeZone: DEFAULT_TIME_ZONE,
      locale: { slashOrder: "MDY", decimalComma: false },
    });
    expect(await frame.inputValue("[data-testid=sql-text]")).toBe(expected);
    expect(expected).toContain("`Initiated by`");
    // Question 2's statement and the call list's contacts, which need those columns.
    expect(expected).toMatch(/^-- wallet$/m);
    expect(expected).toMatch(/^-- lapsedContacts$/m);
  });

  it("shows the eight questions with the hand-worked verdict colours and a trend line exactly where there is a series", async () => {
    const frame = await openJudgingEveryMonth(session);
    expect(await frame.$$eval("[data-testid=health] .health-answer", (items) => items.length)).toBe(8);
    const shown = await shownAnswers(frame);
    for (const id of QUESTIONS) {
      expect(shown[id]!.verdict, `question ${id}`).toBe(VERDICTS[id]);
      expect(shown[id]!.trendPoints, `question ${id}`).toEqual(WITH_SERIES.includes(id) ? [COMPLETE_MONTHS] : []);
    }
    // Each verdict has its own colour, the same wherever it appears.
    const colourOf = new Map<string, Set<string>>();
    for (const id of QUESTIONS) colourOf.set(VERDICTS[id]!, (colourOf.get(VERDICTS[id]!) ?? new Set()).add(shown[id]!.colour));
    expect([...colourOf.values()].map((colours) => colours.size)).toEqual([1, 1, 1, 1]);
    expect(new Set([...colourOf.values()].map((colours) => [...colours][0])).size).toBe(4);
    // The labels are being reworded: each badge carries its verdict's label from the catalogue.
    for (const id of QUESTIONS) expect(shown[id]!.badge, `question ${id}`).toBe(HEALTH_TEXT.en[VERDICTS[id]!]);

    // The figures inside the sentences.
    expect(shown[1]!.sentence).toContain("53.2%");
    expect(shown[2]!.sentence).toContain("85.0%");
    expect(numbersIn(shown[2]!.sentence, ".")).toContain(2); // customers with a budget
    expect(shown[3]!.sentence).toContain("+20.0%");
    expect(shown[4]!.sentence).toContain("Manager");
    expect(numbersIn(shown[5]!.sentence, ".")).toEqual(expect.arrayContaining([2, 4, 300]));
    expect(shown[6]!.sentence).toContain("−21.0%");
    expect(numbersIn(shown[6]!.sentence, ".")).toContain(98.75);
    expect(shown[7]!.sentence).toContain("37.5%");
    expect(shown[8]!.sentence).toContain("+50.0%");
    expect(numbersIn(shown[8]!.sentence, ".")).toContain(7);
    // The trend line's text alternative: six months, from the first month's value to the last's.
    expect(numbersIn(shown[8]!.trendLabels[0]!, ".")).toEqual(expect.arrayContaining([COMPLETE_MONTHS, 4, 7]));
    expect(numbersIn(shown[3]!.trendLabels[0]!, ".")).toEqual(expect.arrayContaining([COMPLETE_MONTHS, 0, 160]));

    // The summary under the verdict carries the same eight verdicts, in order.
    const chips = await frame.$$eval("[data-testid=health-summary] .health-chip", (items) =>
      items.map((item) => Array.from(item.classList).find((name) => /^health-(good|watch|bad|needsData)$/.test(name))),
    );
    expect(chips).toEqual(QUESTIONS.map((id) => `health-${VERDICTS[id]}`));
  });

  it("judges no month a year after the first order without “the orders start with the business”: 1, 3 and 8 need history", async () => {
    // The data span six months, so no month starts 12 months after the first order. Question 6 reads
    // every complete month and keeps its trend; questions 2, 5 and 7 are no trends.
    const frame = await session.openSidebar();
    const shown = await shownAnswers(frame);
    for (const id of [1, 3, 8]) {
      expect(shown[id]!.verdict, `question ${id}`).toBe("needsData");
      expect(shown[id]!.trendPoints, `question ${id}`).toEqual([]);
    }
    expect(shown[6]!.verdict).toBe("bad");
    expect(shown[6]!.trendPoints).toEqual([COMPLETE_MONTHS]);
    for (const id of [2, 5, 7]) expect(shown[id]!.verdict, `question ${id}`).toBe(VERDICTS[id]);
  });

  // The first order is on 5 January 2024, so the first judged month is February 2025 (the first to
  // start on or after 5 January 2025). Question 1 needs three judged complete months, February–April
  // 2025: 10 more after June 2024. Questions 3 and 8 need six, February–July 2025: 13 more.
  it("says how many more complete months questions 1, 3 and 8 need", async () => {
    const frame = await session.openSidebar();
    const shown = await shownAnswers(frame);
    expect(numbersIn(shown[1]!.sentence, ".")).toEqual([10]);
    expect(numbersIn(shown[3]!.sentence, ".")).toEqual([13]);
    expect(numbersIn(shown[8]!.sentence, ".")).toEqual([13]);
  });

  // The item a trend line sits in is 12 px narrower than the card (a 4 px verdict border and 8 px of
  // padding): a line drawn at the card's width would run over the padding and past the card's edge.
  it("keeps each trend line inside its question", async () => {
    const frame = await openJudgingEveryMonth(session);
    const overflow = await frame.$$eval("[data-testid=health] svg.sparkline", (lines) =>
      lines.map((line) => line.getBoundingClientRect().right - line.closest("li")!.getBoundingClientRect().right),
    );
    expect(overflow).toHaveLength(WITH_SERIES.length);
    for (const pixels of overflow) expect(pixels).toBeLessThanOrEqual(0);
  });

  it("copies the lapsed customers to a new sheet as text, next to an existing sheet of that name which it leaves alone", async () => {
    const workbook = session.preview.workbook();
    workbook.fake.spreadsheet.addSheet("Lapsed customers", [["keep me", 1]]);
    const frame = await session.openSidebar();
    await frame.click("[data-testid=copy-lapsed]");
    await frame.waitForFunction(() => document.querySelector("[data-testid=status]")?.textContent?.includes("Lapsed customers 2"));

    expect(workbook.sheetNames).toEqual(["Orders", "Lapsed customers", "Lapsed customers 2"]);
    expect(sheetContents(session, "Lapsed customers").values).toEqual([["keep me", 1]]);
    const list = sheetContents(session, "Lapsed customers 2");
    // A header and the two lapsed customers, most at stake first: Bob (200), then HYP (100). No
    // Manager column: the manager is blank.
    expect(list.values).toHaveLength(3);
    expect(list.values[0]).toHaveLength(7);
    const row = (r: number) => [list.values[r]![0], list.values[r]![1], list.display[r]![2], ...list.values[r]!.slice(3)];
    expect(row(1)).toEqual(["Bob", "", "02/15/2024", 31, 136, 200, "+7 900 000-00-02"]);
    expect(row(2)).toEqual(['=HYPERLINK("x")', "", "02/04/2024", 30, 147, 100, "+7 900 000-00-01"]);
    // Names and phones arrive as text, never as formulas, in columns formatted as text.
    expect(list.formulas.flat().every((formula) => formula === "")).toBe(true);
    for (const column of [0, 1, 6]) expect(list.formats.map((formats) => formats[column])).toEqual(["@", "@", "@"]);
  });

  it("speaks Russian in a Russian-locale spreadsheet", async () => {
    const frame = await openJudgingEveryMonth(session, "?locale=ru_RU");
    const shown = await shownAnswers(frame);
    for (const id of QUESTIONS) expect(shown[id]!.verdict, `question ${id}`).toBe(VERDICTS[id]);
    // Russian labels, whatever their wording: the catalogue's, in Cyrillic, none the English one.
    for (const id of QUESTIONS) {
      expect(shown[id]!.badge, `question ${id}`).toBe(HEALTH_TEXT.ru[VERDICTS[id]!]);
      expect(shown[id]!.badge, `question ${id}`).toMatch(/^[а-яё ]+$/i);
    }
    expect(shown[2]!.badge).toBe("хорошо");
    expect(shown[5]!.badge).toBe("плохо");
    expect(shown[1]!.sentence).toContain("53,2 %");
    expect(shown[2]!.sentence).toContain("85,0 %");
    expect(shown[3]!.sentence).toContain("+20,0 %");
    expect(shown[6]!.sentence).toContain("−21,0 %");
    expect(numbersIn(shown[6]!.sentence, ",")).toContain(98.75);
    expect(shown[7]!.sentence).toContain("37,5 %");
    expect(shown[8]!.sentence).toContain("+50,0 %");

    await frame.click("[data-testid=copy-lapsed]");
    await frame.waitForFunction(() => document.querySelector("[data-testid=status]")?.textContent?.includes("Ушедшие клиенты"));
    const list = sheetContents(session, "Ушедшие клиенты", "ru_RU");
    expect(list.display.slice(1).map((row) => [row[0], row[2]])).toEqual([
      ["Bob", "15.02.2024"],
      ['=HYPERLINK("x")', "04.02.2024"],
    ]);
  });
});

describe.skipIf(!hasChromium)("the Health check view without Budget and Initiated by columns (headless Chromium)", () => {
  const session = usePreviewInChromium({ prepare: buildDistIfStale, previewOptions: () => ({ dataPath: ordersFile(WITHOUT_DETAILS) }) });

  it("asks for a Budget and an Initiated by column, and answers the other questions as before", async () => {
    const frame = await openJudgingEveryMonth(session);
    const shown = await shownAnswers(frame);
    for (const id of QUESTIONS) {
      expect(shown[id]!.verdict, `question ${id}`).toBe(id === 2 || id === 7 ? "needsData" : VERDICTS[id]);
      expect(shown[id]!.trendPoints, `question ${id}`).toEqual(WITH_SERIES.includes(id) ? [COMPLETE_MONTHS] : []);
    }
    expect(shown[2]!.badge).toBe(HEALTH_TEXT.en.needsData);
    expect(shown[2]!.sentence).toContain("Budget");
    expect(shown[2]!.sentence).not.toMatch(/%/);
    expect(shown[7]!.badge).toBe(HEALTH_TEXT.en.needsData);
    expect(shown[7]!.sentence).toContain("Initiated by");
    expect(shown[7]!.sentence).not.toMatch(/%/);
  });

  it("asks for them in Russian too", async () => {
    const frame = await openJudgingEveryMonth(session, "?locale=ru_RU");
    const shown = await shownAnswers(frame);
    expect([shown[2]!.verdict, shown[7]!.verdict]).toEqual(["needsData", "needsData"]);
    expect(shown[2]!.sentence).toContain("Бюджет");
    expect(shown[7]!.sentence).toContain("Инициатор");
  });
});
