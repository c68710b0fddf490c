// A byte-level CSV scanner (RFC 4180: quoted fields, doubled quotes, delimiters and line breaks
// inside quotes, with the lenient rules spreadsheets use: text after a closing quote belongs to
// the field). A quote never swallows lines silently: one that never closes, or whose field spans
// line breaks into a row of another width than the rows before, stops the reading naming the line
// where it opened. It never builds a string per field: it reports where each field's bytes are,
// and the caller decides which fields are worth turning into text. This is what lets a million
// rows go through in well under a second.
//
// A space as the delimiter reads a space-aligned file (`00001 19970101  1  11.77`): a run of spaces
// is one separator, and spaces at a line's start or end separate nothing. Quotes mean nothing
// there; such files are written by programs that pad columns, not by spreadsheets.

import { CR, LF, QUOTE, SPACE } from "./ascii";
import { contentError } from "./file-error";

// How a field's bytes become its text (CsvRecord.escaped).
/** As they are. */
export const PLAIN_FIELD = 0;
/** A quoted field with doubled quotes, which become one. */
export const DOUBLED_QUOTES = 1;
/**
 * A quoted field with text after its closing quote (`"Romashka" LLC`): its bytes run from after the
 * opening quote to the delimiter, and its text is the quoted part, unescaped, then the rest.
 */
export const TEXT_AFTER_QUOTE = 2;

/** One record, valid only during the callback: the scanner reuses it for the next one. */
export interface CsvRecord {
  bytes: Buffer;
  /** Field k spans bytes starts[k] … ends[k]-1 (without its quotes). */
  starts: Int32Array;
  ends: Int32Array;
  /** How each field's bytes become text: PLAIN_FIELD, DOUBLED_QUOTES or TEXT_AFTER_QUOTE. */
  escaped: Uint8Array;
  /** Some field is TEXT_AFTER_QUOTE: only cellText reads its bytes right. */
  textAfterQuote: boolean;
  count: number;
  /** File line on which the record starts (1 = the first line). */
  line: number;
  /** Where the record starts in `bytes`. */
  start: number;
}

/** Return false to stop scanning. */
// biome-ignore lint/suspicious/noConfusingVoidType: a handler that never stops the scan returns nothing.
export type RecordHandler = (record: CsvRecord) => boolean | void;

/**
 * Takes the record at bytes[pos] whole, when it is a simple one (one line, no quotes) that it can
 * read faster than the scanner, and returns where the next record starts; or returns -1 and the
 * scanner reads the record itself. `line` is the file line the record is on (as CsvRecord.line).
 */
export type SimpleRecordReader = (bytes: Buffer, pos: number, end: number, line: number) => number;

export class CsvScanner {
  /** Line number of the next record. */
  line = 1;
  private readonly record: CsvRecord = {
    bytes: Buffer.alloc(0),
    starts: new Int32Array(64),
    ends: new Int32Array(64),
    escaped: new Uint8Array(64),
    textAfterQuote: false,
    count: 0,
    line: 1,
    start: 0,
  };
  private halted = false;

  /** A record handler said to stop: the scanner reads nothing more. */
  get stopped(): boolean {
    return this.halted;
  }
  /** Space-aligned records (see the top of this file). */
  private readonly spaced: boolean;
  /** The number of fields of the last one-line record with more than one: what a row spanning lines must have too. */
  private width = 0;

  constructor(
    private readonly delimiter: number,
    private readonly onRecord: RecordHandler,
    /** Not used for space-aligned records, whose fields it would split at each space. */
    private readonly readSimple?: SimpleRecordReader,
    /** How many fields the record `readSimple` just read had: rows it reads set the width too. */
    private readonly simpleFields?: () => number,
  ) {
    this.spaced = delimiter === SPACE;
    if (this.spaced) this.readSimple = undefined;
  }

  /**
   * Scans the complete records in `bytes` and returns the offset where the first unfinished one
   * starts (bytes.length when none is left). With `final`, the end of `bytes` ends the last record.
   */
  scan(bytes: Buffer, final: boolean): number {
    const record = this.record;
    record.bytes = bytes;
    const n = bytes.length;
    let pos = 0;
    const readSimple = this.readSimple;
    while (pos < n && !this.halted) {
      if (readSimple !== undefined) {
        const next = readSimple(bytes, pos, n, this.line);
        if (next >= 0) {
          this.line++;
          pos = next;
          const fields = this.simpleFields?.() ?? 0;
          if (fields > 1) this.width = fields;
          continue;
        }
      }
      record.start = pos;
      const end = this.spaced ? this.scanSpacedRecord(bytes, pos, final) : this.scanRecord(bytes, pos, final);
      if (end < 0) break;
      pos = end;
    }
    return pos;
  }

