// "Create template" against the fake SpreadsheetApp, evaluated in HyperFormula: every Dashboard
// formula works, its figures agree with the core's own results, nothing is overwritten, and the
// number of Apps Script calls does not grow with the number of sample orders.

import { beforeEach, describe, expect, it } from "vitest";
import { buildTemplate, freeSheetName } from "../../src/addon/template";
import { letterOf } from "../../src/addon/template-dashboard";
import { sampleOrders, type SampleOrder } from "../../src/addon/template-sample";
import { analyzeTable } from "../../src/core/analyze-table";
import { dayFromCivil, dayToSerial } from "../../src/core/calendar";
import { inputLocale } from "../../src/core/cells";
import { mapHeader } from "../../src/core/columns";
import { cohortMatrix, retentionCohorts } from "../../src/core/cohorts";
import { customerSummary } from "../../src/core/customer-summary";
import { ingestOrders } from "../../src/core/ingest";
import { CustomerLedger, type LedgerOptions } from "../../src/core/ledger";
import { countRetention, medianDaysToSecond, repeatRevenueShare, retentionRate } from "../../src/core/retention";
import { horizonOf, judgedVerdict } from "../../src/core/verdict";
import { createFakeSheets, installFakeGlobals, type FakeSheets } from "../../src/fake-sheets";
import { evaluateWorkbook, type EvaluatedCell } from "../../src/preview/hyperformula";

function fakeWith(locale: string, sheets?: Record<string, unknown[][]>): FakeSheets {
  return installFakeGlobals(globalThis, createFakeSheets({ locale, timeZone: "Europe/Moscow", ...(sheets ? { sheets } : {}) }));
}

function build(fake: FakeSheets, sampleCustomers = 0) {
  return buildTemplate(fake.globals.SpreadsheetApp.getActiveSpreadsheet(), { sampleCustomers });
}

/** The formulas of a sheet, as "A1 → formula". */
function formulasOf(fake: FakeSheets, sheet: string): Map<string, string> {
  const grid = fake.sheet(sheet).grid;
  const formulas = new Map<string, string>();
  for (let row = 1; row <= grid.lastRow(); row++) {
    for (let column = 1; column <= grid.lastColumn(); column++) {
      const formula = grid.format("formula", row, column);
      if (formula !== "") formulas.set(`${letterOf(column)}${row}`, formula);
    }
  }
  return formulas;
}

/**
 * The orders as the template wrote them into the Orders sheet, read straight into a ledger by the
 * core (no formula, no FILTER, no HyperFormula); `excludeDealType` leaves those rows out.
 */
function ordersLedger(
  fake: FakeSheets,
  ordersSheet: string,
  excludeDealType: string | undefined,
  options: LedgerOptions = {},
): CustomerLedger {
  const values = fake.sheet(ordersSheet).grid.contentRows();
  const at = (argument: string, column: number) => ({ argument, values, column });
  const ledger = new CustomerLedger(options);
  ingestOrders({ date: at("date", 0), customer: at("customer", 1), amount: at("amount", 2), dealType: at("deal type", 4) }, ledger, {
    locale: inputLocale(fake.spreadsheet.locale, fake.spreadsheet.timeZone),
    excludeDealTypes: excludeDealType === undefined ? undefined : [excludeDealType],
    skipLeadingRows: 1,
  });
  return ledger;
}

/**
 * The verdict the sidebar gives on the Orders sheet: the whole sheet through the core's
 * analyzeTable, columns found by their headers, the deal type in B3 left out, months, H from the data.
 */
function sidebarVerdict(fake: FakeSheets, ordersSheet: string, excludeDealType: string | undefined) {
  const values = fake.sheet(ordersSheet).grid.contentRows();
  const header = values[0]!;
  return analyzeTable(values, {
    mapping: mapHeader(header),
    headers: header.map(String),
    headerRow: 0,
    firstRowNumber: 1,
    excludeDealTypes: excludeDealType === undefined ? undefined : [excludeDealType],
    locale: inputLocale(fake.spreadsheet.locale, fake.spreadsheet.timeZone),
    settings: { target: 0.67, period: "month" },
  }).report.verdict;
}

function column(rows: EvaluatedCell[][] | undefined, from: number, index: number): EvaluatedCell[] {
  return (rows ?? [])
    .slice(from)
    .map((row) => row[index] ?? null)
    .filter((cell) => cell !== null && cell !== "");
}

