// What kind of CSV a file is, from its first bytes: the encoding (UTF-8 with or without a BOM,
// else Windows-1251, which is what Russian Excel and 1C export; see encoding.ts for UTF-16 and for
// files whose first non-ASCII bytes come late) and the delimiter. The one sniffer
// that the command line and the preview both read files with.

import { COMMA, CR, LF, PIPE, QUOTE, SEMICOLON, SPACE, TAB } from "./ascii";
import { encodingAt, firstNonAscii } from "./encoding";

/** The encodings that the scanner reads bytes in. */
export type Encoding = "utf-8" | "windows-1251";
/** The encoding a file is in: one of those, or UTF-16, which is read as UTF-8 (see encoding.ts). */
export type FileEncoding = Encoding | "utf-16le" | "utf-16be";

const ENCODING_NAMES: Record<string, Encoding> = {
  "utf-8": "utf-8",
  utf8: "utf-8",
  "windows-1251": "windows-1251",
  "win-1251": "windows-1251",
  cp1251: "windows-1251",
  "cp-1251": "windows-1251",
  win1251: "windows-1251",
  "1251": "windows-1251",
};

export function parseEncoding(name: string): Encoding | undefined {
  return ENCODING_NAMES[name.trim().toLowerCase()];
}

export function hasUtf8Bom(bytes: Buffer): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/**
 * The encoding of a whole file's bytes (without a byte order mark): that of its first non-ASCII
 * bytes (see encodingAt), UTF-8 when they are valid UTF-8, else Windows-1251; UTF-8 when all is
 * ASCII (they read alike). scanFile decides the same way, reading ahead as far as it must.
 */
export function detectEncoding(bytes: Buffer): Encoding {
  if (hasUtf8Bom(bytes)) return "utf-8";
  const at = firstNonAscii(bytes, 0, bytes.length);
  // The bytes are all there is: their last character is whole, and decides.
  return at < 0 ? "utf-8" : encodingAt(bytes, at, bytes.length)!;
}

const CANDIDATES = [COMMA, SEMICOLON, TAB, PIPE] as const;

/**
 * The candidate (comma, semicolon, tab, pipe) that splits the first lines into the same number of
 * fields most consistently; quotes are respected so that "1,5" inside quotes does not count. The
 * longest run of consecutive lines with one count decides, not the first line's count: 1C and Excel
 * exports start with a title («Продажи за 2024 год», «Организация: ООО Ромашка, Москва») that
 * has no delimiter, or a stray comma. When none splits every line alike but runs of spaces do,
 * SPACE: a space-aligned file (CDNOW's `00001 19970101  1  11.77`), whose runs of spaces are one
 * separator each (see CsvScanner).
 */
export function detectDelimiter(sample: Buffer): number {
  const lines = sampleLines(sample, 20);
  let best: number = CANDIDATES[0];
  let bestScore = -1;
  let splitsAlike = false;
  for (const candidate of CANDIDATES) {
    const counts = lines.map((line) => countOutsideQuotes(line, candidate));
    const { count, lines: alike } = longestRunAlike(counts);
    if (count === 0) continue;
    const score = alike * 1000 + count;
    if (score > bestScore) [best, bestScore] = [candidate, score];
    if (alike === counts.length) splitsAlike = true;
  }
  return splitsAlike || !spaceAligned(lines) ? best : SPACE;
}

/** The longest run of consecutive counts that are equal and above 0 (of two, the first): its count and length. */
function longestRunAlike(counts: readonly number[]): { count: number; lines: number } {
  let best = { count: 0, lines: 0 };
  for (let start = 0; start < counts.length; ) {
    let end = start + 1;
    while (end < counts.length && counts[end] === counts[start]) end++;
    if (counts[start]! > 0 && end - start > best.lines) best = { count: counts[start]!, lines: end - start };
    start = end;
  }
  return best;
}

/** Every line splits into the same number, two or more, of fields at runs of spaces. */
function spaceAligned(lines: readonly Buffer[]): boolean {
  const counts = lines.map(spacedFields);
  return counts.length > 0 && counts[0]! >= 2 && counts.every((count) => count === counts[0]);
}

/** The fields of a line split at runs of spaces, leading and trailing spaces (and a CR) aside. */
function spacedFields(line: Buffer): number {
  let fields = 0;
  let inField = false;
  for (const c of line) {
    const gap = c === SPACE || c === CR;
    if (!gap && !inField) fields++;
    inField = !gap;
  }
  return fields;
}

function sampleLines(sample: Buffer, limit: number): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  let inQuotes = false;
  for (let i = 0; i < sample.length && lines.length < limit; i++) {
    const c = sample[i];
    if (c === QUOTE) inQuotes = !inQuotes;
    else if (c === LF && !inQuotes) {
      lines.push(sample.subarray(start, i));
      start = i + 1;
    }
  }
  if (lines.length === 0) lines.push(sample);
  return lines.filter((line) => line.length > 0 && !(line.length === 1 && line[0] === CR));
}

function countOutsideQuotes(line: Buffer, byte: number): number {
  let count = 0;
  let inQuotes = false;
  for (const c of line) {
    if (c === QUOTE) inQuotes = !inQuotes;
    else if (c === byte && !inQuotes) count++;
  }
  return count;
}

// A space is taken as typed (`--delimiter " "`), not trimmed away.
const DELIMITER_NAMES: Record<string, number> = {
  ",": COMMA,
  comma: COMMA,
  ";": SEMICOLON,
  semicolon: SEMICOLON,
  "\\t": TAB,
  "\t": TAB,
  tab: TAB,
  "|": PIPE,
  pipe: PIPE,
  " ": SPACE,
  space: SPACE,
};

export function delimiterFromFlag(text: string): number | undefined {
  return DELIMITER_NAMES[text.toLowerCase()];
}
