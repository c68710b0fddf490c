// The sidebar reads answer first (issue 15): the verdict, one action line and the top of the
// cohort heatmap in a 600 px tall window, nothing wider than 300 px, the sections in order, every
// heatmap cell equal to COHORT_MATRIX on the same orders, and no serious or critical accessibility
// violation by axe-core (injected from node_modules: no network).

import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadCodeJs, run } from "../support/apps-script-context";
import { hasChromium } from "./chromium";
import { buildDistIfStale, usePreviewInChromium } from "./fixture";
import { type DemoRow, readDemo, reference } from "./reference";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const DEMO: DemoRow[] = readDemo(join(ROOT, "demo/orders.csv"));
const DAY = 86_400_000;

describe.skipIf(!hasChromium)("the sidebar's layout (headless Chromium)", () => {
  const session = usePreviewInChromium({ prepare: buildDistIfStale });

  it("puts the answer first: verdict, action line, heatmap, actions, then the settings and columns", async () => {
    const frame = await session.openSidebar();
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
  });

  it("shows the verdict, the action line and the top of the heatmap in a 600 px tall window, and nothing scrolls sideways", async () => {
    await session.page.setViewportSize({ width: 1280, height: 600 });
    const frame = await session.openSidebar();
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
  });

  it("draws every heatmap cell as COHORT_MATRIX counts it on the same orders, and marks the judged and too-early cohorts", async () => {
    // The same orders the sidebar counts by default: readable dates, project deals left out.
    const orders = DEMO.filter((row) => row.day !== undefined && row.name !== "" && row.dealType.toLowerCase() !== "project");
    const iso = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);
    // COHORT_MATRIX from the built Code.js, called as Sheets calls a custom function: another route
    // to the triangle than the report's health check, which the heatmap draws.
    const context = loadCodeJs(
      { locale: "en_US", timeZone: "UTC" },
      { customers: orders.map((row) => [row.name]), dates: orders.map((row) => [iso(row.day!)]) },
    );
    const matrix = run<unknown[][]>(context, 'COHORT_MATRIX(customers, dates, "month", "count")').slice(1);
    // The sidebar shows the latest 24 cohorts and 24 periods; cells of periods yet to come are blank ("").
    const expected = matrix.slice(-24).flatMap((row) => {
      const period = iso((row[0] as Date).getTime() / DAY).slice(0, 7);
      return row.slice(2, 26).flatMap((value, offset) => (value === "" ? [] : [{ period, offset, value: value as number }]));
    });

    const frame = await session.openSidebar();
    const cells = await frame.$$eval("[data-testid=heatmap] rect.heat-cell", (all) =>
      all.map((cell) => ({
        period: cell.getAttribute("data-period")!,
        offset: Number(cell.getAttribute("data-offset")),
        value: Number(cell.getAttribute("data-value")),
        mark: cell.getAttribute("class")!.replace("heat-cell ", ""),
        fill: getComputedStyle(cell).fill,
      })),
    );
    expect(matrix.length).toBeGreaterThan(24);
    expect(cells.map(({ period, offset, value }) => ({ period, offset, value }))).toEqual(expected);
    expect(await frame.textContent("[data-testid=heatmap-omitted]")).toBe(`Older cohorts not shown: ${matrix.length - 24}`);

    // Judged: the verdict's months (the reference's span). Too early: the month's last day plus H
    // is after the latest order. Every other month is old enough but outside the span.
    const { verdict } = reference(DEMO, 0.67);
    const latest = Math.max(...orders.map((row) => row.day!));
    const monthEnd = (period: string): number => Date.UTC(Number(period.slice(0, 4)), Number(period.slice(5, 7)), 0) / DAY;
    const markOf = (period: string): string =>
      period >= verdict.from! && period <= verdict.to! ? "judged" : monthEnd(period) + verdict.horizon > latest ? "early" : "outside";
    for (const cell of cells) expect([cell.period, cell.mark]).toEqual([cell.period, markOf(cell.period)]);
    const marks = new Set(cells.map((cell) => cell.mark));
    expect(marks).toEqual(new Set(["judged", "early", "outside"]));
    // Too early is hatched; each judged cohort's row carries the bar on the left.
    for (const cell of cells.filter((each) => each.mark === "early")) expect(cell.fill).toContain("#hatch-early");
    const judgedRows = new Set(cells.filter((cell) => cell.mark === "judged").map((cell) => cell.period));
    expect(await frame.locator("[data-testid=heatmap] rect.judged-mark").count()).toBe(judgedRows.size);
    expect(judgedRows.size).toBe(12);
  });

  it("has no serious or critical accessibility violation, in English and in Russian", async () => {
    for (const query of ["", "?locale=ru_RU"]) {
      const frame = await session.openSidebar(query);
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
    }
  });
});
