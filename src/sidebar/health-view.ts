// The health check in the sidebar: the book's eight questions, each with its verdict colour, one
// sentence with the figure behind it, and a small trend line where there is a series. Every text
// goes in as a text node (see dom.ts); the trend line has a text alternative.

import type { HealthCheck } from "../core/health/health-check";
import { HEALTH_TEXT } from "../i18n/health";
import { type HealthAnswer, healthAnswers } from "../presentation/health-check";
import { h, svg } from "./dom";
import type { ReportContext } from "./report-view";

/** The card's inner width (see chart.ts) and a trend line's height. */
const WIDTH = 254;
const HEIGHT = 22;

/** A trend line of the complete periods, with its first and last values as a text alternative. */
function trendLine(answer: HealthAnswer, label: string): SVGElement | null {
  const values = answer.series;
  if (values.length < 2) return null;
  const low = Math.min(...values);
  const high = Math.max(...values);
  const x = (i: number): number => (WIDTH * i) / (values.length - 1);
  const y = (value: number): number => (high === low ? HEIGHT / 2 : 2 + (HEIGHT - 4) * (1 - (value - low) / (high - low)));
  const points = values.map((value, i) => `${x(i).toFixed(1)},${y(value).toFixed(1)}`).join(" ");
  return svg(
    "svg",
    { class: "sparkline", width: WIDTH, height: HEIGHT, viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", "aria-label": label },
    svg("polyline", { points }),
  );
}

function answerItem(answer: HealthAnswer, context: ReportContext): HTMLElement {
  const format = (value: number): string => (Number.isInteger(value) ? context.formats.count(value) : context.formats.money(value));
  const label = context.t("trendLineLabel", {
    from: format(answer.series[0] ?? 0),
    to: format(answer.series.at(-1) ?? 0),
    periods: answer.series.length,
  });
  return h(
    "li",
    { className: `health-answer health-${answer.verdict}`, testId: `health-q${answer.id}` },
    h("div", { className: "health-question" }, h("span", { className: "health-badge" }, answer.verdictLabel), ` ${answer.question}`),
    h("div", { className: "health-sentence" }, answer.sentence),
    answer.verdict === "needsData" ? null : trendLine(answer, label),
  );
}

export function healthCard(check: HealthCheck | undefined, context: ReportContext): HTMLElement | null {
  if (check === undefined) return null;
  const answers = healthAnswers(check, context.language);
  return h(
    "section",
    { className: "card", testId: "health" },
    h("h2", {}, HEALTH_TEXT[context.language].title),
    h("ol", { className: "health-list" }, ...answers.map((answer) => answerItem(answer, context))),
  );
}

/** The eight verdicts in one line of badges, the question and its sentence read out with each. */
export function healthSummary(check: HealthCheck | undefined, context: ReportContext): HTMLElement | null {
  if (check === undefined) return null;
  const answers = healthAnswers(check, context.language);
  const badge = (answer: HealthAnswer): HTMLElement =>
    h(
      "li",
      { className: `health-chip health-${answer.verdict}`, attrs: { title: `${answer.question} ${answer.sentence}` } },
      h("span", { className: "health-badge" }, `${answer.id} · ${answer.verdictLabel}`),
      h("span", { className: "visually-hidden" }, ` ${answer.question} ${answer.sentence}`),
    );
  return h(
    "div",
    { className: "health-summary", testId: "health-summary" },
    h("div", { className: "hint" }, HEALTH_TEXT[context.language].title),
    h("ol", { className: "health-chips" }, ...answers.map(badge)),
  );
}
