// Apps Script enums are objects whose toString() is the member's name (Logger.log(e.authMode)
// prints "NONE"). The fake's members are frozen objects of that shape, cast once to the real
// enum type so code typed against @types/google-apps-script accepts them.

export interface EnumMember {
  readonly name: string;
  toString(): string;
  toJSON(): string;
}

export function fakeEnum<E>(names: readonly string[]): E {
  const members: Record<string, EnumMember> = {};
  for (const name of names) {
    members[name] = Object.freeze({ name, toString: () => name, toJSON: () => name });
  }
  return Object.freeze(members) as unknown as E;
}

/** The member's name, for a fake enum member or anything else that prints as one. */
export function enumName(member: unknown): string {
  return String(member);
}

type S = typeof GoogleAppsScript.Spreadsheet;

export const InterpolationType = fakeEnum<S["InterpolationType"]>(["NUMBER", "PERCENT", "PERCENTILE", "MIN", "MAX"]);
export const BooleanCriteria = fakeEnum<S["BooleanCriteria"]>([
  "CELL_EMPTY",
  "CELL_NOT_EMPTY",
  "DATE_AFTER",
  "DATE_BEFORE",
  "DATE_EQUAL_TO",
  "NUMBER_BETWEEN",
  "NUMBER_EQUAL_TO",
  "NUMBER_GREATER_THAN",
  "NUMBER_GREATER_THAN_OR_EQUAL_TO",
  "NUMBER_LESS_THAN",
  "NUMBER_LESS_THAN_OR_EQUAL_TO",
  "NUMBER_NOT_BETWEEN",
  "NUMBER_NOT_EQUAL_TO",
  "TEXT_CONTAINS",
  "TEXT_DOES_NOT_CONTAIN",
  "TEXT_EQUAL_TO",
  "TEXT_STARTS_WITH",
  "TEXT_ENDS_WITH",
  "CUSTOM_FORMULA",
]);
export const DataValidationCriteria = fakeEnum<S["DataValidationCriteria"]>([
  "DATE_AFTER",
  "DATE_BEFORE",
  "DATE_IS_VALID_DATE",
  "DATE_ON_OR_AFTER",
  "NUMBER_GREATER_THAN_OR_EQUAL_TO",
  "NUMBER_BETWEEN",
  "VALUE_IN_LIST",
  "CUSTOM_FORMULA",
  "CHECKBOX",
]);
export const DeveloperMetadataVisibility = fakeEnum<S["DeveloperMetadataVisibility"]>(["DOCUMENT", "PROJECT"]);
export const Dimension = fakeEnum<S["Dimension"]>(["COLUMNS", "ROWS"]);
export const AuthMode = fakeEnum<typeof GoogleAppsScript.Script.AuthMode>(["NONE", "CUSTOM_FUNCTION", "LIMITED", "FULL"]);
export const Button = fakeEnum<typeof GoogleAppsScript.Base.Button>(["CLOSE", "OK", "CANCEL", "YES", "NO"]);
export const ButtonSet = fakeEnum<typeof GoogleAppsScript.Base.ButtonSet>(["OK", "OK_CANCEL", "YES_NO", "YES_NO_CANCEL"]);