describe("the sample orders", () => {
  it("include project deals that would change the figures if they were counted", () => {
    const orders = sampleOrders("en", 120);
    const daysOf = (keep: (order: SampleOrder) => boolean) => {
      const days = new Map<string, Set<number>>();
      for (const order of orders.filter(keep)) days.set(order.customer, (days.get(order.customer) ?? new Set()).add(order.day));
      return days;
    };
    const allDays = daysOf(() => true);
    const regularDays = daysOf((order) => !order.project);
    // Customers who come only for a project, and regular customers whose only later day is a project.
    const projectOnly = [...allDays.keys()].filter((name) => !regularDays.has(name));
    const backOnlyThroughProject = [...regularDays].filter(([name, days]) => days.size === 1 && allDays.get(name)!.size > 1);
    expect(projectOnly.length).toBeGreaterThan(0);
    expect(backOnlyThroughProject.length).toBeGreaterThan(0);
  });

  it("span enough months for a verdict over a whole year of cohorts", () => {
    const ledger = new CustomerLedger();
    for (const order of sampleOrders("en")) {
      if (!order.project) ledger.add(order.customer.toLowerCase(), order.customer, order.day, order.amount);
    }
    const verdict = judgedVerdict(ledger, { target: 0.67, period: "month" });
    // Two years of orders, the first month left out: 12 monthly cohorts are old enough to judge.
    expect(verdict.span).not.toBeNull();
    expect(verdict.span!.last - verdict.span!.first + 1).toBe(12);
    expect(verdict.firstPurchases).toBeGreaterThan(50);
  });
});

// "project" typed here, not taken from the catalogue: the Orders drop-down's value for a project.
describe.each([
  { case: "project deals left out (B3 as created)", excluded: "project" as string | undefined },
  { case: "B3 cleared: every row counted", excluded: undefined },
])("the Dashboard on sample orders, evaluated in HyperFormula: $case", ({ excluded }) => {
  const CUSTOMERS = 120;
  let fake: FakeSheets;
  let orders: string;
  let dashboard: string;
  let evaluated: ReturnType<typeof evaluateWorkbook>;
  const ledger = (options: LedgerOptions = {}): CustomerLedger => ordersLedger(fake, orders, excluded, options);

  beforeEach(() => {
    fake = fakeWith("en_US");
    ({ ordersSheet: orders, dashboardSheet: dashboard } = build(fake, CUSTOMERS));
    expect(fake.sheet(dashboard).getRange("B3").getValue()).toBe("project");
    if (excluded === undefined) fake.sheet(dashboard).getRange("B3").setValue("");
    evaluated = evaluateWorkbook(fake.spreadsheet);
  });

  it("evaluates every formula without an error", () => {
    expect(evaluated.errors).toEqual([]);
    for (const cell of formulasOf(fake, dashboard).keys()) {
      expect(evaluated.value(dashboard, cell), cell).not.toBeNull();
    }
  });

  it("shows the headline figures the core computes from the same orders", () => {
    const all = countRetention(ledger());
    expect(evaluated.value(dashboard, "B4")).toBe(0.67);
    expect(evaluated.value(dashboard, "B5")).toBe(false);
    expect(evaluated.value(dashboard, "B6")).toBeCloseTo(judgedVerdict(ledger(), { target: 0.67, period: "month" }).rate!, 9);
    expect(evaluated.value(dashboard, "B7")).toBe(horizonOf(ledger()).days);
    expect(evaluated.value(dashboard, "B8")).toBeCloseTo(retentionRate(ledger()), 9);
    expect(evaluated.value(dashboard, "B9")).toBe(all.firstPurchases);
    expect(evaluated.value(dashboard, "B10")).toBe(all.secondPurchases);
    expect(evaluated.value(dashboard, "B11")).toBe(dayToSerial(ledger().latestDay));
    expect(evaluated.value(dashboard, "B12")).toBeCloseTo(repeatRevenueShare(ledger({ amountWindow: {} }))!, 9);
    expect(evaluated.value(dashboard, "B13")).toBe(medianDaysToSecond(ledger()));
  });

  it("shows the sidebar's verdict on the same Orders sheet as its headline", () => {
    const verdict = sidebarVerdict(fake, orders, excluded);
    expect(verdict.fromPeriod).not.toBeNull();
    expect(evaluated.value(dashboard, "B6")).toBeCloseTo(verdict.rate!, 9);
    // And the counts behind it, as VERDICT_DETAILS spills them beside the figures.
    expect(["E3", "E4", "E5", "E6", "E7"].map((cell) => evaluated.value(dashboard, cell))).toEqual([
      `${verdict.fromPeriod} – ${verdict.toPeriod}`,
      verdict.horizonDays,
      verdict.firstPurchases,
      verdict.secondPurchases,
      verdict.notReturned,
    ]);
  });

  it("spills the monthly cohorts, the customer table, the one-off buyers and the triangle as the core has them", () => {
    const rows = evaluated.values[dashboard];
    // Returns counted within H, the verdict's horizon.
    const cohorts = retentionCohorts(ledger(), "month", horizonOf(ledger()).days);
    expect(column(rows, 16, 0)).toEqual(cohorts.map((cohort) => dayToSerial(cohort.start)));
    expect(column(rows, 16, 1)).toEqual(cohorts.map((cohort) => cohort.newCustomers));
    expect(column(rows, 16, 2)).toEqual(cohorts.map((cohort) => cohort.returned));
    expect((column(rows, 16, 3) as number[]).map((rate) => rate.toFixed(9))).toEqual(cohorts.map((c) => c.rate.toFixed(9)));

    const summary = customerSummary(ledger({ trackDays: true }));
    expect(column(rows, 16, 10)).toEqual(summary.map((row) => row.name));
    // Bought once and had H days to come back, as the sidebar's "never came back" list.
    const horizon = horizonOf(ledger()).days;
    const once = summary.filter((row) => row.purchases === 1 && row.daysSinceLast >= horizon);
    expect(once.length).toBeGreaterThan(0);
    expect(column(rows, 16, 5)).toEqual(once.map((row) => row.name));
    expect(column(rows, 16, 6)).toEqual(once.map((row) => dayToSerial(row.first)));
    expect(column(rows, 16, 8)).toEqual(once.map((row) => row.daysSinceLast));

    const matrix = cohortMatrix(ledger({ trackPeriods: "month" }), "month");
    expect(column(rows, 16, 17)).toEqual(matrix.rows.map((row) => dayToSerial(row.start)));
    const firstCohort = rows![16]!.slice(19, 19 + matrix.offsets) as number[];
    expect(firstCohort.map((rate) => rate.toFixed(9))).toEqual(matrix.rows[0]!.active.map((n) => (n! / matrix.rows[0]!.size).toFixed(9)));
  });
});

