// From a field's bytes to its text: the one way the command line and the preview decode a cell.

import type { CsvRecord } from "./csv-scanner";
import type { Encoding } from "./sniff";

/** Decodes a byte range of the file; the only way from bytes to text that is not ASCII. */
export type FieldDecoder = (bytes: Buffer, start: number, end: number) => string;

export function fieldDecoder(encoding: Encoding): FieldDecoder {
  if (encoding === "utf-8") return (bytes, start, end) => bytes.toString("utf8", start, end);
  const decoder = new TextDecoder("windows-1251");
  return (bytes, start, end) => decoder.decode(bytes.subarray(start, end));
}

/** The text of a cell: decoded, and the doubled quotes of a quoted field made single. */
export function cellText(bytes: Buffer, start: number, end: number, escaped: boolean, decode: FieldDecoder): string {
  const text = decode(bytes, start, end);
  return escaped ? text.replaceAll('""', '"') : text;
}

/** Every field of a record as text. */
export function recordTexts(record: CsvRecord, decode: FieldDecoder): string[] {
  const row: string[] = [];
  for (let k = 0; k < record.count; k++) {
    row.push(cellText(record.bytes, record.starts[k]!, record.ends[k]!, record.escaped[k] === 1, decode));
  }
  return row;
}
