// What an amount and a date are, at the edges issue 13 found: malformed grouping, impossible times,
// `YYYYMMDD` days. Expected values are worked out by hand.
import { describe, expect, it } from "vitest";
import { inputLocale, isCompactDayColumn, parseAmount, parseDateText, readDay } from "../../src/core/cells";
import { dayFromCivil } from "../../src/core/calendar";
import { ingestOrders } from "../../src/core/ingest";
import type { Problem } from "../../src/core/problems";

const MARCH_5 = dayFromCivil(2024, 3, 5);

describe("parseAmount: one decimal separator, well-formed grouping", () => {
  it("refuses separators that group nothing: 1,2,3 and 1.2.3 are no amounts", () => {
    for (const decimalComma of [false, true]) {
      for (const text of ["1,2,3", "1.2.3", "1 2 3", "1,,234", "1..234", "1,23,456", "12,34.5", "1234,567,890", "1,234.567,8"]) {
        expect(parseAmount(text, decimalComma), `${text} (${decimalComma})`).toBeUndefined();
      }
    }
  });

  it("refuses two kinds of grouping, or a grouping after the decimal separator", () => {
    for (const text of ["1 234.567,89", "1,234 567", "1.234,567.8", "1'234,567.8", "1,234.5.6"]) {
      expect(parseAmount(text, true), text).toBeUndefined();
      expect(parseAmount(text, false), text).toBeUndefined();
    }
  });

  it("reads well-formed grouping with either decimal separator", () => {
    expect(parseAmount("1,234,567.89", false)).toBe(1_234_567.89);
    expect(parseAmount("1,234,567.89", true)).toBe(1_234_567.89);
    expect(parseAmount("1.234.567,89", false)).toBe(1_234_567.89);
    expect(parseAmount("1 234 567,89", true)).toBe(1_234_567.89);
    expect(parseAmount("1\u00a0234\u00a0567.89", false)).toBe(1_234_567.89);
    expect(parseAmount("1'234'567.50", false)).toBe(1_234_567.5);
    expect(parseAmount("-1 234,56 ₽", true)).toBe(-1234.56);
    expect(parseAmount("1.234.567", true)).toBe(1_234_567);
    expect(parseAmount("12,345,678", false)).toBe(12_345_678);
    expect(parseAmount("123 456", false)).toBe(123_456);
  });

  it("reads a single separator as decimal unless it can only be a thousands comma the locale writes", () => {
    expect(parseAmount("1234,5", false)).toBe(1234.5);
    expect(parseAmount("1,234", false)).toBe(1234);
    expect(parseAmount("1,234", true)).toBe(1.234);
    expect(parseAmount("123,456", false)).toBe(123_456);
    // Four digits before the comma: no well-formed group, so the comma is a decimal one.
    expect(parseAmount("1234,567", false)).toBe(1234.567);
    expect(parseAmount("1.234", false)).toBe(1.234);
    expect(parseAmount("1.234", true)).toBe(1.234);
    expect(parseAmount(".5", false)).toBe(0.5);
    expect(parseAmount(",5", true)).toBe(0.5);
    expect(parseAmount("5.", false)).toBe(5);
    expect(parseAmount("- 5", false)).toBe(-5);
    expect(parseAmount("+7", false)).toBe(7);
  });

  it("reads exponents only without grouping", () => {
    expect(parseAmount("1.5e3", false)).toBe(1500);
    expect(parseAmount("1,5e3", false)).toBe(1500);
    expect(parseAmount("2E-2", true)).toBe(0.02);
    expect(parseAmount("1,234,567e3", false)).toBeUndefined();
    expect(parseAmount("1 234e3", false)).toBeUndefined();
  });

  it("refuses what has no digits or more than digits", () => {
    for (const text of ["", ".", ",", "-", "e5", "1-2", "+-5", "0x40", "1_000", "12abc", "1.2.3 ₽"]) {
      expect(parseAmount(text, false), text).toBeUndefined();
    }
  });

  it("skips a row with a malformed amount with the core's badAmount reason", () => {
    const rows = [
      ["Anna", "2024-01-05", "1,2,3"],
      ["Anna", "2024-02-05", "1,234.50"],
      ["Boris", "2024-01-07", "1.2.3"],
    ];
    const skipped: Problem[] = [];
    const amounts: (number | undefined)[] = [];
    const column = (n: number) => ({ argument: ["Customer", "Date", "Amount"][n]!, values: rows, column: n });
    ingestOrders(
      { customer: column(0), date: column(1), amount: column(2) },
      { add: (_key, _name, _day, amount) => void amounts.push(amount) },
      { locale: inputLocale("en_US", "UTC"), firstRowNumber: 2, onSkippedRow: (problem) => void skipped.push(problem) },
    );
    expect(amounts).toEqual([1234.5]);
    expect(skipped).toEqual([
      { code: "badAmount", argument: "Amount", row: 2, value: "1,2,3" },
      { code: "badAmount", argument: "Amount", row: 4, value: "1.2.3" },
    ]);
  });
});

