// A customer's key (the core's `customerKey`: trimmed, inner whitespace collapsed to one space,
// lower case, ё as е, quotation marks as spaces) made straight from the cell's bytes, as UTF-8, for the alphabets of nearly
// every cell: ASCII and Cyrillic (U+0400…U+047F in UTF-8, every letter of Windows-1251), folded by
// the core's own `keyCase`, through tables made from it. For any other byte `fold`
// says no, and the caller takes the core's way: decode, `customerKey`, `setText`. Both ways give
// the same bytes (test/cli/counting/key-bytes.test.ts checks them against each other on random text).
//
// The CLI keys customers by these bytes, so a million rows make no key strings and no Map
// lookups.

import { KEY_QUOTES, keyCase } from "../../core/customer-key";
import { APOSTROPHE, CR, LF, QUOTE, SPACE } from "../../files/ascii";
import type { Encoding } from "../../files/sniff";
import { FNV_OFFSET, FNV_PRIME, smallHash } from "./byte-interner";

/** Longer fields than this are left to the scanner and `fold`, so that `foldField` reserves little. */
const FIELD_BYTES_AT_MOST = 256;
/** For `foldUntil`: no byte ends the field but its end. */
const NO_DELIMITER = -1;
/** In the folding tables: a quotation mark, which a key reads as a space. */
const AS_SPACE = -2;

/** JavaScript's `\s` within ASCII: tab, line feed, vertical tab, form feed, carriage return, space. */
function isAsciiSpace(c: number): boolean {
  return c === SPACE || (c >= 0x09 && c <= 0x0d);
}

export class KeyBytes {
  /** The key's UTF-8 bytes are bytes[start … start+length-1]. */
  bytes = new Uint8Array(256);
  /** A multiple of 4, so the key can be hashed a word at a time; 0 unless `writeAt` moved it. */
  start = 0;
  /** The same memory as words, for hashing four bytes at a time. */
  private words = new Int32Array(this.bytes.buffer);
  length = 0;
  /** A hash of the key's bytes. */
  hash = 0;
  private readonly encoder = new TextEncoder();
  private readonly utf8: boolean;

  constructor(encoding: Encoding) {
    this.utf8 = encoding === "utf-8";
  }

  /**
   * The key of source[start … end-1], a field whose doubled quotes stand for one when `escaped`;
   * false when a byte needs the core's way.
   */
  fold(source: Uint8Array, start: number, end: number, escaped = false): boolean {
    return this.foldUntil(source, start, end, escaped, NO_DELIMITER) >= 0;
  }

  /**
   * The key of the unquoted field that starts at source[start] and ends before the next delimiter
   * or line break. Returns where the field ends, or -1 when a byte needs the core's way, or the
   * field runs into `limit` (the end of what has been read so far), or it is longer than names are.
   */
  foldField(source: Uint8Array, start: number, limit: number, delimiter: number): number {
    const bound = Math.min(limit, start + FIELD_BYTES_AT_MOST);
    const end = this.foldUntil(source, start, bound, false, delimiter);
    return end < bound ? end : -1;
  }

