// HyperFormula with the retention functions: for the tests, the bench and the preview.

export {
  RetentionFunctionsPlugin,
  registerRetentionFunctions,
  retentionEngineConfig,
  HYPERFORMULA_LICENCE,
  type RetentionFunctionName,
} from "./plugin";
export {
  evaluateWorkbook,
  evaluateSheets,
  workbookFromFake,
  type WorkbookInput,
  type WorkbookSheet,
  type WorkbookCell,
  type EvaluatedWorkbook,
  type EvaluatedCell,
  type EvaluatedError,
  type CellProblem,
} from "./workbook";
export { boundOpenRanges } from "./open-ranges";
