import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { civilFromDay, dayFromCivil, dayToSerial, isoDate, isoWeekday, serialToDay } from "../../src/core";

describe("epoch days", () => {
  it("counts days from 1970-01-01", () => {
    expect(dayFromCivil(1970, 1, 1)).toBe(0);
    // 54 years of 365 days plus 13 leap days (1972 … 2020).
    expect(dayFromCivil(2024, 1, 1)).toBe(54 * 365 + 13);
    expect(dayFromCivil(1969, 12, 31)).toBe(-1);
    // 2000 is a leap year (divisible by 400): Feb 29 exists, Mar 1 is one day later.
    expect(dayFromCivil(2000, 3, 1) - dayFromCivil(2000, 2, 28)).toBe(2);
    // 1900 is not a leap year (divisible by 100, not 400).
    expect(dayFromCivil(1900, 3, 1) - dayFromCivil(1900, 2, 28)).toBe(1);
  });

  it("round-trips through civil dates", () => {
    fc.assert(
      fc.property(fc.integer({ min: -719_162, max: 2_932_896 }), (n) => {
        const { year, month, day } = civilFromDay(n);
        return dayFromCivil(year, month, day) === n;
      }),
    );
  });

  it("matches Sheets serial numbers", () => {
    // In Sheets (and Excel), =DATE(2024,1,1) is serial 45292 and =DATE(1899,12,30) is 0.
    expect(dayToSerial(dayFromCivil(2024, 1, 1))).toBe(45_292);
    expect(serialToDay(0)).toBe(dayFromCivil(1899, 12, 30));
    expect(serialToDay(45_292.75)).toBe(dayFromCivil(2024, 1, 1));
  });

  it("formats ISO dates and weekdays", () => {
    expect(isoDate(dayFromCivil(2024, 3, 5))).toBe("2024-03-05");
    // 2024-03-05 was a Tuesday (Monday = 0).
    expect(isoWeekday(dayFromCivil(2024, 3, 5))).toBe(1);
    expect(isoWeekday(0)).toBe(3); // 1970-01-01, a Thursday
  });
});
