// Which encoding a file's text is in, and the watch that holds every later byte to it. A byte
// order mark decides; else, while only ASCII has been seen, the encoding is still open, and the
// first non-ASCII bytes decide it: UTF-8 when they are valid UTF-8, else Windows-1251 (what Russian
// Excel and 1C export). Bytes that contradict the choice later stop the reading, naming their
// line: nothing is ever replaced silently.

import { isAscii, isUtf8 } from "node:buffer";
import { CR, LF } from "./ascii";
import { contentError } from "./file-error";
import type { Encoding } from "./sniff";

export type ByteOrderMark = { encoding: "utf-8"; length: 3 } | { encoding: "utf-16le" | "utf-16be"; length: 2 };

export function byteOrderMark(bytes: Uint8Array): ByteOrderMark | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", length: 3 };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  return undefined;
}

/**
 * The text of UTF-16 bytes (after their byte order mark) as UTF-8, for the scanner, which reads
 * bytes one at a time. Bytes that are not UTF-16 (a lone surrogate, an odd last byte) fail
 * naming their line.
 */
export function utf16AsUtf8(bytes: Uint8Array, encoding: "utf-16le" | "utf-16be"): Buffer {
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const lenient = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
    const bad = lenient.indexOf("\ufffd");
    let line = 1;
    for (let i = 0; i < bad; i++) if (lenient.charCodeAt(i) === LF) line++;
    throw contentError("invalidUtf16", line);
  }
  return Buffer.from(text, "utf8");
}

/** Where the first byte from 0x80 up is in bytes[from … to), or -1. */
export function firstNonAscii(bytes: Buffer, from: number, to: number): number {
  if (isAscii(bytes.subarray(from, to))) return -1;
  for (let i = from; i < to; i++) if (bytes[i]! >= 0x80) return i;
  return -1;
}

/**
 * The encoding that the file's first non-ASCII bytes, at bytes[at], are in: UTF-8 when their run
 * (up to the next ASCII byte, or `to`) is valid UTF-8, else Windows-1251. A run cut by `to` must
 * end at a line break or the file's end: callers cut what they read there.
 */
export function encodingAt(bytes: Buffer, at: number, to: number): Encoding {
  let end = at;
  while (end < to && bytes[end]! >= 0x80) end++;
  return isUtf8(bytes.subarray(at, end)) ? "utf-8" : "windows-1251";
}

/** Where the bytes up to `to` end at a line break (after it), or `from` when none is there. */
export function afterLastLineBreak(bytes: Buffer, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) {
    const c = bytes[i];
    if (c === LF || c === CR) return i + 1;
  }
  return from;
}

/** The first byte of the first line in bytes[from … to) that is not valid UTF-8, or -1. */
function firstLineNotUtf8(bytes: Buffer, from: number, to: number): number {
  for (let start = from; start < to; ) {
    const lineBreak = bytes.indexOf(LF, start);
    const end = lineBreak < 0 || lineBreak >= to ? to : lineBreak;
    if (!isUtf8(bytes.subarray(start, end))) return start;
    start = end + 1;
  }
  return -1;
}

// A UTF-8 line in a Windows-1251 file is looked for by the commonest Cyrillic letters' UTF-8 (о, е,
// а, и): in Windows-1251 these byte pairs read as a capital Р followed by a sign (Рѕ, Рµ, Р°, Рё),
// which real text hardly holds, and a line where one is found is taken for UTF-8 only when all of
// it is valid UTF-8. Four searches for two bytes cost a few milliseconds for 40 MB, where looking at
// every byte would cost ten times that; a UTF-8 line without any of these letters goes unseen.
const CYRILLIC_UTF8_PAIRS = [Buffer.of(0xd0, 0xbe), Buffer.of(0xd0, 0xb5), Buffer.of(0xd0, 0xb0), Buffer.of(0xd0, 0xb8)];

/** Holds every byte of a file to one encoding (see the top of this file). */
export class EncodingWatch {
  constructor(readonly encoding: Encoding) {}

  /**
   * Checks bytes[from … to), which end at a line break or the file's end; `lineOf(at)` is the
   * file's line of bytes[at]. Throws a content error ("invalidUtf8", "utf8InWindows1251") on the
   * first line that contradicts the encoding.
   */
  check(bytes: Buffer, from: number, to: number, lineOf: (at: number) => number): void {
    if (from >= to) return;
    if (this.encoding === "utf-8") {
      if (isUtf8(bytes.subarray(from, to))) return;
      throw contentError("invalidUtf8", lineOf(firstLineNotUtf8(bytes, from, to)));
    }
    let first = -1;
    for (const pair of CYRILLIC_UTF8_PAIRS) {
      for (let i = bytes.indexOf(pair, from); i >= 0 && i + 1 < to && (first < 0 || i < first); i = bytes.indexOf(pair, i + 2)) {
        const start = Math.max(from, bytes.lastIndexOf(LF, i) + 1);
        const lineBreak = bytes.indexOf(LF, i);
        const end = lineBreak < 0 || lineBreak >= to ? to : lineBreak;
        if (isUtf8(bytes.subarray(start, end))) {
          first = start;
          break;
        }
      }
    }
    if (first >= 0) throw contentError("utf8InWindows1251", lineOf(first));
  }
}

/** The file's line of bytes[at], when bytes[0] is on line `firstLine`. */
export function lineAt(bytes: Buffer, at: number, firstLine: number): number {
  let line = firstLine;
  for (let i = bytes.indexOf(LF); i >= 0 && i < at; i = bytes.indexOf(LF, i + 1)) line++;
  return line;
}
