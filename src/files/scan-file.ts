// Streams a file of any size through the CSV scanner: big chunks into one buffer, so memory holds
// one chunk whatever the file's size (a UTF-16 file, which is read whole, aside). Each chunk is
// held to the file's encoding before its records are read. The caller sees the first chunk before any record (to sniff
// the encoding and delimiter, find the header …) and then gets every record in file order.

import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { CsvScanner, type RecordHandler, type SimpleRecordReader } from "./csv-scanner";
import { afterLastLineBreak, byteOrderMark, EncodingWatch, encodingAt, firstNonAscii, lineAt, utf16AsUtf8 } from "./encoding";
import { FileError, onFile, withPath } from "./file-error";
import { sameVersion, versionOf, type FileVersion } from "./file-version";
import type { Encoding, FileEncoding } from "./sniff";

/**
 * Bytes read at a time. With two threads each chunk becomes a batch handed over, and the last one is
 * counted after the reading ends: chunks of 1 MB rather than 4 cut that wait, which made the bench's
 * UTF-8 file 6 % faster (paired runs); 512 KB gained nothing more.
 */
export const CHUNK_BYTES = 1024 * 1024;

/** The longest record read: a quote that opens and runs this far is taken for one that never closes. */
export const MAX_RECORD_BYTES = 64 * 1024 * 1024;

/** The file's first chunk, for the caller to decide how to read the records. */
export interface FirstChunk {
  /** Its bytes, without a byte order mark. */
  bytes: Buffer;
  /** The whole file is in `bytes`. */
  ended: boolean;
  /**
   * The encoding of the bytes the records are in: the one asked for, else the byte order mark's,
   * else that of the file's first non-ASCII bytes, however far in (see encoding.ts); UTF-8 for a
   * file all ASCII. Every byte is held to it as it is read.
   */
  encoding: Encoding;
  /** The file's own encoding: `encoding`, or the UTF-16 that the bytes were turned from. */
  fileEncoding: FileEncoding;
  /**
   * The bytes are not the file's own but its text as UTF-8 (a UTF-16 file, read whole): a place
   * in them is no place in the file.
   */
  transcoded: boolean;
}
/** How the caller takes the records. */
export interface RecordReading {
  delimiter: number;
  onRecord: RecordHandler;
  /** See SimpleRecordReader. */
  readSimple?: SimpleRecordReader;
  /** How many fields the record `readSimple` just read had. */
  simpleFields?: () => number;
  /** The records that follow are in a chunk whose byte 0 is at this place in the file (a BOM counted). */
  onChunk?: (fileOffset: number) => void;
  /**
   * Called after each chunk's records, before its bytes are overwritten by the next one. Reading
   * waits for what it returns (another thread making room for more orders, say).
   */
  afterChunk?: (bytesRead: number, totalBytes: number) => void | Promise<void>;
}

/**
 * Reads the file at `path` from start to end; returns the version of it that was read, undefined
 * for a pipe or a device. A file that changes while it is read is refused (FileError
 * "fileChanged"); one that cannot be opened or read, too ("cannotRead"); one whose bytes are not
 * in its encoding, or whose quotes do not close, with the line (see FileProblem). `encoding`, when
 * given, is the one the file is read in (a UTF-16 byte order mark still decides).
 */
export async function scanFile(
  path: string,
  start: (first: FirstChunk) => RecordReading,
  chunkBytes = CHUNK_BYTES,
  encoding?: Encoding,
): Promise<FileVersion | undefined> {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    throw new FileError("cannotRead", path, (error as Error).message);
  }
  try {
    return await scanOpenFile(path, fd, start, chunkBytes, encoding);
  } catch (error) {
    throw withPath(error, path);
  } finally {
    closeSync(fd);
  }
}

/** Reads into buffer[from …] until it is full or the input ends; returns the bytes read. */
function fill(path: string, fd: number, buffer: Buffer, from: number): number {
  return onFile(path, () => {
    let at = from;
    while (at < buffer.length) {
      const read = readSync(fd, buffer, at, buffer.length - at, null);
      if (read === 0) break;
      at += read;
    }
    return at - from;
  });
}

/** Bytes read at a time when the first chunk's bytes cannot decide the encoding. */
const READ_AHEAD_BYTES = 64 * 1024;

/**
 * The encoding of a file whose first `filled` bytes (after a UTF-8 byte order mark of `skip` bytes)
 * are in `buffer`: that of its first non-ASCII bytes, looked for further in the file (read at
 * places, not moving on) when these are all ASCII, or are one character cut in two by the chunk's
 * end. A pipe cannot be read twice: all ASCII so far, or a cut character, makes it UTF-8, and a
 * Windows-1251 byte later fails naming its line.
 */
