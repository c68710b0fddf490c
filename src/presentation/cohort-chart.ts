// The cohort chart as data: what the sidebar's SVG and the HTML report's SVG both draw. Positions
// are fractions of the plot (x from 0 at the left, heights from 0 to 1), so each surface only
// scales them to its own size and picks its own classes. The heatmap of COHORT_MATRIX (issue 15)
// belongs beside this as a model of its own, drawn by the same two surfaces.

import type { CohortReportRow, RetentionReport } from "../core/report";
import type { Formats } from "./formats";

/** How a bar is coloured: too early to tell, or old enough and at or below the target. */
export type BarStanding = "tooEarly" | "met" | "below";

export interface ChartBar {
  /** The cohort's period label as the language writes it (`1 кв. 2024`). */
  period: string;
  rate: number;
  standing: BarStanding;
  /** One of the cohorts the verdict sums; the others are drawn faded. */
  judged: boolean;
  /** The slot's left edge and the bar's width, as fractions of the plot's width. */
  x: number;
  width: number;
  /** The rate clamped to the plot, 0–1. */
  height: number;
  /** The tooltip: `2024-03: 57.1%`. */
  title: string;
}

export interface ChartLabel {
  text: string;
  /** Where the text is anchored, as a fraction of the plot's width, and which of its ends sits there. */
  x: number;
  anchor: "start" | "middle" | "end";
}

export interface ChartTick {
  /** 0–1, from the plot's bottom. */
  y: number;
  text: string;
}

export interface CohortChart {
  bars: ChartBar[];
  /** Period labels under the bars: the first, the last, and evenly spaced ones between. */
  periodLabels: ChartLabel[];
  ticks: ChartTick[];
  target: { y: number; text: string };
}

export interface ChartOptions {
  /** How many period labels fit under the plot. */
  maxPeriodLabels: number;
  /** "target 67%", in the surface's catalogue. */
  targetText: (target: string) => string;
}

/** The share of a slot its bar fills; the rest is the gap between bars. */
const BAR_FILL = 0.8;
const TICKS = [0, 0.25, 0.5, 0.75, 1];

const clamp = (fraction: number): number => Math.min(1, Math.max(0, fraction));

function standingOf(row: CohortReportRow): BarStanding {
  if (row.tooEarly) return "tooEarly";
  return row.belowTarget ? "below" : "met";
}

/**
 * The bars labelled: the first and the last always, and every k-th between, where k spaces
 * `max` labels over the bars; one too close to the last (fewer than k bars before it) is dropped.
 */
export function labelledBars(count: number, max: number): number[] {
  if (count === 0) return [];
  const every = Math.ceil(count / Math.max(2, max));
  const last = count - 1;
  const between = Array.from({ length: count }, (_, k) => k).filter((k) => k > 0 && k % every === 0 && last - k >= every);
  return last === 0 ? [0] : [0, ...between, last];
}

function periodLabel(bars: readonly ChartBar[], index: number): ChartLabel {
  const bar = bars[index]!;
  if (index === 0) return { text: bar.period, x: 0, anchor: "start" };
  if (index === bars.length - 1) return { text: bar.period, x: 1, anchor: "end" };
  const slot = 1 / bars.length;
  return { text: bar.period, x: index * slot + slot / 2, anchor: "middle" };
}

export function cohortChart(report: Pick<RetentionReport, "cohorts" | "target">, formats: Formats, options: ChartOptions): CohortChart {
  const slot = 1 / Math.max(1, report.cohorts.length);
  const bars = report.cohorts.map(
    (row, k): ChartBar => ({
      period: formats.period(row.period),
      rate: row.rateInTime,
      standing: standingOf(row),
      judged: row.judged,
      x: k * slot + (slot * (1 - BAR_FILL)) / 2,
      width: slot * BAR_FILL,
      height: clamp(row.rateInTime),
      title: `${formats.period(row.period)}: ${formats.rate(row.rateInTime)}`,
    }),
  );
  return {
    bars,
    periodLabels: labelledBars(bars.length, options.maxPeriodLabels).map((index) => periodLabel(bars, index)),
    ticks: TICKS.map((y) => ({ y, text: formats.percent(y) })),
    target: { y: clamp(report.target), text: options.targetText(formats.percent(report.target)) },
  };
}
