// What a date, an amount and a blank cell are. Every adapter (custom functions, sidebar, CLI)
// reads cells through these functions, so the rules live in exactly one place.

import { dayFromCivil, isValidCivil, serialToDay } from "./calendar";
import { ZoneCalendar } from "./time-zone";

export type SlashOrder = "DMY" | "MDY" | "YMD";

/** How the spreadsheet (or CSV) writes dates and numbers. */
export interface InputLocale {
  /** Spreadsheet locale such as `ru_RU` or `en_US`. */
  locale: string;
  slashOrder: SlashOrder;
  /** True where `1,5` means one and a half (ru, de, fr …), false where it is a thousands comma. */
  decimalComma: boolean;
  zone: ZoneCalendar;
  /**
   * True when the date column holds `YYYYMMDD` days only (`19970101`, as in the CDNOW file): then
   * those are read, and nothing else is a date. Set by the command line when every date in a file's
   * first rows has that shape (see `isCompactDayColumn`); never in a sheet, where 19970101 is a number.
   */
  compactDays?: boolean;
}

// Locales that write month first, or year first, in slashed dates; everyone else writes day first.
const MONTH_FIRST = new Set(["en_US", "en_PH", "en_CA", "es_US", "en_BZ", "en_FM", "en_MH", "en_PW"]);
const YEAR_FIRST_LANGUAGES = new Set(["ja", "zh", "ko", "hu", "lt", "mn"]);
const DECIMAL_POINT_LANGUAGES = new Set(["en", "ja", "zh", "ko", "he", "th", "ga", "mt", "ms", "hi", "fil"]);

export function languageOf(locale: string): string {
  return locale.split(/[_-]/)[0]!.toLowerCase();
}

export function inputLocale(locale: string, timeZone: string): InputLocale {
  const language = languageOf(locale);
  const normalized = locale.replace("-", "_");
  const slashOrder: SlashOrder = MONTH_FIRST.has(normalized) ? "MDY" : YEAR_FIRST_LANGUAGES.has(language) ? "YMD" : "DMY";
  return { locale, slashOrder, decimalComma: !DECIMAL_POINT_LANGUAGES.has(language), zone: new ZoneCalendar(timeZone) };
}

/**
 * Order dates the core accepts: 1900-01-01 … 2100-12-31. A typed year 0001 or 2204 is a typo, and
 * one such date would stretch every table by centuries (a cohort matrix past a sheet's columns).
 */
export const FIRST_PLAUSIBLE_DAY = dayFromCivil(1900, 1, 1);
export const LAST_PLAUSIBLE_DAY = dayFromCivil(2100, 12, 31);

export function isPlausibleDay(day: number): boolean {
  return day >= FIRST_PLAUSIBLE_DAY && day <= LAST_PLAUSIBLE_DAY;
}

const HASH = 0x23;
const SPACE = 0x20;
const NO_BREAK_SPACE = 0xa0;
/** U+2000…: the block of en, em, thin and other spaces (and, above, scripts that may start with one). */
const GENERAL_PUNCTUATION = 0x2000;

// Error values as Sheets shows them, and as Excel writes them into CSV exports (Russian Excel too).
// Exported for the SQL generator (src/sql), which must leave out the same rows.
export const SHEET_ERROR_VALUES: readonly string[] = [
  "#N/A",
  "#REF!",
  "#VALUE!",
  "#DIV/0!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#ERROR!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
  "#Н/Д",
  "#ЗНАЧ!",
  "#ССЫЛКА!",
  "#ДЕЛ/0!",
  "#ИМЯ?",
  "#ЧИСЛО!",
  "#ПУСТО!",
];
const SHEET_ERRORS: ReadonlySet<string> = new Set(SHEET_ERROR_VALUES);

/** A spreadsheet error value such as `#N/A`: never a customer, a date or an amount. */
export function isSheetError(value: unknown): boolean {
  if (typeof value !== "string" || value.length < 3) return false;
  // Runs for every cell: most text neither starts with "#" nor with a space, and is passed at once.
  const first = value.charCodeAt(0);
  if (first !== HASH && first > SPACE && first !== NO_BREAK_SPACE && first < GENERAL_PUNCTUATION) return false;
  const text = value.trim();
  return text.startsWith("#") && SHEET_ERRORS.has(text.toUpperCase());
}

