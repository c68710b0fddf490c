// The report, rendered from the plain RetentionReport. Every name, period and value from the sheet
// goes in as a text node (see dom.ts).

import type { CohortReportRow, ManagerReportRow, RetentionReport } from "../core/report";
import type { Language } from "../i18n/language";
import type { SidebarKey } from "../i18n/sidebar";
import { problemMessage } from "../i18n/problems";
import { type ColumnRole, columnsRead } from "../presentation/columns-read";
import type { Formats } from "../presentation/formats";
import { cohortChartSvg } from "./chart";
import { h, type Child } from "./dom";
import { actionLine, actionParts } from "../presentation/action-line";
import { heatmapCard } from "./heatmap";
import { healthCard, healthSummary } from "./health-view";
import type { Text } from "./text";

export interface ReportContext {
  language: Language;
  formats: Formats;
  t: Text;
}

function rateClass(belowTarget: boolean): string {
  return belowTarget ? "below" : "ok";
}

/** The verdict in one line: below or at target, too early to judge, or nothing to judge. */
function verdictLine(report: RetentionReport, { formats, t }: ReportContext): HTMLElement {
  const { verdict } = report;
  const target = formats.percent(report.target);
  if (verdict.rate !== null) {
    const key = verdict.belowTarget ? "belowTarget" : "atTarget";
    return h("div", { className: `verdict ${rateClass(verdict.belowTarget)}`, testId: "verdict" }, t(key, { target }));
  }
  const text = verdict.judgeableOn === null ? t("nothingToJudge") : t("tooEarlyToJudge", { date: formats.date(verdict.judgeableOn) });
  return h("div", { className: "verdict", testId: "verdict" }, text);
}

const HORIZON_TEXT = { withinDays: "horizonWithinDays", returns: "horizonReturns", default: "horizonDefault" } as const;

/** "Returns counted within 74 days (…) · cohorts 2024-01 – 2024-12": what the verdict measured. */
function verdictSpan(report: RetentionReport, { formats, t }: ReportContext): string {
  const { verdict } = report;
  const horizon = t(HORIZON_TEXT[verdict.horizonSource], { days: formats.count(verdict.horizonDays) });
  if (verdict.fromPeriod === null || verdict.toPeriod === null) return horizon;
  const span =
    verdict.fromPeriod === verdict.toPeriod
      ? t("cohortSpanOne", { from: formats.period(verdict.fromPeriod) })
      : t("cohortSpan", { from: formats.period(verdict.fromPeriod), to: formats.period(verdict.toPeriod) });
  return `${horizon} · ${span}`;
}

const ROLE_LABELS: Record<ColumnRole, SidebarKey> = {
  customer: "fieldCustomer",
  date: "fieldDate",
  amount: "fieldAmount",
  manager: "fieldManager",
  dealType: "fieldDealType",
  budget: "fieldBudget",
  initiatedBy: "fieldInitiatedBy",
  contact: "fieldContact",
};

/** "Customer = Email, Date = Created at": a wrong guess of a column shows at once. */
function columnsUsed(report: RetentionReport, t: Text): string {
  return t("columnsUsed", { columns: columnsRead(report, (role) => t(ROLE_LABELS[role])) });
}

function line(testId: string, text: string, className = "hint"): HTMLElement {
  return h("div", { className, testId }, text);
}

/** "Left out by status (Financial Status): 1 pending, 1 refunded": the most frequent first, as the CLI lists them. */
function leftOutByStatus(report: RetentionReport, { formats, t }: ReportContext): HTMLElement | null {
  const column = report.statusColumn;
  if (column === null || column === undefined) return null;
  const counts = Object.entries(report.stats.leftOutByStatus ?? {}).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  const text =
    counts.length === 0
      ? t("leftOutByStatusNone", { column })
      : t("leftOutByStatus", {
          column,
          counts: counts.map(([status, count]) => t("statusCount", { status, count: formats.count(count) })).join(", "),
        });
  return line("left-out-status", text);
}

