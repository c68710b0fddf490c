// What the text and the HTML report say above their tables, worded once: the columns read, the
// rows left out, the judged verdict with its horizon and span, the all-time figure beside it, and
// the skipped rows grouped by reason.

import type { Period } from "../core/periods";
import type { Problem } from "../core/problems";
import type { CohortReportRow, RetentionReport } from "../core/report";
import { CLI_MESSAGES, SKIPPED_REASONS, type SkippedReasonCode } from "../i18n/cli";
import type { Language } from "../i18n/language";
import { problemMessage, quoteValue, rowPlace } from "../i18n/problems";
import { actionLine, actionParts, type TextPart } from "../presentation/action-line";
import { type ColumnRole, columnsRead } from "../presentation/columns-read";
import { type Formats, formatsFor } from "../presentation/formats";
import { text, type CliMessageKey } from "./errors";
import { skippedGroupCollector, type ReportOutcome, type SkippedGroup } from "./report-command";

/** How a line is shown: coloured in a terminal, a class in HTML. */
export type LineStyle = "plain" | "bad" | "good" | "dim";

export interface ReportLine {
  style: LineStyle;
  text: string;
}

type Say = (key: CliMessageKey, values?: Record<string, string | number>, counts?: Record<string, number>) => string;

const ROLE_KEYS: Record<ColumnRole, CliMessageKey> = {
  customer: "customer",
  date: "roleDate",
  amount: "amount",
  manager: "manager",
  dealType: "roleDealType",
  budget: "roleBudget",
  initiatedBy: "roleInitiatedBy",
  contact: "roleContact",
};

const PERIOD_KEYS: Record<Period, CliMessageKey> = { month: "monthly", week: "weekly", quarter: "quarterly", year: "yearly" };

/** "monthly", "по месяцам": how the cohorts are cut. */
export function periodName(language: Language, period: Period): string {
  return text(language, PERIOD_KEYS[period]);
}

const HORIZON_KEYS = { withinDays: "horizonWithinDays", returns: "horizonReturns", default: "horizonDefault" } as const;

/** The columns read, the rows left out or not counted, the customers. */
export function factLines(report: RetentionReport, language: Language, f: Formats = formatsFor(language)): string[] {
  const say: Say = (key, values, counts) => text(language, key, values, counts);
  const { stats, columns } = report;
  const lines = [
    say("columnsLine", { columns: columnsRead(report, (role) => say(ROLE_KEYS[role])) }),
    say("rowsLine", {
      rows: f.count(stats.rows),
      orders: f.count(stats.orders),
      skipped: f.count(stats.skippedRows),
      blank: f.count(stats.blankRows),
    }),
  ];
  if (report.excludedDealType !== null) {
    const values = { count: f.count(stats.excludedRows), column: columns.dealType ?? "", values: report.excludedDealType };
    lines.push(say("excludedLine", values));
  }
  const leftOut = Object.entries(stats.leftOutByStatus ?? {}).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  if (report.statusColumn != null) {
    const counts = leftOut.length === 0 ? f.count(0) : leftOut.map(([status, count]) => `${f.count(count)} ${status}`).join(", ");
    lines.push(say("statusLine", { column: report.statusColumn, counts }));
  }
  if (report.refunds.rows > 0) {
    lines.push(say("refundsLine", { count: f.count(report.refunds.rows), amount: f.money(report.refunds.amount) }));
  }
  lines.push(
    say("customersLine", { customers: f.count(report.customers), first: f.date(report.firstDate), last: f.date(report.lastDate) }),
  );
  return lines;
}

