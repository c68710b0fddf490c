// "Twelve months" as the calendar counts them, for the health check's trailing years: the window
// of 12 months ending on a day is the days after the same date a year before, up to that day.

import { civilFromDay, dayFromCivil, isValidCivil } from "../calendar";

/** The same date a year earlier (29 February → 28 February). */
export function yearBefore(day: number): number {
  return shiftYears(day, -1);
}

/** The same date a year later (29 February → 28 February). */
export function yearAfter(day: number): number {
  return shiftYears(day, 1);
}

function shiftYears(day: number, years: number): number {
  const { year, month, day: dayOfMonth } = civilFromDay(day);
  let clamped = dayOfMonth;
  while (!isValidCivil(year + years, month, clamped)) clamped--;
  return dayFromCivil(year + years, month, clamped);
}
