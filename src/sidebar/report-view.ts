// The report, rendered from the plain RetentionReport. Every name, period and value from the sheet
// goes in as a text node (see dom.ts).

import type { CohortReportRow, ManagerReportRow, RetentionReport } from "../core/report";
import type { Language } from "../i18n/language";
import { problemMessage } from "../i18n/problems";
import { cohortChart } from "./chart";
import { h, type Child } from "./dom";
import type { Formats } from "./format";
import type { Text } from "./text";

export interface ReportContext {
  language: Language;
  formats: Formats;
  t: Text;
}

function rateClass(belowTarget: boolean): string {
  return belowTarget ? "below" : "ok";
}

function overallCard(report: RetentionReport, { formats, t }: ReportContext): HTMLElement {
  const target = formats.wholePercent(report.target);
  const rate = report.retentionRate;
  const verdict =
    rate === null ? t("noNewCustomers") : report.belowTarget ? t("belowTarget", { target }) : t("atTarget", { target });
  return h(
    "section",
    { className: "card overall" },
    h("h2", {}, t("overallHeading")),
    h(
      "div",
      { className: `overall-rate ${rate === null ? "none" : rateClass(report.belowTarget)}`, testId: "overall-rate" },
      rate === null ? "—" : formats.percent(rate),
    ),
    h(
      "div",
      { testId: "overall-summary" },
      t("overallSummary", { returned: formats.count(report.secondPurchases), customers: formats.count(report.firstPurchases) }),
    ),
    h("div", { className: `verdict ${rate === null ? "" : rateClass(report.belowTarget)}` }, verdict),
    report.firstDate !== null && report.lastDate !== null
      ? h(
          "div",
          { className: "hint" },
          t("rowsRead", {
            orders: formats.count(report.stats.orders),
            first: formats.date(report.firstDate),
            last: formats.date(report.lastDate),
          }),
        )
      : null,
  );
}

function cohortRow(cohort: CohortReportRow, { formats, t }: ReportContext): HTMLTableRowElement {
  const state = cohort.tooEarly ? "too-early" : cohort.belowTarget ? "below-target" : "ok";
  const row = h(
    "tr",
    { className: state, attrs: { "data-state": state } },
    h("td", {}, cohort.period),
    h("td", { className: "num" }, formats.count(cohort.newCustomers)),
    h("td", { className: "num" }, formats.count(cohort.returned)),
    h(
      "td",
      { className: "num" },
      formats.percent(cohort.rate),
      cohort.tooEarly ? h("span", { className: "early-label" }, t("tooEarly")) : null,
    ),
  );
  return row;
}

function table(testId: string, headings: string[], rows: HTMLTableRowElement[]): HTMLElement {
  return h(
    "div",
    { className: "table-scroll" },
    h(
      "table",
      { testId },
      h("thead", {}, h("tr", {}, ...headings.map((heading, index) => h("th", { className: index ? "num" : "" }, heading)))),
      h("tbody", {}, ...rows),
    ),
  );
}

function cohortsCard(report: RetentionReport, context: ReportContext): HTMLElement | null {
  const { t, formats } = context;
  if (report.cohorts.length === 0) return null;
  // Newest first: the cohorts a manager can still act on are the recent ones.
  const rows = [...report.cohorts].reverse().map((cohort) => cohortRow(cohort, context));
  const hasEarly = report.cohorts.some((cohort) => cohort.tooEarly);
  return h(
    "section",
    { className: "card" },
    h("h2", {}, t("chartTitle")),
    cohortChart(report.cohorts, report.target, formats, t),
    table("cohort-table", [t("cohortPeriod"), t("cohortNew"), t("cohortReturned"), t("cohortRate")], rows),
    hasEarly && report.verdict !== null
      ? h("div", { className: "hint" }, t("tooEarlyNote", { days: formats.count(report.verdict.horizonDays) }))
      : null,
    report.cohortsOmitted > 0 ? h("div", { className: "hint" }, t("cohortsOmitted", { count: report.cohortsOmitted })) : null,
  );
}

function managerRow(manager: ManagerReportRow, { formats, t }: ReportContext): HTMLTableRowElement {
  const state = manager.belowTarget ? "below-target" : "ok";
  return h(
    "tr",
    { className: state, attrs: { "data-state": state } },
    h("td", { className: "name" }, manager.manager === "" ? t("noManager") : manager.manager),
    h("td", { className: "num" }, formats.count(manager.newCustomers)),
    h("td", { className: "num" }, formats.count(manager.returned)),
    h("td", { className: "num" }, manager.rate === null ? "—" : formats.percent(manager.rate)),
  );
}

