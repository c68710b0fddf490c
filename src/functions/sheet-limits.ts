// What a spilled result may not exceed: a sheet has at most 18,278 columns (A … ZZZ). A function
// whose width grows with the data checks it before building its table, so a stray date gives an
// error naming the cause rather than a sheet Sheets refuses (or a table too big to build).

import type { CustomerLedger } from "../core/ledger";
import { periodIndex, type Period } from "../core/periods";
import { fail } from "../core/problems";

export const SHEET_MAX_COLUMNS = 18_278;

/**
 * Columns of COHORT_MATRIX: cohort start, cohort size, then one per period from the first purchase's
 * to the latest one's (see core cohortMatrix). With dates bounded to 1900–2100 the widest, weekly,
 * is 10,490: the check guards the bound as much as the sheet.
 */
export function cohortMatrixWidth(ledger: CustomerLedger, period: Period): number {
  if (ledger.isEmpty) return 2;
  return 2 + periodIndex(ledger.latestDay, period) - periodIndex(ledger.earliestDay, period) + 1;
}

/** Fails with `tooManyColumns`, naming the argument that sets the width, when a result is too wide. */
export function requireSheetColumns(columns: number, argument: string, limit = SHEET_MAX_COLUMNS): void {
  if (columns > limit) fail({ code: "tooManyColumns", argument, value: columns, otherValue: limit });
}
