// The cohort triangle of COHORT_MATRIX (cohorts.ts), from the purchase log instead of a ledger that
// tracks periods: for each cohort of new customers, how many bought again 0, 1, 2 … periods after
// their first purchase. The reports draw it as a heatmap, so it keeps only the latest cohorts and
// the first offsets, and says how many cohorts it left out.

import { isoDate } from "../calendar";
import { periodIndex, periodLabel, periodStart, type Period } from "../periods";

export interface CohortGridRow {
  /** `2024-03`, as the cohort rows write it. */
  period: string;
  start: string;
  size: number;
  /** Offset k → customers of the cohort who bought in period cohort + k; null past the data. */
  active: (number | null)[];
}

export interface CohortGrid {
  rows: CohortGridRow[];
  /** Older cohorts left out. */
  rowsOmitted: number;
  /** Offsets shown: 0 … offsets − 1. */
  offsets: number;
}

/** A cohort's size and its active customers by offset, as counted; offsets nobody bought in are absent. */
export interface CohortCounts {
  size: number;
  active: number[];
}

export class CohortGridBuilder {
  private readonly byCohort = new Map<number, CohortCounts>();

  /** `periodOf` gives a day's period index (see DayTable). */
  constructor(
    private readonly period: Period,
    private readonly periodOf: (day: number) => number,
  ) {}

  /** A customer's distinct purchase days, sorted: the first `count` of `days`. */
  add(days: ArrayLike<number>, count: number): void {
    const cohort = this.periodOf(days[0]!);
    let row = this.byCohort.get(cohort);
    if (row === undefined) this.byCohort.set(cohort, (row = { size: 0, active: [] }));
    row.size++;
    let lastOffset = -1;
    for (let i = 0; i < count; i++) {
      const offset = this.periodOf(days[i]!) - cohort;
      if (offset === lastOffset) continue;
      lastOffset = offset;
      row.active[offset] = (row.active[offset] ?? 0) + 1;
    }
  }

  build(latestDay: number, maxCohorts: number, maxOffsets: number): CohortGrid {
    return cohortGrid(this.byCohort, this.period, latestDay, maxCohorts, maxOffsets);
  }
}

/**
 * The grid of the latest `maxCohorts` cohorts and the first `maxOffsets` offsets, up to the period
 * of `latestDay`, from each cohort's counts by period index: the builder's, or an engine's that
 * counted them itself (the DuckDB report's).
 */
export function cohortGrid(
  byCohort: ReadonlyMap<number, CohortCounts>,
  period: Period,
  latestDay: number,
  maxCohorts: number,
  maxOffsets: number,
): CohortGrid {
  const cohorts = [...byCohort.keys()].sort((a, b) => a - b);
  const shown = cohorts.slice(-maxCohorts);
  const lastPeriod = periodIndex(latestDay, period);
  const offsets = shown.length === 0 ? 0 : Math.min(maxOffsets, lastPeriod - shown[0]! + 1);
  return {
    rows: shown.map((cohort) => {
      const row = byCohort.get(cohort)!;
      return {
        period: periodLabel(cohort, period),
        start: isoDate(periodStart(cohort, period)),
        size: row.size,
        active: Array.from({ length: offsets }, (_, offset) => (cohort + offset > lastPeriod ? null : (row.active[offset] ?? 0))),
      };
    }),
    rowsOmitted: cohorts.length - shown.length,
    offsets,
  };
}