describe("leaving project deals out makes a difference on the sample orders", () => {
  it("the verdict shown differs from the one over every row", () => {
    const fake = fakeWith("en_US");
    const { ordersSheet, dashboardSheet } = build(fake, 120);
    const shown = evaluateWorkbook(fake.spreadsheet).value(dashboardSheet, "B6") as number;
    expect(shown).toBeCloseTo(sidebarVerdict(fake, ordersSheet, "project").rate!, 9);
    expect(Math.abs(shown - sidebarVerdict(fake, ordersSheet, undefined).rate!)).toBeGreaterThan(0.005);
  });
});

describe("the Dashboard on a tiny order log worked out by hand", () => {
  it("gives the figures computed on paper", () => {
    const fake = fakeWith("en_US");
    const { ordersSheet, dashboardSheet } = build(fake);
    const day = (m: number, d: number): Date => new Date(Date.UTC(2024, m - 1, d) - 3 * 3_600_000); // Moscow midnight
    fake
      .sheet(ordersSheet)
      .getRange(2, 1, 7, 3)
      .setValues([
        [day(1, 10), "Anna", 100],
        [day(1, 20), "Boris", 50],
        [day(2, 5), " anna ", 30], // the same customer as Anna: case and spaces do not count
        [day(3, 1), "Vera", 70],
        [day(3, 15), "Boris", 20],
        [day(3, 15), "Boris", 10], // a second order on the same day is not a second purchase day
        [day(4, 1), "Gleb", 40],
      ]);
    // The cohort rows' red rule, evaluated for January (row 17) and March (row 18) in spare cells.
    const redRule = (fake.sheet(dashboardSheet).describeRules()[1]!.criteriaValues as string[])[0]!;
    fake
      .sheet(dashboardSheet)
      .getRange("Z1:Z2")
      .setFormulas([[redRule], [redRule.replaceAll("17", "18")]]);
    const result = evaluateWorkbook(fake.spreadsheet);
    const at = (a1: string): EvaluatedCell => result.value(dashboardSheet, a1);
    // Gaps to a second purchase: Anna Jan 10 → Feb 5 = 26 days, Boris Jan 20 → Mar 15 = 55 days.
    // H = the smallest gap that 80 % of them (rank ⌈0.8 × 2⌉ = 2) do not exceed = 55 days. January,
    // the data's first month, is left out; February is the first month to judge, once its end
    // (Feb 29) is 55 days behind the latest order: Feb 29 + 55 days = Apr 24 (Mar 31 is +31).
    // The latest order is Apr 1, so it is too early, and the cell says until when.
    expect(at("B6")).toEqual({
      error: "#ERROR!",
      message: "too early to judge: the orders must reach 2024-04-24, so that the first cohort has had 55 days to come back",
    });
    expect(result.errors.filter((error) => error.sheet === dashboardSheet).map((error) => error.cell)).toEqual(["B6"]);
    expect(at("B7")).toBe(55);
    // The details: nothing judged yet, so no judged counts. All four new customers: Anna and Boris
    // came back; Vera (Mar 1) and Gleb (Apr 1) are too recent for H = 55 days before Apr 1.
    expect(column(result.values[dashboardSheet], 2, 4).slice(0, 11)).toEqual([
      "too early: the orders must reach 2024-04-24",
      55,
      0,
      0,
      0,
      4,
      2,
      0,
      2,
      0,
      0,
    ]);
    // New: Anna, Boris, Vera, Gleb = 4. Came back: Anna (Feb 5), Boris (Mar 15) = 2. 2 / 4 = 50 %.
    expect(at("B8")).toBe(0.5);
    expect(at("B9")).toBe(4);
    expect(at("B10")).toBe(2);
    expect(at("B11")).toBe(dayToSerial(dayFromCivil(2024, 4, 1)));
    // Revenue 100+50+30+70+20+10+40 = 320; first-day orders 100 (Anna) + 50 + 70 + 40 = 260; 60 / 320.
    expect(at("B12")).toBe(0.1875);
    // Anna: 26 days; Boris: 55 days; median (26 + 55) / 2.
    expect(at("B13")).toBe(40.5);
    // Cohorts: January (Anna, Boris: both back within 55 days), March (Vera), April (Gleb).
    expect(at("A17")).toBe(dayToSerial(dayFromCivil(2024, 1, 1)));
    expect([at("B17"), at("C17"), at("D17")]).toEqual([2, 2, 1]);
    expect([at("A18"), at("B18"), at("D18")]).toEqual([dayToSerial(dayFromCivil(2024, 3, 1)), 1, 0]);
    // Red: January is old enough (Jan 31 + 55 days = Mar 26 ≤ Apr 1) but at 100 %; March is at 0 %
    // but too early (Mar 31 + 55 days is after Apr 1), so neither is red.
    expect([at("Z1"), at("Z2")]).toEqual([false, false]);
    // Bought once: Vera (Mar 1, 31 days before Apr 1) and Gleb (Apr 1, 0 days), but neither has had
    // H = 55 days to come back, so the list holds only its header and an empty cell.
    expect([at("F16"), at("F17"), at("F18")]).toEqual(["Customer", "", null]);
    // Triangle, January cohort of 2: Jan both (+0 = 1), Feb Anna (+1 = ½), Mar Boris (+2 = ½), Apr nobody.
    expect([at("S17"), at("T17"), at("U17"), at("V17"), at("W17")]).toEqual([2, 1, 0.5, 0.5, 0]);
  });
});

