// The one way every surface writes a figure, in English and in Russian. Expected strings are
// written by hand; "\u00a0" is the no-break space Russian puts between thousands and before "%".

import { describe, expect, it } from "vitest";
import { formatsFor, parseCurrency } from "../../src/presentation/formats";

const en = formatsFor("en");
const ru = formatsFor("ru");
const NBSP = "\u00a0";

describe("a measured rate", () => {
  it("always has one decimal, so 50 % and 62.9 % line up and never read 50% beside 62.9%", () => {
    expect([0.5, 0.629, 0, 1, 0.0005].map(en.rate)).toEqual(["50.0%", "62.9%", "0.0%", "100.0%", "0.1%"]);
    expect([0.5, 0.629, 0, 1].map(ru.rate)).toEqual([`50,0${NBSP}%`, `62,9${NBSP}%`, `0,0${NBSP}%`, `100,0${NBSP}%`]);
  });

  it("rounds a tie up as it reads, not as its binary value falls", () => {
    // 0.285 × 1000 is 284.99999999999994 in binary; 4/7 = 57.142…; 2/3 = 66.666…
    expect([0.285, 4 / 7, 2 / 3, 0.0625].map(en.rate)).toEqual(["28.5%", "57.1%", "66.7%", "6.3%"]);
  });

  it("is a dash when there is none", () => {
    expect(en.rate(null)).toBe("—");
    expect(ru.rate(null)).toBe("—");
  });
});

describe("a period's label", () => {
  it("writes a quarter and an ISO week as Russian writes them, and leaves months, years and English alone", () => {
    expect(["2024-Q1", "2023-Q4", "2024-W09", "2020-W53", "2024-03", "2024"].map(ru.period)).toEqual([
      "1 кв. 2024",
      "4 кв. 2023",
      "нед. 9, 2024",
      "нед. 53, 2020",
      "2024-03",
      "2024",
    ]);
    expect(["2024-Q1", "2024-W09", "2024-03", "2024"].map(en.period)).toEqual(["2024-Q1", "2024-W09", "2024-03", "2024"]);
  });
});

describe("a chosen percentage (target, axis tick)", () => {
  it("reads as chosen, without a trailing zero", () => {
    expect([0.67, 0.675, 0, 0.25, 1].map(en.percent)).toEqual(["67%", "67.5%", "0%", "25%", "100%"]);
    expect([0.67, 0.675].map(ru.percent)).toEqual([`67${NBSP}%`, `67,5${NBSP}%`]);
  });
});

describe("a count", () => {
  it("is whole and grouped by thousands", () => {
    expect([0, 7, 999, 1000, 1234, 1234567].map(en.count)).toEqual(["0", "7", "999", "1,000", "1,234", "1,234,567"]);
    expect([999, 1234, 1234567].map(ru.count)).toEqual(["999", `1${NBSP}234`, `1${NBSP}234${NBSP}567`]);
  });

  it("rounds a half day up", () => {
    expect(en.count(46.5)).toBe("47");
  });
});

describe("money, whose currency is not known", () => {
  it("is a plain grouped number with two decimals", () => {
    expect([1234.5, 990000, 0.1 + 0.2, 1.005].map(en.money)).toEqual(["1,234.50", "990,000.00", "0.30", "1.01"]);
    expect([1234.5, 990000].map(ru.money)).toEqual([`1${NBSP}234,50`, `990${NBSP}000,00`]);
  });

  it("keeps a refund's minus sign, and drops it when the amount rounds to nothing", () => {
    expect([-25, -1234.5, -1e-13].map(en.money)).toEqual(["-25.00", "-1,234.50", "0.00"]);
    expect(ru.money(-1234.5)).toBe(`-1${NBSP}234,50`);
  });

  it("is a dash when there is none", () => {
    expect(en.money(null)).toBe("—");
  });
});

describe("money with a currency (--currency)", () => {
  it("writes an ISO code as the locale writes its sign: before the amount in English, after it in Russian", () => {
    expect(formatsFor("en", { currency: "RUB" }).money(1234.5)).toBe("₽1,234.50");
    expect(formatsFor("ru", { currency: "RUB" }).money(1234.5)).toBe(`1${NBSP}234,50${NBSP}₽`);
    expect(formatsFor("en", { currency: "USD" }).money(-25)).toBe("-$25.00");
    expect(formatsFor("ru", { currency: "USD" }).money(-25)).toBe(`-25,00${NBSP}$`);
  });

  it("gives a currency without minor units none (yen)", () => {
    expect(formatsFor("en", { currency: "JPY" }).money(1234.5)).toBe("¥1,235");
  });

  it("puts a sign that is no code where the locale puts a currency sign", () => {
    expect(formatsFor("ru", { currency: "руб." }).money(1234.5)).toBe(`1${NBSP}234,50${NBSP}руб.`);
    expect(formatsFor("en", { currency: "₽" }).money(1234.5)).toBe("₽1,234.50");
  });

  it("leaves the dash and the other figures alone", () => {
    const rub = formatsFor("ru", { currency: "RUB" });
    expect(rub.money(null)).toBe("—");
    expect(rub.rate(0.5)).toBe(`50,0${NBSP}%`);
  });
});

describe("parseCurrency", () => {
  it("takes a known ISO code in any case, and a short sign", () => {
    expect(["rub", " USD ", "eur"].map(parseCurrency)).toEqual(["RUB", "USD", "EUR"]);
    expect(["₽", "$", "руб.", "€ "].map(parseCurrency)).toEqual(["₽", "$", "руб.", "€"]);
  });

  it("refuses what is neither: an unknown code, letters that are no code, digits, nothing, a long word", () => {
    expect(["ABC", "US", "Rubles", "12", "1₽", "", "  ", "рублей"].map(parseCurrency)).toEqual(Array(8).fill(undefined));
  });
});

describe("a date", () => {
  it("is ISO in English and day.month.year in Russian", () => {
    expect(en.date("2024-03-05")).toBe("2024-03-05");
    expect(ru.date("2024-03-05")).toBe("05.03.2024");
    expect(ru.date("2024-12-31")).toBe("31.12.2024");
  });

  it("is a dash when there is none", () => {
    expect(ru.date(null)).toBe("—");
  });
});
