// The columns only the health check reads, found by their headers in English and Russian: a
// customer's yearly budget (question 2), who started the sale (question 7), and an email or phone
// for the call list. None is required; without one, the question it serves says what it needs.

import { type ColumnMapping, SELLER_WORDS } from "../columns";
import { customerKey } from "../customer-key";
import type { HealthColumns } from "./health-orders";

export type HealthColumnIndexes = { [Key in keyof HealthColumns]?: number };
/** The same columns as the orders name them (their headers), for the reports' "columns read". */
export type HealthColumnNames = { [Key in keyof HealthColumns]?: string };

// Compared as header tokens: case folded, spaces, underscores, dashes and dots dropped.
const NAMES: Record<keyof HealthColumns, readonly string[]> = {
  // "Budget" alone is amoCRM's deal amount; it is the customer's budget only beside an amount column.
  budget: ["budget", "бюджет", "potential", "потенциал", "walletsize"],
  initiatedBy: ["initiatedby", "initiator", "initiative", "инициатор", "инициатива", "направлениеобращения"],
  contact: ["email", "почта", "phone", "телефон", "mobile", "мобильный"],
};

function token(cell: unknown): string {
  return customerKey(cell).replace(/[\s_\-.]/g, "");
}

/** The first column whose header names each health field, other than the columns the mapping uses (an email customer column is also the contact). */
export function findHealthColumns(header: readonly unknown[], mapping: ColumnMapping): HealthColumnIndexes {
  const used = new Set(Object.values(mapping));
  const tokens = header.map(token);
  const find = (field: keyof HealthColumns, allowed: (column: number) => boolean): number | undefined => {
    const column = tokens.findIndex((name, index) => allowed(index) && NAMES[field].some((part) => name.includes(part)));
    return column < 0 ? undefined : column;
  };
  const found: HealthColumnIndexes = {
    budget: mapping.amount === undefined ? undefined : find("budget", (column) => !used.has(column)),
    initiatedBy: find("initiatedBy", (column) => !used.has(column)),
    contact: find(
      "contact",
      (column) => (!used.has(column) || column === mapping.customer) && !SELLER_WORDS.some((part) => tokens[column]!.includes(part)),
    ),
  };
  return Object.fromEntries(Object.entries(found).filter(([, column]) => column !== undefined)) as HealthColumnIndexes;
}
