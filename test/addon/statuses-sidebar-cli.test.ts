// The sidebar and the command line on the same real exports (test/support/exports.ts): each file
// pasted into a sheet the way Sheets imports it, analysed by the built dist/Code.js in a node:vm
// the way the sidebar calls it, and the same file through the built build/cli.cjs. Both must keep
// only the completed purchases, count what each status left out alike, and give one verdict. The
// figures are the ones worked out by hand in the exports file's header. `npm test` builds first;
// alone, run `npm run build`.

import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { AnalysisRequest, AnalysisResponse, SidebarState } from "../../src/addon/sidebar-api";
import { inputLocale } from "../../src/core/cells";
import { createFakeSheets } from "../../src/fake-sheets";
import { readTable } from "../../src/files/read-table";
import { sheetCell } from "../../src/preview/sheet-cells";
import { loadCodeJs } from "../support/apps-script-context";
import { builtCli } from "../support/built-cli";
import { CHILD_TIMEOUT_MS } from "../support/child-timeout";
import { EXPORT_FIXTURES, type ExportFixture } from "../support/exports";

type AppsScriptFunction = (...args: unknown[]) => unknown;

/** google.script.run hands arguments and results over as JSON-like plain data. */
const overTheWire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const dir = mkdtempSync(join(tmpdir(), "sheets-retention-statuses-"));

/** The spreadsheet locale a fixture's owner has: Russian for the exports run under ru_RU. */
const localeOf = (fixture: ExportFixture): string => (fixture.env?.LANG?.startsWith("ru") ? "ru_RU" : "en_US");

/** The sidebar's server functions, on a sheet holding the fixture as Sheets imports it (UTC, as the CLI reads). */
function sidebarOn(fixture: ExportFixture): Record<string, AppsScriptFunction> {
  const locale = localeOf(fixture);
  const cells = inputLocale(locale, "UTC");
  const rows = readTable(Buffer.from(fixture.content)).map((row) => row.map((text) => sheetCell(text, cells).value));
  const fake = createFakeSheets({ locale, timeZone: "UTC", sheets: { Orders: rows } });
  fake.select("Orders!A1");
  return loadCodeJs(fake) as Record<string, AppsScriptFunction>;
}

/** What the sidebar shows on opening, then the analysis it runs straight away, with `change` made to the form's request. */
function sidebarAnalysis(fixture: ExportFixture, change: (request: AnalysisRequest) => AnalysisRequest = (request) => request) {
  const code = sidebarOn(fixture);
  const state = overTheWire(code.getSidebarState!() as SidebarState);
  const { sheetName, rangeA1, mapping, statusColumn, settings } = state;
  const response = overTheWire(code.analyzeSelection!(change({ sheetName, rangeA1, mapping, statusColumn, settings })) as AnalysisResponse);
  return { state, report: response.report! };
}

