// The health check's custom functions (issue 14), in this process and in the built dist/Code.js as
// Apps Script runs it, on one log worked out by hand below.

import { beforeAll, describe, expect, it } from "vitest";
import { createFakeSheets, installFakeGlobals } from "../../src/fake-sheets";
import { column, errorOf, inCodeJs, inProcess } from "../support/custom-function-calls";

/** Dates (of either realm) as YYYY-MM-DD, the rest as is. */
const plain = (table: unknown): unknown[][] =>
  (table as unknown[][]).map((row) =>
    row.map((cell) => (Object.prototype.toString.call(cell) === "[object Date]" ? (cell as Date).toISOString().slice(0, 10) : cell)),
  );

// A buys monthly in Q1 2023 (Jan 10, Feb 10, Mar 10: gaps 31 and 28 days) and then stops.
// B buys twice on 20 Jan (one purchase of 80) and on 20 Dec (gap 334). C buys on 1 Jun and is
// refunded 20 that day. D buys once, on 5 Jan 2024, the latest day.
const CUSTOMERS = column(["A", "A", "A", "B", "B", "B", "C", "C", "D"]);
const DATES = column([
  "2023-01-10",
  "2023-02-10",
  "2023-03-10",
  "2023-01-20",
  "2023-01-20",
  "2023-12-20",
  "2023-06-01",
  "2023-06-01",
  "2024-01-05",
]);
const AMOUNTS = column([100, 100, 100, 50, 30, 40, 70, -20, 10]);
const MANAGERS = column(["Ann", "Ann", "Ann", "Bob", "Bob", "Bob", "Ann", "Ann", "Bob"]);
const CONTACTS = column(["a@example.com", "", "", "", "", "", "", "", ""]);
const BUDGETS = column([1000, "", "", "", "", 200, "", "", ""]);

beforeAll(() => {
  installFakeGlobals(globalThis, createFakeSheets({ locale: "en_US", timeZone: "UTC" }));
});

