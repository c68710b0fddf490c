// Bad input gets an Error that names the argument, the row and the value, in the sheet's
// language; never a silently wrong number.

import { describe, expect, it } from "vitest";
import { loadCodeJs, run } from "../support/apps-script-context";

const en = loadCodeJs({ locale: "en_US", timeZone: "Europe/Moscow" });
const ru = loadCodeJs({ locale: "ru_RU", timeZone: "Europe/Moscow" });

function errorOf(context: typeof en, formula: string): string {
  try {
    run(context, formula);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${formula} did not fail`);
}

const C3 = `[["A"],["B"],["C"]]`;
const D3 = `[["2024-01-01"],["2024-01-02"],["2024-01-03"]]`;

describe("errors from the custom functions", () => {
  it("names both lengths when ranges differ", () => {
    const message = errorOf(en, `RETENTION_RATE(${C3}, [["2024-01-01"],["2024-01-02"]])`);
    expect(message).toBe("customers has 3 rows but order_dates has 2; give ranges of the same length");
    expect(errorOf(ru, `RETENTION_RATE(${C3}, [["2024-01-01"]])`)).toBe(
      "в customers 3 строк, а в order_dates 1; диапазоны должны быть одной длины",
    );
  });

  it("rejects a range with several columns", () => {
    expect(errorOf(en, `FIRST_PURCHASES([["A", "x"]], [["2024-01-01"]])`)).toBe("customers must be one column, but it has 2 columns");
  });

  it("names the row of a customer with a missing or unreadable date", () => {
    expect(errorOf(en, `FIRST_PURCHASES(${C3}, [["2024-01-01"],[""],["2024-01-03"]])`)).toBe(
      "order_dates, row 2: no date for customer «B»",
    );
    expect(errorOf(ru, `FIRST_PURCHASES(${C3}, [["2024-01-01"],["2024-01-02"],["32.01.2024"]])`)).toBe(
      "order_dates, строка 3: не удалось прочитать дату «32.01.2024» (нужна ячейка с датой, 2024-03-05 или 05.03.2024)",
    );
  });

  it("names a row with a date but no customer", () => {
    expect(errorOf(en, `FIRST_PURCHASES([["A"],[""]], [["2024-01-01"],["2024-01-02"]])`)).toBe(
      "customers, row 2: the customer is empty but the row has other values",
    );
  });

  it("names an unreadable amount", () => {
    expect(errorOf(en, `REPEAT_REVENUE_SHARE(${C3}, ${D3}, [[1],["12 руб 50"],[3]])`)).toBe(
      "amounts, row 2: cannot read «12 руб 50» as an amount",
    );
  });

  it("rejects start_date after end_date", () => {
    expect(errorOf(en, `RETENTION_RATE(${C3}, ${D3}, "2024-02-01", "2024-01-01")`)).toBe(
      "start_date «2024-02-01» is after end_date «2024-01-01»",
    );
  });

  it("rejects a within_days below 1 or fractional", () => {
    expect(errorOf(en, `RETENTION_RATE(${C3}, ${D3}, "", "", -1)`)).toBe(
      "within_days: «-1» is not a number of days (a whole number, 1 or more: a second purchase is on a later day)",
    );
    expect(errorOf(en, `RETENTION_RATE(${C3}, ${D3}, "", "", 0)`)).toContain("within_days: «0»");
    expect(errorOf(en, `SECOND_PURCHASES(${C3}, ${D3}, "", "", 2.5)`)).toContain("within_days: «2.5»");
  });

  it("rejects an unknown period or measure", () => {
    expect(errorOf(en, `RETENTION_COHORTS(${C3}, ${D3}, "fortnight")`)).toBe(
      "period: unknown period «fortnight»; use month, week, quarter or year",
    );
    expect(errorOf(ru, `COHORT_MATRIX(${C3}, ${D3}, "месяц", "доли")`)).toBe(
      "measure: неизвестная мера «доли»; используйте rate или count",
    );
  });

  it("refuses to divide by nothing", () => {
    expect(errorOf(en, `RETENTION_RATE(${C3}, ${D3}, "2025-01-01")`)).toBe(
      "no new customers in the period 2025-01-01 – …: nothing to divide by",
    );
    expect(errorOf(en, `REPEAT_REVENUE_SHARE(${C3}, ${D3}, [[0],[0],[0]])`)).toBe(
      "the revenue of the period … – … is not above 0: nothing to divide by",
    );
    expect(errorOf(en, `TIME_TO_SECOND_PURCHASE(${C3}, ${D3})`)).toBe("no customer in the period … – … made a second purchase");
    expect(errorOf(ru, `RETENTION_RATE([[""]], [[""]])`)).toBe("нет новых клиентов за период … – …: не на что делить");
  });
});

describe("input as Sheets passes it", () => {
  it("takes a one-cell range as a bare value", () => {
    expect(run(en, `FIRST_PURCHASES("Anna", "05.03.2024")`)).toBe(1);
  });

  it("skips rows where every argument is blank, as open ranges end", () => {
    expect(run(en, `RETENTION_RATE([["A"],["a"],[""],[""]], [["2024-01-01"],["2024-02-01"],[""],[""]])`)).toBe(1);
  });

  it("treats the number 12345 and the text '12345' as one customer", () => {
    expect(run(en, `SECOND_PURCHASES([[12345],["12345 "]], [["2024-01-01"],["2024-01-09"]])`)).toBe(1);
  });

  it("reads slashed dates in the spreadsheet locale's order", () => {
    // en_US reads 03/05/2024 as March 5; ru_RU as 3 May. With a second order on 2024-04-01, the
    // customer returned in en_US (Mar 5 → Apr 1) but the ru_RU first purchase is Apr 1 and 3 May is the second.
    const formula = `TIME_TO_SECOND_PURCHASE([["A"],["A"]], [["03/05/2024"],["2024-04-01"]])`;
    expect(run(en, formula)).toBe(27);
    expect(run(ru, formula)).toBe(32);
  });

  it("reads amounts written the Russian and the English way", () => {
    // A: 1 234,56 on day one, 1,000.44 later → repeat share 1000.44 / 2235.
    expect(run(en, `REPEAT_REVENUE_SHARE([["A"],["A"]], [["2024-01-01"],["2024-01-09"]], [["1 234,56"],["1,000.44"]])`)).toBeCloseTo(
      1000.44 / 2235,
      12,
    );
  });
});

describe("dates quoted in messages", () => {
  it("shows start_date and end_date as the days the sheet shows, not in UTC", () => {
    // Midnight of 5 March in Moscow is 21:00 UTC on the 4th; the message must say 2024-03-05.
    const message = errorOf(en, `RETENTION_RATE(${C3}, ${D3}, new Date(Date.UTC(2024, 2, 4, 21)), "2024-03-01")`);
    expect(message).toBe("start_date «2024-03-05» is after end_date «2024-03-01»");
  });
});

describe("no orders at all", () => {
  it("counts zero and spills only headers, while ratios have nothing to divide by", () => {
    const blank = `[[""],[""]]`;
    expect(run(en, `FIRST_PURCHASES(${blank}, ${blank})`)).toBe(0);
    expect(run(en, `SECOND_PURCHASES(${blank}, ${blank})`)).toBe(0);
    expect(run(en, `JSON.stringify(RETENTION_COHORTS(${blank}, ${blank}))`)).toBe(
      JSON.stringify([["Period start", "New customers", "Returned", "Retention rate"]]),
    );
    expect(run(en, `JSON.stringify(COHORT_MATRIX(${blank}, ${blank}))`)).toBe(JSON.stringify([["Cohort start", "Cohort size"]]));
    expect(run<unknown[][]>(en, `CUSTOMER_SUMMARY(${blank}, ${blank})`)).toHaveLength(1);
    expect(errorOf(en, `TIME_TO_SECOND_PURCHASE(${blank}, ${blank})`)).toBe("no customer in the period … – … made a second purchase");
  });
});
