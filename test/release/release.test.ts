// The release asset holds exactly the three built files the Apps Script editor needs, byte for byte.
// npm test builds dist/ first. The zip is read back by Python's zipfile (python3 is on every machine of
// this project: docs/architecture.md), a reader independent of the writer that also checks each CRC.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeRelease } from "../../scripts/release";
import { CHILD_TIMEOUT_MS } from "../support/child-timeout";

const root = join(import.meta.dirname, "../..");

describe("npm run release", () => {
  const outDir = mkdtempSync(join(tmpdir(), "sheets-retention-release-"));
  const zip = writeRelease(root, outDir);
  const unpacked = mkdtempSync(join(tmpdir(), "sheets-retention-unzipped-"));
  execFileSync("python3", ["-m", "zipfile", "--extract", zip, unpacked], { timeout: CHILD_TIMEOUT_MS });

  it("names the zip after the package's version", () => {
    const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
    expect(zip).toBe(join(outDir, `sheets-retention-${version}.zip`));
  });

  it("holds exactly Code.js, Sidebar.html and appsscript.json, at the top level", () => {
    expect(readdirSync(unpacked).sort()).toEqual(["Code.js", "Sidebar.html", "appsscript.json"]);
  });

  it.each(["Code.js", "Sidebar.html", "appsscript.json"])("holds the built %s unchanged", (name) => {
    expect(readFileSync(join(unpacked, name)).equals(readFileSync(join(root, "dist", name)))).toBe(true);
  });
});
