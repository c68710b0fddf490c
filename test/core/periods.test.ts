import { describe, expect, it } from "vitest";
import { parsePeriod, periodEnd, periodIndex, periodLabel, periodStart } from "../../src/core";
import { day } from "./fixtures";

describe("periods", () => {
  it("labels months, quarters and years", () => {
    expect(periodLabel(periodIndex(day("2024-03-31"), "month"), "month")).toBe("2024-03");
    expect(periodLabel(periodIndex(day("2024-05-15"), "quarter"), "quarter")).toBe("2024-Q2");
    expect(periodLabel(periodIndex(day("2024-12-31"), "year"), "year")).toBe("2024");
  });

  it("uses ISO weeks: Monday first, week-numbering year", () => {
    // 2021-01-03 is a Sunday belonging to ISO week 53 of 2020; 2024-12-30 (Monday) starts 2025-W01.
    expect(periodLabel(periodIndex(day("2021-01-03"), "week"), "week")).toBe("2020-W53");
    expect(periodLabel(periodIndex(day("2024-12-30"), "week"), "week")).toBe("2025-W01");
    expect(periodLabel(periodIndex(day("2024-03-05"), "week"), "week")).toBe("2024-W10");
    const week = periodIndex(day("2024-03-07"), "week");
    expect(periodStart(week, "week")).toBe(day("2024-03-04"));
    expect(periodEnd(week, "week")).toBe(day("2024-03-10"));
  });

  it("gives each period's first and last day", () => {
    const feb = periodIndex(day("2024-02-10"), "month");
    expect([periodStart(feb, "month"), periodEnd(feb, "month")]).toEqual([day("2024-02-01"), day("2024-02-29")]);
    const q4 = periodIndex(day("2023-11-11"), "quarter");
    expect([periodStart(q4, "quarter"), periodEnd(q4, "quarter")]).toEqual([day("2023-10-01"), day("2023-12-31")]);
    expect(periodIndex(day("2024-01-01"), "month") - periodIndex(day("2023-12-31"), "month")).toBe(1);
  });

  it("reads period names in English and Russian, any case", () => {
    expect(parsePeriod("Month")).toBe("month");
    expect(parsePeriod(" КВАРТАЛ ")).toBe("quarter");
    expect(parsePeriod("неделя")).toBe("week");
    expect(parsePeriod("Год")).toBe("year");
    expect(parsePeriod("fortnight")).toBeUndefined();
  });
});