describe("parseDateText: times are checked", () => {
  it("refuses a time that is no time of day", () => {
    for (const text of [
      "2024-03-05 99:99:99",
      "2024-03-05 24:00",
      "2024-03-05 24:00:00",
      "2024-03-05 23:60",
      "2024-03-05 23:59:60",
      "2024-03-05T10:00:00+15:00",
      "2024-03-05T10:00:00+05:60",
      "05.03.2024 25:00",
      "03/05/2024 12:61",
    ]) {
      expect(parseDateText(text, "MDY"), text).toBeUndefined();
    }
  });

  it("reads every real time of day, with the day of the date", () => {
    for (const text of [
      "2024-03-05 00:00",
      "2024-03-05 23:59:59",
      "2024-03-05 23:59:59.999",
      "2024-03-05T07:05:09Z",
      "2024-03-05T23:00:00+14:00",
      "2024-03-05T00:30:00-1159",
      "05.03.2024 9:30",
      "03/05/2024 12:00:00",
    ]) {
      expect(parseDateText(text, "MDY"), text).toBe(MARCH_5);
    }
  });
});

describe("YYYYMMDD days", () => {
  it("are read only where the locale says the column holds them, and then nothing else is", () => {
    expect(parseDateText("19970101", "DMY")).toBeUndefined();
    // 1997-01-01: 27 years after 1970 with 7 leap days (1972 … 1996).
    expect(parseDateText("19970101", "DMY", true)).toBe(27 * 365 + 7);
    expect(parseDateText(" 20240305 ", "DMY", true)).toBe(MARCH_5);
    for (const text of ["2024-03-05", "05.03.2024", "2024035", "202403050", "20240230", "20241301", "2024030a"]) {
      expect(parseDateText(text, "DMY", true), text).toBeUndefined();
    }
    const compact = { ...inputLocale("en_US", "UTC"), compactDays: true };
    expect(readDay("20240305", compact)).toBe(MARCH_5);
    expect(readDay("20240305", inputLocale("en_US", "UTC"))).toBeUndefined();
  });

  it("make a column when every non-blank cell is one, in the plausible years", () => {
    expect(isCompactDayColumn(["19970101", "", "19970102", undefined, " 19980630 "])).toBe(true);
    expect(isCompactDayColumn(["19970101", "1997-01-02"])).toBe(false);
    expect(isCompactDayColumn(["19970101", "19971301"])).toBe(false);
    expect(isCompactDayColumn(["18991231"])).toBe(false);
    expect(isCompactDayColumn(["19970101", 19970102])).toBe(false);
    expect(isCompactDayColumn(["", undefined])).toBe(false);
    expect(isCompactDayColumn([])).toBe(false);
  });
});
