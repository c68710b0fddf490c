// One table of arguments (src/functions/signatures.ts) for the functions, their help cards and the
// preview's HyperFormula plugin. The functions are read from the source as the build reads them;
// the plugin's registration must be what the table says, and a table entry that does not match its
// function stops the build.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import * as customFunctions from "../../src/functions/custom-functions";
import { signatureMismatch } from "../../src/functions/help-cards";
import { CUSTOM_FUNCTION_NAMES, type FunctionSignature, SIGNATURES } from "../../src/functions/signatures";
import { RetentionFunctionsPlugin } from "../../src/preview/hyperformula";

const SOURCE = join(__dirname, "../../src/functions/custom-functions.ts");

interface Declaration {
  parameters: string[];
  /** From the `?` of each TypeScript parameter. */
  optional: boolean[];
}

/** The exported functions of custom-functions.ts, read from the source as the build reads them. */
function declarations(): Map<string, Declaration> {
  const file = ts.createSourceFile(SOURCE, readFileSync(SOURCE, "utf8"), ts.ScriptTarget.ES2020, true);
  const found = new Map<string, Declaration>();
  for (const statement of file.statements) {
    if (!ts.isFunctionDeclaration(statement) || !statement.name) continue;
    if (!statement.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) continue;
    found.set(statement.name.text, {
      parameters: statement.parameters.map((parameter) => parameter.name.getText()),
      optional: statement.parameters.map((parameter) => parameter.questionToken !== undefined),
    });
  }
  return found;
}

const declared = declarations();
const registered = RetentionFunctionsPlugin.implementedFunctions;

describe("the signatures table and the custom functions", () => {
  it("list the same functions", () => {
    expect([...CUSTOM_FUNCTION_NAMES].sort()).toEqual([...declared.keys()].sort());
  });

  it.each(CUSTOM_FUNCTION_NAMES)("%s takes the parameters the table lists, optional where the table says", (name) => {
    const signature = SIGNATURES[name];
    expect(signatureMismatch(name, declared.get(name)!.parameters, signature)).toBeUndefined();
    expect(declared.get(name)!.optional).toEqual(signature.parameters.map((p) => p.optional));
    // As Apps Script sees the function: its arity.
    // biome-ignore lint/performance/noDynamicNamespaceImportAccess: every custom function is checked by name.
    expect(customFunctions[name].length).toBe(signature.parameters.length);
  });

  it("are all exported to Apps Script by src/main.ts", () => {
    const main = readFileSync(join(__dirname, "../../src/main.ts"), "utf8");
    const exported = /export \{([^}]*)\} from "\.\/functions\/custom-functions"/.exec(main)?.[1] ?? "";
    const names = exported
      .split(",")
      .map((name) => name.trim())
      .filter(Boolean);
    expect(names.sort()).toEqual([...CUSTOM_FUNCTION_NAMES].sort());
  });
});

describe("a table entry that does not match its function", () => {
  const base: FunctionSignature = SIGNATURES.TIME_TO_SECOND_PURCHASE;
  const names = ["customers", "order_dates", "start_date", "end_date"];

  it("is caught when it lists a parameter too many", () => {
    const longer = { ...base, parameters: [...base.parameters, { ...base.parameters[2]!, name: "period" }] };
    expect(signatureMismatch("TIME_TO_SECOND_PURCHASE", names, longer)).toBe(
      "TIME_TO_SECOND_PURCHASE takes (customers, order_dates, start_date, end_date) but signatures.ts lists (customers, order_dates, start_date, end_date, period)",
    );
  });

  it("is caught when it names a parameter differently", () => {
    expect(signatureMismatch("TIME_TO_SECOND_PURCHASE", ["customers", "dates", "start_date", "end_date"], base)).toMatch(
      /^TIME_TO_SECOND_PURCHASE takes/,
    );
  });
});

describe("the HyperFormula plugin", () => {
  it("registers every function of the table and nothing else", () => {
    expect(Object.keys(registered).sort()).toEqual([...CUSTOM_FUNCTION_NAMES].sort());
  });

  it.each(CUSTOM_FUNCTION_NAMES)("%s: takes the table's parameters, optional where the table says", (name) => {
    const parameters = registered[name]!.parameters ?? [];
    expect(parameters.map((parameter) => parameter.optionalArg === true)).toEqual(SIGNATURES[name].parameters.map((p) => p.optional));
  });

  it.each(CUSTOM_FUNCTION_NAMES)("%s: has the methods HyperFormula will call, a size method when it returns a table", (name) => {
    const { method, sizeOfResultArrayMethod } = registered[name]!;
    const prototype = RetentionFunctionsPlugin.prototype as unknown as Record<string, unknown>;
    expect(typeof prototype[method]).toBe("function");
    if (SIGNATURES[name].returns.kind === "table") expect(typeof prototype[sizeOfResultArrayMethod!]).toBe("function");
    else expect(sizeOfResultArrayMethod).toBeUndefined();
  });

  it("names each method after its function", () => {
    expect(registered.TIME_TO_SECOND_PURCHASE).toMatchObject({ method: "timeToSecondPurchase" });
    expect(registered.COHORT_MATRIX).toMatchObject({ method: "cohortMatrix", sizeOfResultArrayMethod: "cohortMatrixSize" });
  });
});
