// What a custom function needs to know about its spreadsheet: locale (message language, slashed
// date order, decimal comma) and time zone (which day a Date cell shows). Two reads per call.

import { inputLocale, type InputLocale } from "../core/cells";
import { languageForLocale, type Language } from "../i18n/language";

export interface SheetEnvironment {
  input: InputLocale;
  language: Language;
}

export function sheetEnvironment(): SheetEnvironment {
  const spreadsheet = typeof SpreadsheetApp === "undefined" ? null : SpreadsheetApp.getActiveSpreadsheet();
  const locale = spreadsheet?.getSpreadsheetLocale() || "en_US";
  const timeZone = spreadsheet?.getSpreadsheetTimeZone() || Session.getScriptTimeZone();
  return { input: inputLocale(locale, timeZone), language: languageForLocale(locale) };
}
