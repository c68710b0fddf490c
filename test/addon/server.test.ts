// The sidebar's server functions against the in-memory SpreadsheetApp.

import { describe, expect, it } from "vitest";
import { analyzeSelection, clearHighlighting, getSidebarState, highlightToWinBack } from "../../src/addon/server";
import { DEFAULT_SETTINGS } from "../../src/addon/settings";
import { buildTemplate } from "../../src/addon/template";
import { HIGHLIGHT_COLOR, HIGHLIGHT_FORMULA } from "../../src/addon/highlight";
import type { AnalysisRequest, AnalysisSettings, RangeState } from "../../src/addon/sidebar-api";
import { analyzed, generatedOrders, moscowDate, ORDER_LOG, RUSSIAN_ORDER_LOG, useFake, withDealTypes } from "./helpers";

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
      dealTypes: [],
      defaultDealType: "",
      settings: { targetPercent: 67, period: "month", withinDays: null, ordersStartWithBusiness: false, excludeDealType: null },
    });
  });

  it("offers the deal-type column's own values, read with one getValues of that column, project deals by default", () => {
    // Carol's order (row 4) is a project deal; "regular " is "Regular" spelled another way.
    const fake = useFake({ sheets: { Orders: withDealTypes(ORDER_LOG, { 4: "Project", 9: "regular " }) } }, "Orders!A1");
    fake.calls.reset();
    const state = getSidebarState();
    expect([state.mapping.dealType, state.dealTypes, state.defaultDealType]).toEqual([4, ["Regular", "Project"], "Project"]);
    // One read of the first rows, one of the deal-type column.
    expect(fake.calls.get("Range.getValues")).toBe(2);
  });

  it("detects Russian headers and answers in Russian for a ru_RU spreadsheet", () => {
    useFake({ locale: "ru_RU", sheets: { Заказы: RUSSIAN_ORDER_LOG } }, "Заказы!A1");
    const state = getSidebarState();
    expect(state.language).toBe("ru");
    expect(state.mapping).toEqual({ date: 0, customer: 1, amount: 2, manager: 3 });
    expect(state.headers).toEqual(["Дата заказа", "Клиент", "Сумма, руб.", "Менеджер"]);
  });

  it("gives the spreadsheet's time zone and how its locale writes dates and numbers, for the sidebar's SQL", () => {
    // ru_RU writes 05/03/2024 day first and 1,5 with a decimal comma; en_US month first and 1.5.
    useFake({ locale: "ru_RU", timeZone: "Asia/Yekaterinburg", sheets: { Заказы: RUSSIAN_ORDER_LOG } }, "Заказы!A1");
    expect(getSidebarState()).toMatchObject({ timeZone: "Asia/Yekaterinburg", cellLocale: { slashOrder: "DMY", decimalComma: true } });
    useFake({ locale: "en_US", timeZone: "America/New_York", sheets: { Orders: ORDER_LOG } }, "Orders!A1");
    expect(getSidebarState()).toMatchObject({ timeZone: "America/New_York", cellLocale: { slashOrder: "MDY", decimalComma: false } });
  });

  it("names header-less columns by their sheet letters", () => {
    // A table without a header in C5:D7: dates and customers are guessed from the contents.
    const rows: unknown[][] = [
      [],
      [],
      [],
      [],
      ["", "", moscowDate(2024, 1, 1), "Ann"],
      ["", "", moscowDate(2024, 1, 2), "Bo"],
      ["", "", moscowDate(2024, 1, 3), "Cy"],
    ];
    useFake({ sheets: { S: rows } }, "S!C5:D7");
    const state = getSidebarState();
    expect(state.headers).toEqual(["C", "D"]);
    expect(state.mapping).toEqual({ date: 0, customer: 1 });
  });
});

