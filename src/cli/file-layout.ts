// How an order file is laid out: which row is the header and which column holds what. Columns the
// user names (--customer, --date …) first, by header or by number; the rest as the sidebar finds
// them, by the core's one header detection.

import { isBlank, isCompactDayColumn, type InputLocale } from "../core/cells";
import {
  detectTextLayout,
  type ColumnCandidates,
  findColumn,
  findHeaderNaming,
  HEADER_SEARCH_ROWS,
  headerText,
  mapHeader,
  type ColumnDoubts,
  type ColumnMapping,
  type Field,
  type GuessedField,
} from "../core/columns";
import { findStatusColumn, type StatusColumn } from "../core/statuses";
import { PROJECT_DEAL_TYPES } from "../core/deal-types";
import { findHealthColumns, type HealthColumnIndexes, type HealthColumnNames } from "../core/health/health-columns";
import type { DetailField } from "../core/health/order-details";
import type { FileEncoding } from "../files/sniff";
import type { Language } from "../i18n/language";
import { dataError, text, usageError } from "./errors";
import type { CliOptions } from "./options";

export interface FileLayout {
  encoding: FileEncoding;
  /** The delimiter; empty for an .xlsx file. */
  delimiter: string;
  /** The sheet read, for an .xlsx file. */
  sheet?: string;
  /** File line of the header, or null for a file without one. */
  headerLine: number | null;
  mapping: ColumnMapping;
  /** How each mapped column is named in messages. */
  columnNames: Partial<Record<Field, string>>;
  /** The deal types whose rows are left out as one-off deals; empty when none is (or no deal-type column). */
  excludedDealTypes: readonly string[];
  /**
   * The date column holds `YYYYMMDD` days (`19970101`): every date in the sampled rows is one. They
   * are read so in every row, and a later row with another shape is a bad date (see compactDaysLocale).
   */
  compactDays?: boolean;
  /** The status or stage column whose completed values alone are purchases (see core statuses.ts). */
  status?: StatusColumn;
  /** The columns only the health check reads (budget, initiated by, contact): named by flags, else found by their headers. */
  healthColumns?: HealthColumnIndexes;
  /** Their headers. */
  healthColumnNames?: HealthColumnNames;
}

/** What the user said about the columns and the deal types to leave out. */
export interface ColumnChoices {
  columns: CliOptions["columns"];
  /** --budget, --initiated-by, --contact; the health check's columns not named are found by their headers. */
  detailColumns?: CliOptions["detailColumns"];
  exclude?: CliOptions["exclude"];
  /** Leave out no deal type (else the default is the one-off project deals, see dealTypesLeftOut). */
  keepAllDeals?: boolean;
  /** --status-column and --count-status. */
  statuses?: CliOptions["statuses"];
  locale: InputLocale;
  language: Language;
}

/** The file's first rows, as text, and the file line each starts on. */
export interface SampleRows {
  rows: string[][];
  lines: number[];
}

/** The layout of a file whose first rows are `sample`; the mapping leaves out a deal type not used. */
export function fileLayout(
  sample: SampleRows,
  choices: ColumnChoices,
  file: Pick<FileLayout, "encoding" | "delimiter">,
): { layout: FileLayout; headerRow: number } {
  const { headerRow, mapping, header } = findColumns(sample.rows, choices);
  const status = statusColumn(sample.rows, headerRow, mapping, choices);
  const excludedDealTypes = dealTypesLeftOut(mapping, choices);
  if (excludedDealTypes.length === 0) delete mapping.dealType;
  const healthColumns = detailColumns(sample.rows, headerRow, mapping, choices);
  const layout: FileLayout = {
    ...file,
    headerLine: headerRow < 0 ? null : sample.lines[headerRow]!,
    mapping,
    columnNames: columnNames(mapping, header, choices.language),
    excludedDealTypes,
    compactDays: isCompactDayColumn(sample.rows.slice(headerRow + 1).map((row) => row[mapping.date!])),
    healthColumns,
    healthColumnNames: Object.fromEntries(
      Object.entries(healthColumns).map(([field, column]) => [field, columnName(header, column, choices.language)]),
    ),
  };
  if (status !== undefined) layout.status = status;
  return { layout, headerRow };
}

/** The locale the file's rows are read in: the user's, with the layout's `YYYYMMDD` dates when found. */
export function compactDaysLocale(locale: InputLocale, layout: Pick<FileLayout, "compactDays">): InputLocale {
  return layout.compactDays ? { ...locale, compactDays: true } : locale;
}

/**
 * What `--exclude` names; else, as on every surface, the one-off project deals when the file has a
 * deal-type column, unless --keep-all-deals. Nothing without a deal-type column.
 */
