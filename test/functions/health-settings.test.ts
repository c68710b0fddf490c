// HEALTH_CHECK's lapsed_factor and trend_threshold, and LAPSED_CUSTOMERS' factor, in this process
// and in the built dist/Code.js as Apps Script runs it. The logs are those of
// test/cli/health-settings.test.ts, worked out there.

import { beforeAll, describe, expect, it } from "vitest";
import { createFakeSheets, installFakeGlobals } from "../../src/fake-sheets";
import { column, errorOf, inCodeJs, inProcess } from "../support/custom-function-calls";

// L's usual gap is 10 days, gone 25 by 15 April; the median gap is 10: lapsed at factor 2, not at 3.
const LAPSED = {
  customers: column(["L", "L", "L", "M", "M"]),
  dates: column(["2024-03-01", "2024-03-11", "2024-03-21", "2024-04-10", "2024-04-15"]),
  amounts: column([50, 50, 50, 20, 20]),
};

// Existing revenue, May–July 324 against February–April 300: +8 %, every month judged.
const TREND = {
  customers: column(Array(7).fill("A")),
  dates: column(["2024-01-15", "2024-02-15", "2024-03-15", "2024-04-15", "2024-05-15", "2024-06-15", "2024-07-31"]),
  amounts: column([100, 100, 100, 100, 108, 108, 108]),
};

beforeAll(() => {
  installFakeGlobals(globalThis, createFakeSheets({ locale: "en_US", timeZone: "UTC" }));
});

describe.each([
  { where: "in process", call: inProcess },
  { where: "in dist/Code.js", call: inCodeJs("en_US") },
])("the health check's settings as arguments $where", ({ call }) => {
  const { customers, dates, amounts } = LAPSED;
  /** HEALTH_CHECK's row for question 5 (after the header): question, verdict, answer. */
  const question5 = (factor?: unknown): unknown[] =>
    (call("HEALTH_CHECK", customers, dates, amounts, "", "", "", "", "", "", "", "", factor) as unknown[][])[5]!;
  const lapsedNames = (factor?: unknown): unknown[] =>
    (call("LAPSED_CUSTOMERS", customers, dates, amounts, "", "", factor) as unknown[][]).slice(1).map((row) => row[0]);

  it("lapsed_factor: HEALTH_CHECK's question 5 counts whom LAPSED_CUSTOMERS lists at the same factor", () => {
    // Factor 2 (the default): L of the 2 repeat customers, 50 % lapsed: bad (above 25 %).
    expect(lapsedNames()).toEqual(["L"]);
    expect(lapsedNames(2)).toEqual(["L"]);
    expect(question5()).toEqual(question5(2));
    expect(question5(2)[1]).toBe("bad");
    expect(question5(2)[2]).toMatch(/^1 of 2 repeat customers/);
    // Factor 3, or 2,5 typed with a decimal comma (25 days is not more than 2.5 × 10): nobody, 0 %: good.
    for (const factor of [3, "2,5"]) {
      expect(lapsedNames(factor), String(factor)).toEqual([]);
      expect(question5(factor)[1], String(factor)).toBe("good");
      expect(question5(factor)[2], String(factor)).toMatch(/^0 of 2 repeat customers/);
    }
  });

  it("trend_threshold: +8 % is flat at 10 % (the default), growing at 5 %, 5% or 0.05", () => {
    const question3 = (threshold?: unknown): unknown[] =>
      (
        call("HEALTH_CHECK", TREND.customers, TREND.dates, TREND.amounts, "", "", "", "", "", "", true, "", "", threshold) as unknown[][]
      )[3]!;
    // Flat is the verdict "watch", growing "good".
    expect(question3()[1]).toBe("needs attention");
    expect(question3(10)).toEqual(question3());
    expect(question3(0.1)).toEqual(question3());
    for (const threshold of [5, "5%", 0.05]) expect(question3(threshold)[1], String(threshold)).toBe("good");
    // A number from 1 up is percent (1 is 1 %, since 100 % would be no threshold); below 1, a share (0.5 is 50 %).
    expect(question3(1)[1]).toBe("good");
    expect(question3(0.5)).toEqual(question3());
  });

  it("names the argument and the value it cannot take", () => {
    const health = (factor: unknown, threshold: unknown) => () =>
      call("HEALTH_CHECK", customers, dates, amounts, "", "", "", "", "", "", "", "", factor, threshold);
    for (const bad of [1, 0.5, "two", -2]) {
      expect(errorOf(health(bad, "")), String(bad)).toBe(
        `lapsed_factor: «${bad}» is not a factor above 1 (2 means gone more than twice their usual gap)`,
      );
      expect(
        errorOf(() => call("LAPSED_CUSTOMERS", customers, dates, amounts, "", "", bad)),
        String(bad),
      ).toBe(`factor: «${bad}» is not a factor above 1 (2 means gone more than twice their usual gap)`);
    }
    // 100 and 150 percent are not below 100 %.
    for (const bad of [0, 100, 150, "100%", -0.1, "ten"]) {
      expect(errorOf(health("", bad)), String(bad)).toBe(
        `trend_threshold: «${bad}» is not a percentage between 0 and 100 (10 means a change beyond ±10 % is growth or a fall)`,
      );
    }
  });
});

describe("the errors in Russian, in dist/Code.js", () => {
  it("names the argument and the value", () => {
    const call = inCodeJs("ru_RU");
    const { customers, dates, amounts } = LAPSED;
    expect(errorOf(() => call("HEALTH_CHECK", customers, dates, amounts, "", "", "", "", "", "", "", "", "", 0))).toBe(
      "trend_threshold: «0» не процент больше 0 и меньше 100 (10 значит: изменение больше чем на ±10 % — это рост или спад)",
    );
    expect(errorOf(() => call("HEALTH_CHECK", customers, dates, amounts, "", "", "", "", "", "", "", "", "1"))).toBe(
      "lapsed_factor: «1» не множитель больше 1 (2 значит: клиента нет дольше двух его обычных интервалов)",
    );
  });
});
