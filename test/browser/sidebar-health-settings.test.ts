// The health check's two settings in the sidebar's Settings panel, in the local preview in
// headless Chromium: their defaults shown, a value the server would refuse kept back with the
// field's message (in English and Russian), and an accepted one sent with the analysis.

import type { Frame, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { hasChromium } from "./chromium";
import { usePreviewInChromium } from "./fixture";

describe.skipIf(!hasChromium)("the health check's settings in the sidebar (headless Chromium)", () => {
  // dist/ is built by `npm test` or by the layout test; this file reads it as it is.
  const session = usePreviewInChromium();

  /** The settings of every analysis the page asks for from now on. */
  function sentSettings(page: Page): Record<string, unknown>[] {
    const sent: Record<string, unknown>[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/api/run/analyzeSelection")) sent.push(JSON.parse(request.postData() ?? "{}").args[0].settings);
    });
    return sent;
  }

  async function type(frame: Frame, testId: string, value: string): Promise<void> {
    await frame.fill(`[data-testid=${testId}]`, value);
    await frame.press(`[data-testid=${testId}]`, "Enter");
  }

  const errorText = (frame: Frame, testId: string): Promise<string | null> =>
    frame.$eval(`[data-testid=${testId}-error]`, (error) => ((error as HTMLElement).hidden ? null : error.textContent));

  it("shows 10 and 2, keeps back a factor of 1 with its message, and sends 2.5 and 15", async () => {
    const frame = await session.openSidebar();
    await frame.click("[data-testid=settings-panel] > summary");
    expect(await frame.inputValue("[data-testid=trend-threshold]")).toBe("10");
    expect(await frame.inputValue("[data-testid=lapsed-factor]")).toBe("2");
    const sent = sentSettings(session.page);

    await type(frame, "lapsed-factor", "1");
    expect(await errorText(frame, "lapsed-factor")).toBe("Enter a number above 1 (2 means twice the usual gap)");
    await session.page.waitForTimeout(700);
    expect(sent).toEqual([]);

    await type(frame, "lapsed-factor", "2.5");
    expect(await errorText(frame, "lapsed-factor")).toBeNull();
    await frame.waitForSelector("[data-testid=report][data-state=ready]");
    await type(frame, "trend-threshold", "15");
    await frame.waitForSelector("[data-testid=report][data-state=ready]");
    await session.page.waitForTimeout(700);
    expect(sent.map(({ lapsedFactor, trendThresholdPercent }) => [lapsedFactor, trendThresholdPercent])).toEqual([
      [2.5, 10],
      [2.5, 15],
    ]);
  });

  it("says what to type in Russian", async () => {
    const frame = await session.openSidebar("?locale=ru_RU");
    await frame.click("[data-testid=settings-panel] > summary");
    await type(frame, "trend-threshold", "100");
    expect(await errorText(frame, "trend-threshold")).toBe("Введите процент больше 0 и меньше 100");
    await type(frame, "lapsed-factor", "0");
    expect(await errorText(frame, "lapsed-factor")).toBe("Введите число больше 1 (2 — это два обычных интервала)");
  });
});
