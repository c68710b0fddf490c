import { describe, expect, it } from "vitest";
import { withRoomIfGranted } from "../../../src/cli/counting/typed-arrays";

describe("room reserved up front", () => {
  it("is given when the system grants it", () => {
    expect(withRoomIfGranted(1000, (capacity) => new Float64Array(capacity)).length).toBe(1000);
  });

  it("is done without when the system refuses the address space, instead of failing", () => {
    // 2^45 doubles (256 TiB) is more than any system grants.
    const tables = withRoomIfGranted(2 ** 45, (capacity) => ({ capacity, facts: new Float64Array(capacity) }));
    expect(tables.capacity).toBe(0);
  });

  it("does not hide other errors", () => {
    expect(() =>
      withRoomIfGranted(10, () => {
        throw new TypeError("not a room problem");
      }),
    ).toThrow(TypeError);
  });
});