function dealTypesLeftOut(mapping: ColumnMapping, choices: ColumnChoices): readonly string[] {
  if (mapping.dealType === undefined) return [];
  if (choices.exclude !== undefined) return [choices.exclude.value];
  return choices.keepAllDeals ? [] : PROJECT_DEAL_TYPES;
}

type FlagField = keyof CliOptions["columns"];
const FLAG_FIELDS: readonly FlagField[] = ["customer", "date", "amount", "manager"];
const FLAG_OF: Record<Field, string> = {
  customer: "--customer",
  date: "--date",
  amount: "--amount",
  manager: "--manager",
  dealType: "--exclude",
};

const isColumnNumber = (name: string): boolean => /^\d+$/.test(name.trim());

/** The header row and column mapping: named columns first, else the core's detection. */
function findColumns(
  rows: readonly string[][],
  choices: ColumnChoices,
): { headerRow: number; mapping: ColumnMapping; header: readonly string[] } {
  const named: [Field, string][] = FLAG_FIELDS.flatMap((field): [Field, string][] => {
    const name = choices.columns[field];
    return name === undefined ? [] : [[field, name]];
  });
  if (choices.exclude) named.push(["dealType", choices.exclude.column]);
  const byName = named.filter(([, name]) => !isColumnNumber(name)).map(([, name]) => name);
  let headerRow: number;
  let mapping: ColumnMapping;
  if (byName.length > 0) {
    headerRow = findHeaderNaming(rows, byName);
    mapping = headerRow < 0 ? {} : mapHeader(rows[headerRow]!);
  } else {
    const detected = detectTextLayout(rows, choices.locale);
    headerRow = detected.headerRow;
    if (headerRow < 0) {
      // A header short of a customer or a date column is still a header: what it lacks is asked
      // for below (exit 1). Only a file with no header at all is asked about as a whole.
      const partial = rows
        .slice(0, HEADER_SEARCH_ROWS)
        .map((row) => mapHeader(row))
        .find((found) => found.customer !== undefined || found.date !== undefined);
      if (partial === undefined) askWithoutHeader(rows, detected.candidates ?? {}, choices);
      mapping = partial ?? {};
    } else {
      mapping = detected.mapping;
      askAboutDoubts(detected.doubts, rows[headerRow]!, choices);
    }
  }
  const header = rows[Math.max(headerRow, 0)] ?? [];
  for (const [field, name] of named) {
    const column = isColumnNumber(name) ? Number(name) - 1 : headerRow < 0 ? -1 : findColumn(header, name);
    if (column < 0 || column >= header.length) {
      throw dataError({ key: "columnNotFound", values: { flag: FLAG_OF[field], value: `«${name}»`, header: listHeader(header) } });
    }
    for (const other of Object.keys(mapping) as Field[]) if (mapping[other] === column) delete mapping[other];
    mapping[field] = column;
  }
  for (const field of ["customer", "date"] as const) {
    if (mapping[field] === undefined) {
      const fieldName = text(choices.language, field === "customer" ? "fieldCustomer" : "fieldDate");
      throw dataError({ key: "noColumn", values: { field: fieldName, header: listHeader(header), flag: FLAG_OF[field] } });
    }
  }
  return { headerRow, mapping, header: headerRow < 0 ? [] : header };
}

/** Two columns equally plausible for a field the user did not name: they choose (exit 2). */
function askAboutDoubts(doubts: ColumnDoubts | undefined, header: readonly string[], choices: ColumnChoices): void {
  for (const field of ["customer", "date"] as const) {
    const columns = doubts?.[field];
    if (columns === undefined || choices.columns[field] !== undefined) continue;
    const names = columns.map((column) => header[column]!.trim());
    throw usageError({
      key: "doubtfulColumn",
      values: {
        field: text(choices.language, field === "customer" ? "fieldCustomer" : "fieldDate"),
        candidates: names.map((name) => `«${name}»`).join(", "),
        example: `${FLAG_OF[field]} "${names[0]}"`,
      },
    });
  }
}

const GUESSED: readonly GuessedField[] = ["customer", "date", "amount"];
const FIELD_KEY = { customer: "fieldCustomer", date: "fieldDate", amount: "fieldAmount" } as const;
const SAMPLE_CHARS = 24;

/**
 * A file without a header is read only by the columns the user names: guessed columns could be
 * silently wrong (a quantity for the amount, one id for another). Unless the customer and the
 * date are named, they choose (exit 2), shown the columns whose contents fit and the flags to pass.
 */