/** The headline verdict first, then what it covers, what adds up to it, and the all-time figure. */
export function verdictLines(report: RetentionReport, language: Language): ReportLine[] {
  const say: Say = (key, values, counts) => text(language, key, values, counts);
  const f = formatsFor(language);
  const { verdict, outcomes } = report;
  const plain = (line: string): ReportLine => ({ style: "plain", text: line });
  const lines: ReportLine[] = [];
  if (verdict.rate === null) {
    const line = verdict.judgeableOn === null ? say("nothingToJudge") : say("tooEarlyLine", { date: f.date(verdict.judgeableOn) });
    lines.push({ style: "dim", text: line });
  } else {
    const style = verdict.belowTarget ? "bad" : "good";
    const state = say(verdict.belowTarget ? "verdictStateBelow" : "verdictStateOk");
    lines.push({ style, text: say("verdictLine", { rate: f.rate(verdict.rate), target: f.percent(report.target), state }) });
    const days = f.count(verdict.horizonDays);
    lines.push(
      plain(
        say(
          "spanLine",
          { from: f.period(verdict.fromPeriod!), to: f.period(verdict.toPeriod!), days, why: say(HORIZON_KEYS[verdict.horizonSource]) },
          { days: verdict.horizonDays },
        ),
      ),
    );
    const judged = {
      newCustomers: f.count(verdict.firstPurchases),
      returned: f.count(verdict.secondPurchases),
      notReturned: f.count(verdict.notReturned),
    };
    lines.push(plain(say("judgedLine", { ...judged, days }, { days: verdict.horizonDays, newCustomers: verdict.firstPurchases })));
  }
  if (verdict.leftOutPeriod !== null) {
    lines.push(plain(say("leftOutLine", { period: periodName(language, report.period), label: f.period(verdict.leftOutPeriod) })));
  }
  lines.push(
    plain(
      say("allTimeLine", {
        rate: f.rate(report.retentionRate),
        newCustomers: f.count(report.firstPurchases),
        returned: f.count(outcomes.returned),
        notReturned: f.count(outcomes.notReturned),
        tooEarly: f.count(outcomes.tooEarly),
      }),
    ),
  );
  if (verdict.rate !== null)
    lines.push({ style: verdict.belowTarget ? "bad" : "good", text: say(verdict.belowTarget ? "verdictBelow" : "verdictOk") });
  return lines;
}

/** A cohort's note in the table: in the verdict or not (the data's first period left out), too early, below target. */
export function cohortNote(row: CohortReportRow, report: RetentionReport, language: Language): ReportLine {
  const say = (key: CliMessageKey): string => text(language, key);
  if (row.tooEarly) return { style: "dim", text: say("tooEarly") };
  if (row.period === report.verdict.leftOutPeriod) return { style: "dim", text: say("leftOutCohort") };
  if (row.judged) return row.belowTarget ? { style: "bad", text: say("judgedBelowTarget") } : { style: "plain", text: say("judged") };
  return row.belowTarget ? { style: "bad", text: say("belowTarget") } : { style: "plain", text: "" };
}

/** The heading of the "never came back" list, which follows the horizon H. */
export function lostHeading(report: RetentionReport, language: Language): string {
  const f = formatsFor(language);
  const key = report.withinDays === null ? "lostHeading" : "lostHeadingWithin";
  return text(
    language,
    key,
    { days: f.count(report.verdict.horizonDays), count: f.count(report.lost.count) },
    { days: report.verdict.horizonDays },
  );
}

/** The cohort table's head: the in-time column names H. */
export function cohortHead(report: RetentionReport, language: Language): string[] {
  const say = (key: CliMessageKey, values: Record<string, string | number> = {}): string => text(language, key, values);
  return [
    say("period"),
    say("newCustomers"),
    say("returnedInTime", { days: formatsFor(language).count(report.verdict.horizonDays) }),
    say("rate"),
    "",
  ];
}

/** A piece of a line: our own words, or text from the data, which each surface shows its safe way. */
export type LinePart = TextPart;

/**
 * Whom to act on first, under the verdict (presentation/action-line.ts); null while there is
 * nothing to act on.
 */
export function actionLineParts(outcome: ReportOutcome, language: Language, formats: Formats): LinePart[] | null {
  const { report } = outcome;
  const action = actionLine(report);
  return action === null ? null : actionParts(action, report.verdict.horizonDays, formats, language);
}

/** Fills a template's placeholders: strings as our words, parts as they are (data stays data). */
function fillParts(template: string, values: Record<string, string | LinePart[]>): LinePart[] {
  return template
    .split(/(\{\w+\})/)
    .filter((piece) => piece !== "")
    .flatMap((piece) => {
      const value = values[piece.slice(1, -1)];
      if (!/^\{\w+\}$/.test(piece) || value === undefined) return [{ text: piece }];
      return typeof value === "string" ? [{ text: value }] : value;
    });
}

const data = (value: string): LinePart[] => [{ text: value, data: true }];

