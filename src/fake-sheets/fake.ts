// The entry point of the fake: one spreadsheet with its SpreadsheetApp, HtmlService, Session and
// ScriptApp, all counting their calls into one CallCounter.
//
//   const fake = createFakeSheets({ locale: "ru_RU", sheets: { Orders: [["Клиент", "Дата"], …] } });
//   fake.select("Orders!A1:C10");
//   installFakeGlobals(globalThis, fake);      // or a node:vm context object
//   …run add-on code…
//   fake.calls.get("Range.getValues");         // how many times it was called
//   fake.sheet("Orders").describeRules();      // conditional format rules as plain data

import { parseA1 } from "./a1";
import { CallCounter } from "./calls";
import { asReal, Counted } from "./counted";
import { AuthMode, BooleanCriteria, DataValidationCriteria, DeveloperMetadataVisibility, Dimension, InterpolationType } from "./enums";
import { FakeConditionalFormatRuleBuilder, FakeDataValidationBuilder } from "./rules";
import { FakeSpreadsheet } from "./spreadsheet";
import type { FakeSheet } from "./sheet";
import { FakeHtmlService, FakeUi } from "./ui";

type SpreadsheetAppApi = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

export interface FakeOptions {
  /** Spreadsheet locale, default `en_US`. */
  locale?: string;
  /** Spreadsheet time zone, default `Europe/Moscow` (the project's appsscript.json). */
  timeZone?: string;
  /** What Session.getScriptTimeZone() returns; defaults to `timeZone`. */
  scriptTimeZone?: string;
  /** What Session.getActiveUserLocale() returns (a language code such as `ru`); default `en`. */
  userLocale?: string;
  /** Sheets in order, each with its rows of values; the first is active. Default: one empty "Sheet1". */
  sheets?: Record<string, readonly (readonly unknown[])[]>;
  /** Content of project HTML files for HtmlService.createHtmlOutputFromFile (name without .html). */
  readHtmlFile?: (name: string) => string;
}

/** The authorization the add-on runs under; in NONE (onOpen before first use) data is off limits. */
export type FakeAuthMode = "NONE" | "LIMITED" | "FULL";

class FakeSpreadsheetApp
  extends Counted
  implements
    Pick<
      SpreadsheetAppApi,
      | "BooleanCriteria"
      | "DataValidationCriteria"
      | "DeveloperMetadataVisibility"
      | "Dimension"
      | "InterpolationType"
      | "flush"
      | "getActive"
      | "getActiveRange"
      | "getActiveSheet"
      | "getActiveSpreadsheet"
      | "getUi"
      | "newConditionalFormatRule"
      | "newDataValidation"
    >
{
  readonly BooleanCriteria = BooleanCriteria;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly DeveloperMetadataVisibility = DeveloperMetadataVisibility;
  readonly Dimension = Dimension;
  readonly InterpolationType = InterpolationType;

  constructor(
    counter: CallCounter,
    private readonly fake: FakeSheets,
  ) {
    super(counter, "SpreadsheetApp");
  }
  private spreadsheet(method: string): FakeSpreadsheet {
    if (this.fake.authMode === "NONE") {
      throw new Error(`You do not have permission to call SpreadsheetApp.${method}. (AuthMode.NONE)`);
    }
    return this.fake.spreadsheet;
  }
  flush(): void {}
  getActive(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return asReal(this.spreadsheet("getActive"));
  }
  getActiveSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return asReal(this.spreadsheet("getActiveSpreadsheet"));
  }
  getActiveSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return asReal(this.spreadsheet("getActiveSheet").activeSheet);
  }
  getActiveRange(): GoogleAppsScript.Spreadsheet.Range {
    const sheet = this.spreadsheet("getActiveRange").activeSheet;
    return asReal(sheet.range(sheet.selection));
  }
  getUi(): GoogleAppsScript.Base.Ui {
    return asReal(this.fake.ui);
  }
  newConditionalFormatRule(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    return asReal(new FakeConditionalFormatRuleBuilder(this.counter));
  }
  newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return asReal(new FakeDataValidationBuilder(this.counter));
  }
}

class FakeSession extends Counted implements Pick<GoogleAppsScript.Base.Session, "getScriptTimeZone" | "getActiveUserLocale"> {
  constructor(
    counter: CallCounter,
    private readonly timeZone: string,
    private readonly userLocale: string,
  ) {
    super(counter, "Session");
  }
  getScriptTimeZone(): string {
    return this.timeZone;
  }
  getActiveUserLocale(): string {
    return this.userLocale;
  }
}

class FakeScriptApp extends Counted implements Pick<GoogleAppsScript.Script.ScriptApp, "AuthMode"> {
  readonly AuthMode = AuthMode;
  constructor(counter: CallCounter) {
    super(counter, "ScriptApp");
  }
}

/** The Apps Script globals the fake provides, as code running in Apps Script sees them. */
export interface FakeGlobals {
  SpreadsheetApp: SpreadsheetAppApi;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  Session: GoogleAppsScript.Base.Session;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
}

export class FakeSheets {
  /** Per-method call counts of everything reached through `globals`: `calls.get("Range.getValues")`. */
  readonly calls = new CallCounter();
  /** The raw spreadsheet, for setting up and inspecting a test without counting calls. */
  readonly spreadsheet: FakeSpreadsheet;
  /** Menus, alerts and sidebars the code showed. */
  readonly ui: FakeUi;
  readonly globals: FakeGlobals;
  authMode: FakeAuthMode = "FULL";

  constructor(options: FakeOptions = {}) {
    const timeZone = options.timeZone ?? "Europe/Moscow";
    this.spreadsheet = new FakeSpreadsheet(this.calls, options.locale ?? "en_US", timeZone);
    for (const [name, rows] of Object.entries(options.sheets ?? { Sheet1: [] })) this.spreadsheet.addSheet(name, rows);
    this.ui = new FakeUi(this.calls);
    this.globals = {
      SpreadsheetApp: this.calls.expose(asReal(new FakeSpreadsheetApp(this.calls, this)), "SpreadsheetApp"),
      HtmlService: this.calls.expose(asReal(new FakeHtmlService(this.calls, options.readHtmlFile ?? (() => ""))), "HtmlService"),
      Session: this.calls.expose(
        asReal(new FakeSession(this.calls, options.scriptTimeZone ?? timeZone, options.userLocale ?? "en")),
        "Session",
      ),
      ScriptApp: this.calls.expose(asReal(new FakeScriptApp(this.calls)), "ScriptApp"),
    };
  }

  /** The raw sheet by name (throws when missing). */
  sheet(name: string): FakeSheet {
    return this.spreadsheet.sheetNamed(name);
  }

  /** Selects a range, as the user would: "Orders!A1:C10", or "B2" on the active sheet. */
  select(a1: string): this {
    const sheetName = parseA1(a1, 1, 1).sheetName;
    const sheet = sheetName === undefined ? this.spreadsheet.activeSheet : this.sheet(sheetName);
    this.spreadsheet.activateRange(sheet.rangeFromA1(a1));
    return this;
  }
}

export function createFakeSheets(options: FakeOptions = {}): FakeSheets {
  return new FakeSheets(options);
}

/**
 * Puts SpreadsheetApp, HtmlService, Session and ScriptApp on `target`: globalThis, or the object
 * a `node:vm` context was created from (before or after vm.createContext). Returns the fake.
 */
export function installFakeGlobals(target: object, fake: FakeSheets = createFakeSheets()): FakeSheets {
  Object.assign(target, fake.globals);
  return fake;
}
