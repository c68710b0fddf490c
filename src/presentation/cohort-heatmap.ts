// The cohort heatmap and the judged-cohort trend line as data: what the sidebar and the CLI's HTML
// report both draw (issue 15). The heatmap is COHORT_MATRIX's triangle from the health check
// (report.healthCheck.cohortGrid): a row per cohort, a column per period after the first purchase,
// each cell the share of the cohort who bought in it. Each cell carries the class a surface colours
// it by, so "too early to judge" and "judged by the verdict" read the same everywhere, and each
// chart carries its text alternative for screen readers. Pure: no DOM, no Node, no Apps Script.

import type { CohortGridRow } from "../core/health/cohort-grid";
import type { CohortReportRow, RetentionReport } from "../core/report";
import { HEATMAP_TEXT } from "../i18n/heatmap";
import { fill, type Language } from "../i18n/language";
import type { Formats } from "./formats";

/**
 * - `early`: the cohort is too recent for the verdict to judge;
 * - `judged`: one of the cohorts the verdict sums;
 * - `outside`: old enough, but outside the verdict's span (or outside the analysed window);
 * - `future`: the period has not happened yet (past the latest order), so there is no value.
 */
export type HeatmapClass = "early" | "judged" | "outside" | "future";

export interface HeatmapCell {
  /** Periods after the cohort's own: 0 is the cohort's period. */
  offset: number;
  /** Customers of the cohort who bought in that period; null when it is in the future. */
  value: number | null;
  /** value ÷ cohort size, 0–1; null in the future. */
  share: number | null;
  /**
   * How strongly to colour it, 0–1: the share over the largest share after offset 0 (offset 0 is
   * everyone, so scaling by it would leave every later cell pale). Null in the future.
   */
  intensity: number | null;
  class: HeatmapClass;
  /** The tooltip: `2024-03, month 2: 41 of 120 bought (34.2%)`. */
  title: string;
}

export interface HeatmapRow {
  /** The cohort's period label, the key (`2024-Q1`); `label` is how the language writes it. */
  period: string;
  label: string;
  /** The cohort's first day, ISO. */
  start: string;
  size: number;
  /** The cohort's class (its cells' class wherever they are not `future`). */
  class: Exclude<HeatmapClass, "future">;
  /** `2024-03: 120 new customers`. */
  title: string;
  cells: HeatmapCell[];
}

export interface CohortHeatmap {
  /** Oldest cohort first, at most 24. */
  rows: HeatmapRow[];
  /** The column headings: `0`, `1`, … */
  offsetLabels: string[];
  /** Older cohorts left out, and the line that says so (null when none). */
  rowsOmitted: number;
  omittedText: string | null;
  title: string;
  /** What the columns count: "Months after the first purchase". */
  axisTitle: string;
  /** How to read the colours, marks and hatching. */
  legend: string;
  /** The text alternative. */
  alt: string;
}

export interface TrendPoint {
  /** The cohort's period label, the key; `label` is how the language writes it. */
  period: string;
  label: string;
  rate: number;
  belowTarget: boolean;
  /** The point's position as fractions of the plot: x from 0 at the left, y from 0 at the bottom. */
  x: number;
  y: number;
  /** `2024-03: 57.1%`. */
  title: string;
}

export interface JudgedTrend {
  points: TrendPoint[];
  target: { y: number; text: string };
  title: string;
  alt: string;
}

/** The trend line shows at most this many of the latest judged cohorts. */
export const TREND_COHORTS = 12;

/** `counts`: the numbers that choose plural forms (see `fill`). */
type Text = (key: keyof (typeof HEATMAP_TEXT)["en"], values?: Record<string, string | number>, counts?: Record<string, number>) => string;

function textFor(language: Language): Text {
  return (key, values = {}, counts = {}) => fill(HEATMAP_TEXT[language][key], values, { language, of: counts });
}

const AXIS_KEYS = { month: "axisMonth", week: "axisWeek", quarter: "axisQuarter", year: "axisYear" } as const;
const UNIT_KEYS = { month: "unitMonth", week: "unitWeek", quarter: "unitQuarter", year: "unitYear" } as const;

function rowClass(cohort: CohortReportRow | undefined): HeatmapRow["class"] {
  if (cohort === undefined) return "outside";
  if (cohort.tooEarly) return "early";
  return cohort.judged ? "judged" : "outside";
}

/** The largest share after offset 0 over every row: the top of the colour scale. */
function largestLaterShare(rows: readonly CohortGridRow[]): number {
  let largest = 0;
  for (const row of rows) {
    for (let offset = 1; offset < row.active.length; offset++) {
      const value = row.active[offset];
      if (value !== null && value !== undefined && row.size > 0) largest = Math.max(largest, value / row.size);
    }
  }
  return largest;
}

interface RowContext {
  formats: Formats;
  t: Text;
  unit: string;
  scale: number;
}

