// The HTML report's charts as inline SVG, each drawn from a presentation model the sidebar draws
// too: the cohort bars (cohort-chart.ts), the cohort heatmap and the judged cohorts' trend line
// (cohort-heatmap.ts). Fills and hatching are shapes, not CSS backgrounds, so they print without
// "background graphics"; nothing refers to anything outside the page (no url(), no href).

import type { ChartBar, CohortChart } from "../presentation/cohort-chart";
import type { CohortHeatmap, HeatmapCell, HeatmapRow, JudgedTrend } from "../presentation/cohort-heatmap";
import type { Formats } from "../presentation/formats";

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

const fixed = (value: number): string => value.toFixed(1);

/** A chart with its text alternative: the SVG is labelled by its title and described by the caption. */
function figure(id: string, title: string, alt: string, width: number, height: number, body: string): string {
  return (
    `<figure>\n<svg viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title" aria-describedby="${id}-alt">` +
    `<title id="${id}-title">${escapeHtml(title)}</title>${body}</svg>\n` +
    `<figcaption id="${id}-alt">${escapeHtml(alt)}</figcaption>\n</figure>`
  );
}

const BARS = { width: 800, height: 260, left: 40, right: 10, top: 10, bottom: 40 };

/** Too early: grey; the verdict's cohorts in full colour, older ones faded. */
const BAR_CLASSES: Record<ChartBar["standing"], string> = { tooEarly: "bar-early", met: "bar-good", below: "bar-bad" };

function barClass(bar: ChartBar): string {
  return bar.judged || bar.standing === "tooEarly" ? BAR_CLASSES[bar.standing] : `${BAR_CLASSES[bar.standing]} bar-old`;
}

/** The cohort chart's model: bars, axis ticks with grid lines, and a dashed target line. */
export function cohortBarsSvg(chart: CohortChart, title: string, alt: string): string {
  const { width, height, left, right, top, bottom } = BARS;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const x = (fraction: number): string => fixed(left + plotWidth * fraction);
  const y = (fraction: number): number => top + plotHeight * (1 - fraction);
  const axis = chart.ticks.map(
    (tick) =>
      `<text x="${left - 4}" y="${fixed(y(tick.y) + 4)}" font-size="11" text-anchor="end">${escapeHtml(tick.text)}</text>` +
      `<line x1="${left}" x2="${width - right}" y1="${fixed(y(tick.y))}" y2="${fixed(y(tick.y))}" stroke="#eaecf0"/>`,
  );
  const bars = chart.bars.map(
    (bar) =>
      `<rect class="${barClass(bar)}" x="${x(bar.x)}" y="${fixed(y(bar.height))}" width="${fixed(plotWidth * bar.width)}" height="${fixed(plotHeight * bar.height)}"><title>${escapeHtml(bar.title)}</title></rect>`,
  );
  const labels = chart.periodLabels.map(
    (label) =>
      `<text x="${x(label.x)}" y="${height - bottom + 16}" font-size="11" text-anchor="${label.anchor}">${escapeHtml(label.text)}</text>`,
  );
  return figure(
    "bars",
    title,
    alt,
    width,
    height,
    axis.join("") + bars.join("") + labels.join("") + targetLine(chart.target, y, left, width - right),
  );
}

function targetLine(target: { y: number; text: string }, y: (fraction: number) => number, from: number, to: number): string {
  const at = fixed(y(target.y));
  return (
    `<line class="target" x1="${from}" x2="${to}" y1="${at}" y2="${at}"/>` +
    `<text x="${to}" y="${fixed(y(target.y) - 4)}" font-size="12" text-anchor="end">${escapeHtml(target.text)}</text>`
  );
}

const GRID = { label: 64, cell: 28, row: 18, head: 34, foot: 8 };

/** Light to dark blue by intensity; too-early cohorts in greys, so colour alone never says "judged". */
function cellFill(cell: HeatmapCell): string {
  const t = cell.intensity ?? 0;
  const [from, to] =
    cell.class === "early"
      ? [
          [242, 244, 247],
          [102, 112, 133],
        ]
      : [
          [239, 248, 255],
          [21, 92, 211],
        ];
  const channel = (k: number): number => Math.round(from[k]! + (to[k]! - from[k]!) * t);
  return `rgb(${channel(0)},${channel(1)},${channel(2)})`;
}