  /**
   * Folds source[start … end-1], stopping early at a delimiter or line break when `delimiter` is
   * not NO_DELIMITER. Returns where it stopped, or -1 when a byte needs the core's way.
   */
  private foldUntil(source: Uint8Array, start: number, end: number, escaped: boolean, delimiter: number): number {
    this.reserve(2 * (end - start));
    const out = this.bytes;
    const utf8 = this.utf8;
    const first = this.start;
    const stopsAtLineBreak = delimiter !== NO_DELIMITER;
    let length = first;
    let spaceBefore = false;
    let quoted = false;
    let i = start;
    for (; i < end; i++) {
      const c = source[i]!;
      let codePoint: number;
      if (c < 0x80) {
        if (c === delimiter) break;
        if (isAsciiSpace(c)) {
          if (stopsAtLineBreak && (c === LF || c === CR)) break;
          spaceBefore = true;
          continue;
        }
        if (c === QUOTE || c === APOSTROPHE) {
          // A doubled quote inside a quoted field stands for one.
          if (c === QUOTE && escaped) i++;
          spaceBefore = quoted = true;
          continue;
        }
        codePoint = c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
      } else {
        if (utf8) {
          // Cyrillic U+0400…U+047F: D0 or D1, then a trail byte.
          if ((c & 0xfe) !== 0xd0 || i + 1 >= end) return -1;
          const trail = source[i + 1]!;
          if ((trail & 0xc0) !== 0x80) return -1;
          codePoint = UTF8_CYRILLIC_LOWER[((c & 1) << 6) | (trail & 0x3f)]!;
          i++;
        } else {
          codePoint = CP1251_LOWER[c]!;
        }
        if (codePoint === AS_SPACE) {
          spaceBefore = quoted = true;
          continue;
        }
        if (codePoint < 0) return -1;
      }
      if (spaceBefore && length > first) out[length++] = SPACE;
      spaceBefore = false;
      if (codePoint < 0x80) {
        out[length++] = codePoint;
      } else {
        out[length++] = 0xc0 | (codePoint >> 6);
        out[length++] = 0x80 | (codePoint & 0x3f);
      }
    }
    // Nothing but quotation marks: a name the core keeps its marks in (customerKey).
    if (quoted && length === first) return -1;
    this.length = length - first;
    this.hashBytes();
    return i;
  }

  /** The key as the core made it. */
  setText(key: string): void {
    this.reserve(3 * key.length);
    this.length = this.encoder.encodeInto(key, this.bytes.subarray(this.start)).written;
    this.hashBytes();
  }

  /**
   * Writes the next keys into `bytes` from `start` (a multiple of 4) on, so that a batch of
   * orders holds them without a copy. `bytes` may be replaced by a longer copy as keys come.
   */
  writeAt(bytes: Uint8Array<ArrayBuffer>, start: number): void {
    if (bytes !== this.bytes) {
      this.bytes = bytes;
      this.words = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2);
    }
    this.start = start;
  }

  /** FNV-1a over the key four bytes at a time (the bytes past its end zeroed first). */
  private hashBytes(): void {
    const end = this.start + this.length;
    this.bytes[end] = this.bytes[end + 1] = this.bytes[end + 2] = 0;
    const words = this.words;
    let hash = FNV_OFFSET ^ this.length;
    for (let w = this.start >> 2; w < (end + 3) >> 2; w++) hash = Math.imul(hash ^ words[w]!, FNV_PRIME);
    this.hash = smallHash(hash);
  }

  /** Room for `bytes` more from `start`, and for the zeros that pad the last word. */
  private reserve(bytes: number): void {
    const needed = this.start + bytes + 4;
    if (needed <= this.bytes.length) return;
    const bigger = new Uint8Array(Math.max((needed + 3) & ~3, this.bytes.length * 2));
    bigger.set(this.bytes.subarray(0, this.start));
    this.bytes = bigger;
    this.words = new Int32Array(bigger.buffer);
  }
}

/**
 * A character as `customerKey` gives it (`keyCase`: lower case, ё as е), when that is one code
 * point of at most two UTF-8 bytes and not a space; AS_SPACE for a quotation mark; else -1, and
 * the cell takes the core's way.
 */
function lowerCodePoint(char: string): number {
  if (KEY_QUOTES.includes(char)) return AS_SPACE;
  const lower = keyCase(char);
  const codePoint = lower.codePointAt(0)!;
  return lower.length === 1 && codePoint < 0x800 && !/\s/.test(lower) ? codePoint : -1;
}

/** Lower case of U+0400…U+047F (Cyrillic), by (lead & 1) << 6 | (trail & 0x3f) of their UTF-8 bytes D0/D1, trail. */
const UTF8_CYRILLIC_LOWER = Int16Array.from({ length: 128 }, (_, index) => lowerCodePoint(String.fromCodePoint(0x400 + index)));

/** Lower case of each Windows-1251 byte over 0x7F, read off the decoder. */
const CP1251_LOWER = (() => {
  const decoder = new TextDecoder("windows-1251");
  return Int16Array.from({ length: 256 }, (_, byte) => (byte < 0x80 ? -1 : lowerCodePoint(decoder.decode(Uint8Array.of(byte)))));
})();
