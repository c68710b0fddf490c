import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ByteInterner, NOT_FOUND } from "../../../src/cli/counting/byte-interner";

const hashOf = (bytes: Uint8Array): number => ByteInterner.hash(bytes, 0, bytes.length);

describe("ByteInterner", () => {
  it("finds every key it was given, the empty one too, and nothing else, as it grows", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.uint8Array({ maxLength: 12 }), { selector: (key) => Buffer.from(key).toString("hex"), maxLength: 3000 }),
        (keys) => {
          const table = new ByteInterner();
          const [stored, absent] = [keys.slice(0, keys.length >> 1), keys.slice(keys.length >> 1)];
          stored.forEach((key, value) => {
            table.set(key, 0, key.length, hashOf(key), value);
          });
          stored.forEach((key, value) => {
            expect(table.get(key, 0, key.length, hashOf(key))).toBe(value);
          });
          for (const key of absent) expect(table.get(key, 0, key.length, hashOf(key))).toBe(NOT_FOUND);
        },
      ),
      { numRuns: 50 },
    );
  });

  it("compares bytes, not hashes: two keys with one hash stay apart", () => {
    const table = new ByteInterner();
    const [a, b] = [Uint8Array.of(1, 2), Uint8Array.of(3, 4)];
    table.set(a, 0, 2, 7, 10);
    table.set(b, 0, 2, 7, 20);
    expect([table.get(a, 0, 2, 7), table.get(b, 0, 2, 7), table.get(Uint8Array.of(1), 0, 1, 7)]).toEqual([10, 20, NOT_FOUND]);
  });

  it("finds word-aligned, zero-padded keys word by word, as `get` finds them byte by byte", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.uint8Array({ maxLength: 11 }), { selector: (key) => Buffer.from(key).toString("hex"), maxLength: 500 }),
        (keys) => {
          const table = new ByteInterner();
          // Leaves non-zero bytes where the keys below go: clear() does not wipe the arena.
          const junk = new Uint8Array(64).fill(0xff);
          for (let i = 0; i < 200; i++) table.set(junk, 0, 1 + (i % 64), i, i);
          table.clear();
          const [stored, absent] = [keys.slice(0, keys.length >> 1), keys.slice(keys.length >> 1)];
          // Stored from an unaligned place with garbage after each key: the table must pad them itself.
          stored.forEach((key, value) => {
            const source = Uint8Array.from([0xee, ...key, 0xff, 0xff, 0xff]);
            table.set(source, 1, 1 + key.length, hashOf(key), value);
          });
          const padded = (key: Uint8Array): Int32Array => {
            const bytes = new Uint8Array(8 + ((key.length + 3) & ~3));
            bytes.fill(0xff, 0, 8);
            bytes.set(key, 8);
            return new Int32Array(bytes.buffer);
          };
          stored.forEach((key, value) => {
            expect(table.getPadded(padded(key), 8, 8 + key.length, hashOf(key))).toBe(value);
          });
          for (const key of absent) expect(table.getPadded(padded(key), 8, 8 + key.length, hashOf(key))).toBe(NOT_FOUND);
          // With one hash for every key, only the lengths and the words tell keys apart.
          const sameHash = new ByteInterner();
          stored.forEach((key, value) => {
            sameHash.set(key, 0, key.length, 7, value);
          });
          stored.forEach((key, value) => {
            expect(sameHash.getPadded(padded(key), 8, 8 + key.length, 7)).toBe(value);
          });
          for (const key of absent) expect(sameHash.getPadded(padded(key), 8, 8 + key.length, 7)).toBe(NOT_FOUND);
        },
      ),
      { numRuns: 50 },
    );
  });

  it("forgets everything on clear", () => {
    const table = new ByteInterner();
    const key = Uint8Array.of(9, 9);
    table.set(key, 0, 2, hashOf(key), 1);
    table.clear();
    expect(table.get(key, 0, 2, hashOf(key))).toBe(NOT_FOUND);
  });
});
