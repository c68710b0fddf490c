// The rooms' rule, read off the import statements so that it cannot rot: dependencies point
// inward. The reading room (src/files) imports only the core; the counting engine
// (src/cli/counting) only the reading room and the core; the DuckDB engine (src/cli/duckdb) neither
// the streaming engine's folder nor presentation or i18n directly (it words nothing itself); the command (src/cli) anything of those, and the preview
// reads files through src/files, never through the command line.

import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const SRC = join(ROOT, "src");

/** Every .ts file under `dir`, recursively, as a path from src/. */
function sourcesUnder(dir: string): string[] {
  return readdirSync(join(SRC, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourcesUnder(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

const IMPORT = /^\s*(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']|^\s*import\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/gm;

/** What a file imports: node:* and packages by name, our own files as paths from src/ without the extension. */
function importsOf(file: string, source: string): string[] {
  return [...source.matchAll(IMPORT)].map((match) => {
    const specifier = (match[1] ?? match[2] ?? match[3])!;
    return specifier.startsWith(".") ? relative(SRC, resolve(SRC, dirname(file), specifier)) : specifier;
  });
}

/** The imports of the files under `dir` that break `allowed`, as "file → import". */
function breaches(dir: string, allowed: (target: string) => boolean): string[] {
  return sourcesUnder(dir).flatMap((file) =>
    importsOf(file, readFileSync(join(SRC, file), "utf8"))
      .filter((target) => !allowed(target))
      .map((target) => `${file} → ${target}`),
  );
}

const inside = (target: string, ...rooms: string[]): boolean => rooms.some((room) => target.startsWith(`${room}/`));
const isNode = (target: string): boolean => target.startsWith("node:");

describe("the import graph of the reading room, the counting engine and the command", () => {
  it("parses the import forms the rooms use", () => {
    const source = `import { a } from "../core/cells";\nimport type { B } from "./b";\nexport { c } from "../files/c";\nimport "./side";\nconst d = await import("node:fs");\n`;
    expect(importsOf("cli/x.ts", source)).toEqual(["core/cells", "cli/b", "files/c", "cli/side", "node:fs"]);
  });

  it("src/files imports only src/core, node:* and the two .xlsx libraries (yauzl, saxes)", () => {
    expect(sourcesUnder("files").length).toBeGreaterThan(0);
    const xlsxLibrary = (target: string): boolean => target === "yauzl" || target === "saxes";
    expect(breaches("files", (target) => isNode(target) || xlsxLibrary(target) || inside(target, "core", "files"))).toEqual([]);
  });

  it("src/cli/counting imports only src/files, src/core and node:*", () => {
    expect(sourcesUnder("cli/counting").length).toBeGreaterThan(0);
    expect(breaches("cli/counting", (target) => isNode(target) || inside(target, "core", "files", "cli/counting"))).toEqual([]);
  });

  it("src/cli/duckdb, the DuckDB engine, neither reaches into the streaming engine nor renders", () => {
    expect(sourcesUnder("cli/duckdb").length).toBeGreaterThan(0);
    expect(breaches("cli/duckdb", (target) => !inside(target, "cli/counting", "presentation", "i18n"))).toEqual([]);
  });

  it("src/sql, the query generator beside the core, imports only src/core", () => {
    expect(sourcesUnder("sql").length).toBeGreaterThan(0);
    expect(breaches("sql", (target) => inside(target, "core", "sql"))).toEqual([]);
  });

  it("the core imports nothing outside itself", () => {
    expect(breaches("core", (target) => inside(target, "core"))).toEqual([]);
  });

  it("the preview reads files through src/files, never through the command line", () => {
    expect(breaches("preview", (target) => !inside(target, "cli"))).toEqual([]);
  });

  it("nothing outside the command imports it", () => {
    const outside = readdirSync(SRC, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== "cli")
      .map((entry) => entry.name);
    for (const dir of outside) expect(breaches(dir, (target) => !inside(target, "cli"))).toEqual([]);
  });
});