function heatmapRowSvg(row: HeatmapRow, index: number): string {
  const y = GRID.head + index * GRID.row;
  const judged = row.class === "judged";
  const label =
    `<text x="${GRID.label - 8}" y="${y + 13}" font-size="11" text-anchor="end"${judged ? ' font-weight="700"' : ""}>` +
    `${escapeHtml(row.label)}<title>${escapeHtml(row.title)}</title></text>`;
  // The judged cohorts carry a mark beside their label, so print in grey still shows them.
  const mark = judged ? `<rect class="judged-mark" x="${GRID.label - 5}" y="${y + 1}" width="3" height="${GRID.row - 2}"/>` : "";
  const cells = row.cells
    .filter((cell) => cell.class !== "future")
    .map((cell) => {
      const x = GRID.label + cell.offset * GRID.cell;
      const hatch =
        cell.class === "early"
          ? `<path class="hatch" d="M${x} ${y + GRID.row - 1}l${GRID.row - 1} ${1 - GRID.row}M${x + 10} ${y + GRID.row - 1}l${GRID.row - 1} ${1 - GRID.row}"/>`
          : "";
      return (
        `<rect class="cell cell-${cell.class}" data-cohort="${escapeHtml(row.period)}" data-offset="${cell.offset}" data-value="${cell.value}" ` +
        `x="${x}" y="${y}" width="${GRID.cell - 1}" height="${GRID.row - 1}" fill="${cellFill(cell)}"><title>${escapeHtml(cell.title)}</title></rect>${hatch}`
      );
    });
  return label + mark + cells.join("");
}

/** COHORT_MATRIX's triangle: a row per cohort, a column per period after the first purchase. */
export function heatmapSvg(heatmap: CohortHeatmap): string {
  const columns = heatmap.offsetLabels.length;
  const width = GRID.label + columns * GRID.cell + 4;
  const height = GRID.head + heatmap.rows.length * GRID.row + GRID.foot;
  const axis =
    `<text x="${GRID.label}" y="12" font-size="11">${escapeHtml(heatmap.axisTitle)}</text>` +
    heatmap.offsetLabels
      .map(
        (label, k) =>
          `<text x="${GRID.label + k * GRID.cell + GRID.cell / 2}" y="28" font-size="10" text-anchor="middle">${escapeHtml(label)}</text>`,
      )
      .join("");
  const rows = heatmap.rows.map(heatmapRowSvg).join("");
  return figure("heatmap", heatmap.title, heatmap.alt, width, height, axis + rows);
}

const TREND = { width: 800, height: 220, left: 44, right: 84, top: 24, bottom: 34 };
const TREND_TICKS = [0, 0.25, 0.5, 0.75, 1];

/** The latest judged cohorts' rates as a line, each point labelled with its rate, and the target. */
export function trendSvg(trend: JudgedTrend, formats: Formats): string {
  const { width, height, left, right, top, bottom } = TREND;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const x = (fraction: number): number => left + plotWidth * fraction;
  const y = (fraction: number): number => top + plotHeight * (1 - fraction);
  const grid = TREND_TICKS.map(
    (tick) =>
      `<text x="${left - 6}" y="${fixed(y(tick) + 4)}" font-size="11" text-anchor="end">${escapeHtml(formats.percent(tick))}</text>` +
      `<line x1="${left}" x2="${width - right}" y1="${fixed(y(tick))}" y2="${fixed(y(tick))}" stroke="#eaecf0"/>`,
  );
  // The target's label sits in the right margin, clear of the points' labels.
  const target =
    `<line class="target" x1="${left}" x2="${width - right}" y1="${fixed(y(trend.target.y))}" y2="${fixed(y(trend.target.y))}"/>` +
    `<text x="${width - right + 6}" y="${fixed(y(trend.target.y) + 4)}" font-size="12">${escapeHtml(trend.target.text)}</text>`;
  const line = `<polyline class="trend" points="${trend.points.map((p) => `${fixed(x(p.x))},${fixed(y(p.y))}`).join(" ")}"/>`;
  const points = trend.points.map((point) => {
    const [cx, cy] = [fixed(x(point.x)), fixed(y(point.y))];
    return (
      `<circle class="${point.belowTarget ? "point-bad" : "point-good"}" cx="${cx}" cy="${cy}" r="4"><title>${escapeHtml(point.title)}</title></circle>` +
      `<text x="${cx}" y="${fixed(y(point.y) - 8)}" font-size="11" text-anchor="middle">${escapeHtml(formats.rate(point.rate))}</text>` +
      `<text x="${cx}" y="${height - bottom + 18}" font-size="11" text-anchor="middle">${escapeHtml(point.label)}</text>`
    );
  });
  return figure("trend", trend.title, trend.alt, width, height, grid.join("") + target + line + points.join(""));
}
