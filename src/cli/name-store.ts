// Customers' names as UTF-8 bytes in one growing array, a number each. The ledger keeps the number
// and asks for the text only of the names it shows (see LedgerOptions.nameCell), so a million
// rows over 200,000 customers make a few dozen strings instead of 200,000.

import { grown } from "./typed-arrays";
import { QUOTE } from "./ascii";

/** UTF-8 of each Windows-1251 byte from 0x80 up: up to 3 bytes at [4·b], their count at [4·b + 3]. */
const CP1251_AS_UTF8 = (() => {
  const table = new Uint8Array(4 * 256);
  const decoder = new TextDecoder("windows-1251");
  const encoder = new TextEncoder();
  for (let byte = 0x80; byte < 256; byte++) {
    const utf8 = encoder.encode(decoder.decode(Uint8Array.of(byte)));
    table.set(utf8, 4 * byte);
    table[4 * byte + 3] = utf8.length;
  }
  return table;
})();

export class NameStore {
  private bytes = new Uint8Array(1 << 16);
  private used = 0;
  /** Name n is bytes[ends[n-1] … ends[n]-1]. */
  private ends = new Int32Array(1 << 12);
  private count = 0;
  private readonly encoder = new TextEncoder();
  private readonly decoder = new TextDecoder();

  /** Stores a cell's bytes; a quoted cell's doubled quotes become one. Returns the name's number. */
  addCell(cell: Uint8Array, start: number, end: number, escaped: boolean, cp1251: boolean): number {
    this.reserve(3 * (end - start));
    const out = this.bytes;
    let at = this.used;
    for (let i = start; i < end; i++) {
      const c = cell[i]!;
      if (c < 0x80 || !cp1251) {
        out[at++] = c;
        if (c === QUOTE && escaped) i++;
      } else {
        const length = CP1251_AS_UTF8[4 * c + 3]!;
        for (let k = 0; k < length; k++) out[at++] = CP1251_AS_UTF8[4 * c + k]!;
      }
    }
    return this.finish(at);
  }

  addText(text: string): number {
    this.reserve(3 * text.length);
    return this.finish(this.used + this.encoder.encodeInto(text, this.bytes.subarray(this.used)).written);
  }

  text(name: number): string {
    const start = name === 0 ? 0 : this.ends[name - 1]!;
    return this.decoder.decode(this.bytes.subarray(start, this.ends[name]!));
  }

  /** For LedgerOptions.nameCell. */
  readonly cellOf = (name: unknown): string => this.text(name as number);

  private reserve(bytes: number): void {
    if (this.used + bytes > this.bytes.length) this.bytes = grown(this.bytes, this.used + bytes);
    if (this.count === this.ends.length) this.ends = grown(this.ends, this.count + 1);
  }

  private finish(end: number): number {
    this.used = end;
    this.ends[this.count] = end;
    return this.count++;
  }
}
