// The core's rules for a cell (src/core/customer-key.ts, cells.ts, statuses.ts) as SQL expressions:
// customer keys, blank cells, sheet error values, dates and amounts written as text. Each follows
// its core function step by step; where SQL cannot (Unicode case mapping), docs/bigquery-duckdb.md
// says so and test/sql/cell-rules.test.ts pins the difference.

import { SHEET_ERROR_VALUES, type SlashOrder } from "../core/cells";
import { KEY_QUOTES } from "../core/customer-key";
import type { Dialect } from "./dialect";

/**
 * JavaScript's `\s` (what `trim()` removes, what the core collapses), written out: RE2's `\s`, in
 * BigQuery and DuckDB alike, is ASCII only and would miss the no-break spaces 1C exports write.
 */
export const WHITESPACE = String.raw`[\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]`;

/** The same but the plain space: a name holding one of these, or two spaces in a row, needs tidying. */
const OTHER_WHITESPACE = WHITESPACE.replace(" ", "");
/** The quotation marks a key reads as spaces (customer-key.ts), as an RE2 class. */
const QUOTES = `[${[...KEY_QUOTES].map((mark) => `\\x{${mark.codePointAt(0)!.toString(16)}}`).join("")}]`;
/** Whitespace or a quotation mark: what a key makes one space of. */
const SPACE_OR_QUOTE = `${WHITESPACE.slice(0, -1)}${QUOTES.slice(1)}`;

// cells.ts's CURRENCY, TIME_SUFFIX and date shapes in RE2. Time fields are checked by the pattern
// itself (hours 0–23, minutes and seconds 0–59, offsets up to ±14:59), as validTime checks them.
const CURRENCY_WORD = String.raw`(?:[$€£¥₽]|руб\.?|р\.|rub|usd|eur)`;
const CURRENCY = `(?i)^${CURRENCY_WORD}${WHITESPACE}*|${WHITESPACE}*${CURRENCY_WORD}$`;
const TIME = String.raw`(?:[T ]+(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:[.,]\d+)?)?${WHITESPACE}*(?:Z|[+-](?:0\d|1[0-4])(?::?[0-5]\d)?)?)?`;
const APOSTROPHE = String.raw`\x{27}`;

/** A query stage: columns added to those of the stage before, each from earlier columns only. */
export type Stage = readonly (readonly [alias: string, expression: string])[];

/**
 * Every rule but `trim` reads text already trimmed (a column the query keeps), so that each
 * expression reads a cell once and the query stays short enough to read.
 */
export class CellRules {
  constructor(private readonly sql: Dialect) {}

  /** `text.trim()`. */
  trim(text: string): string {
    // Testing first is much cheaper than always replacing (the core does the same, for the same reason).
    const needsTrim = this.sql.matches(text, `^${WHITESPACE}|${WHITESPACE}$`);
    return `CASE WHEN ${needsTrim} THEN ${this.sql.replaceAll(text, `^${WHITESPACE}+|${WHITESPACE}+$`, "")} ELSE ${text} END`;
  }

  /** `customerDisplayName` of trimmed text: whitespace runs made one space. */
  tidy(trimmed: string): string {
    const needsCollapse = this.sql.matches(trimmed, `  |${OTHER_WHITESPACE}`);
    return `CASE WHEN ${needsCollapse} THEN ${this.sql.replaceAll(trimmed, `${WHITESPACE}+`, " ")} ELSE ${trimmed} END`;
  }

  /** `customerKey` of trimmed text: quotation marks and whitespace runs made one space, trimmed again, in the key's case. */
  key(trimmed: string): string {
    const needsTidying = this.sql.matches(trimmed, `  |${OTHER_WHITESPACE}|${QUOTES}`);
    // After the runs are one plain space, trimming spaces trims as `trim()` would; BigQuery's TRIM
    // without characters would also take U+0085, which JavaScript's `\s` leaves.
    const unquoted = `TRIM(${this.sql.replaceAll(trimmed, `${SPACE_OR_QUOTE}+`, " ")}, ' ')`;
    // A name of nothing but quotation marks is still a name, not a blank cell.
    const tidied = `COALESCE(NULLIF(${unquoted}, ''), ${this.tidy(trimmed)})`;
    return this.keyCase(`CASE WHEN ${needsTidying} THEN ${tidied} ELSE ${trimmed} END`);
  }

  /** `keyCase` of tidied text: lower-cased, ё read as е. */
  keyCase(tidied: string): string {
    return `REPLACE(LOWER(${tidied}), 'ё', 'е')`;
  }

  /** `statusKey`: a key without spaces, underscores, dashes and dots. */
  statusKey(trimmed: string): string {
    return this.sql.replaceAll(this.key(trimmed), "[ _.-]", "");
  }

