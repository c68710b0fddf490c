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
 * (up to the next ASCII byte, or `to`) is valid UTF-8, else Windows-1251. Unless `final`, the
 * input goes on after `to`, and so may a run that reaches it: only bytes that are already no UTF-8
 * decide it then (a character cut in two at `to` left aside), and undefined says that more bytes
 * must, since a later byte of the run may be no UTF-8 either. With `mustDecide` (no more bytes
 * can be had in one read), the run's bytes so far decide.
 */
export function encodingAt(bytes: Buffer, at: number, to: number, final = true, mustDecide = false): Encoding | undefined {
  let end = at;
  while (end < to && bytes[end]! >= 0x80) end++;
  if (end === to && !final) {
    const whole = end - cutCharacterBytes(bytes, at, end);
    if (!isUtf8(bytes.subarray(at, whole))) return "windows-1251";
    return mustDecide ? "utf-8" : undefined;
  }
  return isUtf8(bytes.subarray(at, end)) ? "utf-8" : "windows-1251";
}

/** How many bytes at the end of bytes[from … end) start a UTF-8 character longer than they are (0 to 3). */
function cutCharacterBytes(bytes: Buffer, from: number, end: number): number {
  for (let back = 1; back <= 3 && end - back >= from; back++) {
    const byte = bytes[end - back]!;
    if (byte < 0x80) return 0;
    // F5 … FF start no character: the run is no UTF-8 whatever follows, so nothing is cut.
    if (byte >= 0xc0) return byte < 0xf5 && utf8Length(byte) > back ? back : 0;
  }
  return 0;
}

/** The bytes of the UTF-8 character that `lead` starts. */
const utf8Length = (lead: number): number => (lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2);

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

// A UTF-8 line in a Windows-1251 file is found by two Cyrillic letters in a row as UTF-8 (U+0400 …
// U+045F: D0 then 80…BF, or D1 then 80…9F), on a line that is valid UTF-8 throughout. Real
// Windows-1251 text can hold these bytes too: D0 and D1 are the capitals Р and С, and 80…BF are
// signs and rare letters (Ё A8, ё B8, « AB, » BB, № B9, a no-break space A0 …). But С then
// ё, Ё, « or » (as in «Сёмин», «ООО «ВЕС»») is no Cyrillic in UTF-8, since D1 goes on with 80…9F
// only; and a line with a Russian word of two letters or more is never valid UTF-8 read as
// Windows-1251, because its letters (C0…FF) would each have to be followed by a 80…BF byte.
// So a Windows-1251 line is taken for UTF-8 only when every one of its non-ASCII bytes is such a
// pair and two pairs stand together (`Р«Р»`), which no real file we know of holds. What goes
// unseen is a UTF-8 line whose Cyrillic words are all one letter long. The cost is one look at
// each D0 and D1 byte (the capitals Р and С): a few milliseconds for 40 MB.
const CYRILLIC_UTF8_LEADS = [0xd0, 0xd1] as const;

/** Whether bytes[at], bytes[at + 1] are a Cyrillic letter (U+0400 … U+045F) in UTF-8. */
function cyrillicUtf8At(bytes: Buffer, at: number): boolean {
  const next = bytes[at + 1]!;
  return next >= 0x80 && next <= (bytes[at] === 0xd0 ? 0xbf : 0x9f);
}

/** The start of the first line in bytes[from … to) that two Cyrillic letters in UTF-8 show to be UTF-8, or -1. */
function firstUtf8CyrillicLine(bytes: Buffer, from: number, to: number): number {
  let first = -1;
  for (const lead of CYRILLIC_UTF8_LEADS) {
    for (let i = bytes.indexOf(lead, from); i >= 0 && i + 3 < to && (first < 0 || i < first); i = bytes.indexOf(lead, i + 1)) {
      const nextLead = bytes[i + 2];
      if (!cyrillicUtf8At(bytes, i) || (nextLead !== 0xd0 && nextLead !== 0xd1) || !cyrillicUtf8At(bytes, i + 2)) continue;
      const start = Math.max(from, bytes.lastIndexOf(LF, i) + 1);
      const lineBreak = bytes.indexOf(LF, i);
      const end = lineBreak < 0 || lineBreak >= to ? to : lineBreak;
      if (isUtf8(bytes.subarray(start, end))) {
        first = start;
        break;
      }
      i = end; // the rest of this line is no UTF-8 line either
    }
  }
  return first;
}

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
    const first = firstUtf8CyrillicLine(bytes, from, to);
    if (first >= 0) throw contentError("utf8InWindows1251", lineOf(first));
  }
}

/** The file's line of bytes[at], when bytes[0] is on line `firstLine`. */
export function lineAt(bytes: Buffer, at: number, firstLine: number): number {
  let line = firstLine;
  for (let i = bytes.indexOf(LF); i >= 0 && i < at; i = bytes.indexOf(LF, i + 1)) line++;
  return line;
}
