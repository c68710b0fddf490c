// Reads an order file into an OrderWriter: sniff the encoding and delimiter from the first chunk,
// find the header and the columns as the sidebar does, then stream the whole file through the
// scanner into the record sink. Memory holds one chunk plus what the writer keeps.

import { isBlank } from "../core/cells";
import type { IngestStats } from "../core/ingest";
import type { DetailProblems } from "../core/health/order-details";
import type { Problem } from "../core/problems";
import { CsvScanner } from "../files/csv-scanner";
import { fieldDecoder, recordTexts, type FieldDecoder } from "../files/fields";
import type { FileVersion } from "../files/file-version";
import { scanFile, type FirstChunk, type RecordReading } from "../files/scan-file";
import { detectDelimiter, type Encoding } from "../files/sniff";
import { LAYOUT_SAMPLE_ROWS } from "../core/columns";
import type { OrderWriter } from "./counting/order-writer";
import { RecordSink } from "./counting/record-sink";
import { isZipFile } from "../files/read-workbook";
import { dataError, usageError } from "./errors";
import { readWorkbookFile } from "./workbook-file";
import { compactDaysLocale, fileLayout, type ColumnChoices, type FileLayout, type SampleRows } from "./file-layout";

export interface ReadSettings extends ColumnChoices {
  path: string;
  /** The sheet of an .xlsx file to read (--sheet); its first sheet without one. */
  sheet?: string;
  encoding?: Encoding;
  delimiter?: number;
  /** Where the orders go: batches counted on this thread, or batches for another thread. */
  orders: (encoding: Encoding) => OrderWriter;
  onSkippedRow: (problem: Problem) => void;
  /** See RecordReading.afterChunk. */
  onProgress?: (bytesRead: number, totalBytes: number) => void | Promise<void>;
  /** How much is read at a time (CHUNK_BYTES); tests make it small to put many records across chunk ends. */
  chunkBytes?: number;
  /** Read the columns only the health check needs (budget, initiated by, contact) where the file has them. */
  healthColumns: boolean;
}

export interface ReadResult {
  stats: IngestStats;
  layout: FileLayout;
  /** The version of the file that was read; undefined for a pipe or a device. */
  version: FileVersion | undefined;
  /** Values of the health check's own columns that could not be read; undefined without such columns. */
  detailProblems: DetailProblems | undefined;
}

export async function readOrderFile(settings: ReadSettings): Promise<ReadResult> {
  if (isZipFile(settings.path)) return readWorkbookFile(settings);
  if (settings.sheet !== undefined) throw usageError({ key: "sheetWithoutWorkbook", values: { path: settings.path } });
  let sink: RecordSink | undefined;
  let layout: FileLayout | undefined;
  const start = (first: FirstChunk): RecordReading => {
    const encoding = first.encoding;
    const decode = fieldDecoder(encoding);
    const delimiter = settings.delimiter ?? detectDelimiter(first.bytes);
    const sample = sampleRows(first, delimiter, decode);
    if (sample.complete && sample.rows.every(isBlankRow)) throw dataError({ key: "emptyFile", values: { path: settings.path } });
    const found = fileLayout(sample, settings, { encoding: first.fileEncoding, delimiter: String.fromCharCode(delimiter) });
    layout = found.layout;
    const recordSink = new RecordSink(settings.orders(encoding), {
      mapping: layout.mapping,
      columnNames: layout.columnNames,
      locale: compactDaysLocale(settings.locale, layout),
      delimiter,
      decode,
      excludeDealTypes: layout.excludedDealTypes,
      status: layout.status,
      onSkippedRow: settings.onSkippedRow,
      namesAsText: first.transcoded,
      healthColumns: settings.healthColumns ? layout.healthColumns : undefined,
    });
    sink = recordSink;
    let leadingRecords = found.headerRow + 1;
    return {
      delimiter,
      onRecord: (record) => {
        if (leadingRecords > 0) return void leadingRecords--;
        recordSink.onRecord(record);
      },
      readSimple: (bytes, pos, limit, line) => (leadingRecords > 0 ? -1 : recordSink.readSimpleRecord(bytes, pos, limit, line)),
      simpleFields: () => recordSink.simpleFields,
      onChunk: (fileOffset) => recordSink.startChunk(fileOffset),
      afterChunk: settings.onProgress,
    };
  };
  const version = await scanFile(settings.path, start, settings.chunkBytes, settings.encoding);
  return { stats: sink!.stats, layout: layout!, version, detailProblems: sink!.detailProblems };
}

const isBlankRow = (row: readonly string[]): boolean => row.every(isBlank);

/** The first rows, enough to find the header and guess columns; `complete` when they are the whole file. */
function sampleRows(first: FirstChunk, delimiter: number, decode: FieldDecoder): SampleRows & { complete: boolean } {
  const rows: string[][] = [];
  const lines: number[] = [];
  const scanner = new CsvScanner(delimiter, (record) => {
    rows.push(recordTexts(record, decode));
    lines.push(record.line);
    return rows.length < LAYOUT_SAMPLE_ROWS;
  });
  scanner.scan(first.bytes, first.ended);
  return { rows, lines, complete: first.ended && rows.length < LAYOUT_SAMPLE_ROWS };
}