  /** `isSheetError` of trimmed text. */
  isSheetError(trimmed: string): string {
    // Only text starting with "#" is looked up: most cells are passed at once, as the core passes them.
    // A CASE, not an AND: DuckDB works out both sides of an AND for every row, and the list's
    // comparisons then cost more than the rest of reading the cell.
    const equals = SHEET_ERROR_VALUES.map((value) => `UPPER(${trimmed}) = ${this.sql.text(value)}`);
    return `CASE WHEN STARTS_WITH(${trimmed}, '#') THEN ${equals.join(" OR ")} ELSE FALSE END`;
  }

  /**
   * The year, month and day of a date written as text (`parseDateText`), in stages: the common
   * shapes, the other shapes' parts, then the parts of the shape that matched, as text ('' for none) in
   * `date_year`, `date_month`, `date_day`. The day may still not exist (31.02.2024): see `validCivil`.
   */
  dateStages(trimmed: string, slashOrder: SlashOrder, compactDays: boolean): Stage[] {
    // One capturing group a pattern (BigQuery's REGEXP_EXTRACT returns the first): each shape is
    // written three times, capturing the year, the month and the day in turn.
    type Shape = (year: string, month: string, day: string) => string;
    const parts = (prefix: string, shape: Shape, widths: readonly [string, string, string]): Stage => {
      const capture = (captured: boolean, width: string): string => (captured ? `(\\d${width})` : `\\d${width}`);
      return ["1", "2", "3"].map((_, at) => {
        const pattern = shape(capture(at === 0, widths[0]), capture(at === 1, widths[1]), capture(at === 2, widths[2]));
        return [`${prefix}_${at + 1}`, this.sql.extract(trimmed, pattern)] as const;
      });
    };
    if (compactDays) {
      const compact = parts("date", (y, m, d) => `^${y}${m}${d}$`, ["{4}", "{2}", "{2}"]);
      return [
        compact,
        [
          ["date_year", "date_1"],
          ["date_month", "date_2"],
          ["date_day", "date_3"],
        ],
      ];
    }
    // Most dates are 2024-03-05 or 05.03.2024 exactly: one test and three substrings, instead of
    // the nine patterns every other shape needs, which then run only for the rest.
    const isoExactly = this.sql.matches(trimmed, String.raw`^\d{4}-\d{2}-\d{2}$`);
    const dottedExactly = this.sql.matches(trimmed, String.raw`^\d{2}\.\d{2}\.\d{4}$`);
    const form: Stage = [["date_form", `CASE WHEN ${isoExactly} THEN 'iso' WHEN ${dottedExactly} THEN 'dotted' ELSE '' END`]];
    const otherwise = (stage: Stage): Stage => stage.map(([alias, expr]) => [alias, `CASE WHEN date_form = '' THEN ${expr} END`]);
    const shapes = otherwise([
      ...parts("iso", (y, m, d) => `^${y}-${m}-${d}${TIME}$`, ["{4}", "{1,2}", "{1,2}"]),
      ...parts("dotted", (y, m, d) => String.raw`^${d}\.${m}\.${y}${TIME}$`, ["{4}", "{1,2}", "{1,2}"]),
      // a/b/c: an `a` of four digits is the year (YMD); else `c` must be, and the locale orders a and b.
      ...parts("slashed", (a, b, c) => `^${a}/${b}/${c}${TIME}$`, ["{1,4}", "{1,2}", "{1,4}"]),
    ]);
    const [monthFirst, dayFirst] = slashOrder === "MDY" ? ["slashed_1", "slashed_2"] : ["slashed_2", "slashed_1"];
    const substring = (from: number, length: number): string => `SUBSTR(${trimmed}, ${from}, ${length})`;
    const choose = (isoFast: string, dottedFast: string, iso: string, dotted: string, ymd: string, other: string): string =>
      `CASE date_form WHEN 'iso' THEN ${isoFast} WHEN 'dotted' THEN ${dottedFast} ` +
      `ELSE CASE WHEN ${iso} <> '' THEN ${iso} WHEN ${dotted} <> '' THEN ${dotted} ` +
      `WHEN LENGTH(slashed_1) = 4 THEN ${ymd} WHEN LENGTH(slashed_3) = 4 THEN ${other} ELSE '' END END`;
    return [
      form,
      shapes,
      [
        ["date_year", choose(substring(1, 4), substring(7, 4), "iso_1", "dotted_1", "slashed_1", "slashed_3")],
        ["date_month", choose(substring(6, 2), substring(4, 2), "iso_2", "dotted_2", "slashed_2", monthFirst)],
        ["date_day", choose(substring(9, 2), substring(1, 2), "iso_3", "dotted_3", "slashed_3", dayFirst)],
      ],
    ];
  }