/** A Dashboard over these order rows (month, day, customer, amount, deal type), all in 2024. */
function dashboardOver(rows: unknown[][]) {
  const fake = fakeWith("en_US");
  const { ordersSheet, dashboardSheet } = build(fake);
  const day = (m: number, d: number): Date => new Date(Date.UTC(2024, m - 1, d) - 3 * 3_600_000); // Moscow midnight
  fake
    .sheet(ordersSheet)
    .getRange(2, 1, rows.length, 5)
    .setValues(rows.map(([m, d, customer, amount, dealType]) => [day(m as number, d as number), customer, amount, "", dealType]));
  /** Evaluates the workbook; only the cells named may hold errors. */
  const evaluate = (errorCells: string[] = []) => {
    const result = evaluateWorkbook(fake.spreadsheet);
    const dashboardErrors = result.errors.filter((error) => error.sheet === dashboardSheet);
    expect(dashboardErrors.map((error) => error.cell).sort()).toEqual([...errorCells].sort());
    return (a1: string): EvaluatedCell => result.value(dashboardSheet, a1);
  };
  return { fake, ordersSheet, dashboardSheet, evaluate };
}

describe("one-off project deals on a tiny order log worked out by hand", () => {
  const ROWS = [
    [1, 10, "Anna", 100, "regular"],
    [1, 20, "Boris", 50, "regular"],
    [2, 5, "Anna", 500, "project"], // counted, this would be Anna's second purchase
    [3, 1, "Vera", 70, ""], // no deal type: always counted
    [3, 15, "Boris", 300, "Project "], // a project too: capital letters and spaces around do not matter
    [4, 1, "Boris", 20, "regular"],
    [4, 20, "Gleb", 1000, "project"], // a customer who only came for a project, and the latest order
  ];

  it("leaves project deals out: a project after the first purchase is not a return", () => {
    const at = dashboardOver(ROWS).evaluate(["B6"]);
    // HyperFormula rounds results to about 11 significant digits, hence 9 decimals.
    // Counted rows: Anna Jan 10 (100), Boris Jan 20 (50), Vera Mar 1 (70), Boris Apr 1 (20).
    // New: Anna, Boris, Vera = 3 (Gleb had only a project). Came back: Boris (Apr 1) = 1, not Anna
    // (her Feb 5 order is a project). 1 / 3.
    expect(at("B3")).toBe("project");
    // Three project rows left out: Anna's Feb 5, Boris's Mar 15 and Gleb's Apr 20 (VERDICT_DETAILS).
    expect([at("D12"), at("E12")]).toEqual(["Rows left out as one-off deals", 3]);
    expect(at("B8")).toBeCloseTo(1 / 3, 9);
    expect([at("B9"), at("B10")]).toEqual([3, 1]);
    // The latest counted order is Boris's Apr 1, not Gleb's Apr 20 project.
    expect(at("B11")).toBe(dayToSerial(dayFromCivil(2024, 4, 1)));
    // Revenue 100 + 50 + 70 + 20 = 240, of it repeat 20 (Boris, Apr 1): 20 / 240 = 1 / 12.
    expect(at("B12")).toBeCloseTo(1 / 12, 9);
    // Boris: Jan 20 → Apr 1, 2024 = 11 (rest of Jan) + 29 (Feb) + 31 (Mar) + 1 = 72 days.
    expect(at("B13")).toBe(72);
    // The verdict leaves the projects out too: H = Boris's 72 days (the only gap), and February,
    // the first month after the data's first, needs the orders to reach Feb 29 + 72 days = May 11
    // (Mar 31 is +31, Apr 30 +61). Counting Anna's project, H would be 26 days and the date Mar 26.
    expect(at("B6")).toMatchObject({ message: expect.stringContaining("must reach 2024-05-11, so that the first cohort has had 72 days") });
    // Customer table: Anna, Boris, Vera (no Gleb); bought once: Anna (82 days before Apr 1:
    // 21 + 29 + 31 + 1) and Vera (31 days). Only Anna has had H = 72 days to come back.
    expect(at("B7")).toBe(72);
    expect([at("K17"), at("K18"), at("K19"), at("K20")]).toEqual(["Anna", "Boris", "Vera", null]);
    expect([at("F17"), at("I17"), at("F18")]).toEqual(["Anna", 82, null]);
  });

  it("counts every row, the one without a deal type too, when the deal-type cell is cleared", () => {
    const { fake, dashboardSheet, evaluate } = dashboardOver(ROWS);
    fake.sheet(dashboardSheet).getRange("B3").setValue("");
    const at = evaluate(["B6"]);
    // All 7 rows. New: Anna, Boris, Vera, Gleb = 4; came back: Anna (Feb 5), Boris (Mar 15) = 2: 2 / 4.
    // (Had Vera's row been dropped for its empty deal type, it would read 2 / 3.)
    expect(at("B8")).toBe(0.5);
    expect([at("B9"), at("B10")]).toEqual([4, 2]);
    expect(at("B11")).toBe(dayToSerial(dayFromCivil(2024, 4, 20)));
    // Gaps 26 (Anna) and 55 (Boris): H = 55; February must wait until Feb 29 + 55 days = Apr 24.
    expect(at("B6")).toMatchObject({ message: expect.stringContaining("must reach 2024-04-24") });
  });

  it("shows zero customers and empty tables while the Orders sheet is empty, and no ratio", () => {
    const fake = fakeWith("en_US");
    const { dashboardSheet } = build(fake);
    const result = evaluateWorkbook(fake.spreadsheet);
    const at = (cell: string): unknown => result.value(dashboardSheet, cell);
    // Counts of nobody are 0; the ratios have nothing to divide by, and say so.
    expect(["B9", "B10"].map(at)).toEqual([0, 0]);
    expect(at("B6")).toEqual({ error: "#ERROR!", message: "no orders to analyse" });
    expect(at("B8")).toEqual({ error: "#ERROR!", message: "no new customers in the period … – …: nothing to divide by" });
    // The verdict's details count nobody, and name no judged months.
    expect([at("D3"), at("E3"), at("E5"), at("E8"), at("E12"), at("E13")]).toEqual(["Cohorts judged", "", 0, 0, 0, 0]);
    expect(at("B12")).toEqual({ error: "#ERROR!", message: "the revenue of the period … – … is not above 0: nothing to divide by" });
    expect(at("B13")).toEqual({ error: "#ERROR!", message: "no customer in the period … – … made a second purchase" });
    // The tables spill their header rows only (an empty cell reads as null).
    expect([at("A16"), at("A17"), at("K16"), at("K17"), at("R16"), at("S16"), at("T16")]).toEqual([
      "Period start",
      null,
      "Customer",
      null,
      "Cohort start",
      "Cohort size",
      null,
    ]);
    // The latest order stays empty, rather than show 1899-12-30 (a MAX of no dates).
    expect(at("B11")).toBe("");
    const dashboardErrors = result.errors.filter((error) => error.sheet === dashboardSheet);
    expect(dashboardErrors.map((error) => error.cell).sort()).toEqual(["B12", "B13", "B6", "B8"]);
  });
});

