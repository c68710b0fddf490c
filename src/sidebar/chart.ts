// The cohort chart's model (src/presentation/cohort-chart.ts) drawn as a small inline SVG, so the
// sidebar needs nothing from the network.

import type { RetentionReport } from "../core/report";
import { type ChartBar, cohortChart } from "../presentation/cohort-chart";
import type { Formats } from "../presentation/formats";
import { svg } from "./dom";
import type { Text } from "./text";

/** The card's inner width: 300 px sidebar − 2 × 12 px page padding − 2 × 11 px card border and padding. */
const WIDTH = 254;
const HEIGHT = 132;
const PLOT = { left: 34, right: 4, top: 10, bottom: 18 } as const;
/** Two period labels, the first and the last, are all that fit under 216 px. */
const PERIOD_LABELS = 2;

const BAR_CLASSES: Record<ChartBar["standing"], string> = { tooEarly: "early", met: "ok", below: "below" };

function barClass(bar: ChartBar): string {
  const faded = bar.judged || bar.standing === "tooEarly" ? "" : " outside";
  return `bar ${BAR_CLASSES[bar.standing]}${faded}`;
}

export function cohortChartSvg(report: RetentionReport, formats: Formats, t: Text): SVGElement {
  const chart = cohortChart(report, formats, { maxPeriodLabels: PERIOD_LABELS, targetText: (target) => t("targetLine", { target }) });
  const plotWidth = WIDTH - PLOT.left - PLOT.right;
  const plotHeight = HEIGHT - PLOT.top - PLOT.bottom;
  const x = (fraction: number): number => PLOT.left + plotWidth * fraction;
  const y = (fraction: number): number => PLOT.top + plotHeight * (1 - fraction);

  const element = svg("svg", {
    class: "chart",
    width: WIDTH,
    height: HEIGHT,
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    role: "img",
    "aria-label": t("chartTitle"),
    "data-testid": "cohort-chart",
  });
  for (const tick of chart.ticks) {
    element.appendChild(svg("line", { class: "grid", x1: PLOT.left, x2: WIDTH - PLOT.right, y1: y(tick.y), y2: y(tick.y) }));
    element.appendChild(svg("text", { class: "tick", x: PLOT.left - 4, y: y(tick.y) + 3, "text-anchor": "end" }, tick.text));
  }
  for (const bar of chart.bars) {
    // At least half a pixel, so a 0 % cohort still shows where it is.
    const attributes = { class: barClass(bar), x: x(bar.x), y: y(bar.height), width: Math.max(0.5, plotWidth * bar.width) };
    element.appendChild(svg("rect", { ...attributes, height: Math.max(0.5, plotHeight * bar.height) }, svg("title", {}, bar.title)));
  }
  const targetY = y(chart.target.y);
  element.appendChild(svg("line", { class: "target", x1: PLOT.left, x2: WIDTH - PLOT.right, y1: targetY, y2: targetY }));
  element.appendChild(
    svg("text", { class: "target-label", x: WIDTH - PLOT.right, y: targetY - 3, "text-anchor": "end" }, chart.target.text),
  );
  for (const label of chart.periodLabels) {
    element.appendChild(svg("text", { class: "tick", x: x(label.x), y: HEIGHT - 5, "text-anchor": label.anchor }, label.text));
  }
  return element;
}
