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
const SHEET_ERRORS = new Set([
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
]);

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

const TIME_SUFFIX = String.raw`(?:[T ]+\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?`;
const ISO_DATE = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME_SUFFIX}$`);
const DOTTED_DATE = new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4})${TIME_SUFFIX}$`);
const SLASHED_DATE = new RegExp(String.raw`^(\d{1,4})/(\d{1,2})/(\d{1,4})${TIME_SUFFIX}$`);

/** Sheets' serial numbers cover 0001-01-01 … 9999-12-31; outside that a number is no date. */
const FIRST_SERIAL = -693_593;
const LAST_SERIAL = 2_958_465;

function civilDay(year: number, month: number, day: number): number | undefined {
  return isValidCivil(year, month, day) ? dayFromCivil(year, month, day) : undefined;
}

/** `YYYY-MM-DD[ time]`, `DD.MM.YYYY[ time]` or a slashed date in the locale's order. */
export function parseDateText(text: string, slashOrder: SlashOrder): number | undefined {
  const trimmed = text.trim();
  let m = ISO_DATE.exec(trimmed);
  if (m) return civilDay(+m[1]!, +m[2]!, +m[3]!);
  m = DOTTED_DATE.exec(trimmed);
  if (m) return civilDay(+m[3]!, +m[2]!, +m[1]!);
  m = SLASHED_DATE.exec(trimmed);
  if (!m) return undefined;
  const [a, b, c] = [m[1]!, m[2]!, m[3]!];
  if (a.length === 4) return civilDay(+a, +b, +c);
  if (c.length !== 4) return undefined;
  return slashOrder === "MDY" ? civilDay(+c, +a, +b) : civilDay(+c, +b, +a);
}

/** A date cell as Sheets passes it: a Date, a serial number or text. `undefined` when unreadable. */
export function readDay(value: unknown, locale: InputLocale): number | undefined {
  if (typeof value === "number") {
    return Number.isFinite(value) && value >= FIRST_SERIAL && value <= LAST_SERIAL ? serialToDay(value) : undefined;
  }
  if (typeof value === "string") return parseDateText(value, locale.slashOrder);
  // `instanceof` is the fast answer for Dates of this realm; the tag check catches the others.
  if (value instanceof Date || isDateObject(value)) {
    const ms = value.getTime();
    return Number.isNaN(ms) ? undefined : locale.zone.dayOf(ms);
  }
  return undefined;
}

// Spaces of every kind group digits in Russian exports ("1 234,56" often has U+00A0 or U+202F).
const GROUPING_SPACES = /[\s\u00a0\u202f\u2009']/g;
const CURRENCY = /^(?:[$€£¥₽]|руб\.?|р\.|rub|usd|eur)\s*|\s*(?:[$€£¥₽]|руб\.?|р\.|rub|usd|eur)$/gi;
const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * An amount: a number, or numeric text such as `1 234,56`, `1,234.56` or `1.234,56`.
 * With a single separator followed by exactly three digits (`1,234`) the locale decides.
 */
export function parseAmount(value: unknown, decimalComma: boolean): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value !== "string") return undefined;
  let text = value
    .trim()
    .replace(CURRENCY, "")
    .replace(/\u2212/g, "-")
    .replace(GROUPING_SPACES, "");
  const lastComma = text.lastIndexOf(",");
  const lastDot = text.lastIndexOf(".");
  if (lastComma >= 0 && lastDot >= 0) {
    const decimal = lastComma > lastDot ? "," : ".";
    const grouping = decimal === "," ? "." : ",";
    text = text.split(grouping).join("").replace(decimal, ".");
  } else if (lastComma >= 0) {
    text = commaAsDecimalOrGrouping(text, decimalComma);
  } else if (lastDot >= 0 && text.indexOf(".") !== lastDot) {
    text = text.split(".").join("");
  }
  if (!PLAIN_NUMBER.test(text)) return undefined;
  const amount = Number(text);
  return Number.isFinite(amount) ? amount : undefined;
}

function commaAsDecimalOrGrouping(text: string, decimalComma: boolean): string {
  const commas = text.split(",").length - 1;
  if (commas > 1) return text.split(",").join("");
  const digitsAfter = text.length - text.indexOf(",") - 1;
  const isDecimal = digitsAfter !== 3 || decimalComma;
  return isDecimal ? text.replace(",", ".") : text.replace(",", "");
}
