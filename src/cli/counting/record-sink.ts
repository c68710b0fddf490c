// Turns CSV records into orders for an OrderWriter. Rows in the common simple shape take a fast path that reads
// bytes directly (and a row of the excluded deal type among them is only counted as left out);
// every other row (blank customer, a date with a time, an unreadable amount …) goes through the
// core's `ingestOrders`, one row at a time, so the rules for what counts, what is skipped and why
// live in the core only.
//
// A row the fast path could misread always goes to the core: a cell with a sheet error value
// (`#N/A` …) in any column read, a date outside the core's plausible years. Refunds (negative
// amounts) need nothing here: the ledger keeps them off the purchases.
//
// The fastest path of all, `readSimpleRecord`, reads a one-line record without quotes in a single
// pass: it folds the customer's key, reads the date and the amount and recognises a recent manager
// while it finds where each field ends, so most bytes are looked at once instead of twice (by the
// scanner, then by the parsers).

import { isBlank, isPlausibleDay, isSheetError, parseAmount, parseDateText, type InputLocale } from "../../core/cells";
import type { ColumnMapping, Field } from "../../core/columns";
import { customerKey } from "../../core/customer-key";
import {
  addIngestStats,
  countLeftOutStatus,
  dealTypeKeys,
  ingestOrders,
  type ColumnRef,
  type IngestStats,
  type OrderColumns,
  type OrderTarget,
} from "../../core/ingest";
import { statusLabel, statusRule, statusVerdict, type StatusRule, type StatusVerdict } from "../../core/statuses";
import type { Problem } from "../../core/problems";
import type { HealthColumnIndexes } from "../../core/health/health-columns";
import { initiatorOf, type Initiator } from "../../core/health/initiated-by";
import { contactOf, DetailReader, hasDetailColumns, type DetailProblems, type OrderDetails } from "../../core/health/order-details";
import { HASH, QUOTE } from "../../files/ascii";
import { afterLineBreak, endsUnquotedField, unquotedFieldEnd, type CsvRecord, type SimpleRecordReader } from "../../files/csv-scanner";
import { cellText, type FieldDecoder } from "../../files/fields";
import { ByteInterner, NOT_FOUND } from "./byte-interner";
import { RecentFields } from "./recent-fields";
import { COMPACT_DATE_BYTES, fastAmount, fastCompactDay, fastDay, SIMPLE_DATE_BYTES } from "./fast-cells";
import type { StatusColumn } from "../../core/statuses";
import type { KeyBytes } from "./key-bytes";
import type { NameSource, OrderWriter } from "./order-writer";

export interface RecordSinkOptions {
  mapping: ColumnMapping;
  /** How each mapped column is named in messages (its header, or "column 3"). */
  columnNames: Partial<Record<Field, string>>;
  locale: InputLocale;
  /** The file's delimiter byte. */
  delimiter: number;
  decode: FieldDecoder;
  /** Deal type whose rows are left out (needs mapping.dealType). */
  excludeDealTypes?: readonly string[];
  onSkippedRow: (problem: Problem) => void;
  /** A status column: only its completed purchases are orders (see core statuses.ts). */
  status?: StatusColumn;
  /** The bytes read are not the file's own (UTF-16 read as UTF-8): names are kept as text, not as places in the file. */
  namesAsText?: boolean;
  /** The health check's own columns, read for every order when present. */
  healthColumns?: HealthColumnIndexes;
}

// What readSimpleRecord does with each column.
const OTHER_COLUMN = 0;
const CUSTOMER_COLUMN = 1;
const DATE_COLUMN = 2;
const AMOUNT_COLUMN = 3;
const MANAGER_COLUMN = 4;

/**
 * Where the date field at bytes[start] ends if it can be a date of fastDay's shapes, which are 10
 * bytes (fastCompactDay's, 8): there, if a field ends there; else -1 (the record is left to the scanner). No search for
 * the end: if the field is shorter, a delimiter or line break falls among the 10 bytes, and
 * fastDay, which wants digits and separators at every place, finds no date.
 */
