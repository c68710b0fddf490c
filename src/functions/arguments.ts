// Arguments as Sheets passes them, checked in one place: each custom function declares what it
// takes and gets typed values back, or a Problem naming the argument and the value.

import { isoDate } from "../core/calendar";
import { isBlank, isPlausibleDay, isSheetError, readDay } from "../core/cells";
import type { Cells, ColumnRef } from "../core/ingest";
import type { DayWindow } from "../core/ledger";
import { parsePeriod, type Period } from "../core/periods";
import { PROJECT_DEAL_TYPES } from "../core/deal-types";
import { isLapsedFactor } from "../core/health/lapsed";
import { isTrendThreshold } from "../core/health/trend";
import { fail } from "../core/problems";
import type { MatrixMeasure } from "../core/cohorts";
import type { SheetEnvironment } from "./sheet-environment";

/** A range argument: a 2-D array, or a bare value for a one-cell range. Must be one column. */
export function columnArgument(argument: string, range: unknown): ColumnRef {
  const values: Cells = Array.isArray(range) ? (range as unknown[][]) : [[range]];
  for (const row of values) {
    if (row.length > 1) fail({ code: "notOneColumn", argument, value: row.length });
  }
  return { argument, values, column: 0 };
}

/** All range arguments must have the same number of rows. */
export function sameLength(first: ColumnRef, ...others: ColumnRef[]): void {
  for (const other of others) {
    if (other.values.length !== first.values.length) {
      fail({
        code: "lengthMismatch",
        argument: first.argument,
        value: first.values.length,
        otherArgument: other.argument,
        otherValue: other.values.length,
      });
    }
  }
}

/** A range argument the caller may leave out: Sheets passes a skipped one as undefined or "". */
export function optionalRange(range: unknown): unknown {
  return range === "" ? undefined : range;
}

function optionalDay(argument: string, value: unknown, env: SheetEnvironment): number | undefined {
  if (isBlank(value)) return undefined;
  const day = readDay(value, env.input) ?? fail({ code: "badDateArgument", argument, value });
  // Quoted as the day read (see windowArguments); a year 0024 typed for 2024 shows as such.
  if (!isPlausibleDay(day)) fail({ code: "implausibleDateArgument", argument, value: isoDate(day) });
  return day;
}

export function windowArguments(start: unknown, end: unknown, env: SheetEnvironment): DayWindow {
  const window = { start: optionalDay("start_date", start, env), end: optionalDay("end_date", end, env) };
  if (window.start !== undefined && window.end !== undefined && window.start > window.end) {
    // Quoted as the days they were read as, not as raw Date objects (those would print in UTC).
    const [value, otherValue] = [isoDate(window.start), isoDate(window.end)];
    fail({ code: "startAfterEnd", argument: "start_date", value, otherArgument: "end_date", otherValue });
  }
  return window;
}

export function withinDaysArgument(value: unknown): number | undefined {
  if (isBlank(value)) return undefined;
  const days = typeof value === "number" ? value : typeof value === "string" ? Number(value.trim()) : Number.NaN;
  // 0 would count nobody: a second purchase is always on a later day.
  if (!Number.isInteger(days) || days < 1) fail({ code: "badWithinDays", argument: "within_days", value });
  return days;
}

/** The lapsed customers' factor, above 1 (isLapsedFactor); blank gives the default. */
export function factorArgument(argument: string, value: unknown, fallback: number): number {
  if (isBlank(value)) return fallback;
  const factor = typeof value === "number" ? value : typeof value === "string" ? Number(value.trim().replace(",", ".")) : Number.NaN;
  return isLapsedFactor(factor) ? factor : fail({ code: "badFactor", argument, value });
}

/** A number typed in a cell, or as text with a decimal comma or a % sign (NaN for what is not a number). */
function typedNumber(value: unknown): { number: number; percentTyped: boolean } {
  if (typeof value === "number") return { number: value, percentTyped: false };
  if (typeof value !== "string") return { number: Number.NaN, percentTyped: false };
  const text = value.trim();
  return { number: Number(text.replace(/%$/, "").replace(",", ".")), percentTyped: text.endsWith("%") };
}

/** A target share, typed as a percentage cell (0.67), a number of percent (67) or "67%"; blank gives the default. */
export function targetArgument(value: unknown, fallback: number): number {
  if (isBlank(value)) return fallback;
  const { number, percentTyped } = typedNumber(value);
  const share = percentTyped || number > 1 ? number / 100 : number;
  if (!Number.isFinite(share) || share < 0.01 || share > 1) fail({ code: "badTarget", argument: "target", value });
  return share;
}

/**
 * The trend rule's threshold as a share, typed as the target is (10%, 0.1 or 10), except that 1 is
 * 1 %: a threshold of 100 % would be none. Blank gives the default.
 */
export function trendThresholdArgument(value: unknown, fallback: number): number {
  if (isBlank(value)) return fallback;
  const { number, percentTyped } = typedNumber(value);
  const share = percentTyped || number >= 1 ? number / 100 : number;
  return isTrendThreshold(share) ? share : fail({ code: "badTrendThreshold", argument: "trend_threshold", value });
}

/** An optional date argument, as its epoch day. */
export function dayArgument(argument: string, value: unknown, env: SheetEnvironment): number | undefined {
  return optionalDay(argument, value, env);
}

export function periodArgument(value: unknown): Period {
  if (isBlank(value)) return "month";
  return (typeof value === "string" && parsePeriod(value)) || fail({ code: "unknownPeriod", argument: "period", value });
}

const MEASURES: Record<string, MatrixMeasure> = { rate: "rate", count: "count", доля: "rate", количество: "count" };

export function measureArgument(value: unknown): MatrixMeasure {
  if (isBlank(value)) return "rate";
  const measure = typeof value === "string" ? MEASURES[value.trim().toLowerCase()] : undefined;
  return measure ?? fail({ code: "unknownMeasure", argument: "measure", value });
}

const SWITCHES: Record<string, boolean> = { true: true, false: false, истина: true, ложь: false, "1": true, "0": false };

/** A TRUE/FALSE setting: a checkbox, TRUE/FALSE (ИСТИНА/ЛОЖЬ) typed as text, or 1/0; blank is FALSE. */
export function switchArgument(argument: string, value: unknown): boolean {
  if (isBlank(value)) return false;
  if (typeof value === "boolean") return value;
  const text = typeof value === "number" || typeof value === "string" ? String(value).trim().toLowerCase() : undefined;
  return (text !== undefined ? SWITCHES[text] : undefined) ?? fail({ code: "badSwitch", argument, value });
}

/**
 * The deal types whose rows are left out: one value, or a range of them; blank leaves none out.
 * Given without the deal-type column it would silently leave nothing out, so that is an error.
 */
/**
 * The deal types to leave out. Omitted, with deal types given: the project deal types, as the
 * sidebar and the command line leave out by default; a blank cell: none.
 */
export function excludedDealTypesArgument(value: unknown, dealTypes: unknown): string[] {
  if (value === undefined) return dealTypes === undefined ? [] : [...PROJECT_DEAL_TYPES];
  const cells = Array.isArray(value) ? (value as unknown[][]).flat() : [value];
  cells.forEach((cell, i) => {
    if (isSheetError(cell)) fail({ code: "errorValue", argument: "excluded_deal_type", row: i + 1, value: cell });
  });
  const excluded = cells.filter((cell) => !isBlank(cell)).map(String);
  if (excluded.length > 0 && dealTypes === undefined) {
    fail({ code: "argumentWithout", argument: "excluded_deal_type", otherArgument: "deal_types" });
  }
  return excluded;
}
