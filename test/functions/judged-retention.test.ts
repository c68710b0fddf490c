// JUDGED_RETENTION and the input rules of issue 12 through the custom functions, both in this
// process and in the built dist/Code.js as Apps Script runs it: hand-worked verdicts, refunds,
// sheet error values, implausible dates and spills that would not fit a sheet.

import { beforeAll, describe, expect, it } from "vitest";
import { dayFromCivil } from "../../src/core/calendar";
import { CustomerLedger } from "../../src/core/ledger";
import type { ProblemError } from "../../src/core/problems";
import { createFakeSheets, installFakeGlobals } from "../../src/fake-sheets";
import { cohortMatrixWidth, requireSheetColumns, SHEET_MAX_COLUMNS } from "../../src/functions/sheet-limits";
import { column, errorOf, inCodeJs, inProcess } from "../support/custom-function-calls";

// A log worked out by hand below. Amounts: E's -100 is a refund; deal types: B's March order is a project.
const CUSTOMERS = column(["X", "X", "A", "A", "B", "B", "C", "D", "E", "E", "F"]);
const DATES = column([
  "2023-12-10",
  "2023-12-20", // X: December, the data's first month; back in 10 days
  "2024-01-05",
  "2024-01-25", // A: back in 20 days
  "2024-01-15",
  "2024-03-15", // B: back in 60 days (16 + 29 + 15), by a project deal
  "2024-01-20", // C: once
  "2024-02-10", // D: once
  "2024-02-12",
  "2024-02-20", // E: bought, then a refund: once
  "2024-05-31", // F: once, the latest order
]);
const AMOUNTS = column([10, 10, 10, 10, 10, 10, 10, 10, 100, -100, 10]);
const DEAL_TYPES = column(["", "", "", "", "", "Project", "", "", "", "", "regular"]);

beforeAll(() => {
  installFakeGlobals(globalThis, createFakeSheets({ locale: "en_US", timeZone: "UTC" }));
});

