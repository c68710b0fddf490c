// The built bundle, run as Apps Script runs it. Expected values are the hand-made log of
// test/core/fixtures.ts (A B C D E), whose answers are worked out there and in retention.test.ts.

import { readFileSync } from "node:fs";
import vm from "node:vm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { helpCard } from "../../src/functions/help-cards";
import { CUSTOM_FUNCTION_NAMES, SIGNATURES } from "../../src/functions/signatures";
import { CODE_JS, loadCodeJs, run } from "../support/apps-script-context";

const FUNCTIONS = [
  "RETENTION_RATE",
  "JUDGED_RETENTION",
  "FIRST_PURCHASES",
  "SECOND_PURCHASES",
  "RETENTION_COHORTS",
  "COHORT_MATRIX",
  "REPEAT_REVENUE_SHARE",
  "TIME_TO_SECOND_PURCHASE",
  "CUSTOMER_SUMMARY",
];

// The log as Sheets would pass it: customers as text and numbers, dates as Date cells made in
// the spreadsheet's zone (local midnight, one with a time of day), serial numbers and text.
const SHEET_LOG = `
  var zoneDate = (y, m, d, hh, mm) => {
    // An instant that the spreadsheet's zone shows as y-m-d hh:mm (found by trying offsets).
    for (let offset = -14 * 60; offset <= 14 * 60; offset += 15) {
      const ms = Date.UTC(y, m - 1, d, hh || 0, mm || 0) - offset * 60000;
      if (SheetsRetention_testDay(ms) === y * 10000 + m * 100 + d) return new Date(ms);
    }
    throw new Error("no such local time");
  };
  var customers = [["A"], [" b "], ["a"], ["C"], ["A"], ["c"], ["D"], ["E"], ["D"], [""], [""]];
  var dates = [[zoneDate(2024, 1, 5)], ["20.01.2024"], [zoneDate(2024, 1, 5, 23, 30)], ["2024-02-01"],
               [45332], ["03.02.2024"], [zoneDate(2024, 3, 15, 12, 0)], ["2024-03-20 10:00"], [45444], [""], [""]];
  var amounts = [[100], ["200"], ["50,00"], [10], [30], ["20"], ["40"], [5], [60], [""], [""]];
`;

/** Gives the context a way to see which local day an instant is, independent of the bundle. */
function localDayProbe(timeZone: string): (ms: number) => number {
  const format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
  return (ms) => Number(format.format(new Date(ms)).replace(/-/g, ""));
}

function sheetContext(locale: string, timeZone: string): vm.Context {
  const context = loadCodeJs({ locale, timeZone }, { SheetsRetention_testDay: localDayProbe(timeZone) });
  run(context, SHEET_LOG);
  return context;
}

describe("dist/Code.js as Apps Script sees it", () => {
  const code = readFileSync(CODE_JS, "utf8");

  it("is a classic script with no import or export", () => {
    expect(() => new vm.Script(code)).not.toThrow();
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
  });

  it.each(FUNCTIONS)("declares %s at top level with its JSDoc directly above", (name) => {
    const pattern = new RegExp(String.raw`/\*\*((?:(?!\*/)[\s\S])*)\*/\nfunction ${name}\(`);
    const jsdoc = pattern.exec(code)?.[1];
    expect(jsdoc).toBeDefined();
    expect(jsdoc).toContain("@customfunction");
    expect(jsdoc).toMatch(/@param \{[^}]+\} customers /);
    expect(jsdoc).toMatch(/@return /);
    const context = loadCodeJs({ locale: "en_US", timeZone: "UTC" });
    expect(run(context, `typeof ${name}`)).toBe("function");
  });

  it.each(CUSTOM_FUNCTION_NAMES)("gives %s the help card of the signatures table", (name) => {
    expect(code).toContain(`${helpCard(SIGNATURES[name])}\nfunction ${name}(`);
  });

  it("has no Node globals to lean on", () => {
    const context = loadCodeJs({ locale: "en_US", timeZone: "UTC" });
    expect(run(context, "typeof process + typeof require + typeof module")).toBe("undefinedundefinedundefined");
  });
});

