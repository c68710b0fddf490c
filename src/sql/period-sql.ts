// Periods (src/core/periods.ts) in SQL: the index of a day's period, where a period starts and
// ends, and its label, as the cohorts and the health check's periods write them.

import type { Period } from "../core/periods";
import type { Dialect } from "./dialect";

/** The period index of an epoch day (src/core/periods.ts), in SQL. */
export function periodOfDay(day: string, period: Period, sql: Dialect): string {
  const floorDiv = (a: string, b: number): string => `CAST(FLOOR((${a}) / ${b}) AS ${sql.integer})`;
  if (period === "week") return floorDiv(`${day} + 3`, 7);
  const date = sql.dateOfEpochDay(day);
  const year = `EXTRACT(YEAR FROM ${date})`;
  const month = `EXTRACT(MONTH FROM ${date})`;
  if (period === "year") return year;
  if (period === "month") return `(${year} * 12 + ${month} - 1)`;
  return `(${year} * 4 + ${floorDiv(`${month} - 1`, 3)})`;
}

/** The DATE a period starts on. */
export function periodStartDate(index: string, period: Period, sql: Dialect): string {
  const floorDiv = (b: number): string => `CAST(FLOOR((${index}) / ${b}) AS ${sql.integer})`;
  switch (period) {
    case "week":
      return sql.dateOfEpochDay(`(${index}) * 7 - 3`);
    case "month":
      return sql.makeDate(floorDiv(12), `MOD(${index}, 12) + 1`, "1");
    case "quarter":
      return sql.makeDate(floorDiv(4), `MOD(${index}, 4) * 3 + 1`, "1");
    case "year":
      return sql.makeDate(`(${index})`, "1", "1");
  }
}

/** `2024-03`, `2024-Q1`, `2024-W09`, `2024`: periodLabel in SQL. */
export function periodLabel(index: string, period: Period, sql: Dialect): string {
  switch (period) {
    case "week":
      return sql.formatDate(periodStartDate(index, period, sql), "%G-W%V");
    case "month":
      return sql.formatDate(periodStartDate(index, period, sql), "%Y-%m");
    case "quarter":
      return `CONCAT(${sql.asText(`CAST(FLOOR((${index}) / 4) AS ${sql.integer})`)}, '-Q', ${sql.asText(`MOD(${index}, 4) + 1`)})`;
    case "year":
      return sql.asText(index);
  }
}

export function periodEndDate(index: string, period: Period, sql: Dialect): string {
  return sql.dateOfEpochDay(`${sql.epochDay(periodStartDate(`(${index}) + 1`, period, sql))} - 1`);
}
