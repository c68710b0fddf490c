// The cohort heatmap and the judged cohorts' trend line (models in
// src/presentation/cohort-heatmap.ts) drawn as inline SVG that fits the 300 px sidebar without
// scrolling: at most 24 × 24 cells of about 9 px. Cells too early to judge are hatched, the judged
// cohorts' rows marked by a bar on the left; every cell has its figure as a tooltip and each chart
// its text alternative.

import type { RetentionReport } from "../core/report";
import type { Language } from "../i18n/language";
import { cohortHeatmap, type CohortHeatmap, type HeatmapRow, judgedTrend, type JudgedTrend } from "../presentation/cohort-heatmap";
import type { Formats } from "../presentation/formats";
import { h, svg } from "./dom";

/** The card's inner width (see chart.ts). */
const WIDTH = 254;
/** Row labels (`2024-03`) and the judged mark take this much on the left; column labels this much on top. */
const LABEL_WIDTH = 44;
const HEADER_HEIGHT = 12;
const MARK_WIDTH = 3;
/** A label on every k-th row and column keeps 9 px cells readable. */
const LABEL_EVERY = 3;

function cellSize(map: CohortHeatmap): number {
  return Math.min(14, (WIDTH - LABEL_WIDTH) / Math.max(1, map.offsetLabels.length));
}

function hatchPattern(): SVGElement {
  return svg(
    "defs",
    {},
    svg(
      "pattern",
      { id: "hatch-early", width: 4, height: 4, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" },
      svg("rect", { width: 4, height: 4, class: "hatch-ground" }),
      svg("line", { x1: 0, y1: 0, x2: 0, y2: 4, class: "hatch-line" }),
    ),
  );
}

function rowElements(row: HeatmapRow, index: number, size: number, last: boolean): SVGElement[] {
  const y = HEADER_HEIGHT + index * size;
  const elements: SVGElement[] = [];
  if (index % LABEL_EVERY === 0 || last)
    elements.push(
      svg("text", { class: "heat-label", x: LABEL_WIDTH - MARK_WIDTH - 3, y: y + size - 1.5, "text-anchor": "end" }, row.label),
    );
  if (row.class === "judged")
    elements.push(
      svg(
        "rect",
        { class: "judged-mark", x: LABEL_WIDTH - MARK_WIDTH - 1, y, width: MARK_WIDTH, height: size },
        svg("title", {}, row.title),
      ),
    );
  for (const cell of row.cells) {
    if (cell.class === "future") continue;
    const attrs = {
      class: `heat-cell ${cell.class}`,
      x: LABEL_WIDTH + cell.offset * size,
      y,
      width: size - 1,
      height: size - 1,
      "data-period": row.period,
      "data-offset": cell.offset,
      "data-value": cell.value ?? "",
      // Pale but visible at 0, full at the top of the scale.
      "fill-opacity": (0.08 + 0.92 * (cell.intensity ?? 0)).toFixed(3),
    };
    elements.push(svg("rect", attrs, svg("title", {}, cell.title)));
  }
  return elements;
}

function heatmapSvg(map: CohortHeatmap): SVGElement {
  const size = cellSize(map);
  const height = HEADER_HEIGHT + map.rows.length * size;
  const element = svg("svg", {
    class: "heatmap",
    width: WIDTH,
    height: height.toFixed(1),
    viewBox: `0 0 ${WIDTH} ${height.toFixed(1)}`,
    role: "img",
    "aria-label": map.alt,
    "data-testid": "heatmap",
  });
  element.appendChild(hatchPattern());
  map.offsetLabels.forEach((label, offset) => {
    if (offset % LABEL_EVERY !== 0) return;
    element.appendChild(
      svg("text", { class: "heat-label", x: LABEL_WIDTH + offset * size + (size - 1) / 2, y: 9, "text-anchor": "middle" }, label),
    );
  });
  map.rows.forEach((row, index) => {
    for (const child of rowElements(row, index, size, index === map.rows.length - 1)) element.appendChild(child);
  });
  return element;
}

const TREND_HEIGHT = 84;
const TREND_PLOT = { left: 6, right: 6, top: 12, bottom: 14 } as const;

function trendSvg(trend: JudgedTrend): SVGElement {
  const plotWidth = WIDTH - TREND_PLOT.left - TREND_PLOT.right;
  const plotHeight = TREND_HEIGHT - TREND_PLOT.top - TREND_PLOT.bottom;
  const x = (fraction: number): number => TREND_PLOT.left + plotWidth * fraction;
  const y = (fraction: number): number => TREND_PLOT.top + plotHeight * (1 - fraction);
  const element = svg("svg", {
    class: "trend",
    width: WIDTH,
    height: TREND_HEIGHT,
    viewBox: `0 0 ${WIDTH} ${TREND_HEIGHT}`,
    role: "img",
    "aria-label": trend.alt,
    "data-testid": "trend",
  });
  const targetY = y(trend.target.y);
  element.appendChild(svg("line", { class: "target", x1: x(0), x2: x(1), y1: targetY, y2: targetY }));
  element.appendChild(svg("text", { class: "target-label", x: x(1), y: targetY - 3, "text-anchor": "end" }, trend.target.text));
  const points = trend.points.map((point) => `${x(point.x).toFixed(1)},${y(point.y).toFixed(1)}`).join(" ");
  element.appendChild(svg("polyline", { class: "trend-line", points }));
  for (const point of trend.points) {
    const attrs = {
      class: `trend-point ${point.belowTarget ? "below" : "ok"}`,
      cx: x(point.x),
      cy: y(point.y),
      r: 2.5,
      "data-period": point.period,
    };
    element.appendChild(svg("circle", attrs, svg("title", {}, point.title)));
  }
  const first = trend.points[0]!;
  const last = trend.points.at(-1)!;
  element.appendChild(svg("text", { class: "tick", x: x(0), y: TREND_HEIGHT - 3, "text-anchor": "start" }, first.label));
  element.appendChild(svg("text", { class: "tick", x: x(1), y: TREND_HEIGHT - 3, "text-anchor": "end" }, last.label));
  return element;
}

/** The heatmap card, with the trend line under it; null when the report has no cohort grid. */
export function heatmapCard(report: RetentionReport, formats: Formats, language: Language): HTMLElement | null {
  const map = cohortHeatmap(report, formats, language);
  if (map === null) return null;
  const trend = judgedTrend(report, formats, language);
  return h(
    "section",
    { className: "card", testId: "heatmap-card" },
    h("h2", {}, map.title),
    h("div", { className: "hint" }, map.axisTitle),
    heatmapSvg(map),
    h("div", { className: "hint" }, map.legend),
    map.omittedText === null ? null : h("div", { className: "hint", testId: "heatmap-omitted" }, map.omittedText),
    trend === null ? null : h("h3", {}, trend.title),
    trend === null ? null : trendSvg(trend),
  );
}
