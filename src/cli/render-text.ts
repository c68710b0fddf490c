// The report for a terminal: the judged verdict and whom to act on first, the health check's eight
// answers, then cohorts, managers, lost customers and the rows that could not be read. Colour only
// when asked for (a TTY without NO_COLOR). Text from the data is shown with its control characters
// escaped, so a name cannot drive the terminal.

import type { HealthVerdict } from "../core/health/questions";
import { HEALTH_TEXT } from "../i18n/health";
import type { Language } from "../i18n/language";
import { type Formats, formatsFor } from "../presentation/formats";
import { type AnsweredCheck, healthAnswers } from "../presentation/health-check";
import { isAlarming, type ManagerHealthTable, managerHealthTable } from "../presentation/manager-health";
import { text, type CliMessageKey } from "./errors";
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
  type ReportLine,
} from "./report-lines";

const LOST_SHOWN = 10;

/**
 * C0 and C1 controls (ESC among them), DEL, bidi marks, embeddings, overrides and isolates, and
 * the line and paragraph separators: characters that move the cursor, recolour or reorder text.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const TERMINAL_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

/** The same, but the C0 controls, which JSON.stringify escapes itself (and its line breaks are layout). */
const TERMINAL_UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

const escapedCodeUnit = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** `value` with each character a terminal would act on written as `\u001b`, `\u202e` …. */
export function terminalSafe(value: string): string {
  return value.replace(TERMINAL_UNSAFE, escapedCodeUnit);
}

/** JSON text with the characters a terminal would act on escaped; it reads back to the same values. */
export function terminalSafeJson(json: string): string {
  return json.replace(TERMINAL_UNSAFE_IN_JSON, escapedCodeUnit);
}

type Paint = (style: "bad" | "good" | "dim" | "bold", value: string) => string;

const ANSI = { bad: "31", good: "32", dim: "2", bold: "1" } as const;

function painter(color: boolean): Paint {
  return color ? (style, value) => `\u001b[${ANSI[style]}m${value}\u001b[0m` : (_style, value) => value;
}

/** Left-aligned first column, right-aligned numbers. */
function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => [...(row[column] ?? "")].length)));
  return rows.map((row) =>
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join("  ")
      .trimEnd(),
  );
}

/** Delimiters that cannot be seen, by the names --delimiter takes. */
const DELIMITER_WORDS: Record<string, string> = { "\t": "tab", " ": "space" };

/** What was read: the file and how it was read, or a pattern's files and how many. */
function fileLine(
  { file, layout, inputs }: ReportOutcome,
  t: (key: CliMessageKey, values: Record<string, string | number>) => string,
): string {
  if (layout.sheet !== undefined) return t("fileLineSheet", { path: file, sheet: layout.sheet });
  // Parquet has no text encoding or delimiter to tell of (DuckDB reads it: src/cli/duckdb).
  const format =
    layout.delimiter === ""
      ? "Parquet"
      : t("csvFormat", { encoding: layout.encoding, delimiter: DELIMITER_WORDS[layout.delimiter] ?? layout.delimiter });
  // A pattern that matched one file: that file.
  if (inputs === undefined || inputs.length === 1) return t("fileLine", { path: inputs?.[0] ?? file, format });
  return t("filesLine", { path: file, count: inputs.length, format });
}

