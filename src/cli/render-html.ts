// The report as one standalone HTML page, answer first: the verdict, whom to act on, the health
// check's eight answers (one printed page), then the heatmap and the trend line, cohorts, managers,
// the data read, lost and lapsed customers, and the skipped rows grouped by reason. Inline CSS and
// SVG, nothing remote; it prints on A4, a section per page. Every string from the data is
// HTML-escaped, and names are made formula-safe too, so that copying a table from the page into a
// spreadsheet cannot run `=…` as a formula. Data is set in <bdi>, so a bidi override in a name
// cannot reorder the text around it.

import { formulaSafeText } from "../core/formula-safe";
import type { RetentionReport } from "../core/report";
import { HEALTH_TEXT } from "../i18n/health";
import type { Language } from "../i18n/language";
import { PRODUCT_NAME } from "../i18n/product";
import { lapsedCallList } from "../presentation/call-list";
import { cohortChart } from "../presentation/cohort-chart";
import { cohortHeatmap, judgedTrend } from "../presentation/cohort-heatmap";
import { type Formats, formatsFor } from "../presentation/formats";
import { type AnsweredCheck, healthAnswers } from "../presentation/health-check";
import { isAlarming, type ManagerHealthTable, managerHealthTable } from "../presentation/manager-health";
import { ADDON_VERSION } from "../version";
import { text, type CliMessageKey } from "./errors";
import { cohortBarsSvg, escapeHtml, heatmapSvg, trendSvg } from "./html-charts";
import type { ReportOutcome } from "./report-command";
import {
  actionLineParts,
  cohortHead,
  cohortNote,
  factLines,
  type LinePart,
  lostHeading,
  periodName,
  skippedLines,
  verdictLines,
} from "./report-lines";

/** A data string (customer, manager) shown as text that no spreadsheet would read as a formula, isolated for bidi. */
function dataText(value: string): string {
  return value === "" ? "" : `<bdi>${escapeHtml(formulaSafeText(value))}</bdi>`;
}

/** A line of our words and data, the data isolated for bidi. */
function partsHtml(parts: readonly LinePart[]): string {
  return parts.map((part) => (part.data ? `<bdi>${escapeHtml(part.text)}</bdi>` : escapeHtml(part.text))).join("");
}

// Print: A4 with margins, white paper, the summary alone on the first page and each section
// after it on a page of its own; charts and table rows are not split across pages.
const STYLES = `
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1f2328;background:#fff}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}
.headline{font-size:1.3rem;font-weight:600}.bad{color:#b42318}.good{color:#067647}.dim{color:#667085}
.action{font-weight:600;border-left:4px solid #1f2328;padding-left:.6rem}
.health{padding-left:1.4rem}.health li{margin:.3rem 0}.health .q{font-weight:600}
.badge{display:inline-block;min-width:9.5em;font-weight:700}.health-good .badge{color:#067647}.health-bad .badge{color:#b42318}
.health-watch .badge{color:#b54708}.health-needsData .badge{color:#667085}
table{border-collapse:collapse;margin:.5rem 0}th,td{padding:.2rem .7rem;border-bottom:1px solid #eaecf0;text-align:right}
th:first-child,td:first-child{text-align:left}svg{max-width:100%;height:auto}
figure{margin:.5rem 0}figcaption{font-size:.85rem;color:#475467}.legend{font-size:.85rem;color:#475467}
.bar-good{fill:#12b76a}.bar-bad{fill:#f04438}.bar-early{fill:#d0d5dd}.bar-old{opacity:.45}.target{stroke:#1f2328;stroke-dasharray:6 4}
.hatch{stroke:#344054;stroke-width:.8;opacity:.55}.judged-mark{fill:#1f2328}
.trend{fill:none;stroke:#1570ef;stroke-width:2}.point-good{fill:#12b76a}.point-bad{fill:#f04438}
footer{margin-top:3rem;font-size:.85rem;color:#667085}
@page{size:A4;margin:14mm 12mm}
@media print{
body{font-size:10pt;line-height:1.35;margin:0;max-width:none;padding:0;color:#000}
h1{font-size:15pt;margin:0 0 .5rem}h2{font-size:12pt;margin-top:0;break-after:avoid}.headline{font-size:13pt}
section+section{break-before:page}
figure,tr,.health li{break-inside:avoid}thead{display:table-header-group}
}
`;

