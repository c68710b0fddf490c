// The book's eight questions, each with a verdict and the figures behind it. The thresholds are
// ours, written down in docs/health-check.md and tested at every boundary: "good" from the good
// threshold on, "bad" past the bad one, "watch" between.

import { ROUNDING, type Trend, type TrendDirection } from "./trend";

/** A window of the trend as reports show it: period labels (`2024-03` …) and the window's value. */
export interface LabelledWindow {
  from: string;
  to: string;
  value: number;
}

/** A trend with its windows named by period, as the report carries it. */
export type ReportTrend =
  | { direction: TrendDirection; change: number | null; recent: LabelledWindow; base: LabelledWindow; basis: "yearBefore" | "justBefore" }
  | { direction: "needsData"; periodsNeeded: number };

/** Names a trend's windows with `label(position)`. */
export function labelTrend(trend: Trend, label: (position: number) => string): ReportTrend {
  if (trend.direction === "needsData") return trend;
  const named = (window: { from: number; to: number; value: number }): LabelledWindow => ({
    from: label(window.from),
    to: label(window.to),
    value: window.value,
  });
  return { direction: trend.direction, change: trend.change, recent: named(trend.recent), base: named(trend.base), basis: trend.basis };
}

export type HealthVerdict = "good" | "watch" | "bad" | "needsData";

/**
 * What a question needs that the orders lack. "revenue": the periods judged had none (or refunds
 * outweighed it), so there is no share to give. "judgedManagers": no manager has enough new
 * customers or a revenue trend for question 4 yet. "purchases": a window the trend compares has no
 * purchases to take a ratio of, which no more history would change. "positiveBudget": the budget
 * column was read, but no budget is above 0. "repeatCustomers": nobody has bought on two days yet,
 * so nobody can have lapsed.
 */
export type MissingData =
  | "amount"
  | "budget"
  | "positiveBudget"
  | "initiatedBy"
  | "initiatorSides"
  | "manager"
  | "history"
  | "revenue"
  | "judgedManagers"
  | "purchases"
  | "repeatCustomers";

export type QuestionId = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

export interface HealthQuestion {
  id: QuestionId;
  verdict: HealthVerdict;
  /** With `needsData`: what would let the product answer. */
  needs?: MissingData;
  /** With `needs: "history"`: complete periods still to come. */
  periodsNeeded?: number;
  /** The figures the verdict rests on, by name (shares are 0…1). */
  figures: Record<string, number | string | null>;
  /** The trend the verdict rests on, for the questions judged by one. */
  trend?: ReportTrend;
  /** The health-check period field drawn as this question's trend line. */
  series?: string;
  /** Values of the column this question reads that could not be read: counted, the first shown. */
  unread?: UnreadValues;
}

/** Cells the health check could not read (a budget that is no number, an initiator it does not know). */
export interface UnreadValues {
  count: number;
  /** The first of them: its row (0 where it was not found again) and its value as written. */
  row: number;
  /** The file it is in, where several are read (the command line's DuckDB engine). */
  file?: string;
  value: string;
}

/** A band: `good` from this value on, `bad` below `bad` (or the other way round when lower is better). */
export interface Band {
  good: number;
  bad: number;
  higherIsBetter: boolean;
}

export const HEALTH_BANDS = {
  /** Q1: existing customers' share of revenue. The book: it should be the larger part. */
  existingShare: { good: 0.6, bad: 0.5, higherIsBetter: true },
  /** Q2: sales in the last 12 months ÷ the customers' yearly budgets. */
  shareOfWallet: { good: 0.75, bad: 0.5, higherIsBetter: true },
  /** Q4: share of judged managers in trouble (new customers below target, or falling existing revenue). */
  managersInTrouble: { good: 0, bad: 0.5, higherIsBetter: false },
  /** Q5: lapsed customers ÷ customers who bought on two days or more. */
  lapsedShare: { good: 0.1, bad: 0.25, higherIsBetter: false },
  /** Q7: purchases the company started ÷ all purchases of the last 12 months. */
  startedShare: { good: 0.5, bad: 0.3, higherIsBetter: true },
} as const satisfies Record<string, Band>;

/**
 * Where a value falls. Lower-is-better bands are good up to `good` and bad above `bad`. Shares of
 * money sums reach a threshold only to within rounding: a value that close counts as on it.
 */
export function bandVerdict(value: number, band: Band): HealthVerdict {
  if (band.higherIsBetter) return value >= band.good - ROUNDING ? "good" : value < band.bad - ROUNDING ? "bad" : "watch";
  return value <= band.good + ROUNDING ? "good" : value > band.bad + ROUNDING ? "bad" : "watch";
}

/** A trend's verdict: growth is good, flat is to watch, a fall is bad. */
export function trendVerdict(trend: ReportTrend): HealthVerdict {
  switch (trend.direction) {
    case "growing":
      return "good";
    case "flat":
      return "watch";
    case "falling":
      return "bad";
    case "needsData":
      return "needsData";
  }
}

export function needsData(id: QuestionId, needs: MissingData, periodsNeeded?: number): HealthQuestion {
  return { id, verdict: "needsData", needs, ...(periodsNeeded === undefined ? {} : { periodsNeeded }), figures: {} };
}

/** A question judged by a trend; "needs history" when the trend cannot be taken yet, "purchases" when a window has none. */
export function trendQuestion(id: QuestionId, trend: ReportTrend, series: string, figures: HealthQuestion["figures"] = {}): HealthQuestion {
  if (trend.direction === "needsData" && trend.periodsNeeded === 0) return { ...needsData(id, "purchases"), series };
  if (trend.direction === "needsData") return { ...needsData(id, "history", trend.periodsNeeded), series };
  return { id, verdict: trendVerdict(trend), figures: { change: trend.change, ...figures }, trend, series };
}
