// The sidebar tells the user what it is doing (issue 15), in the local preview in headless
// Chromium: a spinner with words while each server call is pending, held open here by holding the
// call's request; a typed target applied once typing pauses, without leaving the field; and
// amounts written in the currency of the amount column's number format, or the one set, or none.

import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Frame, Page, Route } from "playwright-core";
import { describe, expect, it } from "vitest";
import { hasChromium } from "./chromium";
import { sidebarFrame, usePreviewInChromium } from "./fixture";
import { readDemo, reference } from "./reference";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const DEMO = readDemo(join(ROOT, "demo/orders.csv"));

/** A server call's request held until `release`: the call stays pending, as a slow Apps Script call would. */
interface HeldCall {
  /** Resolves once the sidebar has made the call. */
  made: Promise<void>;
  release(): void;
}

async function holdNext(page: Page, name: string): Promise<HeldCall> {
  let made!: () => void;
  let release!: () => void;
  const madePromise = new Promise<void>((resolve) => (made = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    `**/api/run/${name}*`,
    async (route: Route) => {
      made();
      await released;
      await route.continue();
    },
    { times: 1 },
  );
  return { made: madePromise, release };
}

describe.skipIf(!hasChromium)("the sidebar's progress, typing and currency (headless Chromium)", () => {
  // dist/ is built by `npm test` or by the layout test; this file reads it as it is.
  const session = usePreviewInChromium();

  /** The progress line: its state, its words, and whether a spinner turns beside them. */
  async function progress(frame: Frame): Promise<{ state: string | null; words: string; spinner: boolean }> {
    return frame.$eval("[data-testid=progress]", (line) => ({
      state: line.getAttribute("data-state"),
      words: line.textContent ?? "",
      spinner: line.querySelector(".spinner") !== null,
    }));
  }

  it("shows a spinner with words while the state loads and while the first analysis runs, then clears it", async () => {
    const { page, preview } = session;
    const state = await holdNext(page, "getSidebarState");
    const analysis = await holdNext(page, "analyzeSelection");
    // The page's load waits for nothing the sidebar fetches, but "commit" is all this test needs.
    await page.goto(preview.url, { waitUntil: "commit" });
    const frame = await sidebarFrame(page);
    await state.made;
    // "attached": the report's place is empty, so of no size, while the first analysis runs.
    await frame.waitForSelector("[data-testid=progress][data-state=busy]", { state: "attached" });
    expect(await progress(frame)).toEqual({ state: "busy", words: "Reading the selection…", spinner: true });

    state.release();
    await analysis.made;
    await frame.waitForSelector("[data-testid=report][data-state=loading]", { state: "attached" });
    expect(await progress(frame)).toEqual({ state: "busy", words: "Analysing the orders…", spinner: true });
    expect(await frame.$("[data-testid=overall-rate]")).toBeNull();

    analysis.release();
    await frame.waitForSelector("[data-testid=report][data-state=ready]");
    expect(await progress(frame)).toEqual({ state: "idle", words: "", spinner: false });
  });

  it("shows the spinner again while a changed setting is re-analysed, with the old report faded under it", async () => {
    const frame = await session.openSidebar();
    await frame.click("[data-testid=settings-panel] > summary");
    const before = await frame.textContent("[data-testid=overall-rate]");

    const analysis = await holdNext(session.page, "analyzeSelection");
    await frame.selectOption("[data-testid=period]", "quarter");
    await analysis.made;
    expect(await progress(frame)).toEqual({ state: "busy", words: "Analysing the orders…", spinner: true });
    expect(await frame.getAttribute("[data-testid=report]", "data-state")).toBe("loading");
    // The last report stays, faded, until the new one comes.
    expect(await frame.textContent("[data-testid=overall-rate]")).toBe(before);
    // Faded by a 0.2 s transition: a busy machine can look before its first frame.
    await frame.waitForFunction(() => Number(getComputedStyle(document.querySelector("[data-testid=answer]")!).opacity) < 1, undefined, {
      timeout: 5000,
    });

    analysis.release();
    await frame.waitForSelector("[data-testid=report][data-state=ready]");
    expect(await progress(frame)).toEqual({ state: "idle", words: "", spinner: false });
  });

  it("applies a typed target once typing pauses, without Enter or leaving the field, and runs once for fast typing", async () => {
    const rate = reference(DEMO, 0.67).verdict.rate!;
    const frame = await session.openSidebar();
    await frame.click("[data-testid=settings-panel] > summary");
    expect(await frame.getAttribute("[data-testid=overall-rate]", "class")).toContain("below");
    const analyses: string[] = [];
    session.page.on("request", (request) => {
      if (request.url().includes("/api/run/analyzeSelection")) analyses.push(request.postData() ?? "");
    });

    // A target 5 points under the demo's verdict, typed a key every 100 ms: well inside the 500 ms pause.
    const target = String(Math.floor(rate * 100) - 5);
    await frame.click("[data-testid=target]");
    await frame.press("[data-testid=target]", "Control+A");
    await frame.type("[data-testid=target]", target, { delay: 100 });
    expect(analyses).toEqual([]);
    await frame.waitForFunction(() => document.querySelector("[data-testid=overall-rate]")?.classList.contains("ok") === true, undefined, {
      timeout: 5000,
    });
    await frame.waitForSelector("[data-testid=report][data-state=ready]");
    // Nothing more comes after the pause.
    await session.page.waitForTimeout(800);
    expect(analyses).toHaveLength(1);
    expect(JSON.parse(analyses[0]!).args[0].settings.targetPercent).toBe(Number(target));
    expect(await frame.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("target");
  });

  describe("amounts in the sheet's currency", () => {
    /** The demo's most valuable lost customer: the injection name's single order of 990 000,00 (demo row 973). */
    async function lostAmount(query: string, amountFormat?: string): Promise<string> {
      const book = session.preview.workbook(query === "" ? undefined : query.replace("?locale=", ""));
      if (amountFormat !== undefined) {
        const sheet = book.fake.spreadsheet.getSheetByName("Orders")!;
        sheet.getRange(2, 4, DEMO.length, 1).setNumberFormat(amountFormat);
      }
      const frame = await session.openSidebar(query);
      return (await frame.textContent("[data-testid=lost] ol li:first-child .num"))!;
    }

    it("writes the sign of a bracketed currency format, in the locale's place for it", async () => {
      expect(await lostAmount("", "#,##0.00 [$₽-419]")).toBe("₽990,000.00");
      session.preview.reset();
      expect(await lostAmount("?locale=ru_RU", "#,##0.00 [$₽-419]")).toBe("990\u00a0000,00\u00a0₽");
    });

    it("writes the sign of a quoted currency format", async () => {
      expect(await lostAmount("", '"$"#,##0.00')).toBe("$990,000.00");
    });

    it("writes no sign when the format shows none, and the currency set in Settings when there is one", async () => {
      expect(await lostAmount("", "#,##0.00")).toBe("990,000.00");
      const frame = await sidebarFrame(session.page);
      await frame.click("[data-testid=settings-panel] > summary");
      await frame.fill("[data-testid=currency]", "EUR");
      await frame.press("[data-testid=currency]", "Enter");
      await frame.waitForFunction(
        () => document.querySelector("[data-testid=lost] ol li:first-child .num")?.textContent === "€990,000.00",
        undefined,
        { timeout: 5000 },
      );
    });

    it("lets the sheet's own currency win over the one set in Settings", async () => {
      await lostAmount("", '"$"#,##0.00');
      const frame = await sidebarFrame(session.page);
      await frame.click("[data-testid=settings-panel] > summary");
      await frame.fill("[data-testid=currency]", "EUR");
      // Enter starts the analysis at once (the report is loading when the key is handled).
      await frame.press("[data-testid=currency]", "Enter");
      await frame.waitForSelector("[data-testid=report][data-state=ready]");
      expect(await frame.textContent("[data-testid=lost] ol li:first-child .num")).toBe("$990,000.00");
    });
  });
});
