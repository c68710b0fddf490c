// The sidebar's server functions against the in-memory SpreadsheetApp.

import { describe, expect, it } from "vitest";
import { analyzeSelection, clearHighlighting, getSidebarState, highlightBelowTarget } from "../../src/addon/server";
import { DEFAULT_SETTINGS } from "../../src/addon/settings";
import { HIGHLIGHT_COLOR, HIGHLIGHT_FORMULA } from "../../src/addon/highlight";
import type { AnalysisRequest } from "../../src/addon/sidebar-api";
import { generatedOrders, moscowDate, ORDER_LOG, RUSSIAN_ORDER_LOG, useFake } from "./helpers";

const ENGLISH_MAPPING = { date: 0, customer: 1, amount: 2, manager: 3 };
const request = (overrides: Partial<AnalysisRequest["settings"]> = {}): AnalysisRequest => ({
  mapping: ENGLISH_MAPPING,
  settings: { ...DEFAULT_SETTINGS, ...overrides },
});

describe("getSidebarState", () => {
  it("takes the data region around a single selected cell and detects English headers", () => {
    useFake({ sheets: { Orders: ORDER_LOG } }, "Orders!C4");
    expect(getSidebarState()).toMatchObject({
      language: "en",
      locale: "en_US",
      sheetName: "Orders",
      rangeA1: "A1:D10",
      headers: ["Date", "Customer", "Amount", "Manager"],
      mapping: ENGLISH_MAPPING,
      settings: { targetPercent: 67, period: "month", withinDays: null, excludeDealType: "" },
    });
  });

  it("detects Russian headers and answers in Russian for a ru_RU spreadsheet", () => {
    useFake({ locale: "ru_RU", sheets: { Заказы: RUSSIAN_ORDER_LOG } }, "Заказы!A1");
    const state = getSidebarState();
    expect(state.language).toBe("ru");
    expect(state.mapping).toEqual({ date: 0, customer: 1, amount: 2, manager: 3 });
    expect(state.headers).toEqual(["Дата заказа", "Клиент", "Сумма, руб.", "Менеджер"]);
  });

  it("names header-less columns by their sheet letters", () => {
    // A table without a header in C5:D7: dates and customers are guessed from the contents.
    const rows: unknown[][] = [[], [], [], [], ["", "", moscowDate(2024, 1, 1), "Ann"], ["", "", moscowDate(2024, 1, 2), "Bo"], ["", "", moscowDate(2024, 1, 3), "Cy"]];
    useFake({ sheets: { S: rows } }, "S!C5:D7");
    const state = getSidebarState();
    expect(state.headers).toEqual(["C", "D"]);
    expect(state.mapping).toEqual({ date: 0, customer: 1 });
  });
});

