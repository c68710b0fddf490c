// Finding the header row and which column holds what, from header names in English and Russian,
// or from the cells themselves when there is no header. The one header detection: the sidebar and
// the command line both call it, so a sheet and its CSV export map alike.

import { isBlank, isDateObject, parseAmount, parseDateText, type InputLocale } from "./cells";
import { customerKey } from "./customer-key";

/** A header is looked for in this many first rows. */
export const HEADER_SEARCH_ROWS = 10;
/** Without a header, columns are guessed from this many first rows: what callers read to detect a layout. */
export const LAYOUT_SAMPLE_ROWS = 50;

export type Field = "customer" | "date" | "amount" | "manager" | "dealType";

/** Column index per field (0-based); a missing field has no entry. */
export type ColumnMapping = Partial<Record<Field, number>>;

// Compared after dropping spaces, underscores, dashes and dots, so "Deal_type" = "deal type".
const SYNONYMS: Record<Field, readonly string[]> = {
  dealType: ["dealtype", "типсделки", "видсделки", "ordertype"],
  manager: ["manager", "менеджер", "ответственный", "salesrep", "продавец"],
  date: ["date", "дата", "orderdate", "invoicedate", "датазаказа"],
  amount: ["amount", "sum", "revenue", "сумма", "выручка", "total", "value", "стоимость"],
  customer: ["customer", "client", "клиент", "покупатель", "контрагент", "заказчик", "cust", "buyer"],
};

/** Claimed in this order, so that "Client manager" is a manager column, not a customer one. */
const CLAIM_ORDER: readonly Field[] = ["dealType", "manager", "date", "amount", "customer"];

function headerToken(cell: unknown): string {
  return customerKey(cell).replace(/[\s_\-.]/g, "");
}

/** 2 for an exact synonym, 1 for a header that contains one, 0 otherwise. */
function matchScore(token: string, field: Field): number {
  let best = 0;
  for (const synonym of SYNONYMS[field]) {
    if (token === synonym) return 2;
    if (token.includes(synonym)) best = 1;
  }
  return best;
}

/** Maps header cells to fields; each column serves at most one field. */
export function mapHeader(header: readonly unknown[]): ColumnMapping {
  const tokens = header.map(headerToken);
  const mapping: ColumnMapping = {};
  const claimed = new Set<number>();
  for (const field of CLAIM_ORDER) {
    let bestColumn = -1;
    let bestScore = 0;
    tokens.forEach((token, column) => {
      const score = claimed.has(column) ? 0 : matchScore(token, field);
      if (score > bestScore) [bestColumn, bestScore] = [column, score];
    });
    if (bestColumn >= 0) {
      mapping[field] = bestColumn;
      claimed.add(bestColumn);
    }
  }
  return mapping;
}

export interface DetectedLayout {
  /** Index of the header row among the rows looked at; -1 when there is none. */
  headerRow: number;
  mapping: ColumnMapping;
}

/**
 * Looks at the first rows for a header that names at least a customer and a date column.
 * Without one, falls back to cell contents: see `guessFromContents`. `rows` are cells as a sheet
 * holds them (numbers, dates); see `detectTextLayout` for rows of text.
 */
export function detectLayout(rows: readonly (readonly unknown[])[], locale: InputLocale): DetectedLayout {
  const scan = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let row = 0; row < scan; row++) {
    const mapping = mapHeader(rows[row]!);
    if (mapping.customer !== undefined && mapping.date !== undefined) return { headerRow: row, mapping };
  }
  return { headerRow: -1, mapping: guessFromContents(rows.slice(0, LAYOUT_SAMPLE_ROWS), locale) };
}

/** As `detectLayout`, for rows of text (a CSV file's): numbers are read as the locale writes them. */
export function detectTextLayout(rows: readonly (readonly string[])[], locale: InputLocale): DetectedLayout {
  return detectLayout(
    rows.map((row) =>
      row.map((cell) => (isBlank(cell) || looksLikeDate(cell, locale) ? cell : (parseAmount(cell, locale.decimalComma) ?? cell))),
    ),
    locale,
  );
}

/** A date cell (Sheets hands those over as Dates) or text that reads as a date; not a bare number. */
export function looksLikeDate(cell: unknown, locale: InputLocale): boolean {
  return isDateObject(cell) || (typeof cell === "string" && parseDateText(cell, locale.slashOrder) !== undefined);
}

/** The column whose header is `name`, compared as customers are (case and spacing aside); -1 if none. */
export function findColumn(header: readonly unknown[], name: string): number {
  const wanted = customerKey(name);
  return header.findIndex((cell) => customerKey(cell) === wanted);
}

/** The first of the rows a header is looked for in that has a column of every name; -1 if none. */
export function findHeaderNaming(rows: readonly (readonly unknown[])[], names: readonly string[]): number {
  return rows.slice(0, HEADER_SEARCH_ROWS).findIndex((row) => names.every((name) => findColumn(row, name) >= 0));
}

/** The header cell's text, trimmed, or undefined for a blank cell or no header. */
export function headerText(header: readonly unknown[] | undefined, column: number): string | undefined {
  const cell = header?.[column];
  return isBlank(cell) ? undefined : String(cell).trim();
}

/** No header: the first mostly-date column is the date, the first mostly-number column the amount, the first mostly-text column the customer. */
function guessFromContents(rows: readonly (readonly unknown[])[], locale: InputLocale): ColumnMapping {
  const width = Math.max(0, ...rows.map((row) => row.length));
  const mapping: ColumnMapping = {};
  for (let column = 0; column < width; column++) {
    const cells = rows.map((row) => row[column]).filter((cell) => customerKey(cell) !== "");
    if (cells.length === 0) continue;
    const share = (test: (cell: unknown) => boolean): number => cells.filter(test).length / cells.length;
    if (mapping.date === undefined && share((cell) => looksLikeDate(cell, locale)) >= 0.8) mapping.date = column;
    else if (mapping.amount === undefined && share((cell) => typeof cell === "number") >= 0.8) mapping.amount = column;
    else if (mapping.customer === undefined && share((cell) => typeof cell === "string") >= 0.8) mapping.customer = column;
  }
  return mapping;
}
