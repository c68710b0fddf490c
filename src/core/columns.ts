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

// Compared after dropping spaces, underscores, dashes and dots, so "Deal_type" = "deal type". Each
// name has a weight: how surely it names the field. An exact header scores twice its weight, a
// header containing the name one less, so "Email (Billing)" beats "Customer" and "Company
// (Billing)". The customer is a person or a company, a unique identifier (an email, a customer ID,
// «Контрагент», «Компания») before a person's name; never an order number or a document.
// Names come from real exports: see test/support/exports.ts for the platforms and their sources.
const SYNONYMS: Record<Field, readonly (readonly [string, number])[]> = {
  dealType: [
    ["dealtype", 3],
    ["типсделки", 3],
    ["видсделки", 3],
    ["ordertype", 3],
  ],
  manager: [
    ["manager", 3],
    ["менеджер", 3],
    ["ответственный", 3],
    ["salesrep", 3],
    ["продавец", 3],
  ],
  date: [
    ["date", 3],
    ["дата", 3],
    ["orderdate", 3],
    ["invoicedate", 3],
    ["датазаказа", 3],
    ["createdat", 3],
    ["created", 3],
    ["датасоздания", 3],
    ["датадокумента", 3],
    ["paidat", 1],
  ],
  amount: [
    ["amount", 3],
    ["sum", 3],
    ["revenue", 3],
    ["сумма", 3],
    ["выручка", 3],
    ["total", 3],
    ["gross", 3],
    ["бюджет", 3],
    ["итого", 3],
    ["value", 2],
    ["стоимость", 2],
    ["netsales", 2],
  ],
  customer: [
    ["email", 5],
    ["почта", 5],
    ["customerid", 4],
    ["clientid", 4],
    ["idклиента", 4],
    ["кодклиента", 4],
    ["customer", 3],
    ["client", 3],
    ["клиент", 3],
    ["покупатель", 3],
    ["контрагент", 3],
    ["заказчик", 3],
    ["компания", 3],
    ["company", 3],
    ["cust", 3],
    ["buyer", 3],
    ["billingname", 2],
    ["контакт", 2],
    ["фио", 2],
  ],
};

// A header containing one of these is not the field's, whatever else it names: "Customer note",
// "Refunded date (UTC)", "Дата закрытия", "Order Total Tax Amount", "Shipping Name".
const NOT_THE_FIELD: Partial<Record<Field, readonly string[]>> = {
  customer: [
    "number",
    "номер",
    "orderid",
    "invoice",
    "документ",
    "note",
    "comment",
    "примечан",
    "комментар",
    "description",
    "описание",
    "type",
    "тип",
    "shipping",
    "доставк",
    "lineitem",
    "phone",
    "телефон",
    "shippingaddress",
    "billingaddress",
    "addressstatus",
    "адрес",
    // PayPal: "To Email Address" is the merchant's own for a payment received.
    "toemail",
    "marketing",
  ],
  date: ["refund", "возврат", "cancel", "отмен", "fulfill", "closed", "закрыт", "updated", "измен", "редакт", "birth", "рожден"],
  amount: [
    "tax",
    "налог",
    "ндс",
    "shipping",
    "доставк",
    "discount",
    "скидк",
    "fee",
    "комисс",
    "refund",
    "возврат",
    "subtotal",
    "quantity",
    "количеств",
    "lineitem",
    "currency",
    "валют",
  ],
};

/** Claimed in this order, so that "Client manager" is a manager column, not a customer one. */
const CLAIM_ORDER: readonly Field[] = ["dealType", "manager", "date", "amount", "customer"];

/** Fields the user is asked about when two columns are equally plausible for one. */
const DOUBTED: ReadonlySet<Field> = new Set(["customer", "date"]);

function headerToken(cell: unknown): string {
  return customerKey(cell).replace(/[\s_\-.]/g, "");
}

/** Twice the weight for an exact name, one less for a header that contains one, 0 otherwise. */
function matchScore(token: string, field: Field): number {
  if (token === "" || NOT_THE_FIELD[field]?.some((part) => token.includes(part))) return 0;
  let best = 0;
  for (const [synonym, weight] of SYNONYMS[field]) {
    if (token === synonym) best = Math.max(best, 2 * weight);
    else if (token.includes(synonym)) best = Math.max(best, 2 * weight - 1);
  }
  return best;
}

/** Columns equally plausible for a field, by index: the choice is the user's. */
export type ColumnDoubts = Partial<Record<Field, number[]>>;

/** Maps header cells to fields; each column serves at most one field. */
export function mapHeader(header: readonly unknown[]): ColumnMapping {
  return mapHeaderWithDoubts(header).mapping;
}

/** As `mapHeader`, with the customer and date fields that two or more columns fit equally well. */
export function mapHeaderWithDoubts(header: readonly unknown[]): { mapping: ColumnMapping; doubts: ColumnDoubts } {
  const tokens = header.map(headerToken);
  const mapping: ColumnMapping = {};
  const doubts: ColumnDoubts = {};
  const claimed = new Set<number>();
  for (const field of CLAIM_ORDER) {
    let best: number[] = [];
    let bestScore = 0;
    tokens.forEach((token, column) => {
      const score = claimed.has(column) ? 0 : matchScore(token, field);
      if (score > bestScore) [best, bestScore] = [[column], score];
      else if (score > 0 && score === bestScore) best.push(column);
    });
    if (best.length > 0) {
      mapping[field] = best[0]!;
      claimed.add(best[0]!);
      if (best.length > 1 && DOUBTED.has(field)) doubts[field] = best;
    }
  }
  return { mapping, doubts };
}

export interface DetectedLayout {
  /** Index of the header row among the rows looked at; -1 when there is none. */
  headerRow: number;
  mapping: ColumnMapping;
  /** Fields two or more header columns fit equally well (the mapping holds the first of them). */
  doubts?: ColumnDoubts;
}

/**
 * Looks at the first rows for a header that names at least a customer and a date column.
 * Without one, falls back to cell contents: see `guessFromContents`. `rows` are cells as a sheet
 * holds them (numbers, dates); see `detectTextLayout` for rows of text.
 */
export function detectLayout(rows: readonly (readonly unknown[])[], locale: InputLocale): DetectedLayout {
  const scan = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let row = 0; row < scan; row++) {
    const { mapping, doubts } = mapHeaderWithDoubts(rows[row]!);
    if (mapping.customer !== undefined && mapping.date !== undefined) return { headerRow: row, mapping, doubts };
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