function simpleDateEnd(bytes: Uint8Array, start: number, limit: number, delimiter: number, dateBytes: number): number {
  const end = start + dateBytes;
  return end < limit && endsUnquotedField(bytes[end]!, delimiter) ? end : -1;
}

/** The visible ASCII characters, from "!" to "~". */
const FIRST_VISIBLE = 0x21;
const LAST_VISIBLE = 0x7e;

/**
 * Whether the contact cell from bytes[start] is one as it stands, for `contactOf`: one that starts
 * with a visible ASCII character other than "#" can be neither blank nor an error value once
 * tidied, so its place in the file is all that need be kept. Any other (spaces or a no-break space
 * first, "#N/A", a first letter beyond ASCII) is tidied and judged here, as the core does.
 */
function isPlainContact(bytes: Uint8Array, start: number): boolean {
  const first = bytes[start]!;
  return first >= FIRST_VISIBLE && first <= LAST_VISIBLE && first !== HASH;
}

/** Caches of values that are not customers (dates with times, managers) are emptied past this size. */
const CACHE_LIMIT = 100_000;

/**
 * Raw bytes → what they mean (a day, a manager's name), for repeated values that are not
 * customers. Quoted fields with doubled quotes are kept apart (same bytes, other text).
 */
class FieldCache<V> {
  private readonly plain = new ByteInterner();
  private readonly escaped = new ByteInterner();
  private values: V[] = [];
  private lastHash = 0;

  find(record: CsvRecord, column: number): V | undefined {
    const start = record.starts[column]!;
    const end = record.ends[column]!;
    this.lastHash = ByteInterner.hash(record.bytes, start, end);
    const index = this.interner(record, column).get(record.bytes, start, end, this.lastHash);
    return index === NOT_FOUND ? undefined : this.values[index];
  }

  /** Stores the value of the field that `find` just missed. */
  remember(record: CsvRecord, column: number, value: V): V {
    if (this.values.length >= CACHE_LIMIT) {
      this.plain.clear();
      this.escaped.clear();
      this.values = [];
    }
    this.interner(record, column).set(record.bytes, record.starts[column]!, record.ends[column]!, this.lastHash, this.values.length);
    this.values.push(value);
    return value;
  }

  private interner(record: CsvRecord, column: number): ByteInterner {
    return record.escaped[column] ? this.escaped : this.plain;
  }
}

/** A manager field's text, and whether it is a sheet error value. */
interface ManagerCell {
  text: string;
  error: boolean;
}