describe("the Dashboard's verdict on a tiny order log worked out by hand", () => {
  // Project deals, a refund and a first month that may hold older customers, all in 2024.
  const ROWS = [
    [1, 10, "Anna", 100, "regular"], // January, the data's first month: left out of the verdict
    [1, 25, "Anna", 50, "regular"], // Anna came back after 15 days
    [2, 5, "Boris", 80, "regular"],
    [2, 20, "Boris", 40, "regular"], // Boris came back after 15 days
    [2, 12, "Vera", 70, "regular"],
    [2, 14, "Vera", -70, "regular"], // a refund: no purchase, so Vera did not come back
    [3, 3, "Gleb", 60, "regular"],
    [3, 20, "Gleb", 500, "project"], // a one-off project: not a return
    [3, 10, "Dana", 30, "regular"],
    [5, 9, "Dana", 30, "regular"], // Dana came back after 60 days (Mar 10 → May 9: 21 + 30 + 9)
    [4, 2, "Fedor", 20, "regular"],
    [6, 30, "Egor", 90, "regular"], // the latest order
  ];

  it("judges the cohorts old enough for H, without refunds, projects or the first month", () => {
    const { fake, ordersSheet, evaluate } = dashboardOver(ROWS);
    const at = evaluate();
    // Gaps to a second purchase: Anna 15, Boris 15, Dana 60; H = the ⌈0.8 × 3⌉ = 3rd smallest = 60.
    // Latest order Jun 30; Jun 30 − 60 days = May 1, so April (ending Apr 30) is the latest month
    // old enough. January is left out: February to April are judged.
    // February: Boris (15 ≤ 60, back), Vera (refund only, not back). March: Gleb (only a project
    // after, not back), Dana (60 ≤ 60, back). April: Fedor (not back). 2 / 5.
    expect(at("B6")).toBeCloseTo(2 / 5, 9);
    // All time, returns at any time: new Anna, Boris, Vera, Gleb, Dana, Fedor, Egor = 7; back Anna,
    // Boris, Dana = 3. (Counting Vera's refund as a purchase would make it 4 / 7.)
    expect(at("B8")).toBeCloseTo(3 / 7, 9);
    expect([at("B9"), at("B10")]).toEqual([7, 3]);
    expect(at("B11")).toBe(dayToSerial(dayFromCivil(2024, 6, 30)));
    // Revenue without the project: 100 + 50 + 80 + 40 + 70 − 70 + 60 + 30 + 30 + 20 + 90 = 500.
    // First-day orders: 100 + 80 + 70 + 60 + 30 + 20 + 90 = 450; the refund (not on Vera's first day)
    // lowers the repeat part: 50 + 40 + 30 − 70 = 50. 50 / 500.
    expect(at("B12")).toBeCloseTo(0.1, 9);
    // Median of 15, 15, 60.
    expect(at("B13")).toBe(15);
    expect(sidebarVerdict(fake, ordersSheet, "project")).toMatchObject({
      rate: 0.4,
      firstPurchases: 5,
      secondPurchases: 2,
      horizonDays: 60,
    });
  });

  it("judges the first month too when B5 says the orders start with the business", () => {
    const { fake, dashboardSheet, evaluate } = dashboardOver(ROWS);
    fake.sheet(dashboardSheet).getRange("B5").setValue(true);
    // January joins: Anna came back within 60 days. 3 / 6.
    expect(evaluate()("B6")).toBe(0.5);
  });
});

