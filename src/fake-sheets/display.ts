// What a cell shows (Range.getDisplayValues) for the handful of number formats the add-on and
// its template use: dates (dd, MM, yyyy tokens), percentages and fixed decimals. Anything else is
// shown as String(value), which is close enough for tests; it is not Sheets' full formatter.

import { isDateObject } from "../core/cells";
import { civilFromDay } from "../core/calendar";
import { ZoneCalendar } from "../core/time-zone";

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

function formatDate(date: Date, numberFormat: string, zone: ZoneCalendar): string {
  const day = zone.dayOf(date.getTime());
  const { year, month, day: dayOfMonth } = civilFromDay(day);
  const pattern = /[dmy]/i.test(numberFormat) ? numberFormat : "yyyy-MM-dd";
  return pattern.replace(/yyyy/gi, String(year)).replace(/MM/g, pad(month)).replace(/dd/gi, pad(dayOfMonth));
}

function formatNumber(value: number, numberFormat: string): string {
  const decimals = (format: string): number => /\.(0+)/.exec(format)?.[1]?.length ?? 0;
  if (numberFormat.endsWith("%")) return `${(value * 100).toFixed(decimals(numberFormat))}%`;
  if (/^[#0,]*\.?0*$/.test(numberFormat) && numberFormat !== "") return value.toFixed(decimals(numberFormat));
  return String(value);
}

export function displayValue(value: unknown, numberFormat: string, timeZone: string): string {
  if (isDateObject(value)) return formatDate(value, numberFormat, new ZoneCalendar(timeZone));
  if (typeof value === "number") return formatNumber(value, numberFormat);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return value === null || value === undefined ? "" : String(value);
}