const ZONES = ["Europe/Moscow", "America/New_York", "Asia/Kolkata"];
const PROCESS_ZONES = ["UTC", "Europe/Moscow", "America/Los_Angeles"];
const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe.each(PROCESS_ZONES)("custom functions with the script running in %s", (processZone) => {
  beforeAll(() => {
    process.env.TZ = processZone;
  });

  describe.each(ZONES)("and the spreadsheet in %s", (timeZone) => {
    it("computes the book's ratio and its parts", () => {
      process.env.TZ = processZone;
      const context = sheetContext("en_US", timeZone);
      // 5 new customers (A B C D E); A, C, D returned. 45332 is 2024-02-10; 45444 is 2024-06-01.
      expect(run(context, "RETENTION_RATE(customers, dates)")).toBeCloseTo(0.6, 12);
      // The verdict: gaps A 36 (Jan 5 → Feb 10), C 2 (Feb 1 → 3), D 78 (Mar 15 → Jun 1) days, so
      // H = the ⌈0.8 × 3⌉ = 3rd = 78. Jun 1 − 78 days = Mar 15, so February is the latest month old
      // enough; January, the data's first, is left out. February: C, back in 2 days. 1 / 1.
      expect(run(context, "JUDGED_RETENTION(customers, dates, amounts)")).toBe(1);
      // With the first month: A (36 ≤ 78, back), b (not back), C. 2 / 3.
      expect(run(context, `JUDGED_RETENTION(customers, dates, amounts, "", "", "month", "", true)`)).toBeCloseTo(2 / 3, 12);
      expect(run(context, "FIRST_PURCHASES(customers, dates)")).toBe(5);
      expect(run(context, "SECOND_PURCHASES(customers, dates)")).toBe(3);
      // Sheets passes a skipped middle argument as an empty value.
      expect(run(context, 'SECOND_PURCHASES(customers, dates, undefined, "", 30)')).toBe(1);
      expect(run(context, `RETENTION_RATE(customers, dates, zoneDate(2024,1,1), "2024-01-31")`)).toBe(0.5);
      expect(run(context, "TIME_TO_SECOND_PURCHASE(customers, dates)")).toBe(36);
      expect(run(context, "REPEAT_REVENUE_SHARE(customers, dates, amounts)")).toBeCloseTo(110 / 515, 12);
    });

    it("spills cohort tables whose dates show the period start in the spreadsheet's zone", () => {
      process.env.TZ = processZone;
      const context = sheetContext("en_US", timeZone);
      const probe = localDayProbe(timeZone);
      const cohorts = run<unknown[][]>(context, "RETENTION_COHORTS(customers, dates)");
      expect(cohorts[0]).toEqual(["Period start", "New customers", "Returned", "Retention rate"]);
      expect(cohorts.slice(1).map(([start, ...rest]) => [probe((start as Date).getTime()), ...rest])).toEqual([
        [20240101, 2, 1, 0.5],
        [20240201, 1, 1, 1],
        [20240301, 2, 1, 0.5],
      ]);
      const matrix = run<unknown[][]>(context, `COHORT_MATRIX(customers, dates, "month", "count")`);
      expect(matrix.map((row) => row.slice(1))).toEqual([
        ["Cohort size", "+0", "+1", "+2", "+3", "+4", "+5"],
        [2, 2, 1, 0, 0, 0, 0],
        [1, 1, 0, 0, 0, 0, ""],
        [2, 2, 0, 0, 1, "", ""],
      ]);
      const summary = run<unknown[][]>(context, "CUSTOMER_SUMMARY(customers, dates, amounts)");
      expect(
        summary
          .slice(1)
          .map(([name, first, last, ...rest]) => [name, probe((first as Date).getTime()), probe((last as Date).getTime()), ...rest]),
      ).toEqual([
        ["A", 20240105, 20240210, 2, 180, 112],
        ["b", 20240120, 20240120, 1, 200, 133],
        ["C", 20240201, 20240203, 2, 30, 119],
        ["D", 20240315, 20240601, 2, 100, 0],
        ["E", 20240320, 20240320, 1, 5, 73],
      ]);
    });
  });
});