describe("never overwriting", () => {
  it("keeps existing Orders and Dashboard sheets and points every formula at the new ones", () => {
    const fake = fakeWith("en_US", {
      Orders: [
        ["mine", 1],
        ["yours", 2],
      ],
      Dashboard: [["keep me"]],
      "Orders 2": [["also taken"]],
    });
    fake.sheet("Orders").getRange("C1").setFormula("=B1*2");
    const created = build(fake, 20);
    expect(created).toMatchObject({ ordersSheet: "Orders 3", dashboardSheet: "Dashboard 2" });
    expect(fake.sheet("Orders").grid.contentRows()).toEqual([
      ["mine", 1, ""],
      ["yours", 2, ""],
    ]);
    expect(fake.sheet("Orders").getRange("C1").getFormula()).toBe("=B1*2");
    expect(fake.sheet("Dashboard").grid.contentRows()).toEqual([["keep me"]]);
    expect(fake.sheet("Orders 2").grid.contentRows()).toEqual([["also taken"]]);

    const formulas = [...formulasOf(fake, "Dashboard 2").values()];
    const orderRefs = formulas.join(" ").match(/'?[\w ]+'?!/g) ?? [];
    expect(new Set(orderRefs)).toEqual(new Set(["'Orders 3'!"]));
    expect(formulas).toContain(
      "=JUDGED_RETENTION('Orders 3'!B2:B, 'Orders 3'!A2:A, 'Orders 3'!C2:C, 'Orders 3'!E2:E, $B$3, \"month\", \"\", $B$5)",
    );
    expect(formulas).toContain(
      "=RETENTION_RATE(FILTER('Orders 3'!B2:B, ((TRIM('Orders 3'!E2:E)<>TRIM($B$3))+(TRIM($B$3)=\"\"))*('Orders 3'!C2:C>=0)), " +
        "FILTER('Orders 3'!A2:A, ((TRIM('Orders 3'!E2:E)<>TRIM($B$3))+(TRIM($B$3)=\"\"))*('Orders 3'!C2:C>=0)))",
    );
    expect(evaluateWorkbook(fake.spreadsheet).errors.filter((e) => e.sheet === "Dashboard 2")).toEqual([]);
  });

  it("picks the next free number after the names actually taken", () => {
    expect(freeSheetName("Orders", new Set(["Sheet1"]))).toBe("Orders");
    expect(freeSheetName("Orders", new Set(["Orders", "Orders 2", "Orders 4"]))).toBe("Orders 3");
  });

  it("names the sheets in Russian for a Russian spreadsheet, and still never takes a used name", () => {
    const fake = fakeWith("ru_RU", {
      Заказы: [
        ["Клиент", "Дата"],
        ["ООО Ромашка", "05.03.2024"],
      ],
    });
    const created = build(fake, 60);
    expect(created).toMatchObject({ ordersSheet: "Заказы 2", dashboardSheet: "Дашборд" });
    expect(fake.sheet("Заказы").grid.contentRows()).toEqual([
      ["Клиент", "Дата"],
      ["ООО Ромашка", "05.03.2024"],
    ]);
    expect(fake.sheet("Заказы 2").getRange("A1:E1").getValues()).toEqual([["Дата", "Клиент", "Сумма", "Менеджер", "Тип сделки"]]);
    expect(fake.sheet("Заказы 2").getRange("A2").getNumberFormat()).toBe("dd.MM.yyyy");
    // The value the Orders drop-down gives a project deal in Russian.
    expect(fake.sheet("Дашборд").getRange("B3").getValue()).toBe("проект");
    expect(fake.sheet("Дашборд").getRange("B6").getFormula()).toBe(
      "=JUDGED_RETENTION('Заказы 2'!B2:B, 'Заказы 2'!A2:A, 'Заказы 2'!C2:C, 'Заказы 2'!E2:E, $B$3, \"month\", \"\", $B$5)",
    );
    const result = evaluateWorkbook(fake.spreadsheet);
    expect(result.errors).toEqual([]);
    expect(result.value("Дашборд", "A16")).toBe("Начало периода");
    expect(result.value("Дашборд", "B6")).toBeCloseTo(sidebarVerdict(fake, "Заказы 2", "Проект").rate!, 9);
    expect(result.value("Дашборд", "B8")).toBeCloseTo(retentionRate(ordersLedger(fake, "Заказы 2", "Проект")), 9);
    expect(result.display.Дашборд![10]![1]).toMatch(/^\d\d\.\d\d\.\d{4}$/);
  });
});

