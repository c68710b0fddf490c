// What counts as a purchase: refunds, sheet error values and implausible dates.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  CustomerLedger,
  ingestOrders,
  inputLocale,
  isSheetError,
  ProblemError,
  requireRepeatRevenueShare,
  retentionRate,
  revenueSplit,
  type Problem,
} from "../../src/core";
import { day } from "./fixtures";

const LOCALE = inputLocale("en_GB", "UTC");

/** Runs rows of [customer, date, amount] through the core, collecting the skipped rows. */
function ingest(rows: unknown[][], options: { excludeDealTypes?: string[] } = {}) {
  const skipped: Problem[] = [];
  const ledger = new CustomerLedger();
  const at = (argument: string, column: number) => ({ argument, values: rows, column });
  const stats = ingestOrders(
    { customer: at("Customer", 0), date: at("Date", 1), amount: at("Amount", 2), dealType: at("Type", 3) },
    ledger,
    { locale: LOCALE, onSkippedRow: (problem) => skipped.push(problem), ...options },
  );
  return { ledger, stats, skipped };
}

describe("refunds (negative amounts)", () => {
  it("are no purchase: they make nobody a customer and nobody a returning one", () => {
    // A buys on 1 March and is refunded on 5 March: one purchase, no return. B has only a refund.
    const { ledger, stats } = ingest([
      ["A", "2024-03-01", 100],
      ["A", "2024-03-05", -100],
      ["B", "2024-03-02", -40],
    ]);
    expect([ledger.customers, ledger.refunds, ledger.refundAmount, stats.orders]).toEqual([1, 2, -140, 3]);
    expect(retentionRate(ledger)).toBe(0);
    expect([ledger.earliestDay, ledger.latestDay]).toEqual([day("2024-03-01"), day("2024-03-01")]);
  });

  it("count zero and blank amounts as purchases", () => {
    const { ledger } = ingest([
      ["A", "2024-03-01", 0],
      ["A", "2024-03-09", ""],
    ]);
    expect([ledger.customers, retentionRate(ledger)]).toEqual([1, 1]);
  });

  it("lower the revenue of the day they are dated, whatever the row order", () => {
    // A: 100 on 1 March, 50 on 9 March; refunds of 20 on 1 March and 10 on 9 March.
    // Total 100 + 50 - 20 - 10 = 120; first day 100 - 20 = 80; repeat 40; share 40 / 120 = 1/3.
    const rows = [
      ["A", "2024-03-09", -10],
      ["A", "2024-03-01", -20],
      ["A", "2024-03-09", 50],
      ["A", "2024-03-01", 100],
    ];
    fc.assert(
      fc.property(fc.shuffledSubarray(rows, { minLength: 4, maxLength: 4 }), (shuffled) => {
        const { ledger } = ingest(shuffled);
        expect(revenueSplit(ledger)).toEqual({ total: 120, repeat: 40 });
        expect(requireRepeatRevenueShare(ledger)).toBeCloseTo(1 / 3, 12);
      }),
    );
  });

  it("make the repeat revenue share an error, not a number outside 0…1", () => {
    const problem = (rows: unknown[][]) => {
      try {
        requireRepeatRevenueShare(ingest(rows).ledger);
      } catch (error) {
        return (error as ProblemError).problem.code;
      }
      return "no error";
    };
    // Repeat: 10 bought later, 30 refunded later: -20 < 0.
    expect(
      problem([
        ["A", "2024-03-01", 100],
        ["A", "2024-03-05", 10],
        ["A", "2024-03-06", -30],
      ]),
    ).toBe("negativeRepeatRevenue");
    // First day: 10 bought, 30 refunded that day: -20; repeat 100 is more than the total 80.
    expect(
      problem([
        ["A", "2024-03-01", 10],
        ["A", "2024-03-01", -30],
        ["A", "2024-03-05", 100],
      ]),
    ).toBe("negativeFirstRevenue");
    // Everything refunded: total 0.
    expect(
      problem([
        ["A", "2024-03-01", 10],
        ["A", "2024-03-02", -10],
      ]),
    ).toBe("noRevenue");
  });
});

