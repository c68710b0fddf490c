import { describe, expect, it } from "vitest";
import { PagedArray } from "../../src/core/paged-array";

// A page holds 32,768 numbers (src/core/paged-array.ts).
const PAGE = 32_768;

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
});
