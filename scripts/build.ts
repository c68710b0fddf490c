// Builds what clasp pushes (dist/Code.js, dist/Sidebar.html, dist/appsscript.json) and the CLI
// (build/cli.mjs).
//
// Apps Script only sees top-level `function NAME()` declarations, with their JSDoc directly above
// for the custom-function help card. esbuild emits neither, so the bundle is an IIFE assigned to
// one global, and for every export of src/main.ts we append a stub declaration that carries the
// JSDoc copied from the TypeScript source and forwards to the bundle.

import { build } from "esbuild";
import { existsSync, mkdirSync, readFileSync, writeFileSync, copyFileSync } from "node:fs";
import { dirname, join } from "node:path";
import ts from "typescript";

const root = join(dirname(new URL(import.meta.url).pathname), "..");
const BUNDLE_GLOBAL = "SheetsRetention";
const version = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version;
const define = { __ADDON_VERSION__: JSON.stringify(version) };

interface EntryFunction {
  name: string;
  params: string[];
  jsdoc: string;
}

/** The exported functions of src/main.ts, each with its parameter names and JSDoc block. */
export function entryFunctions(entry: string): EntryFunction[] {
  const program = ts.createProgram([entry], { allowJs: false, noEmit: true });
  const checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
  return checker.getExportsOfModule(moduleSymbol).map((exported) => {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declaration = symbol.declarations?.find(ts.isFunctionDeclaration);
    if (!declaration) throw new Error(`src/main.ts exports ${exported.name}, which is not a function declaration`);
    const source = declaration.getSourceFile().text;
    const comments = ts.getLeadingCommentRanges(source, declaration.getFullStart()) ?? [];
    const jsdoc = comments.map((range) => source.slice(range.pos, range.end)).filter((c) => c.startsWith("/**")).pop();
    return {
      name: exported.name,
      params: declaration.parameters.map((parameter) => parameter.name.getText()),
      jsdoc: jsdoc ?? `/** ${exported.name} */`,
    };
  });
}

function stubDeclaration({ name, params, jsdoc }: EntryFunction): string {
  const list = params.join(", ");
  return `${jsdoc}\nfunction ${name}(${list}) {\n  return ${BUNDLE_GLOBAL}.${name}(${list});\n}\n`;
}

async function buildAppsScript(): Promise<void> {
  const entry = join(root, "src/main.ts");
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: "iife",
    globalName: BUNDLE_GLOBAL,
    platform: "neutral",
    target: "es2020",
    charset: "utf8",
    legalComments: "none",
    define,
  });
  const bundle = result.outputFiles[0]!.text;
  const stubs = entryFunctions(entry).map(stubDeclaration).join("\n");
  const header = `// sheets-retention ${version}. Built from src/ by scripts/build.ts; do not edit.\n`;
  writeFileSync(join(root, "dist/Code.js"), `${header}${bundle}\n${stubs}`);
  copyFileSync(join(root, "appsscript.json"), join(root, "dist/appsscript.json"));
}

/** One self-contained HTML file: the sidebar's script and styles inlined, nothing remote. */
async function buildSidebar(): Promise<void> {
  const page = join(root, "src/sidebar/sidebar.html");
  if (!existsSync(page)) return;
  const result = await build({
    entryPoints: [join(root, "src/sidebar/main.ts")],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2020",
    charset: "utf8",
    minify: true,
    legalComments: "none",
    define,
  });
  // A "</script" inside the inlined code would end the script element early.
  const script = result.outputFiles[0]!.text.replace(/<\/script/gi, "<\\/script");
  const styles = readFileSync(join(root, "src/sidebar/sidebar.css"), "utf8");
  const html = readFileSync(page, "utf8")
    .replace("/* STYLES */", () => styles)
    .replace("/* SCRIPT */", () => script);
  writeFileSync(join(root, "dist/Sidebar.html"), html);
}

async function buildCli(): Promise<void> {
  const entry = join(root, "src/cli/main.ts");
  if (!existsSync(entry)) return;
  await build({
    entryPoints: [entry],
    outfile: join(root, "build/cli.mjs"),
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    charset: "utf8",
    banner: { js: "#!/usr/bin/env node" },
    define,
  });
}

mkdirSync(join(root, "dist"), { recursive: true });
mkdirSync(join(root, "build"), { recursive: true });
await Promise.all([buildAppsScript(), buildSidebar(), buildCli()]);
console.log(`built sheets-retention ${version}: dist/Code.js, dist/appsscript.json${existsSync(join(root, "dist/Sidebar.html")) ? ", dist/Sidebar.html" : ""}`);