describe("the Orders sheet", () => {
  it("has a frozen header, date and amount formats and a date rule that rejects what is not a date", () => {
    const fake = fakeWith("en_US");
    const { ordersSheet } = build(fake, 10);
    const sheet = fake.sheet(ordersSheet);
    expect(sheet.getRange("A1:E1").getValues()).toEqual([["Date", "Customer", "Amount", "Manager", "Deal type"]]);
    expect(sheet.getFrozenRows()).toBe(1);
    expect(sheet.getRange("A2").getNumberFormat()).toBe("MM/dd/yyyy");
    expect(sheet.getRange("C2").getNumberFormat()).toBe("#,##0.00");
    const rule = sheet.getRange(`A${sheet.getMaxRows()}`).getDataValidations()[0]![0]!;
    expect(String(rule.getCriteriaType())).toBe("DATE_IS_VALID_DATE");
    expect(rule.getAllowInvalid()).toBe(false);
  });

  it("writes customer names that look like formulas as text", () => {
    const fake = fakeWith("ru_RU");
    const { ordersSheet } = build(fake, 300);
    expect(formulasOf(fake, ordersSheet).size).toBe(0);
    const customers = fake
      .sheet(ordersSheet)
      .grid.contentRows()
      .map((row) => row[1]);
    expect(customers).toContain("=Сервис+");
    expect(customers).toContain("+7 Мебель");
  });

  it("gets the same sample orders every time", () => {
    expect(sampleOrders("en", 50)).toEqual(sampleOrders("en", 50));
    expect(sampleOrders("ru", 50).length).toBeGreaterThan(50);
  });
});

