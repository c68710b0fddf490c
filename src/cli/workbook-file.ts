// Reads a sheet of an .xlsx workbook into an OrderWriter: the cells come typed, as a sheet holds
// them (numbers, Dates, text, error values), so every row goes through the core's `ingestOrders`,
// as the custom functions' rows do; the byte fast path is for CSV files. The layout is found from
// the first rows written as a CSV export of the sheet would write them, by the same fileLayout.

import { isBlank } from "../core/cells";
import { LAYOUT_SAMPLE_ROWS } from "../core/columns";
import {
  addIngestStats,
  ingestOrders,
  type ColumnRef,
  type IngestOptions,
  type IngestStats,
  type OrderColumns,
  type OrderTarget,
} from "../core/ingest";
import type { Field } from "../core/columns";
import type { HealthColumnIndexes } from "../core/health/health-columns";
import { type DetailField, hasDetailColumns, RowDetails, type DetailProblems } from "../core/health/order-details";
import { statusRule } from "../core/statuses";
import { FileError } from "../files/file-error";
import { sameVersion, versionOf } from "../files/file-version";
import { type CellValue, type SheetRow, Workbook } from "../files/read-workbook";
import { statSync } from "node:fs";
import type { NameSource } from "./counting/order-writer";
import { dataError, usageError } from "./errors";
import { fileLayout, type FileLayout } from "./file-layout";
import type { ReadResult, ReadSettings } from "./order-file";

type Batches = AsyncGenerator<{ rows: SheetRow[]; bytesRead: number; totalBytes: number }>;

export async function readWorkbookFile(settings: ReadSettings): Promise<ReadResult> {
  const before = versionOf(statSync(settings.path));
  const workbook = await Workbook.open(settings.path);
  try {
    const sheet = chosenSheet(workbook.sheets, settings.sheet, settings.path);
    const batches = workbook.rows(sheet);
    const sample = await firstRows(batches);
    if (sample.rows.every((row) => row.cells.every(isBlank)) && sample.complete) {
      throw dataError({ key: "emptyFile", values: { path: settings.path } });
    }
    const lines = sample.rows.map((row) => row.row);
    const found = fileLayout({ rows: sample.rows.map((row) => row.cells.map(cellText)), lines }, settings, {
      encoding: "utf-8",
      delimiter: "",
    });
    // A number in a sheet is never a YYYYMMDD day (see InputLocale.compactDays), whatever its digits.
    const layout: FileLayout = { ...found.layout, sheet, compactDays: false };
    const sink = new SheetRowSink(layout, settings);
    const headerRow = found.headerRow < 0 ? 0 : lines[found.headerRow]!;
    sink.startAfter(headerRow);
    for (const row of sample.rows) if (row.row > headerRow) sink.add(row);
    await settings.onProgress?.(sample.bytesRead, sample.totalBytes);
    if (!sample.complete) {
      for await (const { rows, bytesRead, totalBytes } of batches) {
        for (const row of rows) sink.add(row);
        await settings.onProgress?.(bytesRead, totalBytes);
      }
    }
    if (!sameVersion(before, versionOf(statSync(settings.path)))) throw new FileError("fileChanged", settings.path);
    return { stats: sink.stats, layout, version: undefined, detailProblems: sink.detailProblems };
  } finally {
    workbook.close();
  }
}

/** The sheet `--sheet` names, else the first; an unknown name is a usage error listing the sheets. */
function chosenSheet(sheets: readonly string[], asked: string | undefined, path: string): string {
  if (sheets.length === 0) throw new FileError("notXlsx", path);
  if (asked === undefined) return sheets[0]!;
  if (sheets.includes(asked)) return asked;
  throw usageError({ key: "unknownSheet", values: { value: asked, path, sheets: sheets.map((name) => `«${name}»`).join(", ") } });
}

/** The first rows, enough to find the header and guess columns; `complete` when they are all there is. */
async function firstRows(batches: Batches): Promise<{ rows: SheetRow[]; complete: boolean; bytesRead: number; totalBytes: number }> {
  const rows: SheetRow[] = [];
  let bytesRead = 0;
  let totalBytes = 0;
  while (rows.length < LAYOUT_SAMPLE_ROWS) {
    const next = await batches.next();
    if (next.done) return { rows, complete: true, bytesRead, totalBytes };
    rows.push(...next.value.rows);
    ({ bytesRead, totalBytes } = next.value);
  }
  return { rows, complete: false, bytesRead, totalBytes };
}

/** A cell as a CSV export of the sheet writes it: dates as ISO days, which every locale reads. */
function cellText(cell: CellValue): string {
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return cell === undefined ? "" : String(cell);
}

/** Sheet rows → orders, through the core's `ingestOrders`, into the settings' OrderWriter. */
class SheetRowSink {
  readonly stats: IngestStats = { rows: 0, blankRows: 0, excludedRows: 0, skippedRows: 0, orders: 0 };
  private readonly table: CellValue[][] = [[]];
  private readonly columns: OrderColumns;
  private readonly target: OrderTarget;
  private readonly options: IngestOptions;
  /** The sheet row that the last row added was; rows left out of the XML between are blank. */
  private lastRow = 0;
  /** Reads the health check's own cells; undefined when the sheet has none of them. */
  private readonly details: RowDetails | undefined;
  private readonly detailCell = (field: DetailField): unknown => this.table[0]![this.healthColumns[field]!];
  private readonly healthColumns: HealthColumnIndexes;

  constructor(layout: FileLayout, settings: ReadSettings) {
    const writer = settings.orders("utf-8");
    const name: NameSource = { record: undefined, column: 0, chunkAt: 0, text: undefined };
    this.healthColumns = settings.healthColumns ? (layout.healthColumns ?? {}) : {};
    this.details = hasDetailColumns(this.healthColumns) ? new RowDetails(this.healthColumns, settings.locale.decimalComma) : undefined;
    this.target = {
      add: (key, rawName, day, amount, rawManager) => {
        writer.key.setText(key);
        name.text = rawName;
        const details = this.details?.read(this.detailCell, this.lastRow);
        writer.add(day, amount ?? 0, rawManager === undefined ? undefined : String(rawManager), name, details);
      },
    };
    const { mapping, columnNames } = layout;
    const ref = (field: Field): ColumnRef | undefined =>
      mapping[field] === undefined ? undefined : { argument: columnNames[field] ?? "", values: this.table, column: mapping[field] };
    this.columns = {
      customer: ref("customer")!,
      date: ref("date")!,
      amount: ref("amount"),
      manager: ref("manager"),
      dealType: ref("dealType"),
      status: layout.status === undefined ? undefined : { argument: layout.status.name, values: this.table, column: layout.status.column },
    };
    this.options = {
      locale: settings.locale,
      excludeDealTypes: layout.excludedDealTypes.length === 0 ? undefined : layout.excludedDealTypes,
      statusRule: layout.status === undefined ? undefined : statusRule(layout.status.counted),
      onSkippedRow: settings.onSkippedRow,
    };
  }

  get detailProblems(): DetailProblems | undefined {
    return this.details?.reader.problems;
  }

  startAfter(row: number): void {
    this.lastRow = row;
  }

  add(row: SheetRow): void {
    const gap = row.row - this.lastRow - 1;
    this.stats.rows += gap;
    this.stats.blankRows += gap;
    this.lastRow = row.row;
    this.table[0] = row.cells;
    const stats = ingestOrders(this.columns, this.target, { ...this.options, firstRowNumber: row.row });
    addIngestStats(this.stats, stats);
  }
}
