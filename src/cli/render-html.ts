// The report as one standalone HTML page: inline CSS, an inline SVG chart, nothing remote.
// Every string from the data is HTML-escaped, and names are made formula-safe too, so that
// copying a table from the page into a spreadsheet cannot run `=…` as a formula. Data is set in
// <bdi>, so a bidi override in a name cannot reorder the text around it.

import { formulaSafeText } from "../core/formula-safe";
import type { Language } from "../i18n/language";
import { type ChartBar, cohortChart, type CohortChart } from "../presentation/cohort-chart";
import { formatsFor } from "../presentation/formats";
import { text, type CliMessageKey } from "./errors";
import type { ReportOutcome } from "./report-command";
import { cohortHead, cohortNote, factLines, type LinePart, lostHeading, periodName, skippedLines, verdictLines } from "./report-lines";

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** A data string (customer, manager) shown as text that no spreadsheet would read as a formula, isolated for bidi. */
function dataText(value: string): string {
  return value === "" ? "" : `<bdi>${escapeHtml(formulaSafeText(value))}</bdi>`;
}

/** A line of our words and data, the data isolated for bidi. */
function partsHtml(parts: readonly LinePart[]): string {
  return parts.map((part) => (part.data ? `<bdi>${escapeHtml(part.text)}</bdi>` : escapeHtml(part.text))).join("");
}

const STYLES = `
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1f2328}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}
.headline{font-size:1.3rem;font-weight:600}.bad{color:#b42318}.good{color:#067647}.dim{color:#667085}
table{border-collapse:collapse;margin:.5rem 0}th,td{padding:.2rem .7rem;border-bottom:1px solid #eaecf0;text-align:right}
th:first-child,td:first-child{text-align:left}svg{max-width:100%;height:auto}
.bar-good{fill:#12b76a}.bar-bad{fill:#f04438}.bar-early{fill:#d0d5dd}.bar-old{opacity:.45}.target{stroke:#1f2328;stroke-dasharray:6 4}
`;

export function renderHtml(outcome: ReportOutcome, language: Language): string {
  const { file, report } = outcome;
  const t = (key: CliMessageKey, values: Record<string, string | number> = {}): string => escapeHtml(text(language, key, values));
  const f = formatsFor(language);
  const [headline, ...verdict] = verdictLines(report, language);
  const parts = [
    `<!doctype html>\n<html lang="${language}">\n<head>\n<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${t("htmlTitle", { file })}</title>\n<style>${STYLES}</style>\n</head>\n<body>`,
    `<h1>${t("htmlTitle", { file })}</h1>`,
    `<p>${factLines(report, language).map(escapeHtml).join("<br>")}</p>`,
    `<p class="headline ${headline!.style}">${escapeHtml(headline!.text)}</p>`,
    `<p>${verdict.map((line) => (line.style === "plain" ? escapeHtml(line.text) : `<span class="${line.style}">${escapeHtml(line.text)}</span>`)).join("<br>")}</p>`,
    `<h2>${t("chartTitle")}</h2>`,
    chartSvg(
      cohortChart(report, f, { maxPeriodLabels: PERIOD_LABELS, targetText: (target) => text(language, "targetLabel", { target }) }),
      text(language, "chartTitle"),
    ),
    `<h2>${t("cohortsHeading", { period: periodName(language, report.period) })}</h2>`,
    htmlTable(
      cohortHead(report, language).map(escapeHtml),
      report.cohorts.map((row) => {
        const note = cohortNote(row, report, language);
        return [
          escapeHtml(row.period),
          f.count(row.newCustomers),
          f.count(row.returnedInTime),
          f.rate(row.rateInTime),
          `<span class="${note.style}">${escapeHtml(note.text)}</span>`,
        ];
      }),
    ),
  ];
  if (report.managers !== null) {
    parts.push(
      `<h2>${t("managersHeading")}</h2>`,
      htmlTable(
        [t("manager"), t("newCustomers"), t("returned"), t("rate")],
        report.managers.map((row) => [
          row.manager === "" ? t("noManager") : dataText(row.manager),
          f.count(row.newCustomers),
          f.count(row.returned),
          row.belowTarget ? `<span class="bad">${f.rate(row.rate)}</span>` : f.rate(row.rate),
        ]),
      ),
    );
  }
  if (report.lost.count > 0) {
    parts.push(
      `<h2>${escapeHtml(lostHeading(report, language))}</h2>`,
      htmlTable(
        [t("customer"), t("firstPurchase"), t("amount"), t("manager"), t("daysSinceFirst")],
        report.lost.customers.map((c) => [
          dataText(c.name),
          f.date(c.firstDate),
          f.money(c.amount),
          dataText(c.manager),
          f.count(c.daysSinceFirst),
        ]),
      ),
    );
  }
  if (report.stats.skippedRows > 0) {
    parts.push(
      `<h2>${t("skippedHeading", { count: f.count(report.stats.skippedRows) })}</h2>`,
      `<ul>${skippedLines(outcome, language)
        .map((parts) => `<li>${partsHtml(parts)}</li>`)
        .join("")}</ul>`,
    );
  }
  parts.push("</body>\n</html>\n");
  return parts.join("\n");
}