/** "To win back: 489 new customers …; lowest retention: Игорь Петров, 38.0% …": the rule every surface shares. */
function actionLineView(report: RetentionReport, { formats, language }: ReportContext): HTMLElement | null {
  const action = actionLine(report);
  if (action === null) return null;
  const parts = actionParts(action, report.verdict.horizonDays, formats, language);
  return h("div", { className: "action-line", testId: "action-line" }, ...parts.map((part) => part.text));
}

/** The answer first: the judged rate and verdict, what to do about it, and the health check at a glance. */
function answerCard(report: RetentionReport, context: ReportContext): HTMLElement {
  const { formats, t } = context;
  const { verdict } = report;
  const heading = h("h2", {}, t("overallHeading"));
  // Nothing left to analyse (every row skipped or left out): one message, not a report of zeros.
  if (report.customers === 0) {
    return h(
      "section",
      { className: "card overall", testId: "answer" },
      heading,
      line("no-orders", t("noOrdersRead"), "verdict"),
      leftOutByStatus(report, context),
    );
  }
  const rateState = verdict.rate === null ? "none" : rateClass(verdict.belowTarget);
  return h(
    "section",
    { className: "card overall", testId: "answer" },
    heading,
    h(
      "div",
      { className: "headline" },
      h("div", { className: `overall-rate ${rateState}`, testId: "overall-rate" }, formats.rate(verdict.rate)),
      report.retentionRate === null ? null : line("all-time-rate", t("allTime", { rate: formats.rate(report.retentionRate) }), "all-time"),
    ),
    verdictLine(report, context),
    actionLineView(report, context),
    healthSummary(report.healthCheck, context),
  );
}

/** How the verdict was counted: the figures behind it, what was left out, the columns read. */
function countedCard(report: RetentionReport, context: ReportContext): HTMLElement | null {
  const { formats, t } = context;
  const { verdict, outcomes } = report;
  if (report.customers === 0) return null;
  const count = formats.count;
  const days = count(verdict.horizonDays);
  return h(
    "section",
    { className: "card", testId: "counted" },
    h("h2", {}, t("countedHeading")),
    verdict.rate === null
      ? null
      : line(
          "verdict-summary",
          t(
            "verdictSummary",
            {
              returned: count(verdict.secondPurchases),
              customers: count(verdict.firstPurchases),
              notReturned: count(verdict.notReturned),
              days,
            },
            { returned: verdict.secondPurchases, customers: verdict.firstPurchases, days: verdict.horizonDays },
          ),
          "",
        ),
    line("verdict-span", verdictSpan(report, context)),
    verdict.leftOutPeriod === null ? null : line("left-out", t("leftOutPeriod", { period: formats.period(verdict.leftOutPeriod) })),
    report.excludedDealType === null
      ? null
      : line(
          "excluded-deals",
          t(
            "excludedDeals",
            { count: count(report.stats.excludedRows), value: report.excludedDealType },
            { count: report.stats.excludedRows },
          ),
        ),
    leftOutByStatus(report, context),
    report.refunds.rows === 0 ? null : line("refunds", t("refunds", { count: count(report.refunds.rows) }, { count: report.refunds.rows })),
    line(
      "outcomes",
      t(
        "outcomes",
        {
          total: count(report.firstPurchases),
          returned: count(outcomes.returned),
          notReturned: count(outcomes.notReturned),
          tooEarly: count(outcomes.tooEarly),
          days,
        },
        { total: report.firstPurchases, days: verdict.horizonDays },
      ),
    ),
    line("columns-used", columnsUsed(report, t)),
    report.firstDate !== null && report.lastDate !== null
      ? line(
          "rows-read",
          t(
            "rowsRead",
            { orders: count(report.stats.orders), first: formats.date(report.firstDate), last: formats.date(report.lastDate) },
            { orders: report.stats.orders },
          ),
        )
      : null,
  );
}

