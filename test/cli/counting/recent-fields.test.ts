// The recent fields are a cache in front of the sink's FieldCache: a field they recognise must be
// exactly one they were given, ending where the field ends; a miss is always allowed.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RecentFields } from "../../../src/cli/counting/recent-fields";

const COMMA = 0x2c;

/** Fields of a comma-separated line: few letters, so that many fields share first bytes and slots. */
const fieldText = fc.oneof(
  fc.string({ unit: fc.constantFrom("a", "b", "Я", " "), maxLength: 8 }),
  fc.string({ unit: fc.constantFrom("a", "b"), minLength: 58, maxLength: 64 }),
);

describe("RecentFields", () => {
  it("recognise only a field given before, byte for byte, up to its end", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fieldText, fc.constantFrom(",", "\n", "\r\n")), { minLength: 1, maxLength: 300 }), (fields) => {
        const recent = new RecentFields<string>();
        for (const [text, after] of fields) {
          // The field in a line of its own, with another field after it or the line's end.
          const bytes = Buffer.from(`${text}${after}next`);
          const end = Buffer.byteLength(text);
          const found = recent.match(bytes, 0, bytes.length, COMMA);
          if (found === undefined) recent.remember(bytes, 0, end, bytes.length, text);
          else expect([found, recent.end]).toEqual([text, end]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("keep two fields whose first bytes choose one slot, and tell a field from a longer one", () => {
    const recent = new RecentFields<string>();
    const line = (text: string): Buffer => Buffer.from(`${text},`);
    // The same four first bytes choose the same slot: both stay, in it and beside it.
    for (const text of ["Anna Berg", "Anna Lind"]) recent.remember(line(text), 0, text.length, text.length + 1, text);
    expect([recent.match(line("Anna Berg"), 0, 10, COMMA), recent.match(line("Anna Lind"), 0, 10, COMMA)]).toEqual([
      "Anna Berg",
      "Anna Lind",
    ]);
    // A longer field that starts with a kept one, and a shorter one, are not it.
    expect(recent.match(line("Anna Bergman"), 0, 13, COMMA)).toBeUndefined();
    expect(recent.match(line("Anna Ber"), 0, 9, COMMA)).toBeUndefined();
    // Nor is a field that runs into the end of what was read.
    expect(recent.match(Buffer.from("Anna Berg"), 0, 9, COMMA)).toBeUndefined();
  });
});
