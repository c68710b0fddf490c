// The real add-on (dist/Code.js) running in a node:vm context against the in-memory fake
// spreadsheet: the preview's server functions are exactly the ones Apps Script would run.

import vm from "node:vm";
import { installFakeGlobals, type FakeSheets } from "../fake-sheets/index";

export class AddonRuntime {
  private readonly context: vm.Context;

  constructor(
    code: string,
    readonly fake: FakeSheets,
  ) {
    this.context = vm.createContext({ console });
    installFakeGlobals(this.context, fake);
    vm.runInContext(code, this.context, { filename: "Code.js" });
  }

  /** Whether Code.js declares this top-level function. */
  has(name: string): boolean {
    return typeof this.context[name] === "function";
  }

  /**
   * Calls a top-level function the way google.script.run does: arguments and result travel as
   * JSON, so a Date or a class instance in the answer fails here as it would in Sheets.
   */
  call(name: string, args: readonly unknown[]): unknown {
    if (!/^[A-Za-z_$][\w$]*$/.test(name) || name.endsWith("_") || !this.has(name)) {
      throw new Error(`Script function not found: ${name}`);
    }
    const fn = this.context[name] as (...callArgs: unknown[]) => unknown;
    const result = fn(...(JSON.parse(JSON.stringify(args)) as unknown[]));
    return result === undefined ? null : (JSON.parse(JSON.stringify(result)) as unknown);
  }
}
