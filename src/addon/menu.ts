// The add-on menu and what its items do. onOpen also runs in AuthMode.NONE (the add-on is
// installed but not yet used in this spreadsheet), where touching the spreadsheet throws: then the
// menu language comes from the user's locale, or English.

import { fill, languageForLocale, type Language } from "../i18n/language";
import { ADDON_MESSAGES, MENU } from "../i18n/menu";
import { SIDEBAR } from "../i18n/sidebar";
import { highlightSelection, inSelection, localizedError, spreadsheetLanguage, startingRequest } from "./server";
import { removeHighlights } from "./highlight";
import { readHead } from "./selection";

interface OpenEvent {
  authMode?: GoogleAppsScript.Script.AuthMode;
}

function menuLanguage(event: OpenEvent | undefined): Language {
  try {
    if (event?.authMode !== ScriptApp.AuthMode.NONE) {
      return spreadsheetLanguage(SpreadsheetApp.getActiveSpreadsheet());
    }
    return languageForLocale(Session.getActiveUserLocale());
  } catch {
    return "en";
  }
}

/** Adds the add-on menu (Extensions → Sheets Retention) when the spreadsheet opens. */
export function onOpen(e?: OpenEvent): void {
  const text = MENU[menuLanguage(e)];
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem(text.openReport, "showRetentionReport")
    .addSeparator()
    .addItem(text.highlight, "menuHighlightToWinBack")
    .addItem(text.clear, "menuClearHighlighting")
    .addSeparator()
    .addItem(text.createTemplate, "createTemplate")
    .addItem(text.createTemplateWithSample, "createTemplateWithSampleOrders")
    .addToUi();
}

/** Runs onOpen right after installation, so the menu appears without reloading. */
export function onInstall(e?: OpenEvent): void {
  onOpen(e);
}

/** Opens the retention report sidebar. */
export function showRetentionReport(): void {
  const language = spreadsheetLanguage(SpreadsheetApp.getActiveSpreadsheet());
  const sidebar = HtmlService.createHtmlOutputFromFile("Sidebar").setTitle(SIDEBAR[language].title);
  SpreadsheetApp.getUi().showSidebar(sidebar);
}

/** Menu item: highlights the customers to win back in the selection, with the sheet's remembered settings. */
export function menuHighlightToWinBack(): void {
  const ui = SpreadsheetApp.getUi();
  let language: Language = "en";
  try {
    const message = inSelection((selection) => {
      language = selection.language;
      const { request, doubts } = startingRequest(selection, readHead(selection));
      const { highlightedRows, customers, rangeA1 } = highlightSelection(selection, request, doubts);
      const key = highlightedRows > 0 ? "highlighted" : "nobodyToWinBack";
      const counts = { language, of: { rows: highlightedRows, customers } };
      return fill(ADDON_MESSAGES[language][key], { rows: highlightedRows, customers, range: rangeA1 }, counts);
    });
    ui.alert(message);
  } catch (error) {
    ui.alert(fill(ADDON_MESSAGES[language].failed, { message: localizedError(error, language).message }));
  }
}

/** Menu item: removes the add-on's highlight, restoring the sheets' formatting exactly. */
export function menuClearHighlighting(): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const language = spreadsheetLanguage(spreadsheet);
  const cleared = removeHighlights(spreadsheet.getSheets());
  SpreadsheetApp.getUi().alert(ADDON_MESSAGES[language][cleared ? "cleared" : "nothingToClear"]);
}