export class RecordSink {
  readonly stats: IngestStats = { rows: 0, blankRows: 0, excludedRows: 0, skippedRows: 0, orders: 0 };
  /** The current row's customer key, and where their name is. */
  private readonly key: KeyBytes;
  private readonly name: NameSource;
  private readonly customer: number;
  private readonly date: number;
  private readonly amount: number;
  private readonly manager: number;
  private readonly dealType: number;
  private readonly widthNeeded: number;
  private readonly decimalComma: boolean;
  /** The date column holds `YYYYMMDD` days only (the layout found so): fastCompactDay reads them, not fastDay. */
  private readonly compactDays: boolean;
  /** How long the dates the fast path reads are. */
  private readonly dateBytes: number;
  private readonly delimiter: number;
  private readonly excludedKeys: ReadonlySet<string> | undefined;
  private readonly days = new FieldCache<number>();
  /** Manager fields read so far: a few names repeat on every row, in no order. */
  private readonly managers = new FieldCache<ManagerCell>();
  private readonly recentManagers = new RecentFields<ManagerCell>();
  /** The manager of the record readSimpleRecord is reading, when recentManagers knew them. */
  private simpleManager: ManagerCell | undefined;
  private readonly dealTypeKeys = new FieldCache<string>();
  /** -1 without a status column: then nothing here looks at statuses. */
  private readonly status: number;
  private readonly statusRule: StatusRule | undefined;
  /** A status field's verdict, and its label when left out. */
  private readonly statuses = new FieldCache<{ verdict: StatusVerdict; label: string; error: boolean }>();
  /** What readSimpleRecord does with each column up to the last one mapped or read by the health check. */
  private readonly roles: Uint8Array;
  /** The fields of the record readSimpleRecord is reading, as the scanner would give them. */
  private readonly simple: CsvRecord;
  /** The health check's own columns: -1 where the file has none, and `details` undefined without any. */
  private readonly budget: number;
  private readonly initiatedBy: number;
  private readonly contact: number;
  private readonly details: DetailReader | undefined;
  /** Reused from order to order. */
  private readonly orderDetails: OrderDetails = { startedByCompany: false, budget: undefined, contact: undefined };
  /** The order's contact cell, when kept as a cell (see isPlainContact); else undefined, and the details hold its text. */
  private contactCell: NameSource | undefined;
  private readonly contactPlace: NameSource;
  /** The few values an Initiated by column repeats, and who each says started the sale. */
  private readonly initiators = new FieldCache<Initiator>();
  /** The slow row's record, whose details its order carries. */
  private slowRecord: CsvRecord;
  /** The one-row table that slow rows are handed to `ingestOrders` in. */
  private readonly slowRow: unknown[][] = [[]];
  private readonly slowColumns: OrderColumns;
  /** Where `ingestOrders` adds the slow rows' orders: through the same key index as fast rows. */
  private readonly slowTarget: OrderTarget = {
    add: (key, rawName, day, amount, rawManager) => {
      this.key.setText(key);
      this.name.record = undefined;
      this.name.text = rawName;
      this.orders.add(
        day,
        amount ?? 0,
        rawManager === undefined ? undefined : String(rawManager),
        this.name,
        this.detailsOf(this.slowRecord),
        this.contactCell,
      );
    },
  };

  constructor(
    private readonly orders: OrderWriter,
    private readonly options: RecordSinkOptions,
  ) {
    const { mapping } = options;
    this.customer = mapping.customer ?? -1;
    this.date = mapping.date ?? -1;
    this.amount = mapping.amount ?? -1;
    this.manager = mapping.manager ?? -1;
    const excludedKeys = mapping.dealType === undefined ? undefined : dealTypeKeys(options.excludeDealTypes);
    this.dealType = excludedKeys === undefined ? -1 : mapping.dealType!;
    this.excludedKeys = excludedKeys;
    this.status = options.status?.column ?? -1;
    this.statusRule = options.status === undefined ? undefined : statusRule(options.status.counted);
    this.widthNeeded = Math.max(this.customer, this.date, this.amount, this.manager, this.dealType, this.status) + 1;
    this.decimalComma = options.locale.decimalComma;
    this.compactDays = options.locale.compactDays === true;
    this.dateBytes = this.compactDays ? COMPACT_DATE_BYTES : SIMPLE_DATE_BYTES;
    this.delimiter = options.delimiter;
    const healthColumns = options.healthColumns ?? {};
    this.budget = healthColumns.budget ?? -1;
    this.initiatedBy = healthColumns.initiatedBy ?? -1;
    this.contact = healthColumns.contact ?? -1;
    this.details = hasDetailColumns(healthColumns) ? new DetailReader(this.decimalComma) : undefined;
    // readSimpleRecord keeps where the health check's fields are too, and takes only rows that have them.
    const simpleWidth = Math.max(this.widthNeeded, this.budget + 1, this.initiatedBy + 1, this.contact + 1);
    this.roles = new Uint8Array(simpleWidth);
    this.roles[this.customer] = CUSTOMER_COLUMN;
    this.roles[this.date] = DATE_COLUMN;
    if (this.amount >= 0) this.roles[this.amount] = AMOUNT_COLUMN;
    if (this.manager >= 0) this.roles[this.manager] = MANAGER_COLUMN;
    const fields = (): Int32Array => new Int32Array(simpleWidth);
    this.simple = {
      bytes: Buffer.alloc(0),
      starts: fields(),
      ends: fields(),
      escaped: new Uint8Array(simpleWidth),
      textAfterQuote: false,
      count: 0,
      line: 0,
      start: 0,
    };
    this.slowRecord = this.simple;
    this.key = orders.key;
    this.name = { record: undefined, column: this.customer, chunkAt: 0, text: undefined };
    this.contactPlace = { record: undefined, column: this.contact, chunkAt: 0, text: undefined };
    const ref = (field: Field, column: number): ColumnRef | undefined =>
      column < 0 ? undefined : { argument: options.columnNames[field] ?? "", values: this.slowRow, column };
    this.slowColumns = {
      customer: ref("customer", this.customer)!,
      date: ref("date", this.date)!,
      amount: ref("amount", this.amount),
      manager: ref("manager", this.manager),
      dealType: ref("dealType", this.dealType),
      status: this.status < 0 ? undefined : { argument: options.status!.name, values: this.slowRow, column: this.status },
    };
  }

