// The built command, as a user runs it. `npm test` builds it first; a test never rebuilds it, since
// a build rewrites dist/ while other test files read dist/Code.js.

import { existsSync } from "node:fs";
import { join } from "node:path";

/** The path of build/cli.cjs; fails with what to do when it has not been built. */
export function builtCli(): string {
  const bin = join(__dirname, "../../build/cli.cjs");
  if (!existsSync(bin)) throw new Error("build/cli.cjs is missing: run `npm run build` first");
  return bin;
}
