// The real order logs in ../shared/datasets, which the repository must not copy. On a clone with
// nothing beside it (as from a public host) their tests skip, loudly, so that `npm test` still
// passes; CI has them, and .ci/run fails if they were skipped there.

import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe } from "vitest";

export const DATASETS = join(__dirname, "../../../shared/datasets");

export function datasetPath(file: string): string {
  return join(DATASETS, file);
}

/** `describe` for tests that read `file`; skipped with a loud notice when it is absent. */
export function describeDataset(file: string, name: string, body: () => void): void {
  const present = existsSync(datasetPath(file));
  if (!present) {
    console.warn(
      `\n${"!".repeat(72)}\nDATASET TESTS SKIPPED: ${datasetPath(file)} not found (see ../shared/datasets/README.md)\n${"!".repeat(72)}\n`,
    );
  }
  describe.skipIf(!present)(name, body);
}
