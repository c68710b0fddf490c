// The CLI's byte-level customer key must be exactly the core's customerKey, in UTF-8, for every
// cell it takes; and it must take the cells of ordinary names (else the speed is gone).

import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { customerKey } from "../../../src/core/customer-key";
import { KeyBytes } from "../../../src/cli/counting/key-bytes";
import { encodeWindows1251 } from "../../../bench/cp1251";

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function folded(keyBytes: KeyBytes, cell: Uint8Array, escaped = false): string | undefined {
  return keyBytes.fold(cell, 0, cell.length, escaped)
    ? Buffer.from(keyBytes.bytes.subarray(0, keyBytes.length)).toString("utf8")
    : undefined;
}

// Letters in both cases, every kind of space, and characters the byte way must leave to the core.
const TRICKY = [..."aZz09 -_.,\"'\t\n\u000b\f\r\u0000\u001f"];
const CYRILLIC = [..."АаЯяЁёЖжЪъЩщ"];
const UTF8_ONLY = [..."ЀѐЂђЏџЃѓѠѡ\u00a0\u2003\ufeffÉéßİ\u212aΣσς€😀«»“”’"];
const CP1251_EXTRA = [..."ЂђЃѓЎўІіЇїЄєҐґ\u00a0«»„“”‘’‚№€"];

describe("customer keys from bytes", () => {
  it.each([
    ["utf-8", [...TRICKY, ...CYRILLIC, ...UTF8_ONLY], utf8],
    ["windows-1251", [...TRICKY, ...CYRILLIC, ...CP1251_EXTRA], encodeWindows1251],
  ] as const)("equal the core's key from %s, or leave the cell to the core", (encoding, alphabet, encode) => {
    const keyBytes = new KeyBytes(encoding);
    const fromText = new KeyBytes(encoding);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 12 }), (text) => {
        const key = folded(keyBytes, encode(text));
        if (key !== undefined) {
          expect(key).toBe(customerKey(text));
          // Keys the core made must land on the same hash, or one customer would count twice.
          fromText.setText(customerKey(text));
          expect(keyBytes.hash).toBe(fromText.hash);
        }
        // The same text as a quoted CSV field writes its quotes doubled.
        const quotedKey = folded(keyBytes, encode(text.replaceAll('"', '""')), true);
        if (quotedKey !== undefined) expect(quotedKey).toBe(customerKey(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it("take names in Latin and Russian letters, with any spacing, in both encodings", () => {
    for (const [name, key] of [
      ["  ООО  «Ромашка»", undefined],
      ["  ООО  Ромашка\t", "ооо ромашка"],
      ["Ёлкин Пётр", "елкин петр"],
      ["ACME Corp. #7", "acme corp. #7"],
    ] as const) {
      expect(folded(new KeyBytes("utf-8"), utf8(name))).toBe(key);
      if (key !== undefined) expect(folded(new KeyBytes("windows-1251"), encodeWindows1251(name))).toBe(key);
    }
  });

  it.each([
    ["utf-8", utf8],
    ["windows-1251", encodeWindows1251],
  ] as const)("fold an unquoted field up to its delimiter or line break, as `fold` folds the field alone (%s)", (encoding, encode) => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(..."aZ Яё0\u00a0;,"), maxLength: 12 }),
        fc.constantFrom("", ";", ",", "\n", "\r\n", "\r", "\t"),
        fc.constantFrom(";", "\t"),
        (text, end, delimiter) => {
          const field = text.replaceAll(delimiter, "");
          const line = encode(`${field}${end}rest`);
          const byField = new KeyBytes(encoding);
          const whole = new KeyBytes(encoding);
          const stop = whole.foldField(line, 0, line.length, delimiter.charCodeAt(0));
          const fieldBytes = encode(field).length;
          const ended = end === delimiter || end.startsWith("\r") || end === "\n";
          if (!byField.fold(line, 0, fieldBytes) || !ended) {
            // A byte for the core, or a field that runs on into "rest" and so to the end of what was read.
            expect(stop).toBe(-1);
          } else {
            expect(stop).toBe(fieldBytes);
            expect([whole.length, whole.hash]).toEqual([byField.length, byField.hash]);
          }
        },
      ),
    );
  });

  it("leave to the scanner a field that reaches the end of what was read, or is longer than names are", () => {
    const semicolon = ";".charCodeAt(0);
    expect(new KeyBytes("utf-8").foldField(utf8("Анна"), 0, 8, semicolon)).toBe(-1);
    // A field's first 256 bytes are as far as foldField looks for its end.
    expect(new KeyBytes("utf-8").foldField(utf8(`${"a".repeat(255)};`), 0, 256, semicolon)).toBe(255);
    expect(new KeyBytes("utf-8").foldField(utf8(`${"a".repeat(256)};`), 0, 257, semicolon)).toBe(-1);
    expect(new KeyBytes("utf-8").foldField(utf8(`${"a".repeat(257)};`), 0, 258, semicolon)).toBe(-1);
  });

  it("read a doubled quote of a quoted field as one", () => {
    const keyBytes = new KeyBytes("utf-8");
    const cell = utf8('ООО ""Вектор""');
    expect(keyBytes.fold(cell, 0, cell.length, true)).toBe(true);
    expect(Buffer.from(keyBytes.bytes.subarray(0, keyBytes.length)).toString()).toBe(customerKey('ООО "Вектор"'));
  });

  it("write a key into another array at a word boundary, with the same hash", () => {
    const here = new KeyBytes("utf-8");
    const there = new KeyBytes("utf-8");
    const cell = utf8(" Пётр  ИВАНОВ ");
    here.fold(cell, 0, cell.length);
    const batch = new Uint8Array(16).fill(0xff);
    there.writeAt(batch, 8);
    there.fold(cell, 0, cell.length);
    // The array was too short: the key moved to a longer copy that keeps the bytes before it.
    expect(there.bytes).not.toBe(batch);
    expect([...there.bytes.subarray(0, 8)]).toEqual(new Array(8).fill(0xff));
    expect(Buffer.from(there.bytes.subarray(8, 8 + there.length)).toString()).toBe("петр иванов");
    expect(there.hash).toBe(here.hash);
  });

  it("hash the same key the same way, whichever way it was made", () => {
    const byBytes = new KeyBytes("windows-1251");
    const byText = new KeyBytes("utf-8");
    expect(byBytes.fold(encodeWindows1251(" Пётр  ИВАНОВ "), 0, 14)).toBe(true);
    byText.setText(customerKey(" Пётр  ИВАНОВ "));
    expect(byText.hash).toBe(byBytes.hash);
  });
});
