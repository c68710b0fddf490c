// "Copy lapsed customers to a new sheet", as the built dist/Code.js runs it on an in-memory
// spreadsheet: a new sheet each time, never a user's, with names and phones kept as text.

import { describe, expect, it } from "vitest";
import { createFakeSheets } from "../../src/fake-sheets";
import { loadCodeJs } from "../support/apps-script-context";

type Fn = (...args: unknown[]) => any;

const utc = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const HEADER = ["Date", "Customer", "Amount", "Manager", "Phone"];
// "=HYPERLINK(…)" buys every 10 days in January 2024; Zed on 1 Jan, 1 Jul and 1 Dec (the latest
// day); Solo once. Gaps 10, 10, 182, 153: the median is (10 + 153) ÷ 2 = 81.5. On 1 Dec the first
// has been gone 315 days, more than 2 × 10 and more than 81.5: lapsed, with 30 at stake.
const ORDERS = [
  HEADER,
  [utc("2024-01-01"), '=HYPERLINK("http://x")', 10, "Ann", "+7 900 000-00-00"],
  [utc("2024-01-11"), '=HYPERLINK("http://x")', 10, "Ann", ""],
  [utc("2024-01-21"), '=HYPERLINK("http://x")', 10, "Ann", ""],
  [utc("2024-01-01"), "Zed", 5, "Bob", ""],
  [utc("2024-07-01"), "Zed", 5, "Bob", ""],
  [utc("2024-12-01"), "Zed", 5, "Bob", ""],
  [utc("2024-06-01"), "Solo", 5, "Bob", ""],
];

function sidebarRequest(code: Record<string, Fn>) {
  const state = JSON.parse(JSON.stringify(code.getSidebarState!()));
  return { sheetName: state.sheetName, rangeA1: state.rangeA1, mapping: state.mapping, settings: state.settings };
}

describe("copying the lapsed customers to a new sheet", () => {
  it("writes them to a sheet it creates, formula-safe, and leaves the orders as they were", () => {
    const fake = createFakeSheets({ locale: "en_US", timeZone: "UTC", sheets: { Orders: ORDERS } });
    fake.select("Orders!B2");
    const code = loadCodeJs(fake) as Record<string, Fn>;
    const request = sidebarRequest(code);
    expect(JSON.parse(JSON.stringify(code.copyLapsedCustomers!(request)))).toEqual({ sheetName: "Lapsed customers", customers: 1 });
    const written = fake.sheet("Lapsed customers").getDataRange().getValues();
    expect(written[0]).toEqual([
      "Customer",
      "Manager",
      "Last purchase",
      "Usual gap, days",
      "Days since last purchase",
      "Revenue at stake (12 months)",
      "Contact",
    ]);
    expect(
      written[1]!.map((cell) => (Object.prototype.toString.call(cell) === "[object Date]" ? (cell as Date).toISOString() : cell)),
    ).toEqual([
      // Sheets keeps a value written with a leading apostrophe as that text, and no formula.
      '=HYPERLINK("http://x")',
      "Ann",
      "2024-01-21T00:00:00.000Z",
      10,
      315,
      30,
      "+7 900 000-00-00",
    ]);
    expect(written).toHaveLength(2);
    expect(
      fake
        .sheet("Lapsed customers")
        .getDataRange()
        .getFormulas()
        .flat()
        .every((formula) => formula === ""),
    ).toBe(true);
    // The orders are selected again after the copy, so the sidebar's next action is about them: a
    // second copy goes to a new sheet again, and the orders are untouched.
    expect(fake.spreadsheet.activeSheet.getName()).toBe("Orders");
    expect(code.copyLapsedCustomers!(request).sheetName).toBe("Lapsed customers 2");
    expect(fake.sheet("Orders").getDataRange().getValues()).toEqual(ORDERS);
  });

  it("creates no sheet when nobody has lapsed", () => {
    const fake = createFakeSheets({ locale: "ru_RU", timeZone: "UTC", sheets: { Orders: ORDERS.slice(0, 3) } });
    fake.select("Orders!B2");
    const code = loadCodeJs(fake) as Record<string, Fn>;
    expect(JSON.parse(JSON.stringify(code.copyLapsedCustomers!(sidebarRequest(code))))).toEqual({ sheetName: null, customers: 0 });
    expect(fake.spreadsheet.getSheets().map((sheet) => sheet.getName())).toEqual(["Orders"]);
  });
});

