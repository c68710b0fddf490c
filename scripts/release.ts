// Packs the built add-on into release/sheets-retention-<version>.zip, the release asset for
// installing without Node: unzip it and paste each file into the Apps Script editor (docs/deploy.md).
// dist/ is a build output and not in git, so this zip is how a built copy reaches such a user.
// `npm run release` builds first, so the zip always holds the current build.
//
// fflate writes the zip: Node has deflate (zlib) but no zip container, and fflate is one small
// (8 kB), dependency-free, widely used package, where a hand-written container would be code to keep.

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { zipSync } from "fflate";

/** What the Apps Script editor needs, and nothing else: the files clasp pushes from dist/. */
export const RELEASE_FILES = ["Code.js", "Sidebar.html", "appsscript.json"] as const;

export function releaseFileName(version: string): string {
  return `sheets-retention-${version}.zip`;
}

/** The zip of the built files in `distDir`, deflated, each at the top level under its own name. */
export function releaseZip(distDir: string): Uint8Array {
  const entries = Object.fromEntries(RELEASE_FILES.map((name) => [name, readFileSync(join(distDir, name))]));
  return zipSync(entries, { level: 9 });
}

/** Writes the zip of `root`/dist into `outDir` and returns its path. */
export function writeRelease(root: string, outDir: string): string {
  const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
  mkdirSync(outDir, { recursive: true });
  const path = join(outDir, releaseFileName(version));
  writeFileSync(path, releaseZip(join(root, "dist")));
  return path;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(dirname(fileURLToPath(import.meta.url)), "..");
  console.log(`wrote ${writeRelease(root, join(root, "release"))}`);
}
