// The byte-level shortcuts must agree with the core's parsers wherever they answer at all.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isPlausibleDay, parseAmount, parseDateText } from "../../../src/core/cells";
import { fastAmount, fastCompactDay, fastDay } from "../../../src/cli/counting/fast-cells";

const bytesOf = (text: string): Buffer => Buffer.from(text, "latin1");

const dateLike = fc.oneof(
  fc
    .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 19 }), fc.integer({ min: 0, max: 39 }))
    .map(([y, m, d]) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`),
  fc
    .tuple(fc.integer({ min: 0, max: 39 }), fc.integer({ min: 0, max: 19 }), fc.integer({ min: 0, max: 9999 }))
    .map(([d, m, y]) => `${String(d).padStart(2, "0")}.${String(m).padStart(2, "0")}.${String(y).padStart(4, "0")}`),
  fc.string({ unit: fc.constantFrom(..."0123456789-./ T:"), maxLength: 12 }),
  // Times, real and not (99:99:99), after dates of every shape.
  fc
    .tuple(
      fc.constantFrom("2024-03-05", "05.03.2024", "03/05/2024", "2024-02-30"),
      fc.constantFrom(" ", "T"),
      fc.integer({ min: 0, max: 99 }),
      fc.integer({ min: 0, max: 99 }),
      fc.integer({ min: 0, max: 99 }),
    )
    .map(([date, gap, h, m, s]) => `${date}${gap}${h}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}`),
);

/** Digits grouped by a separator, well or badly (`1,234,567`, `1,23,456`, `1.2.3`), with a decimal part or not. */
const groupedAmount = fc
  .tuple(
    fc.constantFrom("", "-"),
    fc.array(fc.integer({ min: 0, max: 9999 }).map(String), { minLength: 1, maxLength: 4 }),
    fc.constantFrom(",", ".", " ", "\u00a0", "'"),
    fc.constantFrom("", ".", ","),
    fc.integer({ min: 0, max: 9999 }).map(String),
  )
  .map(([sign, groups, grouping, decimal, fraction]) => `${sign}${groups.join(grouping)}${decimal === "" ? "" : decimal + fraction}`);

const amountLike = fc.oneof(
  fc.string({ unit: fc.constantFrom(..."0123456789-.,+ e"), maxLength: 14 }),
  groupedAmount,
  fc.string({ unit: fc.constantFrom(..."0123,."), minLength: 1, maxLength: 9 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc
    .tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 999999 }), fc.constantFrom(".", ","))
    .map(([whole, fraction, separator]) => `${whole}${separator}${fraction}`),
);

describe("fastDay", () => {
  it("agrees with parseDateText whenever it reads a date", () => {
    fc.assert(
      fc.property(dateLike, (text) => {
        const day = fastDay(bytesOf(text), 0, text.length);
        if (!Number.isNaN(day)) expect(day).toBe(parseDateText(text, "DMY"));
        // Where the core reads no date, the shortcut reads none either.
        if (parseDateText(text, "DMY") === undefined) expect(day).toBeNaN();
        // Every exact 10-character ISO or dotted date the core reads and keeps, the shortcut reads
        // too; one the core skips as implausible (year 0001, 2204) it leaves to the core.
        const core = parseDateText(text, "DMY");
        const kept = core !== undefined && isPlausibleDay(core) ? core : NaN;
        if (/^\d{4}-\d{2}-\d{2}$|^\d{2}\.\d{2}\.\d{4}$/.test(text)) expect(day).toEqual(kept);
      }),
      { numRuns: 3000 },
    );
  });

  it("leaves dates outside 1900-01-01 … 2100-12-31 to the core, and reads those at the edges", () => {
    // 1900-01-01 is 70 years before 1970-01-01, with 17 leap days (1904 … 1968): -(70 × 365 + 17).
    expect(fastDay(bytesOf("1900-01-01"), 0, 10)).toBe(-(70 * 365 + 17));
    expect(fastDay(bytesOf("31.12.2100"), 0, 10)).toBe(parseDateText("2100-12-31", "DMY"));
    for (const text of ["1899-12-31", "01.01.2101", "0001-01-01", "2204-05-01"]) expect(fastDay(bytesOf(text), 0, 10), text).toBeNaN();
  });

  it("reads a date inside a longer buffer", () => {
    const bytes = bytesOf("x,29.02.2024,y");
    // 2024-02-29 is 19782 days after 1970-01-01: 54 years × 365 + 13 leap days (1972…2020) + 31 + 28.
    expect(fastDay(bytes, 2, 12)).toBe(54 * 365 + 13 + 31 + 28);
  });
});

describe("fastAmount", () => {
  it("agrees with parseAmount whenever it reads an amount, for both decimal conventions", () => {
    fc.assert(
      fc.property(amountLike, fc.boolean(), (text, decimalComma) => {
        const amount = fastAmount(bytesOf(text), 0, text.length, decimalComma);
        if (!Number.isNaN(amount)) expect(amount).toBe(parseAmount(text, decimalComma));
        // Where the core refuses an amount (1,2,3 or 1.2.3), the shortcut hands it over.
        if (parseAmount(text, decimalComma) === undefined) expect(amount).toBeNaN();
      }),
      { numRuns: 5000 },
    );
  });

  it("reads a thousands comma by the locale, like the core", () => {
    expect(fastAmount(bytesOf("1,234"), 0, 5, false)).toBe(1234);
    expect(fastAmount(bytesOf("1,234"), 0, 5, true)).toBe(1.234);
    expect(fastAmount(bytesOf("-12,5"), 0, 5, false)).toBe(-12.5);
    // Four digits before it: no thousands group, so a decimal comma, as the core reads it.
    expect(fastAmount(bytesOf("1234,567"), 0, 8, false)).toBe(1234.567);
    expect(parseAmount("1234,567", false)).toBe(1234.567);
  });

  it("reads no malformed grouping: 1,2,3 and 1.2.3 go to the core, which refuses them", () => {
    for (const text of ["1,2,3", "1.2.3", "1,23,456", "1 234"]) {
      expect(fastAmount(bytesOf(text), 0, text.length, false), text).toBeNaN();
      expect(fastAmount(bytesOf(text), 0, text.length, true), text).toBeNaN();
    }
  });
});

describe("fastCompactDay", () => {
  it("agrees with parseDateText's YYYYMMDD days, and leaves implausible ones to the core", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc
            .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 19 }), fc.integer({ min: 0, max: 39 }))
            .map(([y, m, d]) => `${String(y).padStart(4, "0")}${String(m).padStart(2, "0")}${String(d).padStart(2, "0")}`),
          fc.string({ unit: fc.constantFrom(..."0123456789-. "), maxLength: 10 }),
        ),
        (text) => {
          const day = fastCompactDay(bytesOf(text), 0, text.length);
          const core = parseDateText(text, "DMY", true);
          const kept = core !== undefined && isPlausibleDay(core) ? core : NaN;
          if (/^\d{8}$/.test(text)) expect(day).toEqual(kept);
          else expect(day).toBeNaN();
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("reads 19970101 inside a longer buffer", () => {
    // 1997-01-01: 27 years after 1970 with 7 leap days (1972 … 1996).
    expect(fastCompactDay(bytesOf("00001 19970101 1 11.77"), 6, 14)).toBe(27 * 365 + 7);
    expect(fastCompactDay(bytesOf("2024-03-05"), 0, 10)).toBeNaN();
  });
});
