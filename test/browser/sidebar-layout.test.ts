// The sidebar reads answer first (issue 15): the verdict, one action line and the top of the
// cohort heatmap in a 600 px tall window, nothing wider than 300 px, the sections in order, the
// heatmap's cells equal to the demo's own counts, and no serious or critical accessibility
// violation by axe-core (injected from node_modules: no network).

import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_OPTIONS, type PreviewServer, startPreview } from "../../src/preview/server";
import { hasChromium, launchChromium } from "./chromium";
import { type DemoRow, readDemo, reference } from "./reference";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const DEMO: DemoRow[] = readDemo(join(ROOT, "demo/orders.csv"));

describe.skipIf(!hasChromium)("the sidebar's layout (headless Chromium)", () => {
  let preview: PreviewServer;
  let browser: Browser;

  beforeAll(async () => {
    execFileSync(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), join(ROOT, "scripts/build.ts")], { cwd: ROOT });
    [preview, browser] = await Promise.all([startPreview({ ...DEFAULT_OPTIONS, port: 0 }), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
  });

  async function open(height: number, query = ""): Promise<{ page: Page; frame: Frame }> {
    preview.reset();
    const page = await browser.newPage({ viewport: { width: 1280, height } });
    await page.goto(`${preview.url}/${query}`);
    const frame = (await (await page.waitForSelector("iframe[data-testid=sidebar]")).contentFrame())!;
    await frame.waitForSelector("[data-testid=report][data-state=ready]");
    return { page, frame };
  }

  it("puts the answer first: verdict, action line, heatmap, actions, then the settings and columns", async () => {
    const { page, frame } = await open(900);
    const order = await frame.$$eval("#app [data-testid]", (all) => all.map((element) => element.getAttribute("data-testid")));
    const at = (id: string): number => order.indexOf(id);
    for (const id of ["overall-rate", "verdict", "action-line", "health-summary", "heatmap", "actions", "settings-panel"])
      expect(at(id)).toBeGreaterThan(-1);
    expect(at("overall-rate")).toBeLessThan(at("action-line"));
    expect(at("action-line")).toBeLessThan(at("heatmap"));
    expect(at("heatmap")).toBeLessThan(at("actions"));
    expect(at("actions")).toBeLessThan(at("cohort-table"));
    expect(at("cohort-table")).toBeLessThan(at("settings-panel"));
    // Folded, with nothing to confirm.
    expect(await frame.$eval("[data-testid=settings-panel]", (details) => (details as HTMLDetailsElement).open)).toBe(false);
    // The demo's largest group to act on: its lapsed customers outnumber the judged new customers
    // who never came back (both counted by the reference).
    const { verdict, lapsed } = reference(DEMO, 0.67);
    expect(lapsed).toBeGreaterThan(verdict.newCustomers - verdict.returned);
    expect(await frame.textContent("[data-testid=action-line]")).toContain(
      `To win back: ${lapsed.toLocaleString("en-US")} repeat customers who have lapsed`,
    );
    await page.close();
  });

  it("shows the verdict, the action line and the top of the heatmap in a 600 px tall window, and nothing scrolls sideways", async () => {
    const { page, frame } = await open(600);
    for (const id of ["verdict", "action-line"]) {
      const box = (await frame.locator(`[data-testid=${id}]`).boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(600);
    }
    expect((await frame.locator("[data-testid=heatmap]").boundingBox())!.y).toBeLessThan(600);
    const widths = await frame.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    expect(widths[0]).toBeLessThanOrEqual(widths[1]!);
    expect(widths[1]).toBeLessThanOrEqual(300);
    // No table scrolls inside the sidebar.
    const scrollers = await frame.$$eval(
      "#app *",
      (all) =>
        all.filter((element) => element.scrollHeight > element.clientHeight + 1 && /auto|scroll/.test(getComputedStyle(element).overflowY))
          .length,
    );
    expect(scrollers).toBe(0);
    await page.close();
  });

  it("draws as many heatmap cells at offset 0 as each cohort has new customers", async () => {
    // Offset 0 of a cohort is the cohort itself: every new customer bought in it, so its value is
    // the cohort's size, which the reference counts from the CSV (with project deals left out).
    const { page, frame } = await open(900);
    const cells = await frame.$$eval("[data-testid=heatmap] rect[data-offset='0']", (all) =>
      all.map((cell) => [cell.getAttribute("data-period"), Number(cell.getAttribute("data-value"))] as [string, number]),
    );
    const sizes = new Map<string, number>();
    const firsts = new Map<string, string>();
    for (const row of DEMO) {
      if (row.day === undefined || row.key === "" || row.dealType.toLowerCase() === "project") continue;
      const iso = new Date(row.day * 86_400_000).toISOString().slice(0, 7);
      const known = firsts.get(row.key);
      if (known === undefined || iso < known) firsts.set(row.key, iso);
    }
    for (const month of firsts.values()) sizes.set(month, (sizes.get(month) ?? 0) + 1);
    expect(cells.length).toBeGreaterThan(0);
    for (const [period, value] of cells) expect([period, value]).toEqual([period, sizes.get(period!)]);
    await page.close();
  });

  it("has no serious or critical accessibility violation, in English and in Russian", async () => {
    for (const query of ["", "?locale=ru_RU"]) {
      const { page, frame } = await open(900, query);
      await frame.addScriptTag({ path: AXE });
      const violations = await frame.evaluate(async () => {
        const axe = (
          globalThis as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }
        ).axe;
        return (await axe.run()).violations
          .filter((v) => v.impact === "serious" || v.impact === "critical")
          .map(
            (v) => `${v.id}: ${JSON.stringify(v.nodes.slice(0, 3).map((n) => (n as { target: unknown; failureSummary: string }).target))}`,
          );
      });
      expect(violations).toEqual([]);
      await page.close();
    }
  });
});
