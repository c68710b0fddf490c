// The pure parts of the add-on server: row runs, A1 ranges, recognising our rule, remembered settings.

import { describe, expect, it } from "vitest";
import { currencyOfPattern } from "../../src/addon/currency";
import { HIGHLIGHT_FORMULA, isHighlightCriteria, rowRuns, rowsToHighlight, runsToA1 } from "../../src/addon/highlight";
import {
  checkSettings,
  DEFAULT_SETTINGS,
  mappingForRange,
  parseRemembered,
  rememberRequest,
  statusColumnForRange,
} from "../../src/addon/settings";

describe("highlight ranges", () => {
  it("merges consecutive rows into runs", () => {
    expect(rowRuns([])).toEqual([]);
    expect(rowRuns([5])).toEqual([[5, 5]]);
    expect(rowRuns([2, 3, 4, 6, 8, 9])).toEqual([
      [2, 4],
      [6, 6],
      [8, 9],
    ]);
  });

  it("writes each run across the range's columns", () => {
    // Columns 26…28 are Z, AA, AB.
    expect(
      runsToA1(
        [
          [2, 4],
          [6, 6],
        ],
        26,
        3,
      ),
    ).toEqual(["Z2:AB4", "Z6:AB6"]);
  });

  it("picks the rows below the header whose customer is weak", () => {
    const values = [["Customer"], ["Ann"], [""], ["  BO "], ["Cy"]];
    // The table starts on sheet row 10; the header is its first row, so data rows are 11–14.
    expect(rowsToHighlight(values, 0, 10, 0, (key) => key !== "cy")).toEqual([11, 13]);
  });

  it("recognises only its own rule", () => {
    expect(isHighlightCriteria([HIGHLIGHT_FORMULA])).toBe(true);
    expect(isHighlightCriteria(['=$A1="x"'])).toBe(false);
    expect(isHighlightCriteria([0.67])).toBe(false);
    expect(isHighlightCriteria(undefined)).toBe(false);
  });
});