  /** How many fields the record `readSimpleRecord` last read had (the scanner keeps rows' width). */
  get simpleFields(): number {
    return this.simple.count;
  }

  /** The records that follow are in a chunk that starts at this place in the file. */
  startChunk(fileOffset: number): void {
    this.name.chunkAt = fileOffset;
  }

  readonly onRecord = (record: CsvRecord): void => {
    // Text after a closing quote: only cellText reads such a field right, so the core reads the row.
    if (record.textAfterQuote) this.slow(record);
    else {
      this.readKey(record);
      if (record.count < this.widthNeeded || this.key.length === 0) this.slow(record);
      else this.fast(record);
    }
  };

  /**
   * Reads the record at bytes[pos] in one pass when it is one line without quotes and a plain order
   * (dates and amounts in the simple shapes, a key from bytes); returns where the next record
   * starts, or -1 to leave the record to the scanner and `onRecord`.
   */
  readonly readSimpleRecord: SimpleRecordReader = (bytes, pos, limit, line) => {
    const { roles, simple, delimiter } = this;
    const width = roles.length;
    let day = NaN;
    let amount = 0;
    for (let column = 0, start = pos; ; column++) {
      if (start >= limit || bytes[start] === QUOTE) return -1;
      const role = column < width ? roles[column] : OTHER_COLUMN;
      const end =
        role === CUSTOMER_COLUMN
          ? this.key.foldField(bytes, start, limit, delimiter)
          : role === DATE_COLUMN
            ? simpleDateEnd(bytes, start, limit, delimiter, this.dateBytes)
            : role === MANAGER_COLUMN
              ? this.managerFieldEnd(bytes, start, limit, delimiter)
              : unquotedFieldEnd(bytes, start, limit, delimiter);
      if (end < 0) return -1;
      if (role === DATE_COLUMN) day = this.compactDays ? fastCompactDay(bytes, start, end) : fastDay(bytes, start, end);
      else if (role === AMOUNT_COLUMN) amount = fastAmount(bytes, start, end, this.decimalComma);
      if (column < width) {
        simple.starts[column] = start;
        simple.ends[column] = end;
      }
      const c = bytes[end];
      if (c === delimiter) {
        start = end + 1;
        continue;
      }
      const next = afterLineBreak(bytes, end, limit);
      if (next < 0 || column + 1 < width || this.key.length === 0 || day !== day || amount !== amount) return -1;
      simple.bytes = bytes;
      simple.count = column + 1;
      // The health check names the line of a value it cannot read.
      simple.line = line;
      return this.addPlainOrder(simple, day, amount, this.simpleManagerOf(simple, limit)) ? next : -1;
    }
  };

  /** Where the manager field at bytes[start] ends; its manager goes to `simpleManager` if recently met. */
  private managerFieldEnd(bytes: Uint8Array, start: number, limit: number, delimiter: number): number {
    const recent = this.recentManagers.match(bytes, start, limit, delimiter);
    this.simpleManager = recent;
    return recent === undefined ? unquotedFieldEnd(bytes, start, limit, delimiter) : this.recentManagers.end;
  }

  /** The manager of the record readSimpleRecord has read, kept among the recent ones. */
  private simpleManagerOf(simple: CsvRecord, limit: number): ManagerCell | undefined {
    if (this.simpleManager !== undefined || this.manager < 0) return this.simpleManager;
    const manager = this.managerOf(simple)!;
    this.recentManagers.remember(simple.bytes, simple.starts[this.manager]!, simple.ends[this.manager]!, limit, manager);
    return manager;
  }

