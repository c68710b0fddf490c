// The sidebar asks instead of guessing, and counts only completed purchases, in the local preview
// in headless Chromium. The order log below has two headers that name the customer equally well
// ("Customer", "Client") and a "Status" column; every figure is worked out by hand beside it.
// Needs dist/ and build/preview/ (`npm run build`).

import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Frame } from "playwright-core";
import { describe, expect, it } from "vitest";
import { hasChromium } from "./chromium";
import { reanalyse, usePreviewInChromium } from "./fixture";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * Sheet rows 2–9. With Customer as the customer and only "paid" rows: Ann (5 Jan, 5 Feb), Bob
 * (6 Jan), Cat (7 Jan, 1 Jun), Eve (1 Mar) are new, Ann and Cat came back: 2 of 4 = 50.0 % all
 * time; Bob's refunded return (row 6) and Dan's pending order (row 7) are left out. Counting
 * "refunded" too brings Bob back: 3 of 4 = 75.0 %. With Client as the customer: North (5 Jan, then
 * 6 Jan) and South (7 Jan, then 5 Feb) both came back: 2 of 2 = 100.0 %. Without the header row
 * there is no status column to read, so all eight rows count with Customer: Ann, Bob, Cat back,
 * Dan and Eve not: 3 of 5 = 60.0 %.
 */
const ORDERS = `Order date,Customer,Client,Amount,Status
2024-01-05,Ann,North,10,paid
2024-01-06,Bob,North,20,paid
2024-01-07,Cat,South,30,paid
2024-02-05,Ann,South,15,paid
2024-02-06,Bob,South,25,refunded
2024-02-07,Dan,North,40,pending
2024-03-01,Eve,North,12,paid
2024-06-01,Cat,North,18,paid
`;

