// The health check's own cells of an order row: a customer's yearly budget (question 2), who
// started the sale (question 7) and an email or phone for the call list. Every surface reads them
// by these rules: the sidebar and the functions through HealthOrders, the command line from its
// file's fields. A value that cannot be read never drops the order; it is counted and the first
// one kept, to be shown beside the question it concerns.

import { isBlank, isSheetError, parseAmount } from "../cells";
import { customerDisplayName } from "../customer-key";
import type { HealthColumnIndexes } from "./health-columns";
import { initiatorOf, type Initiator } from "./initiated-by";
import type { PurchaseLog } from "./purchase-log";

/** Values the health check could not read: counted, the first kept; and the initiators it could. */
export interface DetailProblems {
  unreadableBudgets: number;
  firstUnreadableBudget?: { row: number; value: unknown };
  unknownInitiators: number;
  firstUnknownInitiator?: { row: number; value: unknown };
  /** Initiators that name a side: without one, question 7 has nothing to judge (startedNeedsSides). */
  knownInitiators: number;
}

export const noDetailProblems = (): DetailProblems => ({ unreadableBudgets: 0, unknownInitiators: 0, knownInitiators: 0 });

/** Adds `more` to `total`, keeping the earlier first example (`more` holds later rows). */
export function addDetailProblems(total: DetailProblems, more: DetailProblems): void {
  total.unreadableBudgets += more.unreadableBudgets;
  total.unknownInitiators += more.unknownInitiators;
  total.knownInitiators += more.knownInitiators;
  total.firstUnreadableBudget ??= more.firstUnreadableBudget;
  total.firstUnknownInitiator ??= more.firstUnknownInitiator;
}

export class DetailReader {
  readonly problems = noDetailProblems();

  constructor(private readonly decimalComma: boolean) {}

  /** Whether the company started the sale; `row` names the row in messages. */
  startedByCompany(cell: unknown, row: number): boolean {
    return this.noteInitiator(initiatorOf(cell), cell, row);
  }

  /** As `startedByCompany`, for a cell whose initiator the caller has found (a reader that caches them). */
  noteInitiator(initiator: Initiator, cell: unknown, row: number): boolean {
    if (initiator === "unknown") {
      this.problems.unknownInitiators++;
      this.problems.firstUnknownInitiator ??= { row, value: cell };
    } else if (initiator !== "blank") {
      this.problems.knownInitiators++;
    }
    return initiator === "company";
  }

  /** The budget in the cell; undefined for a blank cell or one that is no budget (counted). */
  budget(cell: unknown, row: number): number | undefined {
    if (isBlank(cell)) return undefined;
    const budget = parseAmount(cell, this.decimalComma);
    if (budget !== undefined && budget >= 0) return budget;
    this.problems.unreadableBudgets++;
    this.problems.firstUnreadableBudget ??= { row, value: cell };
    return undefined;
  }
}

/** The contact in the cell, tidied as names are; undefined when blank or an error value. */
export function contactOf(cell: unknown): string | undefined {
  const contact = customerDisplayName(cell);
  return contact === "" || isSheetError(contact) ? undefined : contact;
}

/** What one order row says besides the order, for the purchase just logged for `customer`. */
export interface OrderDetails {
  startedByCompany: boolean;
  budget: number | undefined;
  contact: string | undefined;
}

/** Records an order's details on the purchase the log has just added for `customer` on `day`. */
export function logDetails(log: PurchaseLog, customer: number, day: number, details: OrderDetails): void {
  if (details.startedByCompany) log.markLastStartedByCompany();
  if (details.budget !== undefined) log.setBudget(customer, day, details.budget);
  if (details.contact !== undefined) log.setContact(customer, day, details.contact);
}

/** Reads the details of rows given as cells by column number (a file's rows). */
export type DetailField = keyof HealthColumnIndexes;

/**
 * Reads the details of rows whose cells come one field at a time: a sheet's ranges (HealthOrders)
 * or a workbook's rows (the command line's .xlsx reading). `fields` says which the orders have.
 */
export class RowDetails {
  readonly reader: DetailReader;
  /** Reused from row to row (a million rows make no objects): valid until the next `read`. */
  private readonly details: OrderDetails = { startedByCompany: false, budget: undefined, contact: undefined };

  constructor(
    private readonly fields: { [Field in DetailField]?: unknown },
    decimalComma: boolean,
  ) {
    this.reader = new DetailReader(decimalComma);
  }

  /** The details of the row numbered `row` in messages, whose cell of each field is `cell(field)`. */
  read(cell: (field: DetailField) => unknown, row: number): OrderDetails {
    const { budget, initiatedBy, contact } = this.fields;
    const details = this.details;
    details.startedByCompany = initiatedBy !== undefined && this.reader.startedByCompany(cell("initiatedBy"), row);
    details.budget = budget === undefined ? undefined : this.reader.budget(cell("budget"), row);
    details.contact = contact === undefined ? undefined : contactOf(cell("contact"));
    return details;
  }
}

/** Whether a file has any of the health check's own columns. */
export const hasDetailColumns = (columns: { [Key in keyof HealthColumnIndexes]?: unknown }): boolean =>
  columns.budget !== undefined || columns.initiatedBy !== undefined || columns.contact !== undefined;