function managersCard(report: RetentionReport, context: ReportContext): HTMLElement | null {
  const { t } = context;
  if (report.managers === null || report.managers.length === 0) return null;
  return h(
    "section",
    { className: "card" },
    h("h2", {}, t("managersHeading")),
    table(
      "manager-table",
      [t("managerColumn"), t("cohortNew"), t("cohortReturned"), t("cohortRate")],
      report.managers.map((manager) => managerRow(manager, context)),
    ),
    report.managersOmitted > 0 ? h("div", { className: "hint" }, t("managersOmitted", { count: report.managersOmitted })) : null,
  );
}

function factsCard(report: RetentionReport, { formats, t }: ReportContext, excluding: boolean): HTMLElement {
  const facts: Child[] = [
    h(
      "li",
      { testId: "median-days" },
      report.medianDaysToSecond === null
        ? t("medianDaysNone")
        : t("medianDays", { days: formats.count(report.medianDaysToSecond) }),
    ),
    report.repeatRevenueShare !== null
      ? h("li", { testId: "repeat-revenue" }, t("repeatRevenue", { share: formats.percent(report.repeatRevenueShare) }))
      : null,
    excluding || report.stats.excludedRows > 0
      ? h("li", { testId: "excluded-deals" }, t("excludedDeals", { count: formats.count(report.stats.excludedRows) }))
      : null,
  ];
  return h("section", { className: "card" }, h("ul", { className: "facts" }, ...facts));
}

/** Lost customers listed before "show more": enough to act on, short enough to scroll past. */
const LOST_SHOWN_OPEN = 10;

function lostCard(report: RetentionReport, { formats, t }: ReportContext): HTMLElement {
  const { lost } = report;
  const summary =
    lost.amount === null
      ? t("lostSummary", { count: formats.count(lost.count) })
      : t("lostSummaryAmount", { count: formats.count(lost.count), amount: formats.amount(lost.amount) });
  const items = lost.customers.map((customer) =>
    h(
      "li",
      {},
      h(
        "div",
        { className: "lost-head" },
        h("span", { className: "name" }, customer.name),
        customer.amount === null ? null : h("span", { className: "num" }, formats.amount(customer.amount)),
      ),
      h(
        "div",
        { className: "hint" },
        t("lostCustomerLine", { date: formats.date(customer.firstDate), manager: customer.manager || t("noManager") }),
      ),
    ),
  );
  return h(
    "section",
    { className: "card", testId: "lost" },
    h("h2", {}, t("lostHeading")),
    h("div", {}, lost.count === 0 ? t("lostNone") : summary),
    items.length > 0 ? h("div", { className: "hint" }, t("lostShown", { shown: items.length })) : null,
    items.length > 0 ? h("ol", { className: "lost-list" }, ...items.slice(0, LOST_SHOWN_OPEN)) : null,
    items.length > LOST_SHOWN_OPEN
      ? h(
          "details",
          {},
          h("summary", {}, t("lostMore", { count: items.length - LOST_SHOWN_OPEN })),
          h("ol", { className: "lost-list", attrs: { start: String(LOST_SHOWN_OPEN + 1) } }, ...items.slice(LOST_SHOWN_OPEN)),
        )
      : null,
  );
}

function skippedCard(report: RetentionReport, { language, formats, t }: ReportContext): HTMLElement | null {
  if (report.stats.skippedRows === 0) return null;
  // The message names the column and the sheet row itself.
  const items = report.skipped.map((skipped) => h("li", {}, problemMessage(skipped.problem, language)));
  return h(
    "section",
    { className: "card warning", testId: "skipped" },
    h("h2", {}, t("skippedHeading", { count: formats.count(report.stats.skippedRows) })),
    h("div", { className: "hint" }, t("skippedSummary")),
    h("div", { className: "hint" }, t("skippedShown", { shown: items.length })),
    h("ul", { className: "skipped-list" }, ...items),
  );
}

/** The report's sections, in reading order. `excluding`: the user asked to leave one-off deals out. */
export function reportSections(report: RetentionReport, context: ReportContext, excluding: boolean): HTMLElement[] {
  return [
    overallCard(report, context),
    cohortsCard(report, context),
    managersCard(report, context),
    factsCard(report, context, excluding),
    lostCard(report, context),
    skippedCard(report, context),
  ].filter((section): section is HTMLElement => section !== null);
}
