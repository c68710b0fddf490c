// A call list as a CSV file a spreadsheet opens as it is: UTF-8 with a byte order mark (so Excel
// and Sheets read Cyrillic right), semicolons and decimal commas in Russian, commas and points in
// English, dates as the language writes them. Every text goes through formulaSafeText, so a name
// such as "=HYPERLINK(…)" stays a name in whatever opens the file; text of digits that a
// spreadsheet would change as a number (an id without its leading zeros, a long number rounded)
// is marked as text the same way.

import { formulaSafeText } from "../core/formula-safe";
import type { Language } from "../i18n/language";
import type { CallListCell, CallListTable } from "../presentation/call-list";
import { formatsFor } from "../presentation/formats";

const BOM = "\uFEFF";
/**
 * Digits that Excel, opening a CSV, would change as a number: a leading zero (dropped), or more
 * than 15 digits (rounded). The mark shows, so it is kept for these: a phone of 11 digits stays a
 * number, whole though a narrow column shows it as 7,93E+10.
 */
const DIGITS_A_NUMBER_WOULD_CHANGE = /^(?:0\d+|\d{16,})$/;

/** The text as written in whatever opens the file: never a formula, never a number shown otherwise. */
function textAsWritten(text: string): string {
  return DIGITS_A_NUMBER_WOULD_CHANGE.test(text) ? `'${text}` : formulaSafeText(text);
}

function quoted(field: string, delimiter: string): string {
  return field.includes(delimiter) || /["\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

export function callListCsv(table: CallListTable, language: Language): string {
  const delimiter = language === "ru" ? ";" : ",";
  const date = formatsFor(language).date;
  const cell = (value: CallListCell, column: number): string => {
    if (typeof value === "number") return language === "ru" ? String(value).replace(".", ",") : String(value);
    return textAsWritten(column === table.dateColumn && value !== "" ? date(value) : value);
  };
  const line = (cells: readonly string[]): string => cells.map((field) => quoted(field, delimiter)).join(delimiter);
  const lines = [line(table.header.map(textAsWritten)), ...table.rows.map((row) => line(row.map(cell)))];
  return `${BOM}${lines.join("\r\n")}\r\n`;
}
