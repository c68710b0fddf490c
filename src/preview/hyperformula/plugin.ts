// The custom functions inside HyperFormula, for the tests, the bench and the preview. Each one
// turns HyperFormula's argument values into what Sheets would pass and calls the very SAME function
// as Apps Script does (src/functions/custom-functions.ts), so a figure checked here is the figure a
// user sees in Sheets. HyperFormula is a dev dependency (GPL v3 licence key); it never ships.

import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type ConfigParams,
  type FunctionArgument,
  type ImplementedFunctions,
} from "hyperformula";
import { dayToSerial, MS_PER_DAY } from "../../core/calendar";
import { isDateObject } from "../../core/cells";
import * as customFunctions from "../../functions/custom-functions";
import { CUSTOM_FUNCTION_NAMES, type CustomFunctionName, SIGNATURES } from "../../functions/signatures";
import { registerSparkline } from "./sparkline";

export type RetentionFunctionName = CustomFunctionName;

/** HyperFormula's licence for GPL v3 use: this code only runs in tests, the bench and the preview. */
export const HYPERFORMULA_LICENCE = "gpl-v3";

/**
 * HyperFormula keeps dates as serial numbers with no time zone, so the custom functions run in UTC:
 * a Date they return is midnight UTC of its day, which maps back to the same serial.
 */
const TIME_ZONE = "UTC";

/** The plugin method HyperFormula calls for a function: RETENTION_RATE → retentionRate. */
function pluginMethod(name: RetentionFunctionName): string {
  return name.toLowerCase().replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** The method that sizes a spilling function's result area before it is evaluated. */
const sizeMethod = (name: RetentionFunctionName): string => `${pluginMethod(name)}Size`;

const spills = (name: RetentionFunctionName): boolean => SIGNATURES[name].returns.kind === "table";

/** ANY, not RANGE: Sheets also accepts a one-cell range or a literal where a range is expected. */
function parameterMetadata(optional: boolean): FunctionArgument {
  return optional ? { argumentType: FunctionArgumentType.ANY, optionalArg: true } : { argumentType: FunctionArgumentType.ANY };
}

/** Every function of the signatures table, with its parameters as the table lists them. */
function implementedFunctions(): ImplementedFunctions {
  const functions: ImplementedFunctions = {};
  for (const name of CUSTOM_FUNCTION_NAMES) {
    functions[name] = {
      method: pluginMethod(name),
      parameters: SIGNATURES[name].parameters.map((parameter) => parameterMetadata(parameter.optional)),
      // The whole range goes to the function at once, as in Sheets; never cell by cell.
      vectorizationForbidden: true,
      ...(spills(name) ? { sizeOfResultArrayMethod: sizeMethod(name) } : {}),
    };
  }
  return functions;
}

/** A Sheets-like stand-in for what src/functions/sheet-environment.ts reads: locale and time zone. */
function withSpreadsheetLocale<T>(locale: string, body: () => T): T {
  const scope = globalThis as { SpreadsheetApp?: unknown };
  const hadOne = "SpreadsheetApp" in scope;
  const previous = scope.SpreadsheetApp;
  scope.SpreadsheetApp = {
    getActiveSpreadsheet: () => ({ getSpreadsheetLocale: () => locale, getSpreadsheetTimeZone: () => TIME_ZONE }),
  };
  try {
    return body();
  } finally {
    if (hadOne) scope.SpreadsheetApp = previous;
    else delete scope.SpreadsheetApp;
  }
}

/** Thrown while converting arguments: a range holding an error makes the function that error. */
class ErrorInArgument extends Error {
  constructor(readonly cellError: CellError) {
    super(cellError.message ?? cellError.type);
  }
}

/** A cell as Sheets passes it to a custom function: "" for empty, plain numbers, text, booleans. */
function sheetsCell(value: unknown): unknown {
  if (value === EmptyValue || value === undefined) return "";
  if (value instanceof CellError) throw new ErrorInArgument(value);
  // Date-, currency- and percent-typed numbers arrive wrapped; Sheets would pass the number.
  if (typeof value === "object" && value !== null && "val" in value) return (value as { val: number }).val;
  return value;
}

/** Sheets passes a one-cell range as a bare value and a bigger one as a 2-D array. */
function sheetsArgument(value: unknown): unknown {
  if (value === undefined) return undefined;
  if (!(value instanceof SimpleRangeValue)) return sheetsCell(value);
  const data = value.data;
  if (data.length === 1 && data[0]!.length === 1) return sheetsCell(data[0]![0]);
  return data.map((row) => row.map(sheetsCell));
}

/** A returned Date is midnight UTC of its day (see TIME_ZONE); HyperFormula wants its serial. */
function hyperFormulaCell(value: unknown): string | number | boolean {
  if (isDateObject(value)) return dayToSerial(Math.floor(value.getTime() / MS_PER_DAY));
  return value as string | number | boolean;
}

type Outcome = { value: number } | { table: (string | number | boolean)[][] } | { error: CellError };

function callCustomFunction(name: RetentionFunctionName, locale: string, rawArguments: unknown[]): Outcome {
  try {
    const args = rawArguments.map(sheetsArgument);
    // biome-ignore lint/performance/noDynamicNamespaceImportAccess: every custom function is called by name from the sheet.
    const result: unknown = withSpreadsheetLocale(locale, () => (customFunctions[name] as (...values: unknown[]) => unknown)(...args));
    if (Array.isArray(result)) return { table: (result as unknown[][]).map((row) => row.map(hyperFormulaCell)) };
    return { value: result as number };
  } catch (error) {
    if (error instanceof ErrorInArgument) return { error: error.cellError };
    // Sheets shows a custom function's thrown message under #ERROR!; so does the preview.
    return { error: new CellError(ErrorType.ERROR, error instanceof Error ? error.message : String(error)) };
  }
}

// HyperFormula does not export its AST and interpreter-state types; these are the parts used here.
interface FunctionCallAst {
  args: unknown[];
}
type InterpreterState = { formulaAddress: { sheet: number; row: number; col: number } };

interface SpillingVertex {
  formula?: unknown;
  width?: number;
  height?: number;
}

/** The engine's internals this plugin relies on, behind one narrow, typed door. */
interface PluginInternals {
  config: { localeLang: string };
  evaluateAst(ast: unknown, state: InterpreterState): unknown;
  runFunction(args: unknown[], state: InterpreterState, metadata: unknown, body: (...values: unknown[]) => unknown): unknown;
  metadata(name: string): unknown;
  dependencyGraph: { getCell(address: InterpreterState["formulaAddress"]): unknown };
}

export class RetentionFunctionsPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = implementedFunctions();

  /** The spreadsheet locale (`ru_RU`, `en_US` …) is carried by HyperFormula's `localeLang` setting. */
  private get internals(): PluginInternals {
    return this as unknown as PluginInternals;
  }

  private evaluate(name: RetentionFunctionName, ast: FunctionCallAst, state: InterpreterState): unknown {
    const internals = this.internals;
    return internals.runFunction(ast.args, state, internals.metadata(name), (...values: unknown[]) => {
      const outcome = callCustomFunction(name, internals.config.localeLang, values);
      if ("error" in outcome) return outcome.error;
      if ("value" in outcome) return outcome.value;
      return this.fitsSpillArea(outcome.table, ast, state)
        ? SimpleRangeValue.onlyValues(outcome.table)
        : new CellError(ErrorType.SPILL, "the result grew after the formula was entered; enter it again");
    });
  }

  /**
   * HyperFormula fixes a spill area when the formula is entered, before evaluating it, so the size
   * method computes the result from the argument values as they stand (see evaluateWorkbook, which
   * enters formulas after the data for that reason).
   */
  private spillSize(name: RetentionFunctionName, ast: FunctionCallAst, state: InterpreterState): ArraySize {
    const values = ast.args.map((arg) => this.internals.evaluateAst(arg, state));
    const outcome = callCustomFunction(name, this.internals.config.localeLang, values);
    if (!("table" in outcome)) return ArraySize.scalar();
    return new ArraySize(Math.max(...outcome.table.map((row) => row.length)), outcome.table.length);
  }

  /**
   * A result larger than the area fixed at entry would crash HyperFormula; report it instead. Only a
   * call that is the whole formula spills; nested in another function, its array is an argument.
   */
  private fitsSpillArea(table: unknown[][], ast: FunctionCallAst, state: InterpreterState): boolean {
    const vertex = this.internals.dependencyGraph.getCell(state.formulaAddress) as SpillingVertex | undefined;
    if (vertex?.formula !== ast || vertex.width === undefined || vertex.height === undefined) return true;
    return table.length <= vertex.height && table.every((row) => row.length <= vertex.width!);
  }

  /** HyperFormula calls each function by the method name registered for it: one (two if it spills) per table entry. */
  static {
    const prototype = RetentionFunctionsPlugin.prototype as unknown as Record<string, unknown>;
    for (const name of CUSTOM_FUNCTION_NAMES) {
      prototype[pluginMethod(name)] = function (this: RetentionFunctionsPlugin, ast: FunctionCallAst, state: InterpreterState) {
        return this.evaluate(name, ast, state);
      };
      if (spills(name)) {
        prototype[sizeMethod(name)] = function (this: RetentionFunctionsPlugin, ast: FunctionCallAst, state: InterpreterState) {
          return this.spillSize(name, ast, state);
        };
      }
    }
  }
}

