// Finding the header row and which column holds what, from header names in English and Russian.
// The sidebar and the command line both call this, so a sheet and its CSV export map alike.

import { customerKey } from "./customer-key";

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
 * Without one, falls back to cell contents: see `guessFromContents`.
 */
export function detectLayout(rows: readonly (readonly unknown[])[], looksLikeDate: (cell: unknown) => boolean): DetectedLayout {
  const scan = Math.min(rows.length, 10);
  for (let row = 0; row < scan; row++) {
    const mapping = mapHeader(rows[row]!);
    if (mapping.customer !== undefined && mapping.date !== undefined) return { headerRow: row, mapping };
  }
  return { headerRow: -1, mapping: guessFromContents(rows.slice(0, 50), looksLikeDate) };
}

/** No header: the first mostly-date column is the date, the first mostly-text column the customer. */
function guessFromContents(rows: readonly (readonly unknown[])[], looksLikeDate: (cell: unknown) => boolean): ColumnMapping {
  const width = Math.max(0, ...rows.map((row) => row.length));
  const mapping: ColumnMapping = {};
  for (let column = 0; column < width; column++) {
    const cells = rows.map((row) => row[column]).filter((cell) => customerKey(cell) !== "");
    if (cells.length === 0) continue;
    const share = (test: (cell: unknown) => boolean): number => cells.filter(test).length / cells.length;
    if (mapping.date === undefined && share(looksLikeDate) >= 0.8) mapping.date = column;
    else if (mapping.amount === undefined && share((cell) => typeof cell === "number") >= 0.8) mapping.amount = column;
    else if (mapping.customer === undefined && share((cell) => typeof cell === "string") >= 0.8) mapping.customer = column;
  }
  return mapping;
}
