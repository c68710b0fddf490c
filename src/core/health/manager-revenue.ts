// Revenue from existing customers credited to the manager of each order (question 4), for the
// trend of each manager's revenue. A row of every period per manager cost managers × periods: a
// manager column of unique values took 580 MB by the week on 200,000 rows. The trend reads only
// two windows of periods, the same for every manager (trendWindows), so each manager keeps just
// those periods' sums: memory grows with managers, who are never more than the purchases.

import type { TrendWindows } from "./trend";

export class ManagerRevenue {
  /** Period position → its column among the kept periods, or −1 for a period no trend reads. */
  private readonly columnOf: Int32Array;
  private readonly columns: number;
  /** Manager × kept period: the sums, a row per manager number. */
  private readonly sums: Float64Array;
  private readonly seen: Uint8Array;
  /** Managers with revenue from existing customers in any period, in the order they came. */
  private readonly managers: number[] = [];

  /** `periods` positions, `managerCount` manager numbers; `windows` undefined when no trend can be taken. */
  constructor(periods: number, managerCount: number, windows: TrendWindows | undefined) {
    this.columnOf = new Int32Array(periods).fill(-1);
    let columns = 0;
    if (windows !== undefined) {
      for (const from of [windows.baseFrom, windows.recentFrom]) {
        for (let position = from; position < from + windows.size; position++) this.columnOf[position] = columns++;
      }
    }
    this.columns = columns;
    this.sums = new Float64Array(managerCount * columns);
    this.seen = new Uint8Array(managerCount);
  }

  add(manager: number, position: number, amount: number): void {
    if (this.seen[manager] === 0) {
      this.seen[manager] = 1;
      this.managers.push(manager);
    }
    const column = this.columnOf[position]!;
    if (column < 0) return;
    const at = manager * this.columns + column;
    this.sums[at] = this.sums[at]! + amount;
  }

  /**
   * Each manager with revenue from existing customers, in the order they came, with the sum of
   * their revenue over positions `from` … `to` of a trend window: added period by period, in
   * position order, as over a whole row of periods, so the figures are those a row would give.
   */
  forEachManager(visit: (manager: number, windowSum: (from: number, to: number) => number) => void): void {
    for (const manager of this.managers) {
      const row = manager * this.columns;
      visit(manager, (from, to) => {
        let sum = 0;
        for (let position = from; position <= to; position++) sum += this.sums[row + this.kept(position)]!;
        return sum;
      });
    }
  }

  private kept(position: number): number {
    const column = this.columnOf[position] ?? -1;
    if (column < 0) throw new Error(`period position ${position} is in no trend window`);
    return column;
  }
}