function firstBytesEncoding(
  path: string,
  fd: number,
  buffer: Buffer,
  filled: number,
  ended: boolean,
  skip: number,
  seekable: boolean,
): Encoding {
  let [bytes, length, final, position] = [buffer, filled, ended, skip];
  for (;;) {
    const cut = final ? length : afterLastLineBreak(bytes, 0, length) || length;
    const at = firstNonAscii(bytes, 0, cut);
    // Reading ahead starts at the run: one that fills all of it again is decided by what was read.
    const found = at < 0 ? undefined : encodingAt(bytes, at, cut, final, at === 0 && bytes !== buffer);
    if (found !== undefined) return found;
    if (final || !seekable) return "utf-8";
    // On from the cut character (read again, whole), or from the end of the ASCII lines.
    position += at < 0 ? cut : at;
    if (bytes === buffer) bytes = Buffer.allocUnsafe(Math.max(buffer.length, READ_AHEAD_BYTES));
    const ahead = bytes;
    const from = position;
    length = onFile(path, () => readSync(fd, ahead, 0, ahead.length, from));
    final = length < ahead.length;
  }
}

/** The rest of the file after buffer[0 … filled), all of it. */
function readRest(path: string, fd: number, buffer: Buffer, filled: number): Buffer {
  const parts = [buffer.subarray(0, filled)];
  for (;;) {
    const part = Buffer.allocUnsafe(buffer.length);
    const read = fill(path, fd, part, 0);
    parts.push(part.subarray(0, read));
    if (read < part.length) return Buffer.concat(parts);
  }
}

async function scanOpenFile(
  path: string,
  fd: number,
  start: (first: FirstChunk) => RecordReading,
  chunkBytes: number,
  asked: Encoding | undefined,
): Promise<FileVersion | undefined> {
  // A pipe says size 0: the input ends when a read returns nothing, whatever fstat said. A file
  // that changes while it is read (grows, say) is read to its end too, and then refused below.
  const stat = onFile(path, () => fstatSync(fd));
  const version = stat.isFile() ? versionOf(stat) : undefined;
  const totalBytes = version?.size ?? 0;
  let buffer: Buffer = Buffer.allocUnsafe(chunkBytes);
  let filled = fill(path, fd, buffer, 0);
  let ended = filled < buffer.length;
  let bytesRead = filled;
  const mark = byteOrderMark(buffer.subarray(0, filled));
  let bomBytes = 0;
  let encoding: Encoding;
  let fileEncoding: FileEncoding;
  let watch: EncodingWatch | undefined;
  if (mark !== undefined && mark.encoding !== "utf-8") {
    // Excel's "Unicode text": UTF-16, small as a rule. Read whole and turned into UTF-8 up front,
    // so that the scanner and the fast path see the bytes they always do.
    const whole = ended ? buffer.subarray(0, filled) : readRest(path, fd, buffer, filled);
    bytesRead = whole.length;
    buffer = utf16AsUtf8(whole.subarray(mark.length), mark.encoding);
    filled = buffer.length;
    ended = true;
    encoding = "utf-8";
    fileEncoding = mark.encoding;
  } else {
    bomBytes = mark?.length ?? 0;
    if (bomBytes > 0) {
      buffer.copy(buffer, 0, bomBytes, filled);
      filled -= bomBytes;
    }
    encoding = asked ?? (bomBytes > 0 ? "utf-8" : firstBytesEncoding(path, fd, buffer, filled, ended, bomBytes, stat.isFile()));
    fileEncoding = encoding;
    watch = new EncodingWatch(encoding);
  }
  let scanner: CsvScanner | undefined;
  /** buffer[0 … checked) have been held to the encoding. */
  let checked = 0;
  const check = (): void => {
    const to = ended ? filled : afterLastLineBreak(buffer, checked, filled);
    const firstLine = scanner?.line ?? 1;
    watch?.check(buffer, checked, to, (at) => lineAt(buffer, at, firstLine));
    checked = Math.max(checked, to);
  };
  check();
  const transcoded = watch === undefined;
  const reading = start({ bytes: buffer.subarray(0, filled), ended, encoding, fileEncoding, transcoded });
  scanner = new CsvScanner(reading.delimiter, reading.onRecord, reading.readSimple, reading.simpleFields);
  let bufferAt = 0; // where buffer[0] is in the file, after the BOM
  for (;;) {
    reading.onChunk?.(bomBytes + bufferAt);
    const consumed = scanner.scan(buffer.subarray(0, filled), ended);
    await reading.afterChunk?.(bytesRead, totalBytes);
    // A handler that has what it wanted (the first records, say) needs the rest of the file no more.
    if (ended || scanner.stopped) break;
    bufferAt += consumed;
    const tail = filled - consumed;
    if (consumed === 0 && tail === buffer.length) {
      // One record longer than a chunk: make room for it, up to a point.
      if (buffer.length * 2 > Math.max(MAX_RECORD_BYTES, 2 * chunkBytes)) throw new FileError("recordTooLong", path, "", scanner.line);
      const bigger = Buffer.allocUnsafe(buffer.length * 2);
      buffer.copy(bigger, 0, 0, filled);
      buffer = bigger;
    } else {
      buffer.copy(buffer, 0, consumed, filled);
    }
    checked = Math.max(0, checked - consumed);
    const read = fill(path, fd, buffer, tail);
    filled = tail + read;
    bytesRead += read;
    ended = filled < buffer.length;
    check();
  }
  if (version !== undefined && !sameVersion(version, versionOf(onFile(path, () => fstatSync(fd))))) {
    throw new FileError("fileChanged", path);
  }
  return version;
}
