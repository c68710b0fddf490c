// Calling the custom functions by name, in this process or in the built dist/Code.js as Apps Script
// runs it: the functions' tests run each case both ways.

import * as customFunctions from "../../src/functions/custom-functions";
import { loadCodeJs, run } from "./apps-script-context";

export type Call = (name: keyof typeof customFunctions, ...args: unknown[]) => unknown;

// biome-ignore lint/performance/noDynamicNamespaceImportAccess: the tests call each function by name.
export const inProcess: Call = (name, ...args) => (customFunctions[name] as (...values: unknown[]) => unknown)(...args);

export function inCodeJs(locale: string): Call {
  const context = loadCodeJs({ locale, timeZone: "UTC" });
  // Arguments as JSON: ranges are arrays of rows, dates text, as Sheets may pass them.
  return (name, ...args) => run(context, `${name}(...${JSON.stringify(args)})`);
}

/** The message a call fails with; the test fails when it does not fail. */
export function errorOf(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("the call did not fail");
}

/** A range of one column. */
export const column = (values: unknown[]): unknown[][] => values.map((value) => [value]);