  /** The row's customer key into `this.key`: from the bytes when they allow, else the core's way. */
  private readKey(record: CsvRecord): void {
    const column = this.customer;
    if (column >= record.count) {
      this.key.setText("");
      return;
    }
    if (this.key.fold(record.bytes, record.starts[column]!, record.ends[column]!, record.escaped[column] === 1)) return;
    this.key.setText(customerKey(this.fieldText(record, column)));
  }

  private fast(record: CsvRecord): void {
    const day = this.dayOf(record);
    if (day !== day) {
      this.slow(record);
      return;
    }
    const amount = this.amount < 0 ? 0 : this.amountOf(record);
    if (amount !== amount || !this.addPlainOrder(record, day, amount, this.managerOf(record))) this.slow(record);
  }

  /**
   * Adds the order of a row whose key is in `key` and whose day, amount and manager are read. A row of the
   * excluded deal type is only counted as left out: the core does the same with any row whose
   * customer and date it can read. False, with nothing counted, for a row that may hold a sheet
   * error value: the core is to skip it with its reason.
   */
  private addPlainOrder(record: CsvRecord, day: number, amount: number, manager: ManagerCell | undefined): boolean {
    // The key is trimmed, so an error value's key starts with "#" (the core compares it exactly).
    if (this.key.bytes[this.key.start] === HASH) return false;
    if (manager?.error) return false;
    const dealType = this.dealType < 0 ? "" : this.dealTypeKey(record);
    // An error value's key is its cell lower-cased: a key that reads as one sends the row to the
    // core (a false alarm, such as a cell «'#N/A», only costs the slow path).
    if (isSheetError(dealType)) return false;
    if (this.status >= 0) {
      const status = this.statusOf(record);
      if (status.error) return false;
      if (status.verdict !== "purchase") {
        // A continuation row adds nothing (its order's first row counted it); a left-out one is counted by status.
        this.stats.rows++;
        if (status.verdict === "leftOut") countLeftOutStatus(this.stats, status.label);
        return true;
      }
    }
    this.stats.rows++;
    if (this.dealType >= 0 && this.excludedKeys!.has(dealType)) {
      this.stats.excludedRows++;
      return true;
    }
    if (this.options.namesAsText) {
      this.name.record = undefined;
      this.name.text = this.fieldText(record, this.customer);
    } else this.name.record = record;
    this.orders.add(day, amount, manager?.text, this.name, this.detailsOf(record), this.contactCell);
    this.stats.orders++;
    return true;
  }

  /**
   * What the health check reads in the record besides the order, by the core's rules
   * (DetailReader); undefined without such columns. Blank fields are passed over and repeated
   * initiators looked up, since every order of such a file comes here. A plain contact of a row
   * whose name is kept as a cell is kept as a cell too (`contactCell`), and tidied only if shown.
   */
  private detailsOf(record: CsvRecord): OrderDetails | undefined {
    this.contactCell = undefined;
    const reader = this.details;
    if (reader === undefined) return undefined;
    const details = this.orderDetails;
    details.startedByCompany = this.hasField(record, this.initiatedBy) && this.startedByCompany(record, reader);
    details.budget = this.hasField(record, this.budget) ? this.budgetOf(record, reader) : undefined;
    details.contact = undefined;
    if (!this.hasField(record, this.contact)) return details;
    if (this.name.record === record && isPlainContact(record.bytes, record.starts[this.contact]!)) {
      this.contactPlace.record = record;
      this.contactPlace.chunkAt = this.name.chunkAt;
      this.contactCell = this.contactPlace;
    } else details.contact = contactOf(this.fieldText(record, this.contact));
    return details;
  }

  /** Whether the record has a non-empty field in the column (-1: the file has no such column). */
  private hasField(record: CsvRecord, column: number): boolean {
    return column >= 0 && column < record.count && record.ends[column]! > record.starts[column]!;
  }

