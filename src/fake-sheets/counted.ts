// Base of every fake Apps Script object: registers itself with the call counter when created, so
// that whatever method returns it hands out the counting proxy (see calls.ts).

import type { CallCounter } from "./calls";

export abstract class Counted {
  constructor(
    protected readonly counter: CallCounter,
    type: string,
  ) {
    counter.expose(this, type);
  }
}

/**
 * The fake stands in for the real interface: each class implements a `Pick` of it, so parameter
 * and return types are checked, and returns itself where Apps Script returns the full type.
 */
export function asReal<T>(fake: unknown): T {
  return fake as unknown as T;
}
