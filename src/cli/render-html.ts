// The report as one standalone HTML page: inline CSS, an inline SVG chart, nothing remote.
// Every string from the data is HTML-escaped, and names are made formula-safe too, so that
// copying a table from the page into a spreadsheet cannot run `=…` as a formula.

import { formulaSafeText } from "../core/formula-safe";
import type { CohortReportRow, RetentionReport } from "../core/report";
import type { Language } from "../i18n/language";
import { problemMessage } from "../i18n/problems";
import { text, type CliMessageKey } from "./errors";
import { numberFormats, periodName } from "./format";
import type { ReportOutcome } from "./report-command";
import { cohortHead, cohortNote, factLines, lostHeading, verdictLines } from "./report-lines";

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** A data string (customer, manager) shown as text that no spreadsheet would read as a formula. */
function dataText(value: string): string {
  return escapeHtml(formulaSafeText(value));
}

const STYLES = `
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1f2328}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}
.headline{font-size:1.3rem;font-weight:600}.bad{color:#b42318}.good{color:#067647}.dim{color:#667085}
table{border-collapse:collapse;margin:.5rem 0}th,td{padding:.2rem .7rem;border-bottom:1px solid #eaecf0;text-align:right}
th:first-child,td:first-child{text-align:left}svg{max-width:100%;height:auto}
.bar-good{fill:#12b76a}.bar-bad{fill:#f04438}.bar-early{fill:#d0d5dd}.bar-old{opacity:.45}.target{stroke:#1f2328;stroke-dasharray:6 4}
`;

export function renderHtml({ file, report }: ReportOutcome, language: Language): string {
  const t = (key: CliMessageKey, values: Record<string, string | number> = {}): string => escapeHtml(text(language, key, values));
  const f = numberFormats(language);
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
    cohortChart(report, text(language, "targetLabel", { target: f.percent(report.target) })),
    `<h2>${t("cohortsHeading", { period: periodName(language, report.period) })}</h2>`,
    htmlTable(
      cohortHead(report, language).map(escapeHtml),
      report.cohorts.map((row) => {
        const note = cohortNote(row, report, language);
        return [
          escapeHtml(row.period),
          f.integer(row.newCustomers),
          f.integer(row.returnedInTime),
          f.percent(row.rate),
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
          f.integer(row.newCustomers),
          f.integer(row.returned),
          row.belowTarget ? `<span class="bad">${f.percent(row.rate)}</span>` : f.percent(row.rate),
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
          escapeHtml(c.firstDate),
          f.money(c.amount),
          dataText(c.manager),
          f.integer(c.daysSinceFirst),
        ]),
      ),
    );
  }
  if (report.stats.skippedRows > 0) {
    parts.push(
      `<h2>${t("skippedHeading", { count: f.integer(report.stats.skippedRows) })}</h2>`,
      `<ul>${report.skipped.map(({ row, problem }) => `<li>${t("skippedRow", { row, reason: problemMessage(problem, language) })}</li>`).join("")}</ul>`,
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

/** Too early: grey; the verdict's cohorts in full colour, older ones faded. */
function barClass(row: CohortReportRow): string {
  if (row.tooEarly) return "bar-early";
  return `${row.belowTarget ? "bar-bad" : "bar-good"}${row.judged ? "" : " bar-old"}`;
}

/** Bars of the rate per cohort (0–100 %) and a dashed line at the target. */
function cohortChart(report: RetentionReport, targetLabel: string): string {
  const { width, height, left, right, top, bottom } = CHART;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const y = (rate: number): number => top + plotHeight * (1 - rate);
  const step = plotWidth / Math.max(report.cohorts.length, 1);
  const labelEvery = Math.ceil(report.cohorts.length / 12);
  const bars = report.cohorts.map((row, k) => {
    const x = left + k * step;
    const bar = `<rect class="${barClass(row)}" x="${(x + step * 0.1).toFixed(1)}" y="${y(row.rate).toFixed(1)}" width="${(step * 0.8).toFixed(1)}" height="${(plotHeight * row.rate).toFixed(1)}"><title>${escapeHtml(row.period)}: ${(row.rate * 100).toFixed(1)}%</title></rect>`;
    const label =
      k % labelEvery === 0
        ? `<text x="${(x + step / 2).toFixed(1)}" y="${height - bottom + 16}" font-size="11" text-anchor="middle">${escapeHtml(row.period)}</text>`
        : "";
    return bar + label;
  });
  const axis = [0, 0.25, 0.5, 0.75, 1].map(
    (rate) =>
      `<text x="${left - 4}" y="${(y(rate) + 4).toFixed(1)}" font-size="11" text-anchor="end">${rate * 100}%</text>` +
      `<line x1="${left}" x2="${width - right}" y1="${y(rate).toFixed(1)}" y2="${y(rate).toFixed(1)}" stroke="#eaecf0"/>`,
  );
  const targetY = y(report.target).toFixed(1);
  const target =
    `<line class="target" x1="${left}" x2="${width - right}" y1="${targetY}" y2="${targetY}"/>` +
    `<text x="${width - right}" y="${(Number(targetY) - 4).toFixed(1)}" font-size="12" text-anchor="end">${escapeHtml(targetLabel)}</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(targetLabel)}">${axis.join("")}${bars.join("")}${target}</svg>`;
}