describe("Apps Script calls", () => {
  function callsFor(sampleCustomers: number): Record<string, number> {
    const fake = fakeWith("en_US");
    fake.calls.reset();
    build(fake, sampleCustomers);
    return fake.calls.snapshot();
  }

  it("are few, and the same for no sample orders and for thousands", () => {
    const none = callsFor(0);
    expect(callsFor(40)).toEqual(none);
    // About 7 000 orders: the only extra call is the one that grows the Orders sheet past 1000 rows.
    expect(callsFor(3000)).toEqual({ ...none, "Sheet.insertRowsAfter": 1 });
    // Values: the orders, the Dashboard's texts, the Health check's texts. Formulas: the Dashboard's
    // figures and spill row; the Health check's trend column and spill row (and one setFormula each
    // for VERDICT_DETAILS and HEALTH_CHECK).
    expect(none["Range.setValues"]).toBe(3);
    expect(none["Range.setFormulas"]).toBe(4);
    expect(none["Range.setFormula"]).toBe(2);
    // Whole blocks and whole columns: the rest are formats (one per run of equally formatted
    // columns), notes, validations and rules, a fixed number for three sheets.
    const rangeWrites = Object.entries(none).filter(([name]) => name.startsWith("Range.set"));
    expect(rangeWrites.reduce((sum, [, n]) => sum + n, 0)).toBeLessThan(55);
  });
});

describe("conditional formats on the Dashboard", () => {
  it("marks the retention and the cohort rows red below the target cell, and colours the triangle", () => {
    const fake = fakeWith("en_US");
    const { dashboardSheet } = build(fake);
    const rules = fake.sheet(dashboardSheet).describeRules();
    expect(rules).toHaveLength(3);
    expect(rules[0]).toMatchObject({ criteria: "CUSTOM_FORMULA", criteriaValues: ["=AND(ISNUMBER($B$6), $B$6<$B$4)"], ranges: ["B6"] });
    expect(rules[1]).toMatchObject({
      criteria: "CUSTOM_FORMULA",
      criteriaValues: ["=AND(ISNUMBER($D17), $D17<$B$4, EOMONTH($A17, 0)+$B$7<=$B$11)"],
      ranges: ["A17:D1000"],
    });
    expect(rules[2]!.gradient).not.toBeNull();
    expect(rules[2]!.ranges[0]).toMatch(/^U17:/);
  });
});