describe.skipIf(!hasChromium)("the sidebar asks about doubtful columns (headless Chromium)", () => {
  const session = usePreviewInChromium({
    prepare: () => {
      if (!existsSync(join(ROOT, "dist/Sidebar.html")) || !existsSync(join(ROOT, "build/preview/page.html"))) {
        throw new Error("dist/ or build/preview/ is missing: run `npm run build` first");
      }
    },
    previewOptions: () => {
      const dataPath = join(mkdtempSync(join(tmpdir(), "sheets-retention-doubts-")), "orders.csv");
      writeFileSync(dataPath, ORDERS);
      return { dataPath };
    },
  });

  /** Opens the preview and waits until the sidebar asks to confirm its columns. */
  const openAsking = (query = ""): Promise<Frame> => session.openSidebar(query, "confirm");

  /** The marks on a column select: [aria-invalid, the text of the note aria-describedby names]. */
  async function mark(frame: Frame, field: string): Promise<[string | null, string | null]> {
    return frame.$eval(`[data-testid=column-${field}]`, (select) => {
      const note = select.getAttribute("aria-describedby");
      return [select.getAttribute("aria-invalid"), note === null ? null : (document.getElementById(note)?.textContent ?? "")];
    });
  }

  it("marks the customer select when two headers fit, shows no verdict, and analyses the column the user picks", async () => {
    const frame = await openAsking();
    expect(await frame.$eval("details.columns", (details) => (details as HTMLDetailsElement).open)).toBe(true);
    expect(await mark(frame, "customer")).toEqual(["true", "Several columns could be the customer: Customer, Client. Pick one."]);
    expect(await frame.isVisible("[data-testid=doubt-customer]")).toBe(true);
    expect(await mark(frame, "date")).toEqual([null, null]);
    expect(await frame.textContent("[data-testid=confirm-prompt]")).toBe(
      "Not sure which columns to read. Check the ones marked under Columns, then press “Use these columns”.",
    );
    expect(await frame.$("[data-testid=overall-rate]")).toBeNull();
    // Analyse does not answer the question: it points at it.
    await frame.click("[data-testid=analyze]");
    expect(await frame.getAttribute("[data-testid=report]", "data-state")).toBe("confirm");
    expect(await frame.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("column-customer");

    // Choosing Client answers it: the mark goes and the analysis runs.
    await reanalyse(frame, () => frame.selectOption("[data-testid=column-customer]", "2"));
    expect(await mark(frame, "customer")).toEqual([null, null]);
    expect(await frame.textContent("[data-testid=all-time-rate]")).toBe("all time 100.0%");
    expect(await frame.textContent("[data-testid=columns-used]")).toMatch(/^Columns: Customer = Client, Date = Order date/);
  });

  it("runs the proposal once confirmed, leaves out statuses that are no purchase, and counts a status the user ticks", async () => {
    const frame = await openAsking();
    await reanalyse(frame, () => frame.click("[data-testid=confirm-columns]"));
    expect(await frame.isHidden("[data-testid=confirm-columns]")).toBe(true);
    expect(await frame.textContent("[data-testid=all-time-rate]")).toBe("all time 50.0%");
    expect(await frame.textContent("[data-testid=left-out-status]")).toBe("Left out by status (Status): 1 pending, 1 refunded");
    expect(await frame.inputValue("[data-testid=column-status]")).toBe("4");
    const boxes = (): Promise<[string, boolean][]> =>
      frame.$$eval("[data-testid=counted-status]", (inputs) =>
        inputs.map((input) => [(input as HTMLInputElement).value, (input as HTMLInputElement).checked]),
      );
    expect(await boxes()).toEqual([
      ["paid", true],
      ["refunded", false],
      ["pending", false],
    ]);

    // The statuses are settings, folded under the report.
    await frame.click("[data-testid=settings-panel] > summary");
    await reanalyse(frame, () => frame.check("[data-testid=counted-status][value=refunded]"));
    expect(await frame.textContent("[data-testid=all-time-rate]")).toBe("all time 75.0%");
    expect(await frame.textContent("[data-testid=left-out-status]")).toBe("Left out by status (Status): 1 pending");
    expect(await boxes()).toEqual([
      ["paid", true],
      ["refunded", true],
      ["pending", false],
    ]);
  });

  it("opens the panel with every guessed column marked for a selection without its header, and analyses once confirmed", async () => {
    // Selected before the sidebar opens, on a sheet with nothing remembered (columns the user once
    // confirmed for a sheet are not asked about again).
    session.preview.workbook().select("Orders", "A2:E9");
    const frame = await openAsking();
    expect(await frame.textContent("[data-testid=range]")).toBe("Range: A2:E9");
    expect(await frame.$eval("details.columns", (details) => (details as HTMLDetailsElement).open)).toBe(true);
    expect(await mark(frame, "customer")).toEqual(["true", "No header names the customer: is it column B?"]);
    expect(await mark(frame, "date")).toEqual(["true", "No header names the order date: is it column A?"]);
    expect(await mark(frame, "amount")).toEqual(["true", "No header names the amount: is it column D? Choose “—” if there is none."]);
    expect(await frame.$("[data-testid=overall-rate]")).toBeNull();

    await reanalyse(frame, () => frame.click("[data-testid=confirm-columns]"));
    expect(await frame.textContent("[data-testid=all-time-rate]")).toBe("all time 60.0%");
    expect(await frame.$("[data-testid=left-out-status]")).toBeNull();
    for (const field of ["customer", "date", "amount"]) expect(await mark(frame, field)).toEqual([null, null]);
  });

  it("asks in Russian in a Russian-locale spreadsheet", async () => {
    const frame = await openAsking("?locale=ru_RU");
    expect(await mark(frame, "customer")).toEqual(["true", "Клиентом может быть любой из столбцов: Customer, Client. Выберите один."]);
    expect(await frame.textContent("[data-testid=confirm-columns]")).toBe("Использовать эти столбцы");
    await reanalyse(frame, () => frame.click("[data-testid=confirm-columns]"));
    expect(await frame.textContent("[data-testid=left-out-status]")).toBe("Не учтено по статусу (Status): pending — 1, refunded — 1");
  });
});