/** Cells are already escaped HTML. */
function htmlTable(head: string[], rows: string[][]): string {
  const headRow = `<tr>${head.map((cell) => `<th>${cell}</th>`).join("")}</tr>`;
  const bodyRows = rows.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join("")}</tr>`).join("\n");
  return `<table>\n<thead>${headRow}</thead>\n<tbody>\n${bodyRows}\n</tbody>\n</table>`;
}

const CHART = { width: 800, height: 260, left: 40, right: 10, top: 10, bottom: 40 };
/** Period labels under the 750 px plot: the first starts at its edge, so 8 of `2024-03` leave gaps between them. */
const PERIOD_LABELS = 8;

/** Too early: grey; the verdict's cohorts in full colour, older ones faded. */
const BAR_CLASSES: Record<ChartBar["standing"], string> = { tooEarly: "bar-early", met: "bar-good", below: "bar-bad" };

function barClass(bar: ChartBar): string {
  return bar.judged || bar.standing === "tooEarly" ? BAR_CLASSES[bar.standing] : `${BAR_CLASSES[bar.standing]} bar-old`;
}

/** The cohort chart's model drawn as SVG: bars, axis ticks with grid lines, and a dashed target line. */
function chartSvg(chart: CohortChart, title: string): string {
  const { width, height, left, right, top, bottom } = CHART;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const x = (fraction: number): string => (left + plotWidth * fraction).toFixed(1);
  const y = (fraction: number): number => top + plotHeight * (1 - fraction);
  const axis = chart.ticks.map(
    (tick) =>
      `<text x="${left - 4}" y="${(y(tick.y) + 4).toFixed(1)}" font-size="11" text-anchor="end">${escapeHtml(tick.text)}</text>` +
      `<line x1="${left}" x2="${width - right}" y1="${y(tick.y).toFixed(1)}" y2="${y(tick.y).toFixed(1)}" stroke="#eaecf0"/>`,
  );
  const bars = chart.bars.map(
    (bar) =>
      `<rect class="${barClass(bar)}" x="${x(bar.x)}" y="${y(bar.height).toFixed(1)}" width="${(plotWidth * bar.width).toFixed(1)}" height="${(plotHeight * bar.height).toFixed(1)}"><title>${escapeHtml(bar.title)}</title></rect>`,
  );
  const labels = chart.periodLabels.map(
    (label) =>
      `<text x="${x(label.x)}" y="${height - bottom + 16}" font-size="11" text-anchor="${label.anchor}">${escapeHtml(label.text)}</text>`,
  );
  const targetY = y(chart.target.y);
  const target =
    `<line class="target" x1="${left}" x2="${width - right}" y1="${targetY.toFixed(1)}" y2="${targetY.toFixed(1)}"/>` +
    `<text x="${width - right}" y="${(targetY - 4).toFixed(1)}" font-size="12" text-anchor="end">${escapeHtml(chart.target.text)}</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(title)}">${axis.join("")}${bars.join("")}${labels.join("")}${target}</svg>`;
}
