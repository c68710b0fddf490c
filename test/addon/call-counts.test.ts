// The Apps Script calls each sidebar action makes, counted by the in-memory SpreadsheetApp: the
// figures docs/sidebar.md states ("Apps Script calls (measured)"). Each call to Apps Script costs
// time in Sheets, so a change that adds one shows here, and none may grow with the rows.

import { describe, expect, it } from "vitest";
import {
  analyzeSelection,
  clearHighlighting,
  copyLapsedCustomers,
  copyNeverReturnedCustomers,
  getSidebarState,
  highlightToWinBack,
} from "../../src/addon/server";
import { DEFAULT_SETTINGS } from "../../src/addon/settings";
import type { AnalysisRequest } from "../../src/addon/sidebar-api";
import { generatedOrders, moscowDate, useFake } from "./helpers";

type Extra = "none" | "dealType" | "status" | "both";

/** Total calls per action on a log of `rows` orders, with or without a deal-type and a status column. */
function callsPerAction(rows: number, extra: Extra): Record<string, number> {
  const withDeal = extra === "dealType" || extra === "both";
  const withStatus = extra === "status" || extra === "both";
  // Every seventh order a project deal, every fifth refunded, so both columns have values to offer.
  // "Gone" bought every ten days in January 2023 and never since: lapsed, so both call lists have someone.
  const gone = [1, 11, 21].map((day) => [moscowDate(2023, 1, day), "Gone", 10]);
  const orders = [...generatedOrders(rows), ...gone].map((row, index) => [
    ...row,
    ...(withDeal ? [index === 0 ? "Deal type" : index % 7 === 0 ? "Project" : "Retail"] : []),
    ...(withStatus ? [index === 0 ? "Status" : index % 5 === 0 ? "refunded" : "paid"] : []),
  ]);
  const fake = useFake({ sheets: { Orders: orders } }, "Orders!B2");
  const request: AnalysisRequest = {
    mapping: { date: 0, customer: 1, amount: 2, ...(withDeal ? { dealType: 3 } : {}) },
    settings: DEFAULT_SETTINGS,
  };
  const actions: [string, () => unknown][] = [
    ["getSidebarState", () => getSidebarState()],
    ["analyzeSelection", () => analyzeSelection(request)],
    ["highlightToWinBack", () => highlightToWinBack(request)],
    ["highlightToWinBack again", () => highlightToWinBack(request)],
    ["clearHighlighting", () => clearHighlighting()],
    ["copyNeverReturnedCustomers", () => copyNeverReturnedCustomers(request)],
    ["copyLapsedCustomers", () => copyLapsedCustomers(request)],
  ];
  const counts: Record<string, number> = {};
  for (const [name, action] of actions) {
    fake.select("Orders!B2");
    fake.calls.reset();
    const result = action() as { sheetName?: string | null };
    if (result && "sheetName" in result) expect(result.sheetName).not.toBeNull();
    counts[name] = fake.calls.total();
  }
  return counts;
}

describe("Apps Script calls per sidebar action (docs/sidebar.md)", () => {
  it("are the documented figures, the same for 100 and for 10 000 rows", () => {
    const expected = {
      getSidebarState: 18,
      analyzeSelection: 19,
      highlightToWinBack: 27,
      "highlightToWinBack again": 29,
      clearHighlighting: 6,
      copyNeverReturnedCustomers: 37,
      copyLapsedCustomers: 38,
    };
    expect(callsPerAction(100, "none")).toEqual(expected);
    expect(callsPerAction(10_000, "none")).toEqual(expected);
  });

  it("read the deal-type and the status column with one more call each, when the state is built", () => {
    for (const rows of [100, 10_000]) {
      expect(callsPerAction(rows, "dealType").getSidebarState).toBe(20);
      expect(callsPerAction(rows, "status").getSidebarState).toBe(20);
      expect(callsPerAction(rows, "both").getSidebarState).toBe(22);
      expect(callsPerAction(rows, "both").analyzeSelection).toBe(19);
    }
  });
});
