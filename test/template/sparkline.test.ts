import { describe, expect, it } from "vitest";
import { sparklineText } from "../../src/preview/hyperformula/sparkline";

describe("the preview's SPARKLINE", () => {
  it("draws the numbers as eight levels of blocks, lowest ▁ and highest █", () => {
    // 1 → level 0, 5 → level 7, 3 → (3 − 1) × 7 ÷ 4 = 3.5, rounded to level 4.
    expect(sparklineText([1, 5, 3])).toBe("▁█▅");
    // Blanks and text are left out; a flat line is all lowest; nothing to draw is empty.
    expect(sparklineText([2, "", "x", 2])).toBe("▁▁");
    expect(sparklineText(["", null])).toBe("");
  });
});
