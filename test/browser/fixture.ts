// The set-up every sidebar test shares: one local preview and one headless Chromium per test file,
// a fresh spreadsheet and a fresh page for each test, and the sidebar's frame once its report has
// settled. Each test file then says only what it checks.

import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Frame, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { DEFAULT_OPTIONS, type PreviewOptions, type PreviewServer, startPreview } from "../../src/preview/server";
import { CHILD_TIMEOUT_MS } from "../support/child-timeout";
import { launchChromium } from "./chromium";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** A desktop window wide enough for the grid beside the 300 px sidebar. */
const VIEWPORT = { width: 1280, height: 900 };

/** The `data-state` of the sidebar's report that a test waits for before it looks. */
export type ReportState = "ready" | "confirm";

export interface PreviewInChromiumOptions {
  /** Runs before the preview starts: builds what it serves, or checks that it is there. */
  prepare?: () => void;
  /** Replaces some of the preview's DEFAULT_OPTIONS (the port is always a free one); called as the suite starts. */
  previewOptions?: () => Partial<PreviewOptions>;
}

export interface PreviewInChromium {
  readonly preview: PreviewServer;
  readonly browser: Browser;
  /** This test's page, 1280 × 900, opened before the test and closed after it. */
  readonly page: Page;
  /**
   * Opens the preview at `query` (`?locale=ru_RU`) in this test's page, or in `page`, and returns
   * the sidebar's frame once its report is in `state`.
   */
  openSidebar(query?: string, state?: ReportState, page?: Page): Promise<Frame>;
}

/** Registers the hooks of a preview driven by Chromium in the calling `describe`, and returns their accessors. */
export function usePreviewInChromium(options: PreviewInChromiumOptions = {}): PreviewInChromium {
  let preview: PreviewServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    options.prepare?.();
    const overrides = options.previewOptions?.();
    [preview, browser] = await Promise.all([startPreview({ ...DEFAULT_OPTIONS, ...overrides, port: 0 }), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
  });

  beforeEach(async () => {
    preview.reset();
    page = await browser.newPage({ viewport: VIEWPORT });
  });

  afterEach(async () => {
    await page?.close();
  });

  return {
    get preview() {
      return preview;
    },
    get browser() {
      return browser;
    },
    get page() {
      return page;
    },
    async openSidebar(query = "", state = "ready", on = page) {
      await on.goto(`${preview.url}/${query}`);
      const frame = await sidebarFrame(on);
      await frame.waitForSelector(`[data-testid=report][data-state=${state}]`);
      return frame;
    },
  };
}

/** The sidebar's frame in a preview page, as soon as its iframe is there (its report may still be loading). */
export async function sidebarFrame(page: Page): Promise<Frame> {
  return (await (await page.waitForSelector("iframe[data-testid=sidebar]")).contentFrame())!;
}

/** Runs `action` and waits until the analysis it starts has finished. */
export async function reanalyse(frame: Frame, action: () => Promise<unknown>): Promise<void> {
  await action();
  await frame.waitForSelector("[data-testid=report][data-state=ready]");
}

/** Builds dist/ and build/preview/, which the preview serves. */
function buildDist(): void {
  execFileSync(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), join(ROOT, "scripts/build.ts")], {
    cwd: ROOT,
    timeout: CHILD_TIMEOUT_MS,
  });
}

/**
 * Builds only when a source is newer than the build: `npm test` has built it already, and
 * rewriting dist/ while other test files read it would race.
 */
export function buildDistIfStale(): void {
  if (!distIsFresh()) buildDist();
}

function distIsFresh(): boolean {
  const built = ["dist/Code.js", "dist/Sidebar.html", "build/preview/page.html", "build/preview/shim.js"].map((file) => join(ROOT, file));
  if (!built.every(existsSync)) return false;
  const sources = Math.max(newestIn(join(ROOT, "src")), statSync(join(ROOT, "scripts/build.ts")).mtimeMs);
  return Math.min(...built.map((file) => statSync(file).mtimeMs)) >= sources;
}

/** Newest modification time of the files under a folder. */
function newestIn(folder: string): number {
  return Math.max(
    0,
    ...readdirSync(folder, { withFileTypes: true }).map((entry) => {
      const path = join(folder, entry.name);
      return entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs;
    }),
  );
}

/** The "SQL for BigQuery" panel's column fields, as [test id, BigQuery name] in the order shown. */
export function sqlColumnNames(frame: Frame): Promise<string[][]> {
  return frame.$$eval("[data-testid^=sql-column-]:not([data-testid$=-error])", (inputs) =>
    inputs.map((input) => [input.getAttribute("data-testid")!, (input as HTMLInputElement).value]),
  );
}
