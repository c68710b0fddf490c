// Input problems as data. The core never renders text: each adapter turns a Problem into a
// localized message (i18n/problems.ts), a sidebar banner or a CLI exit code.

export type ProblemCode =
  | "lengthMismatch"
  | "notOneColumn"
  | "missingCustomer"
  | "missingDate"
  | "badDate"
  | "badAmount"
  | "badBudget"
  | "errorValue"
  | "implausibleDate"
  | "tooManyColumns"
  | "negativeRepeatRevenue"
  | "negativeFirstRevenue"
  | "sameColumn"
  | "badDateArgument"
  | "implausibleDateArgument"
  | "badSwitch"
  | "argumentWithout"
  | "startAfterEnd"
  | "badWithinDays"
  | "unknownPeriod"
  | "unknownMeasure"
  | "noNewCustomers"
  | "noRevenue"
  | "noReturns"
  | "tooEarlyToJudge"
  | "noData"
  | "badFactor"
  | "badTrendThreshold"
  | "noPurchases"
  | "noBudgets"
  | "badTarget";

export interface Problem {
  code: ProblemCode;
  /** The argument or column the problem is in, as the user named it. */
  argument?: string;
  /** 1-based row within the range (or sheet row, when the adapter says so). */
  row?: number;
  /** The file the row is in, where an adapter reads several (the command line's DuckDB engine). */
  file?: string;
  /** The offending value, as the user typed it. */
  value?: unknown;
  /** A second argument, for problems between two arguments. */
  otherArgument?: string;
  otherValue?: unknown;
}

/** Thrown by the core when a computation cannot go on; adapters catch it and render `problem`. */
export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.code);
    this.name = "ProblemError";
  }
}

export function fail(problem: Problem): never {
  throw new ProblemError(problem);
}