export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === "" || (typeof value === "string" && value.trim() === "");
}

/** Dates made in another realm (a vm context, Apps Script's own) fail `instanceof Date`. */
export function isDateObject(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === "[object Date]";
}

// A time after the date is checked, then left aside (the day is the date's). Hours run 0–23: a
// `24:00:00` (ISO 8601's old "end of the day") is unreadable, as it would be the next day's start.
// Minutes and seconds run 0–59 (no leap second); an offset is at most ±14:59, its minutes may be
// left out (`+03`, as BigQuery and DuckDB write a timestamp cast to text: `2024-03-05 10:00:00+00`).
const TIME_SUFFIX = String.raw`(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(?:Z|[+-](\d{2})(?::?(\d{2}))?)?)?`;
const ISO_DATE = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME_SUFFIX}$`);
const DOTTED_DATE = new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4})${TIME_SUFFIX}$`);
const SLASHED_DATE = new RegExp(String.raw`^(\d{1,4})/(\d{1,2})/(\d{1,4})${TIME_SUFFIX}$`);
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

/** Sheets' serial numbers cover 0001-01-01 … 9999-12-31; outside that a number is no date. */
const FIRST_SERIAL = -693_593;
const LAST_SERIAL = 2_958_465;

function civilDay(year: number, month: number, day: number): number | undefined {
  return isValidCivil(year, month, day) ? dayFromCivil(year, month, day) : undefined;
}

/** The time groups of a date match (m[4] … m[8]) are absent or a real time of day. */
function validTime(m: RegExpExecArray): boolean {
  if (m[4] === undefined) return true;
  if (+m[4] > 23 || +m[5]! > 59 || (m[6] !== undefined && +m[6] > 59)) return false;
  return m[7] === undefined || (+m[7] <= 14 && (m[8] === undefined || +m[8] <= 59));
}

/**
 * `YYYY-MM-DD[ time]`, `DD.MM.YYYY[ time]` or a slashed date in the locale's order; with
 * `compactDays`, `YYYYMMDD` only. A time must be a real one: `2024-03-05 99:99:99` is no date.
 */
export function parseDateText(text: string, slashOrder: SlashOrder, compactDays = false): number | undefined {
  const trimmed = text.trim();
  let m: RegExpExecArray | null;
  if (compactDays) {
    m = COMPACT_DATE.exec(trimmed);
    return m ? civilDay(+m[1]!, +m[2]!, +m[3]!) : undefined;
  }
  m = ISO_DATE.exec(trimmed);
  if (m) return validTime(m) ? civilDay(+m[1]!, +m[2]!, +m[3]!) : undefined;
  m = DOTTED_DATE.exec(trimmed);
  if (m) return validTime(m) ? civilDay(+m[3]!, +m[2]!, +m[1]!) : undefined;
  m = SLASHED_DATE.exec(trimmed);
  if (!m || !validTime(m)) return undefined;
  const [a, b, c] = [m[1]!, m[2]!, m[3]!];
  if (a.length === 4) return civilDay(+a, +b, +c);
  if (c.length !== 4) return undefined;
  return slashOrder === "MDY" ? civilDay(+c, +a, +b) : civilDay(+c, +b, +a);
}

/**
 * Whether a column's cells (a file's first rows, as text) are `YYYYMMDD` days, all of them: at
 * least one, each 8 digits making a plausible day; blank cells aside.
 */
export function isCompactDayColumn(cells: readonly unknown[]): boolean {
  let days = 0;
  for (const cell of cells) {
    if (isBlank(cell)) continue;
    if (typeof cell !== "string") return false;
    const day = parseDateText(cell, "DMY", true);
    if (day === undefined || !isPlausibleDay(day)) return false;
    days++;
  }
  return days > 0;
}

/** A date cell as Sheets passes it: a Date, a serial number or text. `undefined` when unreadable. */
export function readDay(value: unknown, locale: InputLocale): number | undefined {
  if (typeof value === "number") {
    return Number.isFinite(value) && value >= FIRST_SERIAL && value <= LAST_SERIAL ? serialToDay(value) : undefined;
  }
  if (typeof value === "string") return parseDateText(value, locale.slashOrder, locale.compactDays);
  // `instanceof` is the fast answer for Dates of this realm; the tag check catches the others.
  if (value instanceof Date || isDateObject(value)) {
    const ms = value.getTime();
    return Number.isNaN(ms) ? undefined : locale.zone.dayOf(ms);
  }
  return undefined;
}