function cohortRow(cohort: CohortReportRow, { formats, t }: ReportContext): HTMLTableRowElement {
  const state = cohort.tooEarly ? "too-early" : cohort.belowTarget ? "below-target" : "ok";
  const row = h(
    "tr",
    { className: `${state}${cohort.judged ? " judged" : ""}`, attrs: { "data-state": state, "data-judged": String(cohort.judged) } },
    h("td", {}, formats.period(cohort.period)),
    h("td", { className: "num" }, formats.count(cohort.newCustomers)),
    h("td", { className: "num" }, formats.count(cohort.returnedInTime)),
    h(
      "td",
      { className: "num" },
      formats.rate(cohort.rateInTime),
      cohort.tooEarly ? h("span", { className: "early-label" }, t("tooEarly")) : null,
    ),
  );
  return row;
}

/** A table that fits the card's width: no scrolling inside the scrolling sidebar. */
function table(testId: string, headings: string[], rows: HTMLTableRowElement[]): HTMLElement {
  return h(
    "table",
    { testId, className: "fit" },
    h(
      "thead",
      {},
      h("tr", {}, ...headings.map((heading, index) => h("th", { className: index ? "num" : "", attrs: { scope: "col" } }, heading))),
    ),
    h("tbody", {}, ...rows),
  );
}

function cohortsCard(report: RetentionReport, context: ReportContext): HTMLElement | null {
  const { t, formats } = context;
  if (report.cohorts.length === 0) return null;
  // Newest first: the cohorts a manager can still act on are the recent ones.
  const rows = [...report.cohorts].reverse().map((cohort) => cohortRow(cohort, context));
  return h(
    "section",
    { className: "card" },
    h("h2", {}, t("chartTitle")),
    cohortChartSvg(report, formats, t),
    table("cohort-table", [t("cohortPeriod"), t("cohortNew"), t("cohortReturned"), t("cohortRate")], rows),
    h("div", { className: "hint" }, t("cohortsNote", { days: formats.count(report.verdict.horizonDays) })),
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
    h("td", { className: "num" }, formats.rate(manager.rate)),
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

function factsCard(report: RetentionReport, { formats, t }: ReportContext): HTMLElement {
  const facts: Child[] = [
    h(
      "li",
      { testId: "median-days" },
      report.medianDaysToSecond === null ? t("medianDaysNone") : t("medianDays", { days: formats.count(report.medianDaysToSecond) }),
    ),
    report.repeatRevenueShare !== null
      ? h("li", { testId: "repeat-revenue" }, t("repeatRevenue", { share: formats.rate(report.repeatRevenueShare) }))
      : null,
  ];
  return h("section", { className: "card" }, h("ul", { className: "facts" }, ...facts));
}

/** Lost customers listed before "show more": enough to act on, short enough to scroll past. */
const LOST_SHOWN_OPEN = 10;

function lostCard(report: RetentionReport, { formats, t }: ReportContext): HTMLElement {
  const { lost } = report;
  const days = formats.count(report.verdict.horizonDays);
  const summary =
    lost.amount === null
      ? t("lostSummary", { count: formats.count(lost.count) }, { count: lost.count })
      : t("lostSummaryAmount", { count: formats.count(lost.count), amount: formats.money(lost.amount) }, { count: lost.count });
  const items = lost.customers.map((customer) =>
    h(
      "li",
      {},
      h(
        "div",
        { className: "lost-head" },
        h("span", { className: "name" }, customer.name),
        customer.amount === null ? null : h("span", { className: "num" }, formats.money(customer.amount)),
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
    h("h2", {}, t("lostHeading", { days })),
    h("div", {}, lost.count === 0 ? t("lostNone", { days }) : summary),
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

/**
 * The report's sections, in reading order: the answer, the heatmap, then the detail behind them;
 * with no order read, only the message and the skipped rows.
 */
export function reportSections(report: RetentionReport, context: ReportContext): HTMLElement[] {
  const sections =
    report.customers === 0
      ? [answerCard(report, context), skippedCard(report, context)]
      : [
          answerCard(report, context),
          heatmapCard(report, context.formats, context.language),
          cohortsCard(report, context),
          healthCard(report, context),
          managersCard(report, context),
          factsCard(report, context),
          lostCard(report, context),
          countedCard(report, context),
          skippedCard(report, context),
        ];
  return sections.filter((section): section is HTMLElement => section !== null);
}
