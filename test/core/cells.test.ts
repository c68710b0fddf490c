import { describe, expect, it } from "vitest";
import { customerKey, inputLocale, parseAmount, parseDateText, readDay, ZoneCalendar } from "../../src/core";
import { day } from "./fixtures";

describe("customer keys", () => {
  it("trim, collapse inner whitespace and ignore case, Cyrillic included", () => {
    expect(customerKey("  ООО   Ромашка ")).toBe(customerKey("ооо ромашка"));
    expect(customerKey("ANNA\u00a0Smith")).toBe("anna smith");
    expect(customerKey(12345)).toBe(customerKey("12345"));
    expect(customerKey(null)).toBe("");
    expect(customerKey("   ")).toBe("");
  });

  it("read ё as е, as Russian names are written either way", () => {
    expect(customerKey("Фёдоров Пётр")).toBe("федоров петр");
    expect(customerKey("ФЁДОРОВ ПЁТР")).toBe("федоров петр");
    expect(customerKey("Федоров Петр")).toBe("федоров петр");
    expect(customerKey("Ёлка")).toBe("елка");
  });

  it("read quotation marks as spaces, as one company is written with any quotes or none", () => {
    for (const name of ['ООО "Ромашка"', "ООО «Ромашка»", "ООО„Ромашка“", " ООО  Ромашка ", "«ООО Ромашка»"]) {
      expect(customerKey(name)).toBe("ооо ромашка");
    }
    expect(customerKey("O'Brien & Co")).toBe("o brien & co");
    expect(customerKey("O’Brien & Co")).toBe("o brien & co");
    // Nothing but quotation marks is still a name, not a blank cell.
    expect(customerKey('"""')).toBe('"""');
    expect(customerKey(" «  » ")).toBe("« »");
  });
});

describe("text dates", () => {
  it("reads ISO dates, with or without a time", () => {
    expect(parseDateText("2024-03-05", "DMY")).toBe(day("2024-03-05"));
    expect(parseDateText("2024-03-05 23:59:59", "DMY")).toBe(day("2024-03-05"));
    expect(parseDateText("2024-03-05T08:00:00Z", "MDY")).toBe(day("2024-03-05"));
    // A timestamp cast to text by BigQuery or DuckDB: the offset's minutes left out. The day is the one written.
    expect(parseDateText("2024-03-05 23:30:00+00", "DMY")).toBe(day("2024-03-05"));
    expect(parseDateText("05.03.2024 01:00-05", "DMY")).toBe(day("2024-03-05"));
    expect(parseDateText("2024-03-05 10:00:00+15", "DMY")).toBeUndefined();
  });

  it("reads Russian dotted dates", () => {
    expect(parseDateText("05.03.2024", "MDY")).toBe(day("2024-03-05"));
    expect(parseDateText("5.3.2024 10:15", "DMY")).toBe(day("2024-03-05"));
  });

  it("reads slashed dates in the locale's order", () => {
    expect(parseDateText("03/05/2024", "MDY")).toBe(day("2024-03-05"));
    expect(parseDateText("03/05/2024", "DMY")).toBe(day("2024-05-03"));
    expect(parseDateText("2024/03/05", "DMY")).toBe(day("2024-03-05"));
  });

  it("rejects impossible or unknown dates", () => {
    expect(parseDateText("31.02.2024", "DMY")).toBeUndefined();
    expect(parseDateText("2023-02-29", "DMY")).toBeUndefined();
    expect(parseDateText("13/13/2024", "MDY")).toBeUndefined();
    expect(parseDateText("yesterday", "DMY")).toBeUndefined();
    expect(parseDateText("05.03.24", "DMY")).toBeUndefined();
  });
});

describe("date cells", () => {
  const moscow = inputLocale("ru_RU", "Europe/Moscow");
  const newYork = inputLocale("en_US", "America/New_York");

  it("reads a Date as the day it shows in the spreadsheet's time zone", () => {
    // 2024-03-04 21:30 UTC is 00:30 on the 5th in Moscow (UTC+3) and 16:30 on the 4th in New York (UTC-5).
    const instant = new Date(Date.UTC(2024, 2, 4, 21, 30));
    expect(readDay(instant, moscow)).toBe(day("2024-03-05"));
    expect(readDay(instant, newYork)).toBe(day("2024-03-04"));
  });

  it("reads serial numbers and rejects numbers that are no date", () => {
    expect(readDay(45_356, moscow)).toBe(day("2024-03-05")); // 45292 is 2024-01-01, +64 days
    expect(readDay(Number.NaN, moscow)).toBeUndefined();
    expect(readDay(1e9, moscow)).toBeUndefined();
    expect(readDay(new Date(Number.NaN), moscow)).toBeUndefined();
    expect(readDay(true, moscow)).toBeUndefined();
  });

  it("uses the locale's slashed order", () => {
    expect(readDay("03/05/2024", newYork)).toBe(day("2024-03-05"));
    expect(readDay("03/05/2024", moscow)).toBe(day("2024-05-03"));
  });
});

describe("time zones", () => {
  it("finds local midnight across daylight-saving changes", () => {
    const ny = new ZoneCalendar("America/New_York");
    // New York moved from EST (UTC-5) to EDT (UTC-4) at 2024-03-10 02:00 local time.
    expect(new Date(ny.startOf(day("2024-03-10"))).toISOString()).toBe("2024-03-10T05:00:00.000Z");
    expect(new Date(ny.startOf(day("2024-03-11"))).toISOString()).toBe("2024-03-11T04:00:00.000Z");
    expect(ny.dayOf(Date.UTC(2024, 2, 11, 3, 59))).toBe(day("2024-03-10"));
    expect(ny.dayOf(Date.UTC(2024, 2, 11, 4, 0))).toBe(day("2024-03-11"));
  });

  it("handles zones with half-hour offsets", () => {
    // India is UTC+5:30 all year: 18:29 UTC is 23:59 local, 18:30 UTC is the next day.
    const kolkata = new ZoneCalendar("Asia/Kolkata");
    expect(kolkata.dayOf(Date.UTC(2024, 0, 1, 18, 29))).toBe(day("2024-01-01"));
    expect(kolkata.dayOf(Date.UTC(2024, 0, 1, 18, 30))).toBe(day("2024-01-02"));
  });
});

describe("amounts", () => {
  it("reads Russian and English number text", () => {
    expect(parseAmount("1 234,56", true)).toBe(1234.56);
    expect(parseAmount("1\u00a0234,56", false)).toBe(1234.56);
    expect(parseAmount("1\u202f234,56 ₽", true)).toBe(1234.56);
    expect(parseAmount("1,234.56", true)).toBe(1234.56);
    expect(parseAmount("1.234,56", false)).toBe(1234.56);
    expect(parseAmount("$1,234,567", false)).toBe(1_234_567);
    expect(parseAmount("1,5", false)).toBe(1.5);
    expect(parseAmount("\u22125,25", true)).toBe(-5.25);
    expect(parseAmount(42, true)).toBe(42);
  });

  it("lets the locale decide a lone separator before three digits", () => {
    expect(parseAmount("1,234", false)).toBe(1234);
    expect(parseAmount("1,234", true)).toBe(1.234);
  });

  it("rejects text that is not an amount", () => {
    expect(parseAmount("12abc", true)).toBeUndefined();
    expect(parseAmount("1,2,3.4.5", true)).toBeUndefined();
    expect(parseAmount("", true)).toBeUndefined();
    expect(parseAmount(Number.POSITIVE_INFINITY, true)).toBeUndefined();
    expect(parseAmount({}, true)).toBeUndefined();
  });
});
