// The built command, as a user runs it. `npm test` builds it first; a test never rebuilds it, since
// a build rewrites dist/ while other test files read dist/Code.js.

import { existsSync } from "node:fs";
import { join } from "node:path";

/**
 * How long a test waits for a command it runs. A synchronous spawn blocks the test's thread, so
 * vitest's own timeout cannot stop it: without this a command that hangs would hang the whole run.
 */
export const CHILD_TIMEOUT_MS = 120_000;

/** The path of build/cli.cjs; fails with what to do when it has not been built. */
export function builtCli(): string {
  const bin = join(__dirname, "../../build/cli.cjs");
  if (!existsSync(bin)) throw new Error("build/cli.cjs is missing: run `npm run build` first");
  return bin;
}