function askWithoutHeader(rows: readonly string[][], candidates: ColumnCandidates, choices: ColumnChoices): void {
  const { columns: named, language } = choices;
  if (named.customer !== undefined && named.date !== undefined) return;
  // The amount is offered when some column looks like one; the customer and date are always asked.
  const asked = GUESSED.filter((field) => named[field] === undefined && (field !== "amount" || candidates.amount !== undefined));
  const fits = asked.map((field) => {
    const columns = candidates[field]?.map((n) => text(language, "candidateColumn", { n: n + 1, sample: sampleCell(rows, n) }));
    return `${text(language, FIELD_KEY[field])}: ${columns?.join(", ") ?? text(language, "noCandidate")}`;
  });
  const flags = GUESSED.flatMap((field) => {
    const first = candidates[field]?.[0];
    const column = named[field] ?? (first === undefined ? undefined : String(first + 1));
    if (column === undefined) return field === "amount" ? [] : [`${FLAG_OF[field]} N`];
    return [`${FLAG_OF[field]} ${column}`];
  });
  throw usageError({ key: "noHeader", values: { candidates: fits.join("; "), flags: flags.join(" ") } });
}

/** The column's first non-blank cell, shortened: what the column holds, for the user to recognise. */
function sampleCell(rows: readonly string[][], column: number): string {
  const cell = rows.find((row) => !isBlank(row[column]))?.[column]?.trim() ?? "";
  return cell.length > SAMPLE_CHARS ? `${cell.slice(0, SAMPLE_CHARS - 1)}…` : cell;
}

const DETAIL_FLAGS: Record<DetailField, string> = { budget: "--budget", initiatedBy: "--initiated-by", contact: "--contact" };

/**
 * The health check's own columns: those the flags name, and the others as the sidebar finds them
 * by their headers among the columns not named (a column named for one is never found for another).
 */
function detailColumns(rows: readonly string[][], headerRow: number, mapping: ColumnMapping, choices: ColumnChoices): HealthColumnIndexes {
  const header = headerRow < 0 ? [] : rows[headerRow]!;
  const named: HealthColumnIndexes = {};
  for (const field of Object.keys(DETAIL_FLAGS) as DetailField[]) {
    const name = choices.detailColumns?.[field];
    if (name !== undefined) named[field] = namedColumn(rows, header, DETAIL_FLAGS[field], name);
  }
  if (headerRow < 0) return named;
  const taken = new Set(Object.values(named));
  const unnamed = header.map((cell, column) => (taken.has(column) ? "" : cell));
  return { ...findHealthColumns(unnamed, mapping), ...named };
}

/**
 * The column a flag names: by header (compared as customers are) or by number from 1, up to the
 * widest sampled row. One that is not there stops the command, listing the header.
 */
function namedColumn(rows: readonly string[][], header: readonly string[], flag: string, name: string): number {
  const column = isColumnNumber(name) ? Number(name) - 1 : findColumn(header, name);
  const width = Math.max(header.length, ...rows.map((row) => row.length));
  if (column < 0 || column >= width) {
    throw dataError({ key: "columnNotFound", values: { flag, value: `«${name}»`, header: listHeader(header) } });
  }
  return column;
}

/**
 * The status column: the one --status-column names, else one found by header and values (not a
 * column already read for another field). Undefined without one.
 */
function statusColumn(
  rows: readonly string[][],
  headerRow: number,
  mapping: ColumnMapping,
  choices: ColumnChoices,
): StatusColumn | undefined {
  const header = headerRow < 0 ? [] : rows[headerRow]!;
  const named = choices.statuses?.column;
  const counted = choices.statuses?.counted.length ? choices.statuses.counted : undefined;
  let column: number;
  if (named !== undefined) column = namedColumn(rows, header, "--status-column", named);
  else {
    if (headerRow < 0) {
      if (counted !== undefined) throw usageError({ key: "countStatusWithoutColumn" });
      return undefined;
    }
    column = findStatusColumn(header, rows.slice(headerRow + 1));
    if (column < 0 || Object.values(mapping).includes(column)) {
      if (counted !== undefined) throw usageError({ key: "countStatusWithoutColumn" });
      return undefined;
    }
  }
  const name = columnName(header, column, choices.language);
  return counted === undefined ? { column, name } : { column, name, counted };
}

function listHeader(header: readonly string[]): string {
  return header.map((cell) => `«${cell}»`).join(", ");
}

/** How a column is named in messages: its header, or "column 3" without one. */
function columnName(header: readonly string[], column: number, language: Language): string {
  return headerText(header, column) ?? text(language, "columnNumber", { n: column + 1 });
}

function columnNames(mapping: ColumnMapping, header: readonly string[], language: Language): Partial<Record<Field, string>> {
  const names: Partial<Record<Field, string>> = {};
  for (const field of Object.keys(mapping) as Field[]) names[field] = columnName(header, mapping[field]!, language);
  return names;
}
