// Loads the built dist/Code.js into a fresh node:vm context whose only globals are the in-memory
// Apps Script services (src/fake-sheets), the way Apps Script runs it: a classic script, no
// module system, no Node globals.

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { createFakeSheets, installFakeGlobals, type FakeOptions, type FakeSheets } from "../../src/fake-sheets";

export const CODE_JS = join(__dirname, "../../dist/Code.js");

/** A context with Code.js loaded against `fake` (or a new fake made from these options). */
export function loadCodeJs(fake: FakeSheets | FakeOptions, extraGlobals: Record<string, unknown> = {}): vm.Context {
  if (!existsSync(CODE_JS)) throw new Error("dist/Code.js is missing: run `npm run build` first");
  const context = vm.createContext({ ...extraGlobals });
  installFakeGlobals(context, "globals" in fake ? fake : createFakeSheets(fake));
  vm.runInContext(readFileSync(CODE_JS, "utf8"), context, { filename: "Code.js" });
  return context;
}

/** Runs `source` inside the context, so arrays and Dates are that realm's, as in Apps Script. */
export function run<T = unknown>(context: vm.Context, source: string): T {
  return vm.runInContext(source, context) as T;
}