describe.each([
  { where: "in process", call: inProcess },
  { where: "in dist/Code.js", call: inCodeJs("en_US") },
])("JUDGED_RETENTION $where", ({ call }) => {
  const judged = (...settings: unknown[]) => call("JUDGED_RETENTION", CUSTOMERS, DATES, AMOUNTS, ...settings);

  it("judges the latest cohorts old enough for H, without the data's first month", () => {
    // Purchases' gaps: X 10, A 20, B 60 (E's refund is no purchase). H = the ⌈0.8 × 3⌉ = 3rd = 60.
    // Latest order May 31; May 31 − 60 days = Apr 1, so March is the latest month old enough.
    // December is left out: January to March are judged. January: A (20 ≤ 60), B (60 ≤ 60), C (no)
    // = 2 of 3; February: D, E (no) = 0 of 2; March: nobody new. 2 / 5.
    expect(judged()).toBe(0.4);
  });

  it("judges the first month too when the orders start with the business", () => {
    // December joins: X came back within 10 days. 3 / 6.
    expect(judged("", "", "month", "", true)).toBe(0.5);
    expect(judged("", "", "month", "", "TRUE")).toBe(0.5);
    expect(judged("", "", "month", "", "ложь")).toBe(0.4);
  });

  it("counts a refund as a purchase only when no amounts are given", () => {
    // Without amounts E's Feb 20 row is a purchase: E came back in 8 days. Gaps 8, 10, 20, 60:
    // H = the ⌈3.2⌉ = 4th = 60 still. February: E back = 1 of 2; 3 / 5.
    expect(call("JUDGED_RETENTION", CUSTOMERS, DATES)).toBe(0.6);
  });

  it("leaves out the rows of the excluded deal type, whatever its case", () => {
    // B's March order is a project: B never came back. Gaps X 10, A 20: H = the ⌈1.6⌉ = 2nd = 20.
    // May 31 − 20 days = May 11: April is the latest month old enough; January to April judged.
    // January: A (20 ≤ 20) = 1 of 3 (B, C not back); February 0 of 2. 1 / 5.
    expect(judged(DEAL_TYPES, "project")).toBe(0.2);
    expect(judged(DEAL_TYPES, column(["internal", "PROJECT"]))).toBe(0.2);
    // A blank deal type to leave out leaves nothing out; an omitted one leaves out the project
    // deal types, as the sidebar and the CLI do by default: the same 1 / 5.
    expect(judged(DEAL_TYPES, "")).toBe(0.4);
    expect(call("JUDGED_RETENTION", CUSTOMERS, DATES, AMOUNTS, DEAL_TYPES)).toBe(0.2);
  });

  it("takes H from within_days", () => {
    // H = 20: April is old enough (May 31 − 20 = May 11). January: A only (B took 60 days) = 1 of 3;
    // February 0 of 2; March, April nobody new. 1 / 5.
    expect(judged("", "", "", 20)).toBe(0.2);
  });

  it("says when there will be something to judge", () => {
    // Yearly: 2023 is left out, and 2024 ends Dec 31; with H = 60 it is judged from 2025-03-01
    // (Jan 31 + Feb 28 = 59 days after Dec 31, 2024).
    expect(errorOf(() => judged("", "", "year"))).toBe(
      "too early to judge: the orders must reach 2025-03-01, so that the first cohort has had 60 days to come back",
    );
  });

  it("names the judged months when none of them has a new customer", () => {
    // H = 10: Jun 30 − 10 = Jun 20, so May is the latest month old enough; January is left out.
    expect(errorOf(() => call("JUDGED_RETENTION", column(["A", "A"]), column(["2024-01-05", "2024-06-30"]), "", "", "", "", 10))).toBe(
      "no new customers in the period 2024-02-01 – 2024-05-31: nothing to divide by",
    );
    // No orders at all is said as such.
    expect(errorOf(() => call("JUDGED_RETENTION", column(["", ""]), column(["", ""])))).toBe("no orders to analyse");
  });

  it("rejects settings it cannot read, naming the argument", () => {
    expect(errorOf(() => judged("", "", "", "", "maybe"))).toBe("orders_start_with_business: «maybe» is neither TRUE nor FALSE");
    expect(errorOf(() => judged("", "project"))).toBe(
      "excluded_deal_type is given without deal_types: there is nothing to compare it with",
    );
    expect(errorOf(() => judged(column(["x"]), "project"))).toBe(
      "customers has 11 rows but deal_types has 1; give ranges of the same length",
    );
    expect(errorOf(() => judged("", "", "fortnight"))).toBe("period: unknown period «fortnight»; use month, week, quarter or year");
  });
});

describe.each([
  { where: "in process", call: inProcess },
  { where: "in dist/Code.js", call: inCodeJs("en_US") },
])("sheet error values and implausible dates $where", ({ call }) => {
  const withCell = (values: unknown[][], row: number, value: unknown) => values.map((cell, i) => (i === row - 1 ? [value] : cell));

  it.each([
    { argument: "customers", error: "#N/A", args: () => [withCell(CUSTOMERS, 3, "#N/A"), DATES, AMOUNTS] },
    { argument: "order_dates", error: "#REF!", args: () => [CUSTOMERS, withCell(DATES, 3, "#REF!"), AMOUNTS] },
    { argument: "amounts", error: "#VALUE!", args: () => [CUSTOMERS, DATES, withCell(AMOUNTS, 3, "#VALUE!")] },
    { argument: "deal_types", error: "#DIV/0!", args: () => [CUSTOMERS, DATES, AMOUNTS, withCell(DEAL_TYPES, 3, "#DIV/0!"), "project"] },
  ])("names the argument and the row of a $error in $argument", ({ argument, error, args }) => {
    expect(errorOf(() => call("JUDGED_RETENTION", ...args()))).toBe(
      `${argument}, row 3: «${error}» is a sheet error, not a value; fix the formula that makes it`,
    );
  });

  it("does the same in the other functions", () => {
    expect(errorOf(() => call("RETENTION_RATE", withCell(CUSTOMERS, 2, "#N/A"), DATES))).toBe(
      "customers, row 2: «#N/A» is a sheet error, not a value; fix the formula that makes it",
    );
    expect(errorOf(() => call("REPEAT_REVENUE_SHARE", CUSTOMERS, DATES, withCell(AMOUNTS, 11, "#N/A")))).toBe(
      "amounts, row 11: «#N/A» is a sheet error, not a value; fix the formula that makes it",
    );
    expect(errorOf(() => call("COHORT_MATRIX", CUSTOMERS, withCell(DATES, 1, "#NAME?")))).toBe(
      "order_dates, row 1: «#NAME?» is a sheet error, not a value; fix the formula that makes it",
    );
  });

  it("refuses an order date or a start_date/end_date outside 1900–2100", () => {
    expect(errorOf(() => call("FIRST_PURCHASES", CUSTOMERS, withCell(DATES, 4, "0024-01-25")))).toBe(
      "order_dates, row 4: «0024-01-25» is outside the years 1900–2100; is the year mistyped?",
    );
    expect(errorOf(() => call("RETENTION_RATE", CUSTOMERS, DATES, "1899-12-31"))).toBe(
      "start_date: «1899-12-31» is outside the years 1900–2100; is the year mistyped?",
    );
    expect(errorOf(() => call("SECOND_PURCHASES", CUSTOMERS, DATES, "", "2101-01-01"))).toBe(
      "end_date: «2101-01-01» is outside the years 1900–2100; is the year mistyped?",
    );
    // The bounds themselves are fine: everyone's first purchase is in between.
    expect(call("FIRST_PURCHASES", CUSTOMERS, DATES, "1900-01-01", "2100-12-31")).toBe(7);
  });
});

