// Finding the header row and which column holds what, from header names in English and Russian,
// or from the cells themselves when there is no header. The one header detection: the sidebar and
// the command line both call it, so a sheet and its CSV export map alike.

import { isBlank, isCompactDayColumn, isDateObject, parseAmount, parseDateText, type InputLocale } from "./cells";
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
    // МойСклад's JSON API: a document's date and time
    ["moment", 3],
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
    // amoCRM's deal amount: as a whole header (5.5) it beats a header that only contains «сумма»
    // (5, «Сумма предоплаты»), but not «Сумма» itself (6), beside which it is the customer's budget
    // (the health check's question 2, health-columns.ts).
    ["бюджет", 2.75],
    ["итого", 3],
    // retailCRM's JSON API: the total after discounts (its "summ" is before them)
    ["totalsumm", 3],
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
    // МойСклад's JSON API: the counterparty of a document (its "organization" is the seller)
    ["agent", 2],
    // A plain "name" column of a hand-made sheet. The weakest name: Shopify's "Name" is the order
    // number, and its Email outweighs it.
    ["name", 1],
    ["имя", 1],
  ],
};

/**
 * Words of a header that names the seller: "Manager email", «Телефон менеджера», «Email продавца»
 * are the seller's, never the customer's nor a customer's contact (health-columns.ts).
 */
export const SELLER_WORDS: readonly string[] = ["manager", "менеджер", "ответственн", "salesrep", "продавец", "продавц"];

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
    "useragent",
    // "Product name", «Наименование товара»: what was bought, not who bought it.
    "product",
    "товар",
    "номенклатур",
    "sku",
    ...SELLER_WORDS,
  ],
  date: ["refund", "возврат", "cancel", "отмен", "fulfill", "closed", "закрыт", "updated", "измен", "редакт", "birth", "рожден", "planned"],
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
  // «Инициатор (клиент/менеджер)» says who started a sale (the health check's question 7); a
  // manager's phone or email is no manager (health-columns.ts leaves it out of the contacts too).
  manager: ["initiat", "инициат", "phone", "телефон", "email", "почта"],
};

/** Claimed in this order, so that "Client manager" is a manager column, not a customer one. */
const CLAIM_ORDER: readonly Field[] = ["dealType", "manager", "date", "amount", "customer"];

/** Fields the user is asked about when two columns are equally plausible for one. */
const DOUBTED: ReadonlySet<Field> = new Set(["customer", "date"]);

function headerToken(cell: unknown): string {
  return customerKey(cell).replace(/[\s_\-.]/g, "");
}

/**
 * "With VAT", "without VAT" after an amount's name: 1C's «Сумма с НДС», «Сумма без НДС», «Выручка
 * с НДС» are the order's amount, where «НДС», «Сумма НДС», «в т.ч. НДС» are only its tax.
 */
const WITH_OR_WITHOUT_TAX = /(?:с|без|включая|вкл)ндс|(?:incl|excl|ex|with|without)(?:vat|tax)/g;

/** Twice the weight for an exact name, one less for a header that contains one, 0 otherwise. */
function matchScore(header: string, field: Field): number {
  const token = field === "amount" ? header.replace(WITH_OR_WITHOUT_TAX, "") : header;
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

/** Fields a column can be proposed for by its contents alone. */
export type GuessedField = "customer" | "date" | "amount";

/** Per field, the columns whose contents fit it, the likeliest first. */
export type ColumnCandidates = Partial<Record<GuessedField, number[]>>;

export interface DetectedLayout {
  /** Index of the header row among the rows looked at; -1 when there is none. */
  headerRow: number;
  mapping: ColumnMapping;
  /** Fields two or more header columns fit equally well (the mapping holds the first of them). */
  doubts?: ColumnDoubts;
  /**
   * Without a header, the columns whose contents fit each field; the mapping is then only a
   * proposal (the first of each), for the user to confirm.
   */
  candidates?: ColumnCandidates;
}

/**
 * Looks at the first rows for a header that names at least a customer and a date column.
 * Without one, proposes columns from the cells: see `contentCandidates`. `rows` are cells as a
 * sheet holds them (numbers, dates); see `detectTextLayout` for rows of text.
 */
export function detectLayout(rows: readonly (readonly unknown[])[], locale: InputLocale): DetectedLayout {
  return detect(rows, locale, false);
}

/**
 * As `detectLayout`, for rows of text (a CSV file's): numbers are read as the locale writes them,
 * except ids with leading zeros (`00042`), which stay text; `YYYYMMDD` columns are dates.
 */
export function detectTextLayout(rows: readonly (readonly string[])[], locale: InputLocale): DetectedLayout {
  const cells = rows.map((row) => row.map((cell) => (staysText(cell, locale) ? cell : (parseAmount(cell, locale.decimalComma) ?? cell))));
  return detect(cells, locale, true);
}

function detect(rows: readonly (readonly unknown[])[], locale: InputLocale, compactDays: boolean): DetectedLayout {
  const scan = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let row = 0; row < scan; row++) {
    const { mapping, doubts } = mapHeaderWithDoubts(rows[row]!);
    if (mapping.customer !== undefined && mapping.date !== undefined) {
      mapping.customer = filledCustomerColumn(rows, row, mapping);
      return { headerRow: row, mapping, doubts };
    }
  }
  const candidates = contentCandidates(rows.slice(0, LAYOUT_SAMPLE_ROWS), locale, compactDays);
  const mapping: ColumnMapping = {};
  for (const field of Object.keys(candidates) as GuessedField[]) mapping[field] = candidates[field]![0]!;
  return { headerRow: -1, mapping, candidates };
}

