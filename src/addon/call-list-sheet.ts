// A call list on a sheet of its own. The add-on only writes into a sheet it has just created (a
// free name, never an existing sheet), in one block of values, and every text goes through
// formulaSafeText: a customer named "=HYPERLINK(…)" stays a name.

import { dayFromIso } from "../core/calendar";
import { formulaSafeText } from "../core/formula-safe";
import { ZoneCalendar } from "../core/time-zone";
import type { CallListTable } from "../presentation/call-list";
import { datePattern, freeSheetName } from "./template";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Adds the sheet after the others and returns its name. */
export function writeCallListSheet(spreadsheet: Spreadsheet, baseName: string, table: CallListTable, locale: string): string {
  const sheets = spreadsheet.getSheets();
  const name = freeSheetName(baseName, new Set(sheets.map((sheet) => sheet.getName())));
  const sheet = spreadsheet.insertSheet(name, sheets.length);
  const zone = new ZoneCalendar(spreadsheet.getSpreadsheetTimeZone());
  const cell = (value: string | number, column: number): unknown => {
    if (column === table.dateColumn && typeof value === "string" && value !== "") return new Date(zone.startOf(dayFromIso(value)));
    return typeof value === "string" ? formulaSafeText(value) : value;
  };
  const values = [table.header.map(formulaSafeText), ...table.rows.map((row) => row.map(cell))];
  const width = table.header.length;
  // Text columns are formatted as text first: Sheets would read a phone 0612345678 as a number and
  // a name such as 1/2 or TRUE as a date or a boolean.
  for (const column of textColumns(table)) sheet.getRange(1, column + 1, values.length, 1).setNumberFormat("@");
  sheet.getRange(1, 1, values.length, width).setValues(values);
  sheet.getRange(1, 1, 1, width).setFontWeight("bold");
  sheet.setFrozenRows(1);
  if (table.rows.length > 0) sheet.getRange(2, table.dateColumn + 1, table.rows.length, 1).setNumberFormat(datePattern(locale));
  sheet.setColumnWidth(1, 240);
  return name;
}

/** The columns that hold only text: what the list's header names and every row's text cell. */
function textColumns(table: CallListTable): number[] {
  return table.header
    .map((_, column) => column)
    .filter((column) => column !== table.dateColumn && table.rows.every((row) => typeof row[column] === "string"));
}