describe.each([
  { where: "in process", call: inProcess },
  { where: "in dist/Code.js", call: inCodeJs("en_US") },
])("REPEAT_REVENUE_SHARE with refunds $where", ({ call }) => {
  const share = (orders: [string, string, number][]) =>
    call("REPEAT_REVENUE_SHARE", column(orders.map((o) => o[0])), column(orders.map((o) => o[1])), column(orders.map((o) => o[2])));

  it("takes a refund off the revenue of the purchase it follows", () => {
    // A: 100 on Jan 1, 60 on Feb 1, a refund of 20 on Feb 10; B: 40 on Jan 5. Revenue 180, first
    // purchases 100 + 40 = 140, repeat 60 − 20 = 40. 40 / 180 = 2 / 9.
    const result = share([
      ["A", "2024-01-01", 100],
      ["A", "2024-02-01", 60],
      ["A", "2024-02-10", -20],
      ["B", "2024-01-05", 40],
    ]);
    expect(result).toBeCloseTo(2 / 9, 12);
  });

  it("fails, saying why, where a refund would push the share out of 0…1", () => {
    // Revenue 100 − 50 = 50, all of it first purchases' 100: repeat −50, a share of −1.
    expect(
      errorOf(() =>
        share([
          ["A", "2024-01-01", 100],
          ["A", "2024-02-01", -50],
        ]),
      ),
    ).toBe("refunds exceed the repeat revenue of the period … – …: the share would be below 0");
    // First day 100 − 150 = −50, repeat 200: revenue 150, repeat 200, a share of 4/3.
    expect(
      errorOf(() =>
        share([
          ["A", "2024-01-01", 100],
          ["A", "2024-01-01", -150],
          ["A", "2024-02-01", 200],
        ]),
      ),
    ).toBe("refunds exceed the first purchases' revenue of the period … – …: the share would be above 1");
    // Everything refunded: revenue 0.
    expect(
      errorOf(() =>
        share([
          ["A", "2024-01-01", 100],
          ["A", "2024-02-01", -100],
        ]),
      ),
    ).toBe("the revenue of the period … – … is not above 0: nothing to divide by");
  });
});

