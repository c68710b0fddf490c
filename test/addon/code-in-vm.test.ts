// The built dist/Code.js, loaded into a node:vm context that has only Apps Script-like globals
// (the fake), called the way Apps Script calls it: onOpen with an event, the server functions by
// name as google.script.run does. `npm test` builds dist/ first; alone, run `npm run build`.

import { describe, expect, it } from "vitest";
import { createFakeSheets, type FakeSheets } from "../../src/fake-sheets";
import { ORDER_LOG } from "./helpers";
import { loadCodeJs } from "../support/apps-script-context";

type AppsScriptFunction = (...args: unknown[]) => unknown;

function loadCode(fake: FakeSheets): Record<string, AppsScriptFunction> {
  return loadCodeJs(fake) as Record<string, AppsScriptFunction>;
}

/** google.script.run passes arguments and results as JSON-like plain data. */
const overTheWire = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe("dist/Code.js in a vm context", () => {
  it("adds the menu and serves the sidebar's calls, Dates coming from another realm", () => {
    const fake = createFakeSheets({ sheets: { Orders: ORDER_LOG } });
    fake.select("Orders!B3");
    const code = loadCode(fake);
    code.onOpen!({ authMode: fake.globals.ScriptApp.AuthMode.LIMITED });
    expect(fake.ui.menus[0]!.items.filter((item) => item !== "separator").map((item) => item.functionName)).toEqual([
      "showRetentionReport",
      "menuHighlightToWinBack",
      "menuClearHighlighting",
      "createTemplate",
      "createTemplateWithSampleOrders",
    ]);
    // Every menu item names a top-level function of Code.js, as Apps Script needs.
    for (const item of fake.ui.menus[0]!.items) {
      if (item !== "separator") expect(typeof code[item.functionName]).toBe("function");
    }

    const state = overTheWire(code.getSidebarState!()) as { sheetName: string; mapping: object; settings: object; rangeA1: string };
    expect(state.rangeA1).toBe("A1:D10");
    const request = overTheWire({ sheetName: state.sheetName, rangeA1: state.rangeA1, mapping: state.mapping, settings: state.settings });
    type Response = { report: { firstPurchases: number; secondPurchases: number; verdict: { rate: number } } };
    const response = code.analyzeSelection!(request) as Response;
    // The same hand-computed figures as in server.test.ts: 6 new customers, 3 came back; the
    // verdict (February, judged within 60 days) 1 of 2.
    expect([response.report.firstPurchases, response.report.secondPurchases, response.report.verdict.rate]).toEqual([6, 3, 0.5]);
    expect(overTheWire(response)).toEqual(response);

    // Erin never came back (row 8); Alice (2, 6) and Dan (7, 10) lapsed: see server.test.ts.
    expect(code.highlightToWinBack!(request)).toEqual({ rangeA1: "A1:D10", highlightedRows: 5, customers: 3 });
    expect(fake.sheet("Orders").describeRules()[0]!.ranges).toEqual(["A2:D2", "A6:D8", "A10:D10"]);
    expect(code.clearHighlighting!()).toEqual({ cleared: true });
    expect(fake.sheet("Orders").describeRules()).toEqual([]);
  });

  it("reports errors as Errors with the message in the spreadsheet's language", () => {
    const fake = createFakeSheets({ locale: "ru_RU", sheets: { S: ORDER_LOG } });
    fake.select("S!A1:D10");
    const code = loadCode(fake);
    const request = {
      mapping: { date: 0, customer: 1 },
      settings: { targetPercent: -5, period: "month", withinDays: null, ordersStartWithBusiness: false, excludeDealType: null },
    };
    expect(() => code.analyzeSelection!(request)).toThrow("цель: -5 не процент от 1 до 100");
  });

  it("opens the sidebar and runs the menu items", () => {
    const fake = createFakeSheets({ sheets: { Orders: ORDER_LOG }, readHtmlFile: () => "<html></html>" });
    fake.select("Orders!A1");
    const code = loadCode(fake);
    code.showRetentionReport!();
    expect(fake.ui.sidebars.map((sidebar) => sidebar.getTitle())).toEqual(["Sheets Retention"]);
    code.menuHighlightToWinBack!();
    code.menuClearHighlighting!();
    expect(fake.ui.alerts[0]).toMatch(/^Highlighted 5 order rows of 3 customers to win back in A1:D10/);
    expect(fake.ui.alerts[1]).toBe("Highlighting removed.");
  });
});