type Say = (key: CliMessageKey, values?: Record<string, string | number>, counts?: Record<string, number>) => string;

interface Page {
  outcome: ReportOutcome;
  report: RetentionReport;
  language: Language;
  f: Formats;
  /** Our words, HTML-escaped. */
  t: Say;
}

/** `currency`: --currency, for the amounts (presentation/formats.ts). */
export function renderHtml(outcome: ReportOutcome, language: Language, currency?: string): string {
  const t: Say = (key, values = {}, counts = {}) => escapeHtml(text(language, key, values, counts));
  const page: Page = { outcome, report: outcome.report, language, f: formatsFor(language, { currency }), t };
  const title = t("htmlTitle", { file: outcome.file });
  const sections = Object.entries(SECTIONS).flatMap(([name, section]) => {
    const html = section(page);
    return html === null ? [] : [`<section data-section="${name}">\n${html}\n</section>`];
  });
  return [
    `<!doctype html>\n<html lang="${language}">\n<head>\n<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${title} · ${escapeHtml(PRODUCT_NAME)}</title>\n<style>${STYLES}</style>\n</head>\n<body>`,
    ...sections,
    `<footer>${t("htmlFooter", { product: PRODUCT_NAME, version: ADDON_VERSION })}</footer>`,
    "</body>\n</html>\n",
  ].join("\n");
}

/** The sections in reading order, by the name `data-section` gives them (tests and print rely on it). */
const SECTIONS: Record<string, (page: Page) => string | null> = { summary, charts, cohorts, managers, data: facts, lost, lapsed, skipped };

/** The first page: the verdict, whom to act on, and the health check's eight answers. */
function summary({ outcome, report, language, f, t }: Page): string {
  const [headline, ...verdict] = verdictLines(report, language);
  const action = actionLineParts(outcome, language, f);
  return [
    `<h1>${t("htmlTitle", { file: outcome.file })}</h1>`,
    `<p class="headline ${headline!.style}">${escapeHtml(headline!.text)}</p>`,
    `<p>${verdict.map((line) => (line.style === "plain" ? escapeHtml(line.text) : `<span class="${line.style}">${escapeHtml(line.text)}</span>`)).join("<br>")}</p>`,
    action === null ? "" : `<p class="action">${partsHtml(action)}</p>`,
    report.healthCheck === undefined ? "" : healthSummary(report.healthCheck, language, f),
  ]
    .filter((part) => part !== "")
    .join("\n");
}

/** Question 4 per manager. */
function managersOfHealth(outcome: ReportOutcome, language: Language, f: Formats): ManagerHealthTable | null {
  const check = outcome.report.healthCheck;
  return check === undefined ? null : managerHealthTable(check, outcome.report, language, f);
}

function healthSummary(check: AnsweredCheck, language: Language, f: Formats): string {
  const items = healthAnswers(check, language, f).map(
    (answer) =>
      `<li class="health-${answer.verdict}"><span class="badge">${escapeHtml(answer.verdictLabel)}</span> ` +
      `<span class="q">${escapeHtml(answer.question)}</span><br>${escapeHtml(answer.sentence)}</li>`,
  );
  return [`<h2>${escapeHtml(HEALTH_TEXT[language].title)}</h2>`, `<ol class="health">\n${items.join("\n")}\n</ol>`].join("\n");
}