function heatmapRow(row: CohortGridRow, cohort: CohortReportRow | undefined, { formats, t, unit, scale }: RowContext): HeatmapRow {
  const rowType = rowClass(cohort);
  const label = formats.period(row.period);
  const cells = row.active.map((value, offset): HeatmapCell => {
    if (value === null) return { offset, value: null, share: null, intensity: null, class: "future", title: `${label}, ${unit} ${offset}` };
    const share = row.size === 0 ? 0 : value / row.size;
    const intensity = scale === 0 ? 0 : Math.min(1, share / scale);
    const title = t("cellTitle", {
      period: label,
      unit,
      offset,
      count: formats.count(value),
      size: formats.count(row.size),
      share: formats.rate(share),
    });
    return { offset, value, share, intensity, class: rowType, title };
  });
  return {
    period: row.period,
    label,
    start: row.start,
    size: row.size,
    class: rowType,
    title: t("rowTitle", { period: label, size: formats.count(row.size) }, { size: row.size }),
    cells,
  };
}

/** A row's cell one period after the first purchase, when that period has happened. */
function nextPeriodCell(row: HeatmapRow): { value: number; share: number } | null {
  const cell = row.cells[1];
  return cell === undefined || cell.value === null || cell.share === null ? null : { value: cell.value, share: cell.share };
}

/** "In the month after the first, 12.3% … bought again; best …, weakest …": offset 1 over the judged rows. */
function nextPeriodSentence(rows: readonly HeatmapRow[], formats: Formats, t: Text, unit: string): string | null {
  const judged = rows.flatMap((row) => {
    const cell = row.class === "judged" && row.size > 0 ? nextPeriodCell(row) : null;
    return cell === null ? [] : [{ label: row.label, size: row.size, ...cell }];
  });
  if (judged.length === 0) return null;
  const pooled = judged.reduce((sum, row) => sum + row.value, 0) / judged.reduce((sum, row) => sum + row.size, 0);
  // The first of equal shares wins, so the sentence does not depend on sorting.
  const best = judged.reduce((a, b) => (b.share > a.share ? b : a));
  const worst = judged.reduce((a, b) => (b.share < a.share ? b : a));
  return t("heatmapAltNext", {
    unit,
    share: formats.rate(pooled),
    best: best.label,
    bestShare: formats.rate(best.share),
    worst: worst.label,
    worstShare: formats.rate(worst.share),
  });
}

function heatmapAlt(rows: readonly HeatmapRow[], formats: Formats, t: Text, unit: string): string {
  const parts = [t("heatmapAlt", { cohorts: formats.count(rows.length), from: rows[0]!.label, to: rows.at(-1)!.label, unit })];
  const judged = rows.filter((row) => row.class === "judged");
  if (judged.length > 0) parts.push(t("heatmapAltJudged", { from: judged[0]!.label, to: judged.at(-1)!.label }));
  const next = nextPeriodSentence(rows, formats, t, unit);
  if (next !== null) parts.push(next);
  return parts.join(" ");
}

/**
 * The heatmap of the report's cohort grid, or null when the report has no health check or no
 * cohort (nothing to draw).
 */
export function cohortHeatmap(
  report: Pick<RetentionReport, "cohorts" | "healthCheck" | "period">,
  formats: Formats,
  language: Language,
): CohortHeatmap | null {
  const grid = report.healthCheck?.cohortGrid;
  if (grid === undefined || grid.rows.length === 0) return null;
  const t = textFor(language);
  const unit = t(UNIT_KEYS[report.period]);
  const byPeriod = new Map(report.cohorts.map((cohort) => [cohort.period, cohort]));
  const context: RowContext = { formats, t, unit, scale: largestLaterShare(grid.rows) };
  const rows = grid.rows.map((row) => heatmapRow(row, byPeriod.get(row.period), context));
  return {
    rows,
    offsetLabels: Array.from({ length: grid.offsets }, (_, offset) => String(offset)),
    rowsOmitted: grid.rowsOmitted,
    omittedText: grid.rowsOmitted > 0 ? t("rowsOmitted", { count: formats.count(grid.rowsOmitted) }) : null,
    title: t("heatmapTitle"),
    axisTitle: t(AXIS_KEYS[report.period]),
    legend: t("legend"),
    alt: heatmapAlt(rows, formats, t, unit),
  };
}

const clamp = (fraction: number): number => Math.min(1, Math.max(0, fraction));

/**
 * The rates of the latest judged cohorts (up to TREND_COHORTS), oldest first, with the target line;
 * null when fewer than two cohorts are judged (no line to draw).
 */
export function judgedTrend(report: Pick<RetentionReport, "cohorts" | "target">, formats: Formats, language: Language): JudgedTrend | null {
  const judged = report.cohorts.filter((cohort) => cohort.judged).slice(-TREND_COHORTS);
  if (judged.length < 2) return null;
  const t = textFor(language);
  const last = judged.length - 1;
  const points = judged.map(
    (cohort, k): TrendPoint => ({
      period: cohort.period,
      label: formats.period(cohort.period),
      rate: cohort.rateInTime,
      belowTarget: cohort.belowTarget,
      x: k / last,
      y: clamp(cohort.rateInTime),
      title: `${formats.period(cohort.period)}: ${formats.rate(cohort.rateInTime)}`,
    }),
  );
  const target = formats.percent(report.target);
  return {
    points,
    target: { y: clamp(report.target), text: t("targetLine", { target }) },
    title: t("trendTitle"),
    alt: t("trendAlt", {
      count: formats.count(points.length),
      from: points[0]!.label,
      to: points[last]!.label,
      first: formats.rate(points[0]!.rate),
      last: formats.rate(points[last]!.rate),
      target,
      below: formats.count(points.filter((point) => point.belowTarget).length),
    }),
  };
}