describe.each([
  { where: "in process", call: inProcess },
  { where: "in dist/Code.js", call: inCodeJs("en_US") },
])("RETENTION_HORIZON $where", ({ call }) => {
  it("is the span within which 80 % of second purchases came, or within_days", () => {
    // Without amounts E's refund row is an order: gaps X 10, A 20, B 60, E 8. Sorted 8, 10, 20, 60;
    // 80 % of four is 3.2, so the 4th: 60.
    expect(call("RETENTION_HORIZON", CUSTOMERS, DATES)).toBe(60);
    expect(call("RETENTION_HORIZON", CUSTOMERS, DATES, "", "", "", 30)).toBe(30);
  });

  it("reads the orders as JUDGED_RETENTION does: refunds and project deals are no purchases", () => {
    // With amounts E's refund is no purchase: gaps 10, 20, 60; 80 % of three is 2.4, so the 3rd: 60.
    expect(call("RETENTION_HORIZON", CUSTOMERS, DATES, AMOUNTS)).toBe(60);
    // With deal types, B's March project is left out by default too: gaps 10, 20; the 2nd: 20.
    expect(call("RETENTION_HORIZON", CUSTOMERS, DATES, AMOUNTS, DEAL_TYPES)).toBe(20);
    // A blank excluded type keeps it: 60 again.
    expect(call("RETENTION_HORIZON", CUSTOMERS, DATES, AMOUNTS, DEAL_TYPES, "")).toBe(60);
  });

  it("is 365 days while nobody has come back, and names the row of a sheet error", () => {
    expect(call("RETENTION_HORIZON", column(["A", "B"]), column(["2024-01-01", "2024-02-01"]))).toBe(365);
    expect(errorOf(() => call("RETENTION_HORIZON", column(["A", "#N/A"]), column(["2024-01-01", "2024-02-01"])))).toBe(
      "customers, row 2: «#N/A» is a sheet error, not a value; fix the formula that makes it",
    );
  });
});

describe("messages in Russian", () => {
  const ru = inCodeJs("ru_RU");

  it("says too early, and names sheet errors, in the sheet's language", () => {
    expect(errorOf(() => ru("JUDGED_RETENTION", CUSTOMERS, DATES, AMOUNTS, "", "", "год"))).toBe(
      "судить рано: заказы должны дойти до 2025-03-01, чтобы у первой когорты прошло 60 дн. на вторую покупку",
    );
    expect(errorOf(() => ru("JUDGED_RETENTION", CUSTOMERS, DATES, AMOUNTS, "", "", "", "", "может быть"))).toBe(
      "orders_start_with_business: «может быть» — ни ИСТИНА, ни ЛОЖЬ",
    );
    expect(ru("JUDGED_RETENTION", CUSTOMERS, DATES, AMOUNTS, "", "", "месяц", "", "ИСТИНА")).toBe(0.5);
  });
});

describe("spills within a sheet's 18,278 columns", () => {
  const ledgerOver = (...days: number[]): CustomerLedger => {
    const ledger = new CustomerLedger({ trackPeriods: "week" });
    days.forEach((day, i) => {
      ledger.add(`c${i}`, `C${i}`, day);
    });
    return ledger;
  };

  it("measures COHORT_MATRIX's width before building it, as the table comes out", () => {
    // 2024-01-01 and 2024-03-31 are Monday of week 1 and Sunday of week 13: 2 + 13 columns.
    expect(cohortMatrixWidth(ledgerOver(dayFromCivil(2024, 1, 1), dayFromCivil(2024, 3, 31)), "week")).toBe(15);
    const table = inProcess("COHORT_MATRIX", column(["A", "B"]), column(["2024-01-01", "2024-03-31"]), "week") as unknown[][];
    expect(table[0]).toHaveLength(15);
  });

  it("fits even the widest matrix that dates within 1900–2100 allow", () => {
    // 1900-01-01 (a Monday) to 2100-12-31: 201 × 365 + 49 leap days (1904 … 2096; not 1900, 2100)
    // = 73,414 days, ⌈73,414 ÷ 7⌉ = 10,488 weeks; 2 + 10,488 columns.
    const widest = cohortMatrixWidth(ledgerOver(dayFromCivil(1900, 1, 1), dayFromCivil(2100, 12, 31)), "week");
    expect(widest).toBe(10_490);
    expect(() => requireSheetColumns(widest, "period")).not.toThrow();
  });

  it("fails with the columns needed, naming the argument, past the limit", () => {
    expect(() => requireSheetColumns(SHEET_MAX_COLUMNS, "period")).not.toThrow();
    let problem: unknown;
    try {
      requireSheetColumns(15, "period", 14);
    } catch (error) {
      problem = (error as ProblemError).problem;
    }
    expect(problem).toEqual({ code: "tooManyColumns", argument: "period", value: 15, otherValue: 14 });
  });
});
