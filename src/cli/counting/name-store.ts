// Customers' names, a number each, kept as cheaply as they can be: as UTF-8 bytes in one growing
// array, or, for names read by the other thread, only as the place of their cell in the file. The
// ledger keeps the number and asks for the text only of the names it shows (see
// IndexedLedger), so a million rows over 200,000 customers make a few dozen strings
// instead of 200,000, and the reading thread need not copy every row's name for the counting one.
// The health check's contacts are kept the same way, one per customer: each `add…` can also put a
// value under a number already used (a customer's newer contact), instead of a new number.

import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { QUOTE } from "../../files/ascii";
import { FileError } from "../../files/file-error";
import { sameVersion, versionOf, type FileVersion } from "../../files/file-version";
import { grown } from "./typed-arrays";

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

// How a name is kept.
const UTF8_HERE = 0;
const CELL_IN_FILE = 1;
// Flags of a cell in the file.
const QUOTED = 2; // doubled quotes inside
const CP1251 = 4;

export class NameStore {
  private bytes = new Uint8Array(1 << 16);
  private used = 0;
  /** Name n: where its bytes start (here, or in the file), how many there are, and how they are kept. */
  private starts: Float64Array<ArrayBuffer>;
  private lengths: Int32Array<ArrayBuffer>;
  private kinds: Uint8Array<ArrayBuffer>;
  private count = 0;
  private readonly encoder = new TextEncoder();
  private readonly decoder = new TextDecoder();
  /** The version of the file that `addFilePlace` places are in. */
  private version: FileVersion | undefined;
  /** The file, open while names are read back from it (see `close`). */
  private descriptor: number | undefined;
  private cp1251Decoder: TextDecoder | undefined;

  /**
   * `file` is the path that `addFilePlace` places are in; a store without one keeps bytes only.
   * `capacity` names get room up front, as in the customer index.
   */
  constructor(
    private readonly file?: string,
    capacity = 0,
  ) {
    const names = Math.max(1 << 12, capacity);
    this.starts = new Float64Array(names);
    this.lengths = new Int32Array(names);
    this.kinds = new Uint8Array(names);
  }

  /**
   * Stores a cell's bytes; a quoted cell's doubled quotes become one. Returns the name's number:
   * `name`, which replaces what was kept under it, or a new one.
   */
  addCell(cell: Uint8Array, start: number, end: number, escaped: boolean, cp1251: boolean, name = this.count): number {
    this.reserve(3 * (end - start), name);
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
    return this.addBytesUpTo(at, name);
  }

  addText(text: string, name = this.count): number {
    this.reserve(3 * text.length, name);
    return this.addBytesUpTo(this.used + this.encoder.encodeInto(text, this.bytes.subarray(this.used)).written, name);
  }

  /** A name left in the file: the cell of `length` bytes at `position`, read when its text is asked for. */
  addFilePlace(position: number, length: number, escaped: boolean, cp1251: boolean, name = this.count): number {
    if (this.file === undefined) throw new Error("a name left in a file needs the file's path");
    this.reserveName(name);
    return this.add(position, length, CELL_IN_FILE | (escaped ? QUOTED : 0) | (cp1251 ? CP1251 : 0), name);
  }

  /** The places are in this version of the file (undefined: none that can be read again); a name is read back from no other. */
  placesIn(version: FileVersion | undefined): void {
    this.version = version;
  }

  text(name: number): string {
    const start = this.starts[name]!;
    const length = this.lengths[name]!;
    const kind = this.kinds[name]!;
    if (kind === UTF8_HERE) return this.decoder.decode(this.bytes.subarray(start, start + length));
    const decoder = kind & CP1251 ? (this.cp1251Decoder ??= new TextDecoder("windows-1251")) : this.decoder;
    const text = decoder.decode(this.readFile(start, length));
    return kind & QUOTED ? text.replaceAll('""', '"') : text;
  }

  /**
   * A name's bytes from the file, which is read again only for the names a report shows: from the
   * version whose places these are, or not at all. The file stays open from one name to the next
   * (a call list of every lapsed customer reads tens of thousands), and its version is checked at
   * each: one that changes in place is refused; one replaced since it was opened is not the one
   * open, which is still the version read.
   */
  private readFile(position: number, length: number): Uint8Array {
    const path = this.file!;
    const bytes = new Uint8Array(length);
    try {
      this.descriptor ??= openSync(path, "r");
      const fd = this.descriptor;
      if (this.version === undefined || !sameVersion(this.version, versionOf(fstatSync(fd)))) {
        throw new FileError("fileChangedAfterRead", path);
      }
      for (let at = 0; at < length; ) {
        const read = readSync(fd, bytes, at, length - at, position + at);
        if (read === 0) break;
        at += read;
      }
    } catch (error) {
      this.close();
      if (error instanceof FileError) throw error;
      // Gone since it was read: say so, as for a file that cannot be read at all.
      throw new FileError("cannotRead", path, (error as Error).message);
    }
    return bytes;
  }

  /** Closes the file names were read back from: once the report that shows them is made. */
  close(): void {
    if (this.descriptor === undefined) return;
    closeSync(this.descriptor);
    this.descriptor = undefined;
  }

  /** Room for name number `name` and for `bytes` more bytes here. */
  private reserve(bytes: number, name: number): void {
    if (this.used + bytes > this.bytes.length) this.bytes = grown(this.bytes, this.used + bytes);
    this.reserveName(name);
  }

  private reserveName(name: number): void {
    if (name >= this.kinds.length) {
      this.starts = grown(this.starts, name + 1);
      this.lengths = grown(this.lengths, name + 1);
      this.kinds = grown(this.kinds, name + 1);
    }
  }

  /**
   * Keeps the bytes from `used` to `end` as name `name`. A name kept again (a customer's newer
   * contact, most often as long as the one before) goes where its old bytes were if they fit, so
   * that the bytes grow with the names, not with the times they change.
   */
  private addBytesUpTo(end: number, name: number): number {
    const length = end - this.used;
    if (name < this.count && this.kinds[name] === UTF8_HERE && length <= this.lengths[name]!) {
      const start = this.starts[name]!;
      this.bytes.copyWithin(start, this.used, end);
      return this.add(start, length, UTF8_HERE, name);
    }
    this.add(this.used, length, UTF8_HERE, name);
    this.used = end;
    return name;
  }

  private add(start: number, length: number, kind: number, name: number): number {
    this.starts[name] = start;
    this.lengths[name] = length;
    this.kinds[name] = kind;
    if (name >= this.count) this.count = name + 1;
    return name;
  }
}
