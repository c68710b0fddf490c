// The help card Sheets shows for a custom function, written from the signatures table. The
// expected card is written out by hand, in the form of Google's custom-function samples.

import { describe, expect, it } from "vitest";
import { helpCard } from "../../src/functions/help-cards";
import type { FunctionSignature } from "../../src/functions/signatures";

const GREETING: FunctionSignature = {
  summary: "Says hello to a customer, once or as often as asked.",
  parameters: [
    { name: "customer", type: "string", optional: false, description: "Whom to greet." },
    { name: "times", type: "number", optional: true, description: "How often; once by default." },
  ],
  returns: { kind: "number", description: "How many greetings were said." },
  example: '=GREET("Ann", 2)',
};

describe("helpCard", () => {
  it("writes the summary, every parameter with its type, [optional] where it is, the return, an example and @customfunction", () => {
    expect(helpCard(GREETING)).toBe(
      [
        "/**",
        " * Says hello to a customer, once or as often as asked.",
        " *",
        " * @param {string} customer Whom to greet.",
        " * @param {number} times [optional] How often; once by default.",
        " * @return {number} How many greetings were said.",
        ' * @example =GREET("Ann", 2)',
        " * @customfunction",
        " */",
      ].join("\n"),
    );
  });

  it("describes a table without a type, and wraps a long summary at word ends", () => {
    const card = helpCard({
      ...GREETING,
      summary: `${"word ".repeat(30)}end.`,
      returns: { kind: "table", description: "A table: one row per greeting." },
    });
    expect(card).toContain("\n * @return A table: one row per greeting.\n");
    const summary = card.split("\n").slice(1, 3);
    // 20 five-letter words and their spaces: 99 characters, the most that fit in 100.
    expect(summary).toEqual([` * ${"word ".repeat(19)}word`, ` * ${"word ".repeat(10)}end.`]);
  });
});
