// Streams a file of any size through the CSV scanner: big chunks into one buffer, so memory holds
// one chunk whatever the file's size. The caller sees the first chunk before any record (to sniff
// the encoding and delimiter, find the header …) and then gets every record in file order.

import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { CsvScanner, type RecordHandler, type SimpleRecordReader } from "./csv-scanner";
import { FileError, onFile } from "./file-error";
import { sameVersion, versionOf, type FileVersion } from "./file-version";
import { hasUtf8Bom } from "./sniff";

export const CHUNK_BYTES = 4 * 1024 * 1024;

/** The file's first chunk, for the caller to decide how to read the records. */
export interface FirstChunk {
  /** Its bytes, without a UTF-8 BOM. */
  bytes: Buffer;
  /** The whole file is in `bytes`. */
  ended: boolean;
}

/** How the caller takes the records. */
export interface RecordReading {
  delimiter: number;
  onRecord: RecordHandler;
  /** See SimpleRecordReader. */
  readSimple?: SimpleRecordReader;
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
 * "fileChanged"); one that cannot be opened or read, too ("cannotRead").
 */
export async function scanFile(
  path: string,
  start: (first: FirstChunk) => RecordReading,
  chunkBytes = CHUNK_BYTES,
): Promise<FileVersion | undefined> {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    throw new FileError("cannotRead", path, (error as Error).message);
  }
  try {
    return await scanOpenFile(path, fd, start, chunkBytes);
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

async function scanOpenFile(
  path: string,
  fd: number,
  start: (first: FirstChunk) => RecordReading,
  chunkBytes: number,
): Promise<FileVersion | undefined> {
  // A pipe says size 0: the input ends when a read returns nothing, whatever fstat said. A file
  // that changes while it is read (grows, say) is read to its end too, and then refused below.
  const stat = onFile(path, () => fstatSync(fd));
  const version = stat.isFile() ? versionOf(stat) : undefined;
  const totalBytes = version?.size ?? 0;
  let buffer = Buffer.allocUnsafe(chunkBytes);
  let filled = fill(path, fd, buffer, 0);
  let ended = filled < buffer.length;
  let bytesRead = filled;
  const bomBytes = hasUtf8Bom(buffer.subarray(0, filled)) ? 3 : 0;
  if (bomBytes > 0) {
    buffer.copy(buffer, 0, bomBytes, filled);
    filled -= bomBytes;
  }
  const reading = start({ bytes: buffer.subarray(0, filled), ended });
  const scanner = new CsvScanner(reading.delimiter, reading.onRecord, reading.readSimple);
  let bufferAt = 0; // where buffer[0] is in the file, after the BOM
  for (;;) {
    reading.onChunk?.(bomBytes + bufferAt);
    const consumed = scanner.scan(buffer.subarray(0, filled), ended);
    await reading.afterChunk?.(bytesRead, totalBytes);
    if (ended) break;
    bufferAt += consumed;
    const tail = filled - consumed;
    if (consumed === 0 && tail === buffer.length) {
      // One record longer than a chunk: make room for it.
      const bigger = Buffer.allocUnsafe(buffer.length * 2);
      buffer.copy(bigger, 0, 0, filled);
      buffer = bigger;
    } else {
      buffer.copy(buffer, 0, consumed, filled);
    }
    const read = fill(path, fd, buffer, tail);
    filled = tail + read;
    bytesRead += read;
    ended = filled < buffer.length;
  }
  if (version !== undefined && !sameVersion(version, versionOf(onFile(path, () => fstatSync(fd))))) {
    throw new FileError("fileChanged", path);
  }
  return version;
}
