// An in-memory SpreadsheetApp for tests, the local preview and the template builder. See fake.ts
// for how to use it; every class implements a Pick of the real @types/google-apps-script interface.

export { createFakeSheets, installFakeGlobals, FakeSheets, type FakeOptions, type FakeAuthMode, type FakeGlobals } from "./fake";
export { CallCounter } from "./calls";
export { parseA1, formatA1, type Bounds } from "./a1";
export { displayValue } from "./display";
export { DEFAULT_FORMAT, type CellFormat } from "./grid";
export type { FakeSpreadsheet } from "./spreadsheet";
export type { FakeSheet, FakeRangeList, FakeDeveloperMetadata } from "./sheet";
export type { FakeRange } from "./range";
export type { RuleDescription, ValidationDescription, FakeConditionalFormatRule, FakeDataValidation } from "./rules";
export type { FakeUi, FakeMenu, FakeHtmlOutput, MenuItem, RecordedMenu } from "./ui";
