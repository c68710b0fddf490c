import { describe, expect, it } from "vitest";
import { medianOfCounts } from "../../src/core/statistics";

/** counts[v] = how often v occurs, for values written out by hand. */
function countsOf(values: number[]): Int32Array {
  const counts = new Int32Array(Math.max(0, ...values) + 1);
  for (const value of values) counts[value]!++;
  return counts;
}

describe("medianOfCounts", () => {
  it("takes the middle value of an odd count, the mean of the middle two of an even one", () => {
    expect(medianOfCounts(countsOf([1, 1, 3]))).toBe(1);
    expect(medianOfCounts(countsOf([7, 2, 36]))).toBe(7);
    expect(medianOfCounts(countsOf([1, 3]))).toBe(2);
    expect(medianOfCounts(countsOf([2, 2, 4, 7]))).toBe(3);
    expect(medianOfCounts(countsOf([0, 9]))).toBe(4.5);
    expect(medianOfCounts(countsOf([5]))).toBe(5);
  });

  it("has no median without values", () => {
    expect(medianOfCounts(new Int32Array(4))).toBeUndefined();
    expect(medianOfCounts([])).toBeUndefined();
  });
});
