// Reading dates and amounts straight from bytes, for the common simple shapes only. Each
// function returns NaN when the shape is not the simple one, and the caller
// then hands the text to the core's parser: the rules stay in the core, these are shortcuts that
// must agree with it (test/cli/counting/fast-cells.test.ts checks that on random input).

import { civilFromDay, dayFromCivil, isValidCivil } from "../../core/calendar";
import { FIRST_PLAUSIBLE_DAY, isPlausibleDay, LAST_PLAUSIBLE_DAY } from "../../core/cells";
import { COMMA, DASH, DIGIT_ZERO, DOT } from "../../files/ascii";

function digit(bytes: Uint8Array, at: number): number {
  const d = bytes[at]! - DIGIT_ZERO;
  return d >= 0 && d <= 9 ? d : NaN;
}

function twoDigits(bytes: Uint8Array, at: number): number {
  return digit(bytes, at) * 10 + digit(bytes, at + 1);
}

function fourDigits(bytes: Uint8Array, at: number): number {
  return twoDigits(bytes, at) * 100 + twoDigits(bytes, at + 2);
}

// Each plausible date's epoch day, looked up by y·512 + m·32 + d and filled in as dates are first
// met: a file whose rows are in no date order (a CRM export sorted by customer or manager) would
// otherwise convert nearly every row's date afresh. Stored as the day's distance past the day before
// FIRST_PLAUSIBLE_DAY, so that the table's zeros mean "not met yet"; INVALID_DATE marks 2023-02-30
// and the days of the table's years that the core finds implausible.
const FIRST_TABLE_YEAR = civilFromDay(FIRST_PLAUSIBLE_DAY).year;
const LAST_TABLE_YEAR = civilFromDay(LAST_PLAUSIBLE_DAY).year;
const NOT_MET = 0;
const INVALID_DATE = -1;
const DAY_BEFORE_TABLE = FIRST_PLAUSIBLE_DAY - 1;
const epochDays = new Int32Array((LAST_TABLE_YEAR - FIRST_TABLE_YEAR + 1) * 512);

function civilDay(year: number, month: number, day: number): number {
  // Out-of-range parts must not reach the code below, where 2024-01-33 would alias 2024-02-01.
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31)) return NaN;
  // A date the core skips as implausible (year 0001, 2204) is left to it, to be skipped with its reason.
  if (!(year >= FIRST_TABLE_YEAR && year <= LAST_TABLE_YEAR)) return NaN;
  const code = (year - FIRST_TABLE_YEAR) * 512 + month * 32 + day;
  let stored = epochDays[code]!;
  if (stored === NOT_MET) {
    const epochDay = isValidCivil(year, month, day) ? dayFromCivil(year, month, day) : NaN;
    stored = isPlausibleDay(epochDay) ? epochDay - DAY_BEFORE_TABLE : INVALID_DATE;
    epochDays[code] = stored;
  }
  return stored === INVALID_DATE ? NaN : stored + DAY_BEFORE_TABLE;
}

/** The length of the dates fastDay reads. */
export const SIMPLE_DATE_BYTES = 10;

/** The length of the `YYYYMMDD` dates fastCompactDay reads. */
export const COMPACT_DATE_BYTES = 8;

/**
 * `YYYYMMDD` exactly, within the core's plausible days; NaN for anything else. Only for a date
 * column the layout found to be all such days (the core's `compactDays`); elsewhere 8 digits are no date.
 */
export function fastCompactDay(bytes: Uint8Array, start: number, end: number): number {
  if (end - start !== COMPACT_DATE_BYTES) return NaN;
  return civilDay(fourDigits(bytes, start), twoDigits(bytes, start + 4), twoDigits(bytes, start + 6));
}

/** `YYYY-MM-DD` or `DD.MM.YYYY` exactly, within the core's plausible days; NaN for anything else (or an impossible date). */
export function fastDay(bytes: Uint8Array, start: number, end: number): number {
  if (end - start !== SIMPLE_DATE_BYTES) return NaN;
  if (bytes[start + 4] === DASH && bytes[start + 7] === DASH) {
    return civilDay(fourDigits(bytes, start), twoDigits(bytes, start + 5), twoDigits(bytes, start + 8));
  }
  if (bytes[start + 2] === DOT && bytes[start + 5] === DOT) {
    return civilDay(fourDigits(bytes, start + 6), twoDigits(bytes, start + 3), twoDigits(bytes, start));
  }
  return NaN;
}

const POWERS_OF_TEN = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];
/** Up to 15 digits an integer is exact in a double, so digits ÷ 10^k rounds like Number(text). */
const MAX_DIGITS = 15;

/**
 * `-?digits`, `-?digits.digits` or `-?digits,digits` (up to 6 decimals); NaN for anything else.
 * A comma between one to three digits and exactly three is a thousands separator unless the
 * locale writes decimal commas, as in the core's `parseAmount`; any other comma is a decimal one.
 */
export function fastAmount(bytes: Uint8Array, start: number, end: number, decimalComma: boolean): number {
  let i = start;
  const negative = bytes[i] === DASH;
  if (negative) i++;
  let value = 0;
  const intStart = i;
  for (let d = bytes[i]! - DIGIT_ZERO; i < end && d >= 0 && d <= 9; d = bytes[++i]! - DIGIT_ZERO) value = value * 10 + d;
  const intDigits = i - intStart;
  if (intDigits === 0 || intDigits > MAX_DIGITS) return NaN;
  if (i < end) {
    const separator = bytes[i];
    if (separator !== DOT && separator !== COMMA) return NaN;
    const fracStart = ++i;
    for (let d = bytes[i]! - DIGIT_ZERO; i < end && d >= 0 && d <= 9; d = bytes[++i]! - DIGIT_ZERO) value = value * 10 + d;
    const fracDigits = i - fracStart;
    if (i !== end || fracDigits === 0 || fracDigits >= POWERS_OF_TEN.length || intDigits + fracDigits > MAX_DIGITS) return NaN;
    const isDecimal = separator === DOT || decimalComma || fracDigits !== 3 || intDigits > 3;
    if (isDecimal) value /= POWERS_OF_TEN[fracDigits]!;
  }
  return negative ? -value : value;
}
