// COHORT_MATRIX checks its width before it builds the table. Dates within 1900–2100 never make it
// wider than 10,490 columns, so the sheet's limit is lowered here to 14 to see the check at work.

import { beforeAll, describe, expect, it, vi } from "vitest";
import { createFakeSheets, installFakeGlobals } from "../../src/fake-sheets";
import { COHORT_MATRIX } from "../../src/functions/custom-functions";

vi.mock("../../src/functions/sheet-limits", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/functions/sheet-limits")>();
  return { ...original, requireSheetColumns: (columns: number, argument: string) => original.requireSheetColumns(columns, argument, 14) };
});

beforeAll(() => {
  installFakeGlobals(globalThis, createFakeSheets({ locale: "en_US", timeZone: "UTC" }));
});

describe("COHORT_MATRIX on a sheet 14 columns wide", () => {
  const customers = [["A"], ["B"]];

  it("fails with the columns a weekly matrix needs and asks for a longer period", () => {
    // 2024-01-01 is Monday of week 1, 2024-03-31 Sunday of week 13: 2 + 13 = 15 columns.
    expect(() => COHORT_MATRIX(customers, [["2024-01-01"], ["2024-03-31"]], "week")).toThrow(
      "period: the result needs 15 columns, more than a sheet's 14; choose a longer period",
    );
  });

  it("spills a matrix that fits", () => {
    // The same dates by month: January to March, 2 + 3 = 5 columns.
    expect(COHORT_MATRIX(customers, [["2024-01-01"], ["2024-03-31"]], "month")[0]).toHaveLength(5);
  });
});