describe.each([
  { where: "in process", call: inProcess },
  { where: "in dist/Code.js", call: inCodeJs("en_US") },
])("the health check's functions $where", ({ call }) => {
  it("LAPSED_CUSTOMERS lists who has been gone more than twice their usual gap and the median gap", () => {
    // Gaps 28, 31, 334: median 31. A's usual gap is (10 Mar − 10 Jan) ÷ 2 = 29.5 days, and A has
    // been gone 301 days by 5 Jan 2024: lapsed, with 300 at stake (all of A's orders fall in the
    // 12 months up to 10 Mar 2023). B has been gone 16 days; C and D bought once.
    expect(plain(call("LAPSED_CUSTOMERS", CUSTOMERS, DATES, AMOUNTS, MANAGERS, CONTACTS))).toEqual([
      ["Customer", "Manager", "Last purchase", "Usual gap, days", "Days since last purchase", "Revenue at stake (12 months)", "Contact"],
      ["A", "Ann", "2023-03-10", 29.5, 301, 300, "a@example.com"],
    ]);
    // A factor of 301 ÷ 29.5 ≈ 10.2 or more keeps A off the list.
    expect(plain(call("LAPSED_CUSTOMERS", CUSTOMERS, DATES, AMOUNTS, "", "", 10.3))).toHaveLength(1);
    expect(errorOf(() => call("LAPSED_CUSTOMERS", CUSTOMERS, DATES, "", "", "", "two"))).toBe(
      "factor: «two» is not a factor above 1 (2 means gone more than twice their usual gap)",
    );
  });

  it("AVERAGE_ORDER divides revenue by customer-days", () => {
    // 300 + 80 + 40 + (70 − 20) + 10 = 480 over 7 purchases (A 3, B 2, C 1, D 1).
    expect(call("AVERAGE_ORDER", CUSTOMERS, DATES, AMOUNTS)).toBeCloseTo(480 / 7, 12);
    // June to December: C's 50 and B's 40 over 2 purchases.
    expect(call("AVERAGE_ORDER", CUSTOMERS, DATES, AMOUNTS, "2023-06-01", "2023-12-31")).toBe(45);
    expect(errorOf(() => call("AVERAGE_ORDER", CUSTOMERS, DATES, AMOUNTS, "2023-07-01", "2023-11-30"))).toBe(
      "no purchases in the period 2023-07-01 – 2023-11-30: nothing to divide by",
    );
  });

  it("ACTIVE_CUSTOMERS counts customers who bought in the 12 months up to a day", () => {
    expect(call("ACTIVE_CUSTOMERS", CUSTOMERS, DATES)).toBe(4);
    // Up to 1 May 2023: A and B. Up to 15 Mar 2024: from 16 Mar 2023 on, B, C and D.
    expect(call("ACTIVE_CUSTOMERS", CUSTOMERS, DATES, "2023-05-01")).toBe(2);
    expect(call("ACTIVE_CUSTOMERS", CUSTOMERS, DATES, "2024-03-15")).toBe(3);
    // Anna bought in January 2022 and was refunded in January 2024; Bob bought in December 2023 and
    // February 2024. Without amounts the refund is a row like any; with them it is no purchase.
    const customers = column(["Anna", "Anna", "Bob", "Bob"]);
    const dates = column(["2022-01-10", "2024-01-10", "2023-12-01", "2024-02-29"]);
    expect(call("ACTIVE_CUSTOMERS", customers, dates)).toBe(2);
    expect(call("ACTIVE_CUSTOMERS", customers, dates, "", column([100, -100, 50, 50]))).toBe(1);
  });

  it("SHARE_OF_WALLET divides the last 12 months' sales by the budgets", () => {
    // From 6 Jan 2023 to 5 Jan 2024: A 300, B 80 + 40; budgets A 1,000, B 200: 420 ÷ 1,200.
    expect(call("SHARE_OF_WALLET", CUSTOMERS, DATES, AMOUNTS, BUDGETS)).toBeCloseTo(0.35, 12);
    expect(errorOf(() => call("SHARE_OF_WALLET", CUSTOMERS, DATES, AMOUNTS, column(["", "", "", "", "", "lots", "", "", ""])))).toBe(
      "budgets, row 6: «lots» is not a yearly budget (an amount of 0 or more)",
    );
    // A negative amount is readable, and no budget either: the message says why.
    expect(errorOf(() => call("SHARE_OF_WALLET", CUSTOMERS, DATES, AMOUNTS, column(["", "-5000", "", "", "", "", "", "", ""])))).toBe(
      "budgets, row 2: «-5000» is not a yearly budget (an amount of 0 or more)",
    );
    expect(errorOf(() => call("SHARE_OF_WALLET", CUSTOMERS, DATES, AMOUNTS, column(Array(9).fill(""))))).toBe(
      "budgets: no customer has a budget above 0; type each customer's yearly budget in that column",
    );
  });

  it("REVENUE_SPLIT spills the periods: new and existing customers, revenue, purchases, the active base", () => {
    expect(plain(call("REVENUE_SPLIT", CUSTOMERS, DATES, AMOUNTS, "quarter"))).toEqual([
      [
        "Period start",
        "Customers who bought",
        "New customers",
        "Existing customers",
        "Revenue from new customers",
        "Revenue from existing customers",
        "Purchases",
        "Average order",
        "Active base (12 months)",
      ],
      // Q1: A and B are new (300 + 80 over 4 purchases); both bought in the 12 months to 31 Mar.
      ["2023-01-01", 2, 2, 0, 380, 0, 4, 95, 2],
      // Q2: C is new (70 less the refund of 20).
      ["2023-04-01", 1, 1, 0, 50, 0, 1, 50, 3],
      ["2023-07-01", 0, 0, 0, 0, 0, 0, "", 3],
      // Q4: B comes back: existing.
      ["2023-10-01", 1, 0, 1, 0, 40, 1, 40, 3],
      // Q1 2024: D is new; A's last purchase (10 Mar 2023) is out of the 12 months to 31 Mar 2024.
      ["2024-01-01", 1, 1, 0, 10, 0, 1, 10, 3],
    ]);
  });

  it("HEALTH_CHECK answers the eight questions, or says what it needs", () => {
    // The data run from 10 Jan 2023 to 5 Jan 2024: December 2023 is the last complete month, and the
    // first judged month (starting a year after the first order) would be February 2024.
    // Q1 needs 3 judged months: February to April 2024 are 4 more complete months than now.
    // Q2: 420 ÷ 1,200 (see SHARE_OF_WALLET) is below 50 %. Q3 and Q8 need 6 judged months: 7 more.
    // Q4: H is 334 days (the 2nd of the gaps 31 and 334), so only January 2023 is old enough, and
    // the data's first month is left out: neither Ann nor Bob has judged customers or a trend. Q5: A of A and B lapsed.
    // Q6: July–September had no purchase to compare October–December with. Q7: no column.
    expect(call("HEALTH_CHECK", CUSTOMERS, DATES, AMOUNTS, MANAGERS, "", "", BUDGETS)).toEqual([
      ["Question", "Verdict", "Answer"],
      ["Do existing customers bring more revenue than new ones?", "needs data", "Needs more history: 4 more complete periods."],
      [
        "Are your customers' budgets larger than what you sell them?",
        "bad",
        "Sales of the last 12 months are 35.0% of the yearly budgets of 2 customers.",
      ],
      ["Are sales to existing customers falling or standing still?", "needs data", "Needs more history: 7 more complete periods."],
      [
        "Do your managers win the customer's whole budget, not just take the orders that come?",
        "needs data",
        "Needs data: no manager has 10 judged new customers or a revenue trend yet (2 managers with figures so far).",
      ],
      ["Do customers leave and not come back?", "bad", "1 of 2 repeat customers has lapsed; 300.00 a year at stake."],
      [
        "Could the average order be higher?",
        "needs data",
        "No trend: the last periods, or those they are compared with, have no purchase at all.",
      ],
      [
        "Do you mostly answer customers' requests, and start the conversation less often?",
        "needs data",
        "Needs data: add an Initiated by column (inbound or outbound).",
      ],
      ["Is the customer base steady or shrinking?", "needs data", "Needs more history: 7 more complete periods."],
    ]);
    expect(errorOf(() => call("HEALTH_CHECK", CUSTOMERS, DATES, AMOUNTS, "", "", "", "", "", "", "", 150))).toBe(
      "target: «150» is not a target between 1% and 100% (type 67% or 0.67)",
    );
  });
});
