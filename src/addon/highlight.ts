// Highlighting the order rows of customers from below-target cohorts without touching the sheet's
// values or its own formatting: ONE conditional format rule, marked as ours by its formula, whose
// ranges are the runs of highlighted rows. It goes first in the sheet's rule list (so it wins over
// the user's rules on those cells); re-highlighting replaces it and clearing removes only it, so
// the rule list is then exactly what it was before.

import { columnLetter } from "../core/a1";
import { customerKey } from "../core/customer-key";
import type { Cells } from "../core/ingest";

/** Marks the rule as the add-on's; the formula is always true, so every cell in its ranges is filled. */
export const HIGHLIGHT_MARK = "sheets-retention:below-target";
export const HIGHLIGHT_FORMULA = `=ISTEXT("${HIGHLIGHT_MARK}")`;
/** Sheets' "light red 3". */
export const HIGHLIGHT_COLOR = "#f4cccc";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

/** Sheet rows (ascending) whose customer is in a weak cohort; header and rows above it are skipped. */
export function rowsToHighlight(
  values: Cells,
  headerRow: number,
  firstRowNumber: number,
  customerColumn: number,
  isWeak: (customerKey: string) => boolean,
): number[] {
  const rows: number[] = [];
  for (let row = headerRow + 1; row < values.length; row++) {
    const key = customerKey(values[row]?.[customerColumn]);
    if (key !== "" && isWeak(key)) rows.push(firstRowNumber + row);
  }
  return rows;
}

/** Ascending row numbers → runs of consecutive rows, each `[first, last]`. */
export function rowRuns(rows: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const row of rows) {
    const last = runs[runs.length - 1];
    if (last !== undefined && row === last[1] + 1) last[1] = row;
    else runs.push([row, row]);
  }
  return runs;
}

/** A1 notation of each run across the columns `firstColumn … firstColumn + numColumns - 1` (1-based). */
export function runsToA1(runs: readonly [number, number][], firstColumn: number, numColumns: number): string[] {
  const left = columnLetter(firstColumn - 1);
  const right = columnLetter(firstColumn + numColumns - 2);
  return runs.map(([first, last]) => `${left}${first}:${right}${last}`);
}

/** Whether a rule's criteria are ours (the marker text appears in its formula). */
export function isHighlightCriteria(criteriaValues: readonly unknown[] | undefined): boolean {
  return criteriaValues?.some((value) => String(value).includes(HIGHLIGHT_MARK)) === true;
}

function isHighlightRule(rule: Rule): boolean {
  return isHighlightCriteria(rule.getBooleanCondition()?.getCriteriaValues());
}

/**
 * Puts one rule covering `a1s` first in the sheet's list, replacing any earlier one of ours;
 * with no rows, just removes ours. Four calls plus two per existing rule, whatever the row count.
 */
export function replaceHighlight(sheet: Sheet, a1s: readonly string[]): void {
  const rules = sheet.getConditionalFormatRules();
  const others = rules.filter((rule) => !isHighlightRule(rule));
  if (a1s.length === 0 && others.length === rules.length) return;
  const ours =
    a1s.length === 0
      ? []
      : [
          SpreadsheetApp.newConditionalFormatRule()
            .whenFormulaSatisfied(HIGHLIGHT_FORMULA)
            .setBackground(HIGHLIGHT_COLOR)
            .setRanges(sheet.getRangeList([...a1s]).getRanges())
            .build(),
        ];
  sheet.setConditionalFormatRules([...ours, ...others]);
}

/** Removes our rule from every sheet; true when there was one. The other rules stay as they were. */
export function removeHighlights(sheets: readonly Sheet[]): boolean {
  let removed = false;
  for (const sheet of sheets) {
    const rules = sheet.getConditionalFormatRules();
    const others = rules.filter((rule) => !isHighlightRule(rule));
    if (others.length === rules.length) continue;
    sheet.setConditionalFormatRules(others);
    removed = true;
  }
  return removed;
}