// Returns counted within 30 days, the orders start with the business. The latest order is 1 April
// 2024, so a month is judged when its last day + 30 ≤ 1 April: January and February. January's new
// customers: "=HYPERLINK(…)" (once), Zed (back after 51 days: too late) and Amy (back after 5
// days). Never back within 30 days: Zed (110 spent) and "=HYPERLINK(…)" (40), the most spent first.
// Late (April) is too recent to judge.
const NEVER_RETURNED_ORDERS = [
  HEADER,
  [utc("2024-01-05"), '=HYPERLINK("http://x")', 40, "Ann", "+7 900 000-00-00"],
  [utc("2024-01-10"), "Zed", 100, "Bob", "+1 555 0100"],
  [utc("2024-03-01"), "Zed", 10, "Bob", ""],
  [utc("2024-01-20"), "Amy", 5, "Ann", ""],
  [utc("2024-01-25"), "Amy", 5, "Ann", ""],
  [utc("2024-04-01"), "Late", 7, "Bob", ""],
];

describe("copying the call list of new customers who never came back", () => {
  const judging = (code: Record<string, Fn>) => {
    const request = sidebarRequest(code);
    return { ...request, settings: { ...request.settings, withinDays: 30, ordersStartWithBusiness: true } };
  };

  it("writes every one of them to a sheet it creates, formula-safe, with manager, first purchase, amount and contact", () => {
    const fake = createFakeSheets({ locale: "en_US", timeZone: "UTC", sheets: { Orders: NEVER_RETURNED_ORDERS } });
    fake.select("Orders!B2");
    const code = loadCodeJs(fake) as Record<string, Fn>;
    expect(JSON.parse(JSON.stringify(code.copyNeverReturnedCustomers!(judging(code))))).toEqual({ sheetName: "Call list", customers: 2 });
    const written = fake
      .sheet("Call list")
      .getDataRange()
      .getValues()
      .map((row) => row.map((cell) => (Object.prototype.toString.call(cell) === "[object Date]" ? (cell as Date).toISOString() : cell)));
    expect(written).toEqual([
      ["Customer", "Manager", "First purchase", "Total amount", "Contact"],
      ["Zed", "Bob", "2024-01-10T00:00:00.000Z", 110, "+1 555 0100"],
      ['=HYPERLINK("http://x")', "Ann", "2024-01-05T00:00:00.000Z", 40, "+7 900 000-00-00"],
    ]);
    expect(
      fake
        .sheet("Call list")
        .getDataRange()
        .getFormulas()
        .flat()
        .every((formula) => formula === ""),
    ).toBe(true);
    expect(fake.sheet("Orders").getDataRange().getValues()).toEqual(NEVER_RETURNED_ORDERS);
  });

  it("is not capped at the report's 50: 60 one-off customers give 60 rows", () => {
    // 60 customers buy once in January; a regular buys on 1 and 2 January (back in a day) and on
    // 1 June, the latest day. January is judged (31 January + 30 days ≤ 1 June): the 60 never came back.
    const once = Array.from({ length: 60 }, (_, i) => [utc(`2024-01-${String(1 + (i % 29)).padStart(2, "0")}`), `C${i}`, 1, "Ann", ""]);
    const orders = [
      HEADER,
      ...once,
      [utc("2024-01-01"), "Reg", 1, "Ann", ""],
      [utc("2024-01-02"), "Reg", 1, "Ann", ""],
      [utc("2024-06-01"), "Reg", 1, "Ann", ""],
    ];
    const fake = createFakeSheets({ locale: "en_US", timeZone: "UTC", sheets: { Orders: orders } });
    fake.select("Orders!B2");
    const code = loadCodeJs(fake) as Record<string, Fn>;
    expect(code.copyNeverReturnedCustomers!(judging(code)).customers).toBe(60);
    expect(fake.sheet("Call list").getDataRange().getValues()).toHaveLength(61);
  });
});
