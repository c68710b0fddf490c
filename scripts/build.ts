// Builds what clasp pushes (dist/Code.js, dist/Sidebar.html, dist/appsscript.json), the CLI
// (build/cli.cjs) and the local preview's page (build/preview/).
//
// Apps Script only sees top-level `function NAME()` declarations, with their JSDoc directly above
// for the custom-function help card. esbuild emits neither, so the bundle is an IIFE assigned to
// one global, and for every export of src/main.ts we append a stub declaration that forwards to the
// bundle. A custom function's stub carries the help card written from src/functions/signatures.ts;
// any other export's carries its JSDoc copied from the TypeScript source.

import { build } from "esbuild";
import { existsSync, mkdirSync, readFileSync, writeFileSync, copyFileSync } from "node:fs";
import { dirname, join } from "node:path";
import ts from "typescript";
import { helpCard, signatureMismatch } from "../src/functions/help-cards";
import { SIGNATURES } from "../src/functions/signatures";

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
    const jsdoc = comments
      .map((range) => source.slice(range.pos, range.end))
      .filter((c) => c.startsWith("/**"))
      .pop();
    return {
      name: exported.name,
      params: declaration.parameters.map((parameter) => parameter.name.getText()),
      jsdoc: jsdoc ?? `/** ${exported.name} */`,
    };
  });
}

/** A custom function gets its help card from the signatures table, which must match its parameters. */
function withHelpCard(entry: EntryFunction): EntryFunction {
  if (!Object.hasOwn(SIGNATURES, entry.name)) return entry;
  const signature = SIGNATURES[entry.name as keyof typeof SIGNATURES];
  const mismatch = signatureMismatch(entry.name, entry.params, signature);
  if (mismatch !== undefined) throw new Error(mismatch);
  return { ...entry, jsdoc: helpCard(signature) };
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
  const stubs = entryFunctions(entry).map(withHelpCard).map(stubDeclaration).join("\n");
  const header = `// sheets-retention ${version}. Built from src/ by scripts/build.ts; do not edit.\n`;
  writeFileSync(join(root, "dist/Code.js"), `${header}${bundle}\n${stubs}`);
  copyFileSync(join(root, "appsscript.json"), join(root, "dist/appsscript.json"));
}

async function bundleBrowserScript(entry: string, minify: boolean): Promise<string> {
  const result = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2020",
    charset: "utf8",
    minify,
    legalComments: "none",
    define,
  });
  // A "</script" inside the inlined code would end the script element early.
  return result.outputFiles[0]!.text.replace(/<\/script/gi, "<\\/script");
}

/** One self-contained HTML page: its script and styles inlined, nothing loaded from elsewhere. */
async function buildInlinePage(page: { html: string; css: string; script: string; out: string; minify: boolean }): Promise<void> {
  const script = await bundleBrowserScript(page.script, page.minify);
  const html = readFileSync(join(root, page.html), "utf8")
    .replace("/* STYLES */", () => readFileSync(join(root, page.css), "utf8"))
    .replace("/* SCRIPT */", () => script);
  writeFileSync(join(root, page.out), html);
}

const buildSidebar = (): Promise<void> =>
  buildInlinePage({
    html: "src/sidebar/sidebar.html",
    css: "src/sidebar/sidebar.css",
    script: "src/sidebar/main.ts",
    out: "dist/Sidebar.html",
    minify: true,
  });

/** The local preview's page, and the google.script.run stand-in it puts into the sidebar. */
async function buildPreview(): Promise<void> {
  mkdirSync(join(root, "build/preview"), { recursive: true });
  await buildInlinePage({
    html: "src/preview/page/page.html",
    css: "src/preview/page/page.css",
    script: "src/preview/page/main.ts",
    out: "build/preview/page.html",
    minify: false,
  });
  writeFileSync(join(root, "build/preview/shim.js"), await bundleBrowserScript("src/preview/page/shim.ts", false));
}

/**
 * The CLI is bundled as CommonJS: Node 20 starts a CommonJS script faster than an ES module, in
 * the process and again in the counting thread, about 25 ms of a million-row run (A/B runs of both
 * bundles). The source's `import.meta.url` (the script the counting thread runs) becomes the file's URL.
 */
async function buildCli(): Promise<void> {
  const entry = join(root, "src/cli/main.ts");
  if (!existsSync(entry)) return;
  await build({
    entryPoints: [entry],
    outfile: join(root, "build/cli.cjs"),
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node20",
    charset: "utf8",
    banner: { js: "#!/usr/bin/env node" },
    // Optional, native, loaded only for --engine duckdb: never bundled.
    external: ["@duckdb/node-api"],
    inject: [join(root, "scripts/cli-import-meta-url.ts")],
    define: { ...define, "import.meta.url": "importMetaUrl" },
  });
}

mkdirSync(join(root, "dist"), { recursive: true });
mkdirSync(join(root, "build"), { recursive: true });
await Promise.all([buildAppsScript(), buildSidebar(), buildPreview(), buildCli()]);
console.log(`built sheets-retention ${version}: dist/ (Code.js, Sidebar.html, appsscript.json), build/cli.cjs, build/preview/`);
