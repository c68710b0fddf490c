// Loads the built dist/Code.js into a fresh node:vm context that has only Apps Script-like
// globals, the way Apps Script runs it: a classic script, no module system, no Node globals.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";

export const CODE_JS = join(__dirname, "../../dist/Code.js");

export interface SheetSettings {
  locale: string;
  timeZone: string;
}

export function loadCodeJs(sheet: SheetSettings, extraGlobals: Record<string, unknown> = {}): vm.Context {
  const context = vm.createContext({
    SpreadsheetApp: {
      getActiveSpreadsheet: () => ({
        getSpreadsheetLocale: () => sheet.locale,
        getSpreadsheetTimeZone: () => sheet.timeZone,
      }),
    },
    Session: { getScriptTimeZone: () => "Etc/UTC" },
    ...extraGlobals,
  });
  vm.runInContext(readFileSync(CODE_JS, "utf8"), context, { filename: "Code.js" });
  return context;
}

/** Runs `source` inside the context, so arrays and Dates are that realm's, as in Apps Script. */
export function run<T = unknown>(context: vm.Context, source: string): T {
  return vm.runInContext(source, context) as T;
}