/** Function names are the same in every HyperFormula language this project uses. */
const NAMES = Object.fromEntries(CUSTOM_FUNCTION_NAMES.map((name) => [name, name]));

let registered = false;

/** Registers the plugin once per process (HyperFormula keeps plugins in a static registry). */
export function registerRetentionFunctions(): void {
  if (registered) return;
  HyperFormula.registerFunctionPlugin(RetentionFunctionsPlugin, { enGB: NAMES, enUS: NAMES });
  registerSparkline();
  registered = true;
}

/** Sheets' limit is 10 million cells, so a one-column sheet can have that many rows. */
const SHEETS_MAX_ROWS = 10_000_000;

/**
 * HyperFormula settings for a spreadsheet of this locale (`ru_RU`, `en_US` …): the GPL licence,
 * the locale the custom functions read (dates like 03/05/2024, decimal commas, message language),
 * room for as many rows as Sheets allows, Sheets' case-insensitive text comparison, and Sheets' own
 * date serials (day 0 = 1899-12-30, which is HyperFormula's default too). Registers the functions on first use.
 */
export function retentionEngineConfig(spreadsheetLocale = "en_US"): Partial<ConfigParams> {
  registerRetentionFunctions();
  return {
    licenseKey: HYPERFORMULA_LICENCE,
    localeLang: spreadsheetLocale.replace("_", "-"),
    maxRows: SHEETS_MAX_ROWS,
    // Sheets compares text ignoring case (`"Project"<>"project"` is FALSE); the template relies on it.
    caseSensitive: false,
  };
}