  private startedByCompany(record: CsvRecord, reader: DetailReader): boolean {
    const column = this.initiatedBy;
    const initiator =
      this.initiators.find(record, column) ?? this.initiators.remember(record, column, initiatorOf(this.fieldText(record, column)));
    // Only an unknown value's text is needed: the first one is shown.
    return reader.noteInitiator(initiator, initiator === "unknown" ? this.fieldText(record, column) : undefined, record.line);
  }

  private budgetOf(record: CsvRecord, reader: DetailReader): number | undefined {
    const budget = fastAmount(record.bytes, record.starts[this.budget]!, record.ends[this.budget]!, this.decimalComma);
    return budget >= 0 ? budget : reader.budget(this.fieldText(record, this.budget), record.line);
  }

  /** Values of the health check's own columns that could not be read. */
  get detailProblems(): DetailProblems | undefined {
    return this.details?.problems;
  }

  /** The field as text: decoded, quotes unescaped. */
  fieldText(record: CsvRecord, column: number): string {
    return cellText(record.bytes, record.starts[column]!, record.ends[column]!, record.escaped[column]!, this.options.decode);
  }

  private dayOf(record: CsvRecord): number {
    const start = record.starts[this.date]!;
    const end = record.ends[this.date]!;
    const day = this.compactDays ? fastCompactDay(record.bytes, start, end) : fastDay(record.bytes, start, end);
    if (day === day) return day;
    const cached = this.days.find(record, this.date);
    if (cached !== undefined) return cached;
    const { slashOrder, compactDays } = this.options.locale;
    const parsed = parseDateText(this.fieldText(record, this.date), slashOrder, compactDays) ?? NaN;
    return this.days.remember(record, this.date, isPlausibleDay(parsed) ? parsed : NaN);
  }

  private dealTypeKey(record: CsvRecord): string {
    return (
      this.dealTypeKeys.find(record, this.dealType) ??
      this.dealTypeKeys.remember(record, this.dealType, customerKey(this.fieldText(record, this.dealType)))
    );
  }

  private statusOf(record: CsvRecord): { verdict: StatusVerdict; label: string; error: boolean } {
    const cached = this.statuses.find(record, this.status);
    if (cached !== undefined) return cached;
    const text = this.fieldText(record, this.status);
    const status = { verdict: statusVerdict(text, this.statusRule!), label: statusLabel(text), error: isSheetError(text) };
    return this.statuses.remember(record, this.status, status);
  }

  /** The record's manager; undefined without a manager column. */
  private managerOf(record: CsvRecord): ManagerCell | undefined {
    if (this.manager < 0) return undefined;
    const cached = this.managers.find(record, this.manager);
    if (cached !== undefined) return cached;
    const text = this.fieldText(record, this.manager);
    return this.managers.remember(record, this.manager, { text, error: isSheetError(text) });
  }

  private amountOf(record: CsvRecord): number {
    const amount = fastAmount(record.bytes, record.starts[this.amount]!, record.ends[this.amount]!, this.decimalComma);
    if (amount === amount) return amount;
    const text = this.fieldText(record, this.amount);
    return isBlank(text) ? 0 : (parseAmount(text, this.decimalComma) ?? NaN);
  }

  /** The core decides: skipped (with its reason), blank, excluded or, after all, an order. */
  private slow(record: CsvRecord): void {
    const cells: unknown[] = [];
    for (const column of [this.customer, this.date, this.amount, this.manager, this.dealType, this.status]) {
      if (column >= 0) cells[column] = column < record.count ? this.fieldText(record, column) : undefined;
    }
    this.slowRow[0] = cells;
    this.slowRecord = record;
    const stats = ingestOrders(this.slowColumns, this.slowTarget, {
      locale: this.options.locale,
      excludeDealTypes: this.excludedKeys === undefined ? undefined : this.options.excludeDealTypes,
      statusRule: this.statusRule,
      firstRowNumber: record.line,
      onSkippedRow: this.options.onSkippedRow,
    });
    addIngestStats(this.stats, stats);
  }
}
