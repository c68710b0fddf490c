// One trend rule for every series of the health check (issue 14): the last few complete periods
// against the same periods a year before, where the data cover them, else against the periods
// just before. A change beyond the threshold either way is growth or a fall; anything between is
// flat. Sums are compared, not averages of per-period figures, so a ratio such as the average order
// is compared as total revenue ÷ total purchases of each window.

export interface TrendSettings {
  /** Periods in each window. */
  windowPeriods: number;
  /** A change above +threshold is growth, below −threshold a fall (0.10 = 10 %). */
  threshold: number;
}

export const DEFAULT_TREND: TrendSettings = { windowPeriods: 3, threshold: 0.1 };

/** A threshold every surface accepts, as a share: above 0 (else every wobble is a trend) and below 1 (a fall of 100 % is the floor). */
export function isTrendThreshold(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value) && value > 0 && value < 1;
}

/**
 * How far a figure may miss a threshold and still be on it: 110 ÷ 100 − 1 is 0.10000000000000009
 * in floating point, and exactly +10 % must stay flat; 29.99 ÷ 60 can land a hair below 50 %.
 */
export const ROUNDING = 1e-9;

export type TrendDirection = "growing" | "flat" | "falling";

/** A window of periods, as positions in the series. */
export interface TrendWindow {
  from: number;
  to: number;
  value: number;
}

export type Trend =
  | {
      direction: TrendDirection;
      /** recent ÷ base − 1; null when the base is 0. */
      change: number | null;
      recent: TrendWindow;
      base: TrendWindow;
      basis: "yearBefore" | "justBefore";
    }
  | { direction: "needsData"; periodsNeeded: number };

/** The two windows a trend compares, as positions in the series (both `size` periods long). */
export interface TrendWindows {
  recentFrom: number;
  baseFrom: number;
  size: number;
  basis: "yearBefore" | "justBefore";
}

/**
 * Which windows the trend over positions `firstUsable` … `lastComplete` compares, or how many more
 * complete periods it needs: the same for every series of one health check, so a series that is
 * costly to keep whole (one per manager) can keep just these periods.
 */
export function trendWindows(
  firstUsable: number,
  lastComplete: number,
  periodsPerYear: number,
  settings: TrendSettings = DEFAULT_TREND,
): TrendWindows | { periodsNeeded: number } {
  const size = settings.windowPeriods;
  const recentFrom = lastComplete - size + 1;
  const baseFrom = baseStart(recentFrom, firstUsable, periodsPerYear, size);
  // The periods still to complete before the recent window and one before it are usable.
  if (baseFrom === undefined) return { periodsNeeded: firstUsable + 2 * size - 1 - lastComplete };
  return { recentFrom, baseFrom, size, basis: baseFrom === recentFrom - periodsPerYear ? "yearBefore" : "justBefore" };
}

/**
 * The trend of a series whose windows are valued by `windowValue(from, to)` (positions, inclusive).
 * Positions `firstUsable` … `lastComplete` may enter it; `periodsPerYear` places the year before.
 */
export function trendOf(
  windowValue: (from: number, to: number) => number,
  firstUsable: number,
  lastComplete: number,
  periodsPerYear: number,
  settings: TrendSettings = DEFAULT_TREND,
): Trend {
  const windows = trendWindows(firstUsable, lastComplete, periodsPerYear, settings);
  if (!("recentFrom" in windows)) return { direction: "needsData", periodsNeeded: windows.periodsNeeded };
  const { recentFrom, size } = windows;
  const windowFrom = (from: number, to: number): TrendWindow => ({ from, to, value: windowValue(from, to) });
  const recent = windowFrom(recentFrom, lastComplete);
  let { baseFrom, basis } = windows;
  let base = windowFrom(baseFrom, baseFrom + size - 1);
  // A ratio over a window with nothing to divide by (no purchases) has no value: a year before with
  // none (a pause, a season) is not covered by the data, and the periods just before stand in.
  if (!Number.isFinite(base.value) && basis === "yearBefore" && recentFrom - size >= firstUsable) {
    [baseFrom, basis] = [recentFrom - size, "justBefore"];
    base = windowFrom(baseFrom, recentFrom - 1);
  }
  // Still nothing to compare: periodsNeeded 0, for no more history would give a value.
  if (!Number.isFinite(recent.value) || !Number.isFinite(base.value)) return { direction: "needsData", periodsNeeded: 0 };
  const change = base.value === 0 ? null : recent.value / base.value - 1;
  return { direction: directionOf(change, recent.value, settings.threshold), change, recent, base, basis };
}

/** The base window's first position: a year before when that fits and does not overlap, else just before. */
function baseStart(recentFrom: number, firstUsable: number, periodsPerYear: number, size: number): number | undefined {
  if (periodsPerYear >= size && recentFrom - periodsPerYear >= firstUsable) return recentFrom - periodsPerYear;
  if (recentFrom - size >= firstUsable) return recentFrom - size;
  return undefined;
}

function directionOf(change: number | null, recent: number, threshold: number): TrendDirection {
  // From nothing to something is growth; nothing to nothing is flat.
  if (change === null) return recent > 0 ? "growing" : "flat";
  if (change > threshold + ROUNDING) return "growing";
  if (change < -threshold - ROUNDING) return "falling";
  return "flat";
}
