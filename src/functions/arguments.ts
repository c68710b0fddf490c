// Arguments as Sheets passes them, checked in one place: each custom function declares what it
// takes and gets typed values back, or a Problem naming the argument and the value.

import { isoDate } from "../core/calendar";
import { isBlank, readDay } from "../core/cells";
import type { Cells, ColumnRef } from "../core/ingest";
import type { DayWindow } from "../core/ledger";
import { parsePeriod, type Period } from "../core/periods";
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

function optionalDay(argument: string, value: unknown, env: SheetEnvironment): number | undefined {
  if (isBlank(value)) return undefined;
  return readDay(value, env.input) ?? fail({ code: "badDateArgument", argument, value });
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
  if (!Number.isInteger(days) || days < 0) fail({ code: "badWithinDays", argument: "within_days", value });
  return days;
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
