// The health check in the sidebar: the book's eight questions, each with its verdict colour, one
// sentence with the figure behind it, and a small trend line where there is a series. Every text
// goes in as a text node (see dom.ts); the trend line has a text alternative.

import type { HealthCheck } from "../core/health/health-check";
import type { RetentionReport } from "../core/report";
import { HEALTH_TEXT } from "../i18n/health";
import { type HealthAnswer, healthAnswers } from "../presentation/health-check";
import { isAlarming, type ManagerHealthTable, managerHealthTable, RETENTION_FIGURES } from "../presentation/manager-health";
import { h, svg } from "./dom";
import type { ReportContext } from "./report-view";

/** The card's inner width (see chart.ts) and a trend line's height: the line is drawn so, then stretched to its question's width (sidebar.css). */
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
    {
      class: "sparkline",
      width: WIDTH,
      height: HEIGHT,
      viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
      preserveAspectRatio: "none",
      role: "img",
      "aria-label": label,
    },
    svg("polyline", { points }),
  );
}

/**
 * Question 4 per manager, to fit the card: the retention figures in columns, then a line under
 * each manager with the rest, each with its heading ("Lapsed: 1"). A row in trouble or below target
 * is red, and "below target" is said in words at the end of its line.
 */
function managerTable(managers: ManagerHealthTable): HTMLElement {
  const columns = 1 + RETENTION_FIGURES;
  const moreHeadings = managers.header.slice(columns, -1);
  const rows = managers.rows.flatMap((row) => {
    const alarming = isAlarming(row);
    const more = moreHeadings.map((heading, k) => `${heading}: ${row.figures[RETENTION_FIGURES + k]}`);
    return [
      h(
        "tr",
        { className: `${alarming ? "below-target" : "ok"} manager-figures` },
        h("td", { className: "name" }, row.manager),
        ...row.figures.slice(0, RETENTION_FIGURES).map((figure) => h("td", { className: "num" }, figure)),
      ),
      h(
        "tr",
        { className: `manager-more${alarming ? " below-target" : ""}` },
        h("td", { attrs: { colspan: String(columns) } }, [...more, ...(row.note === "" ? [] : [row.note])].join(" · ")),
      ),
    ];
  });
  const headings = managers.header.slice(0, columns);
  return h(
    "div",
    { className: "health-managers", testId: "health-managers" },
    h("div", { className: "health-question" }, managers.title),
    h(
      "table",
      { className: "fit" },
      h(
        "thead",
        {},
        h("tr", {}, ...headings.map((heading, k) => h("th", { className: k ? "num" : "", attrs: { scope: "col" } }, heading))),
      ),
      h("tbody", {}, ...rows),
    ),
    managers.omitted === null ? null : h("div", { className: "hint" }, managers.omitted),
  );
}

function answerItem(answer: HealthAnswer, context: ReportContext, managers: ManagerHealthTable | null): HTMLElement {
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
    answer.id === 4 && managers !== null ? managerTable(managers) : null,
  );
}

export function healthCard(report: RetentionReport, context: ReportContext): HTMLElement | null {
  const check = report.healthCheck;
  if (check === undefined) return null;
  const answers = healthAnswers(check, context.language);
  const managers = managerHealthTable(check, report, context.language, context.formats);
  return h(
    "section",
    { className: "card", testId: "health" },
    h("h2", {}, HEALTH_TEXT[context.language].title),
    h("ol", { className: "health-list" }, ...answers.map((answer) => answerItem(answer, context, managers))),
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
