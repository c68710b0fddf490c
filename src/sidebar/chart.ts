// A small bar chart of the retention rate per cohort with the target as a dashed line. Inline
// SVG, so the sidebar needs nothing from the network.

import type { CohortReportRow } from "../core/report";
import { svg } from "./dom";
import type { Formats } from "./format";
import type { Text } from "./text";

/** The card's inner width: 300 px sidebar − 2 × 12 px page padding − 2 × 11 px card border and padding. */
const WIDTH = 254;
const HEIGHT = 132;
const PLOT = { left: 34, right: 4, top: 10, bottom: 18 } as const;

export function cohortChart(cohorts: readonly CohortReportRow[], target: number, formats: Formats, t: Text): SVGElement {
  const plotWidth = WIDTH - PLOT.left - PLOT.right;
  const plotHeight = HEIGHT - PLOT.top - PLOT.bottom;
  const y = (fraction: number): number => PLOT.top + plotHeight * (1 - Math.min(1, Math.max(0, fraction)));
  const slot = plotWidth / Math.max(1, cohorts.length);
  const gap = slot > 4 ? 1 : 0;

  const chart = svg("svg", {
    class: "chart",
    width: WIDTH,
    height: HEIGHT,
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    role: "img",
    "aria-label": t("chartTitle"),
    "data-testid": "cohort-chart",
  });
  for (const tick of [0, 0.5, 1]) {
    chart.appendChild(svg("line", { class: "grid", x1: PLOT.left, x2: WIDTH - PLOT.right, y1: y(tick), y2: y(tick) }));
    chart.appendChild(svg("text", { class: "tick", x: PLOT.left - 4, y: y(tick) + 3, "text-anchor": "end" }, formats.wholePercent(tick)));
  }
  cohorts.forEach((cohort, index) => {
    const kind = `${cohort.tooEarly ? "early" : cohort.belowTarget ? "below" : "ok"}${cohort.judged || cohort.tooEarly ? "" : " outside"}`;
    const top = y(cohort.rate);
    chart.appendChild(
      svg(
        "rect",
        {
          class: `bar ${kind}`,
          x: PLOT.left + index * slot + gap / 2,
          y: top,
          width: Math.max(0.5, slot - gap),
          height: Math.max(0.5, PLOT.top + plotHeight - top),
        },
        svg("title", {}, `${cohort.period}: ${formats.percent(cohort.rate)}`),
      ),
    );
  });
  chart.appendChild(svg("line", { class: "target", x1: PLOT.left, x2: WIDTH - PLOT.right, y1: y(target), y2: y(target) }));
  chart.appendChild(
    svg(
      "text",
      { class: "target-label", x: WIDTH - PLOT.right, y: y(target) - 3, "text-anchor": "end" },
      t("targetLine", { target: formats.wholePercent(target) }),
    ),
  );
  const first = cohorts[0];
  const last = cohorts[cohorts.length - 1];
  if (first !== undefined && last !== undefined) {
    const baseline = HEIGHT - 5;
    chart.appendChild(svg("text", { class: "tick", x: PLOT.left, y: baseline }, first.period));
    if (last !== first) {
      chart.appendChild(svg("text", { class: "tick", x: WIDTH - PLOT.right, y: baseline, "text-anchor": "end" }, last.period));
    }
  }
  return chart;
}
