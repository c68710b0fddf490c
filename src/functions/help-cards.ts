// Sheets' help card for a custom function: the JSDoc block directly above its top-level function
// in dist/Code.js, written by the build from signatures.ts. Sheets reads the summary, each
// `@param {Type} name`, `@return` and `@customfunction`; `[optional]` is how a card says so.

import type { FunctionSignature } from "./signatures";

/** Lines of a JSDoc block stay under this width, so dist/Code.js reads well too. */
const WIDTH = 100;

function wrapped(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(" ")) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last]!.length + 1 + word.length <= width) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines;
}

export function helpCard(signature: FunctionSignature): string {
  const params = signature.parameters.map((p) => `@param {${p.type}} ${p.name} ${p.optional ? "[optional] " : ""}${p.description}`);
  const { kind, description } = signature.returns;
  // A table has no one type Sheets could name; the card describes it instead.
  const returns = kind === "number" ? `@return {number} ${description}` : `@return ${description}`;
  const lines = [...wrapped(signature.summary, WIDTH), "", ...params, returns, `@example ${signature.example}`, "@customfunction"];
  return `/**\n${lines.map((line) => (line === "" ? " *" : ` * ${line}`)).join("\n")}\n */`;
}

/**
 * Why a function's declared parameters do not match its signature, or undefined when they do:
 * the help card and the preview would otherwise describe arguments the function does not take.
 */
export function signatureMismatch(name: string, declared: readonly string[], signature: FunctionSignature): string | undefined {
  const listed = signature.parameters.map((p) => p.name);
  if (declared.join() === listed.join()) return undefined;
  return `${name} takes (${declared.join(", ")}) but signatures.ts lists (${listed.join(", ")})`;
}