  /** `isValidCivil` for integer expressions. */
  validCivil(year: string, month: string, day: string): string {
    const leap = `(MOD(${year}, 4) = 0 AND MOD(${year}, 100) <> 0 OR MOD(${year}, 400) = 0)`;
    const daysInMonth = `CASE WHEN ${month} IN (4, 6, 9, 11) THEN 30 WHEN ${month} = 2 THEN CASE WHEN ${leap} THEN 29 ELSE 28 END ELSE 31 END`;
    return `(${year} BETWEEN 1 AND 9999 AND ${month} BETWEEN 1 AND 12 AND ${day} BETWEEN 1 AND ${daysInMonth})`;
  }

  /**
   * `parseAmount` of trimmed text, in stages, ending in `amount_number` (`prefix_number`: each
   * column read as an amount names its stages apart): a number text a cast reads, '' when the text
   * is no amount. Currency marks go, U+2212 is a minus; then a sign, digits with
   * at most one decimal separator and well-formed grouping, an exponent.
   */
  amountStages(trimmed: string, decimalComma: boolean, prefix = "amount"): Stage[] {
    const { sql } = this;
    const n = (part: string): string => `${prefix}_${part}`;
    const text = `REPLACE(${sql.replaceAll(trimmed, CURRENCY, "")}, '\u2212', '-')`;
    const spaceKind = `${WHITESPACE.slice(1, -1)}${APOSTROPHE}`;
    const noExponent = `${n("exponent")} = ''`;
    const matches = (pattern: string): string => sql.matches(n("plain"), pattern);
    const whole = [
      matches(String.raw`^\d+$`),
      `${noExponent} AND ${matches(String.raw`^\d{1,3}( \d{3})+$`)}`,
      `${noExponent} AND ${matches(String.raw`^\d{1,3}(,\d{3}){2,}$`)}`,
      `${noExponent} AND ${matches(String.raw`^\d{1,3}(\.\d{3}){2,}$`)}`,
      ...(decimalComma ? [] : [`${noExponent} AND ${matches(String.raw`^\d{1,3},\d{3}$`)}`]),
    ];
    const decimal = [
      `${matches(String.raw`^\d*[.,]\d*$`)} AND ${matches(String.raw`\d`)}`,
      `${noExponent} AND ${matches(String.raw`^\d{1,3}( \d{3})+[.,]\d*$`)}`,
      `${noExponent} AND ${matches(String.raw`^\d{1,3}(,\d{3})+\.\d*$`)}`,
      `${noExponent} AND ${matches(String.raw`^\d{1,3}(\.\d{3})+,\d*$`)}`,
    ];
    const digits = (expr: string): string => sql.replaceAll(expr, String.raw`\D`, "");
    const integerPart = digits(sql.extract(n("plain"), String.raw`^(.*)[.,]\d*$`));
    const fraction = sql.extract(n("plain"), String.raw`[.,](\d*)$`);
    const anyOf = (conditions: readonly string[]): string => conditions.map((condition) => `(${condition})`).join(" OR ");
    const sign = `CASE WHEN ${sql.matches(n("unmarked"), "^-")} THEN '-' ELSE '' END`;
    // Most amounts are plain (-1234.5, or 1234,5 where a comma is the decimal mark): read at once,
    // and every pattern below runs only for the rest.
    const plainAmount = decimalComma ? String.raw`^-?\d+([.,]\d+)?$` : String.raw`^-?\d+(\.\d+)?$`;
    const fast: Stage = [[n("fast"), `CASE WHEN ${sql.matches(trimmed, plainAmount)} THEN REPLACE(${trimmed}, ',', '.') END`]];
    const otherwise = (stage: Stage): Stage => stage.map(([alias, expr]) => [alias, `CASE WHEN ${n("fast")} IS NULL THEN ${expr} END`]);
    const general =
      `CASE WHEN NOT ${n("shape")} THEN '' ` +
      `WHEN ${anyOf(whole)} THEN CONCAT(${n("sign")}, ${digits(n("plain"))}, ${n("exponent")}) ` +
      `WHEN ${anyOf(decimal)} THEN CONCAT(${n("sign")}, '0', ${integerPart}, '.', ${fraction}, '0', ${n("exponent")}) ELSE '' END`;
    return [
      fast,
      otherwise([[n("unmarked"), text]]),
      otherwise([
        [n("sign"), sign],
        [n("rest"), sql.replaceAll(n("unmarked"), `^[+-]?${WHITESPACE}*`, "")],
      ]),
      otherwise([
        [n("exponent"), sql.extract(n("rest"), String.raw`([eE][+-]?\d+)$`)],
        [n("body"), sql.replaceAll(n("rest"), String.raw`[eE][+-]?\d+$`, "")],
      ]),
      otherwise([
        [n("shape"), sql.matches(n("body"), `^[\\d${spaceKind},.]*$`)],
        // Every separator of the space kind (spaces, no-break spaces, an apostrophe) made one space.
        [n("plain"), sql.replaceAll(n("body"), `[${spaceKind}]`, " ")],
      ]),
      [[n("number"), `COALESCE(${n("fast")}, ${general})`]],
    ];
  }
}
