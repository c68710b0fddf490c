// Periods (month, ISO week, quarter, year) as consecutive integers, so that "cohort + k" is
// addition and a cohort table is an array indexed by period.

import { civilFromDay, dayFromCivil, isoWeekday } from "./calendar";

export type Period = "month" | "week" | "quarter" | "year";

export const PERIODS: readonly Period[] = ["month", "week", "quarter", "year"];

const PERIOD_NAMES: Record<string, Period> = {
  month: "month",
  week: "week",
  quarter: "quarter",
  year: "year",
  месяц: "month",
  неделя: "week",
  квартал: "quarter",
  год: "year",
};

/** `month`, `week`, `quarter`, `year` or their Russian names, in any case; undefined otherwise. */
export function parsePeriod(text: string): Period | undefined {
  return PERIOD_NAMES[text.trim().toLowerCase()];
}

export function periodIndex(epochDay: number, period: Period): number {
  if (period === "week") return Math.floor((epochDay + 3) / 7);
  const { year, month } = civilFromDay(epochDay);
  switch (period) {
    case "month":
      return year * 12 + month - 1;
    case "quarter":
      return year * 4 + Math.floor((month - 1) / 3);
    case "year":
      return year;
  }
}

/** First day of the period with this index. */
export function periodStart(index: number, period: Period): number {
  switch (period) {
    case "week":
      return index * 7 - 3;
    case "month":
      return dayFromCivil(Math.floor(index / 12), (index % 12) + 1, 1);
    case "quarter":
      return dayFromCivil(Math.floor(index / 4), (index % 4) * 3 + 1, 1);
    case "year":
      return dayFromCivil(index, 1, 1);
  }
}

/** Last day of the period with this index. */
export function periodEnd(index: number, period: Period): number {
  return periodStart(index + 1, period) - 1;
}

/** `2024-03`, `2024-Q1`, `2024-W09` (ISO week-numbering year) or `2024`. */
export function periodLabel(index: number, period: Period): string {
  const start = periodStart(index, period);
  const { year, month } = civilFromDay(start);
  switch (period) {
    case "month":
      return `${year}-${String(month).padStart(2, "0")}`;
    case "quarter":
      return `${year}-Q${(index % 4) + 1}`;
    case "year":
      return String(year);
    case "week": {
      const thursday = start + 3 - isoWeekday(start);
      const weekYear = civilFromDay(thursday).year;
      const week = Math.floor((thursday - dayFromCivil(weekYear, 1, 1)) / 7) + 1;
      return `${weekYear}-W${String(week).padStart(2, "0")}`;
    }
  }
}