describe("analyzeSelection", () => {
  it("reports the hand-computed figures of the order log", () => {
    useFake({ sheets: { Orders: ORDER_LOG } }, "Orders!A1:D10");
    const { range, report } = analyzed(request());
    expect([range.sheetName, range.rangeA1]).toEqual(["Orders", "A1:D10"]);
    // All time: six customers made a first purchase (Alice, Bob, Carol, Frank, Dan, Erin); three
    // came back (Alice, Bob, Dan): 3 ÷ 6 = 0.5.
    expect(report).toMatchObject({
      customers: 6,
      firstPurchases: 6,
      secondPurchases: 3,
      retentionRate: 0.5,
      firstDate: "2024-01-05",
      lastDate: "2024-06-30",
      stats: { rows: 9, orders: 9, skippedRows: 0, blankRows: 0, excludedRows: 0 },
      columns: { date: "Date", customer: "Customer", amount: "Amount", manager: "Manager" },
      excludedDealType: null,
      refunds: { rows: 0, amount: 0 },
    });
    // Days to the second purchase: Alice 5 Jan → 4 Feb = 30, Bob 10 Jan → 10 Mar = 21 + 29 + 10 = 60
    // (2024 is a leap year), Dan 15 Feb → 15 Mar = 29. Median of 29, 30, 60 = 30. H, the 80th
    // percentile by nearest rank: rank ⌈0.8 × 3⌉ = 3 of (29, 30, 60) → 60 days.
    expect(report.medianDaysToSecond).toBe(30);
    // Old enough: 30 June − 60 days = 1 May, so April (ends 30 April) is the latest judgeable month.
    // January, the data's first month, is left out. Judged: February–April, whose only new customers
    // are February's Dan (back after 29 ≤ 60 days) and Erin (never): 1 ÷ 2 = 0.5 < 0.67.
    expect(report.verdict).toEqual({
      rate: 0.5,
      firstPurchases: 2,
      secondPurchases: 1,
      notReturned: 1,
      belowTarget: true,
      horizonDays: 60,
      horizonSource: "returns",
      fromPeriod: "2024-02",
      toPeriod: "2024-04",
      from: "2024-02-01",
      to: "2024-04-30",
      leftOutPeriod: "2024-01",
      judgeableOn: null,
    });
    expect(report.belowTarget).toBe(true);
    // January: Alice, Bob (back in 30 and 60 ≤ 60 days), Carol: 2/3 ≈ 0.667 < 0.67, old enough but
    // not judged. February: 1/2. June: Frank, too early (30 June + 60 days is past the last date).
    expect(report.cohorts.map((c) => [c.period, c.newCustomers, c.returnedInTime, c.tooEarly, c.judged, c.belowTarget])).toEqual([
      ["2024-01", 3, 2, false, false, true],
      ["2024-02", 2, 1, false, true, true],
      ["2024-06", 1, 0, true, false, false],
    ]);
    expect(report.cohorts[0]!.rate).toBeCloseTo(2 / 3, 12);
    // Managers count the judged cohorts only: February's Dan and Erin are both Lee's.
    expect(report.managers).toEqual([{ manager: "Lee", newCustomers: 2, returned: 1, rate: 0.5, belowTarget: true }]);
    // Repeat orders: Alice 120 + Bob 60 + Dan 40 = 220 of 810 in all.
    expect(report.repeatRevenueShare).toBeCloseTo(220 / 810, 12);
    // Lost (never back, had 60 days): Erin (90) and Carol (50); Frank has not had time yet.
    expect(report.lost.count).toBe(2);
    expect(report.lost.amount).toBe(140);
    expect(report.lost.customers.map((c) => c.name)).toEqual(["Erin", "Carol"]);
    // All new customers add up: 3 came back + 2 did not + Frank, too recent = 6.
    expect(report.outcomes).toEqual({ returned: 3, notReturned: 2, tooEarly: 1 });
  });

  it("judges the data's first month too when the orders start with the business", () => {
    useFake({ sheets: { Orders: ORDER_LOG } }, "Orders!A1:D10");
    const { report } = analyzed(request({ ordersStartWithBusiness: true }));
    // January–April: January 2 of 3 back within 60 days, February 1 of 2: 3 ÷ 5 = 0.6.
    expect(report.verdict).toMatchObject({ rate: 0.6, firstPurchases: 5, secondPurchases: 3, fromPeriod: "2024-01", leftOutPeriod: null });
    // Kim: Alice and Bob, both back; Lee: Carol, Dan, Erin, Dan back.
    expect(report.managers!.map((m) => [m.manager, m.newCustomers, m.returned])).toEqual([
      ["Lee", 3, 1],
      ["Kim", 2, 2],
    ]);
  });

  it("says when the verdict can be given while nothing is old enough", () => {
    // One returning customer, back after 1 day (H = 1); the data end on 2 Jan 2024, January is the
    // data's first month (left out), so February is the first to judge: 29 Feb + 1 day = 1 Mar.
    useFake(
      {
        sheets: {
          S: [
            ["Date", "Customer"],
            [moscowDate(2024, 1, 1), "Ann"],
            [moscowDate(2024, 1, 2), "Ann"],
          ],
        },
      },
      "S!A1",
    );
    const { report } = analyzed({ mapping: { date: 0, customer: 1 }, settings: DEFAULT_SETTINGS });
    expect(report.verdict).toMatchObject({ rate: null, judgeableOn: "2024-03-01", horizonDays: 1, belowTarget: false });
  });

  it("reads the Russian log (text dates, decimal commas) to the same figures", () => {
    useFake({ locale: "ru_RU", sheets: { Заказы: RUSSIAN_ORDER_LOG } }, "Заказы!B2");
    const { report } = analyzed(request());
    expect([report.firstPurchases, report.secondPurchases, report.medianDaysToSecond, report.lost.amount]).toEqual([6, 3, 30, 140]);
    expect([report.verdict.rate, report.verdict.horizonDays]).toEqual([0.5, 60]);
  });

  it("leaves out project deals by default, or the deal type chosen, or nothing", () => {
    // Carol's only order (row 4) is a project deal; every other row is "Regular".
    useFake({ sheets: { Orders: withDealTypes(ORDER_LOG, { 4: "Project" }) } }, "Orders!A1");
    const analyse = (excludeDealType: string | null, ordersStartWithBusiness = false): ReturnType<typeof analyzed> =>
      analyzed({
        mapping: { ...ENGLISH_MAPPING, dealType: 4 },
        settings: { ...DEFAULT_SETTINGS, excludeDealType, ordersStartWithBusiness },
      });
    // Default: "Project" is the column's project deal type. Without Carol: 3 back of 5 = 0.6 all time.
    const byDefault = analyse(null);
    expect(byDefault.range).toMatchObject({ dealTypes: ["Regular", "Project"], defaultDealType: "Project" });
    const { report } = byDefault;
    expect([
      report.excludedDealType,
      report.stats.excludedRows,
      report.firstPurchases,
      report.secondPurchases,
      report.retentionRate,
    ]).toEqual(["Project", 1, 5, 3, 0.6]);
    // Judging January too: Alice and Bob, both back within 60 days, and February's 1 of 2: 3 ÷ 4.
    expect(analyse(null, true).report.verdict.rate).toBe(0.75);
    // Nothing left out: all six customers.
    expect([analyse("").report.excludedDealType, analyse("").report.firstPurchases]).toEqual([null, 6]);
    // "Regular" left out: only Carol's project order remains.
    expect([analyse("regular").report.stats.excludedRows, analyse("regular").report.firstPurchases]).toEqual([8, 1]);
  });

  it("leaves out every project spelling by default, as the CLI does", () => {
    // Carol's order (row 4) is a "Project", Frank's (row 5) a "проект"; the rest "Regular".
    useFake({ sheets: { Orders: withDealTypes(ORDER_LOG, { 4: "Project", 5: "проект" }) } }, "Orders!A1");
    const { report } = analyzed({ mapping: { ...ENGLISH_MAPPING, dealType: 4 }, settings: DEFAULT_SETTINGS });
    // Both rows out: four customers left (Alice, Bob, Dan, Erin).
    expect([report.stats.excludedRows, report.firstPurchases]).toEqual([2, 4]);
  });

  it("leaves out, on the template's own Orders sheet, the deal type the template's Dashboard leaves out (B3)", () => {
    for (const locale of ["en_US", "ru_RU"]) {
      const fake = useFake({ locale, sheets: { Sheet1: [] } });
      const created = buildTemplate(fake.globals.SpreadsheetApp.getActiveSpreadsheet(), { sampleCustomers: 200 });
      const dashboardDealType = fake.sheet(created.dashboardSheet).grid.value(3, 2);
      fake.select(`'${created.ordersSheet}'!A1`);
      const state = getSidebarState();
      expect(state.defaultDealType).toBe(dashboardDealType);
      const { report } = analyzed({
        sheetName: state.sheetName,
        rangeA1: state.rangeA1,
        mapping: state.mapping,
        settings: state.settings,
      });
      // Counted straight from the sheet: the order rows whose deal type is B3's.
      const rows = fake.sheet(created.ordersSheet).grid.contentRows().slice(1);
      const projectRows = rows.filter((row) => row[state.mapping.dealType!] === dashboardDealType).length;
      expect(projectRows).toBeGreaterThan(0);
      expect([report.excludedDealType, report.stats.excludedRows]).toEqual([dashboardDealType, projectRows]);
    }
  });

  it("lists at most 50 deal types, keeping the project deal type however late it comes", () => {
    const rows: unknown[][] = [["Date", "Customer", "Deal type"]];
    for (let i = 0; i < 60; i++) rows.push([moscowDate(2024, 1, 1 + (i % 28)), `C${i}`, `Kind ${i}`]);
    rows.push([moscowDate(2024, 2, 1), "Z", "Проект"]);
    useFake({ sheets: { S: rows } }, "S!A1");
    const { range, report } = analyzed({ mapping: { date: 0, customer: 1, dealType: 2 }, settings: DEFAULT_SETTINGS });
    expect(range.dealTypes.length).toBe(51);
    expect(range.dealTypes.slice(0, 2)).toEqual(["Kind 0", "Kind 1"]);
    expect([range.dealTypes[50], range.defaultDealType, report.excludedDealType, report.stats.excludedRows]).toEqual([
      "Проект",
      "Проект",
      "Проект",
      1,
    ]);
  });

  it("counts refunds without making them purchases, and skips sheet errors naming the column and row", () => {
    // Ann buys on 1 Jan and returns it on 10 Jan (a negative amount): one new customer, not back.
    // Row 4 has #N/A as its customer: skipped, not a customer called "#N/A".
    const rows = [
      ["Date", "Customer", "Amount"],
      [moscowDate(2024, 1, 1), "Ann", 100],
      [moscowDate(2024, 1, 10), "Ann", -100],
      [moscowDate(2024, 1, 12), "#N/A", 50],
    ];
    useFake({ sheets: { S: rows } }, "S!A1");
    const { report } = analyzed({ mapping: { date: 0, customer: 1, amount: 2 }, settings: DEFAULT_SETTINGS });
    expect([report.customers, report.firstPurchases, report.secondPurchases, report.refunds.rows, report.refunds.amount]).toEqual([
      1, 1, 0, 1, -100,
    ]);
    expect(report.skipped.map((s) => [s.row, s.problem.code, s.problem.argument, s.problem.value])).toEqual([
      [4, "errorValue", "Customer", "#N/A"],
    ]);
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
    const { report } = analyzed({ mapping: { date: 0, customer: 1 }, settings: DEFAULT_SETTINGS });
    expect(report.stats.skippedRows).toBe(2);
    expect(report.skipped.map((s) => [s.row, s.problem.code, s.problem.argument, s.problem.value])).toEqual([
      [6, "badDate", "Date", "soon"],
      [7, "missingCustomer", "Customer", undefined],
    ]);
  });

  it("returns plain data: a Date quoted in a skipped row crosses as an ISO string", () => {
    // Customer column holds dates by mistake in row 3, with no date: the problem quotes the customer cell.
    const when = new Date(Date.UTC(2024, 0, 2));
    useFake(
      {
        sheets: {
          S: [
            ["Date", "Customer"],
            [moscowDate(2024, 1, 1), "Ann"],
            ["", when],
          ],
        },
      },
      "S!A1:B3",
    );
    const { report } = analyzed({ mapping: { date: 0, customer: 1 }, settings: DEFAULT_SETTINGS });
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
    const settings = {
      targetPercent: 50,
      period: "quarter" as const,
      withinDays: 90,
      ordersStartWithBusiness: true,
      excludeDealType: "",
      countedStatuses: null,
    };
    const { report } = analyzed({ mapping: { date: 1, customer: 3 }, settings });
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

  it("explains a bad request in the spreadsheet's language, naming columns by header or letter", () => {
    useFake({ locale: "ru_RU", sheets: { S: ORDER_LOG } }, "S!A1:D10");
    expect(() => analyzed(request({ targetPercent: 150 }))).toThrow("цель: 150 не процент от 1 до 100");
    expect(() => analyzed(request({ targetPercent: 0 }))).toThrow("цель: 0 не процент от 1 до 100");
    // Column index 7 of a range starting in column A is sheet column H.
    expect(() => analyzed({ mapping: { date: 0, customer: 7 }, settings: DEFAULT_SETTINGS })).toThrow(
      "столбец для поля «Клиент»: столбец H не входит в выделенный диапазон A1:D10",
    );
    expect(() => analyzed({ mapping: { date: 0 }, settings: DEFAULT_SETTINGS })).toThrow(
      "В A1:D10 нет столбца «Клиент»: выберите его в разделе «Столбцы» боковой панели или выделите таблицу вместе со строкой заголовков.",
    );
    expect(() => analyzed(request({ period: "decade" as never }))).toThrow("period: неизвестный период «decade»");
  });

  it("refuses one column for two roles, naming both roles and the column", () => {
    useFake({ sheets: { S: ORDER_LOG } }, "S!A1:D10");
    expect(() => analyzed({ mapping: { date: 0, customer: 1, amount: 1 }, settings: DEFAULT_SETTINGS })).toThrow(
      "“Customer” and “Amount” are both the column “Customer”: choose a different column for each.",
    );
    expect(() => analyzed({ mapping: { date: 0, customer: 1, amount: 2, dealType: 0 }, settings: DEFAULT_SETTINGS })).toThrow(
      "“Date” and “Deal type” are both the column “Date”",
    );
  });

  it("refuses a date column whose first values are mostly not dates, naming it", () => {
    useFake({ locale: "ru_RU", sheets: { S: ORDER_LOG } }, "S!A1:D10");
    // The manager column holds Kim and Lee in all 9 rows: none reads as a date.
    expect(() => analyzed({ mapping: { date: 3, customer: 1 }, settings: DEFAULT_SETTINGS })).toThrow(
      "«Manager» — не столбец дат: из первых 9 значений 9 не даты, например «Kim». Выберите столбец с датами в разделе «Столбцы».",
    );
  });

  it("takes a date column with at least half dates, and skips the rest row by row", () => {
    // 2 dates of 4 values: kept (half is not "mostly not dates"); 1 date of 3: refused.
    const rows = (bad: number): unknown[][] => [
      ["Date", "Customer"],
      [moscowDate(2024, 1, 1), "Ann"],
      ...Array.from({ length: bad }, (_, i) => [`n/a ${i}`, "Bo"]),
      ...(bad === 2 ? [[moscowDate(2024, 1, 3), "Cy"]] : []),
    ];
    useFake({ sheets: { S: rows(2) } }, "S!A1");
    expect(analyzed({ mapping: { date: 0, customer: 1 }, settings: DEFAULT_SETTINGS }).report.stats.skippedRows).toBe(2);
    useFake({ sheets: { S: rows(1).concat([["n/a", "Di"]]) } }, "S!A1");
    expect(() => analyzed({ mapping: { date: 0, customer: 1 }, settings: DEFAULT_SETTINGS })).toThrow(
      "“Date” is not a date column: 2 of the first 3 values are not dates, such as «n/a 0».",
    );
  });

  it("gives one message for an empty cell and for a header with no orders", () => {
    const fake = useFake({ sheets: { S: ORDER_LOG, H: [["Date", "Customer"]] } }, "S!H10");
    expect(() => analyzed(request())).toThrow(/^H10 is empty: click inside your order table\.$/);
    fake.select("H!A1");
    const state = getSidebarState();
    expect(() =>
      analyzed({ sheetName: state.sheetName, rangeA1: state.rangeA1, mapping: state.mapping, settings: state.settings }),
    ).toThrow(/^A1:B1 holds only a header row: select the orders under it too\.$/);
  });
});

describe("following the selection", () => {
  /** What the sidebar sends from a form built for `state`. */
  const fromForm = (range: RangeState, settings: AnalysisSettings): AnalysisRequest => ({
    sheetName: range.sheetName,
    rangeA1: range.rangeA1,
    mapping: range.mapping,
    settings,
  });

  it("analyses the new range with its own columns when the selection has moved since the form was built", () => {
    // Sheet B holds the same orders in other columns: Manager, Amount, Customer, Date from C3 on.
    const shuffled = ORDER_LOG.map(([date, customer, amount, manager]) => [manager, amount, customer, date]);
    const fake = useFake({ sheets: { A: ORDER_LOG, B: [[], [], ...shuffled.map((row) => ["", "", ...row])] } }, "A!A1");
    const state = getSidebarState();
    fake.select("B!D5");
    const { range, report } = analyzed(fromForm(state, { ...state.settings, targetPercent: 50 }));
    expect(range).toMatchObject({ sheetName: "B", rangeA1: "C3:F12", headers: ["Manager", "Amount", "Customer", "Date"] });
    expect(range.mapping).toEqual({ manager: 0, amount: 1, customer: 2, date: 3 });
    // The same hand-computed figures as sheet A (see above), judged against the form's 50 % target:
    // the verdict 1 ÷ 2 = 0.5 is not below 0.5.
    expect([report.firstPurchases, report.secondPurchases, report.verdict.rate, report.verdict.belowTarget]).toEqual([6, 3, 0.5, false]);
    // The new range's columns are remembered for sheet B.
    expect(getSidebarState().mapping).toEqual(range.mapping);
  });

  it("says an empty cell is empty instead of naming a column index", () => {
    const fake = useFake({ sheets: { Orders: ORDER_LOG } }, "Orders!A1");
    const state = getSidebarState();
    fake.select("Orders!H10");
    expect(() => analyzed(fromForm(state, state.settings))).toThrow("H10 is empty: click inside your order table.");
    // A selection without the header and the date column: its columns are a guess from the contents
    // (customers in B, amounts in C, no dates), so nothing is analysed until the user confirms them.
    fake.select("Orders!B2:D10");
    const moved = analyzeSelection(fromForm(state, state.settings));
    expect(moved.report).toBeNull();
    expect([moved.range.rangeA1, moved.range.headers, moved.range.doubts]).toEqual([
      "B2:D10",
      ["B", "C", "D"],
      [
        { kind: "guess", field: "customer", column: 0 },
        { kind: "missing", field: "date" },
        { kind: "guess", field: "amount", column: 1 },
      ],
    ]);
    // Confirmed as they are, the missing date is said in words.
    expect(() => analyzeSelection({ ...fromForm(moved.range, state.settings) })).toThrow(/^No “Date” column in B2:D10: /);
  });

  it("resets the deal type on a new range, and keeps the form's columns for the range it was built for", () => {
    const fake = useFake({ sheets: { Orders: withDealTypes(ORDER_LOG, { 4: "Project" }) } }, "Orders!A1");
    const state = getSidebarState();
    // On a new range "Regular" (the user's choice for the old one) gives way to the default.
    fake.select("Orders!A1:E9");
    const moved = analyzed(fromForm(state, { ...state.settings, excludeDealType: "Regular" }));
    expect([moved.range.rangeA1, moved.report.excludedDealType]).toEqual(["A1:E9", "Project"]);
    // On the same range the user's columns stand, even where detection would differ: customer =
    // Manager gives two customers, Kim and Lee.
    const same = analyzed({ ...fromForm(moved.range, state.settings), mapping: { date: 0, customer: 3 } });
    expect([same.range.mapping, same.report.customers]).toEqual([{ date: 0, customer: 3 }, 2]);
  });
});

describe("statuses and doubtful columns", () => {
  /** The hand-computed log with a "Status" column: Bob's return (row 9) refunded, Frank's order (row 5) pending. */
  const withStatuses = ORDER_LOG.map((row, index) => [
    ...row,
    index === 0 ? "Status" : index === 8 ? "Refunded" : index === 4 ? "Pending" : "Paid",
  ]);

  it("finds the status column, keeps only completed purchases and counts what each status left out", () => {
    useFake({ sheets: { Orders: withStatuses } }, "Orders!A1");
    const state = getSidebarState();
    expect([state.statusColumn, state.statuses]).toEqual([
      4,
      [
        { value: "Paid", counted: true },
        { value: "Pending", counted: false },
        { value: "Refunded", counted: false },
      ],
    ]);
    const { report } = analyzed({ ...state, statusColumn: state.statusColumn });
    // Without Frank (pending) and Bob's return (refunded): Alice, Bob, Carol, Dan, Erin are new, and
    // Alice and Dan came back: 5 first purchases, 2 second.
    expect([report.firstPurchases, report.secondPurchases, report.statusColumn]).toEqual([5, 2, "Status"]);
    expect(report.stats.leftOutByStatus).toEqual({ Pending: 1, Refunded: 1 });
  });

  it("counts the statuses the user ticks, or every row without a status column, and remembers both per sheet", () => {
    useFake({ sheets: { Orders: withStatuses } }, "Orders!A1");
    const state = getSidebarState();
    const ticked = analyzed({ ...state, settings: { ...state.settings, countedStatuses: ["Paid", "Refunded"] } });
    // Bob's refunded return counts again; Frank stays out: 5 first purchases, 3 second.
    expect([ticked.report.firstPurchases, ticked.report.secondPurchases, ticked.report.stats.leftOutByStatus]).toEqual([
      5,
      3,
      { Pending: 1 },
    ]);
    expect(ticked.range.statuses.map(({ counted }) => counted)).toEqual([true, false, true]);
    expect(getSidebarState()).toMatchObject({ statusColumn: 4, settings: { countedStatuses: ["Paid", "Refunded"] } });

    // No status column: all nine orders are purchases, the hand-computed 6 and 3.
    const none = analyzed({ ...state, statusColumn: null });
    expect([none.report.firstPurchases, none.report.secondPurchases, none.report.statusColumn]).toEqual([6, 3, null]);
    expect(getSidebarState()).toMatchObject({ statusColumn: null, statuses: [] });
  });

  it("refuses the status column chosen for another role, naming both", () => {
    useFake({ sheets: { Orders: withStatuses } }, "Orders!A1");
    expect(() => analyzed({ mapping: ENGLISH_MAPPING, statusColumn: 3, settings: DEFAULT_SETTINGS })).toThrow(
      "“Manager” and “Status” are both the column “Manager”: choose a different column for each.",
    );
  });

  it("asks which of two equally plausible customer columns to read, and analyses the one the form sends", () => {
    const tie = ORDER_LOG.map(([date, customer, amount], index) => [date, customer, index === 0 ? "Client" : "Shop", amount]);
    useFake({ sheets: { Orders: tie } }, "Orders!A1");
    const state = getSidebarState();
    expect([state.mapping.customer, state.doubts]).toEqual([1, [{ kind: "tie", field: "customer", columns: [1, 2] }]]);
    // The form's own range: the user's answer (here the proposal, Customer) runs as sent.
    const { report, range } = analyzed({ ...state, mapping: { ...state.mapping, customer: 1 } });
    expect([report.firstPurchases, report.secondPurchases, range.doubts]).toEqual([6, 3, []]);
    // Remembered, so the question is not asked again.
    expect(getSidebarState().doubts).toEqual([]);
  });

  it("marks every column of a header-less table as guessed", () => {
    useFake({ sheets: { Orders: ORDER_LOG.slice(1) } }, "Orders!A1");
    expect(getSidebarState().doubts).toEqual([
      { kind: "guess", field: "customer", column: 1 },
      { kind: "guess", field: "date", column: 0 },
      { kind: "guess", field: "amount", column: 2 },
    ]);
  });
});

// Whom to win back in ORDER_LOG, by hand. H = 60 days (see above); the latest order is 30 June.
// Never came back within H: Carol (January, row 4), Erin (February, row 8); Frank (June) is too
// recent. Lapsed (health check): repeat customers Alice (gaps 30), Bob (60), Dan (29); the
// business's median gap is 30. Alice last bought 4 February, 147 days before 30 June: more than
// 2 × 30 and more than 30 → lapsed. Bob, 10 March: 112 days, not more than 2 × 60 → not. Dan, 15
// March: 107 days, more than 2 × 29 and 30 → lapsed. Alice's rows are 2 and 6, Dan's 7 and 10.
describe("highlightToWinBack and clearHighlighting", () => {
  const userRules = (fake: ReturnType<typeof useFake>): void => {
    const app = fake.globals.SpreadsheetApp;
    const sheet = app.getActiveSheet();
    sheet.setConditionalFormatRules([
      app
        .newConditionalFormatRule()
        .whenNumberLessThan(60)
        .setFontColor("#cc0000")
        .setRanges([sheet.getRange("C2:C10")])
        .build(),
      app
        .newConditionalFormatRule()
        .whenFormulaSatisfied('=$D2="Lee"')
        .setBackground("#d9ead3")
        .setRanges([sheet.getRange("A2:D10")])
        .build(),
    ]);
  };

  it("marks exactly the rows of the never-returned and the lapsed customers, as one rule placed first", () => {
    const fake = useFake({ sheets: { Orders: ORDER_LOG } }, "Orders!A1:D10");
    userRules(fake);
    const before = fake.sheet("Orders").describeRules();
    fake.sheet("Orders").grid.setFormat("background", 3, 2, "#ffff00"); // the user's own fill on B3
    const response = highlightToWinBack(request({ ordersStartWithBusiness: true }));
    // January is judged too: Carol (4) and Erin (8) never came back, Alice (2, 6) and Dan (7, 10)
    // lapsed. Bob (3, 9) came back and has not lapsed; Frank (5) is too recent. Runs across A:D.
    expect(response).toEqual({ rangeA1: "A1:D10", highlightedRows: 6, customers: 4 });
    const rules = fake.sheet("Orders").describeRules();
    expect(rules[0]).toEqual({
      criteria: "CUSTOM_FORMULA",
      criteriaValues: [HIGHLIGHT_FORMULA],
      background: HIGHLIGHT_COLOR,
      fontColor: null,
      bold: null,
      gradient: null,
      ranges: ["A2:D2", "A4:D4", "A6:D8", "A10:D10"],
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
    highlightToWinBack(request({ ordersStartWithBusiness: true }));
    // Without January judged, Carol is no longer one to win back: Erin (8), Alice (2, 6), Dan (7, 10).
    expect(highlightToWinBack(request())).toEqual({ rangeA1: "A1:D10", highlightedRows: 5, customers: 3 });
    const rules = fake.sheet("Orders").describeRules();
    expect(rules.length).toBe(before.length + 1);
    expect(rules[0]!.ranges).toEqual(["A2:D2", "A6:D8", "A10:D10"]);
    expect(clearHighlighting()).toEqual({ cleared: true });
    expect(fake.sheet("Orders").describeRules()).toEqual(before);
    expect(clearHighlighting()).toEqual({ cleared: false });
  });

  it("does not depend on the target: whom to win back is not a cohort's rate", () => {
    const fake = useFake({ sheets: { Orders: ORDER_LOG } }, "Orders!A1:D10");
    expect(highlightToWinBack(request({ targetPercent: 10 })).highlightedRows).toBe(5);
    expect(fake.sheet("Orders").describeRules()[0]!.ranges).toEqual(["A2:D2", "A6:D8", "A10:D10"]);
  });

  it("leaves formulas alone", () => {
    const fake = useFake({ sheets: { Orders: ORDER_LOG } }, "Orders!A1:D10");
    fake.globals.SpreadsheetApp.getActiveSheet().getRange("F2").setFormula("=SUM(C2:C10)");
    highlightToWinBack(request());
    clearHighlighting();
    expect(fake.sheet("Orders").grid.format("formula", 2, 6)).toBe("=SUM(C2:C10)");
  });
});

describe("Apps Script calls", () => {
  /** Call counts after each step, for a log of `rows` orders. */
  function callsPerStep(rows: number): Record<string, number>[] {
    // Every seventh order a project deal, every fifth refunded, so both columns have values to offer.
    const orders = generatedOrders(rows).map((row, index) =>
      index === 0
        ? [...row, "Deal type", "Status"]
        : [...row, index % 7 === 0 ? "Project" : "Retail", index % 5 === 0 ? "refunded" : "paid"],
    );
    const fake = useFake({ sheets: { Orders: orders } }, "Orders!B2");
    const mapping = { date: 0, customer: 1, amount: 2, dealType: 3 };
    const steps: (() => unknown)[] = [
      () => getSidebarState(),
      () => analyzed({ mapping, settings: DEFAULT_SETTINGS }),
      () => highlightToWinBack({ mapping, settings: DEFAULT_SETTINGS }),
      () => highlightToWinBack({ mapping, settings: DEFAULT_SETTINGS }),
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
    // The state reads the first rows, the deal-type and the status column; the report one
    // getValues; the highlight is one getRangeList for all runs.
    expect(small[0]!["Range.getValues"]).toBe(3);
    expect(small[1]!["Range.getValues"]).toBe(1);
    expect(small[2]!["Sheet.getRangeList"]).toBe(1);
  });
});
