// Statuses and stages: which rows of an export are completed purchases. A shop's orders export, a
// payment processor's payments, an accounting system's documents and a CRM's deals all hold rows
// that are no purchase (refunded, voided, failed, cancelled, unposted, lost, still open). A status
// column recognised by its header and its values keeps only the completed ones; every other value,
// known or not, is left out and counted by status in the report.
//
// A blank status is a line-item export's continuation row (Shopify writes the order-level fields on
// an order's first row only): it takes its order's status, which the first row has already
// counted, and it adds nothing (the order's total is on the first row). So it needs no memory of
// the order: the first row alone decides.

import { customerKey } from "./customer-key";

/** Compared after case, spaces, underscores and dashes aside (ё read as е), so "partially_refunded" = "Partially refunded". */
export function statusKey(value: unknown): string {
  return customerKey(value).replace(/[\s_\-.]/g, "");
}

// Values from each platform's documentation; see test/support/exports.ts for the sources.
const COMPLETED = [
  // Shopify financial status, Stripe payment status, WooCommerce order status, PayPal status
  "paid",
  "partiallyrefunded",
  "partiallypaid",
  "completed",
  "complete",
  "succeeded",
  "success",
  "processing",
  "won",
  "closedwon",
  // 1C «Проведен», МойСклад / retailCRM statuses, amoCRM and Bitrix24 won stages
  "да",
  "проведен",
  "оплачен",
  "оплачено",
  "выполнен",
  "выполнено",
  "завершен",
  "отгружен",
  "доставлен",
  "успешнореализовано",
  "сделкауспешна",
];

const NOT_PURCHASES = [
  "refunded",
  "voided",
  "failed",
  "cancelled",
  "canceled",
  "declined",
  "denied",
  "reversed",
  "expired",
  "pending",
  "authorized",
  "unpaid",
  "incomplete",
  "uncaptured",
  "onhold",
  "pendingpayment",
  "checkoutdraft",
  "draft",
  "open",
  "new",
  // retailCRM's cancelled status (its "Cancel" group)
  "cancelother",
  "lost",
  "closedlost",
  "нет",
  "непроведен",
  "отменен",
  "отмена",
  "возврат",
  "неоплачен",
  "новый",
  "новая",
  // МойСклад's open orders: confirmed, picked, not yet shipped
  "подтвержден",
  "собран",
  "вработе",
  "первичныйконтакт",
  "переговоры",
  "принимаютрешение",
  "согласованиедоговора",
  "закрытоинереализовано",
  "подготовкадокументов",
  "счетнапредоплату",
  "финальныйсчет",
  "сделкапровалена",
  "анализпричиныпровала",
];

const KNOWN = new Set([...COMPLETED, ...NOT_PURCHASES]);
export const COMPLETED_STATUSES: ReadonlySet<string> = new Set(COMPLETED);

// Header names of status columns, the most telling first: Shopify's "Financial Status" before its
// "Fulfillment Status", a CRM's stage before any other status.
const STATUS_HEADERS: readonly string[] = [
  "financialstatus",
  "orderstatus",
  "этапсделки",
  "стадиясделки",
  "проведен",
  "статусзаказа",
  "status",
  "статус",
  // МойСклад's customer order (its JSON API names the order's status `state`)
  "state",
  "stage",
  "dealstage",
  "этап",
  "стадия",
];

/** A status column is recognised when this share of its sampled non-blank values are known statuses. */
const KNOWN_SHARE = 0.8;

/**
 * The column holding the rows' statuses: a header naming one, whose sampled values are mostly
 * known statuses (so that a "Status" column of a sheet's own making is not taken); -1 if none.
 */
export function findStatusColumn(header: readonly unknown[], rows: readonly (readonly unknown[])[]): number {
  const tokens = header.map(statusKey);
  for (const name of STATUS_HEADERS) {
    const column = tokens.indexOf(name);
    if (column >= 0 && mostlyStatuses(rows.map((row) => row[column]))) return column;
  }
  return -1;
}

function mostlyStatuses(cells: readonly unknown[]): boolean {
  const keys = cells.map(statusKey).filter((key) => key !== "");
  return keys.length > 0 && keys.filter((key) => KNOWN.has(key)).length >= KNOWN_SHARE * keys.length;
}

/** What a row's status makes of it. */
/** The status column a reader applies, and which of its values count as purchases. */
export interface StatusColumn {
  column: number;
  /** Its header, or "column 5". */
  name: string;
  /** The statuses that count (--count-status); undefined for the completed ones. */
  counted?: readonly string[];
}

export type StatusVerdict = "purchase" | "continuation" | "leftOut";

/** Which statuses count as purchases: the completed ones, or those the user names. */
export interface StatusRule {
  counted: ReadonlySet<string>;
}

/** The rule: the values named (--count-status) when any, else the completed statuses. */
export function statusRule(countedValues?: readonly string[]): StatusRule {
  const named = new Set((countedValues ?? []).map(statusKey).filter((key) => key !== ""));
  return { counted: named.size > 0 ? named : COMPLETED_STATUSES };
}

export function statusVerdict(cell: unknown, rule: StatusRule): StatusVerdict {
  const key = statusKey(cell);
  if (key === "") return "continuation";
  return rule.counted.has(key) ? "purchase" : "leftOut";
}

/** How a left-out status is shown and counted: as first spelled, trimmed. */
export function statusLabel(cell: unknown): string {
  return String(cell).trim().replace(/\s+/g, " ");
}
