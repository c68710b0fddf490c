// CSV text → the cell values a user would have after pasting the file into Sheets: `05.03.2024`
// and `2024-03-05` become Date cells at midnight in the spreadsheet's time zone; numbers (`1234.56`,
// `1 234,56`) become numbers, read the way the spreadsheet's locale reads them; anything else —
// including a date Sheets could not read, such as `31.02.2023` — stays text.

import { parseAmount, parseDateText, type InputLocale } from "../core/cells";

export const DATE_FORMATS = { dotted: "dd.MM.yyyy", iso: "yyyy-MM-dd" } as const;
export const AMOUNT_FORMAT = "#,##0.00";

/** Digits with optional sign, spaces, dots or commas: what might be a number, not an ID like A-001. */
const NUMBER_LIKE = /^[-\u2212]?\d[\d\s\u00a0.,]*$/;
/** Only the two date shapes a CSV export writes without ambiguity. */
const DATE_LIKE = /^(\d{4}-\d{2}-\d{2}|\d{2}\.\d{2}\.\d{4})$/;

export interface SheetCell {
  value: unknown;
  /** The number format Sheets would give the cell on import; undefined for text. */
  numberFormat?: string;
}

export function sheetCell(text: string, locale: InputLocale): SheetCell {
  const trimmed = text.trim();
  if (DATE_LIKE.test(trimmed)) {
    const day = parseDateText(trimmed, locale.slashOrder);
    if (day === undefined) return { value: text };
    const numberFormat = trimmed.includes(".") ? DATE_FORMATS.dotted : DATE_FORMATS.iso;
    return { value: new Date(locale.zone.startOf(day)), numberFormat };
  }
  if (NUMBER_LIKE.test(trimmed)) {
    const amount = parseAmount(trimmed, locale.decimalComma);
    if (amount !== undefined) return { value: amount, numberFormat: Number.isInteger(amount) ? "0" : AMOUNT_FORMAT };
  }
  return { value: text };
}

/**
 * A workbook cell → the cell Sheets would have after opening the .xlsx: its type kept (text stays
 * text, unparsed), a date at midnight in the spreadsheet's time zone (the workbook's Date carries
 * its wall-clock day in UTC fields).
 */
export function workbookCell(value: string | number | boolean | Date | undefined, locale: InputLocale): SheetCell {
  if (value === undefined) return { value: "" };
  if (value instanceof Date) {
    const day = Math.floor(value.getTime() / 86_400_000);
    return { value: new Date(locale.zone.startOf(day)), numberFormat: locale.decimalComma ? DATE_FORMATS.dotted : DATE_FORMATS.iso };
  }
  if (typeof value === "number") return { value, numberFormat: Number.isInteger(value) ? "0" : AMOUNT_FORMAT };
  return { value };
}