/** Question 4's managers: a row in trouble or below target in the bad colour, "below target" said in words too. */
function managerHealthHtml(managers: ManagerHealthTable): string {
  const rows = managers.rows.map((row) => [dataText(row.manager), ...row.figures.map(escapeHtml), escapeHtml(row.note)]);
  return [
    `<h2>${escapeHtml(managers.title)}</h2>`,
    htmlTable(
      managers.header.map(escapeHtml),
      rows,
      managers.rows.map((row) => (isAlarming(row) ? "bad" : "")),
    ),
    ...(managers.omitted === null ? [] : [`<p class="legend">${escapeHtml(managers.omitted)}</p>`]),
  ].join("\n");
}

/** The heatmap and the trend line, when the report has a health check and judged cohorts to draw. */
function charts({ report, language, f, t }: Page): string | null {
  const heatmap = cohortHeatmap(report, f, language);
  const trend = judgedTrend(report, f, language);
  if (heatmap === null && trend === null) return null;
  const parts: string[] = [];
  if (heatmap !== null) {
    parts.push(`<h2>${escapeHtml(heatmap.title)}</h2>`, heatmapSvg(heatmap), heatmapLegend(t));
    if (heatmap.omittedText !== null) parts.push(`<p class="legend">${escapeHtml(heatmap.omittedText)}</p>`);
  }
  if (trend !== null) parts.push(`<h2>${escapeHtml(trend.title)}</h2>`, trendSvg(trend, f));
  return parts.join("\n");
}

const SWATCH = (body: string): string => `<svg width="14" height="12" viewBox="0 0 14 12" aria-hidden="true">${body}</svg>`;

function heatmapLegend(t: Say): string {
  const judged = SWATCH(
    `<rect class="judged-mark" x="0" y="0" width="3" height="12"/><rect x="4" y="0" width="10" height="12" fill="rgb(21,92,211)"/>`,
  );
  const early = SWATCH(`<rect x="0" y="0" width="14" height="12" fill="rgb(208,213,221)"/><path class="hatch" d="M0 12l12-12M6 12l8-8"/>`);
  return `<p class="legend">${judged} ${t("legendJudged")} &nbsp; ${early} ${t("legendEarly")} &nbsp; ${t("legendScale")}</p>`;
}

function cohorts({ report, language, f, t }: Page): string {
  const chartTitle = text(language, "chartTitle");
  const chart = cohortChart(report, f, {
    maxPeriodLabels: PERIOD_LABELS,
    targetText: (target) => text(language, "targetLabel", { target }),
  });
  const rows = report.cohorts.map((row) => {
    const note = cohortNote(row, report, language);
    return [
      escapeHtml(f.period(row.period)),
      f.count(row.newCustomers),
      f.count(row.returnedInTime),
      f.rate(row.rateInTime),
      `<span class="${note.style}">${escapeHtml(note.text)}</span>`,
    ];
  });
  return [
    `<h2>${t("cohortsHeading", { period: periodName(language, report.period) })}</h2>`,
    cohortBarsSvg(chart, chartTitle, text(language, "chartAlt", { count: f.count(chart.bars.length) })),
    report.cohortsOmitted > 0
      ? `<p class="legend">${t("cohortsOmitted", { count: f.count(report.cohortsOmitted) }, { count: report.cohortsOmitted })}</p>`
      : "",
    htmlTable(cohortHead(report, language).map(escapeHtml), rows),
  ]
    .filter((part) => part !== "")
    .join("\n");
}

/** Period labels under the 750 px plot: the first starts at its edge, so 8 of `2024-03` leave gaps between them. */
const PERIOD_LABELS = 8;

/**
 * The managers' page: with a health check, question 4 per manager (the judged retention and more),
 * kept off the first page so that the verdict and the eight answers print on one sheet.
 */
