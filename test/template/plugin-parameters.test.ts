// The preview's HyperFormula plugin declares each custom function's parameters a second time (it
// must, to register them). This holds the two declarations together: the same functions, the same
// number of parameters, the same ones optional, as the TypeScript signatures and their help cards
// in src/functions/custom-functions.ts say, and every one of them exported to Apps Script.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { RetentionFunctionsPlugin } from "../../src/preview/hyperformula";

const SOURCE = join(__dirname, "../../src/functions/custom-functions.ts");

interface Signature {
  parameters: string[];
  /** From the `?` of each TypeScript parameter. */
  optional: boolean[];
  /** From the help card: `@param {Type} name [optional] …`. */
  optionalInHelp: boolean[];
  helpNames: string[];
}

/** The exported functions of custom-functions.ts, read from the source as the build reads it. */
function signatures(): Map<string, Signature> {
  const file = ts.createSourceFile(SOURCE, readFileSync(SOURCE, "utf8"), ts.ScriptTarget.ES2020, true);
  const found = new Map<string, Signature>();
  for (const statement of file.statements) {
    if (!ts.isFunctionDeclaration(statement) || !statement.name) continue;
    if (!statement.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) continue;
    const params = ts.getJSDocTags(statement).filter(ts.isJSDocParameterTag);
    found.set(statement.name.text, {
      parameters: statement.parameters.map((parameter) => parameter.name.getText()),
      optional: statement.parameters.map((parameter) => parameter.questionToken !== undefined),
      helpNames: params.map((tag) => tag.name.getText()),
      optionalInHelp: params.map((tag) => /^\s*\[optional\]/.test(ts.getTextOfJSDocComment(tag.comment) ?? "")),
    });
  }
  return found;
}

const declared = signatures();
const registered = RetentionFunctionsPlugin.implementedFunctions;

describe("the HyperFormula plugin and the custom functions", () => {
  it("register the same functions", () => {
    expect(Object.keys(registered).sort()).toEqual([...declared.keys()].sort());
  });

  it.each([...declared.keys()])("%s: the help card names every parameter, and marks the optional ones", (name) => {
    const signature = declared.get(name)!;
    expect(signature.helpNames).toEqual(signature.parameters);
    expect(signature.optionalInHelp).toEqual(signature.optional);
  });

  it.each([...declared.keys()])("%s: the plugin takes the same parameters, optional where the function's are", (name) => {
    const plugin = registered[name]!.parameters ?? [];
    expect(plugin.map((parameter) => parameter.optionalArg === true)).toEqual(declared.get(name)!.optional);
  });

  it("are all exported to Apps Script by src/main.ts", () => {
    const main = readFileSync(join(__dirname, "../../src/main.ts"), "utf8");
    const exported = /export \{([^}]*)\} from "\.\/functions\/custom-functions"/.exec(main)?.[1] ?? "";
    expect(
      exported
        .split(",")
        .map((name) => name.trim())
        .filter(Boolean)
        .sort(),
    ).toEqual([...declared.keys()].sort());
  });
});
