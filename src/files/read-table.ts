// A small file's rows as text, all at once, read as the command line reads a big one: the same
// sniffer (encoding, delimiter), the same scanner, the same decoding, the same checks. For the
// preview's --data file.

import { CsvScanner } from "./csv-scanner";
import { byteOrderMark, EncodingWatch, lineAt, utf16AsUtf8 } from "./encoding";
import { fieldDecoder, recordTexts } from "./fields";
import { inFile } from "./file-error";
import { detectDelimiter, detectEncoding } from "./sniff";

/**
 * Every record of the file's bytes, each field as text; a trailing line break makes no empty
 * record. Bytes not in the file's encoding, or a quote that swallows lines, throw the FileError
 * the command line gives, naming `path`.
 */
export function readTable(bytes: Uint8Array, path = ""): string[][] {
  return inFile(path, () => rowsOf(bytes));
}

function rowsOf(bytes: Uint8Array): string[][] {
  const whole = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const mark = byteOrderMark(whole);
  const utf16 = mark !== undefined && mark.encoding !== "utf-8";
  const body = utf16 ? utf16AsUtf8(whole.subarray(mark.length), mark.encoding) : whole.subarray(mark?.length ?? 0);
  const encoding = mark !== undefined ? "utf-8" : detectEncoding(body);
  if (!utf16) new EncodingWatch(encoding).check(body, 0, body.length, (at) => lineAt(body, at, 1));
  const decode = fieldDecoder(encoding);
  const rows: string[][] = [];
  new CsvScanner(detectDelimiter(body), (record) => void rows.push(recordTexts(record, decode))).scan(body, true);
  return rows;
}
