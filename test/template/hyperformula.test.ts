// The HyperFormula plugin: the custom functions behave as in Sheets (same core, same messages, same
// locale rules), and HyperFormula gets Sheets' open-ended ranges closed at the sheet's last row.

import { HyperFormula } from "hyperformula";
import { describe, expect, it } from "vitest";
import { boundOpenRanges, evaluateSheets, retentionEngineConfig } from "../../src/preview/hyperformula";

const rowsOf = (sheets: Record<string, number>, own: string) => (name: string | undefined) => sheets[name ?? own];

describe("boundOpenRanges", () => {
  const rows = rowsOf({ Orders: 1000, "Orders 2": 50, "It's": 7, Dashboard: 300 }, "Dashboard");

  it("closes open ranges at the last row of their own sheet", () => {
    expect(boundOpenRanges("=RETENTION_RATE(Orders!B2:B, Orders!A2:A)", rows)).toBe("=RETENTION_RATE(Orders!B2:B1000, Orders!A2:A1000)");
    expect(boundOpenRanges("=SUM('Orders 2'!$C$2:$C)", rows)).toBe("=SUM('Orders 2'!$C$2:$C50)");
    expect(boundOpenRanges("=FILTER(K17:K, N17:N=1)", rows)).toBe("=FILTER(K17:K300, N17:N300=1)");
    expect(boundOpenRanges("='It''s'!A2:A", rows)).toBe("='It''s'!A2:A7");
  });

  it("leaves closed ranges, text and unknown sheets alone", () => {
    for (const formula of ["=SUM(A2:B5)", '=CONCAT("A2:A", B1)', "=SUM(Other!A2:A)", "=EDATE(A2, -12)", "=SUM(AB2:AB10)"]) {
      expect(boundOpenRanges(formula, rows)).toBe(formula);
    }
  });
});

function evaluate(locale: string, orders: unknown[][], formulas: string[]): unknown[] {
  const workbook = evaluateSheets({
    locale,
    timeZone: "UTC",
    sheets: [
      { name: "Orders", cells: orders, maxRows: orders.length + 5 },
      { name: "Sheet", cells: [formulas.map((formula) => ({ formula }))], maxRows: 10 },
    ],
  });
  return workbook.values.Sheet![0]!;
}

const ORDERS = [
  ["Date", "Customer"],
  ["2024-03-05", "A"],
  ["2024-05-03", "B"],
  ["2024-06-01", "a"],
];

describe("the functions inside HyperFormula", () => {
  it("reads a slashed date in the spreadsheet's order: month first in en_US, day first in ru_RU", () => {
    // A's first purchase is 5 March, B's 3 May. "04/01/2024" is 1 April in en_US (only B is on or
    // after it) and 4 January in ru_RU (both are).
    const formula = '=FIRST_PURCHASES(Orders!B2:B, Orders!A2:A, "04/01/2024")';
    expect(evaluate("en_US", ORDERS, [formula])).toEqual([1]);
    expect(evaluate("ru_RU", ORDERS, [formula])).toEqual([2]);
  });

  it("shows the core's message, in the spreadsheet's language, under #ERROR!", () => {
    const formula = "=RETENTION_RATE(Orders!B2:B4, Orders!A2:A3)";
    expect(evaluate("en_US", ORDERS, [formula])).toEqual([
      { error: "#ERROR!", message: "customers has 3 rows but order_dates has 2; give ranges of the same length" },
    ]);
    expect(evaluate("ru_RU", ORDERS, [formula])).toEqual([
      { error: "#ERROR!", message: "в customers 3 строк, а в order_dates 2; диапазоны должны быть одной длины" },
    ]);
  });

  it("passes an error inside a range on, as a spreadsheet does", () => {
    const orders = [...ORDERS, [{ formula: "=1/0" }, "C"]];
    expect(evaluate("en_US", orders, ["=RETENTION_RATE(Orders!B2:B5, Orders!A2:A5)"])).toMatchObject([{ error: "#DIV/0!" }]);
  });

  it("takes dates as the serial numbers HyperFormula keeps, and returns dates as serials", () => {
    // 45356 = 2024-03-05 and 45371 = 2024-03-20: A came back after 15 days.
    const orders = [
      ["Date", "Customer"],
      [45356, "A"],
      [45371, "A"],
      [45356, "B"],
    ];
    expect(
      evaluate("en_US", orders, ["=TIME_TO_SECOND_PURCHASE(Orders!B2:B, Orders!A2:A)", "=RETENTION_RATE(Orders!B2:B, Orders!A2:A)"]),
    ).toEqual([15, 0.5]);
    const summary = evaluateSheets({
      locale: "en_US",
      timeZone: "UTC",
      sheets: [
        { name: "Orders", cells: orders, maxRows: 4 },
        { name: "S", cells: [[{ formula: "=CUSTOMER_SUMMARY(Orders!B2:B, Orders!A2:A)" }]], maxRows: 10 },
      ],
    }).values.S!;
    expect(summary.slice(1)).toEqual([
      ["A", 45356, 45371, 2, "", 0],
      ["B", 45356, 45356, 1, "", 15],
    ]);
  });

  it("reports a spilled result that outgrew its area instead of crashing the engine", () => {
    const engine = HyperFormula.buildFromSheets(
      {
        Orders: [
          ["2024-01-01", "A"],
          ["2024-02-01", "B"],
        ],
        S: [[]],
      },
      retentionEngineConfig("en_US"),
    );
    const s = engine.getSheetId("S")!;
    engine.setCellContents({ sheet: s, row: 0, col: 0 }, "=RETENTION_COHORTS(Orders!B1:B3, Orders!A1:A3)");
    expect(engine.getCellValue({ sheet: s, row: 2, col: 0 })).toBe(45323); // 2024-02-01: header + 2 months
    engine.setCellContents({ sheet: engine.getSheetId("Orders")!, row: 2, col: 0 }, [["2024-03-01", "C"]]);
    expect(engine.getCellValue({ sheet: s, row: 0, col: 0 })).toMatchObject({ value: "#SPILL!" });
    engine.destroy();
  });
});