/** Every skipped row's group, the reasons with most rows first. */
function skippedGroups({ report, skippedByReason }: ReportOutcome): SkippedGroup[] {
  const groups = skippedByReason ?? groupsOf(report.skipped.map((skip) => skip.problem));
  return [...groups].sort((a, b) => b.count - a.count);
}

/**
 * The skipped rows, one line per reason (problem and column), the reasons with most rows first:
 * how many rows, why, and the first few rows with their values.
 */
export function skippedLines(outcome: ReportOutcome, language: Language): LinePart[][] {
  const f = formatsFor(language);
  const groups = skippedGroups(outcome);
  const lines = groups.map((group) => skippedGroupLine(group, language));
  const more = outcome.report.stats.skippedRows - groups.reduce((sum, group) => sum + group.count, 0);
  if (more > 0) lines.push([{ text: text(language, "moreSkipped", { count: f.count(more) }) }]);
  return lines;
}

/**
 * The skipped rows by reason, for scripts: why, how many, the first rows; where several files are
 * read, the file of each of those rows too (`files`, beside `rows`).
 */
export function skippedByReason(
  outcome: ReportOutcome,
  language: Language,
): { reason: string; count: number; rows: number[]; files?: string[] }[] {
  return skippedGroups(outcome).map((group) => {
    const numbered = numberedExamples(group);
    const files = numbered.flatMap((example) => (example.file === undefined ? [] : [example.file]));
    return {
      reason: skippedReason(group, language)
        .map((part) => part.text)
        .join(""),
      count: group.count,
      rows: numbered.map((example) => example.row),
      ...(files.length > 0 ? { files } : {}),
    };
  });
}

function groupsOf(problems: readonly Problem[]): SkippedGroup[] {
  const { groups, add } = skippedGroupCollector();
  for (const problem of problems) add(problem);
  return groups;
}

/** What is wrong with the group's rows, without a row number; a problem with no such wording names its first row. */
function skippedReason(group: SkippedGroup, language: Language): LinePart[] {
  const { problem, count, examples } = group;
  const templates: Record<string, string> = SKIPPED_REASONS[language];
  const template = templates[problem.code as SkippedReasonCode];
  if (template === undefined) return data(problemMessage(problem, language));
  const more = !group.sameValue && count > examples.length ? " …" : "";
  return fillParts(template, { argument: data(problem.argument ?? ""), value: data(valuesOf(group) + more) });
}

/**
 * A group of skipped rows' problem in words, for a log with no purchase (noPurchaseMessage): its
 * first row's, named by its line, where the engine numbered the rows; else the group's reason.
 */
export function skippedProblem(group: SkippedGroup | undefined, language: Language): { reason: string; first: boolean } | undefined {
  if (group === undefined) return undefined;
  const example = numberedExamples(group)[0];
  if (example !== undefined)
    return { reason: problemMessage({ ...group.problem, row: example.row, file: example.file }, language), first: true };
  const reason = skippedReason(group, language)
    .map((part) => part.text)
    .join("");
  return { reason, first: false };
}

/** The examples the engine numbered: none when it found none again (DuckDB's, see src/cli/duckdb/report-of-tables.ts: row 0). */
function numberedExamples(group: SkippedGroup): SkippedGroup["examples"] {
  return group.examples.filter((example) => example.row > 0);
}

function skippedGroupLine(group: SkippedGroup, language: Language): LinePart[] {
  const { count, examples } = group;
  const reason = skippedReason(group, language);
  const messages = CLI_MESSAGES[language];
  if (numberedExamples(group).length === 0) {
    return fillParts(messages.skippedUnnumbered, { count: formatsFor(language).count(count), reason });
  }
  const places = examples.map((example) => rowPlace(example.row, example.file));
  if (count === 1) return fillParts(messages.skippedRow, { row: places[0]!, reason });
  const rows = places.join(", ") + (count > examples.length ? " …" : "");
  return fillParts(messages.skippedGroup, { count: formatsFor(language).count(count), reason, rows });
}

/** The group's value, or its examples' different values. */
function valuesOf({ problem, examples, sameValue }: SkippedGroup): string {
  if (sameValue) return quoteValue(problem.value);
  return [...new Set(examples.map((example) => quoteValue(example.value)))].join(", ");
}
