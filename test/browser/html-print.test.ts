// The CLI's HTML report printed to PDF by headless Chromium, as a manager would print it or save
// it as a PDF: A4 pages, the summary (verdict, action line, health check) alone on the first
// page, each section after it on a page of its own, and no dark backgrounds on paper. The report
// is the demo order log's, with its health check, in English and in Russian (the longer words).

import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderHtml } from "../../src/cli/render-html";
import { analyzeTable } from "../../src/core/analyze-table";
import { inputLocale } from "../../src/core/cells";
import { readTable } from "../../src/files/read-table";
import type { Language } from "../../src/i18n/language";
import { hasChromium, launchChromium } from "./chromium";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** A4 in PostScript points (210 × 297 mm); Chromium rounds to its pixel grid, within a point. */
const A4 = { width: 595.28, height: 841.89 };

function demoReport(language: Language): string {
  const rows = readTable(readFileSync(join(ROOT, "demo/orders.csv")));
  const header = rows[0]!;
  const column = (name: string): number => header.indexOf(name);
  const { report } = analyzeTable(rows, {
    mapping: { customer: column("Customer"), date: column("Order date"), amount: column("Amount"), manager: column("Manager") },
    headers: header,
    headerRow: 0,
    firstRowNumber: 1,
    health: { columns: {} },
    locale: inputLocale(language === "ru" ? "ru_RU" : "en_US", "UTC"),
    settings: { target: 0.67, period: "month" },
  });
  const layout = { encoding: "utf-8", delimiter: ";", headerLine: 1, mapping: {}, columnNames: {}, excludedDealTypes: [] } as const;
  return renderHtml({ file: "demo/orders.csv", layout, report }, language, language === "ru" ? "RUB" : "USD");
}

/** Each page's size, read from the PDF's page objects (Chromium writes them uncompressed). */
function pageSizes(pdf: Buffer): { width: number; height: number }[] {
  return [...pdf.toString("latin1").matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map(([, width, height]) => ({
    width: Number(width),
    height: Number(height),
  }));
}

const printA4 = (page: Page): Promise<Buffer> => page.pdf({ format: "A4" });

describe.skipIf(!hasChromium).each(["en", "ru"] as const)("the HTML report printed on A4 (%s)", (language) => {
  let browser: Browser;
  let page: Page;
  const html = demoReport(language);
  const sections = [...html.matchAll(/<section data-section="(\w+)">/g)].map((match) => match[1]!);

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("prints every page on A4", async () => {
    await page.setContent(html);
    const sizes = pageSizes(await printA4(page));
    expect(sizes.length).toBeGreaterThan(1);
    for (const size of sizes) {
      expect(Math.abs(size.width - A4.width)).toBeLessThan(2);
      expect(Math.abs(size.height - A4.height)).toBeLessThan(2);
    }
  });

  it("fits the summary on one page, and starts every other section on a new page", async () => {
    expect(sections).toEqual(["summary", "charts", "cohorts", "managers", "data", "lost", "lapsed", "skipped"]);
    await page.setContent(html);
    const full = pageSizes(await printA4(page)).length;
    // The summary alone: one page. Each later section starts a page, so page 1 holds nothing else.
    await page.addStyleTag({ content: "section:not([data-section=summary]),footer{display:none}" });
    expect(pageSizes(await printA4(page))).toHaveLength(1);
    await page.emulateMedia({ media: "print" });
    const breaks = await page.$$eval("section", (all) => all.map((section) => getComputedStyle(section).breakBefore));
    expect(breaks).toEqual(["auto", ...sections.slice(1).map(() => "page")]);
    expect(full).toBeGreaterThanOrEqual(sections.length);
  });

  it("puts nothing dark behind the text on paper", async () => {
    await page.setContent(html);
    await page.emulateMedia({ media: "print" });
    const dark = await page.$$eval("*", (all) =>
      all
        .map((element) => ({ tag: element.tagName, color: getComputedStyle(element).backgroundColor }))
        .filter(({ color }) => {
          const [r, g, b, a = 1] = (color.match(/[\d.]+/g) ?? []).map(Number);
          return a > 0 && 0.2126 * r! + 0.7152 * g! + 0.0722 * b! < 200;
        }),
    );
    expect(dark).toEqual([]);
  });
});
