import { describe, expect, it } from "vitest";
import { PagedArray } from "../../src/core/paged-array";

// A page holds 32,768 numbers (src/core/paged-array.ts).
const PAGE = 32_768;

/** A page maker that notes the length of each page it makes. */
function noting(lengths: number[]): (length: number) => Float64Array {
  return (length) => {
    lengths.push(length);
    return new Float64Array(length);
  };
}

describe("PagedArray", () => {
  it("keeps numbers on both sides of a page boundary apart", () => {
    const array = new PagedArray((length) => new Float64Array(length));
    array.reach(PAGE);
    array.set(PAGE - 1, 1.5);
    array.set(PAGE, 2.5);
    expect([array.get(PAGE - 1), array.get(PAGE), array.get(0)]).toEqual([1.5, 2.5, 0]);
  });

  it("reaches an index with the pages before it, each starting at its 'nothing yet' value", () => {
    const array = new PagedArray((length) => new Int32Array(length).fill(-1));
    expect(array.reached(0)).toBe(false);
    array.reach(2 * PAGE + 5);
    expect([array.reached(3 * PAGE - 1), array.reached(3 * PAGE)]).toEqual([true, false]);
    expect(array.get(PAGE + 7)).toBe(-1);
  });

  it("holds an expected length in one page, rounded up to a power of two", () => {
    const lengths: number[] = [];
    const array = new PagedArray(noting(lengths), 100_000);
    array.reach(131_071); // 2^17 − 1: still the first page
    expect(lengths).toEqual([131_072]);
    array.set(131_071, 4);
    expect([array.page(131_071) === array.page(0), array.offset(131_071), array.get(131_071)]).toEqual([true, 131_071, 4]);
    array.reach(131_072);
    expect(lengths).toEqual([131_072, 131_072]);
  });

  it("never makes pages smaller than 32,768 numbers or larger than 4,194,304", () => {
    const lengths: number[] = [];
    new PagedArray(noting(lengths), 10).reach(0);
    new PagedArray(noting(lengths), 10_000_000).reach(0);
    expect(lengths).toEqual([PAGE, 4_194_304]);
  });
});