function managers({ outcome, report, language, f, t }: Page): string | null {
  const health = managersOfHealth(outcome, language, f);
  if (health !== null) return managerHealthHtml(health);
  // No judged cohort, no rows: a heading over an empty table would say nothing.
  if (report.managers === null || report.managers.length === 0) return null;
  const rows = report.managers.map((row) => [
    row.manager === "" ? t("noManager") : dataText(row.manager),
    f.count(row.newCustomers),
    f.count(row.returned),
    row.belowTarget ? `<span class="bad">${f.rate(row.rate)}</span>` : f.rate(row.rate),
  ]);
  return `<h2>${t("managersHeading")}</h2>\n${htmlTable([t("manager"), t("newCustomers"), t("returned"), t("rate")], rows)}`;
}

/** The columns read, the rows counted and left out, and the figures beside the verdict. */
function facts({ report, language, f, t }: Page): string {
  const lines = factLines(report, language, f).map(escapeHtml);
  if (report.medianDaysToSecond !== null)
    lines.push(t("medianLine", { days: f.count(report.medianDaysToSecond) }, { days: report.medianDaysToSecond }));
  if (report.repeatRevenueShare !== null) lines.push(t("repeatShareLine", { share: f.rate(report.repeatRevenueShare) }));
  return `<h2>${t("dataHeading")}</h2>\n<p>${lines.join("<br>")}</p>`;
}

function lost({ report, language, f, t }: Page): string | null {
  if (report.lost.count === 0) return null;
  const shown = report.lost.customers;
  const amount = report.lost.amount === null ? "" : `; ${t("lostAmount", { amount: f.money(report.lost.amount) })}`;
  return [
    `<h2>${escapeHtml(lostHeading(report, language))}${amount}</h2>`,
    htmlTable(
      [t("customer"), t("firstPurchase"), t("amount"), t("manager"), t("daysSinceFirst")],
      shown.map((c) => [dataText(c.name), f.date(c.firstDate), f.money(c.amount), dataText(c.manager), f.count(c.daysSinceFirst)]),
    ),
    moreLine(report.lost.count - shown.length, f, t),
  ].join("\n");
}

/** The health check's lapsed customers, as the call list words them, the most revenue at stake first. */
function lapsed({ outcome, language, f, t }: Page): string | null {
  const list = outcome.report.healthCheck?.lapsed;
  if (list === undefined || list.count === 0) return null;
  const table = lapsedCallList(list.customers, language);
  const rows = list.customers.map((c) => [
    dataText(c.name),
    dataText(c.manager),
    f.date(c.lastPurchase),
    f.count(c.usualGapDays),
    f.count(c.daysSinceLast),
    f.money(c.revenueAtStake),
    dataText(c.contact),
  ]);
  return [
    `<h2>${escapeHtml(HEALTH_TEXT[language].lapsedTitle)}: ${f.count(list.count)}</h2>`,
    htmlTable(table.header.map(escapeHtml), rows),
    moreLine(list.count - list.customers.length, f, t),
  ].join("\n");
}

function moreLine(more: number, f: Formats, t: Say): string {
  return more > 0 ? `<p class="legend">${t("moreLost", { count: f.count(more) })}</p>` : "";
}

function skipped({ outcome, report, language, f, t }: Page): string | null {
  if (report.stats.skippedRows === 0) return null;
  const items = skippedLines(outcome, language).map((parts) => `<li>${partsHtml(parts)}</li>`);
  return `<h2>${t("skippedHeading", { count: f.count(report.stats.skippedRows) })}</h2>\n<ul>${items.join("")}</ul>`;
}

/** Cells are already escaped HTML; `rowClasses` (ours, not the data's) style whole rows. */
function htmlTable(head: string[], rows: string[][], rowClasses: readonly string[] = []): string {
  const headRow = `<tr>${head.map((cell) => `<th>${cell}</th>`).join("")}</tr>`;
  const rowStart = (k: number): string => (rowClasses[k] ? `<tr class="${rowClasses[k]}">` : "<tr>");
  const bodyRows = rows.map((row, k) => `${rowStart(k)}${row.map((cell) => `<td>${cell}</td>`).join("")}</tr>`).join("\n");
  return `<table>\n<thead>${headRow}</thead>\n<tbody>\n${bodyRows}\n</tbody>\n</table>`;
}
