// The parts of an .xlsx file (a zip of XML files), each streamed through an XML parser.
//
// Why these libraries: yauzl reads a zip by its central directory, from the open file, and
// inflates one entry at a time as a stream with Node's own zlib: no temporary files (exceljs's
// streaming reader, tried before, left some behind and failed on them), no whole file in memory,
// and errors as rejected promises or stream errors, never thrown elsewhere. saxes is a strict,
// streaming XML parser (no DOM): a sheet of a million rows goes through it without being held.
// Both are small (yauzl has one dependency, saxes one) and kept up.

import type { Readable } from "node:stream";
import { type Entry, openPromise, type ZipFile } from "yauzl";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { FileError } from "./file-error";

/** What a part's XML is read with: called for each element that opens, each that closes, and text. */
export interface XmlHandlers {
  open?: (name: string, attributes: Readonly<Record<string, string>>) => void;
  close?: (name: string) => void;
  text?: (text: string) => void;
}

/** An element's name without its namespace prefix (`x:row` → `row`): writers differ in prefixes. */
export function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

export class XlsxArchive {
  private constructor(
    private readonly path: string,
    private readonly zip: ZipFile,
    private readonly entries: ReadonlyMap<string, Entry>,
  ) {}

  /** The zip at `path`; a file that is no zip, or a damaged one, is a FileError ("damagedXlsx"). */
  static async open(path: string): Promise<XlsxArchive> {
    const zip = await openPromise(path, { autoClose: false }).catch((error: unknown) => {
      throw damaged(path, error);
    });
    try {
      const entries = new Map<string, Entry>();
      for await (const entry of zip.eachEntry()) entries.set(entry.fileName, entry);
      return new XlsxArchive(path, zip, entries);
    } catch (error) {
      zip.close();
      throw damaged(path, error);
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The uncompressed size of a part, 0 when there is no such part. */
  size(name: string): number {
    return this.entries.get(name)?.uncompressedSize ?? 0;
  }

  /** Reads the part `name` whole through `handlers`. */
  async readXml(name: string, handlers: XmlHandlers): Promise<void> {
    for await (const _ of this.streamXml(name, handlers));
  }

  /**
   * Reads the part `name` through `handlers` a piece at a time, yielding the bytes read so far
   * after each piece, so that the caller can take what the handlers gathered. Stopping early
   * (a `break`, an error) destroys the entry's stream.
   */
  async *streamXml(name: string, handlers: XmlHandlers): AsyncGenerator<number> {
    const entry = this.entries.get(name);
    if (entry === undefined) throw new FileError("damagedXlsx", this.path, `no ${name}`);
    const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
    if (handlers.open !== undefined) {
      const open = handlers.open;
      parser.on("opentag", (tag: SaxesTagPlain) => open(localName(tag.name), tag.attributes));
    }
    if (handlers.close !== undefined) {
      const close = handlers.close;
      parser.on("closetag", (tag: SaxesTagPlain) => close(localName(tag.name)));
    }
    if (handlers.text !== undefined) parser.on("text", handlers.text);
    const decoder = new TextDecoder("utf-8", { fatal: true });
    let read = 0;
    let stream: Readable | undefined;
    try {
      stream = await this.zip.openReadStreamPromise(entry);
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        parser.write(decoder.decode(chunk, { stream: true }));
        read += chunk.length;
        yield read;
      }
      parser.write(decoder.decode());
      parser.close();
    } catch (error) {
      throw damaged(this.path, error, name);
    } finally {
      stream?.destroy();
    }
  }

  close(): void {
    this.zip.close();
  }
}

/** A FileError for what the zip or XML libraries threw; one of ours passes as it is. */
function damaged(path: string, error: unknown, part?: string): FileError {
  if (error instanceof FileError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new FileError("damagedXlsx", path, part === undefined ? reason : `${part}: ${reason}`);
}