/** The CLI's --json report on the fixture's file, in the owner's locale. */
function cliReport(fixture: ExportFixture, flags: string[] = []): Record<string, any> {
  const path = join(dir, fixture.file);
  writeFileSync(path, fixture.content);
  const result = spawnSync(process.execPath, [builtCli(), "report", path, "--json", ...flags], {
    encoding: "utf8",
    env: { PATH: process.env.PATH, LANG: "C", ...fixture.env },
    timeout: CHILD_TIMEOUT_MS,
  });
  if (result.status !== 0) throw new Error(`exit ${result.status}: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

/** "Left out by status (Status): 2 Failed, 1 Refunded", the hand-written line → { Failed: 2, Refunded: 1 }. */
function leftOutCounts(line: string): Record<string, number> {
  const counts = line.slice(line.indexOf("): ") + 3).split(", ");
  return Object.fromEntries(counts.map((item) => [item.replace(/^\d+ /, ""), Number(item.match(/^\d+/)![0])]));
}

const WITH_STATUS = EXPORT_FIXTURES.filter((fixture) => fixture.status !== undefined);
const WITHOUT_STATUS = EXPORT_FIXTURES.filter((fixture) => fixture.status === undefined);

describe.each(WITH_STATUS)("$name: the sidebar counts statuses as the command line does", (fixture) => {
  it("finds the status column and keeps only completed purchases: 3 first purchases, 1 second, the same verdict", () => {
    const { state, report } = sidebarAnalysis(fixture);
    const cli = cliReport(fixture);
    expect(state.headers[state.statusColumn!]).toBe(fixture.status);
    expect(state.doubts).toEqual([]);
    expect([report.customers, report.firstPurchases, report.secondPurchases]).toEqual([3, 3, 1]);
    expect([report.statusColumn, report.stats.leftOutByStatus]).toEqual([fixture.status, leftOutCounts(fixture.leftOut)]);
    expect([cli.customers, cli.firstPurchases, cli.secondPurchases]).toEqual([3, 3, 1]);
    expect([cli.statusColumn, cli.leftOutByStatus]).toEqual([report.statusColumn, report.stats.leftOutByStatus]);
    expect(report.verdict).toEqual(cli.verdict);
    expect(report.stats.skippedRows).toBe(0);
  });

  it("offers the column's own statuses, the left-out ones unticked", () => {
    const { state } = sidebarAnalysis(fixture);
    const leftOut = Object.keys(leftOutCounts(fixture.leftOut));
    for (const { value, counted } of state.statuses) expect([value, counted]).toEqual([value, !leftOut.includes(value)]);
    expect(state.statuses.filter(({ counted }) => !counted).map(({ value }) => value)).toEqual(expect.arrayContaining(leftOut));
  });
});

describe.each(WITHOUT_STATUS)("$name: no status column, refunds counted as the command line does", (fixture) => {
  it("offers no status column and gives the same 3 first purchases, 1 second and verdict", () => {
    const { state, report } = sidebarAnalysis(fixture);
    const cli = cliReport(fixture);
    expect([state.statusColumn, state.statuses, report.statusColumn]).toEqual([null, [], null]);
    expect([report.customers, report.firstPurchases, report.secondPurchases]).toEqual([3, 3, 1]);
    expect([cli.customers, cli.firstPurchases, cli.secondPurchases]).toEqual([3, 3, 1]);
    // B's and D's refunds: two rows, no purchase.
    expect([report.refunds.rows, cli.refunds.rows]).toEqual([2, 2]);
    expect(report.verdict).toEqual(cli.verdict);
  });
});

describe("statuses the user chooses", () => {
  const shopify = EXPORT_FIXTURES.find((fixture) => fixture.name === "Shopify orders")!;
  const stripe = EXPORT_FIXTURES.find((fixture) => fixture.name === "Stripe payments")!;

  it("lists Shopify's financial statuses as first spelled, paid and partially refunded ticked", () => {
    const { state } = sidebarAnalysis(shopify);
    expect(state.statuses).toEqual([
      { value: "paid", counted: true },
      { value: "partially_refunded", counted: true },
      { value: "refunded", counted: false },
      { value: "pending", counted: false },
      { value: "voided", counted: false },
    ]);
  });

  it("judges Shopify too early, as worked out by hand", () => {
    // Purchases: Ann 5 Jan and 10 Feb (36 days), Bob 8 Jan, Cat 9 Jan; the line items' rows add
    // nothing. H = 36 days, the only return. January, the data's first month, is left out; February
    // can be judged once the orders reach 29 Feb + 36 days = 5 April 2024.
    const { report } = sidebarAnalysis(shopify);
    expect(report.verdict).toMatchObject({ rate: null, horizonDays: 36, leftOutPeriod: "2024-01", judgeableOn: "2024-04-05" });
  });

  it("counts the ticked statuses as --count-status does: Stripe's Paid and Refunded make Bob come back (3, 3, 2)", () => {
    const { report } = sidebarAnalysis(stripe, (request) => ({
      ...request,
      settings: { ...request.settings, countedStatuses: ["Paid", "Refunded"] },
    }));
    const cli = cliReport(stripe, ["--count-status", "Paid", "--count-status", "refunded"]);
    expect([report.customers, report.firstPurchases, report.secondPurchases]).toEqual([3, 3, 2]);
    expect([cli.customers, cli.firstPurchases, cli.secondPurchases]).toEqual([3, 3, 2]);
    expect([report.stats.leftOutByStatus, cli.leftOutByStatus]).toEqual([{ Failed: 2 }, { Failed: 2 }]);
    expect(report.verdict).toEqual(cli.verdict);
  });

  it("counts every row with no status column chosen: Stripe's 4 customers, 4 first purchases, 3 second", () => {
    const { report } = sidebarAnalysis(stripe, (request) => ({ ...request, statusColumn: null }));
    expect([report.customers, report.firstPurchases, report.secondPurchases]).toEqual([4, 4, 3]);
    expect([report.statusColumn, report.stats.leftOutByStatus]).toEqual([null, undefined]);
  });
});