describe("analyzeSelection", () => {
  it("reports the hand-computed figures of the order log", () => {
    useFake({ sheets: { Orders: ORDER_LOG } }, "Orders!A1:D10");
    const { rangeA1, report } = analyzeSelection(request());
    expect(rangeA1).toBe("A1:D10");
    // Six customers made a first purchase (Alice, Bob, Carol, Frank, Dan, Erin); three came back
    // (Alice, Bob, Dan): 3 ÷ 6 = 0.5, below the 0.67 target.
    expect(report).toMatchObject({
      customers: 6,
      firstPurchases: 6,
      secondPurchases: 3,
      retentionRate: 0.5,
      belowTarget: true,
      firstDate: "2024-01-05",
      lastDate: "2024-06-30",
      stats: { rows: 9, orders: 9, skippedRows: 0, blankRows: 0, excludedRows: 0 },
    });
    // Days to the second purchase: Alice 5 Jan → 4 Feb = 30, Bob 10 Jan → 10 Mar = 21 + 29 + 10 = 60
    // (2024 is a leap year), Dan 15 Feb → 15 Mar = 29. Median of 29, 30, 60 = 30.
    expect(report.medianDaysToSecond).toBe(30);
    expect(report.verdict.horizonDays).toBe(30);
    // January: Alice, Bob, Carol; two back → 2/3 ≈ 0.667 < 0.67. February: Dan, Erin; one back → 0.5.
    // June: Frank; 30 June + 30 days is after the last date (30 June), so too early to judge.
    expect(report.cohorts.map((c) => [c.period, c.newCustomers, c.returned, c.tooEarly, c.belowTarget])).toEqual([
      ["2024-01", 3, 2, false, true],
      ["2024-02", 2, 1, false, true],
      ["2024-06", 1, 0, true, false],
    ]);
    expect(report.cohorts[0]!.rate).toBeCloseTo(2 / 3, 12);
    // Kim's first customers: Alice, Bob (both back) → 1. Lee's: Carol, Frank, Dan, Erin; Dan back → 1/4.
    expect(report.managers).toEqual([
      { manager: "Lee", newCustomers: 4, returned: 1, rate: 0.25, belowTarget: true },
      { manager: "Kim", newCustomers: 2, returned: 2, rate: 1, belowTarget: false },
    ]);
    // Repeat orders: Alice 120 + Bob 60 + Dan 40 = 220 of 810 in all.
    expect(report.repeatRevenueShare).toBeCloseTo(220 / 810, 12);
    // Lost (never back, had 30 days): Erin (90) and Carol (50); Frank has not had time yet.
    expect(report.lost.count).toBe(2);
    expect(report.lost.amount).toBe(140);
    expect(report.lost.customers.map((c) => c.name)).toEqual(["Erin", "Carol"]);
  });

  it("reads the Russian log (text dates, decimal commas) to the same figures", () => {
    useFake({ locale: "ru_RU", sheets: { Заказы: RUSSIAN_ORDER_LOG } }, "Заказы!B2");
    const { report } = analyzeSelection(request());
    expect([report.firstPurchases, report.secondPurchases, report.medianDaysToSecond, report.lost.amount]).toEqual([6, 3, 30, 140]);
  });

  it("leaves out one-off project deals when asked", () => {
    // Carol's only order (row 4) is a project deal. Without it January has Alice and Bob, both back:
    // 2 ÷ 2 = 1; overall 3 back of 5 new customers = 0.6.
    const withDealType = ORDER_LOG.map((row, index) => [...row, index === 0 ? "Deal type" : index === 3 ? "Project" : "Regular"]);
    useFake({ sheets: { Orders: withDealType } }, "Orders!A1");
    const { report } = analyzeSelection({
      mapping: { ...ENGLISH_MAPPING, dealType: 4 },
      settings: { ...DEFAULT_SETTINGS, excludeDealType: "project" },
    });
    expect([report.stats.excludedRows, report.firstPurchases, report.secondPurchases, report.retentionRate]).toEqual([1, 5, 3, 0.6]);
    expect(report.cohorts[0]).toMatchObject({ period: "2024-01", newCustomers: 2, returned: 2, belowTarget: false });
  });

  it("counts skipped rows and names them by their sheet row", () => {
    // The table starts on sheet row 3 (a title above, then a blank row). Its data rows are sheet
    // rows 4–7; row 6 has an unreadable date, row 7 a date but no customer.
    const rows: unknown[][] = [
      ["Orders 2024"],
      [],
      ["Date", "Customer"],
      [moscowDate(2024, 1, 1), "Ann"],
      [moscowDate(2024, 1, 2), "Bo"],
      ["soon", "Cy"],
      [moscowDate(2024, 1, 9), ""],
    ];
    useFake({ sheets: { S: rows } }, "S!A3:B7");
    const { report } = analyzeSelection({ mapping: { date: 0, customer: 1 }, settings: DEFAULT_SETTINGS });
    expect(report.stats.skippedRows).toBe(2);
    expect(report.skipped.map((s) => [s.row, s.problem.code, s.problem.argument, s.problem.value])).toEqual([
      [6, "badDate", "Date", "soon"],
      [7, "missingCustomer", "Customer", undefined],
    ]);
  });

  it("returns plain data: a Date quoted in a skipped row crosses as an ISO string", () => {
    // Customer column holds dates by mistake in row 3, with no date: the problem quotes the customer cell.
    const when = new Date(Date.UTC(2024, 0, 2));
    useFake({ sheets: { S: [["Date", "Customer"], [moscowDate(2024, 1, 1), "Ann"], ["", when]] } }, "S!A1:B3");
    const { report } = analyzeSelection({ mapping: { date: 0, customer: 1 }, settings: DEFAULT_SETTINGS });
    expect(report.skipped[0]!.problem.value).toBe("2024-01-02T00:00:00.000Z");
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it("remembers the mapping and settings per sheet, in sheet columns", () => {
    // "Paid on" and "Buyer" are not names detection knows; guessing from the contents would take the
    // first text column ("Shop") as the customer, so the user maps the columns by hand.
    const custom = [
      ["Note", "Paid on", "Shop", "Buyer"],
      ["", moscowDate(2024, 1, 1), "North", "Ann"],
      ["", moscowDate(2024, 2, 1), "South", "Ann"],
    ];
    const fake = useFake({ sheets: { A: custom, B: ORDER_LOG } }, "A!A1:D3");
    const settings = { targetPercent: 50, period: "quarter" as const, withinDays: 90, excludeDealType: "" };
    const { report } = analyzeSelection({ mapping: { date: 1, customer: 3 }, settings });
    // Ann bought on 1 Jan and 1 Feb: one new customer, back within 31 ≤ 90 days. The header row is
    // taken as a header (its date cell is text that is no date), not skipped as a bad date.
    expect([report.firstPurchases, report.secondPurchases, report.stats.skippedRows]).toEqual([1, 1, 0]);
    expect(getSidebarState()).toMatchObject({ mapping: { date: 1, customer: 3 }, settings, headers: ["Note", "Paid on", "Shop", "Buyer"] });

    // Sheet B has its own (detected) mapping and the default settings.
    fake.select("B!A1:D10");
    expect(getSidebarState()).toMatchObject({ mapping: ENGLISH_MAPPING, settings: DEFAULT_SETTINGS });

    // Back on A, a selection starting one column later still maps sheet columns B and D.
    fake.select("A!B1:D3");
    expect(getSidebarState().mapping).toEqual({ date: 0, customer: 2 });
    // Without the date column in the selection the remembered mapping cannot serve: detection
    // guesses from the contents instead (the first text column, "Shop").
    fake.select("A!C1:D3");
    expect(getSidebarState()).toMatchObject({ mapping: { customer: 0 }, settings });
  });

  it("explains a bad request in the spreadsheet's language", () => {
    useFake({ locale: "ru_RU", sheets: { S: ORDER_LOG } }, "S!A1:D10");
    expect(() => analyzeSelection(request({ targetPercent: 150 }))).toThrow("цель: 150 не процент от 0 до 100");
    expect(() => analyzeSelection({ mapping: { date: 0, customer: 7 }, settings: DEFAULT_SETTINGS })).toThrow(
      "столбец для поля «Клиент»: 7 не входит в выделенный диапазон A1:D10",
    );
    expect(() => analyzeSelection({ mapping: { date: 0 }, settings: DEFAULT_SETTINGS })).toThrow(
      "В A1:D10 нет столбца «Клиент»: выберите его в разделе «Столбцы» боковой панели или выделите таблицу вместе со строкой заголовков.",
    );
    expect(() => analyzeSelection(request({ period: "decade" as never }))).toThrow("period: неизвестный период «decade»");
  });
});

describe("highlightBelowTarget and clearHighlighting", () => {
  const userRules = (fake: ReturnType<typeof useFake>): void => {
    const app = fake.globals.SpreadsheetApp;
    const sheet = app.getActiveSheet();
    sheet.setConditionalFormatRules([
      app.newConditionalFormatRule().whenNumberLessThan(60).setFontColor("#cc0000").setRanges([sheet.getRange("C2:C10")]).build(),
      app.newConditionalFormatRule().whenFormulaSatisfied("=$D2=\"Lee\"").setBackground("#d9ead3").setRanges([sheet.getRange("A2:D10")]).build(),
    ]);
  };

  it("marks exactly the rows of customers in weak cohorts, as one rule placed first", () => {
    const fake = useFake({ sheets: { Orders: ORDER_LOG } }, "Orders!A1:D10");
    userRules(fake);
    const before = fake.sheet("Orders").describeRules();
    fake.sheet("Orders").grid.setFormat("background", 3, 2, "#ffff00"); // the user's own fill on B3
    const response = highlightBelowTarget(request());
    // Weak cohorts: January (Alice, Bob, Carol) and February (Dan, Erin). Their rows: 2, 3, 4, 6, 7,
    // 8, 9, 10; Frank (row 5, June, too early) is not. Runs: 2–4 and 6–10 across the range's A:D.
    expect(response).toEqual({ rangeA1: "A1:D10", highlightedRows: 8 });
    const rules = fake.sheet("Orders").describeRules();
    expect(rules[0]).toEqual({
      criteria: "CUSTOM_FORMULA",
      criteriaValues: [HIGHLIGHT_FORMULA],
      background: HIGHLIGHT_COLOR,
      fontColor: null,
      bold: null,
      gradient: null,
      ranges: ["A2:D4", "A6:D10"],
    });
    expect(rules.slice(1)).toEqual(before);
    // Values and the user's own formatting are untouched.
    expect(fake.sheet("Orders").grid.contentRows()).toEqual(ORDER_LOG);
    expect(fake.sheet("Orders").grid.format("background", 3, 2)).toBe("#ffff00");
  });

  it("replaces its rule when run again, and clearing restores the rules exactly", () => {
    const fake = useFake({ sheets: { Orders: ORDER_LOG, Other: [["x"]] } }, "Orders!A1:D10");
    userRules(fake);
    const before = fake.sheet("Orders").describeRules();
    highlightBelowTarget(request());
    // At a 40 % target January (0.667) and February (0.5) are both above it: nothing is weak, so
    // our rule goes away and the user's rules are left exactly as they were.
    expect(highlightBelowTarget(request({ targetPercent: 40 })).highlightedRows).toBe(0);
    expect(fake.sheet("Orders").describeRules()).toEqual(before);
    // 60 %: only February (0.5) is weak → Dan and Erin, rows 7, 8, 10 → runs 7–8 and 10.
    highlightBelowTarget(request());
    highlightBelowTarget(request({ targetPercent: 60 }));
    const rules = fake.sheet("Orders").describeRules();
    expect(rules.length).toBe(before.length + 1);
    expect(rules[0]!.ranges).toEqual(["A7:D8", "A10:D10"]);
    expect(clearHighlighting()).toEqual({ cleared: true });
    expect(fake.sheet("Orders").describeRules()).toEqual(before);
    expect(clearHighlighting()).toEqual({ cleared: false });
  });

  it("leaves formulas alone", () => {
    const fake = useFake({ sheets: { Orders: ORDER_LOG } }, "Orders!A1:D10");
    fake.globals.SpreadsheetApp.getActiveSheet().getRange("F2").setFormula("=SUM(C2:C10)");
    highlightBelowTarget(request());
    clearHighlighting();
    expect(fake.sheet("Orders").grid.format("formula", 2, 6)).toBe("=SUM(C2:C10)");
  });
});

describe("Apps Script calls", () => {
  /** Call counts after each step, for a log of `rows` orders. */
  function callsPerStep(rows: number): Record<string, number>[] {
    const fake = useFake({ sheets: { Orders: generatedOrders(rows) } }, "Orders!B2");
    const steps: (() => unknown)[] = [
      () => getSidebarState(),
      () => analyzeSelection({ mapping: { date: 0, customer: 1, amount: 2 }, settings: DEFAULT_SETTINGS }),
      () => highlightBelowTarget({ mapping: { date: 0, customer: 1, amount: 2 }, settings: { ...DEFAULT_SETTINGS, targetPercent: 100 } }),
      () => highlightBelowTarget({ mapping: { date: 0, customer: 1, amount: 2 }, settings: { ...DEFAULT_SETTINGS, targetPercent: 100 } }),
      () => clearHighlighting(),
    ];
    return steps.map((step) => {
      fake.calls.reset();
      step();
      return fake.calls.snapshot();
    });
  }

  it("makes the same calls for 100 and for 10 000 rows", () => {
    const small = callsPerStep(100);
    expect(callsPerStep(10_000)).toEqual(small);
    // One getValues for the report; the highlight is one getRangeList for all runs.
    expect(small[1]!["Range.getValues"]).toBe(1);
    expect(small[2]!["Sheet.getRangeList"]).toBe(1);
  });
});
