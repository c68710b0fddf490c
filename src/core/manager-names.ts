// Managers as one team types them: "Иванов", "иванов " and "ИВАНОВ" are one manager, as a
// customer's name is one customer whatever its case and spaces (customer-key.ts). Each manager gets
// a number, 0 for none; the ledger keeps who made each customer's first purchase and the health
// check's log who made each purchase as these numbers, so that every figure by manager agrees.

import { customerDisplayName, customerKey } from "./customer-key";

/** Cells remembered as read are forgotten past this many (a column of unique values is no manager column). */
const CELLS_KEPT = 10_000;

export class ManagerNames {
  /** Each manager's key (customerKey, as a customer's), by number; "" for none. */
  private readonly keys: string[] = [""];
  /**
   * Each manager's name for display, by number: of the spellings met, the one that sorts first, so
   * that the name shown never depends on the rows' order (and SQL can take it with MIN).
   */
  private readonly shown: string[] = [""];
  private readonly numberOfKey = new Map<string, number>([["", 0]]);
  /** Cells as read → their number: the same few cells come with nearly every row. */
  private numberOfCell = new Map<unknown, number>();

  /** The manager of a cell (undefined: no manager column, or an error value), 0 for a blank one. */
  number(cell: unknown): number {
    if (cell === undefined) return 0;
    const known = this.numberOfCell.get(cell);
    if (known !== undefined) return known;
    const name = customerDisplayName(cell);
    const key = customerKey(cell);
    let number = this.numberOfKey.get(key);
    if (number === undefined) {
      number = this.keys.length;
      this.keys.push(key);
      this.shown.push(name);
      this.numberOfKey.set(key, number);
    } else if (name < this.shown[number]!) {
      this.shown[number] = name;
    }
    if (this.numberOfCell.size >= CELLS_KEPT) this.numberOfCell = new Map();
    this.numberOfCell.set(cell, number);
    return number;
  }

  /** The manager's name for display; "" for none. */
  name(number: number): string {
    return this.shown[number]!;
  }

  /** Every manager's name by number (index 0 is none, ""). */
  get names(): readonly string[] {
    return this.shown;
  }

  /**
   * Whether manager `a` sorts before manager `b`, by key: of two managers of one day, the one that
   * sorts first is credited, so that the rows' order never chooses.
   */
  sortsBefore(a: number, b: number): boolean {
    return this.keys[a]! < this.keys[b]!;
  }
}
