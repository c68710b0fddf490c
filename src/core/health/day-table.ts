// Calendar facts the health check asks of every purchase, looked up instead of computed: a
// million purchases fall on a few thousand days, and a civil-date conversion per purchase would
// cost more than the rest of the check.

import { periodIndex, type Period } from "../periods";
import { yearBefore } from "./calendar-year";

export class DayTable {
  private readonly periods: Int32Array;
  private readonly yearStarts: Int32Array;

  /** Days in the table. */
  readonly size: number;

  /** The days from `firstDay` to `lastDay`, both included. */
  constructor(
    readonly firstDay: number,
    lastDay: number,
    period: Period,
  ) {
    // No orders at all put both ends at +∞: a table of no days.
    const size = Number.isFinite(lastDay - firstDay) ? Math.max(0, lastDay - firstDay + 1) : 0;
    this.size = size;
    this.periods = new Int32Array(size);
    this.yearStarts = new Int32Array(size);
    for (let i = 0; i < size; i++) {
      this.periods[i] = periodIndex(firstDay + i, period);
      this.yearStarts[i] = yearBefore(firstDay + i);
    }
  }

  /** The period index of a day in the table. */
  period(day: number): number {
    return this.periods[day - this.firstDay]!;
  }

  /** The same date a year earlier: the 12 months ending on `day` are the days after it. */
  yearBefore(day: number): number {
    return this.yearStarts[day - this.firstDay]!;
  }
}