/**
 * The customer column the header chose, unless it is blank on sampled rows where another column
 * named like a customer's is filled: an email typed on a customer's first order only, beside a
 * «Клиент» filled on every one, would otherwise leave most orders without a customer. Of the
 * columns named like a customer's and claimed by no other field, the one filled on the most
 * sampled rows wins; on a tie, the header's choice stays.
 */
function filledCustomerColumn(rows: readonly (readonly unknown[])[], headerRow: number, mapping: ColumnMapping): number {
  const chosen = mapping.customer!;
  const sample = rows.slice(headerRow + 1, headerRow + 1 + LAYOUT_SAMPLE_ROWS);
  const filled = (column: number): number => sample.filter((row) => !isBlank(row[column])).length;
  const claimed = new Set(Object.values(mapping));
  let best = chosen;
  let bestFilled = filled(chosen);
  if (bestFilled === sample.length) return chosen;
  rows[headerRow]!.forEach((cell, column) => {
    if (claimed.has(column) || matchScore(headerToken(cell), "customer") === 0) return;
    const count = filled(column);
    if (count > bestFilled) [best, bestFilled] = [column, count];
  });
  return best;
}

// A customer number written with leading zeros (CDNOW's `00001`) is an id: as an amount it would
// lose what tells it from `1`. `YYYYMMDD` text is kept for the date test to see.
const ZERO_PADDED_ID = /^0\d+$/;

function staysText(cell: string, locale: InputLocale): boolean {
  return isBlank(cell) || looksLikeDate(cell, locale) || ZERO_PADDED_ID.test(cell.trim()) || isCompactDayColumn([cell]);
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

/**
 * No header: per field, the columns most of whose sampled cells fit it. Dates: cells that read as
 * dates, or (`compactDays`, a text file's) a column of `YYYYMMDD` days only. Amounts: numbers, a
 * column with fractions before one of whole numbers (a quantity or an id). Customers: text. Each
 * column fits one field at most, the first of these that it fits.
 */
function contentCandidates(rows: readonly (readonly unknown[])[], locale: InputLocale, compactDays: boolean): ColumnCandidates {
  const width = Math.max(0, ...rows.map((row) => row.length));
  const dates: number[] = [];
  const fractions: number[] = [];
  const wholes: number[] = [];
  const texts: number[] = [];
  for (let column = 0; column < width; column++) {
    const cells = rows.map((row) => row[column]).filter((cell) => customerKey(cell) !== "");
    if (cells.length === 0) continue;
    const share = (test: (cell: unknown) => boolean): number => cells.filter(test).length / cells.length;
    if (share((cell) => looksLikeDate(cell, locale)) >= 0.8 || (compactDays && isCompactDayColumn(cells))) dates.push(column);
    else if (share((cell) => typeof cell === "number") >= 0.8) {
      (cells.some((cell) => typeof cell === "number" && !Number.isInteger(cell)) ? fractions : wholes).push(column);
    } else if (share((cell) => typeof cell === "string") >= 0.8) texts.push(column);
  }
  const candidates: ColumnCandidates = {};
  const found: [GuessedField, number[]][] = [
    ["customer", texts],
    ["date", dates],
    ["amount", [...fractions, ...wholes]],
  ];
  for (const [field, columns] of found) if (columns.length > 0) candidates[field] = columns;
  return candidates;
}
