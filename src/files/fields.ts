// From a field's bytes to its text: the one way the command line and the preview decode a cell.

import { type CsvRecord, DOUBLED_QUOTES, TEXT_AFTER_QUOTE } from "./csv-scanner";
import type { Encoding } from "./sniff";

/** Decodes a byte range of the file; the only way from bytes to text that is not ASCII. */
export type FieldDecoder = (bytes: Buffer, start: number, end: number) => string;

export function fieldDecoder(encoding: Encoding): FieldDecoder {
  if (encoding === "utf-8") return (bytes, start, end) => bytes.toString("utf8", start, end);
  const decoder = new TextDecoder("windows-1251");
  return (bytes, start, end) => decoder.decode(bytes.subarray(start, end));
}

/**
 * The text of a cell: decoded, and its quoting undone (`escaped` as in CsvRecord: the doubled
 * quotes of a quoted field made single; for text after the closing quote, the quote dropped).
 */
export function cellText(bytes: Buffer, start: number, end: number, escaped: number, decode: FieldDecoder): string {
  const text = decode(bytes, start, end);
  if (escaped === DOUBLED_QUOTES) return text.replaceAll('""', '"');
  return escaped === TEXT_AFTER_QUOTE ? quotedThenRest(text) : text;
}

/** `Romashka" LLC` (the bytes after an opening quote, up to the delimiter) → `Romashka LLC`. */
function quotedThenRest(text: string): string {
  let quoted = "";
  for (let from = 0; ; ) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return quoted + text.slice(from);
    if (text.charCodeAt(quote + 1) !== 0x22) return quoted + text.slice(from, quote) + text.slice(quote + 1);
    quoted += text.slice(from, quote + 1);
    from = quote + 2;
  }
}

/** Every field of a record as text. */
export function recordTexts(record: CsvRecord, decode: FieldDecoder): string[] {
  const row: string[] = [];
  for (let k = 0; k < record.count; k++) {
    row.push(cellText(record.bytes, record.starts[k]!, record.ends[k]!, record.escaped[k]!, decode));
  }
  return row;
}