describe("sheet error values", () => {
  it("are recognised as Sheets shows them and as Excel writes them, in English and Russian", () => {
    for (const value of ["#N/A", " #REF! ", "#value!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#ERROR!", "#SPILL!", "#CALC!", "#Н/Д"]) {
      expect(isSheetError(value), value).toBe(true);
    }
    for (const value of ["#1001", "N/A", "Order #N/A", "", 0, null]) expect(isSheetError(value), String(value)).toBe(false);
  });

  it("skip the row naming the column, the row and the value, in any column read", () => {
    const { ledger, stats, skipped } = ingest([
      ["#N/A", "2024-03-01", 1],
      ["A", "#VALUE!", 1],
      ["A", "2024-03-01", "#REF!"],
      ["A", "2024-03-02", 1, "#N/A"],
      ["A", "2024-03-03", 1],
    ]);
    expect(skipped).toEqual([
      { code: "errorValue", argument: "Customer", row: 1, value: "#N/A" },
      { code: "errorValue", argument: "Date", row: 2, value: "#VALUE!" },
      { code: "errorValue", argument: "Amount", row: 3, value: "#REF!" },
      { code: "errorValue", argument: "Type", row: 4, value: "#N/A" },
    ]);
    expect([stats.skippedRows, stats.orders, ledger.customers]).toEqual([4, 1, 1]);
  });

  it("give the reason even when something else is wrong with the row too: the first column holding one", () => {
    const { stats, skipped } = ingest(
      [
        ["", "2024-03-01", "#REF!"], // no customer
        ["A", "31.02.2024", "#N/A"], // no such date
        ["A", "0001-03-05", 1, "#NUM!"], // implausible date
        ["A", "2024-03-01", "abc", "#N/A"], // unreadable amount
        ["#N/A", "", ""], // otherwise blank
        ["", "#VALUE!", "#REF!"], // two error values: the date's column comes first
        ["B", "2024-03-01", "#DIV/0!", "Project"], // a deal type left out
        ["B", "2024-03-02", 5, "Project"], // only left out
      ],
      { excludeDealTypes: ["project"] },
    );
    expect(skipped).toEqual([
      { code: "errorValue", argument: "Amount", row: 1, value: "#REF!" },
      { code: "errorValue", argument: "Amount", row: 2, value: "#N/A" },
      { code: "errorValue", argument: "Type", row: 3, value: "#NUM!" },
      { code: "errorValue", argument: "Type", row: 4, value: "#N/A" },
      { code: "errorValue", argument: "Customer", row: 5, value: "#N/A" },
      { code: "errorValue", argument: "Date", row: 6, value: "#VALUE!" },
      { code: "errorValue", argument: "Amount", row: 7, value: "#DIV/0!" },
    ]);
    expect([stats.skippedRows, stats.excludedRows, stats.orders]).toEqual([7, 1, 0]);
  });

  it("in the manager column cost only the manager: the purchase still counts, as in a custom function", () => {
    const values = [
      ["A", "2024-03-01", "#N/A"],
      ["A", "2024-03-09", "Ира"],
    ];
    const at = (argument: string, column: number) => ({ argument, values, column });
    const ledger = new CustomerLedger();
    const skipped: Problem[] = [];
    const stats = ingestOrders({ customer: at("Customer", 0), date: at("Date", 1), manager: at("Manager", 2) }, ledger, {
      locale: LOCALE,
      onSkippedRow: (problem) => skipped.push(problem),
    });
    // Two purchases, A came back; the first purchase's manager is unknown, not "#N/A".
    expect([stats.orders, skipped.length, retentionRate(ledger), ledger.manager(0)]).toEqual([2, 0, 1, ""]);
  });

  it("stop a custom function with that problem, since it has no list of skipped rows", () => {
    const ledger = new CustomerLedger();
    const values = [
      ["A", "2024-03-01"],
      ["#N/A", "2024-03-02"],
    ];
    const run = () =>
      ingestOrders(
        { customer: { argument: "customers", values, column: 0 }, date: { argument: "order_dates", values, column: 1 } },
        ledger,
        {
          locale: LOCALE,
        },
      );
    expect(run).toThrowError(ProblemError);
    expect(() => run()).toThrow(expect.objectContaining({ problem: { code: "errorValue", argument: "customers", row: 2, value: "#N/A" } }));
  });
});

describe("implausible dates", () => {
  it("skip rows dated before 1900 or after 2100, quoting the value", () => {
    const { skipped, ledger } = ingest([
      ["A", "0001-03-05", 1],
      ["A", "2204-03-05", 1],
      ["A", "1899-12-31", 1],
      ["A", "1900-01-01", 1],
      ["A", "2100-12-31", 1],
    ]);
    expect(skipped.map((p) => [p.code, p.row, p.value])).toEqual([
      ["implausibleDate", 1, "0001-03-05"],
      ["implausibleDate", 2, "2204-03-05"],
      ["implausibleDate", 3, "1899-12-31"],
    ]);
    expect([ledger.earliestDay, ledger.latestDay]).toEqual([day("1900-01-01"), day("2100-12-31")]);
  });
});

describe("one-off deals", () => {
  it("are left out when their deal type is one of those given, compared like customers", () => {
    const { stats, ledger } = ingest(
      [
        ["A", "2024-03-01", 1, "Project"],
        ["A", "2024-03-02", 1, " проект "],
        ["A", "2024-03-03", 1, "Retail"],
      ],
      { excludeDealTypes: ["Project", "Проект"] },
    );
    expect([stats.excludedRows, stats.orders, ledger.first(0)]).toEqual([2, 1, day("2024-03-03")]);
  });
});
