// Calendar days as integers: days since 1970-01-01 (the "epoch day"). Every date the core touches
// becomes one of these exactly once, so comparisons and differences are plain integer arithmetic.

export const MS_PER_DAY = 86_400_000;
/** Sheets serial number of 1970-01-01 (serials count from 1899-12-30). */
export const SHEETS_SERIAL_OF_EPOCH = 25_569;

export interface CivilDate {
  year: number;
  month: number; // 1..12
  day: number; // 1..31
}

// Howard Hinnant's days_from_civil: exact for the proleptic Gregorian calendar, no Date objects.
export function dayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export function civilFromDay(epochDay: number): CivilDate {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: era * 400 + yoe + (month <= 2 ? 1 : 0), month, day };
}

export function isValidCivil(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1 || year > 9999) return false;
  const back = civilFromDay(dayFromCivil(year, month, day));
  return back.day === day && back.month === month;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** `YYYY-MM-DD`, the one date format that crosses adapter boundaries (no Date objects). */
export function isoDate(epochDay: number): string {
  const { year, month, day } = civilFromDay(epochDay);
  return `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(day)}`;
}

/** The epoch day of a `YYYY-MM-DD` string that `isoDate` wrote. */
export function dayFromIso(iso: string): number {
  return dayFromCivil(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

/** Monday = 0 … Sunday = 6. 1970-01-01 was a Thursday. */
export function isoWeekday(epochDay: number): number {
  return (((epochDay + 3) % 7) + 7) % 7;
}

export function serialToDay(serial: number): number {
  return Math.floor(serial) - SHEETS_SERIAL_OF_EPOCH;
}

export function dayToSerial(epochDay: number): number {
  return epochDay + SHEETS_SERIAL_OF_EPOCH;
}
