// The mapping and settings the user last analysed a sheet with, kept as developer metadata on
// that sheet. Developer metadata needs no OAuth scope beyond spreadsheets.currentonly (unlike a
// separate store), travels with the sheet when it is copied or renamed, and PROJECT visibility
// keeps other scripts from reading or changing it.

import { parseRemembered, type RememberedSettings } from "./settings";

const KEY = "sheets-retention:settings";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function ourEntry(sheet: Sheet): GoogleAppsScript.Spreadsheet.DeveloperMetadata | undefined {
  return sheet.getDeveloperMetadata().find((entry) => entry.getKey() === KEY);
}

export function loadRemembered(sheet: Sheet): RememberedSettings | undefined {
  return parseRemembered(ourEntry(sheet)?.getValue() ?? null);
}

export function saveRemembered(sheet: Sheet, remembered: RememberedSettings): void {
  const json = JSON.stringify(remembered);
  const entry = ourEntry(sheet);
  if (entry) {
    if (entry.getValue() !== json) entry.setValue(json);
  } else {
    sheet.addDeveloperMetadata(KEY, json, SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
  }
}