describe("remembered settings", () => {
  it("round-trips a request through sheet columns", () => {
    // The range starts in column C (3): range column 0 is sheet column 3, range column 2 is 5.
    const remembered = rememberRequest({ mapping: { customer: 2, date: 0 }, settings: DEFAULT_SETTINGS }, 3);
    expect(remembered.columns).toEqual({ customer: 5, date: 3 });
    const parsed = parseRemembered(JSON.stringify(remembered))!;
    // A range starting in column D (4) and 2 wide covers sheet columns 4–5: only the customer fits.
    expect(mappingForRange(parsed, 4, 2)).toEqual({ customer: 1 });
  });

  it("remembers the status column as a sheet column, and no status column as null", () => {
    const mapping = { customer: 0, date: 1 };
    // Range column 2 of a range starting in sheet column C (3) is sheet column E (5).
    const chosen = parseRemembered(JSON.stringify(rememberRequest({ mapping, statusColumn: 2, settings: DEFAULT_SETTINGS }, 3)))!;
    expect(chosen.statusColumn).toBe(5);
    expect(statusColumnForRange(chosen, 4, 2)).toBe(1); // D:E, where E is the second column
    expect(statusColumnForRange(chosen, 1, 3)).toBeUndefined(); // A:C lacks it: found again, as the CLI finds it
    const none = parseRemembered(JSON.stringify(rememberRequest({ mapping, statusColumn: null, settings: DEFAULT_SETTINGS }, 1)))!;
    expect(statusColumnForRange(none, 1, 3)).toBeNull();
    // Settings saved before statuses were read remember nothing about them.
    expect(parseRemembered(JSON.stringify({ format: 2, columns: { customer: 1, date: 2 } }))!.statusColumn).toBeUndefined();
    expect(checkSettings({ ...DEFAULT_SETTINGS, countedStatuses: ["paid", 3, " "] as never }).countedStatuses).toEqual(["paid"]);
    expect(checkSettings({ ...DEFAULT_SETTINGS, countedStatuses: [] }).countedStatuses).toBeNull();
  });

  it("ignores damaged or foreign values instead of failing", () => {
    expect(parseRemembered(null)).toBeUndefined();
    expect(parseRemembered("{not json")).toBeUndefined();
    expect(parseRemembered(JSON.stringify({ columns: { customer: -1, date: 2.5 }, settings: { targetPercent: 500 } }))).toBeUndefined();
    expect(parseRemembered(JSON.stringify({ columns: { customer: "A", date: 2 } }))).toEqual({
      format: 2,
      columns: { date: 2 },
      settings: DEFAULT_SETTINGS,
    });
  });

  it("checks settings from the page: a target of 1…100, whole days, a deal type or null", () => {
    for (const bad of [Number.NaN, 0, 0.5, 100.5, 150, "67" as never]) {
      expect(() => checkSettings({ ...DEFAULT_SETTINGS, targetPercent: bad })).toThrow("badTarget");
    }
    for (const good of [1, 67, 67.5, 100]) expect(checkSettings({ ...DEFAULT_SETTINGS, targetPercent: good }).targetPercent).toBe(good);
    expect(() => checkSettings({ ...DEFAULT_SETTINGS, withinDays: 1.5 })).toThrow("badWithinDays");
    // A horizon of 0 days would count nobody: a second purchase is always on a later day.
    expect(() => checkSettings({ ...DEFAULT_SETTINGS, withinDays: 0 })).toThrow("badWithinDays");
    expect(checkSettings({ ...DEFAULT_SETTINGS, withinDays: 1 }).withinDays).toBe(1);
    expect(checkSettings({ ...DEFAULT_SETTINGS, excludeDealType: 3 as never }).excludeDealType).toBeNull();
    expect(checkSettings({ ...DEFAULT_SETTINGS, ordersStartWithBusiness: "yes" as never }).ordersStartWithBusiness).toBe(false);
  });

  it("loads settings remembered by the version before: the unticked box becomes today's default", () => {
    // Version 0.1 stored no format, no ordersStartWithBusiness, and "" for "exclude nothing" (the
    // default everyone had); a typed deal type was a real choice.
    const older = (excludeDealType: string): string =>
      JSON.stringify({
        columns: { date: 1, customer: 2 },
        settings: { targetPercent: 50, period: "quarter", withinDays: 90, excludeDealType },
      });
    expect(parseRemembered(older(""))).toEqual({
      format: 2,
      columns: { date: 1, customer: 2 },
      settings: {
        targetPercent: 50,
        period: "quarter",
        withinDays: 90,
        ordersStartWithBusiness: false,
        excludeDealType: null,
        countedStatuses: null,
        currency: null,
        // The health check's settings came later: their defaults, ±10 % and 2.
        trendThresholdPercent: 10,
        lapsedFactor: 2,
      },
    });
    expect(parseRemembered(older("Project"))!.settings.excludeDealType).toBe("Project");
    // This version's "" is the user's "leave nothing out" and stays so.
    const now = rememberRequest({ mapping: { date: 0, customer: 1 }, settings: { ...DEFAULT_SETTINGS, excludeDealType: "" } }, 1);
    expect(parseRemembered(JSON.stringify(now))!.settings.excludeDealType).toBe("");
  });
});

describe("the amounts' currency from the sheet's number format", () => {
  it("finds the sign however Sheets writes it, and none where the format shows none", () => {
    // The three ways of Sheets' custom number formats: a bracketed sign with a locale, a quoted
    // literal, a bare sign; only the positive section counts.
    expect(currencyOfPattern("[$₽-419]#,##0.00")).toBe("₽");
    expect(currencyOfPattern('"$"#,##0.00;("$"#,##0.00)')).toBe("$");
    expect(currencyOfPattern("#,##0.00 €")).toBe("€");
    expect(currencyOfPattern("#,##0.00\\ [$руб.-419]")).toBe("руб.");
    for (const none of ["#,##0.00", "0.00%", "dd.mm.yyyy", "", "General"]) expect(currencyOfPattern(none)).toBeNull();
  });

  it("keeps a typed currency only when the formats accept it", () => {
    expect(checkSettings({ ...DEFAULT_SETTINGS, currency: "eur" }).currency).toBe("EUR");
    expect(checkSettings({ ...DEFAULT_SETTINGS, currency: "12" }).currency).toBeNull();
    expect(checkSettings({ ...DEFAULT_SETTINGS, currency: 5 as never }).currency).toBeNull();
  });
});