// Spaces of every kind group digits in Russian exports ("1 234,56" often has U+00A0 or U+202F);
// the Swiss write an apostrophe.
const SPACE_SEPARATOR = /[\s\u00a0\u202f\u2009']/;
const CURRENCY = /^(?:[$€£¥₽]|руб\.?|р\.|rub|usd|eur)\s*|\s*(?:[$€£¥₽]|руб\.?|р\.|rub|usd|eur)$/gi;
/** A sign, then digits and separators, then an exponent: the shape `numberBody` reads the middle of. */
const NUMBER_SHAPE = /^([+-]?)\s*([\d\s\u00a0\u202f\u2009',.]*?)(e[+-]?\d+)?$/i;
/** Splits a number's body into digit runs and the one-character separators between them. */
const SEPARATORS = /([\s\u00a0\u202f\u2009',.])/;

/**
 * An amount: a number, or numeric text such as `1 234,56`, `1,234.56`, `1.234,56` or `.5`. It has
 * at most one decimal separator, and its grouping is well formed: groups of three digits after a
 * first group of one to three, all with one separator (`1,2,3`, `1.2.3` and `1,23,456` are no
 * amounts). With a single comma after one to three digits and before exactly three (`1,234`) the
 * locale decides; a single dot is always a decimal point.
 */
export function parseAmount(value: unknown, decimalComma: boolean): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value !== "string") return undefined;
  const text = value
    .trim()
    .replace(CURRENCY, "")
    .replace(/\u2212/g, "-");
  const shape = NUMBER_SHAPE.exec(text);
  if (!shape) return undefined;
  const [, sign, body, exponent] = shape;
  const plain = numberBody(body!, decimalComma, exponent !== undefined);
  if (plain === undefined) return undefined;
  const amount = Number(sign! + plain + (exponent ?? ""));
  return Number.isFinite(amount) ? amount : undefined;
}

const separatorKind = (separator: string): string => (SPACE_SEPARATOR.test(separator) ? " " : separator);

/**
 * Digits and separators (`1 234,56`) as plain digits with a decimal point (`1234.56`); undefined
 * when the grouping is not well formed or there is more than one decimal separator.
 */
function numberBody(body: string, decimalComma: boolean, hasExponent: boolean): string | undefined {
  const parts = body.split(SEPARATORS);
  // Digit runs at even places, one separator character between each two.
  const runs = parts.filter((_, at) => at % 2 === 0);
  const kinds = parts.filter((_, at) => at % 2 === 1).map(separatorKind);
  if (kinds.length === 0) return runs[0] === "" ? undefined : runs[0];
  const last = kinds[kinds.length - 1]!;
  const others = kinds.slice(0, -1);
  let decimal: string | undefined;
  if (last === " " || others.includes(last)) decimal = undefined;
  else if (others.length > 0) decimal = last;
  else decimal = isGroupingComma(last, runs, decimalComma, hasExponent) ? undefined : last;
  const whole = decimal === undefined ? runs : runs.slice(0, -1);
  const fraction = decimal === undefined ? "" : runs[runs.length - 1]!;
  if (whole.length > 1) {
    if (hasExponent || new Set(decimal === undefined ? kinds : others).size > 1) return undefined;
    if (!wellGrouped(whole)) return undefined;
  }
  const digits = whole.join("");
  if (digits === "" && fraction === "") return undefined;
  return fraction === "" ? digits : `${digits}.${fraction}`;
}

/** The one separator of `1,234`: a thousands comma unless the locale writes decimal commas. */
function isGroupingComma(separator: string, runs: readonly string[], decimalComma: boolean, hasExponent: boolean): boolean {
  const before = runs[0]!.length;
  return separator === "," && !decimalComma && !hasExponent && before >= 1 && before <= 3 && runs[1]!.length === 3;
}

/** `1`, `234`, `567`: a first group of one to three digits, then groups of exactly three. */
function wellGrouped(groups: readonly string[]): boolean {
  const first = groups[0]!.length;
  return first >= 1 && first <= 3 && groups.every((group, at) => at === 0 || group.length === 3);
}