  /** Scans one record from `pos`; returns where the next one starts, or -1 when it is unfinished. */
  private scanRecord(bytes: Buffer, pos: number, final: boolean): number {
    const record = this.record;
    const delimiter = this.delimiter;
    const n = bytes.length;
    let count = 0;
    let lineBreaks = 0;
    /** The line where the first quoted field that spans lines opened; 0 when none. */
    let quoteLine = 0;
    let textAfterQuote = false;
    let i = pos;
    for (;;) {
      if (count === record.starts.length) this.grow();
      let j: number;
      if (i < n && bytes[i] === QUOTE) {
        const opened = this.line + lineBreaks;
        let escaped = PLAIN_FIELD;
        j = i + 1;
        for (;;) {
          if (j >= n) {
            if (final) throw contentError("unclosedQuote", opened);
            return -1;
          }
          const c = bytes[j]!;
          if (c === QUOTE) {
            if (j + 1 >= n && !final) return -1;
            if (bytes[j + 1] !== QUOTE) break;
            escaped = DOUBLED_QUOTES;
            j += 2;
            continue;
          }
          if (c === LF) lineBreaks++;
          j++;
        }
        if (quoteLine === 0 && this.line + lineBreaks > opened) quoteLine = opened;
        record.starts[count] = i + 1;
        record.ends[count] = j;
        // Text between the closing quote and the next delimiter belongs to the field, as in spreadsheets.
        j++;
        while (j < n && !endsUnquotedField(bytes[j]!, delimiter)) j++;
        if (j > record.ends[count]! + 1) {
          record.ends[count] = j;
          escaped = TEXT_AFTER_QUOTE;
          textAfterQuote = true;
        }
        record.escaped[count] = escaped;
        count++;
      } else {
        j = i;
        while (j < n && !endsUnquotedField(bytes[j]!, delimiter)) j++;
        record.starts[count] = i;
        record.ends[count] = j;
        record.escaped[count] = PLAIN_FIELD;
        count++;
      }
      if (j >= n) {
        if (!final) return -1;
        return this.emit(count, lineBreaks, quoteLine, textAfterQuote, n);
      }
      const c = bytes[j]!;
      if (c === delimiter) {
        i = j + 1;
        continue;
      }
      if (c === CR) {
        if (j + 1 >= n && !final) return -1;
        return this.emit(count, lineBreaks, quoteLine, textAfterQuote, bytes[j + 1] === LF ? j + 2 : j + 1);
      }
      return this.emit(count, lineBreaks, quoteLine, textAfterQuote, j + 1);
    }
  }

  /** Scans one space-aligned record from `pos`, as scanRecord does a CSV one. */
  private scanSpacedRecord(bytes: Buffer, pos: number, final: boolean): number {
    const record = this.record;
    const n = bytes.length;
    let count = 0;
    let i = afterSpaces(bytes, pos, n);
    while (i < n && bytes[i] !== LF && bytes[i] !== CR) {
      if (count === record.starts.length) this.grow();
      record.starts[count] = i;
      i = unquotedFieldEnd(bytes, i, n, SPACE);
      if (i < 0) i = n;
      record.ends[count] = i;
      record.escaped[count] = PLAIN_FIELD;
      count++;
      i = afterSpaces(bytes, i, n);
    }
    if (count === 0) {
      // A blank line is one empty field, as in a CSV file.
      record.starts[0] = record.ends[0] = i;
      record.escaped[0] = PLAIN_FIELD;
      count = 1;
    }
    if (i >= n) return final ? this.emit(count, 0, 0, false, n) : -1;
    if (bytes[i] === CR) {
      if (i + 1 >= n && !final) return -1;
      return this.emit(count, 0, 0, false, bytes[i + 1] === LF ? i + 2 : i + 1);
    }
    return this.emit(count, 0, 0, false, i + 1);
  }

  private emit(count: number, lineBreaks: number, quoteLine: number, textAfterQuote: boolean, next: number): number {
    // A quoted field spanning lines into a row of another width is a stray quote that swallowed lines.
    if (quoteLine > 0 && this.width > 0 && count !== this.width) throw contentError("quotedRowWidth", quoteLine);
    if (lineBreaks === 0 && count > 1) this.width = count;
    const record = this.record;
    record.count = count;
    record.line = this.line;
    record.textAfterQuote = textAfterQuote;
    this.line += 1 + lineBreaks;
    if (this.onRecord(record) === false) this.halted = true;
    return next;
  }

  private grow(): void {
    const record = this.record;
    const size = record.starts.length * 2;
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    const escaped = new Uint8Array(size);
    starts.set(record.starts);
    ends.set(record.ends);
    escaped.set(record.escaped);
    Object.assign(record, { starts, ends, escaped });
  }
}

// Simple records: one line, no quotes. Readers that take them faster than the scanner (see
// SimpleRecordReader) find their ends with these, so that the rules stay next to the scanner's.

/**
 * Where the next record starts after the line break at bytes[at] (LF or CR LF); -1 for a lone CR,
 * or a CR at the end of what was read, which the scanner reads itself.
 */
export function afterLineBreak(bytes: Uint8Array, at: number, limit: number): number {
  if (bytes[at] === LF) return at + 1;
  return at + 1 < limit && bytes[at + 1] === LF ? at + 2 : -1;
}

/** Whether byte `c` ends an unquoted field: a delimiter or a line break. */
export function endsUnquotedField(c: number, delimiter: number): boolean {
  return c === delimiter || c === LF || c === CR;
}

/** Where the spaces from bytes[at] end. */
function afterSpaces(bytes: Uint8Array, at: number, limit: number): number {
  while (at < limit && bytes[at] === SPACE) at++;
  return at;
}

/** Where the unquoted field at bytes[start] ends, or -1 if not before `limit`. */
export function unquotedFieldEnd(bytes: Uint8Array, start: number, limit: number, delimiter: number): number {
  for (let i = start; i < limit; i++) if (endsUnquotedField(bytes[i]!, delimiter)) return i;
  return -1;
}