/** `currency`: --currency, for the amounts (presentation/formats.ts). */
export function renderText(outcome: ReportOutcome, language: Language, color: boolean, currency?: string): string {
  const { report } = outcome;
  const t = (key: CliMessageKey, values: Record<string, string | number> = {}, counts: Record<string, number> = {}): string =>
    text(language, key, values, counts);
  const paint = painter(color);
  const f = formatsFor(language, { currency });
  const [headline, ...verdict] = verdictLines(report, language);
  const lines: string[] = [
    paint("bold", t("title")),
    terminalSafe(fileLine(outcome, t)),
    ...factLines(report, language, f).map(terminalSafe),
    "",
    paint("bold", painted(headline!, paint)),
    ...verdict.map((line) => painted(line, paint)),
  ];
  const action = actionLineParts(outcome, language, f);
  if (action !== null) lines.push(paint("bold", plainText(action)));
  if (report.medianDaysToSecond !== null)
    lines.push(t("medianLine", { days: f.count(report.medianDaysToSecond) }, { days: report.medianDaysToSecond }));
  if (report.repeatRevenueShare !== null) lines.push(t("repeatShareLine", { share: f.rate(report.repeatRevenueShare) }));

  const check = report.healthCheck;
  if (check !== undefined) {
    const managers = managerHealthTable(check, report, language, f);
    lines.push("", ...healthLines(check, managers, language, paint, f));
  }

  lines.push("", paint("bold", t("cohortsHeading", { period: periodName(language, report.period) })));
  if (report.cohortsOmitted > 0) lines.push(t("cohortsOmitted", { count: report.cohortsOmitted }));
  const cohortTable = table([
    cohortHead(report, language),
    ...report.cohorts.map((row) => [
      f.period(row.period),
      f.count(row.newCustomers),
      f.count(row.returnedInTime),
      f.rate(row.rateInTime),
      "",
    ]),
  ]);
  lines.push(cohortTable[0]!, ...report.cohorts.map((row, k) => cohortLine(cohortTable[k + 1]!, cohortNote(row, report, language), paint)));

  // No judged cohort, no rows: a heading over an empty table would say nothing.
  if (report.managers !== null && report.managers.length > 0) {
    lines.push("", paint("bold", t("managersHeading")));
    const managerTable = table([
      [t("manager"), t("newCustomers"), t("returned"), t("rate")],
      ...report.managers.map((row) => [
        row.manager === "" ? t("noManager") : terminalSafe(row.manager),
        f.count(row.newCustomers),
        f.count(row.returned),
        f.rate(row.rate),
      ]),
    ]);
    lines.push(
      managerTable[0]!,
      ...report.managers.map((row, k) => (row.belowTarget ? paint("bad", managerTable[k + 1]!) : managerTable[k + 1]!)),
    );
  }

  if (report.lost.count > 0) {
    const heading = lostHeading(report, language);
    const amount = report.lost.amount === null ? "" : `; ${t("lostAmount", { amount: f.money(report.lost.amount) })}`;
    lines.push("", paint("bold", heading + amount));
    const shown = report.lost.customers.slice(0, LOST_SHOWN);
    lines.push(
      ...table([
        [t("customer"), t("firstPurchase"), t("amount"), t("daysSinceFirst")],
        ...shown.map((c) => [terminalSafe(c.name), f.date(c.firstDate), f.money(c.amount), f.count(c.daysSinceFirst)]),
      ]),
    );
    if (report.lost.count > shown.length) lines.push(t("moreLost", { count: f.count(report.lost.count - shown.length) }));
  }

  if (report.stats.skippedRows > 0) {
    lines.push("", paint("bold", t("skippedHeading", { count: f.count(report.stats.skippedRows) })));
    lines.push(...skippedLines(outcome, language).map((parts) => terminalSafe(parts.map((part) => part.text).join(""))));
  }
  return `${lines.join("\n")}\n`;
}

/** Our words as they are, the data's escaped. */
function plainText(parts: readonly LinePart[]): string {
  return parts.map((part) => (part.data ? terminalSafe(part.text) : part.text)).join("");
}

const VERDICT_PAINT: Record<HealthVerdict, "good" | "bad" | "dim" | undefined> = {
  good: "good",
  bad: "bad",
  watch: undefined,
  needsData: "dim",
};

/**
 * The health check's heading and eight lines: the verdict word, padded to a column, and the
 * sentence; question 4's table of managers under its line, indented to the sentences.
 */
function healthLines(check: AnsweredCheck, managers: ManagerHealthTable | null, language: Language, paint: Paint, f: Formats): string[] {
  const answers = healthAnswers(check, language, f);
  const width = Math.max(...answers.map((answer) => [...answer.verdictLabel].length));
  const indent = " ".repeat(width + 2);
  return [
    paint("bold", HEALTH_TEXT[language].title),
    ...answers.flatMap((answer) => {
      const word = answer.verdictLabel.padEnd(width);
      const style = VERDICT_PAINT[answer.verdict];
      const line = `${style === undefined ? word : paint(style, word)}  ${answer.id}. ${answer.sentence}`;
      return answer.id === 4 && managers !== null ? [line, ...managerLines(managers, paint).map((row) => indent + row)] : [line];
    }),
  ];
}

/** Question 4 per manager: a row in trouble in the bad colour, a rate below target said in words too. */
function managerLines(managers: ManagerHealthTable, paint: Paint): string[] {
  const rows = table([managers.header, ...managers.rows.map((row) => [terminalSafe(row.manager), ...row.figures, ""])]);
  return [
    paint("bold", managers.title),
    rows[0]!,
    ...managers.rows.map((row, k) => {
      const line = row.note === "" ? rows[k + 1]! : `${rows[k + 1]!}  ${row.note}`;
      return isAlarming(row) ? paint("bad", line) : line;
    }),
    ...(managers.omitted === null ? [] : [managers.omitted]),
  ];
}

function painted(line: ReportLine, paint: Paint): string {
  return line.style === "plain" ? line.text : paint(line.style, line.text);
}

/** A cohort's row with its note; the whole row takes the note's colour. */
function cohortLine(line: string, note: ReportLine, paint: Paint): string {
  return note.text === "" ? line : painted({ style: note.style, text: `${line}  ${note.text}` }, paint);
}
