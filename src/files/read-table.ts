// A small file's rows as text, all at once, read as the command line reads a big one: the same
// sniffer (encoding, delimiter), the same scanner, the same decoding. For the preview's --data file.

import { CsvScanner } from "./csv-scanner";
import { fieldDecoder, recordTexts } from "./fields";
import { detectDelimiter, detectEncoding, hasUtf8Bom } from "./sniff";

/** Every record of the file's bytes, each field as text; a trailing line break makes no empty record. */
export function readTable(bytes: Uint8Array): string[][] {
  const whole = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const body = hasUtf8Bom(whole) ? whole.subarray(3) : whole;
  const decode = fieldDecoder(detectEncoding(body));
  const rows: string[][] = [];
  new CsvScanner(detectDelimiter(body), (record) => void rows.push(recordTexts(record, decode))).scan(body, true);
  return rows;
}
