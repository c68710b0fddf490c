// Sums of amounts come out of floating point with noise in their last digits; the text written
// for scripts must show the decimals the sum truly has, and nothing else changed.
import { describe, expect, it } from "vitest";
import { plainNumber, plainNumbers } from "../../src/presentation/plain-numbers";

describe("plainNumber", () => {
  it("writes a sum of decimals at the decimals it has", () => {
    expect(0.1 + 0.2).not.toBe(0.3); // the noise this is about
    expect(plainNumber(0.1 + 0.2)).toBe(0.3);
    // 139.12 + 22.2 + … in binary: a sum of amounts with two decimals has two decimals.
    expect(plainNumber(-611342.0900000018)).toBe(-611342.09);
    expect(plainNumber(9861.380000000001)).toBe(9861.38);
    expect(plainNumber(1517.8799999999999)).toBe(1517.88);
  });

  it("leaves alone a number with no short decimal near it: rates, averages, a tiny figure", () => {
    expect(plainNumber(1 / 3)).toBe(1 / 3);
    expect(plainNumber(461.7917827529015)).toBe(461.7917827529015);
    // 0.7766183 is 2.1e-8 away, far more than noise (7.8e-13 here).
    expect(plainNumber(0.7766182794396296)).toBe(0.7766182794396296);
    expect(plainNumber(1e-7)).toBe(1e-7);
    // Seven decimals is past what an amount has, so even an exact one is kept as it is.
    expect(plainNumber(0.1234567)).toBe(0.1234567);
  });

  it("writes what is left when purchases and refunds cancel out as the cents it is", () => {
    expect(0.01 + 2.09 - 2.1).toBeLessThan(0); // -4.4e-16, not 0
    expect(plainNumber(0.01 + 2.09 - 2.1)).toBe(0);
    expect(Object.is(plainNumber(-1e-17), 0)).toBe(true); // not -0, which JSON writes as 0 but a CSV as "-0"
    // 1,000,000 − 999,999.99 leaves noise relative to the large terms, not to the result.
    expect(plainNumber(1_000_000 - 999_999.99)).toBe(0.01);
  });

  it("keeps the digits of a large sum rather than round them away with the noise", () => {
    // A one-in-10^12 tolerance is 0.06 here: rounding to one decimal would fit it, and lose a cent.
    expect(plainNumber(60_000_000_000.13)).toBe(60_000_000_000.13);
    expect(plainNumber(6_000_000_000.004)).toBe(6_000_000_000.004);
    expect(plainNumber(1_000_000_000.1234567)).toBe(1_000_000_000.1234567);
    // Where the noise is far below the cent, a large sum is still cleaned.
    expect(plainNumber(12_345_678.900000002)).toBe(12_345_678.9);
  });

  it("keeps integers, exact decimals and what is not a finite number", () => {
    for (const value of [0, -5, 1e21, 1234.5, 0.125, -0.001, Number.NaN, Number.POSITIVE_INFINITY]) expect(plainNumber(value)).toBe(value);
  });

  it("as a JSON replacer reaches every number, at any depth, and only numbers", () => {
    const json = JSON.stringify({ a: 0.1 + 0.2, list: [{ revenue: 2.675 + 0.0000000000001 }], text: "0.30000000000000004" }, plainNumbers);
    expect(json).toBe('{"a":0.3,"list":[{"revenue":2.675}],"text":"0.30000000000000004"}');
  });
});
