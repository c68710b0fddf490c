// How the preview turns CSV text into sheet cells (no browser needed); it reads the file itself
// through src/files (test/files/read-table.test.ts). Expected values are worked out by hand in the comments.

import { describe, expect, it } from "vitest";
import { inputLocale } from "../../src/core/cells";
import { sheetCell } from "../../src/preview/sheet-cells";

describe("preview CSV text → sheet cells", () => {
  const moscow = inputLocale("ru_RU", "Europe/Moscow");
  const newYork = inputLocale("en_US", "America/New_York");

  it("makes dates Date cells at local midnight in the spreadsheet's zone", () => {
    // Moscow is UTC+3 all year since 2014: 5 March 2024 00:00 there is 4 March 21:00 UTC.
    expect(sheetCell("05.03.2024", moscow)).toEqual({ value: new Date("2024-03-04T21:00:00Z"), numberFormat: "dd.MM.yyyy" });
    // New York is on EST (UTC−5) on 5 March 2024 (DST starts 10 March): midnight is 05:00 UTC.
    expect(sheetCell("2024-03-05", newYork)).toEqual({ value: new Date("2024-03-05T05:00:00Z"), numberFormat: "yyyy-MM-dd" });
  });

  it("leaves impossible dates and IDs as text", () => {
    expect(sheetCell("31.02.2023", moscow)).toEqual({ value: "31.02.2023" });
    expect(sheetCell("A-00001", moscow)).toEqual({ value: "A-00001" });
  });

  it("reads numbers the way the locale does", () => {
    expect(sheetCell("1 234,56", newYork).value).toBe(1234.56); // a space groups, so the comma is decimal
    expect(sheetCell("1,234", newYork).value).toBe(1234); // English: a thousands comma
    expect(sheetCell("1,234", moscow).value).toBe(1.234); // Russian: a decimal comma
    expect(sheetCell("990000.00", moscow)).toEqual({ value: 990000, numberFormat: "0" });
  });
});
